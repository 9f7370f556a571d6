#include "store/search_stretch.h"

#include <algorithm>
#include <string>

namespace storyline {
namespace {

// Narrows `stretch` to the ids between the statement's two columns (both NULL: no ids).
void Narrow(SearchStretch& stretch, SqliteStatement& bounds) {
  if (!bounds.Step() || bounds.ColumnIsNull(0) || bounds.ColumnIsNull(1)) {
    stretch.low = 1;
    stretch.high = 0;
  } else {
    stretch.low = std::max(stretch.low, bounds.ColumnInt(0));
    stretch.high = std::min(stretch.high, bounds.ColumnInt(1));
  }
}

// The comparisons of sqlite_search.cc's date filters that the date index can bound: an
// article published on `to` has a date that starts with it, so it sorts before `to`
// followed by the greatest code point.
constexpr std::string_view kOnOrAfter = "published >= ?1";
constexpr std::string_view kOnOrBefore = "published <= substr(?2, 1, 10) || char(1114111)";

// The window of one open end: its bounds when it holds at most kOpenWindowScan articles
// (the third column says how many the scan read).
void NarrowToOpenWindow(SqliteDb& db, const SearchRequest& request, SearchStretch& stretch) {
  const std::string_view condition = request.from ? kOnOrAfter : kOnOrBefore;
  SqliteStatement bounds(
      db, std::string("SELECT min(id), max(id), count(*) FROM (SELECT id FROM articles INDEXED "
                      "BY articles_by_published WHERE ") +
              std::string(condition) + " LIMIT ?3)");
  if (request.from) bounds.Bind(1, std::string_view(*request.from));
  if (request.to) bounds.Bind(2, std::string_view(*request.to));
  bounds.Bind(3, kOpenWindowScan + 1);
  if (!bounds.Step()) return;
  if (bounds.ColumnInt(2) > kOpenWindowScan) return;  // most of the store: not worth it
  if (bounds.ColumnIsNull(0)) {
    stretch.low = 1;
    stretch.high = 0;
    return;
  }
  stretch.low = std::max(stretch.low, bounds.ColumnInt(0));
  stretch.high = std::min(stretch.high, bounds.ColumnInt(1));
}

}  // namespace

SearchStretch FindSearchStretch(SqliteDb& db, const SearchRequest& request) {
  SearchStretch stretch;
  if (request.story) {
    SqliteStatement bounds(db,
                           "SELECT min(v.id), max(v.id) FROM story_articles m JOIN articles v ON "
                           "v.external_id = m.article WHERE m.story_id = ?");
    bounds.Bind(1, int64_t{*request.story});
    Narrow(stretch, bounds);
  }
  if (request.entity) {
    // Four single-ended lookups, each one step down its index; an entity named by id
    // or by name alone has NULL for the other pair, which min() and max() pass over.
    SqliteStatement bounds(
        db,
        "SELECT min(low), max(high) FROM ("
        "SELECT (SELECT min(article_id) FROM entity_mentions WHERE entity = ?1) AS low, "
        "(SELECT max(article_id) FROM entity_mentions WHERE entity = ?1) AS high UNION ALL "
        "SELECT (SELECT min(article_id) FROM entity_mentions WHERE name = ?1 COLLATE NOCASE), "
        "(SELECT max(article_id) FROM entity_mentions WHERE name = ?1 COLLATE NOCASE))");
    bounds.Bind(1, std::string_view(*request.entity));
    Narrow(stretch, bounds);
  }
  if (request.from && request.to) {
    SqliteStatement bounds(db,
                           "SELECT min(id), max(id) FROM articles INDEXED BY "
                           "articles_by_published WHERE " +
                               std::string(kOnOrAfter) + " AND " + std::string(kOnOrBefore));
    bounds.Bind(1, std::string_view(*request.from)).Bind(2, std::string_view(*request.to));
    Narrow(stretch, bounds);
  } else if (request.from || request.to) {
    NarrowToOpenWindow(db, request, stretch);
  }
  return stretch;
}

}  // namespace storyline
