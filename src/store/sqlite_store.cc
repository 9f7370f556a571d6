#include "store/sqlite_store.h"

#include <fmt/format.h>

#include <set>

#include "store/sqlite_schema.h"
#include "store/stored_encodings.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Long enough for another process's batch to commit; readers in WAL mode never wait
// this long, only writers queue behind each other.
constexpr int kBusyTimeoutMs = 60'000;

// Near-duplicate candidates read per band key: enough to reach a large wire family's
// earliest members while keeping the per-article cost bounded.
constexpr int kCandidatesPerBand = 32;

// Errors that belong to one article's data; anything else (disk full, I/O, corruption)
// fails the whole batch.
bool IsRecordError(const SqliteError& error) {
  return error.code() == SQLITE_CONSTRAINT || error.code() == SQLITE_TOOBIG ||
         error.code() == SQLITE_MISMATCH;
}

// The columns SqliteStore::ReadArticle reads, in its order.
constexpr std::string_view kSelectArticle =
    "SELECT a.id, a.external_id, coalesce(s.name, ''), a.published, a.url, a.title, a.author, "
    "a.language, a.text, a.origin, a.dup_of, a.family_id, a.previous_version "
    "FROM articles a LEFT JOIN sources s ON s.id = a.source_id ";

// How a reader opens `path`: read-only, or immutable when even reading fails because the
// WAL's shared-memory file cannot be made (a read-only directory with no writer in it).
SqliteDb::Access ReadOnlyAccess(const std::string& path) {
  try {
    SqliteDb probe(path, kBusyTimeoutMs, SqliteDb::Access::kReadOnly);
    probe.Exec("SELECT count(*) FROM sqlite_master");
    return SqliteDb::Access::kReadOnly;
  } catch (const SqliteError& e) {
    if (e.code() == SQLITE_CANTOPEN || e.code() == SQLITE_READONLY) {
      return SqliteDb::Access::kImmutable;
    }
    throw StoreError(fmt::format("cannot open store {}: {}", path, e.what()));
  }
}

}  // namespace

struct SqliteStore::Statements {
  explicit Statements(SqliteDb& db)
      : find_by_hash(db, "SELECT id FROM articles WHERE content_hash = ?"),
        find_exact(db, "SELECT family_id FROM articles WHERE text_hash = ? ORDER BY id LIMIT 1"),
        find_band(db, fmt::format("SELECT article_id FROM lsh_bands WHERE band_key = ? "
                                  "ORDER BY article_id LIMIT {}",
                                  kCandidatesPerBand)),
        candidate(db, "SELECT minhash, family_id FROM articles WHERE id = ?"),
        insert_source(db, "INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING"),
        find_source(db, "SELECT id FROM sources WHERE name = ?"),
        insert_article(db,
                       "INSERT INTO articles(external_id, source_id, published, url, title, "
                       "author, language, text, origin, content_hash, text_hash, minhash, "
                       "family_id, dup_of, previous_version) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        set_own_family(db, "UPDATE articles SET family_id = id WHERE id = ?"),
        insert_band(db, "INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES (?, ?)"),
        insert_mention(db,
                       "INSERT INTO entity_mentions(article_id, ordinal, start_byte, end_byte, "
                       "text, type, entity, name, title, country) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_time(db,
                    "INSERT INTO time_expressions(article_id, ordinal, start_byte, end_byte, "
                    "text, kind, value) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        insert_quantity(db,
                        "INSERT INTO quantities(article_id, ordinal, start_byte, end_byte, text, "
                        "value, unit, approximate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_quote(db,
                     "INSERT INTO quotes(article_id, ordinal, start_byte, end_byte, text, "
                     "speaker, speaker_entity, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_event(db,
                     "INSERT INTO article_events(article_id, ordinal, start_byte, end_byte, "
                     "type, trigger_text, time, place, content_start, content_end, planned, "
                     "negated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_actor(db,
                     "INSERT INTO article_event_actors(article_id, event_ordinal, ordinal, role, "
                     "entity) VALUES (?, ?, ?, ?, ?)"),
        find_article(db, std::string(kSelectArticle) + "WHERE a.external_id = ? AND a.latest = 1"),
        find_latest_version(db, "SELECT id FROM articles WHERE external_id = ? AND latest = 1"),
        supersede(db, "UPDATE articles SET latest = 0 WHERE id = ?"),
        article_after(db, std::string(kSelectArticle) + "WHERE a.id > ? ORDER BY a.id LIMIT 1"),
        load_mentions(db,
                      "SELECT start_byte, end_byte, text, type, entity, name, title, country "
                      "FROM entity_mentions "
                      "WHERE article_id = ? ORDER BY ordinal"),
        load_times(db,
                   "SELECT start_byte, end_byte, text, kind, value FROM time_expressions "
                   "WHERE article_id = ? ORDER BY ordinal"),
        load_quantities(
            db,
            "SELECT start_byte, end_byte, text, value, unit, approximate FROM quantities "
            "WHERE article_id = ? ORDER BY ordinal"),
        load_quotes(
            db,
            "SELECT start_byte, end_byte, text, speaker, speaker_entity, partial FROM quotes "
            "WHERE article_id = ? ORDER BY ordinal"),
        load_events(db,
                    "SELECT ordinal, start_byte, end_byte, type, trigger_text, time, place, "
                    "content_start, content_end, planned, negated FROM article_events "
                    "WHERE article_id = ? ORDER BY ordinal"),
        load_actors(db,
                    "SELECT role, entity FROM article_event_actors WHERE article_id = ? AND "
                    "event_ordinal = ? ORDER BY ordinal") {}

  SqliteStatement find_by_hash, find_exact, find_band, candidate, insert_source, find_source,
      insert_article, set_own_family, insert_band, insert_mention, insert_time, insert_quantity,
      insert_quote, insert_event, insert_actor, find_article, find_latest_version, supersede,
      article_after, load_mentions, load_times, load_quantities, load_quotes, load_events,
      load_actors;
};

SqliteStore::SqliteStore(const std::string& path, bool read_only)
    : path_(path),
      db_(path, kBusyTimeoutMs, read_only ? ReadOnlyAccess(path) : SqliteDb::Access::kReadWrite) {
  try {
    if (read_only) {
      CheckReadableSchema(db_, path);
    } else {
      RefuseForeignDatabase(db_);
      // WAL lets readers run beside one writer; NORMAL sync keeps every commit atomic
      // and loses at most the last commits on power failure, never consistency.
      db_.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
      MigrateSqliteSchema(db_);
    }
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("cannot open store {}: {}", path, e.what()));
  }
  statements_ = std::make_unique<Statements>(db_);
}

SqliteStore::~SqliteStore() = default;

std::optional<int64_t> SqliteStore::FindByHash(const ContentHash& hash) {
  SqliteStatement& query = statements_->find_by_hash;
  query.BindBlob(1, HashBytes(hash));
  std::optional<int64_t> id;
  if (query.Step()) id = query.ColumnInt(0);
  query.Reset();
  return id;
}

bool SqliteStore::Contains(const ContentHash& hash) { return FindByHash(hash).has_value(); }

std::optional<int64_t> SqliteStore::FindFamily(const DuplicateFingerprint& fingerprint) {
  if (!fingerprint.has_signature) return std::nullopt;
  Statements& s = *statements_;
  s.find_exact.Bind(1, static_cast<int64_t>(fingerprint.normalized_hash));
  std::optional<int64_t> family;
  if (s.find_exact.Step()) family = s.find_exact.ColumnInt(0);
  s.find_exact.Reset();
  if (family) return family;

  std::set<int64_t> candidates;  // ascending, so ties go to the earliest article
  for (uint64_t key : fingerprint.band_keys) {
    s.find_band.Bind(1, static_cast<int64_t>(key));
    while (s.find_band.Step()) candidates.insert(s.find_band.ColumnInt(0));
    s.find_band.Reset();
  }
  double best = kNearDuplicateJaccard;
  for (int64_t id : candidates) {
    s.candidate.Bind(1, id);
    if (s.candidate.Step()) {
      const auto signature = SignatureFromBytes(s.candidate.ColumnBlob(0));
      const double similarity = signature ? EstimateJaccard(*signature, fingerprint.signature) : 0;
      if (similarity >= best && (!family || similarity > best)) {
        best = similarity;
        family = s.candidate.ColumnInt(1);
      }
    }
    s.candidate.Reset();
  }
  return family;
}

int64_t SqliteStore::SourceId(const std::string& name) {
  Statements& s = *statements_;
  s.insert_source.Bind(1, std::string_view(name)).Run();
  s.find_source.Bind(1, std::string_view(name));
  s.find_source.Step();
  const int64_t id = s.find_source.ColumnInt(0);
  s.find_source.Reset();
  return id;
}

AddResult SqliteStore::InsertArticle(const PreparedArticle& prepared) {
  Statements& s = *statements_;
  const Article& a = prepared.article;
  const DuplicateFingerprint& fingerprint = prepared.fingerprint;
  const std::optional<int64_t> family = FindFamily(fingerprint);

  SqliteStatement& insert = s.insert_article;
  insert.Bind(1, std::string_view(a.id));
  if (a.source.empty()) {
    insert.BindNull(2);
  } else {
    insert.Bind(2, SourceId(a.source));
  }
  insert.Bind(3, a.published)
      .Bind(4, std::string_view(a.url))
      .Bind(5, std::string_view(a.title))
      .Bind(6, std::string_view(a.author))
      .Bind(7, std::string_view(a.language))
      .Bind(8, std::string_view(a.text))
      .Bind(9, std::string_view(a.origin))
      .BindBlob(10, HashBytes(prepared.content_hash))
      .Bind(11, static_cast<int64_t>(fingerprint.normalized_hash));
  if (fingerprint.has_signature) {
    insert.BindBlob(12, SignatureBytes(fingerprint.signature));
  } else {
    insert.BindNull(12);
  }
  insert.Bind(13, family.value_or(0));
  if (family) {
    insert.Bind(14, *family);
  } else {
    insert.BindNull(14);
  }
  const std::optional<int64_t> previous = LatestVersion(a.id);
  if (previous) {
    insert.Bind(15, *previous);
    s.supersede.Bind(1, *previous).Run();
  } else {
    insert.BindNull(15);
  }
  insert.Run();
  const int64_t id = db_.LastInsertId();
  if (!family) s.set_own_family.Bind(1, id).Run();

  if (fingerprint.has_signature) {
    for (uint64_t key : fingerprint.band_keys) {
      s.insert_band.Bind(1, static_cast<int64_t>(key)).Bind(2, id).Run();
    }
  }
  InsertAnalysis(id, prepared.analysis);
  InsertEntityLinks(prepared.entity_links);
  return {AddStatus::kAdded, id, family, previous, {}};
}

std::optional<int64_t> SqliteStore::LatestVersion(std::string_view external_id) {
  SqliteStatement& query = statements_->find_latest_version;
  query.Bind(1, external_id);
  std::optional<int64_t> id;
  if (query.Step()) id = query.ColumnInt(0);
  query.Reset();
  return id;
}

void SqliteStore::InsertAnalysis(int64_t id, const Analysis& analysis) {
  Statements& s = *statements_;
  auto bind_span = [id](SqliteStatement& statement, int64_t ordinal, const Span& span) {
    statement.Bind(1, id).Bind(2, ordinal).Bind(3, int64_t{span.start}).Bind(4, int64_t{span.end});
  };
  for (size_t i = 0; i < analysis.entities.size(); ++i) {
    const EntityMention& m = analysis.entities[i];
    bind_span(s.insert_mention, i, m.span);
    s.insert_mention.Bind(5, std::string_view(m.text))
        .Bind(6, std::string_view(m.type))
        .Bind(7, std::string_view(m.entity))
        .Bind(8, std::string_view(m.name))
        .Bind(9, std::string_view(m.title))
        .Bind(10, std::string_view(m.country))
        .Run();
  }
  for (size_t i = 0; i < analysis.times.size(); ++i) {
    const TimeExpression& t = analysis.times[i];
    bind_span(s.insert_time, i, t.span);
    s.insert_time.Bind(5, std::string_view(t.text))
        .Bind(6, std::string_view(t.kind))
        .Bind(7, t.value)
        .Run();
  }
  for (size_t i = 0; i < analysis.quantities.size(); ++i) {
    const Quantity& q = analysis.quantities[i];
    bind_span(s.insert_quantity, i, q.span);
    s.insert_quantity.Bind(5, std::string_view(q.text))
        .Bind(6, q.value)
        .Bind(7, std::string_view(q.unit))
        .Bind(8, int64_t{q.approximate})
        .Run();
  }
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const Quote& q = analysis.quotes[i];
    bind_span(s.insert_quote, i, q.span);
    s.insert_quote.Bind(5, std::string_view(q.text))
        .Bind(6, q.speaker)
        .Bind(7, q.speaker_entity)
        .Bind(8, int64_t{q.partial})
        .Run();
  }
  for (size_t i = 0; i < analysis.events.size(); ++i) {
    const Event& e = analysis.events[i];
    bind_span(s.insert_event, i, e.span);
    s.insert_event.Bind(5, std::string_view(e.type))
        .Bind(6, std::string_view(e.trigger))
        .Bind(7, e.time)
        .Bind(8, e.place);
    if (e.content) {
      s.insert_event.Bind(9, int64_t{e.content->start}).Bind(10, int64_t{e.content->end});
    } else {
      s.insert_event.BindNull(9).BindNull(10);
    }
    s.insert_event.Bind(11, int64_t{e.planned}).Bind(12, int64_t{e.negated}).Run();
    for (size_t j = 0; j < e.actors.size(); ++j) {
      s.insert_actor.Bind(1, id)
          .Bind(2, static_cast<int64_t>(i))
          .Bind(3, static_cast<int64_t>(j))
          .Bind(4, std::string_view(e.actors[j].role))
          .Bind(5, std::string_view(e.actors[j].entity))
          .Run();
    }
  }
}

std::vector<AddResult> SqliteStore::AddBatch(std::span<const PreparedArticle> batch) {
  std::vector<AddResult> results(batch.size());
  bool any_new = false;
  for (size_t i = 0; i < batch.size(); ++i) {
    const std::optional<int64_t> existing = FindByHash(batch[i].content_hash);
    results[i] = {existing ? AddStatus::kAlreadyStored : AddStatus::kAdded,
                  existing.value_or(0),
                  std::nullopt,
                  std::nullopt,
                  {}};
    any_new |= !existing;
  }
  if (!any_new) return results;  // a re-ingest writes nothing at all

  db_.Exec("BEGIN IMMEDIATE");
  try {
    for (size_t i = 0; i < batch.size(); ++i) {
      // Checked again inside the transaction: another process, or an earlier article of
      // this batch, may have stored the same content since.
      if (const auto existing = FindByHash(batch[i].content_hash)) {
        results[i] = {AddStatus::kAlreadyStored, *existing, std::nullopt, std::nullopt, {}};
        continue;
      }
      db_.Exec("SAVEPOINT article");
      try {
        results[i] = InsertArticle(batch[i]);
        db_.Exec("RELEASE article");
      } catch (const SqliteError& e) {
        if (!IsRecordError(e) || sqlite3_get_autocommit(db_.handle())) throw;
        db_.Exec("ROLLBACK TO article; RELEASE article");
        results[i] = {AddStatus::kFailed, 0, std::nullopt, std::nullopt, e.what()};
      }
    }
    db_.Exec("COMMIT");
  } catch (...) {
    if (!sqlite3_get_autocommit(db_.handle())) db_.Exec("ROLLBACK");
    throw;
  }
  return results;
}

Analysis SqliteStore::LoadAnalysis(int64_t id) {
  Statements& s = *statements_;
  Analysis analysis;
  auto span = [](SqliteStatement& q) {
    return Span{static_cast<uint32_t>(q.ColumnInt(0)), static_cast<uint32_t>(q.ColumnInt(1))};
  };
  for (s.load_mentions.Bind(1, id); s.load_mentions.Step();) {
    SqliteStatement& q = s.load_mentions;
    analysis.entities.push_back({span(q), q.ColumnText(2), q.ColumnText(3), q.ColumnText(4),
                                 q.ColumnText(5), q.ColumnText(6), q.ColumnText(7)});
  }
  s.load_mentions.Reset();
  for (s.load_times.Bind(1, id); s.load_times.Step();) {
    SqliteStatement& q = s.load_times;
    analysis.times.push_back({span(q), q.ColumnText(2), q.ColumnText(3), q.ColumnOptionalText(4)});
  }
  s.load_times.Reset();
  for (s.load_quantities.Bind(1, id); s.load_quantities.Step();) {
    SqliteStatement& q = s.load_quantities;
    analysis.quantities.push_back(
        {span(q), q.ColumnText(2), q.ColumnDouble(3), q.ColumnText(4), q.ColumnInt(5) != 0});
  }
  s.load_quantities.Reset();
  for (s.load_quotes.Bind(1, id); s.load_quotes.Step();) {
    SqliteStatement& q = s.load_quotes;
    analysis.quotes.push_back({span(q), q.ColumnText(2), q.ColumnOptionalText(3),
                               q.ColumnOptionalText(4), q.ColumnInt(5) != 0});
  }
  s.load_quotes.Reset();
  std::vector<int64_t> ordinals;
  for (s.load_events.Bind(1, id); s.load_events.Step();) {
    SqliteStatement& q = s.load_events;
    Event event;
    ordinals.push_back(q.ColumnInt(0));
    event.span = {static_cast<uint32_t>(q.ColumnInt(1)), static_cast<uint32_t>(q.ColumnInt(2))};
    event.type = q.ColumnText(3);
    event.trigger = q.ColumnText(4);
    event.time = q.ColumnOptionalText(5);
    event.place = q.ColumnOptionalText(6);
    if (!q.ColumnIsNull(7)) {
      event.content =
          Span{static_cast<uint32_t>(q.ColumnInt(7)), static_cast<uint32_t>(q.ColumnInt(8))};
    }
    event.planned = q.ColumnInt(9) != 0;
    event.negated = q.ColumnInt(10) != 0;
    analysis.events.push_back(std::move(event));
  }
  s.load_events.Reset();
  for (size_t i = 0; i < ordinals.size(); ++i) {
    for (s.load_actors.Bind(1, id).Bind(2, ordinals[i]); s.load_actors.Step();) {
      analysis.events[i].actors.push_back(
          {s.load_actors.ColumnText(0), s.load_actors.ColumnText(1)});
    }
    s.load_actors.Reset();
  }
  return analysis;
}

std::map<std::string, std::string> SqliteStore::ArticleSources(
    const std::vector<std::string>& external_ids) {
  SqliteStatement select(db_,
                         "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id "
                         "WHERE a.external_id = ? AND a.latest = 1");
  std::map<std::string, std::string> sources;
  for (const std::string& id : external_ids) {
    select.Bind(1, std::string_view(id));
    if (select.Step()) sources.emplace(id, select.ColumnText(0));
    select.Reset();
  }
  return sources;
}

std::optional<StoredArticle> SqliteStore::ReadArticle(SqliteStatement& q) {
  if (!q.Step()) {
    q.Reset();
    return std::nullopt;
  }
  StoredArticle stored;
  stored.id = q.ColumnInt(0);
  Article& a = stored.article;
  a.id = q.ColumnText(1);
  a.source = q.ColumnText(2);
  a.published = q.ColumnOptionalText(3);
  a.url = q.ColumnText(4);
  a.title = q.ColumnText(5);
  a.author = q.ColumnText(6);
  a.language = q.ColumnText(7);
  a.text = q.ColumnText(8);
  a.origin = q.ColumnText(9);
  if (!q.ColumnIsNull(10)) stored.dup_of = q.ColumnInt(10);
  stored.family_id = q.ColumnInt(11);
  if (!q.ColumnIsNull(12)) stored.previous_version = q.ColumnInt(12);
  q.Reset();
  stored.analysis = LoadAnalysis(stored.id);
  return stored;
}

std::optional<StoredArticle> SqliteStore::FindArticle(std::string_view external_id) {
  statements_->find_article.Bind(1, external_id);
  return ReadArticle(statements_->find_article);
}

std::vector<StoredArticle> SqliteStore::ArticleVersions(std::string_view external_id) {
  SqliteStatement select(db_, "SELECT id FROM articles WHERE external_id = ? ORDER BY id");
  select.Bind(1, external_id);
  std::vector<int64_t> ids;
  while (select.Step()) ids.push_back(select.ColumnInt(0));
  SqliteStatement by_id(db_, std::string(kSelectArticle) + "WHERE a.id = ?");
  std::vector<StoredArticle> versions;
  for (const int64_t id : ids) {
    by_id.Bind(1, id);
    if (std::optional<StoredArticle> stored = ReadArticle(by_id)) {
      versions.push_back(std::move(*stored));
    }
  }
  return versions;
}

std::vector<std::string> SqliteStore::FamilyMembers(int64_t family_id) {
  SqliteStatement select(
      db_,
      "SELECT a.external_id FROM articles a WHERE a.family_id = ? AND a.latest = 1 ORDER BY "
      "(SELECT min(b.id) FROM articles b WHERE b.external_id = a.external_id), a.id");
  select.Bind(1, family_id);
  std::vector<std::string> members;
  while (select.Step()) members.push_back(select.ColumnText(0));
  return members;
}

void SqliteStore::ForEachArticleAfter(int64_t after,
                                      const std::function<void(StoredArticle&&)>& visit) {
  // One article at a time, by id, so the articles never sit in memory together.
  for (int64_t id = after;;) {
    statements_->article_after.Bind(1, id);
    std::optional<StoredArticle> stored = ReadArticle(statements_->article_after);
    if (!stored) return;
    id = stored->id;
    visit(std::move(*stored));
  }
}

std::map<std::string, std::string> SqliteStore::EntityNames(const std::vector<std::string>& ids) {
  // Reads at most kMentionsRead of one entity's mentions (its first ones, through
  // entity_mentions_by_entity), so a page naming many entities costs the same in a store
  // of any size; so many mentions name it as well as all of them would.
  constexpr int kMentionsRead = 200;
  SqliteStatement select(
      db_, fmt::format("SELECT shown FROM (SELECT CASE WHEN name <> '' THEN name ELSE text END "
                       "AS shown FROM entity_mentions WHERE entity = ? LIMIT {}) "
                       "GROUP BY shown ORDER BY count(*) DESC, shown LIMIT 1",
                       kMentionsRead));
  std::map<std::string, std::string> names;
  for (const std::string& id : ids) {
    if (names.contains(id)) continue;
    select.Bind(1, std::string_view(id));
    if (select.Step()) names.emplace(id, select.ColumnText(0));
    select.Reset();
  }
  return names;
}

std::optional<std::string> SqliteStore::LastStoredArticle() {
  SqliteStatement select(db_, "SELECT external_id FROM articles ORDER BY id DESC LIMIT 1");
  if (!select.Step()) return std::nullopt;
  return select.ColumnText(0);
}

namespace {

// The one number a "SELECT count(*) ..." statement gives.
int64_t CountOf(SqliteDb& db, std::string_view sql) {
  SqliteStatement q(db, sql);
  q.Step();
  return q.ColumnInt(0);
}

}  // namespace

StoreCounts SqliteStore::Counts() {
  const auto count = [this](std::string_view sql) { return CountOf(db_, sql); };
  StoreCounts counts;
  counts.articles = count("SELECT count(*) FROM articles WHERE latest = 1");
  counts.earlier_versions = count("SELECT count(*) FROM articles WHERE latest = 0");
  counts.sources = count("SELECT count(*) FROM sources");
  counts.duplicates =
      count("SELECT count(*) FROM articles WHERE dup_of IS NOT NULL AND latest = 1");
  counts.entity_mentions = count("SELECT count(*) FROM entity_mentions");
  counts.times = count("SELECT count(*) FROM time_expressions");
  counts.quantities = count("SELECT count(*) FROM quantities");
  counts.quotes = count("SELECT count(*) FROM quotes");
  counts.events = count("SELECT count(*) FROM article_events");
  return counts;
}

StoreCounts SqliteStore::HeaderCounts() {
  const auto count = [this](std::string_view sql) { return CountOf(db_, sql); };
  // Latest articles through their partial index (articles_latest_by_external_id) and
  // quotations through quotes_by_speaker_entity: a few megabytes at 100,000 articles, where
  // the tables are hundreds.
  StoreCounts counts;
  counts.articles = count("SELECT count(*) FROM articles WHERE latest = 1");
  counts.sources = count("SELECT count(*) FROM sources");
  counts.quotes = count("SELECT count(*) FROM quotes");
  return counts;
}

std::vector<StoredQuote> SqliteStore::LoadQuotes(const QuoteQuery& query) {
  // ?1 is the speaker asked for as " word word " (empty: any speaker); a quotation
  // matches when its speaker's name or id, put in the same form, contains it. A story's
  // quotations are looked up by its articles' ids (every version's: the join keeps the
  // latest), so they cost what the story holds, not a pass over every stored quotation.
  const std::string_view in_story =
      query.story ? "q.article_id IN (SELECT v.id FROM story_articles m JOIN articles v ON "
                    "v.external_id = m.article WHERE m.story_id = ?2)"
                  : "?2 IS NULL";
  SqliteStatement select(
      db_,
      fmt::format("SELECT a.external_id, coalesce(s.name, ''), a.published, q.start_byte, "
                  "q.end_byte, q.text, q.speaker, q.speaker_entity, q.partial FROM quotes q "
                  "JOIN articles a ON a.id = q.article_id AND a.latest = 1 "
                  "LEFT JOIN sources s ON s.id = a.source_id "
                  "WHERE (?1 = '' OR instr({}, ?1) > 0 OR instr({}, ?1) > 0) AND {} "
                  "ORDER BY q.article_id, q.ordinal LIMIT ?3",
                  SqlSpeakerWords("q.speaker"), SqlSpeakerWords("q.speaker_entity"), in_story));
  const std::string words = SpeakerWords(query.speaker);
  select.Bind(1, std::string_view(words.empty() ? "" : " " + words + " "));
  if (query.story) {
    select.Bind(2, int64_t{*query.story});
  } else {
    select.BindNull(2);
  }
  select.Bind(3, int64_t{query.limit.value_or(-1)});  // a negative LIMIT is no limit
  std::vector<StoredQuote> quotes;
  while (select.Step()) {
    StoredQuote& stored = quotes.emplace_back();
    stored.article = select.ColumnText(0);
    stored.source = select.ColumnText(1);
    stored.published = select.ColumnOptionalText(2);
    stored.quote.span = {static_cast<uint32_t>(select.ColumnInt(3)),
                         static_cast<uint32_t>(select.ColumnInt(4))};
    stored.quote.text = select.ColumnText(5);
    stored.quote.speaker = select.ColumnOptionalText(6);
    stored.quote.speaker_entity = select.ColumnOptionalText(7);
    stored.quote.partial = select.ColumnInt(8) != 0;
  }
  return quotes;
}

}  // namespace storyline
