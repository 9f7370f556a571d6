// The corpus entity linker's rows in the SQLite store: kept with the article that taught
// them, in the order articles were stored, each row once, rolled back with an article or
// a batch that is not stored, and added by migration to a store an earlier build made.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/store.h"

namespace storyline {
namespace {

// The schema before step 3 added entity_links.
constexpr int kVersionBeforeEntityLinks = 2;

class SqliteEntityLinksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-entity-links-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs SQL on a separate raw connection, as another process would.
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

PreparedArticle Prepare(const std::string& id, const std::string& text,
                        std::vector<CorpusLinkRow> links) {
  Article article;
  article.id = id;
  article.source = "Outlet " + id;
  article.title = "Article " + id;
  article.text = text;
  article.url = "https://example.com/" + id;
  Analysis analysis;
  analysis.entities.push_back({{0, 5}, text.substr(0, 5), "PERSON", "someone"});
  analysis.quotes.push_back({{6, 12}, text.substr(6, 6), std::nullopt, std::nullopt});
  PreparedArticle prepared = PrepareArticle(std::move(article), std::move(analysis));
  prepared.entity_links = std::move(links);
  return prepared;
}

const CorpusLinkRow kBiden{"person", "Joe Biden", ""};
const CorpusLinkRow kNetanyahu{"person", "Benjamin Netanyahu", ""};
const CorpusLinkRow kGao{"acronym", "GAO", "Government Accountability Office"};

TEST_F(SqliteEntityLinksTest, RowsComeBackOnceInTheOrderArticlesTaughtThem) {
  {
    auto store = OpenStore(path_);
    EXPECT_TRUE(store->LoadEntityLinks().empty());
    store->AddBatch(std::vector{Prepare("a", "First article on the talks.", {kBiden, kGao}),
                                Prepare("b", "Second article on the talks.", {kGao, kNetanyahu})});
    store->AddBatch(std::vector{Prepare("c", "Third article on the talks.", {kBiden})});
  }
  auto reopened = OpenStore(path_);
  EXPECT_EQ(reopened->LoadEntityLinks(), (std::vector{kBiden, kGao, kNetanyahu}));
}

TEST_F(SqliteEntityLinksTest, AnArticleAlreadyStoredWritesNoRows) {
  auto store = OpenStore(path_);
  store->AddBatch(std::vector{Prepare("a", "First article on the talks.", {kBiden})});
  const auto results =
      store->AddBatch(std::vector{Prepare("a", "First article on the talks.", {kNetanyahu})});
  EXPECT_EQ(results[0].status, AddStatus::kAlreadyStored);
  EXPECT_EQ(store->LoadEntityLinks(), std::vector{kBiden});
}

TEST_F(SqliteEntityLinksTest, AFailingArticleTakesItsRowsWithIt) {
  auto store = OpenStore(path_);
  ExecRaw(
      "CREATE TRIGGER refuse BEFORE INSERT ON quotes WHEN (SELECT text FROM articles "
      "WHERE id = NEW.article_id) LIKE '%hostages%' "
      "BEGIN SELECT RAISE(ABORT, 'refused quote'); END;");
  const auto results =
      store->AddBatch(std::vector{Prepare("a", "First article on the talks.", {kBiden}),
                                  Prepare("b", "Second on hostages.", {kNetanyahu, kGao}),
                                  Prepare("c", "Third article on the talks.", {kGao})});
  EXPECT_EQ(results[1].status, AddStatus::kFailed);
  // GAO stays: the third article, which was stored, taught it too.
  EXPECT_EQ(store->LoadEntityLinks(), (std::vector{kBiden, kGao}));
}

TEST_F(SqliteEntityLinksTest, ABatchRolledBackWholeLeavesNoRows) {
  auto store = OpenStore(path_);
  store->AddBatch(std::vector{Prepare("a", "First article on the talks.", {kBiden})});
  ExecRaw(
      "CREATE TRIGGER crash BEFORE INSERT ON quotes WHEN NEW.article_id = 3 "
      "BEGIN SELECT RAISE(ROLLBACK, 'simulated crash'); END;");
  const std::vector batch = {Prepare("b", "Second article on the talks.", {kNetanyahu}),
                             Prepare("c", "Third article on the talks.", {kGao})};
  EXPECT_THROW(store->AddBatch(batch), StoreError);
  EXPECT_EQ(store->LoadEntityLinks(), std::vector{kBiden});
  ExecRaw("DROP TRIGGER crash");
  store->AddBatch(batch);
  EXPECT_EQ(store->LoadEntityLinks(), (std::vector{kBiden, kNetanyahu, kGao}));
}

TEST_F(SqliteEntityLinksTest, MigratesAStoreAnEarlierBuildMade) {
  {
    SqliteDb db(path_, 1000);
    MigrateSqliteSchema(db, kVersionBeforeEntityLinks);
    db.Exec(
        "INSERT INTO articles (external_id, published, url, title, author, language, text, "
        "origin, content_hash, text_hash, family_id) VALUES ('old', '2024-01-02', '', 'Old', "
        "'', 'en', 'Biden spoke.', 'old.jsonl:1', x'00', 1, 1);"
        "INSERT INTO entity_mentions VALUES (1, 0, 0, 5, 'Biden', 'PERSON', 'biden');");
  }
  auto store = OpenStore(path_);
  const std::optional<StoredArticle> old = store->FindArticle("old");
  ASSERT_TRUE(old.has_value());
  ASSERT_EQ(old->analysis.entities.size(), 1u);
  EXPECT_EQ(old->analysis.entities[0].entity, "biden");
  EXPECT_TRUE(store->LoadEntityLinks().empty());
  store->AddBatch(std::vector{Prepare("new", "A new article on the talks.", {kBiden})});
  EXPECT_EQ(store->LoadEntityLinks(), std::vector{kBiden});
  EXPECT_EQ(store->Counts().articles, 2);
}

}  // namespace
}  // namespace storyline
