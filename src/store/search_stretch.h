// The stretch of article ids a search's filters confine it to (store/sqlite_search.cc):
// the first pass of a search reads only that stretch of the FTS5 index, so a filter that
// picks few articles makes the query cost what those articles cost, not what every
// article that matches the words costs.
#pragma once

#include <cstdint>
#include <limits>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace storyline {

// Every article that passes the filters has an id in [low, high]; empty when none can.
struct SearchStretch {
  int64_t low = 0;
  int64_t high = std::numeric_limits<int64_t>::max();

  bool empty() const { return low > high; }
};

// A window of publication dates with one end open is narrowed only when it holds at most
// this many articles: its bounds are the least and greatest id among them, read from the
// date index, and a window that holds most of a large store is not worth reading through
// (its matches pass the date test soon anyway).
constexpr int64_t kOpenWindowScan = 50'000;

// The stretch of `request`'s filters that pick few articles, each found from an index: a
// story's articles (any version of them) mostly arrive within days of each other; an
// entity's articles span the stories it is in; a window of dates spans the articles
// published in it. A filter that cannot narrow leaves the stretch as it is.
SearchStretch FindSearchStretch(SqliteDb& db, const SearchRequest& request);

}  // namespace storyline
