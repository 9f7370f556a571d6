#include "store/postgres/pg_batch_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/postgres/pg_search_text.h"
#include "store/stored_encodings.h"

namespace storyline {
namespace {

// As in the SQLite store (sqlite_store.cc): near-duplicate candidates read per band key.
constexpr size_t kCandidatesPerBand = 32;

// Errors that belong to one article's data (SQLSTATE classes 22 data exception, 23
// integrity violation, 54 program limit, and P0001, a trigger refusing the row); anything
// else (connection lost, disk full, shutdown) fails the whole batch.
bool IsRecordError(const PgError& error) {
  const std::string_view state = error.sqlstate();
  return state.starts_with("22") || state.starts_with("23") || state.starts_with("54") ||
         state == "P0001";
}

std::vector<uint8_t> HashKey(const ContentHash& hash) {
  const std::array<uint8_t, 16> bytes = HashBytes(hash);
  return {bytes.begin(), bytes.end()};
}

// The text form of a bytea value, as an element of an array literal.
std::string ByteaText(std::span<const uint8_t> bytes) {
  std::string text = "\\x";
  for (const uint8_t byte : bytes) text += fmt::format("{:02x}", byte);
  return text;
}

std::optional<std::string> Number(int64_t value) { return std::to_string(value); }
std::optional<std::string> Number(std::optional<int64_t> value) {
  return value ? Number(*value) : std::nullopt;
}
std::optional<std::string> Flag(bool value) { return std::string(value ? "t" : "f"); }

// A table's rows for the run's statement, as one array parameter per column.
struct Table {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> columns;  // name, SQL type
};

// The article rows: the columns of `articles`, but its source by name (the statement adds
// the names it does not know) and its search terms as the title's and the text's.
const Table kArticles = {"articles",
                         {{"id", "bigint"},
                          {"external_id", "text"},
                          {"source", "text"},
                          {"published", "text"},
                          {"url", "text"},
                          {"title", "text"},
                          {"author", "text"},
                          {"language", "text"},
                          {"text", "text"},
                          {"origin", "text"},
                          {"content_hash", "bytea"},
                          {"text_hash", "bigint"},
                          {"minhash", "bytea"},
                          {"family_id", "bigint"},
                          {"dup_of", "bigint"},
                          {"previous_version", "bigint"},
                          {"latest", "boolean"},
                          {"title_terms", "text"},
                          {"text_terms", "text"}}};
// The column a later version of the same article in the run clears.
constexpr size_t kLatestColumn = 16;

const Table kBands = {"lsh_bands", {{"band_key", "bigint"}, {"article_id", "bigint"}}};
const Table kMentions = {"entity_mentions",
                         {{"article_id", "bigint"},
                          {"ordinal", "integer"},
                          {"start_byte", "bigint"},
                          {"end_byte", "bigint"},
                          {"text", "text"},
                          {"type", "text"},
                          {"entity", "text"},
                          {"name", "text"},
                          {"title", "text"},
                          {"country", "text"}}};
const Table kTimes = {"time_expressions",
                      {{"article_id", "bigint"},
                       {"ordinal", "integer"},
                       {"start_byte", "bigint"},
                       {"end_byte", "bigint"},
                       {"text", "text"},
                       {"kind", "text"},
                       {"value", "text"}}};
const Table kQuantities = {"quantities",
                           {{"article_id", "bigint"},
                            {"ordinal", "integer"},
                            {"start_byte", "bigint"},
                            {"end_byte", "bigint"},
                            {"text", "text"},
                            {"value", "float8"},
                            {"unit", "text"},
                            {"approximate", "boolean"}}};
const Table kQuotes = {"quotes",
                       {{"article_id", "bigint"},
                        {"ordinal", "integer"},
                        {"start_byte", "bigint"},
                        {"end_byte", "bigint"},
                        {"text", "text"},
                        {"speaker", "text"},
                        {"speaker_entity", "text"},
                        {"partial", "boolean"}}};
const Table kEvents = {"article_events",
                       {{"article_id", "bigint"},
                        {"ordinal", "integer"},
                        {"start_byte", "bigint"},
                        {"end_byte", "bigint"},
                        {"type", "text"},
                        {"trigger_text", "text"},
                        {"time", "text"},
                        {"place", "text"},
                        {"content_start", "bigint"},
                        {"content_end", "bigint"},
                        {"planned", "boolean"},
                        {"negated", "boolean"}}};
const Table kActors = {"article_event_actors",
                       {{"article_id", "bigint"},
                        {"event_ordinal", "integer"},
                        {"ordinal", "integer"},
                        {"role", "text"},
                        {"entity", "text"}}};
const Table kLinks = {"entity_links", {{"kind", "text"}, {"name", "text"}, {"expansion", "text"}}};

// The tables the analysis fills, in the order of the statement's parameters.
const std::array<const Table*, 6> kAnalysisTables = {&kMentions, &kTimes,  &kQuantities,
                                                     &kQuotes,   &kEvents, &kActors};

// "col, col, ..." of `table`.
std::string ColumnNames(const Table& table) {
  std::string names;
  for (const auto& [name, type] : table.columns) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// "unnest($n::type[], ...)" over `table`'s columns, numbering parameters from `next`.
std::string Unnest(const Table& table, int& next) {
  std::string call = "unnest(";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    call += fmt::format("{}${}::{}[]", i > 0 ? ", " : "", next++, table.columns[i].second);
  }
  return call + ")";
}

// The statement that writes a run: $1 the earlier versions it supersedes, then the
// columns of each table's rows as arrays, in the order of the tables above. One
// statement, so the server parses and plans it once per run, and the rows of every
// table go in as a few arrays rather than a statement each.
const std::string& InsertRunSql() {
  static const std::string sql = [] {
    int next = 2;
    std::string sql = fmt::format(
        "WITH superseded AS (UPDATE articles SET latest = false WHERE id = ANY($1::bigint[])),\n"
        "r AS (SELECT * FROM {} AS r({})),\n",
        Unnest(kArticles, next), ColumnNames(kArticles));
    // Outlets in the order the articles name them, as the SQLite store adds them.
    sql +=
        "src AS (INSERT INTO sources (name) SELECT source FROM r WHERE source IS NOT NULL "
        "ORDER BY id ON CONFLICT (name) DO NOTHING RETURNING id, name),\n"
        "art AS (INSERT INTO articles (id, external_id, source_id, published, url, title, "
        "author, language, text, origin, content_hash, text_hash, minhash, family_id, dup_of, "
        "previous_version, latest, search) SELECT id, external_id, coalesce((SELECT s.id FROM "
        "src s WHERE s.name = r.source), (SELECT s.id FROM sources s WHERE s.name = r.source)), "
        "published, url, title, author, language, text, origin, content_hash, text_hash, "
        "minhash, family_id, dup_of, previous_version, latest, "
        // The title's terms, then the text's after them (|| shifts the right's positions).
        "title_terms::tsvector || text_terms::tsvector FROM r),\n";
    sql +=
        fmt::format("bands AS (INSERT INTO lsh_bands ({}) SELECT * FROM {} ON CONFLICT DO NOTHING)",
                    ColumnNames(kBands), Unnest(kBands, next));
    for (const Table* table : kAnalysisTables) {
      sql += fmt::format(",\n{} AS (INSERT INTO {} ({}) SELECT * FROM {})", table->name,
                         table->name, ColumnNames(*table), Unnest(*table, next));
    }
    // In the order the articles taught them: their ordinals are the linker's order.
    sql += fmt::format(
        ",\nlinks AS (INSERT INTO entity_links ({0}) SELECT {0} FROM {1} WITH ORDINALITY AS "
        "l({0}, o) ORDER BY o ON CONFLICT ({0}) DO NOTHING)\nSELECT 1",
        ColumnNames(kLinks), Unnest(kLinks, next));
    return sql;
  }();
  return sql;
}

// A table's rows as parallel arrays, one per column.
class Rows {
 public:
  explicit Rows(const Table& table) : columns_(table.columns.size()) {}
  std::vector<std::optional<std::string>>& operator[](size_t column) { return columns_[column]; }
  size_t size() const { return columns_[0].size(); }
  void AddTo(PgParams& params) const {
    for (const auto& column : columns_) params.Add(std::string_view(ArrayLiteral(column)));
  }

 private:
  std::vector<std::vector<std::optional<std::string>>> columns_;
};

// A stored article that may be a new article's near duplicate.
struct Candidate {
  std::optional<MinHashSignature> signature;
  int64_t family = 0;
};

// What the store holds that a run's plan depends on, read once for the run.
struct StoredState {
  std::map<std::vector<uint8_t>, int64_t> by_content;  // content hash -> store id
  // Normalized text hash -> the family of the earliest article with that text.
  std::unordered_map<int64_t, int64_t> family_of_text;
  // Band key -> the first kCandidatesPerBand articles with the key, ascending.
  std::unordered_map<int64_t, std::vector<int64_t>> band_members;
  std::unordered_map<int64_t, Candidate> candidates;  // by store id
  std::unordered_map<std::string, int64_t> latest;    // external id -> latest version
};

StoredState ReadStored(PgConnection& db, std::span<const PreparedArticle> run) {
  std::vector<std::string> hashes, external_ids;
  std::vector<int64_t> text_hashes, band_keys;
  for (const PreparedArticle& prepared : run) {
    hashes.push_back(ByteaText(HashBytes(prepared.content_hash)));
    external_ids.push_back(prepared.article.id);
    if (!prepared.fingerprint.has_signature) continue;
    text_hashes.push_back(static_cast<int64_t>(prepared.fingerprint.normalized_hash));
    for (const uint64_t key : prepared.fingerprint.band_keys) {
      band_keys.push_back(static_cast<int64_t>(key));
    }
  }
  StoredState stored;
  const PgResult by_content =
      db.Query("SELECT content_hash, id FROM articles WHERE content_hash = ANY($1::bytea[])",
               PgParams().Add(std::string_view(ArrayLiteral(hashes))));
  for (int r = 0; r < by_content.rows(); ++r) {
    stored.by_content.emplace(by_content.Bytes(r, 0), by_content.Int(r, 1));
  }
  const PgResult texts = db.Query(
      "SELECT DISTINCT ON (text_hash) text_hash, family_id FROM articles "
      "WHERE text_hash = ANY($1::bigint[]) ORDER BY text_hash, id",
      PgParams().Add(std::string_view(ArrayLiteral(text_hashes))));
  for (int r = 0; r < texts.rows(); ++r) stored.family_of_text[texts.Int(r, 0)] = texts.Int(r, 1);
  // The band members (key, id), then each member once with its signature and family.
  const PgResult bands = db.Query(
      fmt::format("WITH c AS (SELECT k.key, b.article_id FROM unnest($1::bigint[]) AS k(key), "
                  "LATERAL (SELECT article_id FROM lsh_bands WHERE band_key = k.key "
                  "ORDER BY article_id LIMIT {}) b) "
                  "SELECT key, article_id, NULL::bytea, NULL::bigint FROM c UNION ALL "
                  "SELECT NULL, id, minhash, family_id FROM articles "
                  "WHERE id IN (SELECT article_id FROM c)",
                  kCandidatesPerBand),
      PgParams().Add(std::string_view(ArrayLiteral(band_keys))));
  for (int r = 0; r < bands.rows(); ++r) {
    if (!bands.IsNull(r, 0)) {
      stored.band_members[bands.Int(r, 0)].push_back(bands.Int(r, 1));
    } else if (!bands.IsNull(r, 2)) {
      stored.candidates[bands.Int(r, 1)] = {SignatureFromBytes(bands.Bytes(r, 2)), bands.Int(r, 3)};
    }
  }
  for (auto& [key, members] : stored.band_members) std::sort(members.begin(), members.end());
  const PgResult latest = db.Query(
      "SELECT external_id, id FROM articles WHERE external_id = ANY($1::text[]) AND latest",
      PgParams().Add(std::string_view(ArrayLiteral(external_ids))));
  for (int r = 0; r < latest.rows(); ++r) stored.latest[latest.Text(r, 0)] = latest.Int(r, 1);
  return stored;
}

// `count` new store ids, ascending: taken under the ingest lock, they follow commit order.
std::vector<int64_t> ReserveIds(PgConnection& db, size_t count) {
  if (count == 0) return {};
  const PgResult rows = db.Query(
      "SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1)",
      PgParams().Add(static_cast<int64_t>(count)));
  std::vector<int64_t> ids;
  for (int r = 0; r < rows.rows(); ++r) ids.push_back(rows.Int(r, 0));
  std::sort(ids.begin(), ids.end());
  return ids;
}

// A run planned: each article's result, and the rows that store the new ones.
class Run {
 public:
  // Plans `run` as the store holds it now, in this transaction.
  Run(PgConnection& db, std::span<const PreparedArticle> run);

  bool writes() const { return articles_.size() > 0; }
  void Write(PgConnection& db) const;
  const std::vector<AddResult>& results() const { return results_; }

 private:
  std::optional<int64_t> FindFamily(const DuplicateFingerprint& fingerprint) const;
  const Candidate* FindCandidate(int64_t id) const;
  void AddArticle(const PreparedArticle& prepared, int64_t id, std::optional<int64_t> family,
                  std::optional<int64_t> previous);

  StoredState stored_;
  // The run's new articles so far, as the store will hold them.
  std::unordered_map<int64_t, int64_t> family_of_text_;
  std::unordered_map<int64_t, std::vector<int64_t>> band_members_;
  std::unordered_map<int64_t, Candidate> candidates_;
  std::unordered_map<std::string, std::pair<int64_t, size_t>> latest_;  // id, its article row

  std::vector<AddResult> results_;
  std::vector<int64_t> superseded_;  // stored versions the run's articles replace
  Rows articles_{kArticles}, bands_{kBands}, links_{kLinks};
  std::vector<Rows> analysis_;
};

Run::Run(PgConnection& db, std::span<const PreparedArticle> run) : stored_(ReadStored(db, run)) {
  for (const Table* table : kAnalysisTables) analysis_.emplace_back(*table);
  // Which articles are new: those of a content the store and the run's earlier articles
  // do not hold.
  std::map<std::vector<uint8_t>, size_t> first_of_content;
  std::vector<size_t> new_articles;
  for (size_t i = 0; i < run.size(); ++i) {
    std::vector<uint8_t> key = HashKey(run[i].content_hash);
    if (!stored_.by_content.contains(key) && first_of_content.emplace(key, i).second) {
      new_articles.push_back(i);
    }
  }
  const std::vector<int64_t> ids = ReserveIds(db, new_articles.size());
  results_.resize(run.size());
  for (size_t k = 0; k < new_articles.size(); ++k) {
    const PreparedArticle& prepared = run[new_articles[k]];
    const std::optional<int64_t> family = FindFamily(prepared.fingerprint);
    const std::optional<int64_t> previous = [&]() -> std::optional<int64_t> {
      if (const auto in_run = latest_.find(prepared.article.id); in_run != latest_.end()) {
        articles_[kLatestColumn][in_run->second.second] = Flag(false);
        return in_run->second.first;
      }
      if (const auto stored = stored_.latest.find(prepared.article.id);
          stored != stored_.latest.end()) {
        superseded_.push_back(stored->second);
        return stored->second;
      }
      return std::nullopt;
    }();
    latest_[prepared.article.id] = {ids[k], articles_.size()};
    results_[new_articles[k]] = {AddStatus::kAdded, ids[k], family, previous, {}};
    AddArticle(prepared, ids[k], family, previous);
  }
  for (size_t i = 0; i < run.size(); ++i) {
    if (results_[i].article_id != 0) continue;
    const std::vector<uint8_t> key = HashKey(run[i].content_hash);
    const auto stored = stored_.by_content.find(key);
    const int64_t id = stored != stored_.by_content.end()
                           ? stored->second
                           : results_[first_of_content.at(key)].article_id;
    results_[i] = {AddStatus::kAlreadyStored, id, std::nullopt, std::nullopt, {}};
  }
}

// As SqliteStore::FindFamily over the store and the run's earlier articles: the earliest
// article of the same normalized text, else the most similar of the first candidates of
// each band key (ties to the earliest), when similar enough.
std::optional<int64_t> Run::FindFamily(const DuplicateFingerprint& fingerprint) const {
  if (!fingerprint.has_signature) return std::nullopt;
  const auto text = static_cast<int64_t>(fingerprint.normalized_hash);
  for (const auto* families : {&stored_.family_of_text, &family_of_text_}) {
    if (const auto found = families->find(text); found != families->end()) return found->second;
  }
  std::set<int64_t> ids;  // ascending; the store's ids are below the run's
  for (const uint64_t key : fingerprint.band_keys) {
    size_t taken = 0;
    for (const auto* members : {&stored_.band_members, &band_members_}) {
      const auto found = members->find(static_cast<int64_t>(key));
      if (found == members->end()) continue;
      for (size_t i = 0; i < found->second.size() && taken < kCandidatesPerBand; ++i, ++taken) {
        ids.insert(found->second[i]);
      }
    }
  }
  std::optional<int64_t> family;
  double best = kNearDuplicateJaccard;
  for (const int64_t id : ids) {
    const Candidate* candidate = FindCandidate(id);
    if (candidate == nullptr || !candidate->signature) continue;
    const double similarity = EstimateJaccard(*candidate->signature, fingerprint.signature);
    if (similarity >= best && (!family || similarity > best)) {
      best = similarity;
      family = candidate->family;
    }
  }
  return family;
}

const Candidate* Run::FindCandidate(int64_t id) const {
  for (const auto* candidates : {&stored_.candidates, &candidates_}) {
    if (const auto found = candidates->find(id); found != candidates->end()) return &found->second;
  }
  return nullptr;
}

void Run::AddArticle(const PreparedArticle& prepared, int64_t id, std::optional<int64_t> family,
                     std::optional<int64_t> previous) {
  const Article& a = prepared.article;
  const DuplicateFingerprint& fingerprint = prepared.fingerprint;
  const int64_t family_id = family.value_or(id);
  const auto text_hash = static_cast<int64_t>(fingerprint.normalized_hash);
  family_of_text_.try_emplace(text_hash, family_id);
  std::optional<std::string> minhash;
  if (fingerprint.has_signature) {
    minhash = ByteaText(SignatureBytes(fingerprint.signature));
    candidates_[id] = {fingerprint.signature, family_id};
    for (const uint64_t key :
         std::set<uint64_t>(fingerprint.band_keys.begin(), fingerprint.band_keys.end())) {
      band_members_[static_cast<int64_t>(key)].push_back(id);
      bands_[0].push_back(Number(static_cast<int64_t>(key)));
      bands_[1].push_back(Number(id));
    }
  }
  const std::array<std::optional<std::string>, 19> article = {
      Number(id),
      a.id,
      a.source.empty() ? std::nullopt : std::optional(a.source),
      a.published,
      a.url,
      a.title,
      a.author,
      a.language,
      a.text,
      a.origin,
      ByteaText(HashBytes(prepared.content_hash)),
      Number(text_hash),
      minhash,
      Number(family_id),
      Number(family),
      Number(previous),
      Flag(true),  // until a later article of the run replaces it
      TsVectorLiteral(a.title, 'A'),
      TsVectorLiteral(a.text, 'D')};
  for (size_t column = 0; column < article.size(); ++column) {
    articles_[column].push_back(article[column]);
  }

  const Analysis& analysis = prepared.analysis;
  auto start_row = [&](Rows& rows, size_t ordinal, const Span& span) {
    rows[0].push_back(Number(id));
    rows[1].push_back(Number(static_cast<int64_t>(ordinal)));
    rows[2].push_back(Number(int64_t{span.start}));
    rows[3].push_back(Number(int64_t{span.end}));
  };
  Rows& mentions = analysis_[0];
  for (size_t i = 0; i < analysis.entities.size(); ++i) {
    const EntityMention& m = analysis.entities[i];
    start_row(mentions, i, m.span);
    size_t column = 4;
    for (const std::string* value : {&m.text, &m.type, &m.entity, &m.name, &m.title, &m.country}) {
      mentions[column++].emplace_back(*value);
    }
  }
  Rows& times = analysis_[1];
  for (size_t i = 0; i < analysis.times.size(); ++i) {
    const TimeExpression& t = analysis.times[i];
    start_row(times, i, t.span);
    times[4].emplace_back(t.text);
    times[5].emplace_back(t.kind);
    times[6].push_back(t.value);
  }
  Rows& quantities = analysis_[2];
  for (size_t i = 0; i < analysis.quantities.size(); ++i) {
    const Quantity& q = analysis.quantities[i];
    start_row(quantities, i, q.span);
    quantities[4].emplace_back(q.text);
    quantities[5].emplace_back(fmt::format("{}", q.value));
    quantities[6].emplace_back(q.unit);
    quantities[7].push_back(Flag(q.approximate));
  }
  Rows& quotes = analysis_[3];
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const Quote& q = analysis.quotes[i];
    start_row(quotes, i, q.span);
    quotes[4].emplace_back(q.text);
    quotes[5].push_back(q.speaker);
    quotes[6].push_back(q.speaker_entity);
    quotes[7].push_back(Flag(q.partial));
  }
  Rows& events = analysis_[4];
  Rows& actors = analysis_[5];
  for (size_t i = 0; i < analysis.events.size(); ++i) {
    const Event& e = analysis.events[i];
    start_row(events, i, e.span);
    events[4].emplace_back(e.type);
    events[5].emplace_back(e.trigger);
    events[6].push_back(e.time);
    events[7].push_back(e.place);
    events[8].push_back(e.content ? Number(int64_t{e.content->start}) : std::nullopt);
    events[9].push_back(e.content ? Number(int64_t{e.content->end}) : std::nullopt);
    events[10].push_back(Flag(e.planned));
    events[11].push_back(Flag(e.negated));
    for (size_t j = 0; j < e.actors.size(); ++j) {
      actors[0].push_back(Number(id));
      actors[1].push_back(Number(static_cast<int64_t>(i)));
      actors[2].push_back(Number(static_cast<int64_t>(j)));
      actors[3].emplace_back(e.actors[j].role);
      actors[4].emplace_back(e.actors[j].entity);
    }
  }
  for (const CorpusLinkRow& row : prepared.entity_links) {
    links_[0].emplace_back(row.kind);
    links_[1].emplace_back(row.name);
    links_[2].emplace_back(row.expansion);
  }
}

void Run::Write(PgConnection& db) const {
  PgParams params;
  params.Add(std::string_view(ArrayLiteral(superseded_)));
  articles_.AddTo(params);
  bands_.AddTo(params);
  for (const Rows& rows : analysis_) rows.AddTo(params);
  links_.AddTo(params);
  db.Query(InsertRunSql(), params);
}

// Writes batch[first, end) as one run, or, when an article of it is refused, its halves
// in turn; sets their results.
void WriteRun(PgConnection& db, std::span<const PreparedArticle> batch, size_t first, size_t end,
              std::vector<AddResult>& results) {
  const Run run(db, batch.subspan(first, end - first));
  if (run.writes()) {
    db.Exec("SAVEPOINT run");
    try {
      run.Write(db);
      db.Exec("RELEASE SAVEPOINT run");
    } catch (const PgError& e) {
      if (!IsRecordError(e) || !db.InTransaction()) throw;
      db.Exec("ROLLBACK TO SAVEPOINT run; RELEASE SAVEPOINT run");
      if (end - first == 1) {
        results[first] = {AddStatus::kFailed, 0, std::nullopt, std::nullopt, e.what()};
        return;
      }
      const size_t middle = first + (end - first) / 2;
      WriteRun(db, batch, first, middle, results);
      WriteRun(db, batch, middle, end, results);
      return;
    }
  }
  std::copy(run.results().begin(), run.results().end(), results.begin() + first);
}

}  // namespace

std::vector<AddResult> WritePgBatch(PgConnection& db, std::span<const PreparedArticle> batch) {
  std::vector<AddResult> results(batch.size());
  if (!batch.empty()) WriteRun(db, batch, 0, batch.size(), results);
  return results;
}

}  // namespace storyline
