// SqliteStore::Search on either side of SearchRequest::ranked_matches: best first ranks
// the newest that many matches when more match; newest first is the same order whether
// few or many match (sorted in memory, or walked by publication date), with undated
// articles last, filters, paging and scores alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace storyline {
namespace {

class SqliteSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-search-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::make_unique<SqliteStore>((dir_ / "store.db").string(), false);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Stores articles "a0", "a1", ... in this order, one batch each, so store order is list
  // order.
  struct Stored {
    std::string title;
    std::string text;
    std::optional<std::string> published;
    std::string source = "Wire";
  };
  void Store(const std::vector<Stored>& articles) {
    for (const Stored& stored : articles) {
      Article article;
      article.id = "a" + std::to_string(next_++);
      article.source = stored.source;
      article.url = "https://example.org/" + article.id;
      article.title = stored.title;
      article.text = stored.text;
      article.published = stored.published;
      const std::vector<PreparedArticle> batch = {PrepareArticle(article, {})};
      ASSERT_EQ(store_->AddBatch(batch)[0].status, AddStatus::kAdded) << article.id;
    }
  }

  std::vector<std::string> Articles(SearchRequest request) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : store_->Search(request)) ids.push_back(hit.article);
    return ids;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteStore> store_;
  int next_ = 0;
};

SearchRequest Request(std::string query, int ranked_matches) {
  SearchRequest request;
  request.query = std::move(query);
  request.ranked_matches = request.ranked_filtered_matches = ranked_matches;
  request.limit = std::min(10, ranked_matches);  // a page within the bound
  return request;
}

// Each text different enough not to be a near duplicate of another.
std::string Text(int i, std::string_view words) {
  return "Report number " + std::to_string(i) + " from the harbor district, filed " +
         std::to_string(1000 + 37 * i) + " minutes after the vote: " + std::string(words) +
         ". Residents of block " + std::to_string(i * 13) + " said little else.";
}

TEST_F(SqliteSearchTest, BestFirstRanksTheNewestMatchesWhenMoreMatch) {
  Store({{"Harbor strike: harbor closed, harbor empty", Text(0, "the strike"), "2024-01-01"}});
  for (int i = 1; i <= 6; ++i) {
    Store({{"Council news " + std::to_string(i), Text(i, "a strike"), "2024-01-02"}});
  }
  // All seven match "harbor"; a0 says it most, in its title.
  EXPECT_EQ(Articles(Request("harbor", 100))[0], "a0");
  const std::vector<std::string> newest = Articles(Request("harbor", 3));
  ASSERT_EQ(newest.size(), 3u);
  std::vector<std::string> sorted = newest;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::string>{"a4", "a5", "a6"}));
  // A page beyond the bound ranks as many of the newest as it needs.
  SearchRequest deep = Request("harbor", 3);
  deep.offset = 3;
  deep.limit = 3;
  EXPECT_EQ(Articles(deep).size(), 3u);
  // Fewer matches than the bound: all of them ranked, as without it.
  EXPECT_EQ(Articles(Request("harbor closed", 3)), std::vector<std::string>{"a0"});
  // With an outlet or entity filter the window is ranked_filtered_matches.
  SearchRequest filtered = Request("harbor", 100);
  filtered.source = "wire";
  EXPECT_EQ(Articles(filtered)[0], "a0");
  filtered.ranked_filtered_matches = filtered.limit = 3;
  sorted = Articles(filtered);
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::string>{"a4", "a5", "a6"}));
}

TEST_F(SqliteSearchTest, NewestFirstIsTheSameOrderWhetherFewOrManyMatch) {
  // Stored out of date order (a backfill), one undated, two on one day.
  Store({{"Vote today", Text(0, "vote"), "2024-03-01T10:00:00Z"},
         {"Vote recount", Text(1, "vote"), "2023-11-20"},
         {"Vote appeal", Text(2, "vote"), std::nullopt},
         {"Vote result", Text(3, "vote"), "2024-05-02", "Courier"},
         {"Vote protest", Text(4, "vote"), "2024-03-01T10:00:00Z"},
         {"Vote turnout", Text(5, "vote"), "2022-07-07", "Courier"}});
  const std::vector<std::string> expected = {"a3", "a4", "a0", "a1", "a5", "a2"};
  // Pages of two: with a bound of 2 every page is past it (the walk by date).
  for (const int ranked : {100, 2}) {
    SCOPED_TRACE(ranked);
    std::vector<std::string> all;
    for (int offset = 0; offset < 8; offset += 2) {
      SearchRequest request = Request("vote", ranked);
      request.newest_first = true;
      request.limit = 2;
      request.offset = offset;
      for (const std::string& id : Articles(request)) all.push_back(id);
    }
    EXPECT_EQ(all, expected);
    SearchRequest request = Request("vote", ranked);
    request.newest_first = true;
    request.limit = 2;
    request.source = "courier";
    EXPECT_EQ(Articles(request), (std::vector<std::string>{"a3", "a5"}));
    request.source.reset();
    request.from = "2023-01-01";
    request.to = "2024-03-01";
    EXPECT_EQ(Articles(request), (std::vector<std::string>{"a4", "a0"}));
    request.offset = 2;
    EXPECT_EQ(Articles(request), (std::vector<std::string>{"a1"}));
  }
}

// The hits of `request` read a page of one at a time, so every page is past a bound of 1.
std::vector<SearchHit> OneByOne(Store& store, SearchRequest request) {
  std::vector<SearchHit> hits;
  request.limit = 1;
  for (request.offset = 0; request.offset < 5; ++request.offset) {
    for (SearchHit& hit : store.Search(request)) hits.push_back(std::move(hit));
  }
  return hits;
}

TEST_F(SqliteSearchTest, ScoresAndSnippetsAreTheSameOnEitherPath) {
  Store({{"Ferry", Text(0, "ferry ferry ferry"), "2024-01-01"},
         {"Ferry again", Text(1, "the ferry"), "2024-01-03"},
         {"Bus", Text(2, "a ferry"), "2024-01-02"}});
  SearchRequest few = Request("ferry", 100), many = Request("ferry", 1);
  const std::vector<SearchHit> best = store_->Search(few);
  ASSERT_EQ(best.size(), 3u);
  EXPECT_GT(best[0].score, best[1].score);
  const std::vector<SearchHit> newest_stored = store_->Search(many);
  ASSERT_EQ(newest_stored.size(), 1u);
  EXPECT_EQ(newest_stored[0].article, "a2");
  few.newest_first = many.newest_first = true;
  const std::vector<SearchHit> a = store_->Search(few), b = OneByOne(*store_, many);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].article, b[i].article);
    EXPECT_DOUBLE_EQ(a[i].score, b[i].score);
    EXPECT_EQ(a[i].snippet, b[i].snippet);
    EXPECT_GT(a[i].score, 0);
    EXPECT_NE(a[i].snippet.find("erry]"), std::string::npos) << a[i].snippet;
  }
}

TEST_F(SqliteSearchTest, OnlyTheLatestVersionIsFoundOnEitherPath) {
  Store({{"Dam report", Text(0, "dam spillway"), "2024-01-01"},
         {"Dam update", Text(1, "dam gates"), "2024-01-02"}});
  next_ = 0;  // a0 again, edited: its new version
  Store({{"Dam report, corrected", Text(0, "dam spillway corrected"), "2024-01-01"}});
  auto titles = [](const std::vector<SearchHit>& hits) {
    std::vector<std::string> titles;
    for (const SearchHit& hit : hits) titles.push_back(hit.title);
    std::sort(titles.begin(), titles.end());
    return titles;
  };
  const std::vector<std::string> both = {"Dam report, corrected", "Dam update"};
  for (const bool newest_first : {false, true}) {
    SearchRequest few = Request("dam", 100), many = Request("dam", 1);
    few.newest_first = many.newest_first = newest_first;
    EXPECT_EQ(titles(store_->Search(few)), both);
    if (newest_first) {
      EXPECT_EQ(titles(OneByOne(*store_, many)), both);
    } else {
      EXPECT_EQ(titles(store_->Search(many)), std::vector<std::string>{"Dam report, corrected"});
    }
  }
}

// The hits of `request` as one plain SQL statement over every match finds them (the search
// before the filters were driven by their indexes): the latest versions that pass each
// filter, best first (BM25, then stored first) or newest first (undated last, then the
// later stored first); with fewer than `ranked_matches` passing, which this test keeps.
std::vector<std::string> PlainSearch(SqliteDb& db, const SearchRequest& request) {
  std::string sql =
      "SELECT a.external_id FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid "
      "LEFT JOIN sources s ON s.id = a.source_id WHERE articles_fts MATCH ?1 AND a.latest = 1";
  if (request.from) sql += " AND substr(a.published, 1, 10) >= ?2";
  if (request.to) sql += " AND substr(a.published, 1, 10) <= ?3";
  if (request.source) sql += " AND s.name = ?4 COLLATE NOCASE";
  if (request.entity) {
    sql +=
        " AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND "
        "(m.entity = ?5 OR m.name = ?5 COLLATE NOCASE))";
  }
  if (request.story) {
    sql += " AND a.external_id IN (SELECT article FROM story_articles WHERE story_id = ?6)";
  }
  sql += request.newest_first ? " ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
                              : " ORDER BY bm25(articles_fts, 4.0, 1.0), a.id";
  SqliteStatement query(db, sql);
  query.Bind(1, std::string_view(request.query));
  if (request.from) query.Bind(2, std::string_view(*request.from));
  if (request.to) query.Bind(3, std::string_view(*request.to));
  if (request.source) query.Bind(4, std::string_view(*request.source));
  if (request.entity) query.Bind(5, std::string_view(*request.entity));
  if (request.story) query.Bind(6, int64_t{*request.story});
  std::vector<std::string> ids;
  while (query.Step()) ids.push_back(query.ColumnText(0));
  return ids;
}

TEST_F(SqliteSearchTest, EachFilterFindsWhatThePlainQueryFinds) {
  // Stored out of date order, some undated, two outlets whose names differ only in case,
  // people named by id and by name, and three articles edited (new versions).
  const std::vector<std::string> dates = {"2024-03-01T10:00:00Z", "2023-11-20", "",
                                          "2024-05-02",           "2024-03-01", "2022-07-07",
                                          "2024-03-31T23:59:00Z", "2024-04-01"};
  const std::vector<std::string> sources = {"Wire", "Courier", "WIRE", "Herald"};
  const std::vector<std::pair<std::string, std::string>> people = {
      {"ana-lind", "Ana Lind"}, {"bo-berg", "Bo Berg"}, {"cy-moss", "Cy Moss"}};
  auto add = [this, &dates, &sources, &people](int i, std::string_view words) {
    Article article;
    article.id = "a" + std::to_string(i);
    article.source = sources[i % sources.size()];
    article.url = "https://example.org/" + article.id;
    article.title = i % 3 ? "Harbor vote" : "Council report";
    const auto& [entity, name] = people[i % people.size()];
    article.text = name + " spoke. " + Text(i, words);
    if (!dates[i % dates.size()].empty()) article.published = dates[i % dates.size()];
    Analysis analysis;
    if (i % 5 != 4) {  // every fifth names nobody
      EntityMention mention;
      mention.span = {0, static_cast<uint32_t>(name.size())};
      mention.text = name;
      mention.type = "PERSON";
      mention.entity = entity;
      mention.name = name;
      analysis.entities.push_back(mention);
    }
    const std::vector<PreparedArticle> batch = {PrepareArticle(article, analysis)};
    ASSERT_EQ(store_->AddBatch(batch)[0].status, AddStatus::kAdded) << article.id;
  };
  for (int i = 0; i < 24; ++i) add(i, i % 2 ? "harbor vote harbor" : "harbor strike");
  for (const int i : {3, 8, 13}) add(i, "harbor vote, corrected");
  SqliteDb db((dir_ / "store.db").string(), 5000);
  db.Exec(
      "INSERT INTO stories(id, label) VALUES (7, 'harbor'); "
      "INSERT INTO story_articles(story_id, ordinal, article) VALUES "
      "(7, 0, 'a2'), (7, 1, 'a8'), (7, 2, 'a13'), (7, 3, 'a21')");

  std::vector<SearchRequest> requests;
  for (const std::string query : {"harbor", "vote", "strike OR corrected"}) {
    SearchRequest all;
    all.query = query;
    all.limit = 100;
    requests.push_back(all);
    auto with = [&requests, &all](auto set) {
      SearchRequest request = all;
      set(request);
      requests.push_back(request);
    };
    with([](SearchRequest& r) { r.from = "2024-03-01", r.to = "2024-03-31"; });
    with([](SearchRequest& r) { r.from = "2024-03-01"; });
    with([](SearchRequest& r) { r.to = "2023-12-31"; });
    with([](SearchRequest& r) { r.from = "2024-06-01", r.to = "2024-01-01"; });
    with([](SearchRequest& r) { r.source = "wire"; });
    with([](SearchRequest& r) { r.source = "Nobody"; });
    with([](SearchRequest& r) { r.entity = "bo-berg"; });
    with([](SearchRequest& r) { r.entity = "ana lind"; });
    with([](SearchRequest& r) { r.entity = "dee-nobody"; });
    with([](SearchRequest& r) { r.story = 7; });
    with([](SearchRequest& r) { r.story = 8; });
    with([](SearchRequest& r) {
      r.entity = "Cy Moss", r.source = "WIRE", r.from = "2022-01-01", r.to = "2024-12-31";
    });
  }
  int found = 0;
  for (SearchRequest request : requests) {
    for (const bool newest_first : {false, true}) {
      request.newest_first = newest_first;
      SCOPED_TRACE(request.query + (newest_first ? " newest first" : " best first") + " from " +
                   request.from.value_or("-") + " to " + request.to.value_or("-") + " source " +
                   request.source.value_or("-") + " entity " + request.entity.value_or("-") +
                   " story " + std::to_string(request.story.value_or(0)));
      const std::vector<std::string> expected = PlainSearch(db, request);
      EXPECT_EQ(Articles(request), expected);
      found += static_cast<int>(expected.size());
      if (newest_first) {  // also page by page, walked by date past a bound of 1
        request.ranked_matches = request.ranked_filtered_matches = 1;
        std::vector<std::string> paged;
        for (const SearchHit& hit : OneByOne(*store_, request)) paged.push_back(hit.article);
        EXPECT_EQ(paged,
                  std::vector<std::string>(
                      expected.begin(), expected.begin() + std::min<size_t>(5, expected.size())));
        request.ranked_matches = SearchRequest{}.ranked_matches;
        request.ranked_filtered_matches = SearchRequest{}.ranked_filtered_matches;
      }
    }
  }
  EXPECT_GT(found, 100);  // the filters were asked something
}

// An outlet or entity with few articles beside a word most articles hold drives the
// query: its articles are looked up in the index one by one. They come out as the words'
// matches would, in the same order and with the same scores (storyline_bm25 is bm25()).
TEST_F(SqliteSearchTest, AFilterWithFewArticlesFindsAndScoresWhatTheWordsFind) {
  std::vector<PreparedArticle> batch;
  const std::vector<int> rare = {7, 120, 121, 250, 299};
  Analysis names_ana;  // "Ana Lind" at the start of the text
  EntityMention ana;
  ana.span = {0, 8};
  ana.text = ana.name = "Ana Lind";
  ana.type = "PERSON";
  ana.entity = "ana-lind";
  names_ana.entities.push_back(ana);
  for (int i = 0; i < 300; ++i) {
    const bool is_rare = std::find(rare.begin(), rare.end(), i) != rare.end();
    Article article;
    article.id = "a" + std::to_string(i);
    article.source = is_rare && i % 2 ? "Rare Gazette" : "Wire";
    article.url = "https://example.org/" + article.id;
    article.title = i % 4 ? "Harbor vote" : "Council report";
    article.text = "Ana Lind spoke. " + Text(i, std::string(1 + i % 3, 'x') + " harbor harbor");
    article.published = "2024-01-" + std::to_string(10 + i % 20);
    batch.push_back(PrepareArticle(article, is_rare ? names_ana : Analysis{}));
  }
  store_->AddBatch(batch);
  SearchRequest all;
  all.query = "harbor";
  all.limit = 300;
  std::map<std::string, double> scores;
  for (const SearchHit& hit : store_->Search(all)) scores[hit.article] = hit.score;
  ASSERT_EQ(scores.size(), 300u);

  for (const bool newest_first : {false, true}) {
    for (const bool by_entity : {true, false}) {
      SearchRequest request = all;
      request.newest_first = newest_first;
      (by_entity ? request.entity : request.source) = by_entity ? "ANA LIND" : "rare gazette";
      const std::vector<SearchHit> hits = store_->Search(request);
      std::vector<std::string> expected;
      for (const int i : rare) {
        if (by_entity || i % 2) expected.push_back("a" + std::to_string(i));
      }
      std::vector<std::string> found;
      for (const SearchHit& hit : hits) {
        found.push_back(hit.article);
        EXPECT_DOUBLE_EQ(hit.score, scores[hit.article]) << hit.article;
      }
      std::vector<std::string> sorted = found;
      std::sort(sorted.begin(), sorted.end());
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(sorted, expected);
      for (size_t i = 1; i < hits.size() && !newest_first; ++i) {
        EXPECT_GE(hits[i - 1].score, hits[i].score);
      }
    }
  }

  // The other filters hold on the looked-up articles too: dates, and only the latest
  // version of an edited article.
  Article edited;
  edited.id = "a250";
  edited.source = "Wire";
  edited.url = "https://example.org/a250";
  edited.title = "Harbor vote, corrected";
  edited.text = "Ana Lind spoke again. " + Text(250, "harbor harbor harbor");
  edited.published = "2024-01-21";
  ASSERT_EQ(store_->AddBatch(std::vector{PrepareArticle(edited, names_ana)})[0].status,
            AddStatus::kAdded);
  for (const bool newest_first : {false, true}) {
    SearchRequest request = all;
    request.newest_first = newest_first;
    request.entity = "ana-lind";
    request.from = "2024-01-15";
    std::vector<std::string> found;
    for (const SearchHit& hit : store_->Search(request)) found.push_back(hit.article);
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::string>{"a250", "a299", "a7"}));
  }
}

TEST_F(SqliteSearchTest, TheFiltersIndexesAreTheSchemas) {
  SqliteDb db((dir_ / "store.db").string(), 5000);
  SqliteStatement indexes(db,
                          "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                          "('entity_mentions_by_name', 'articles_superseded', "
                          "'articles_by_source')");
  ASSERT_TRUE(indexes.Step());
  EXPECT_EQ(indexes.ColumnInt(0), 3);
  EXPECT_GE(SqliteSchemaVersion(), 13);
}

}  // namespace
}  // namespace storyline
