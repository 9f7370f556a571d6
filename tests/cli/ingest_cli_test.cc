// `storyline ingest` end to end: summary line, wire-copy families, idempotent re-ingest,
// bad records (exit 1, good ones kept), clear failures, same store whatever the threads.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "../support/test_paths.h"
#include "command_runner.h"

namespace storyline {
namespace {

using storyline::testing::RunStoryline;

std::string Fixture(const std::string& name) {
  return std::string(storyline::test_paths::SourceDir()) + "/tests/data/store/" + name;
}

class IngestCliTest : public testing::CommandTest {
 protected:
  // One text value from a raw read-only connection, as another tool would read it.
  static std::string Query(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }
};

TEST_F(IngestCliTest, StoresArticlesAndLinksWireReprintsAsOneFamily) {
  const auto result = RunStoryline("ingest --db " + Db() + " " + Fixture("articles.jsonl"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(
      result.err.find("ingested 5 articles (5 new, 0 updated, 2 duplicates linked, 0 errors)"),
      std::string::npos)
      << result.err;
  EXPECT_EQ(Query(Db(), "SELECT count(*) FROM articles"), "5");
  // The exact reprint and the edited one both point at the wire original.
  EXPECT_EQ(Query(Db(),
                  "SELECT group_concat(external_id, ',') FROM (SELECT external_id FROM "
                  "articles WHERE dup_of = (SELECT id FROM articles WHERE external_id = "
                  "'wire-1') ORDER BY id)"),
            "paper-7,site-3");
  EXPECT_EQ(Query(Db(), "SELECT dup_of IS NULL FROM articles WHERE external_id = 'cabinet-1'"),
            "1");
}

TEST_F(IngestCliTest, ReingestingTheSameInputChangesNothing) {
  ASSERT_EQ(RunStoryline("ingest --db " + Db() + " " + Fixture("articles.jsonl")).status, 0);
  const std::string before = Query(Db(), "SELECT count(*) || '/' || max(id) FROM articles");
  const auto again = RunStoryline("ingest --db " + Db() + " " + Fixture("articles.jsonl"));
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("ingested 5 articles (0 new, 0 updated, 0 duplicates linked, 0 errors)"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(Query(Db(), "SELECT count(*) || '/' || max(id) FROM articles"), before);
}

TEST_F(IngestCliTest, BadRecordIsOneLineAndTheGoodOnesAreStored) {
  const auto result = RunStoryline("ingest --db " + Db() + " " + Fixture("mixed.jsonl"));
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("mixed.jsonl:2:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("ingested 2 articles (2 new, 0 updated, 0 duplicates linked, 1 error)"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(Query(Db(),
                  "SELECT group_concat(external_id, ',') FROM (SELECT external_id FROM articles "
                  "ORDER BY id)"),
            "wire-1,cabinet-1");
}

TEST_F(IngestCliTest, SameStoreWhateverTheThreadCount) {
  const std::string one = Db("one.db"), two = Db("two.db");
  ASSERT_EQ(RunStoryline("ingest --threads 1 --db " + one + " " + Fixture("articles.jsonl")).status,
            0);
  ASSERT_EQ(RunStoryline("ingest --threads 3 --db " + two + " " + Fixture("articles.jsonl")).status,
            0);
  const std::string dump =
      "SELECT group_concat(external_id || ':' || coalesce(dup_of, '-') || ':' || family_id, ' ') "
      "FROM (SELECT * FROM articles ORDER BY id)";
  EXPECT_EQ(Query(one, dump), Query(two, dump));
  const std::string mentions =
      "SELECT count(*) || '/' || coalesce(sum(start_byte), 0) FROM entity_mentions";
  EXPECT_EQ(Query(one, mentions), Query(two, mentions));
}

TEST_F(IngestCliTest, MissingModelsFailClearly) {
  const auto result = RunStoryline("ingest --models " + (dir_ / "no-models").string() + " --db " +
                                   Db() + " " + Fixture("articles.jsonl"));
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("storyline: "), std::string::npos);
  EXPECT_NE(result.err.find("no-models"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(IngestCliTest, AnUnreachablePostgresServerIsAOneLineError) {
  const auto result =
      RunStoryline("ingest --db postgresql://127.0.0.1:1/storyline " + Fixture("articles.jsonl"));
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("PostgreSQL"), std::string::npos) << result.err;
}

TEST_F(IngestCliTest, MissingDbIsBadUsage) {
  EXPECT_EQ(RunStoryline("ingest " + Fixture("articles.jsonl")).status, 2);
}

}  // namespace
}  // namespace storyline
