// `storyline serve` over a PostgreSQL store (label `dist`: the executable starts its own
// server, support/pg_test_server.h): what another process writes after the server started
// shows in its answers, which it keeps until the store's change token moves.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "../store/store_test_articles.h"
#include "../support/pg_test_server.h"
#include "serve/web_server.h"
#include "store/store.h"

namespace storyline {
namespace {

using nlohmann::json;
using store_test::MakeArticle;
using store_test::Prepare;
using storyline::testing::PgServerEnvironment;

::testing::Environment* const kServer =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

// A story of the given articles, as a complete change set.
StoryChanges OneStory(const std::string& label, const std::vector<std::string>& articles) {
  StoryUpdate update;
  update.id = 1;
  update.label = label;
  update.replace = true;
  update.new_articles = articles;
  StoryChanges changes;
  changes.complete = true;
  changes.changed = {update};
  return changes;
}

class PgServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = PgServerEnvironment::Server().NewDatabase("serve");
    writer_ = OpenStore(db_);
    writer_->AddBatch(std::vector{
        Prepare(MakeArticle("dam", "AP", "Dam report", "The spillway opened at noon on Sunday."))});
    writer_->SaveStoryChanges({"state", 1}, OneStory("Dam", {"dam"}));
    ServeOptions options;
    options.db = db_;
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<WebServer>(options);
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  json GetJson(const std::string& path) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    const httplib::Result result = client.Get(path.c_str());
    EXPECT_TRUE(result) << path;
    if (!result) return nullptr;
    EXPECT_EQ(result->status, 200) << path << ": " << result->body;
    return json::parse(result->body);
  }

  std::string db_;
  std::unique_ptr<Store> writer_;
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
};

TEST_F(PgServeTest, AnswersFollowArticlesAndStoriesWrittenAfterItStarted) {
  const json version = GetJson("/api/v1/changes")["version"];
  EXPECT_EQ(GetJson("/api/v1/stats")["articles"], 1);
  EXPECT_EQ(GetJson("/api/v1/search?q=bridge")["hits"].size(), 0u);
  EXPECT_EQ(GetJson("/api/v1/changes")["version"], version);  // nothing written: the same

  writer_->AddBatch(std::vector{Prepare(
      MakeArticle("bridge", "AFP", "Bridge closed", "The old bridge was closed to traffic."))});
  const json after_article = GetJson("/api/v1/changes")["version"];
  EXPECT_NE(after_article, version);
  EXPECT_EQ(GetJson("/api/v1/stats")["articles"], 2);
  EXPECT_EQ(GetJson("/api/v1/search?q=bridge")["hits"].size(), 1u);

  writer_->SaveStoryChanges({"state", 2}, OneStory("Dam and bridge", {"dam", "bridge"}));
  EXPECT_NE(GetJson("/api/v1/changes")["version"], after_article);
  const json stories = GetJson("/api/v1/stories")["stories"];
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0]["label"], "Dam and bridge");
}

}  // namespace
}  // namespace storyline
