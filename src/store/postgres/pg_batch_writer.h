// How PgStore writes a batch: in runs of articles, each run planned in the client and
// stored by one statement. A statement is a round trip to the server, and an article
// written alone costs three of them (its family looked up, a savepoint, its rows), which
// made ingest 2.4x to 3.6x slower than SQLite's; a run of a whole batch costs a handful.
//
// The plan is what the rows of the run's articles depend on, worked out as the articles
// would be stored one after another: which are stored already (by content hash, or as an
// earlier article of the run), their store ids (reserved from the sequence, in batch
// order, so ids follow commit order under the ingest lock), their duplicate families
// (the candidates the store holds, read once for the run, and the run's earlier
// articles, as FindFamily in the SQLite store finds them), and the versions they replace.
//
// Each article stays all-or-nothing: a run is written under a savepoint; when one of its
// articles is refused (a record error) the run is rolled back and its halves written in
// turn, each planned again, down to the article that fails alone. A clean batch is one
// run; each refused article costs about twice the logarithm of the batch's size in runs.
#pragma once

#include <span>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace storyline {

// Stores the articles of `batch` that the store does not hold yet and returns a result
// for each article, in order. Runs inside the caller's transaction, which holds the
// ingest lock. Throws PgError for a failure that is not one article's (the caller rolls
// the batch back).
std::vector<AddResult> WritePgBatch(PgConnection& db, std::span<const PreparedArticle> batch);

}  // namespace storyline
