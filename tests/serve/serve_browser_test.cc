// The web page in a real browser: Debian's chromium, headless, loads each view from the
// real server over a store holding an article that tries to run script (a <script>
// element in its title, an <img onerror=> in its text) and must show it as text. The DOM
// after the page's script ran is read back (--dump-dom), and a screenshot of each view is
// saved in the build tree (serve-screenshots/) to look at. Skipped where chromium is not
// installed (scripts/install-deps.sh installs it); slow (a browser start per view).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "../cli/command_runner.h"
#include "hostile_article.h"
#include "serve/web_server.h"
#include "../support/test_paths.h"

namespace storyline {
namespace {

using testing::kHostileArticle;
using testing::RunStoryline;

constexpr char kChromium[] = "/usr/bin/chromium";

class ServeBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Chromium is a test dependency (scripts/install-deps.sh): without it the test fails
    // rather than skipping, so that no run passes with the browser checks unrun.
    ASSERT_TRUE(std::filesystem::exists(kChromium)) << "no " << kChromium;
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-serve-browser-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string input = (dir_ / "articles.jsonl").string();
    std::ofstream(input) << kHostileArticle << "\n";
    const auto ingest = RunStoryline("ingest --db " + (dir_ / "store.db").string() + " " +
                                     storyline::test_paths::SharedDir() + "/seeds/seeds.jsonl " + input);
    ASSERT_EQ(ingest.status, 0) << ingest.err;
    ServeOptions options;
    options.db = (dir_ / "store.db").string();
    options.port = 0;
    server_ = std::make_unique<WebServer>(options);
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
    std::filesystem::remove_all(dir_);
  }

  // The page's DOM at `fragment` once its script has run, and a screenshot named `name`.
  std::string Render(const std::string& fragment, const std::string& name) {
    const std::string url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/" + fragment;
    const std::string flags =
        " --headless --no-sandbox --disable-gpu --no-first-run "
        "--disable-dev-shm-usage --user-data-dir=" +
        (dir_ / "profile").string() + " --virtual-time-budget=8000 ";
    const std::filesystem::path shots =
        std::filesystem::path(storyline::test_paths::StorylineBinary()).parent_path() / "serve-screenshots";
    std::filesystem::create_directories(shots);
    const std::string shot =
        std::string(kChromium) + flags +
        "--window-size=1280,1000 --screenshot=" + (shots / (name + ".png")).string() + " '" + url +
        "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(shot.c_str()), 0) << shot;
    const std::string command =
        std::string(kChromium) + flags + "--dump-dom '" + url + "' 2>/dev/null";
    std::string dom;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return dom;
    char buffer[65536];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) dom.append(buffer, n);
    ::pclose(pipe);
    return dom;
  }

  std::filesystem::path dir_;
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
};

TEST_F(ServeBrowserTest, AnArticleHoldingMarkupShowsItAsText) {
  const std::string dom = Render("#/article/hostile", "article");
  EXPECT_NE(dom.find("Mayor &lt;script&gt;alert(1)&lt;/script&gt; speaks"), std::string::npos)
      << dom;
  EXPECT_NE(dom.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos) << dom;
  EXPECT_EQ(dom.find("<script>alert"), std::string::npos);
  EXPECT_EQ(dom.find("<img src=\"x\""), std::string::npos);
  EXPECT_EQ(dom.find("<b>now</b>"), std::string::npos);
  EXPECT_NE(dom.find("<mark class=\"quote\""), std::string::npos) << "facts highlighted";
}

TEST_F(ServeBrowserTest, EachViewRendersFromTheApi) {
  const std::string stories = Render("", "stories");
  EXPECT_NE(stories.find("href=\"#/story/"), std::string::npos) << stories;
  const size_t link = stories.find("href=\"#/story/");
  ASSERT_NE(link, std::string::npos);
  const std::string story_id =
      stories.substr(link + 14, stories.find('"', link + 14) - (link + 14));
  const std::string story = Render("#/story/" + story_id, "story");
  EXPECT_NE(story.find("Timeline"), std::string::npos) << story;
  EXPECT_NE(story.find("Across outlets"), std::string::npos) << story;
  EXPECT_NE(story.find("href=\"#/article/"), std::string::npos) << story;
  const std::string entity = Render("#/entity/benjamin-netanyahu", "entity");
  EXPECT_NE(entity.find("benjamin-netanyahu"), std::string::npos) << entity;
  EXPECT_EQ(entity.find("Could not load"), std::string::npos) << entity;
  const std::string search = Render("#/search?q=ceasefire", "search");
  EXPECT_NE(search.find("<b>"), std::string::npos) << search;
  EXPECT_NE(search.find("href=\"#/article/"), std::string::npos) << search;
}

}  // namespace
}  // namespace storyline
