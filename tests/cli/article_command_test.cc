// `storyline article`: one stored article as the store holds it, its latest version with
// its facts and story, and with --versions the versions before it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "command_runner.h"
#include "harbor_strike_articles.h"

namespace storyline {
namespace {

using testing::kHarborStrike;
using testing::kHarborStrikeEdited;
using testing::RunStoryline;

class ArticleCommandTest : public testing::CommandTest {};

constexpr char kCopy[] =
    R"({"id": "harbor-copy", "source": "Wire Copy", "published": "2024-05-06", )"
    R"("title": "Dockworkers strike at Harbor City port", "text": "Dockworkers at the )"
    R"(Harbor City port began a strike on Monday. \"We will not go back without a contract,\" )"
    R"(said union leader Maria Lopez. The port authority said talks would resume."})";

TEST_F(ArticleCommandTest, ShowsTheStoredArticleWithItsFactsStoryAndDuplicates) {
  const auto ingest =
      RunStoryline("ingest --db " + Db() + " " +
                   Input("in.jsonl", std::string(kHarborStrike) + "\n" + kCopy + "\n"));
  ASSERT_EQ(ingest.status, 0) << ingest.err;

  const auto json = RunStoryline("article --db " + Db() + " harbor-1 --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const nlohmann::json article = nlohmann::json::parse(json.out)["article"];
  EXPECT_EQ(article["id"], "harbor-1");
  EXPECT_EQ(article["source"], "Coast Herald");
  EXPECT_EQ(article["published"], "2024-05-06");
  EXPECT_NE(article["text"].get<std::string>().find("without a contract"), std::string::npos);
  EXPECT_EQ(article["version"], 1);
  ASSERT_FALSE(article["quotes"].empty()) << json.out;
  EXPECT_EQ(article["quotes"][0]["speaker"], "Maria Lopez");
  EXPECT_FALSE(article["entities"].empty());
  EXPECT_FALSE(article["times"].empty());
  ASSERT_TRUE(article["story"].is_object()) << json.out;
  EXPECT_GT(article["story"]["id"].get<int>(), 0);
  EXPECT_EQ(article["near_duplicates"], nlohmann::json::array({"harbor-copy"})) << json.out;
  EXPECT_TRUE(article["duplicate_of"].is_null());
  EXPECT_FALSE(article.contains("versions"));

  const auto copy = RunStoryline("article --db " + Db() + " harbor-copy --json");
  ASSERT_EQ(copy.status, 0) << copy.err;
  EXPECT_EQ(nlohmann::json::parse(copy.out)["article"]["duplicate_of"], "harbor-1") << copy.out;

  const auto text = RunStoryline("article --db " + Db() + " harbor-1");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("Coast Herald"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Maria Lopez"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("harbor-copy (Wire Copy)"), std::string::npos) << text.out;
}

TEST_F(ArticleCommandTest, VersionsAreReadableOldestFirst) {
  ASSERT_EQ(RunStoryline("ingest --db " + Db() + " " +
                         Input("a.jsonl", std::string(kHarborStrike) + "\n"))
                .status,
            0);
  const auto update = RunStoryline("ingest --db " + Db() + " " +
                                   Input("b.jsonl", std::string(kHarborStrikeEdited) + "\n"));
  ASSERT_EQ(update.status, 0) << update.err;

  const auto latest = RunStoryline("article --db " + Db() + " harbor-1 --json");
  ASSERT_EQ(latest.status, 0) << latest.err;
  const nlohmann::json article = nlohmann::json::parse(latest.out)["article"];
  EXPECT_EQ(article["version"], 2);
  EXPECT_NE(article["text"].get<std::string>().find("ready to talk"), std::string::npos);
  EXPECT_TRUE(article["near_duplicates"].empty()) << "its own earlier version: " << latest.out;
  ASSERT_EQ(article["quotes"].size(), 1u) << latest.out;
  EXPECT_NE(article["quotes"][0]["text"].get<std::string>().find("ready to talk"),
            std::string::npos);

  const auto versions = RunStoryline("article --db " + Db() + " harbor-1 --versions --json");
  ASSERT_EQ(versions.status, 0) << versions.err;
  const nlohmann::json all = nlohmann::json::parse(versions.out)["article"]["versions"];
  ASSERT_EQ(all.size(), 2u) << versions.out;
  EXPECT_EQ(all[0]["version"], 1);
  EXPECT_NE(all[0]["text"].get<std::string>().find("without a contract"), std::string::npos);
  EXPECT_NE(all[0]["quotes"][0]["text"].get<std::string>().find("without a contract"),
            std::string::npos);
  EXPECT_NE(all[1]["text"].get<std::string>().find("ready to talk"), std::string::npos);

  const auto text = RunStoryline("article --db " + Db() + " harbor-1 --versions");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("version 2 of 2"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("--- version 1 of 2"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("without a contract"), std::string::npos) << text.out;
}

TEST_F(ArticleCommandTest, AnUnknownIdIsBadInput) {
  ASSERT_EQ(RunStoryline("ingest --db " + Db() + " " +
                         Input("a.jsonl", std::string(kHarborStrike) + "\n"))
                .status,
            0);
  const auto missing = RunStoryline("article --db " + Db() + " no-such-id");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("no article no-such-id"), std::string::npos) << missing.err;
  EXPECT_EQ(RunStoryline("article --db " + (dir_ / "missing.db").string() + " x").status, 1);
}

}  // namespace
}  // namespace storyline
