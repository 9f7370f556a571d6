// SqliteStore::Search: full-text search over the FTS5 index (schema step 1).
//
// What a query costs grows with the articles that match it, and a common word matches
// most of a large store, so the work per matching article is kept to the least and done
// once: one pass reads the matches newest first (FTS5 gives them in rowid order without
// sorting) with the article's filters and its BM25 score, and stops after
// SearchRequest::RankedWindow() (or as many as a page beyond them needs); the page is
// picked from them in memory; only the page's articles are then read in full and given
// snippets (snippet() tokenizes the whole text, so it is never computed for an article
// that is not shown). No total is counted and nothing is sorted by SQLite.
//
//   best first: when more articles match than the ranked window (ranked_matches, or
//     ranked_filtered_matches with an outlet or entity filter), the best of the newest
//     that many are returned (for fewer, the best of all of them);
//   newest first: exact at any size. Few matches are sorted in memory; many are found by
//     walking the articles newest first (index articles_by_published) and asking the index
//     whether each one matches, which ends after a page when most articles match. With no
//     filter, "many" is asked of the index alone (its ids, not the articles' dates).
#include <fmt/format.h>

#include <algorithm>

#include "store/search_query.h"
#include "store/search_stretch.h"
#include "store/sqlite_store.h"

namespace storyline {
namespace {

// BM25 column weights: a term in the title counts as much as four in the text.
constexpr std::string_view kBm25 = "bm25(articles_fts, 4.0, 1.0)";
// The same score for a query that looks its articles up one by one (store/search_rank.h).
constexpr std::string_view kRankPerLookup = "storyline_bm25(articles_fts, ?1, 4.0, 1.0)";

// Parameter numbers of the statements below.
enum Parameter : int {
  kQuery = 1,
  kFrom,
  kTo,
  kSource,
  kEntity,
  kStory,
  kLimit,
  kOffset,
  kLow,
  kHigh,
  kLookedUp
};

// `text` with each run of line breaks and tabs as one space: a snippet is one line.
std::string OneLine(std::string_view text) {
  std::string line;
  for (const char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      line.push_back(c);
    } else if (!line.empty() && line.back() != ' ') {
      line.push_back(' ');
    }
  }
  return line;
}

// Whether an article is superseded (an earlier version) is asked of the small partial
// index of superseded ids (schema step 10), never of the article's row: `latest` is its
// last column, after the text, and reading it reads the text's overflow pages.
constexpr std::string_view kSuperseded =
    "SELECT id FROM articles INDEXED BY articles_superseded WHERE latest = 0";

// Whether the filters need the article's row `a` (its date or external id).
bool ReadsArticle(const SearchRequest& request) {
  return request.from || request.to || request.story;
}

// The filters that stand for a set of articles read from an index of their own, and
// which of them, if any, drives a query: its articles are looked up in the FTS5 index
// one by one, newest first, instead of the words' matches being read and each asked the
// filter.
enum class Driver { kNone, kSource, kEntity };

// Such a set: the query that lists its article ids (bound by ?4 or ?5) and the column
// that holds them.
struct FilterSet {
  std::string_view select;
  std::string_view column;
};

// The outlet's articles (an outlet's name may be written in any case).
constexpr FilterSet kSourceSet = {
    "SELECT id FROM articles INDEXED BY articles_by_source WHERE source_id IN "
    "(SELECT id FROM sources WHERE name = ?4 COLLATE NOCASE)",
    "id"};

// The entity's articles: ?5 is an entity id or a canonical name.
constexpr FilterSet kEntitySet = {
    "SELECT article_id FROM entity_articles WHERE entity IN "
    "(SELECT ?5 UNION SELECT entity FROM entity_names WHERE name = ?5)",
    "article_id"};

const FilterSet& SetOf(Driver driver) {
  return driver == Driver::kSource ? kSourceSet : kEntitySet;
}

// Whether the request filters by that set.
bool Asks(const SearchRequest& request, Driver set) {
  return set == Driver::kSource ? request.source.has_value() : request.entity.has_value();
}

// The request's filters over the article of id `id` (and its row `a` where
// ReadsArticle), each only when set and not the driver: a filter left out costs nothing
// per match. The outlet's and the entity's sets are asked per match, one step down an
// index of their own (read whole, a common entity's set would cost more than the query);
// the superseded ids and a story's articles, which are few, are read once per query.
std::string FilterSql(const SearchRequest& request, std::string_view id,
                      Driver driver = Driver::kNone) {
  // A statement run once per looked-up article (a driver's) asks each set one step down
  // its index: a set read whole would be read again at every run.
  const bool per_lookup = driver != Driver::kNone;
  std::string sql = per_lookup ? fmt::format("NOT EXISTS ({} AND id = {})", kSuperseded, id)
                               : fmt::format("{} NOT IN ({})", id, kSuperseded);
  if (request.from) {
    // The bare comparison is implied by the exact one and lets an index on the date
    // bound the walk by date.
    sql += " AND a.published >= ?2 AND substr(a.published, 1, 10) >= ?2";
  }
  if (request.to) {
    sql +=
        " AND a.published <= substr(?3, 1, 10) || char(1114111) AND "
        "substr(a.published, 1, 10) <= ?3";
  }
  for (const Driver set : {Driver::kSource, Driver::kEntity}) {
    if (Asks(request, set) && set != driver) {
      sql += fmt::format(" AND EXISTS ({} AND {} = {})", SetOf(set).select, SetOf(set).column, id);
    }
  }
  if (request.story) {
    sql += per_lookup ? " AND EXISTS (SELECT 1 FROM story_articles WHERE article = a.external_id "
                        "AND story_id = ?6)"
                      : " AND a.external_id IN (SELECT article FROM story_articles WHERE "
                        "story_id = ?6)";
  }
  return sql;
}

// How many matches the first pass reads: the ranked window, or more for a page beyond it.
int64_t MatchesRead(const SearchRequest& request) {
  return std::max<int64_t>(request.RankedWindow(),
                           int64_t{std::max(0, request.offset)} + std::max(0, request.limit));
}

void BindFilters(SqliteStatement& statement, const SearchRequest& request) {
  if (request.from) statement.Bind(kFrom, std::string_view(*request.from));
  if (request.to) statement.Bind(kTo, std::string_view(*request.to));
  if (request.source) statement.Bind(kSource, std::string_view(*request.source));
  if (request.entity) statement.Bind(kEntity, std::string_view(*request.entity));
  if (request.story) statement.Bind(kStory, int64_t{*request.story});
}

// An article that matches, as the first pass reads it.
struct Match {
  int64_t id = 0;
  double bm25 = 0;  // lower is better
  std::optional<std::string> published;
};

// The page [offset, offset + limit) of `matches` in the order `before` gives.
template <typename Before>
std::vector<Match> Page(std::vector<Match> matches, const SearchRequest& request, Before before) {
  const size_t offset = std::min(matches.size(), static_cast<size_t>(std::max(0, request.offset)));
  const size_t end =
      std::min(matches.size(), offset + static_cast<size_t>(std::max(0, request.limit)));
  std::partial_sort(matches.begin(), matches.begin() + end, matches.end(), before);
  return std::vector<Match>(matches.begin() + offset, matches.begin() + end);
}

bool HasFilters(const SearchRequest& request) {
  return request.from || request.to || request.source || request.entity || request.story;
}

bool BestFirst(const Match& a, const Match& b) {
  return a.bm25 != b.bm25 ? a.bm25 < b.bm25 : a.id < b.id;
}

// The page of a best-first query with no filter. The index alone gives the matches and
// their scores, so no article is read per match; whether an article is still its latest
// version is asked only of the best, in rank order, until the page is full (earlier
// versions are few).
std::vector<Match> BestOfLatest(SqliteDb& db, const std::string& fts_query,
                                const SearchRequest& request) {
  SqliteStatement matches(db, fmt::format("SELECT rowid, {} FROM articles_fts WHERE articles_fts "
                                          "MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                                          kBm25));
  matches.Bind(1, std::string_view(fts_query)).Bind(2, MatchesRead(request));
  std::vector<Match> found;
  while (matches.Step()) found.push_back({matches.ColumnInt(0), matches.ColumnDouble(1), {}});
  std::sort(found.begin(), found.end(), BestFirst);
  SqliteStatement superseded(db, fmt::format("{} AND id = ?", kSuperseded));
  std::vector<Match> page;
  int skip = std::max(0, request.offset);
  for (const Match& match : found) {
    if (page.size() >= static_cast<size_t>(std::max(0, request.limit))) break;
    superseded.Bind(1, match.id);
    const bool is_superseded = superseded.Step();
    superseded.Reset();
    if (is_superseded) continue;
    if (skip > 0) {
      --skip;
    } else {
      page.push_back(match);
    }
  }
  return page;
}

// Up to the ranked window of articles that match and pass the filters, newest stored
// first, with their BM25 scores when `scored` and publication dates when `dated`: the
// words' matches read newest first over the filters' stretch, each asked the filters (an
// article's row read only when a filter or the date needs it).
std::vector<Match> NewestMatches(SqliteDb& db, const std::string& fts_query,
                                 const SearchRequest& request, const SearchStretch& stretch,
                                 bool scored, bool dated) {
  const bool row = dated || ReadsArticle(request);
  SqliteStatement matches(
      db, fmt::format("SELECT articles_fts.rowid, {}, {} FROM articles_fts{} "
                      "WHERE articles_fts MATCH ?1 AND articles_fts.rowid BETWEEN ?9 AND ?10 "
                      "AND {} ORDER BY articles_fts.rowid DESC LIMIT ?7",
                      scored ? kBm25 : "0", dated ? "a.published" : "NULL",
                      row ? " CROSS JOIN articles a ON a.id = articles_fts.rowid" : "",
                      FilterSql(request, "articles_fts.rowid")));
  matches.Bind(kQuery, std::string_view(fts_query))
      .Bind(kLimit, MatchesRead(request))
      .Bind(kLow, stretch.low)
      .Bind(kHigh, stretch.high);
  BindFilters(matches, request);
  std::vector<Match> found;
  while (matches.Step()) {
    found.push_back({matches.ColumnInt(0), matches.ColumnDouble(1), matches.ColumnOptionalText(2)});
  }
  return found;
}

// The same, driven by a filter's set: its article ids in the stretch, newest first (only
// ids, read from the set's index), each looked up in the FTS5 index with the other
// filters until the window is full (scored by storyline_bm25, which counts the words'
// matches once, not per lookup).
std::vector<Match> DrivenMatches(SqliteDb& db, const std::string& fts_query,
                                 const SearchRequest& request, const SearchStretch& stretch,
                                 Driver driver, bool scored, bool dated) {
  const FilterSet& set = SetOf(driver);
  SqliteStatement ids(
      db, fmt::format("{0} AND {1} BETWEEN ?9 AND ?10 ORDER BY {1} DESC", set.select, set.column));
  ids.Bind(kLow, stretch.low).Bind(kHigh, stretch.high);
  BindFilters(ids, request);
  const bool row = dated || ReadsArticle(request);
  SqliteStatement lookup(
      db, fmt::format("SELECT {}, {} FROM articles_fts{} WHERE articles_fts MATCH ?1 AND "
                      "articles_fts.rowid = ?11 AND {}",
                      scored ? kRankPerLookup : "0", dated ? "a.published" : "NULL",
                      row ? " CROSS JOIN articles a ON a.id = ?11" : "",
                      FilterSql(request, "?11", driver)));
  const size_t window = static_cast<size_t>(MatchesRead(request));
  std::vector<Match> found;
  while (found.size() < window && ids.Step()) {
    const int64_t id = ids.ColumnInt(0);
    lookup.Bind(kQuery, std::string_view(fts_query)).Bind(kLookedUp, id);
    BindFilters(lookup, request);
    if (lookup.Step()) found.push_back({id, lookup.ColumnDouble(0), lookup.ColumnOptionalText(1)});
    lookup.Reset();
  }
  return found;
}

// Which way a query with an outlet or entity filter finds its window of matches costs
// least is estimated from how dense the words' matches and the filter's set are among
// the stretch's articles: driven by the set, it looks up min(set, window / word density)
// articles; driven by the words, it reads and asks the set about min(words, window / set
// density) matches. A lookup costs about kLookupCost times a match read and asked (35
// against 2.5 us of CPU on the 1,000,000-article store of bench/search_scale). The set is
// counted up to kCountCap; the words' density is read from the index over the newest
// kDensitySample articles of the stretch.
constexpr double kLookupCost = 14;
constexpr int64_t kCountCap = 200'000;
constexpr int64_t kDensitySample = 20'000;

// How many of the set's articles lie in the stretch, counted up to `cap`.
int64_t CountUpTo(SqliteDb& db, const FilterSet& set, const SearchRequest& request,
                  const SearchStretch& stretch, int64_t cap) {
  SqliteStatement count(db, fmt::format("SELECT count(*) FROM ({} AND {} BETWEEN ?9 AND ?10 "
                                        "LIMIT ?7)",
                                        set.select, set.column));
  count.Bind(kLimit, cap).Bind(kLow, stretch.low).Bind(kHigh, stretch.high);
  BindFilters(count, request);
  return count.Step() ? count.ColumnInt(0) : 0;
}

// The page of a query sorted newest first that matches more than ranked_matches
// articles: the articles newest first, each asked of the index, until the page is full.
std::vector<Match> NewestPublished(SqliteDb& db, const std::string& fts_query,
                                   const SearchRequest& request, const SearchStretch& stretch) {
  SqliteStatement page(db,
                       fmt::format("SELECT a.id FROM articles a INDEXED BY articles_by_published "
                                   "WHERE a.id BETWEEN ?9 AND ?10 AND {} AND EXISTS (SELECT 1 "
                                   "FROM articles_fts WHERE articles_fts MATCH ?1 AND "
                                   "articles_fts.rowid = a.id) "
                                   "ORDER BY a.published DESC, a.id DESC LIMIT ?7 OFFSET ?8",
                                   FilterSql(request, "a.id")));
  page.Bind(kQuery, std::string_view(fts_query))
      .Bind(kLimit, int64_t{request.limit})
      .Bind(kOffset, int64_t{request.offset})
      .Bind(kLow, stretch.low)
      .Bind(kHigh, stretch.high);
  BindFilters(page, request);
  std::vector<Match> found;
  while (page.Step()) found.push_back({page.ColumnInt(0), 0, std::nullopt});
  return found;
}

// Gives the page's matches their BM25 scores, read in one pass over the stretch of the
// index they span (a newest-first page is mostly one short stretch): asking for each
// article alone would make bm25() count each term's articles over the whole index again.
void ScorePage(SqliteDb& db, const std::string& fts_query, std::vector<Match>& page) {
  if (page.empty()) return;
  const auto [low, high] = std::minmax_element(
      page.begin(), page.end(), [](const Match& a, const Match& b) { return a.id < b.id; });
  SqliteStatement scores(db, fmt::format("SELECT rowid, {} FROM articles_fts WHERE articles_fts "
                                         "MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
                                         kBm25));
  scores.Bind(1, std::string_view(fts_query)).Bind(2, low->id).Bind(3, high->id);
  while (scores.Step()) {
    for (Match& match : page) {
      if (match.id == scores.ColumnInt(0)) match.bm25 = scores.ColumnDouble(1);
    }
  }
}

// How many articles with ids in [low, high] match, counted up to `cap`, asked of the
// index alone: its list of article ids, no score, no article row.
int64_t CountMatches(SqliteDb& db, const std::string& fts_query, int64_t low, int64_t high,
                     int64_t cap) {
  SqliteStatement matches(db,
                          "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts "
                          "MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT ?4)");
  matches.Bind(1, std::string_view(fts_query)).Bind(2, low).Bind(3, high).Bind(4, cap);
  return matches.Step() ? matches.ColumnInt(0) : 0;
}

// Whether at least `count` articles in the stretch match.
bool IndexHolds(SqliteDb& db, const std::string& fts_query, const SearchStretch& stretch,
                int64_t count) {
  return CountMatches(db, fts_query, stretch.low, stretch.high, count) >= count;
}

// The filter whose set drives the query, if any (see kLookupCost): the one with fewest
// articles in the stretch, when looking them up costs less than reading the words'.
Driver ChooseDriver(SqliteDb& db, const std::string& fts_query, const SearchRequest& request,
                    const SearchStretch& stretch) {
  Driver driver = Driver::kNone;
  int64_t fewest = kCountCap;
  for (const Driver set : {Driver::kSource, Driver::kEntity}) {
    if (!Asks(request, set)) continue;
    const int64_t count = CountUpTo(db, SetOf(set), request, stretch, kCountCap);
    if (driver == Driver::kNone || count < fewest) {
      fewest = count;
      driver = set;
    }
  }
  if (driver == Driver::kNone) return driver;
  SqliteStatement last(db, "SELECT coalesce(max(id), 0) FROM articles");
  last.Step();
  const int64_t low = std::max<int64_t>(stretch.low, 1);
  const int64_t high = std::min(stretch.high, last.ColumnInt(0));
  if (high < low) return driver;
  const int64_t sample_low = std::max(low, high - kDensitySample + 1);
  const double word_density =
      static_cast<double>(
          std::max<int64_t>(1, CountMatches(db, fts_query, sample_low, high, kDensitySample))) /
      static_cast<double>(high - sample_low + 1);
  const double articles = static_cast<double>(high - low + 1);
  const double set_density = static_cast<double>(std::max<int64_t>(1, fewest)) / articles;
  const double window = static_cast<double>(MatchesRead(request));
  const double by_set = kLookupCost * std::min(static_cast<double>(fewest), window / word_density);
  const double by_words = std::min(word_density * articles, window / set_density);
  return by_set < by_words ? driver : Driver::kNone;
}

// The window of matches, found the way `driver` says.
std::vector<Match> MatchesOf(SqliteDb& db, const std::string& fts_query,
                             const SearchRequest& request, const SearchStretch& stretch,
                             Driver driver, bool scored, bool dated) {
  return driver == Driver::kNone
             ? NewestMatches(db, fts_query, request, stretch, scored, dated)
             : DrivenMatches(db, fts_query, request, stretch, driver, scored, dated);
}

// The page of matches the request asks for, without their text.
std::vector<Match> PageOf(SqliteDb& db, const std::string& fts_query,
                          const SearchRequest& request) {
  const SearchStretch stretch = FindSearchStretch(db, request);
  if (stretch.empty()) return {};
  const Driver driver = ChooseDriver(db, fts_query, request, stretch);
  if (!request.newest_first) {
    return HasFilters(request)
               ? Page(MatchesOf(db, fts_query, request, stretch, driver, true, false), request,
                      BestFirst)
               : BestOfLatest(db, fts_query, request);
  }
  std::vector<Match> page;
  if (!HasFilters(request) && IndexHolds(db, fts_query, stretch, MatchesRead(request))) {
    // Many match: walked by date at once, without reading the dates of the newest stored
    // (the walk is exact whatever the number; an earlier version among them changes
    // nothing but which way the page is found).
    page = NewestPublished(db, fts_query, request, stretch);
    ScorePage(db, fts_query, page);
    return page;
  }
  std::vector<Match> matches = MatchesOf(db, fts_query, request, stretch, driver, false, true);
  if (matches.size() < static_cast<size_t>(MatchesRead(request))) {
    // Undated last, then newest first, then the later stored first.
    page = Page(std::move(matches), request, [](const Match& a, const Match& b) {
      if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
      if (a.published != b.published) return *a.published > *b.published;
      return a.id > b.id;
    });
  } else {
    page = NewestPublished(db, fts_query, request, stretch);
  }
  ScorePage(db, fts_query, page);
  return page;
}

}  // namespace

std::vector<SearchHit> SqliteStore::Search(const SearchRequest& request) {
  search_rank_.Forget();
  SqliteStatement occurs(db_, "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1");
  const std::string fts_query =
      ToFts5Query(request.query, [&occurs](std::string_view first, std::string_view second) {
        const std::string phrase = fmt::format("\"{} {}\"", first, second);
        occurs.Bind(1, std::string_view(phrase));
        const bool found = occurs.Step();
        occurs.Reset();
        return found;
      });
  std::vector<SearchHit> hits;
  try {
    const std::vector<Match> page = PageOf(db_, fts_query, request);
    SqliteStatement read(db_,
                         "SELECT a.external_id, a.title, coalesce(s.name, ''), "
                         "snippet(articles_fts, -1, '[', ']', '…', 24) FROM articles_fts "
                         "CROSS JOIN articles a ON a.id = articles_fts.rowid "
                         "LEFT JOIN sources s ON s.id = a.source_id "
                         "WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2");
    for (const Match& match : page) {
      read.Bind(1, std::string_view(fts_query)).Bind(2, match.id);
      if (read.Step()) {
        hits.push_back({read.ColumnText(0), read.ColumnText(1), read.ColumnText(2), -match.bm25,
                        OneLine(read.ColumnText(3))});
      }
      read.Reset();
    }
  } catch (const SqliteError& e) {
    // ToFts5Query writes only what FTS5 reads; should it ever refuse one, the reader gets
    // a sentence about the query, not the engine's message.
    if (e.code() != SQLITE_ERROR) throw;
    throw SearchQueryError(
        "the query could not be read: write words, \"a phrase\", word OR "
        "word, -word to leave out, or prefix*");
  }
  return hits;
}

// FTS5 merges its segments a few at a time as articles arrive, so a large store keeps
// dozens; 'optimize' merges them all into one.
void SqliteStore::CompactSearchIndex() {
  db_.Exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
}

}  // namespace storyline
