// `storyline ingest` gives entities corpus-wide ids in the store: "Biden" in a later
// article is "joe-biden" whether the articles come in one run or two, whatever the
// thread count; a re-ingest changes nothing; an article the store refuses teaches the
// linker nothing; a store made before the entity_links table is upgraded and links on.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/test_paths.h"
#include "command_runner.h"
#include "store/sqlite_schema.h"

namespace storyline {
namespace {

using storyline::testing::RunStoryline;

// Names Joe Biden in full; the second article calls him "President Biden" only.
constexpr const char* kFullName =
    R"({"id": "call-1", "source": "Outlet A", "published": "2024-08-21", )"
    R"("url": "https://a.example/1", "title": "Biden and Netanyahu speak", "text": )"
    R"("U.S. President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on )"
    R"(Wednesday about the ceasefire talks, the White House said."})";
constexpr const char* kSurnameOnly =
    R"({"id": "call-2", "source": "Outlet B", "published": "2024-08-22", )"
    R"("url": "https://b.example/2", "title": "Talks go on", "text": "WASHINGTON — A deal )"
    R"(is still possible, President Biden told reporters on Thursday, after a call in which )"
    R"(he pressed Prime Minister Netanyahu to accept the proposal."})";

// The stored ids, quote speakers and event actors, and the linker's rows: everything
// linking decides.
constexpr const char* kLinkingDump =
    "SELECT group_concat(line, '\n') FROM ("
    "SELECT a.external_id || ' ' || m.ordinal || ' ' || m.text || ' ' || m.entity AS line "
    "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
    "UNION ALL SELECT a.external_id || ' quote ' || q.ordinal || ' ' || "
    "coalesce(q.speaker_entity, '-') FROM quotes q JOIN articles a ON a.id = q.article_id "
    "UNION ALL SELECT a.external_id || ' actor ' || x.event_ordinal || ' ' || x.entity "
    "FROM article_event_actors x JOIN articles a ON a.id = x.article_id "
    "UNION ALL SELECT 'link ' || ordinal || ' ' || kind || ' ' || name || ' ' || expansion "
    "FROM entity_links ORDER BY 1)";

class IngestLinkingTest : public testing::CommandTest {
 protected:
  static std::string Seeds() {
    return std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl";
  }

  // One text value from a raw connection, as another tool would read it.
  static std::string Query(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db);
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }

  static void Exec(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  static std::string BidenInSecondArticle(const std::string& db) {
    return Query(db,
                 "SELECT group_concat(m.entity) FROM entity_mentions m JOIN articles a ON "
                 "a.id = m.article_id WHERE a.external_id = 'call-2' AND m.text = 'Biden'");
  }
};

TEST_F(IngestLinkingTest, SurnameTakesTheFullNameOfAnEarlierArticleInOneRun) {
  const auto result =
      RunStoryline("ingest --db " + Db() + " " +
                   Input("both.jsonl", std::string(kFullName) + "\n" + kSurnameOnly + "\n"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(BidenInSecondArticle(Db()), "joe-biden");
  EXPECT_EQ(
      Query(Db(), "SELECT count(*) FROM entity_links WHERE kind = 'person' AND name = 'Joe Biden'"),
      "1");
}

TEST_F(IngestLinkingTest, TwoRunsGiveTheIdsOfOneRun) {
  const std::string first = Input("first.jsonl", std::string(kFullName) + "\n");
  const std::string second = Input("second.jsonl", std::string(kSurnameOnly) + "\n");
  ASSERT_EQ(RunStoryline("ingest --db " + Db("one.db") + " " + first + " " + second).status, 0);
  ASSERT_EQ(RunStoryline("ingest --db " + Db("two.db") + " " + first).status, 0);
  ASSERT_EQ(RunStoryline("ingest --db " + Db("two.db") + " " + second).status, 0);
  EXPECT_EQ(BidenInSecondArticle(Db("two.db")), "joe-biden");
  EXPECT_EQ(Query(Db("two.db"), kLinkingDump), Query(Db("one.db"), kLinkingDump));
}

TEST_F(IngestLinkingTest, SeedsSplitInTwoRunsAndAnyThreadCountGiveOneStore) {
  std::ifstream seeds(Seeds());
  std::string line, head, tail;
  for (int i = 0; std::getline(seeds, line); ++i) (i < 2 ? head : tail) += line + "\n";
  ASSERT_EQ(RunStoryline("ingest --threads 1 --db " + Db("one.db") + " " + Seeds()).status, 0);
  ASSERT_EQ(RunStoryline("ingest --threads 2 --db " + Db("two.db") + " " + Seeds()).status, 0);
  ASSERT_EQ(RunStoryline("ingest --db " + Db("split.db") + " " + Input("head.jsonl", head)).status,
            0);
  ASSERT_EQ(RunStoryline("ingest --db " + Db("split.db") + " " + Input("tail.jsonl", tail)).status,
            0);
  const std::string dump = Query(Db("one.db"), kLinkingDump);
  EXPECT_NE(dump.find("joe-biden"), std::string::npos);
  EXPECT_EQ(Query(Db("two.db"), kLinkingDump), dump);
  EXPECT_EQ(Query(Db("split.db"), kLinkingDump), dump);
  // The five outlets call the three men by their full names, surnames and titles alike.
  for (const std::string surname : {"Biden", "Netanyahu", "Blinken"}) {
    EXPECT_EQ(Query(Db("one.db"),
                    "SELECT group_concat(DISTINCT entity) FROM entity_mentions WHERE type = "
                    "'PERSON' AND text LIKE '%" +
                        surname + "%'"),
              surname == "Biden"       ? "joe-biden"
              : surname == "Netanyahu" ? "benjamin-netanyahu"
                                       : "antony-blinken");
  }
}

TEST_F(IngestLinkingTest, ReingestChangesNothing) {
  const std::string input =
      Input("both.jsonl", std::string(kFullName) + "\n" + kSurnameOnly + "\n");
  ASSERT_EQ(RunStoryline("ingest --db " + Db() + " " + input).status, 0);
  const std::string before = Query(Db(), kLinkingDump);
  const auto again = RunStoryline("ingest --db " + Db() + " " + input);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("(0 new"), std::string::npos) << again.err;
  EXPECT_EQ(Query(Db(), kLinkingDump), before);
}

// The refused article comes first and the one that says "Biden" last, more than a batch
// of articles later, so the linker must have forgotten what the refused one taught.
TEST_F(IngestLinkingTest, AnArticleTheStoreRefusesTeachesNothing) {
  const std::string first_note =
      R"({"id": "note-first", "text": "The council met on Monday to discuss the budget."})";
  ASSERT_EQ(
      RunStoryline("ingest --db " + Db() + " " + Input("first.jsonl", first_note + "\n")).status,
      0);
  Exec(Db(),
       "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.external_id = 'call-1' "
       "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
  std::string lines = std::string(kFullName) + "\n";
  for (int i = 0; i < 300; ++i) {
    lines += R"({"id": "note-)" + std::to_string(i) + R"(", "text": "Weather note )" +
             std::to_string(i) + R"(: light rain is expected in the afternoon."})" + "\n";
  }
  lines += std::string(kSurnameOnly) + "\n";
  const auto result = RunStoryline("ingest --db " + Db() + " " + Input("mixed.jsonl", lines));
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("refused"), std::string::npos) << result.err;
  EXPECT_EQ(Query(Db(), "SELECT count(*) FROM articles"), "302");
  EXPECT_EQ(Query(Db(), "SELECT count(*) FROM entity_links WHERE name LIKE '%Biden%'"), "0");
  EXPECT_EQ(BidenInSecondArticle(Db()), "biden");
}

TEST_F(IngestLinkingTest, UpgradesAStoreMadeBeforeEntityLinksAndLinksOn) {
  const std::string old_article =
      R"({"id": "old-1", "text": "The council met on Monday to discuss the budget."})";
  ASSERT_EQ(
      RunStoryline("ingest --db " + Db() + " " + Input("old.jsonl", old_article + "\n")).status, 0);
  // The store as the build before schema step 3 left it (steps 3 to 13 undone).
  Exec(Db(),
       "DROP TRIGGER entity_mentions_sets; DROP TABLE entity_names; DROP TABLE entity_articles; "
       "DROP INDEX articles_by_source; "
       "DROP TABLE stream_positions; DROP TABLE feeds; DROP TABLE seen_urls; "
       "DROP TABLE entity_links; ALTER TABLE entity_mentions DROP COLUMN country; "
       "DROP INDEX entity_mentions_by_name; DROP INDEX articles_superseded; "
       "ALTER TABLE entity_mentions DROP COLUMN name; "
       "ALTER TABLE entity_mentions DROP COLUMN title; ALTER TABLE quotes DROP COLUMN partial; "
       "ALTER TABLE article_events DROP COLUMN content_start; "
       "ALTER TABLE article_events DROP COLUMN content_end; "
       "ALTER TABLE article_events DROP COLUMN planned; "
       "ALTER TABLE article_events DROP COLUMN negated; DROP TABLE story_splits; "
       "ALTER TABLE story_state DROP COLUMN placed_through; "
       "DROP INDEX articles_latest_by_external_id; ALTER TABLE articles DROP COLUMN latest; "
       "ALTER TABLE articles DROP COLUMN previous_version; PRAGMA user_version = 2;");
  const auto result =
      RunStoryline("ingest --db " + Db() + " " +
                   Input("both.jsonl", std::string(kFullName) + "\n" + kSurnameOnly + "\n"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(Query(Db(), "PRAGMA user_version"), std::to_string(SqliteSchemaVersion()));
  EXPECT_EQ(Query(Db(), "SELECT count(*) FROM articles"), "3");
  EXPECT_EQ(BidenInSecondArticle(Db()), "joe-biden");
}

}  // namespace
}  // namespace storyline
