// Every reading command answers the same on both back ends: the seeds and the store's
// test articles (then an edited seed, a new version) ingested by `storyline ingest` into
// a SQLite file and into a database of the PostgreSQL server this executable starts, and
// the --json of stories, timeline, quotes, search and article --versions compared. Search
// hits are compared as the articles found, their titles and outlets: ranking scores and
// snippets are each engine's own (postgres/pg_search.cc).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>

#include "../cli/command_runner.h"
#include "../support/pg_test_server.h"
#include "../support/test_paths.h"

namespace storyline {
namespace {

using storyline::testing::PgServerEnvironment;
using storyline::testing::RunStoryline;

::testing::Environment* const kServer =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

class PgCliParityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ =
        std::filesystem::temp_directory_path() / ("storyline-parity-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    sqlite_ = (dir_ / "store.db").string();
    postgres_ = PgServerEnvironment::Server().NewDatabase("parity");

    const std::string seeds = std::string(test_paths::SharedDir()) + "/seeds/seeds.jsonl";
    const std::string articles =
        std::string(test_paths::SourceDir()) + "/tests/data/store/articles.jsonl";
    // The first seed again with a sentence more: its second version.
    std::ifstream in(seeds);
    std::string line;
    std::getline(in, line);
    nlohmann::json edited = nlohmann::json::parse(line);
    edited["text"] = edited["text"].get<std::string>() +
                     "\n\nThis article was updated with a correction on Thursday.";
    const std::string update = (dir_ / "update.jsonl").string();
    std::ofstream(update) << edited.dump() << "\n";
    for (const std::string& db : {sqlite_, postgres_}) {
      for (const std::string& input : {seeds, articles, update}) {
        const auto result = RunStoryline("ingest --db '" + db + "' " + input);
        ASSERT_EQ(result.status, 0) << db << ": " << result.err;
      }
    }
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  // The command's --json on each back end; fails the test when either fails.
  static std::pair<nlohmann::json, nlohmann::json> Both(const std::string& command) {
    std::pair<nlohmann::json, nlohmann::json> answers;
    for (const auto& [db, answer] :
         {std::tie(sqlite_, answers.first), std::tie(postgres_, answers.second)}) {
      const auto result = RunStoryline(command + " --db '" + db + "' --json");
      EXPECT_EQ(result.status, 0) << command << " on " << db << ": " << result.err;
      answer = result.status == 0 ? nlohmann::json::parse(result.out) : nlohmann::json();
    }
    return answers;
  }

  static std::filesystem::path dir_;
  static std::string sqlite_, postgres_;
};

std::filesystem::path PgCliParityTest::dir_;
std::string PgCliParityTest::sqlite_, PgCliParityTest::postgres_;

TEST_F(PgCliParityTest, StoriesTimelineAndQuotesAreTheSame) {
  for (const char* command :
       {"stories", "timeline", "quotes", "quotes --speaker netanyahu", "timeline --entity biden"}) {
    const auto [sqlite, postgres] = Both(command);
    EXPECT_FALSE(sqlite.is_null()) << command;
    EXPECT_EQ(sqlite, postgres) << command;
  }
  EXPECT_GE(Both("stories").first["stories"].size(), 1u);
}

TEST_F(PgCliParityTest, ArticlesAndTheirVersionsAreTheSame) {
  std::ifstream seeds(std::string(test_paths::SharedDir()) + "/seeds/seeds.jsonl");
  int compared = 0;
  for (std::string line; std::getline(seeds, line);) {
    const std::string id = nlohmann::json::parse(line)["id"];
    const auto [sqlite, postgres] = Both("article --versions '" + id + "'");
    EXPECT_EQ(sqlite, postgres) << id;
    ++compared;
  }
  EXPECT_EQ(compared, 5);
}

TEST_F(PgCliParityTest, SearchesFindTheSameArticles) {
  auto found = [](const nlohmann::json& answer) {
    std::set<std::tuple<std::string, std::string, std::string>> hits;
    for (const auto& hit : answer["hits"])
      hits.emplace(hit["article"], hit["title"], hit["source"]);
    return hits;
  };
  int nonempty = 0;
  for (const char* query :
       {"ceasefire", "cease-fire", "\\\"cease fire\\\"", "U.S.", "Biden Netanyahu", "hostage*",
        "Netanyahu -Biden", "Gaza OR Lebanon", "called", "phone call", "Hamas",
        "\\\"prime minister\\\"", "nosuchword"}) {
    const std::string command = std::string("search \"") + query + "\" --limit 50";
    const auto [sqlite, postgres] = Both(command);
    EXPECT_EQ(found(sqlite), found(postgres)) << query;
    nonempty += !found(sqlite).empty();
    for (const auto& hit : postgres["hits"]) {
      EXPECT_EQ(hit["snippet"].get<std::string>().find('\n'), std::string::npos);
    }
  }
  EXPECT_GE(nonempty, 8);
  // Newest first is one order on both.
  const auto [sqlite, postgres] = Both("search Netanyahu --sort date --limit 50");
  std::vector<std::string> sqlite_order, postgres_order;
  for (const auto& hit : sqlite["hits"]) sqlite_order.push_back(hit["article"]);
  for (const auto& hit : postgres["hits"]) postgres_order.push_back(hit["article"]);
  EXPECT_EQ(sqlite_order, postgres_order);
}

}  // namespace
}  // namespace storyline
