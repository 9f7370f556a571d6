// `storyline search` end to end: the contract's JSON shape, ranking, the table, and
// bad queries or stores as one-line errors with exit 1.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "command_runner.h"

namespace storyline {
namespace {

using storyline::testing::RunStoryline;

class SearchCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("storyline-search-cli-" + std::to_string(::getpid()) + ".db"))
              .string();
    const auto result =
        RunStoryline("ingest --db " + db_ + " " + std::string(STORYLINE_SOURCE_DIR) +
                     "/tests/data/store/articles.jsonl");
    ASSERT_EQ(result.status, 0) << result.err;
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) {
      std::filesystem::remove(db_ + suffix);
    }
  }
  static std::string db_;
};

std::string SearchCliTest::db_;

TEST_F(SearchCliTest, JsonHitsBestFirstWithTitleWeightedHigher) {
  const auto result = RunStoryline("search --db " + db_ + " cabinet --json");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = nlohmann::json::parse(result.out);
  ASSERT_TRUE(out["hits"].is_array());
  ASSERT_EQ(out["hits"].size(), 1u);
  EXPECT_EQ(out["hits"][0]["article"], "cabinet-1");
  EXPECT_TRUE(out["hits"][0]["score"].is_number());
  EXPECT_NE(out["hits"][0]["snippet"].get<std::string>().find("[cabinet]"), std::string::npos);

  // "ceasefire" is in the title of wire-1 and cabinet-1 but only the text of the others.
  const auto ranked =
      nlohmann::json::parse(RunStoryline("search --db " + db_ + " ceasefire --json").out);
  ASSERT_GE(ranked["hits"].size(), 3u);
  const std::string first = ranked["hits"][0]["article"], second = ranked["hits"][1]["article"];
  EXPECT_TRUE((first == "wire-1" && second == "cabinet-1") ||
              (first == "cabinet-1" && second == "wire-1"))
      << ranked.dump();
  for (size_t i = 1; i < ranked["hits"].size(); ++i) {
    EXPECT_GE(ranked["hits"][i - 1]["score"].get<double>(),
              ranked["hits"][i]["score"].get<double>());
  }
}

TEST_F(SearchCliTest, LimitCapsTheHits) {
  const auto out =
      nlohmann::json::parse(RunStoryline("search --db " + db_ + " gaza --limit 1 --json").out);
  EXPECT_EQ(out["hits"].size(), 1u);
}

TEST_F(SearchCliTest, TableWithoutJson) {
  const auto result = RunStoryline("search --db " + db_ + " oil");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("oil-1"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Oil rises for third day"), std::string::npos) << result.out;
}

TEST_F(SearchCliTest, UnparsableQueryIsOneLineNamingItWithExitOne) {
  const auto result = RunStoryline("search --db " + db_ + " '\"ceasefire AND' --json");
  EXPECT_EQ(result.status, 1);
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_NE(result.err.find("\"ceasefire AND"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST_F(SearchCliTest, UnparsableMultiLineQueryStaysOneLine) {
  const auto result =
      RunStoryline("search --db " + db_ + " \"$(printf 'ceasefire\\n\\r(AND')\" --json");
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("ceasefire\\n\\r(AND"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST_F(SearchCliTest, MissingStoreIsAnErrorNotANewFile) {
  const std::string missing = db_ + ".missing";
  const auto result = RunStoryline("search --db " + missing + " gaza");
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find(missing), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace storyline
