// PgStore::Search: the SQLite store's search (store/sqlite_search.cc) over PostgreSQL's
// full-text index (schema step 1: `search`, a tsvector under a GIN index).
//
// The same articles are found for the same query: the query parser's FTS5 query is read
// back into a tsquery (postgres/pg_search_text.h) of the terms the store indexed, made
// from the words SQLite would index. Ranking is PostgreSQL's ts_rank with the title's words (weight
// A) counting four times the text's (weight D), as the SQLite store's BM25 weights them; the scores
// are on another scale, and close ties may fall otherwise. Best first ranks the newest
// SearchRequest::RankedWindow() matches (or as many as a page beyond them needs); newest
// first is exact, undated last. Snippets are made by the store (Snippet,
// postgres/pg_search_text.h): matched words in [ ], on one line, from the text, or from
// the title when only the title matches.
#include <fmt/format.h>

#include <algorithm>

#include "store/postgres/pg_search_text.h"
#include "store/postgres/pg_store.h"
#include "store/search_query.h"

namespace storyline {
namespace {

// ts_rank's weights for D, C, B and A: the title (A) counts four times the text (D).
constexpr std::string_view kRank = "ts_rank('{0.25, 0.5, 0.75, 1.0}', a.search, q.query)";

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

// A statement's parameters, numbered as they are added.
class Numbered {
 public:
  template <typename Value>
  std::string Add(const Value& value) {
    params_.Add(value);
    return fmt::format("${}", params_.size());
  }
  const PgParams& params() const { return params_; }

 private:
  PgParams params_;
};

// The request's filters over article `a`, each only when set.
std::string FilterSql(const SearchRequest& request, Numbered& params) {
  std::string sql;
  if (request.from) {
    sql += fmt::format(" AND substr(a.published, 1, 10) COLLATE \"C\" >= {}",
                       params.Add(std::string_view(*request.from)));
  }
  if (request.to) {
    sql += fmt::format(" AND substr(a.published, 1, 10) COLLATE \"C\" <= {}",
                       params.Add(std::string_view(*request.to)));
  }
  if (request.source) {
    sql += fmt::format(" AND a.source_id IN (SELECT id FROM sources WHERE lower(name) = lower({}))",
                       params.Add(std::string_view(*request.source)));
  }
  if (request.entity) {
    const std::string entity = params.Add(std::string_view(*request.entity));
    sql += fmt::format(
        " AND a.id IN (SELECT article_id FROM entity_mentions WHERE entity = {0} UNION ALL "
        "SELECT article_id FROM entity_mentions WHERE lower(name) = lower({0}))",
        entity);
  }
  if (request.story) {
    sql += fmt::format(
        " AND a.external_id IN (SELECT article FROM story_articles WHERE story_id = {})",
        params.Add(int64_t{*request.story}));
  }
  return sql;
}

struct Match {
  int64_t id = 0;
  double rank = 0;
};

}  // namespace

std::vector<SearchHit> PgStore::Search(const SearchRequest& request) {
  const std::string fts5_query =
      ToFts5Query(request.query, [this](std::string_view first, std::string_view second) {
        const std::optional<std::string> phrase =
            ToTsQuery(fmt::format("\"{} {}\"", first, second));
        return phrase && db_.Query(
                                "SELECT EXISTS (SELECT 1 FROM articles WHERE search @@ "
                                "$1::tsquery)",
                                PgParams().Add(std::string_view(*phrase)))
                             .Bool(0, 0);
      });
  const std::optional<std::string> tsquery = ToTsQuery(fts5_query);
  if (!tsquery) return {};

  Numbered params;
  const std::string query = params.Add(std::string_view(*tsquery));
  const std::string filters = FilterSql(request, params);
  const int64_t limit = std::max(0, request.limit);
  const int64_t offset = std::max(0, request.offset);
  const std::string from = fmt::format(
      "FROM articles a, CAST({} AS tsquery) AS q(query) WHERE a.search @@ q.query AND "
      "a.latest{}",
      query, filters);
  std::string sql;
  if (request.newest_first) {
    sql = fmt::format(
        "SELECT a.id, {} {} ORDER BY a.published COLLATE \"C\" DESC NULLS LAST, a.id DESC "
        "LIMIT {} OFFSET {}",
        kRank, from, params.Add(limit), params.Add(offset));
  } else {
    const int64_t read = std::max<int64_t>(request.RankedWindow(), offset + limit);
    sql = fmt::format(
        "SELECT m.id, m.rank FROM (SELECT a.id, {} AS rank {} ORDER BY a.id DESC LIMIT {}) m "
        "ORDER BY m.rank DESC, m.id LIMIT {} OFFSET {}",
        kRank, from, params.Add(read), params.Add(limit), params.Add(offset));
  }

  std::vector<Match> page;
  try {
    const PgResult rows = db_.Query(sql, params.params());
    for (int r = 0; r < rows.rows(); ++r) page.push_back({rows.Int(r, 0), rows.Double(r, 1)});
  } catch (const PgError& e) {
    // ToTsQuery writes only what a tsquery reads; should it ever refuse one, the reader
    // gets a sentence about the query, not the server's message.
    if (!e.sqlstate().starts_with("42")) throw;
    throw SearchQueryError(
        "the query could not be read: write words, \"a phrase\", word OR word, -word to leave "
        "out, or prefix*");
  }
  if (page.empty()) return {};

  std::vector<int64_t> ids;
  for (const Match& match : page) ids.push_back(match.id);
  const PgResult rows = db_.Query(
      "SELECT a.id, a.external_id, a.title, coalesce(s.name, ''), a.text FROM articles a "
      "LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ANY($1::bigint[])",
      PgParams().Add(std::string_view(ArrayLiteral(ids))));
  std::vector<SearchHit> hits;
  for (const Match& match : page) {
    for (int r = 0; r < rows.rows(); ++r) {
      if (rows.Int(r, 0) != match.id) continue;
      const std::string title = rows.Text(r, 2), text = rows.Text(r, 4);
      // From the text, or from the title when only the title matches.
      std::string snippet = Snippet(text, *tsquery);
      if (snippet.empty()) snippet = Snippet(title, *tsquery);
      hits.push_back({rows.Text(r, 1), title, rows.Text(r, 3), match.rank, OneLine(snippet)});
    }
  }
  return hits;
}

// A GIN index gathers new entries in a pending list that every search reads through
// until a vacuum merges it into the index; VACUUM does that now and refreshes the
// planner's statistics.
void PgStore::CompactSearchIndex() { db_.Exec("VACUUM (ANALYZE) articles"); }

}  // namespace storyline
