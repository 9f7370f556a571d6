// SearchRank: FTS5's bm25() for searches that look articles up one by one.
//
// FTS5's bm25() weighs each phrase of the query by how many rows hold it, and it counts
// them by reading the phrase's whole list of matches. It keeps the count only until the
// next lookup of the FTS5 table, and a search driven by a filter's articles (an outlet's,
// an entity's) looks each of them up on its own: with bm25(), a common word's matches
// would be counted again for every article. The SQL function
//
//   storyline_bm25(articles_fts, QUERY, TITLE_WEIGHT, TEXT_WEIGHT)
//
// that SearchRank registers on a connection scores a row exactly as
// bm25(articles_fts, TITLE_WEIGHT, TEXT_WEIGHT) does (same formula, constants and
// weights), but keeps each phrase's count, and the index's row count and mean length,
// from the first row it scores for QUERY (the MATCH expression) until Forget().
#pragma once

#include "store/sqlite_db.h"

namespace storyline {

class SearchRank {
 public:
  // Registers storyline_bm25 on `db`; the counts live as long as the connection.
  explicit SearchRank(SqliteDb& db);

  // Drops the kept counts: call at the start of each search, since articles stored since
  // the last one change them.
  void Forget();

  struct Counts;

 private:
  Counts* counts_;  // owned by the connection's FTS5 module (freed when it closes)
};

}  // namespace storyline
