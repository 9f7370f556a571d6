// An external id is an article's identity: re-ingesting an id with changed text stores a
// new version of the same article, and every command shows that latest version once;
// the earlier versions stay in the store as history. No query joins two different texts
// on one id (the stories, quotes and search of an article always come from one text).
#include <gtest/gtest.h>
#include <sqlite3.h>

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

class ArticleVersionsTest : public testing::CommandTest {
 protected:
  long Count(const std::string& sql) const {
    sqlite3* db = nullptr;
    sqlite3_open_v2(Db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    const long count =
        sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
  }
};

constexpr char kOther[] =
    R"({"id": "harbor-2", "source": "Bay Times", "published": "2024-05-07", )"
    R"("title": "Port strike enters second day", "text": "The strike by Harbor City )"
    R"(dockworkers entered its second day on Tuesday, union leader Maria Lopez said."})";

TEST_F(ArticleVersionsTest, AChangedArticleIsANewVersionShownOnce) {
  ASSERT_EQ(RunStoryline("ingest --db " + Db() + " " +
                         Input("first.jsonl", std::string(kHarborStrike) + "\n" + kOther + "\n"))
                .status,
            0);
  const auto update = RunStoryline("ingest --db " + Db() + " " +
                                   Input("second.jsonl", std::string(kHarborStrikeEdited) + "\n"));
  ASSERT_EQ(update.status, 0) << update.err;
  EXPECT_NE(update.err.find("(0 new, 1 updated"), std::string::npos) << update.err;

  // Both versions are kept; one is the latest.
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE external_id = 'harbor-1'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM articles WHERE external_id = 'harbor-1' AND latest = 1"),
            1);

  const auto stories = RunStoryline("stories --db " + Db() + " --json");
  ASSERT_EQ(stories.status, 0) << stories.err;
  int listed = 0;
  const nlohmann::json parsed = nlohmann::json::parse(stories.out);
  for (const auto& story : parsed["stories"]) {
    for (const auto& article : story["articles"])
      listed += article.get<std::string>() == "harbor-1";
  }
  EXPECT_EQ(listed, 1) << stories.out;

  const auto quotes = RunStoryline("quotes --db " + Db() + " --json");
  ASSERT_EQ(quotes.status, 0) << quotes.err;
  EXPECT_NE(quotes.out.find("ready to talk tonight"), std::string::npos) << quotes.out;
  EXPECT_EQ(quotes.out.find("without a contract"), std::string::npos)
      << "the earlier version's quote is still shown: " << quotes.out;

  const auto old_words = RunStoryline("search --db " + Db() + " contract --json");
  ASSERT_EQ(old_words.status, 0) << old_words.err;
  EXPECT_EQ(nlohmann::json::parse(old_words.out)["hits"].size(), 0u) << old_words.out;
  const auto new_words = RunStoryline("search --db " + Db() + " mediators --json");
  ASSERT_EQ(new_words.status, 0) << new_words.err;
  EXPECT_EQ(nlohmann::json::parse(new_words.out)["hits"].size(), 1u) << new_words.out;

  // The story's summary cites the latest text only.
  const auto detail = RunStoryline("stories --db " + Db() + " --story 1");
  ASSERT_EQ(detail.status, 0) << detail.err;
  EXPECT_EQ(detail.out.find("without a contract"), std::string::npos) << detail.out;

  // Sending either version again changes nothing.
  const auto again = RunStoryline("ingest --db " + Db() + " " +
                                  Input("again.jsonl", std::string(kHarborStrikeEdited) + "\n"));
  EXPECT_NE(again.err.find("(0 new, 0 updated"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace storyline
