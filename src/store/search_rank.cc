#include "store/search_rank.h"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

namespace storyline {

// What bm25() computes once per query: the index's size and each phrase's weight.
struct SearchRank::Counts {
  std::string query;           // the MATCH expression they were taken for; empty: none
  double mean_length = 0;      // tokens per row, all columns
  std::vector<double> idf;     // per phrase of the query
  std::vector<double> weight;  // scratch: the current row's weighted count per phrase
};

namespace {

// BM25's constants, as FTS5's bm25() has them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

// Fills `counts` for `query` as FTS5's bm25() does on its first row.
int TakeCounts(const Fts5ExtensionApi* api, Fts5Context* fts, std::string query,
               SearchRank::Counts& counts) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  const int phrases = api->xPhraseCount(fts);
  std::vector<double> idf(static_cast<size_t>(phrases));
  for (int i = 0; i < phrases; ++i) {
    int64_t hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    if (rc != SQLITE_OK) return rc;
    // A phrase in more than half of the rows would weigh less than nothing: FTS5 floors it.
    const double value = std::log((static_cast<double>(rows - hits) + 0.5) / (hits + 0.5));
    idf[static_cast<size_t>(i)] = value > 0 ? value : 1e-6;
  }
  counts.query = std::move(query);
  counts.mean_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  counts.idf = std::move(idf);
  counts.weight.assign(counts.idf.size(), 0);
  return SQLITE_OK;
}

int Score(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv,
          SearchRank::Counts& counts, double& score) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const std::string_view query = text != nullptr ? text : "";
  if (counts.idf.empty() || counts.query != query) {
    const int rc = TakeCounts(api, fts, std::string(query), counts);
    if (rc != SQLITE_OK) return rc;
  }
  std::fill(counts.weight.begin(), counts.weight.end(), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK && static_cast<size_t>(phrase) < counts.weight.size()) {
      // The column weights follow the query argument, as they follow the table in bm25().
      counts.weight[static_cast<size_t>(phrase)] +=
          column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0;
    }
  }
  int row_tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &row_tokens);
  if (rc != SQLITE_OK) return rc;
  const double length_norm = counts.mean_length > 0 ? kB * row_tokens / counts.mean_length : 0;
  double sum = 0;
  for (size_t i = 0; i < counts.idf.size(); ++i) {
    const double f = counts.weight[i];
    sum += counts.idf[i] * (f * (kK1 + 1.0)) / (f + kK1 * (1.0 - kB + length_norm));
  }
  score = -sum;
  return SQLITE_OK;
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
          sqlite3_value** argv) {
  if (argc < 1) {
    sqlite3_result_error(result, "storyline_bm25: the query is missing", -1);
    return;
  }
  auto& counts = *static_cast<SearchRank::Counts*>(api->xUserData(fts));
  double score = 0;
  const int rc = Score(api, fts, argc, argv, counts, score);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_double(result, score);
}

// The connection's FTS5 module, asked for as SQLite documents it: a pointer bound to
// `SELECT fts5(?)`.
fts5_api* Fts5Of(SqliteDb& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* query = nullptr;
  if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &query, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(query, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(query);
  }
  sqlite3_finalize(query);
  if (api == nullptr || api->iVersion < 2) throw StoreError("SQLite has no FTS5 module");
  return api;
}

}  // namespace

SearchRank::SearchRank(SqliteDb& db) : counts_(new Counts) {
  fts5_api* api = Fts5Of(db);
  const int rc = api->xCreateFunction(api, "storyline_bm25", counts_, Bm25,
                                      [](void* counts) { delete static_cast<Counts*>(counts); });
  if (rc != SQLITE_OK) {
    delete counts_;
    throw StoreError(fmt::format("cannot register storyline_bm25: {}", sqlite3_errstr(rc)));
  }
}

void SearchRank::Forget() {
  counts_->query.clear();
  counts_->idf.clear();
}

}  // namespace storyline
