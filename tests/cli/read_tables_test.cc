// The tables people read: `stories` sorted and narrowed as asked, outlets counted with
// unknown sources apart, and `quotes` naming each article with long text cut at a word.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "command_runner.h"

namespace storyline {
namespace {

using nlohmann::json;
using testing::RunStoryline;

class ReadTablesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        std::filesystem::temp_directory_path() / ("storyline-tables-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::vector<json> articles = {
        {{"id", "fire-1"},
         {"source", "Valley Times"},
         {"published", "2024-05-01"},
         {"title", "Glacier Valley wildfire forces evacuations"},
         {"text",
          "A wildfire in Glacier Valley forced thousands of residents to evacuate on Wednesday, "
          "fire chief Daniel Okafor said. \"The flames jumped the ridge overnight and we are "
          "asking every family north of the river to leave their homes right now,\" Okafor "
          "said. Crews from three counties fought the Glacier Valley fire with air tankers."}},
        {{"id", "port-1"},
         {"source", "Coast Herald"},
         {"published", "2024-05-06"},
         {"title", "Dockworkers strike at Harbor City port"},
         {"text",
          "Dockworkers at the Harbor City port began a strike on Monday over pay. \"We will "
          "not go back without a contract,\" said union leader Maria Lopez. The Harbor City "
          "port authority said talks with the dockworkers union would resume on Wednesday."}},
        {{"id", "port-2"},
         {"published", "2024-05-07"},
         {"title", "Harbor City port strike enters second day"},
         {"text",
          "The strike by Harbor City dockworkers entered its second day on Tuesday. Union "
          "leader Maria Lopez said the dockworkers union would not end the strike at the "
          "Harbor City port until the port authority raised its pay offer."}},
    };
    const std::string input = (dir_ / "in.jsonl").string();
    std::ofstream out(input);
    for (const json& article : articles) out << article.dump() << "\n";
    out.close();
    const auto result = RunStoryline("ingest --db " + Db() + " " + input);
    ASSERT_EQ(result.status, 0) << result.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static std::string Db() { return (dir_ / "store.db").string(); }

  static std::vector<int> StoryIds(const std::string& options) {
    const auto result = RunStoryline("stories --db " + Db() + " --json " + options);
    EXPECT_EQ(result.status, 0) << result.err;
    std::vector<int> ids;
    const json listed = json::parse(result.out);
    for (const json& story : listed["stories"]) ids.push_back(story["id"]);
    return ids;
  }

  static int StoryOf(const std::string& article) {
    const json stories = json::parse(RunStoryline("stories --db " + Db() + " --json").out);
    for (const json& story : stories["stories"]) {
      for (const json& id : story["articles"]) {
        if (id == article) return story["id"];
      }
    }
    return -1;
  }

  static std::filesystem::path dir_;
};

std::filesystem::path ReadTablesTest::dir_;

TEST_F(ReadTablesTest, StoriesSortByArticlesOrDateAndKeepThoseSinceADay) {
  const int fire = StoryOf("fire-1");
  const int port = StoryOf("port-1");
  ASSERT_EQ(StoryOf("port-2"), port);
  ASSERT_LT(fire, port);
  EXPECT_EQ(StoryIds(""), (std::vector<int>{fire, port}));
  EXPECT_EQ(StoryIds("--sort articles"), (std::vector<int>{port, fire}));
  EXPECT_EQ(StoryIds("--sort date"), (std::vector<int>{port, fire}));
  EXPECT_EQ(StoryIds("--since 2024-05-05"), std::vector<int>{port});
  EXPECT_EQ(StoryIds("--since 2030-01-01"), std::vector<int>{});
  EXPECT_EQ(RunStoryline("stories --db " + Db() + " --since yesterday").status, 2);
  EXPECT_EQ(RunStoryline("stories --db " + Db() + " --sort size").status, 2);
}

TEST_F(ReadTablesTest, StoryDetailCountsOutletsWithUnknownSourcesApart) {
  const auto one =
      RunStoryline("stories --db " + Db() + " --story " + std::to_string(StoryOf("fire-1")));
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_NE(one.out.find("1 article from 1 outlet,"), std::string::npos) << one.out;
  const auto two =
      RunStoryline("stories --db " + Db() + " --story " + std::to_string(StoryOf("port-1")));
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_NE(two.out.find("2 articles from 1 outlet and 1 of unknown source,"), std::string::npos)
      << two.out;
}

TEST_F(ReadTablesTest, QuotesTableNamesTheArticleAndCutsAtAWord) {
  const auto table = RunStoryline("quotes --db " + Db());
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("article"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("fire-1"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("port-1"), std::string::npos) << table.out;
  // The long quotation ends with a whole word and the ellipsis.
  const size_t cut = table.out.find("\u2026\u201d");
  ASSERT_NE(cut, std::string::npos) << table.out;
  const size_t quote = table.out.rfind("\u201c", cut);
  const std::string shown = table.out.substr(quote + 3, cut - quote - 3);
  const std::string whole =
      "The flames jumped the ridge overnight and we are asking every family north of the river "
      "to leave their homes right now,";
  ASSERT_EQ(whole.rfind(shown, 0), 0u) << shown;
  EXPECT_EQ(whole[shown.size()], ' ') << shown;
  EXPECT_LE(shown.size(), 64u);

  const auto json_out = RunStoryline("quotes --db " + Db() + " --json");
  EXPECT_NE(json_out.out.find(whole), std::string::npos) << json_out.out;
}

}  // namespace
}  // namespace storyline
