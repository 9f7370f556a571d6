// The Store interface's behaviour on both back ends: every test of StoreBackendTest runs
// once on a SQLite file and once on a fresh database of a PostgreSQL server the
// executable starts (support/pg_test_server.h), and expects the same answers. The
// PgStoreTest cases are PostgreSQL's own: its schema, its transactions and its claim.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../support/pg_test_server.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_schema.h"
#include "store/store.h"
#include "store_test_articles.h"

namespace storyline {
namespace {

using storyline::testing::PgServerEnvironment;

::testing::Environment* const kServer =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

std::string TestName() {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(name.begin(), name.end(), '/', '_');
  return name;
}

// A new empty store of the back end named "sqlite" or "postgres": what --db names.
class StoreBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      db_ = PgServerEnvironment::Server().NewDatabase(TestName());
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("storyline-backend-" + std::to_string(::getpid()) + "-" + TestName());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      db_ = (dir_ / "store.db").string();
    }
    store_ = OpenStore(db_);
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::vector<std::string> Found(const std::string& query, int limit = 10) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : store_->Search(query, limit)) ids.push_back(hit.article);
    return ids;
  }
  std::set<std::string> FoundSet(const std::string& query) {
    const std::vector<std::string> ids = Found(query, 100);
    return {ids.begin(), ids.end()};
  }
  std::vector<std::string> Found(SearchRequest request) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : store_->Search(request)) ids.push_back(hit.article);
    return ids;
  }

  std::filesystem::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

using store_test::kWireText;
using store_test::MakeArticle;
using store_test::Prepare;
using store_test::WireCopies;

// Articles on unrelated subjects, each different enough not to be a near duplicate.
std::vector<PreparedArticle> Varied() {
  return {
      Prepare(MakeArticle("ceasefire-closed", "Reuters", "Ceasefire holds",
                          "The ceasefire held overnight along the border, officials said.",
                          "2024-03-01")),
      Prepare(MakeArticle("ceasefire-hyphen", "AP", "Talks go on",
                          "A cease-fire was agreed late on Tuesday after weeks of talks.",
                          "2024-03-02T10:00:00Z")),
      Prepare(MakeArticle("ceasefire-open", "BBC", "Diplomats meet",
                          "Diplomats want a cease fire before the winter sets in.", "2024-03-03")),
      Prepare(MakeArticle("us", "Reuters", "Washington reacts",
                          "The U.S. State Department said AT&T's network was not affected.",
                          "2024-03-04")),
      Prepare(MakeArticle("email", "AP", "Leak inquiry",
                          "An e-mail from the minister's office was leaked to reporters.",
                          std::nullopt)),
      Prepare(MakeArticle("email-closed", "AFP", "Inbox",
                          "The email said the harbour would reopen on Friday morning.",
                          "2024-02-10")),
      Prepare(MakeArticle("markets", "Bloomberg", "Markets rally",
                          "Stocks rose 3% on Wall Street as investors bought technology shares.",
                          "2024-03-05")),
  };
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBackendTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(StoreBackendTest, ReingestingTheSameArticlesWritesNothing) {
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "Reuters", "Talks resume", "Talks resumed in Cairo on Sunday.")),
      Prepare(MakeArticle("b", "AP", "Aid arrives", "Forty trucks crossed at Rafah on Monday.")),
  };
  const auto first = store_->AddBatch(batch);
  const StoreCounts before = store_->Counts();
  const auto again = store_->AddBatch(batch);
  ASSERT_EQ(again.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(again[i].status, AddStatus::kAlreadyStored);
    EXPECT_EQ(again[i].article_id, first[i].article_id);
  }
  EXPECT_TRUE(store_->Contains(batch[0].content_hash));
  const StoreCounts after = store_->Counts();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.entity_mentions, before.entity_mentions);
  EXPECT_EQ(after.articles, 2);
  EXPECT_EQ(after.sources, 2);
}

TEST_P(StoreBackendTest, SameArticleTwiceInOneBatchIsStoredOnce) {
  std::vector<PreparedArticle> batch = {WireCopies(1)[0], WireCopies(1)[0]};
  const auto results = store_->AddBatch(batch);
  EXPECT_EQ(results[0].status, AddStatus::kAdded);
  EXPECT_EQ(results[1].status, AddStatus::kAlreadyStored);
  EXPECT_EQ(results[1].article_id, results[0].article_id);
  EXPECT_EQ(store_->Counts().articles, 1);
}

TEST_P(StoreBackendTest, WireCopyReprintedByFiveOutletsIsOneFamilyOfFive) {
  const auto results = store_->AddBatch(WireCopies(5));
  EXPECT_FALSE(results[0].dup_of.has_value());
  for (int i = 1; i < 5; ++i) EXPECT_EQ(results[i].dup_of, results[0].article_id);
  const auto first = store_->FindArticle("w0");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(store_->FamilyMembers(first->family_id),
            (std::vector<std::string>{"w0", "w1", "w2", "w3", "w4"}));
  EXPECT_EQ(store_->Counts().duplicates, 4);
  // An edited reprint in a later batch joins the family as a near duplicate.
  std::string edited = kWireText;
  edited.replace(edited.find("six hours"), 9, "seven hours");
  const auto later = store_->AddBatch(
      std::vector{Prepare(MakeArticle("edit", "Outlet 9", "Truce framework agreed", edited))});
  EXPECT_EQ(later[0].dup_of, results[0].article_id);
  EXPECT_EQ(store_->ArticleSources({"w1", "edit", "missing"}),
            (std::map<std::string, std::string>{{"edit", "Outlet 9"}, {"w1", "Outlet 1"}}));
}

// Articles whose families and versions depend on the articles before them: exact and
// near reprints, a new version of one of them and of a version in the same batch, an
// article of no words, content already stored.
std::vector<PreparedArticle> Dependent() {
  std::string edited = kWireText;
  edited.replace(edited.find("six hours"), 9, "seven hours");
  std::vector<PreparedArticle> articles = WireCopies(3);
  articles.push_back(Prepare(MakeArticle("edit", "Outlet 9", "Truce framework agreed", edited)));
  articles.push_back(Prepare(MakeArticle("dam", "AP", "Dam report", "The spillway opened.")));
  articles.push_back(
      Prepare(MakeArticle("w1", "Outlet 1", "Truce framework agreed, updated", edited + " More.")));
  articles.push_back(Prepare(MakeArticle("blank", "AP", "Photos", "- - - -")));
  articles.push_back(WireCopies(1)[0]);
  articles.push_back(Prepare(MakeArticle("dam", "AP", "Dam report", "The spillway closed.")));
  articles.push_back(Prepare(MakeArticle("dam", "AP", "Dam report", "The spillway reopened.")));
  return articles;
}

TEST_P(StoreBackendTest, OneBatchStoresWhatArticlesOneAtATimeStore) {
  const std::vector<PreparedArticle> articles = Dependent();
  const std::vector<AddResult> together = store_->AddBatch(articles);
  const std::string other_db =
      GetParam() == "postgres" ? PgServerEnvironment::Server().NewDatabase(TestName() + "_single")
                               : (dir_ / "single.db").string();
  auto single = OpenStore(other_db);
  std::vector<AddResult> alone;
  for (const PreparedArticle& article : articles) {
    alone.push_back(single->AddBatch(std::span(&article, 1))[0]);
  }
  // Store ids compared as the position of the article each names.
  auto position = [](const std::vector<AddResult>& results, std::optional<int64_t> id) {
    if (!id) return -1;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].article_id == *id) return static_cast<int>(i);
    }
    return -2;
  };
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(together[i].status, alone[i].status);
    EXPECT_EQ(position(together, together[i].article_id), position(alone, alone[i].article_id));
    EXPECT_EQ(position(together, together[i].dup_of), position(alone, alone[i].dup_of));
    EXPECT_EQ(position(together, together[i].previous_version),
              position(alone, alone[i].previous_version));
  }
  EXPECT_EQ(position(together, together[1].dup_of), 0);  // an exact reprint
  EXPECT_EQ(position(together, together[3].dup_of), 0);  // a near one
  EXPECT_EQ(position(together, together[5].previous_version), 1);
  EXPECT_EQ(together[7].status, AddStatus::kAlreadyStored);
  EXPECT_EQ(position(together, together[9].previous_version), 8);
  for (Store* store : {store_.get(), single.get()}) {
    const StoreCounts counts = store->Counts();
    EXPECT_EQ(counts.articles, 6);
    EXPECT_EQ(counts.earlier_versions, 3);
    EXPECT_EQ(counts.duplicates, 3);
    EXPECT_EQ(store->FindArticle("dam")->article.text, "The spillway reopened.");
    EXPECT_EQ(store->ArticleVersions("dam").size(), 3u);
    const auto w0 = store->FindArticle("w0");
    EXPECT_EQ(store->FamilyMembers(w0->family_id),
              (std::vector<std::string>{"w0", "w1", "w2", "edit"}));
  }
}

TEST_P(StoreBackendTest, AnalysisRoundTripsWithItsSpans) {
  Article a = MakeArticle("r", "Reuters", "Call", "Biden spoke with Netanyahu on Monday.");
  Analysis analysis;
  analysis.entities.push_back(
      {{0, 5}, "Biden", "PERSON", "joe-biden", "Joe Biden", "President", "united-states"});
  analysis.times.push_back({{31, 37}, "Monday", "DATE", std::string("2024-08-19")});
  analysis.times.push_back({{0, 3}, "now", "DATE", std::nullopt});
  analysis.quantities.push_back({{0, 3}, "about 150.5 tunnels", 150.5, "tunnel", true});
  analysis.quotes.push_back({{1, 4}, "Time \"is\" up\\", std::nullopt, std::nullopt, true});
  analysis.quotes.push_back({{5, 9}, "Yes", std::string("Joe Biden"), std::string("joe-biden")});
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
  statement.actors = {{"agent", "x,{y}"}};
  statement.place = "Gaza";
  analysis.events.push_back(statement);
  const PreparedArticle prepared = PrepareArticle(a, analysis);
  store_->AddBatch(std::vector{prepared});

  const auto stored = store_->FindArticle("r");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->article.text, a.text);
  EXPECT_EQ(stored->article.source, "Reuters");
  EXPECT_EQ(stored->article.published, "2024-08-21");
  EXPECT_EQ(stored->article.url, a.url);
  const Analysis& back = stored->analysis;
  ASSERT_EQ(back.entities.size(), 1u);
  EXPECT_EQ(back.entities[0].entity, "joe-biden");
  EXPECT_EQ(back.entities[0].span.end, 5u);
  EXPECT_EQ(back.entities[0].name, "Joe Biden");
  EXPECT_EQ(back.entities[0].title, "President");
  EXPECT_EQ(back.entities[0].country, "united-states");
  ASSERT_EQ(back.times.size(), 2u);
  EXPECT_EQ(back.times[0].value, "2024-08-19");
  EXPECT_FALSE(back.times[1].value.has_value());
  ASSERT_EQ(back.quantities.size(), 1u);
  EXPECT_EQ(back.quantities[0].value, 150.5);
  EXPECT_TRUE(back.quantities[0].approximate);
  ASSERT_EQ(back.quotes.size(), 2u);
  EXPECT_EQ(back.quotes[0].text, "Time \"is\" up\\");
  EXPECT_FALSE(back.quotes[0].speaker.has_value());
  EXPECT_TRUE(back.quotes[0].partial);
  EXPECT_EQ(back.quotes[1].speaker_entity, "joe-biden");
  EXPECT_FALSE(back.quotes[1].partial);
  ASSERT_EQ(back.events.size(), 2u);
  EXPECT_FALSE(back.events[0].content.has_value());
  EXPECT_FALSE(back.events[0].planned);
  EXPECT_FALSE(back.events[0].negated);
  ASSERT_TRUE(back.events[1].content.has_value());
  EXPECT_EQ(back.events[1].content->start, 12u);
  EXPECT_EQ(back.events[1].content->end, 37u);
  EXPECT_TRUE(back.events[1].planned);
  EXPECT_TRUE(back.events[1].negated);
  EXPECT_EQ(back.events[1].place, "Gaza");
  ASSERT_EQ(back.events[0].actors.size(), 2u);
  EXPECT_EQ(back.events[0].actors[1].entity, "benjamin-netanyahu");
  ASSERT_EQ(back.events[1].actors.size(), 1u);
  EXPECT_EQ(back.events[1].actors[0].entity, "x,{y}");

  int visited = 0;
  store_->ForEachArticleAfter(0, [&](StoredArticle&& article) {
    ++visited;
    EXPECT_EQ(article.analysis.events.size(), 2u);
  });
  EXPECT_EQ(visited, 1);
}

TEST_P(StoreBackendTest, EntityNamesAndTheLastStoredArticle) {
  EXPECT_FALSE(store_->LastStoredArticle().has_value());
  auto with_mentions = [](std::string id, std::vector<EntityMention> mentions) {
    Analysis analysis;
    analysis.entities = std::move(mentions);
    return PrepareArticle(MakeArticle(std::move(id), "AP", "Talks", "Biden met Harris in Rome."),
                          std::move(analysis));
  };
  store_->AddBatch(std::vector{
      with_mentions("a", {{{0, 5}, "Biden", "PERSON", "joe-biden", "Joe Biden", "", ""},
                          {{10, 16}, "Harris", "PERSON", "kamala-harris", "", "", ""}}),
      with_mentions("b", {{{0, 5}, "Biden", "PERSON", "joe-biden", "Joe Biden", "", ""}})});
  // The name its mentions give most often, their words where none is given; unknown ids
  // are left out.
  EXPECT_EQ(store_->EntityNames({"joe-biden", "kamala-harris", "nobody"}),
            (std::map<std::string, std::string>{{"joe-biden", "Joe Biden"},
                                                {"kamala-harris", "Harris"}}));
  EXPECT_EQ(store_->LastStoredArticle(), "b");
}

TEST_P(StoreBackendTest, ANewVersionReplacesTheEarlierInEveryQuery) {
  store_->AddBatch(std::vector{
      Prepare(MakeArticle("dam", "AP", "Dam report", "The dam spillway opened at noon."))});
  const auto results = store_->AddBatch(std::vector{Prepare(
      MakeArticle("dam", "AP", "Dam report, corrected", "The dam spillway opened at dawn."))});
  ASSERT_EQ(results[0].status, AddStatus::kAdded);
  ASSERT_TRUE(results[0].previous_version.has_value());
  EXPECT_EQ(store_->FindArticle("dam")->article.title, "Dam report, corrected");
  const auto versions = store_->ArticleVersions("dam");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].article.title, "Dam report");
  EXPECT_EQ(versions[1].previous_version, versions[0].id);
  EXPECT_EQ(store_->Counts().articles, 1);
  EXPECT_EQ(store_->Counts().earlier_versions, 1);
  EXPECT_EQ(Found("spillway"), std::vector<std::string>{"dam"});
  EXPECT_TRUE(Found("noon").empty());
  EXPECT_EQ(store_->LoadQuotes({}).size(), 1u);
}

TEST_P(StoreBackendTest, SearchRanksTitleMatchesFirstAndHighlightsTerms) {
  store_->AddBatch(std::vector{
      Prepare(MakeArticle("body", "A", "Aid convoys wait",
                          "Officials said the ceasefire talks in Doha would resume next week.")),
      Prepare(MakeArticle("title", "B", "Ceasefire talks resume in Doha",
                          "Officials said negotiators would meet next week in Qatar.")),
      Prepare(MakeArticle("none", "C", "Markets", "Stocks rose on Wall Street."))});
  const auto hits = store_->Search("ceasefire", 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].article, "title");
  EXPECT_EQ(hits[1].article, "body");
  EXPECT_GT(hits[0].score, hits[1].score);
  EXPECT_NE(hits[1].snippet.find("[ceasefire]"), std::string::npos) << hits[1].snippet;
  EXPECT_EQ(hits[0].source, "B");
  EXPECT_EQ(hits[0].title, "Ceasefire talks resume in Doha");
  EXPECT_EQ(store_->Search("ceasefire", 1).size(), 1u);
  EXPECT_EQ(Found("negotiating"), std::vector<std::string>{"title"});  // stemming
}

TEST_P(StoreBackendTest, QueriesFindTheSameArticlesOnEitherBackEnd) {
  store_->AddBatch(Varied());
  using Ids = std::set<std::string>;
  const Ids ceasefire = {"ceasefire-closed", "ceasefire-hyphen", "ceasefire-open"};
  EXPECT_EQ(FoundSet("ceasefire"), ceasefire);
  EXPECT_EQ(FoundSet("cease-fire"), ceasefire);
  EXPECT_EQ(FoundSet("\"cease fire\""), (Ids{"ceasefire-hyphen", "ceasefire-open"}));
  EXPECT_EQ(FoundSet("e-mail"), (Ids{"email", "email-closed"}));
  EXPECT_EQ(FoundSet("email"), (Ids{"email-closed"}));
  EXPECT_EQ(FoundSet("U.S."), (Ids{"us"}));
  const std::vector<SearchHit> us = store_->Search("U.S.", 10);
  ASSERT_EQ(us.size(), 1u);
  EXPECT_NE(us[0].snippet.find("[U"), std::string::npos) << us[0].snippet;  // marked
  EXPECT_EQ(FoundSet("AT&T"), (Ids{"us"}));
  EXPECT_EQ(FoundSet("3%"), (Ids{"markets"}));
  EXPECT_EQ(FoundSet("minister's"), (Ids{"email"}));
  EXPECT_EQ(FoundSet("ceasefire -border"), (Ids{"ceasefire-hyphen", "ceasefire-open"}));
  EXPECT_EQ(FoundSet("harbour OR stocks"), (Ids{"email-closed", "markets"}));
  EXPECT_EQ(FoundSet("technol*"), (Ids{"markets"}));
  EXPECT_EQ(FoundSet("\"winter sets"), (Ids{"ceasefire-open"}));  // a quote left open
  EXPECT_EQ(FoundSet("winter sets -\"cease fire\""), Ids{});
  EXPECT_EQ(FoundSet("diplomats winter"), (Ids{"ceasefire-open"}));
  EXPECT_EQ(FoundSet("diplomats stocks"), Ids{});
  EXPECT_EQ(FoundSet("Diplomats’"), (Ids{"ceasefire-open"}));  // Unicode punctuation
  for (const char* query : {"\"unterminated", "AND OR", "nosuchcolumn:truce", "NEAR(", "^truce",
                            "'quoted'", "a:*", "!x | y"}) {
    EXPECT_NO_THROW(store_->Search(query, 10)) << query;
  }
  EXPECT_THROW(store_->Search("-truce", 10), SearchQueryError);
  EXPECT_THROW(store_->Search("&", 10), SearchQueryError);
  EXPECT_THROW(store_->Search("((", 10), SearchQueryError);
}

// Compacting the search index (after a backfill) changes what is stored, never what a
// query finds; each batch below leaves the index another part to merge.
TEST_P(StoreBackendTest, CompactingTheSearchIndexFindsTheSame) {
  for (const PreparedArticle& article : Varied()) store_->AddBatch(std::vector{article});
  const std::vector<std::string> queries = {"ceasefire", "\"cease fire\"", "e-mail",
                                            "harbour OR stocks", "technol*"};
  std::vector<std::vector<std::string>> before;
  for (const std::string& query : queries) before.push_back(Found(query));
  store_->CompactSearchIndex();
  for (size_t i = 0; i < queries.size(); ++i) EXPECT_EQ(Found(queries[i]), before[i]) << queries[i];
  EXPECT_FALSE(before[0].empty());
}

TEST_P(StoreBackendTest, FiltersPagingAndNewestFirst) {
  store_->AddBatch(Varied());
  SearchRequest request;
  request.query = "ceasefire OR email OR e-mail";
  request.newest_first = true;
  request.limit = 10;
  // Newest first, undated last.
  EXPECT_EQ(Found(request),
            (std::vector<std::string>{"ceasefire-open", "ceasefire-hyphen", "ceasefire-closed",
                                      "email-closed", "email"}));
  request.offset = 1;
  request.limit = 2;
  EXPECT_EQ(Found(request), (std::vector<std::string>{"ceasefire-hyphen", "ceasefire-closed"}));
  request.offset = 0;
  request.limit = 10;
  request.from = "2024-03-02";
  request.to = "2024-03-03";
  EXPECT_EQ(Found(request), (std::vector<std::string>{"ceasefire-open", "ceasefire-hyphen"}));
  request.from.reset();
  request.to.reset();
  request.source = "reuters";
  EXPECT_EQ(Found(request), (std::vector<std::string>{"ceasefire-closed"}));
  request.source.reset();
  request.entity = "geneva";
  EXPECT_EQ(Found(request).size(), 5u);
  request.entity = "GENEVA";  // the canonical name, in any case
  EXPECT_EQ(Found(request).size(), 5u);
  request.entity = "nobody";
  EXPECT_TRUE(Found(request).empty());
  request.entity.reset();
  request.newest_first = false;
  request.ranked_matches = 1;
  request.limit = 1;
  EXPECT_EQ(Found(request).size(), 1u);
}

StoryChanges TwoStories() {
  Story first;
  first.id = 1;
  first.label = "Border ceasefire";
  first.articles = {"ceasefire-closed", "ceasefire-hyphen"};
  first.first = "2024-03-01";
  first.last = "2024-03-02";
  StoryEvent event;
  event.id = 7;
  event.type = "AGREEMENT";
  event.date = "2024-03-02";
  event.actors = {"israel", "hamas"};
  event.articles = {"ceasefire-hyphen"};
  event.summary = "Talks go on";
  first.events = {event};
  Story second;
  second.id = 2;
  second.label = "Markets";
  second.articles = {"markets"};
  StoryChanges changes;
  changes.complete = true;
  for (const Story& story : {first, second}) {
    StoryUpdate update;
    update.id = story.id;
    update.label = story.label;
    update.first = story.first;
    update.last = story.last;
    update.replace = true;
    update.new_articles = story.articles;
    for (size_t i = 0; i < story.events.size(); ++i) {
      update.changed_events.emplace_back(i, story.events[i]);
    }
    changes.changed.push_back(update);
  }
  changes.splits = {{1, 2, "markets"}};
  return changes;
}

TEST_P(StoreBackendTest, StoriesRoundTripAndFilterSearchAndQuotes) {
  store_->AddBatch(Varied());
  EXPECT_TRUE(store_->LoadStoryState().blob.empty());
  store_->SaveStoryChanges({std::string("state\0bytes", 11), 5}, TwoStories());
  const SavedStoryState state = store_->LoadStoryState();
  EXPECT_EQ(state.blob, std::string("state\0bytes", 11));
  EXPECT_EQ(state.placed_through, 5);
  const std::vector<Story> stories = store_->LoadStories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].label, "Border ceasefire");
  EXPECT_EQ(stories[0].articles,
            (std::vector<std::string>{"ceasefire-closed", "ceasefire-hyphen"}));
  ASSERT_EQ(stories[0].events.size(), 1u);
  EXPECT_EQ(stories[0].events[0].actors, (std::vector<std::string>{"israel", "hamas"}));
  EXPECT_EQ(stories[0].events[0].date, "2024-03-02");
  EXPECT_FALSE(stories[1].first.has_value());
  EXPECT_EQ(store_->StoryOfArticle("markets")->id, 2);
  EXPECT_FALSE(store_->StoryOfArticle("email").has_value());
  ASSERT_EQ(store_->LoadStorySplits().size(), 1u);
  EXPECT_EQ(store_->LoadStorySplits()[0].article, "markets");

  SearchRequest request;
  request.query = "ceasefire";
  request.story = 1;
  const std::vector<std::string> in_story = Found(request);
  EXPECT_EQ(std::set<std::string>(in_story.begin(), in_story.end()),
            (std::set<std::string>{"ceasefire-closed", "ceasefire-hyphen"}));
  QuoteQuery quotes;
  quotes.story = 1;
  EXPECT_EQ(store_->LoadQuotes(quotes).size(), 2u);
  quotes.speaker = "An-Official";
  quotes.limit = 1;
  EXPECT_EQ(store_->LoadQuotes(quotes).size(), 1u);
  quotes.speaker = "nobody";
  EXPECT_TRUE(store_->LoadQuotes(quotes).empty());
  EXPECT_EQ(store_->LoadQuotes({}).size(), 7u);

  // A later change set that is not complete updates in place.
  StoryChanges more;
  StoryUpdate update;
  update.id = 2;
  update.label = "Markets rally";
  update.first_new_article = 1;
  update.new_articles = {"email-closed"};
  more.changed = {update};
  more.merged_away = {1};
  more.merges = {{2, 1, "email-closed"}};
  store_->SaveStoryChanges({"next", 7}, more);
  const std::vector<Story> after = store_->LoadStories();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].label, "Markets rally");
  EXPECT_EQ(after[0].articles, (std::vector<std::string>{"markets", "email-closed"}));
  EXPECT_EQ(store_->LoadStoryState().blob, "next");
}

TEST_P(StoreBackendTest, FeedStateAndEntityLinksRoundTrip) {
  EXPECT_FALSE(store_->LoadFeed("https://example.com/feed").has_value());
  store_->SaveFeed({"https://example.com/feed", "\"etag\"", "Mon", 1700000000, 2});
  store_->SaveFeed({"https://example.com/feed", "\"etag2\"", "Tue", 1700000100, 0});
  const auto feed = store_->LoadFeed("https://example.com/feed");
  ASSERT_TRUE(feed.has_value());
  EXPECT_EQ(feed->etag, "\"etag2\"");
  EXPECT_EQ(feed->next_poll, 1700000100);
  EXPECT_EQ(feed->failures_in_a_row, 0);
  store_->SaveSeenUrl({"https://example.com/a", "2024-01-01", "a"});
  EXPECT_EQ(store_->FindSeenUrl("https://example.com/a")->article, "a");
  EXPECT_FALSE(store_->FindSeenUrl("https://example.com/b").has_value());

  PreparedArticle first = Prepare(MakeArticle("a", "A", "One", "Biden met Harris."));
  first.entity_links = {{"alias", "biden", "Joe Biden"}, {"alias", "harris", "Kamala Harris"}};
  PreparedArticle second = Prepare(MakeArticle("b", "B", "Two", "Harris met Netanyahu."));
  second.entity_links = {{"alias", "harris", "Kamala Harris"}, {"alias", "bibi", "Netanyahu"}};
  store_->AddBatch(std::vector{first, second});
  const std::vector<CorpusLinkRow> links = store_->LoadEntityLinks();
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].name, "biden");
  EXPECT_EQ(links[1].name, "harris");
  EXPECT_EQ(links[2].name, "bibi");
}

TEST_P(StoreBackendTest, StreamPositionsRoundTripByName) {
  EXPECT_EQ(store_->LoadStreamPosition("ANALYSES").applied_through, 0u);
  EXPECT_EQ(store_->LoadStreamPosition("ANALYSES").resume_from, 1u);
  store_->SaveStreamPosition("ANALYSES", {256, 250});
  store_->SaveStreamPosition("ANALYSES", {512, 509});
  store_->SaveStreamPosition("OTHER", {1, 2});
  auto reopened = OpenStore(db_);
  EXPECT_EQ(reopened->LoadStreamPosition("ANALYSES").applied_through, 512u);
  EXPECT_EQ(reopened->LoadStreamPosition("ANALYSES").resume_from, 509u);
  EXPECT_EQ(reopened->LoadStreamPosition("OTHER").applied_through, 1u);
}

TEST_P(StoreBackendTest, AClaimIsHeldUntilItsStoreCloses) {
  store_->ClaimStories({}, std::chrono::seconds(1));
  store_->ClaimStories({}, std::chrono::seconds(1));  // again through the same store: no-op
  auto other = OpenStore(db_);
  std::string holder;
  EXPECT_THROW(
      other->ClaimStories([&](const std::string& who) { holder = who; }, std::chrono::seconds(1)),
      StoreError);
  EXPECT_NE(holder.find(std::to_string(::getpid())), std::string::npos) << holder;
  store_.reset();
  EXPECT_NO_THROW(other->ClaimStories({}, std::chrono::seconds(5)));
}

TEST_P(StoreBackendTest, ReadersOpenAnExistingStoreOnly) {
  store_->AddBatch(WireCopies(1));
  auto reader = OpenStore(db_, OpenMode::kReadOnly);
  EXPECT_EQ(reader->Counts().articles, 1);
  EXPECT_EQ(reader->Search("truce", 10).size(), 1u);
}

// PostgreSQL's own: a database of its own per test.
class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { url_ = PgServerEnvironment::Server().NewDatabase(TestName()); }
  std::string url_;
};

TEST_F(PgStoreTest, ANewDatabaseStartsAtTheLatestStepAndReopens) {
  OpenStore(url_)->AddBatch(WireCopies(1));
  PgConnection db(url_);
  EXPECT_EQ(db.Query("SELECT version FROM schema_version").Int(0, 0), PgSchemaVersion());
  EXPECT_EQ(OpenStore(url_)->Counts().articles, 1);
  db.Exec("UPDATE schema_version SET version = version + 1");
  EXPECT_THROW(OpenStore(url_), StoreError);
  EXPECT_THROW(OpenStore(url_, OpenMode::kReadOnly), StoreError);
}

TEST_F(PgStoreTest, RefusesAnotherApplicationsDatabaseAndAnEmptyOneForReading) {
  EXPECT_THROW(OpenStore(url_, OpenMode::kReadOnly), StoreError);
  PgConnection(url_).Exec("CREATE TABLE invoices (id integer)");
  EXPECT_THROW(OpenStore(url_), StoreError);
}

TEST_F(PgStoreTest, ConnectionErrorsNeverShowThePassword) {
  try {
    OpenStore("postgresql://someone:s3cret@127.0.0.1:1/nothing");
    FAIL() << "connected to a closed port";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("someone:***@"), std::string::npos) << e.what();
  }
}

TEST_F(PgStoreTest, AFailingArticleRollsBackAloneAndLeavesNoTrace) {
  auto store = OpenStore(url_);
  // Refuses the mention of article b (its text's first word), a row written after b's
  // own: what must go is b's article row, its outlet and every row of its analysis.
  PgConnection(url_).Exec(
      "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused mention'; "
      "END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT ON entity_mentions FOR EACH "
      "ROW WHEN (NEW.text = 'Second') EXECUTE FUNCTION refuse();");
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "A", "One", "First article about the ceasefire talks.")),
      Prepare(MakeArticle("b", "B", "Two", "Second article about hostages and prisoners.")),
      Prepare(MakeArticle("c", "C", "Three", "Third article about aid convoys at the crossing.")),
  };
  const auto results = store->AddBatch(batch);
  EXPECT_EQ(results[0].status, AddStatus::kAdded);
  EXPECT_EQ(results[1].status, AddStatus::kFailed);
  EXPECT_NE(results[1].error.find("refused mention"), std::string::npos) << results[1].error;
  EXPECT_EQ(results[2].status, AddStatus::kAdded);
  EXPECT_EQ(store->Counts().articles, 2);
  EXPECT_FALSE(store->FindArticle("b").has_value());
  EXPECT_EQ(store->Counts().sources, 2);
  EXPECT_TRUE(store->Search("hostages", 10).empty());
  PgConnection db(url_);
  EXPECT_EQ(db.Query("SELECT count(DISTINCT article_id) FROM lsh_bands").Int(0, 0), 2);
  EXPECT_EQ(db.Query("SELECT count(*) FROM entity_mentions WHERE text = 'Second'").Int(0, 0), 0);
}

TEST_F(PgStoreTest, ARefusedArticleIsNoFamilyForTheArticlesAfterIt) {
  auto store = OpenStore(url_);
  PgConnection(url_).Exec(
      "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; "
      "END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW "
      "WHEN (NEW.url LIKE '%/Outlet 1/%') EXECUTE FUNCTION refuse();");
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "A", "One", "First article about the ceasefire talks."))};
  for (const PreparedArticle& copy : WireCopies(4)) batch.push_back(copy);
  std::swap(batch[1], batch[2]);  // w1, refused, before w0
  const auto results = store->AddBatch(batch);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_EQ(results[0].status, AddStatus::kAdded);
  EXPECT_EQ(results[1].status, AddStatus::kFailed);
  EXPECT_EQ(results[2].status, AddStatus::kAdded);
  EXPECT_FALSE(results[2].dup_of.has_value());
  for (size_t i = 3; i < 5; ++i) EXPECT_EQ(results[i].dup_of, results[2].article_id);
  EXPECT_EQ(store->Counts().articles, 4);
  EXPECT_EQ(store->Counts().duplicates, 2);
  EXPECT_FALSE(store->FindArticle("w1").has_value());
}

TEST_F(PgStoreTest, AFailureOfTheDatabaseRollsBackTheWholeBatch) {
  auto store = OpenStore(url_);
  store->AddBatch(WireCopies(1));
  PgConnection db(url_);
  // 53100 is disk_full: not the record's fault.
  db.Exec(
      "CREATE FUNCTION crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash' "
      "USING ERRCODE = '53100'; END $$ LANGUAGE plpgsql; CREATE TRIGGER crash BEFORE INSERT ON "
      "quotes FOR EACH ROW WHEN (NEW.text = 'quoted' AND NEW.article_id > 1) EXECUTE FUNCTION "
      "crash();");
  std::vector<PreparedArticle> batch = {
      Prepare(MakeArticle("a", "A", "One", "First article about the ceasefire talks.")),
      Prepare(MakeArticle("b", "B", "Two", "Second article about hostages and prisoners.")),
  };
  EXPECT_THROW(store->AddBatch(batch), StoreError);
  EXPECT_EQ(store->Counts().articles, 1);
  db.Exec("DROP TRIGGER crash ON quotes");
  store->AddBatch(batch);
  EXPECT_EQ(store->Counts().articles, 3);
}

TEST_F(PgStoreTest, TheChangeTokenMovesWhenArticlesOrStoriesCommit) {
  auto writer = OpenStore(url_);
  writer->AddBatch(WireCopies(1));
  auto reader = OpenStore(url_, OpenMode::kReadOnly);
  const std::string stored = reader->ChangeToken();
  EXPECT_EQ(OpenStore(url_, OpenMode::kReadOnly)->ChangeToken(), stored);
  writer->AddBatch(WireCopies(1));  // stored already: nothing written
  EXPECT_EQ(reader->ChangeToken(), stored);
  writer->AddBatch(
      std::vector{Prepare(MakeArticle("dam", "AP", "Dam report", "The spillway opened at noon."))});
  const std::string added = reader->ChangeToken();
  EXPECT_NE(added, stored);
  StoryUpdate update;
  update.id = 1;
  update.label = "Dam";
  update.replace = true;
  update.new_articles = {"dam"};
  StoryChanges changes;
  changes.complete = true;
  changes.changed = {update};
  writer->SaveStoryChanges({"state", 2}, changes);
  const std::string saved = reader->ChangeToken();
  EXPECT_NE(saved, added);
  writer->SaveStoryChanges({"state", 2}, changes);  // the same again is a new save
  EXPECT_NE(reader->ChangeToken(), saved);
}

TEST_F(PgStoreTest, ReadersSearchWhileAWriterHoldsItsTransaction) {
  auto store = OpenStore(url_);
  store->AddBatch(WireCopies(1));
  PgConnection writer(url_);
  writer.Exec(
      "BEGIN; LOCK TABLE sources IN EXCLUSIVE MODE; INSERT INTO sources(name) VALUES ('x')");
  auto reader = OpenStore(url_, OpenMode::kReadOnly);
  EXPECT_EQ(reader->Search("truce", 10).size(), 1u);
  EXPECT_EQ(reader->Counts().sources, 1);  // the uncommitted row is not visible
  writer.Exec("COMMIT");
  EXPECT_EQ(reader->Counts().sources, 2);
}

TEST_F(PgStoreTest, ConcurrentWritersStoreEveryArticleOnceInOneFamily) {
  OpenStore(url_);  // migrated once, before the race
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([this] { OpenStore(url_)->AddBatch(WireCopies(4)); });
  }
  for (std::thread& writer : writers) writer.join();
  auto store = OpenStore(url_);
  EXPECT_EQ(store->Counts().articles, 4);
  EXPECT_EQ(store->Counts().duplicates, 3);
}

}  // namespace
}  // namespace storyline
