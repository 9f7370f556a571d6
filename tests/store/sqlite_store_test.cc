// The SQLite store through the Store interface: schema migrations, idempotent ingest,
// duplicate families, per-article and per-batch atomicity, search, concurrent readers.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "store/sqlite_schema.h"
#include "store/store.h"
#include "store_test_articles.h"

namespace storyline {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs SQL on a separate raw connection, as another process would.
  int64_t QueryInt(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW) << sql;
    const int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }
  void ExecRaw(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  std::filesystem::path dir_;
  std::string path_;
};

using store_test::kWireText;
using store_test::MakeArticle;
using store_test::Prepare;
using store_test::WireCopies;

TEST_F(SqliteStoreTest, MigratesAnEmptyDatabaseAndReopensIt) {
  {
    auto store = OpenStore(path_);
    store->AddBatch(WireCopies(1));
  }
  EXPECT_EQ(QueryInt("PRAGMA user_version"), SqliteSchemaVersion());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"), 1);
  auto reopened = OpenStore(path_);
  EXPECT_EQ(reopened->Counts().articles, 1);
  EXPECT_EQ(QueryInt("PRAGMA user_version"), SqliteSchemaVersion());
}

TEST_F(SqliteStoreTest, EventsStoredBeforeTheNegatedFlagReadBackAsNotNegated) {
  Article a = MakeArticle("old", "Reuters", "Call", "Biden spoke with Netanyahu on Monday.");
  Analysis analysis;
  Event call;
  call.span = {6, 11};
  call.type = "CALL";
  call.trigger = "spoke";
  call.actors = {{"agent", "joe-biden"}};
  analysis.events.push_back(call);
  {
    auto store = OpenStore(path_);
    store->AddBatch(std::vector{PrepareArticle(a, analysis)});
  }
  // The store as the build before schema step 6 (the flag) left it: steps 6 to 13 undone.
  ExecRaw(
      "DROP TRIGGER entity_mentions_sets; DROP TABLE entity_names; DROP TABLE entity_articles; "
      "DROP INDEX articles_by_source; DROP TABLE stream_positions; DROP TABLE feeds; DROP TABLE "
      "seen_urls; DROP INDEX "
      "entity_mentions_by_name; DROP INDEX "
      "articles_superseded; "
      "ALTER TABLE article_events DROP COLUMN negated; DROP TABLE story_splits; "
      "ALTER TABLE story_state DROP COLUMN placed_through; "
      "DROP INDEX articles_latest_by_external_id; ALTER TABLE articles DROP COLUMN latest; "
      "ALTER TABLE articles DROP COLUMN previous_version; PRAGMA user_version = 5;");
  auto store = OpenStore(path_);
  EXPECT_EQ(QueryInt("PRAGMA user_version"), SqliteSchemaVersion());
  const auto stored = store->FindArticle("old");
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->analysis.events.size(), 1u);
  EXPECT_FALSE(stored->analysis.events[0].negated);
  EXPECT_EQ(stored->analysis.events[0].trigger, "spoke");
}

// Schema step 13 reads the search filters' sets (an entity's articles, a name's entities)
// from the mentions stored before it, and its trigger keeps them in step after.
TEST_F(SqliteStoreTest, EntitySetsAreFilledFromMentionsStoredBeforeThem) {
  auto mention = [](std::string entity, std::string name) {
    EntityMention m;
    m.span = {0, 5};
    m.text = m.name = std::move(name);
    m.type = "PERSON";
    m.entity = std::move(entity);
    return m;
  };
  Analysis twice;
  twice.entities = {mention("ana-lind", "Ana Lind"), mention("ana-lind", "Ana Lind")};
  {
    auto store = OpenStore(path_);
    store->AddBatch(std::vector{PrepareArticle(
        MakeArticle("one", "Wire", "Harbor", "Ana Lind spoke about the harbor."), twice)});
  }
  ExecRaw(
      "DROP TRIGGER entity_mentions_sets; DROP TABLE entity_names; DROP TABLE entity_articles; "
      "DROP INDEX articles_by_source; PRAGMA user_version = 12;");
  auto store = OpenStore(path_);
  Analysis other;
  other.entities = {mention("bo-berg", "Ana Lind")};
  store->AddBatch(std::vector{PrepareArticle(
      MakeArticle("two", "Wire", "Harbor", "Bo Berg, known as Ana Lind, spoke of the harbor."),
      other)});
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entity_articles WHERE entity = 'ana-lind'"), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entity_articles"), 2);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entity_names WHERE name = 'ANA LIND'"), 2);
  SearchRequest request;
  request.query = "harbor";
  request.entity = "ana lind";
  EXPECT_EQ(store->Search(request).size(), 2u);
  request.entity = "bo-berg";
  ASSERT_EQ(store->Search(request).size(), 1u);
  EXPECT_EQ(store->Search(request)[0].article, "two");
}

TEST_F(SqliteStoreTest, UsesWriteAheadLogging) {
  auto store = OpenStore(path_);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, RefusesASchemaNewerThanItKnows) {
  OpenStore(path_);
  ExecRaw("PRAGMA user_version = " + std::to_string(SqliteSchemaVersion() + 1));
  EXPECT_THROW(OpenStore(path_), StoreError);
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotADatabase) {
  std::ofstream(path_) << "this is not a database, it is a text file with enough bytes in it "
                          "to fill the header that SQLite checks when it opens a file.\n";
  EXPECT_THROW(OpenStore(path_), StoreError);
}

TEST_F(SqliteStoreTest, APostgresUrlWithNoServerIsAStoreError) {
  EXPECT_THROW(OpenStore("postgresql://127.0.0.1:1/storyline"), StoreError);
}

TEST_F(SqliteStoreTest, ReingestingTheSameArticlesWritesNothing) {
  auto store = OpenStore(path_);
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "Reuters", "Talks resume", "Talks resumed in Cairo on Sunday.")),
      Prepare(MakeArticle("b", "AP", "Aid arrives", "Forty trucks crossed at Rafah on Monday.")),
  };
  store->AddBatch(batch);
  const StoreCounts before = store->Counts();

  sqlite3* watcher = nullptr;  // data_version changes when another connection commits
  ASSERT_EQ(sqlite3_open(path_.c_str(), &watcher), SQLITE_OK);
  auto data_version = [watcher] {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(watcher, "PRAGMA data_version", -1, &stmt, nullptr);
    sqlite3_step(stmt);
    const int64_t v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
  };
  const int64_t watched_before = data_version();
  const auto results = store->AddBatch(batch);
  for (const AddResult& r : results) EXPECT_EQ(r.status, AddStatus::kAlreadyStored);
  EXPECT_EQ(data_version(), watched_before);
  sqlite3_close(watcher);

  const StoreCounts after = store->Counts();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.entity_mentions, before.entity_mentions);
  EXPECT_EQ(after.quotes, before.quotes);
  EXPECT_EQ(after.sources, 2);
}

TEST_F(SqliteStoreTest, SameArticleTwiceInOneBatchIsStoredOnce) {
  auto store = OpenStore(path_);
  const auto a = Prepare(MakeArticle("a", "Reuters", "Talks", "Talks resumed in Cairo."));
  const auto results = store->AddBatch(std::vector<PreparedArticle>{a, a});
  EXPECT_EQ(results[0].status, AddStatus::kAdded);
  EXPECT_EQ(results[1].status, AddStatus::kAlreadyStored);
  EXPECT_EQ(results[1].article_id, results[0].article_id);
  EXPECT_EQ(store->Counts().articles, 1);
}

TEST_F(SqliteStoreTest, WireCopyReprintedByFiveOutletsIsOneFamilyOfFive) {
  auto store = OpenStore(path_);
  const auto results = store->AddBatch(WireCopies(5));
  ASSERT_EQ(results.size(), 5u);
  EXPECT_FALSE(results[0].dup_of.has_value());
  for (size_t i = 1; i < results.size(); ++i) {
    EXPECT_EQ(results[i].status, AddStatus::kAdded);
    EXPECT_EQ(results[i].dup_of, results[0].article_id);
  }
  EXPECT_EQ(store->Counts().articles, 5);
  EXPECT_EQ(store->Counts().duplicates, 4);
  EXPECT_EQ(QueryInt("SELECT count(DISTINCT family_id) FROM articles"), 1);
  const auto last = store->FindArticle("w4");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->family_id, results[0].article_id);
}

TEST_F(SqliteStoreTest, HeaderCountsAreCountsArticlesSourcesAndQuotes) {
  auto store = OpenStore(path_);
  store->AddBatch(WireCopies(3));
  Article dam = MakeArticle("dam", "AP", "Dam report", "The dam spillway opened at noon.");
  Analysis analysis;
  analysis.quotes.push_back({{4, 7}, "dam", std::nullopt, std::nullopt, false});
  store->AddBatch(std::vector{PrepareArticle(dam, analysis)});
  dam.text = "The dam spillway opened at dawn.";  // a second version: one article still
  store->AddBatch(std::vector{PrepareArticle(dam, analysis)});

  const StoreCounts all = store->Counts();
  const StoreCounts header = store->HeaderCounts();
  EXPECT_EQ(all.earlier_versions, 1);
  EXPECT_EQ(header.articles, all.articles);
  EXPECT_EQ(header.articles, 4);
  EXPECT_EQ(header.sources, all.sources);
  EXPECT_EQ(header.quotes, all.quotes);
  EXPECT_GE(header.quotes, 1);
}

TEST_F(SqliteStoreTest, EditedReprintJoinsTheFamilyInALaterBatch) {
  auto store = OpenStore(path_);
  const auto first = store->AddBatch(WireCopies(1));
  std::string edited = std::string("CAIRO (AP) — ") + kWireText;
  edited.replace(edited.find("six hours"), 9, "seven hours");
  edited += " Follow our live coverage for updates.";
  const auto later =
      store->AddBatch(std::vector{Prepare(MakeArticle("e", "Daily", "Truce deal", edited))});
  EXPECT_EQ(later[0].dup_of, first[0].article_id);
}

TEST_F(SqliteStoreTest, LayoutAndCaseChangesAreExactDuplicates) {
  auto store = OpenStore(path_);
  std::string shouted;
  for (char c : std::string(kWireText))
    shouted += c == ' ' ? std::string("\n  ") : std::string(1, toupper(c));
  const auto results = store->AddBatch(std::vector{Prepare(MakeArticle("x", "A", "t", kWireText)),
                                                   Prepare(MakeArticle("y", "B", "t", shouted))});
  EXPECT_EQ(results[1].dup_of, results[0].article_id);
}

TEST_F(SqliteStoreTest, DifferentArticlesOnTheSameStoryAreNotLinked) {
  // The seeds: five outlets, three Biden–Netanyahu calls that read almost alike.
  std::ifstream in(std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl");
  std::vector<PreparedArticle> batch;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    batch.push_back(Prepare(MakeArticle(j["id"], j["source"], j.value("title", ""), j["text"])));
  }
  ASSERT_EQ(batch.size(), 5u);
  auto store = OpenStore(path_);
  for (const AddResult& r : store->AddBatch(batch)) {
    EXPECT_EQ(r.status, AddStatus::kAdded);
    EXPECT_FALSE(r.dup_of.has_value()) << r.article_id;
  }
}

TEST_F(SqliteStoreTest, AFailingArticleRollsBackAloneAndLeavesNoTrace) {
  auto store = OpenStore(path_);
  ExecRaw(
      "CREATE TRIGGER refuse BEFORE INSERT ON quotes WHEN (SELECT text FROM articles "
      "WHERE id = NEW.article_id) LIKE '%hostages%' "
      "BEGIN SELECT RAISE(ABORT, 'refused quote'); END;");
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "A", "One", "First article about the ceasefire talks.")),
      Prepare(MakeArticle("b", "B", "Two", "Second article about hostages and prisoners.")),
      Prepare(MakeArticle("c", "C", "Three", "Third article about aid convoys at the crossing.")),
  };
  const auto results = store->AddBatch(batch);
  EXPECT_EQ(results[0].status, AddStatus::kAdded);
  EXPECT_EQ(results[1].status, AddStatus::kFailed);
  EXPECT_NE(results[1].error.find("refused quote"), std::string::npos) << results[1].error;
  EXPECT_EQ(results[2].status, AddStatus::kAdded);
  EXPECT_EQ(store->Counts().articles, 2);
  EXPECT_FALSE(store->FindArticle("b").has_value());
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entity_mentions WHERE text = 'Second'"), 0);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM sources WHERE name = 'B'"), 0);
  EXPECT_TRUE(store->Search("hostages", 10).empty());
  EXPECT_EQ(QueryInt("SELECT count(DISTINCT article_id) FROM lsh_bands"), 2);
}

TEST_F(SqliteStoreTest, AFailureThatEndsTheTransactionRollsBackTheWholeBatch) {
  auto store = OpenStore(path_);
  store->AddBatch(WireCopies(1));
  ExecRaw(
      "CREATE TRIGGER crash BEFORE INSERT ON quotes WHEN NEW.article_id = 3 "
      "BEGIN SELECT RAISE(ROLLBACK, 'simulated crash'); END;");
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "A", "One", "First article about the ceasefire talks.")),
      Prepare(MakeArticle("b", "B", "Two", "Second article about hostages and prisoners.")),
  };
  EXPECT_THROW(store->AddBatch(batch), StoreError);
  EXPECT_EQ(store->Counts().articles, 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM quotes"), 1);
  // The store stays usable, and the batch goes in once the cause is gone.
  ExecRaw("DROP TRIGGER crash");
  store->AddBatch(batch);
  EXPECT_EQ(store->Counts().articles, 3);
}

TEST_F(SqliteStoreTest, AnalysisRoundTripsWithItsSpans) {
  auto store = OpenStore(path_);
  Article a = MakeArticle("r", "Reuters", "Call", "Biden spoke with Netanyahu on Monday.");
  Analysis analysis;
  analysis.entities.push_back(
      {{0, 5}, "Biden", "PERSON", "joe-biden", "Joe Biden", "President", "united-states"});
  analysis.times.push_back({{31, 37}, "Monday", "DATE", std::string("2024-08-19")});
  analysis.quantities.push_back({{0, 3}, "about 150 tunnels", 150, "tunnel", true});
  analysis.quotes.push_back({{1, 4}, "Time", std::nullopt, std::nullopt, true});
  Event event{{6, 11},
              "CALL",
              "spoke",
              {{"agent", "joe-biden"}, {"partner", "benjamin-netanyahu"}},
              std::string("2024-08-19"),
              std::nullopt,
              std::nullopt};
  analysis.events.push_back(event);
  Event statement = event;
  statement.type = "STATEMENT";
  statement.content = Span{12, 37};
  statement.planned = true;
  statement.negated = true;
  analysis.events.push_back(statement);
  store->AddBatch(std::vector{PrepareArticle(a, analysis)});

  const auto stored = store->FindArticle("r");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->article.text, a.text);
  EXPECT_EQ(stored->article.source, "Reuters");
  EXPECT_EQ(stored->article.published, "2024-08-21");
  const Analysis& back = stored->analysis;
  ASSERT_EQ(back.entities.size(), 1u);
  EXPECT_EQ(back.entities[0].entity, "joe-biden");
  EXPECT_EQ(back.entities[0].span.end, 5u);
  EXPECT_EQ(back.entities[0].name, "Joe Biden");
  EXPECT_EQ(back.entities[0].title, "President");
  EXPECT_EQ(back.entities[0].country, "united-states");
  ASSERT_EQ(back.times.size(), 1u);
  EXPECT_EQ(back.times[0].value, "2024-08-19");
  ASSERT_EQ(back.quantities.size(), 1u);
  EXPECT_EQ(back.quantities[0].value, 150);
  EXPECT_TRUE(back.quantities[0].approximate);
  ASSERT_EQ(back.quotes.size(), 1u);
  EXPECT_FALSE(back.quotes[0].speaker.has_value());
  EXPECT_TRUE(back.quotes[0].partial);
  ASSERT_EQ(back.events.size(), 2u);
  EXPECT_FALSE(back.events[0].content.has_value());
  EXPECT_FALSE(back.events[0].planned);
  ASSERT_TRUE(back.events[1].content.has_value());
  EXPECT_EQ(back.events[1].content->start, 12u);
  EXPECT_EQ(back.events[1].content->end, 37u);
  EXPECT_TRUE(back.events[1].planned);
  EXPECT_FALSE(back.events[0].negated);
  EXPECT_TRUE(back.events[1].negated);
  EXPECT_EQ(back.events[0].type, "CALL");
  ASSERT_EQ(back.events[0].actors.size(), 2u);
  EXPECT_EQ(back.events[0].actors[1].entity, "benjamin-netanyahu");
  EXPECT_FALSE(back.events[0].place.has_value());
}

TEST_F(SqliteStoreTest, SearchRanksTitleMatchesFirstAndHighlightsTerms) {
  auto store = OpenStore(path_);
  store->AddBatch(std::vector{
      Prepare(MakeArticle("body", "A", "Aid convoys wait",
                          "Officials said the ceasefire talks in Doha would resume next week.")),
      Prepare(MakeArticle("title", "B", "Ceasefire talks resume in Doha",
                          "Officials said negotiators would meet next week in Qatar.")),
      Prepare(MakeArticle("none", "C", "Markets", "Stocks rose on Wall Street."))});
  const auto hits = store->Search("ceasefire", 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].article, "title");
  EXPECT_EQ(hits[1].article, "body");
  EXPECT_GT(hits[0].score, hits[1].score);
  EXPECT_NE(hits[1].snippet.find("[ceasefire]"), std::string::npos) << hits[1].snippet;
  EXPECT_EQ(store->Search("ceasefire", 1).size(), 1u);
  EXPECT_EQ(store->Search("negotiating", 10).size(), 1u);  // porter stemming
}

TEST_F(SqliteStoreTest, WhatFts5WouldRefuseIsSearchedAsText) {
  auto store = OpenStore(path_);
  store->AddBatch(WireCopies(1));
  for (const char* query : {"\"unterminated", "AND OR", "nosuchcolumn:truce", "NEAR(", "^truce"}) {
    EXPECT_NO_THROW(store->Search(query, 10)) << query;
  }
  EXPECT_THROW(store->Search("-truce", 10), SearchQueryError);
  EXPECT_EQ(store->Search("truce", 10).size(), 1u);  // still usable afterwards
}

TEST_F(SqliteStoreTest, ReadersSearchWhileAWriterHoldsTheLock) {
  auto store = OpenStore(path_);
  store->AddBatch(WireCopies(1));
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE; INSERT INTO sources(name) VALUES ('x')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  auto reader = OpenStore(path_);
  EXPECT_EQ(reader->Search("truce", 10).size(), 1u);
  EXPECT_EQ(reader->Counts().sources, 1);  // the uncommitted row is not visible
  sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  EXPECT_EQ(reader->Counts().sources, 2);
}

}  // namespace
}  // namespace storyline
