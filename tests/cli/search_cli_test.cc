// `storyline search` end to end: the contract's JSON shape, ranking, the table, and
// bad queries or stores as one-line errors with exit 1.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "../support/test_paths.h"
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
        RunStoryline("ingest --db " + db_ + " " + std::string(storyline::test_paths::SourceDir()) +
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

TEST_F(SearchCliTest, AQueryWithNoWordIsOnePlainSentenceWithExitOne) {
  for (const char* query : {"'&'", "'-ceasefire'", "\"$(printf '\\n\\r-')\""}) {
    SCOPED_TRACE(query);
    const auto result = RunStoryline("search --db " + db_ + " --json -- " + query);
    EXPECT_EQ(result.status, 1);
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(result.err.find("fts5"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("syntax"), std::string::npos) << result.err;
  }
}

TEST_F(SearchCliTest, WhatFts5CouldNotParseIsSearchedAsText) {
  for (const char* query : {"'\"ceasefire AND'", "\"$(printf 'ceasefire\\n\\r(AND')\""}) {
    SCOPED_TRACE(query);
    const auto result = RunStoryline("search --db " + db_ + " --json -- " + query);
    EXPECT_EQ(result.status, 0) << result.err;
  }
}

TEST_F(SearchCliTest, MissingStoreIsAnErrorNotANewFile) {
  const std::string missing = db_ + ".missing";
  const auto result = RunStoryline("search --db " + missing + " gaza");
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find(missing), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

// The seeds, as a journalist would search them.
class SeedSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("storyline-search-seeds-" + std::to_string(::getpid()) + ".db"))
              .string();
    const auto result =
        RunStoryline("ingest --db " + db_ + " " + std::string(storyline::test_paths::SharedDir()) +
                     "/seeds/seeds.jsonl");
    ASSERT_EQ(result.status, 0) << result.err;
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) {
      std::filesystem::remove(db_ + suffix);
    }
  }
  // The articles `options` finds, in order.
  static std::vector<std::string> Articles(const std::string& options) {
    const auto result = RunStoryline("search --db " + db_ + " --json " + options);
    EXPECT_EQ(result.status, 0) << options << ": " << result.err;
    std::vector<std::string> articles;
    if (result.status != 0) return articles;
    const nlohmann::json parsed = nlohmann::json::parse(result.out);
    for (const auto& hit : parsed["hits"]) {
      articles.push_back(hit["article"].get<std::string>());
      EXPECT_EQ(hit["snippet"].get<std::string>().find('\n'), std::string::npos);
    }
    return articles;
  }
  static std::string db_;
};

std::string SeedSearchTest::db_;

TEST_F(SeedSearchTest, OrdinaryNewsQueriesAreRead) {
  for (const char* query :
       {"cease-fire", "U.S.", "\"Biden's call\"", "AT\\&T", "'$9 billion'", "3-year-old", "50%",
        "9:30", "'#hashtag'", "@handle", "'\"hostage deal'", "e-mail", "Biden\\'s call"}) {
    SCOPED_TRACE(query);
    Articles(std::string("-- ") + query);
  }
}

TEST_F(SeedSearchTest, SpellingVariantsMeet) {
  std::vector<std::string> closed = Articles("ceasefire");
  std::sort(closed.begin(), closed.end());
  // 000, 002, 003 write only "cease-fire", 001 only "ceasefire", 004 both.
  EXPECT_EQ(closed, (std::vector<std::string>{"000", "001", "002", "003", "004"}));
  std::vector<std::string> hyphenated = Articles("cease-fire");
  std::sort(hyphenated.begin(), hyphenated.end());
  EXPECT_EQ(hyphenated, closed);
}

TEST_F(SeedSearchTest, FiltersSortingAndPaging) {
  EXPECT_EQ(Articles("--source 'The Hill' Netanyahu"), std::vector<std::string>{"003"});
  const std::vector<std::string> summer = Articles("--from 2024-07-01 --to 2024-07-31 Netanyahu");
  EXPECT_EQ(summer, std::vector<std::string>{"004"});
  const std::vector<std::string> newest = Articles("--sort date Netanyahu");
  ASSERT_EQ(newest.size(), 5u);
  EXPECT_EQ(newest[3], "001");  // 2024-04-28, the oldest date
  EXPECT_EQ(newest[4], "002");  // no date: last
  const std::vector<std::string> all = Articles("--limit 5 Netanyahu");
  EXPECT_EQ(Articles("--limit 2 --offset 2 Netanyahu"), (std::vector<std::string>{all[2], all[3]}));
  EXPECT_EQ(Articles("--entity benjamin-netanyahu --limit 5 Netanyahu").size(), 5u);
  EXPECT_TRUE(Articles("--story 999 Netanyahu").empty());
}

}  // namespace
}  // namespace storyline
