#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include <array>

#include "store/postgres/pg_batch_writer.h"
#include "store/postgres/pg_schema.h"
#include "store/stored_encodings.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// The advisory lock a batch's transaction takes before it writes (any constant).
constexpr int64_t kIngestLock = 0x73746f72796c02;

std::vector<uint8_t> HashKey(const ContentHash& hash) {
  const std::array<uint8_t, 16> bytes = HashBytes(hash);
  return {bytes.begin(), bytes.end()};
}

std::string HexHash(const ContentHash& hash) {
  std::string hex;
  for (const uint8_t byte : HashBytes(hash)) hex += fmt::format("{:02x}", byte);
  return hex;
}

// The columns ReadArticles reads, in its order.
constexpr std::string_view kSelectArticle =
    "SELECT a.id, a.external_id, coalesce(s.name, ''), a.published, a.url, a.title, a.author, "
    "a.language, a.text, a.origin, a.dup_of, a.family_id, a.previous_version "
    "FROM articles a LEFT JOIN sources s ON s.id = a.source_id ";

std::string Sql(std::string_view tail) { return std::string(kSelectArticle) + std::string(tail); }

}  // namespace

PgStore::PgStore(const std::string& url, bool read_only) try : db_(url) {
  if (read_only) {
    CheckReadablePgSchema(db_, url);
    db_.Exec("SET default_transaction_read_only = on");
  } else {
    MigratePgSchema(db_);
    // A batch's statement writes hundreds of rows, which PostgreSQL's planner costs above
    // jit_above_cost: compiling it took more of the server's time than running it.
    db_.Exec("SET jit = off");
    // Texts and search terms over 2 KiB are compressed as they are stored: LZ4 costs a
    // fifth of pglz's time at about the same size (6% of the server's time at ingest).
    // A server built without LZ4 refuses the setting and keeps pglz; readers decompress
    // either.
    try {
      db_.Exec("SET default_toast_compression = lz4");
    } catch (const PgError&) {
    }
  }
} catch (const StoreError& e) {
  throw StoreError(fmt::format("cannot open store {}: {}", RedactedUrl(url), e.what()));
}

PgStore::~PgStore() = default;

std::optional<int64_t> PgStore::FindByHash(const ContentHash& hash) {
  const PgResult found = db_.Query("SELECT id FROM articles WHERE content_hash = $1",
                                   PgParams().AddBytes(HashBytes(hash)));
  if (found.rows() == 0) return std::nullopt;
  return found.Int(0, 0);
}

bool PgStore::Contains(const ContentHash& hash) { return FindByHash(hash).has_value(); }

std::vector<AddResult> PgStore::AddBatch(std::span<const PreparedArticle> batch) {
  std::vector<AddResult> results(batch.size());
  const std::map<std::vector<uint8_t>, int64_t> stored = StoredIds(batch);
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto existing = stored.find(HashKey(batch[i].content_hash));
    if (existing == stored.end()) continue;
    results[i] = {AddStatus::kAlreadyStored, existing->second, std::nullopt, std::nullopt, {}};
  }
  if (stored.size() == batch.size()) return results;  // a re-ingest writes nothing at all

  db_.Exec("BEGIN");
  try {
    db_.Query("SELECT pg_advisory_xact_lock($1)", PgParams().Add(kIngestLock));
    // The writer reads what is stored again, under the lock: another process may have
    // stored the same content since.
    results = WritePgBatch(db_, batch);
    db_.Exec("COMMIT");
  } catch (...) {
    if (db_.InTransaction()) db_.Exec("ROLLBACK");
    throw;
  }
  return results;
}

std::map<std::vector<uint8_t>, int64_t> PgStore::StoredIds(std::span<const PreparedArticle> batch) {
  std::vector<std::string> hashes;
  for (const PreparedArticle& prepared : batch) {
    hashes.push_back("\\x" + HexHash(prepared.content_hash));
  }
  const PgResult rows =
      db_.Query("SELECT content_hash, id FROM articles WHERE content_hash = ANY($1::bytea[])",
                PgParams().Add(std::string_view(ArrayLiteral(hashes))));
  std::map<std::vector<uint8_t>, int64_t> stored;
  for (int r = 0; r < rows.rows(); ++r) stored.emplace(rows.Bytes(r, 0), rows.Int(r, 1));
  return stored;
}

std::vector<CorpusLinkRow> PgStore::LoadEntityLinks() {
  const PgResult rows =
      db_.Query("SELECT kind, name, expansion FROM entity_links ORDER BY ordinal");
  std::vector<CorpusLinkRow> links;
  for (int row = 0; row < rows.rows(); ++row) {
    links.push_back({rows.Text(row, 0), rows.Text(row, 1), rows.Text(row, 2)});
  }
  return links;
}

Analysis PgStore::LoadAnalysis(int64_t id) {
  Analysis analysis;
  const PgParams article = PgParams().Add(id);
  auto span = [](const PgResult& q, int row, int column) {
    return Span{static_cast<uint32_t>(q.Int(row, column)),
                static_cast<uint32_t>(q.Int(row, column + 1))};
  };
  const PgResult mentions = db_.Query(
      "SELECT start_byte, end_byte, text, type, entity, name, title, country FROM "
      "entity_mentions WHERE article_id = $1 ORDER BY ordinal",
      article);
  for (int r = 0; r < mentions.rows(); ++r) {
    const PgResult& q = mentions;
    analysis.entities.push_back({span(q, r, 0), q.Text(r, 2), q.Text(r, 3), q.Text(r, 4),
                                 q.Text(r, 5), q.Text(r, 6), q.Text(r, 7)});
  }
  const PgResult times = db_.Query(
      "SELECT start_byte, end_byte, text, kind, value FROM time_expressions "
      "WHERE article_id = $1 ORDER BY ordinal",
      article);
  for (int r = 0; r < times.rows(); ++r) {
    analysis.times.push_back(
        {span(times, r, 0), times.Text(r, 2), times.Text(r, 3), times.OptionalText(r, 4)});
  }
  const PgResult quantities = db_.Query(
      "SELECT start_byte, end_byte, text, value, unit, approximate FROM quantities "
      "WHERE article_id = $1 ORDER BY ordinal",
      article);
  for (int r = 0; r < quantities.rows(); ++r) {
    const PgResult& q = quantities;
    analysis.quantities.push_back(
        {span(q, r, 0), q.Text(r, 2), q.Double(r, 3), q.Text(r, 4), q.Bool(r, 5)});
  }
  const PgResult quotes = db_.Query(
      "SELECT start_byte, end_byte, text, speaker, speaker_entity, partial FROM quotes "
      "WHERE article_id = $1 ORDER BY ordinal",
      article);
  for (int r = 0; r < quotes.rows(); ++r) {
    const PgResult& q = quotes;
    analysis.quotes.push_back(
        {span(q, r, 0), q.Text(r, 2), q.OptionalText(r, 3), q.OptionalText(r, 4), q.Bool(r, 5)});
  }
  const PgResult events = db_.Query(
      "SELECT ordinal, start_byte, end_byte, type, trigger_text, time, place, content_start, "
      "content_end, planned, negated FROM article_events WHERE article_id = $1 ORDER BY ordinal",
      article);
  std::map<int64_t, size_t> event_of_ordinal;
  for (int r = 0; r < events.rows(); ++r) {
    const PgResult& q = events;
    Event event;
    event_of_ordinal[q.Int(r, 0)] = analysis.events.size();
    event.span = span(q, r, 1);
    event.type = q.Text(r, 3);
    event.trigger = q.Text(r, 4);
    event.time = q.OptionalText(r, 5);
    event.place = q.OptionalText(r, 6);
    if (!q.IsNull(r, 7)) event.content = span(q, r, 7);
    event.planned = q.Bool(r, 9);
    event.negated = q.Bool(r, 10);
    analysis.events.push_back(std::move(event));
  }
  if (!analysis.events.empty()) {
    const PgResult actors = db_.Query(
        "SELECT event_ordinal, role, entity FROM article_event_actors WHERE article_id = $1 "
        "ORDER BY event_ordinal, ordinal",
        article);
    for (int r = 0; r < actors.rows(); ++r) {
      const auto event = event_of_ordinal.find(actors.Int(r, 0));
      if (event == event_of_ordinal.end()) continue;
      analysis.events[event->second].actors.push_back({actors.Text(r, 1), actors.Text(r, 2)});
    }
  }
  return analysis;
}

std::vector<StoredArticle> PgStore::ReadArticles(const PgResult& q) {
  std::vector<StoredArticle> articles;
  for (int r = 0; r < q.rows(); ++r) {
    StoredArticle& stored = articles.emplace_back();
    stored.id = q.Int(r, 0);
    Article& a = stored.article;
    a.id = q.Text(r, 1);
    a.source = q.Text(r, 2);
    a.published = q.OptionalText(r, 3);
    a.url = q.Text(r, 4);
    a.title = q.Text(r, 5);
    a.author = q.Text(r, 6);
    a.language = q.Text(r, 7);
    a.text = q.Text(r, 8);
    a.origin = q.Text(r, 9);
    stored.dup_of = q.OptionalInt(r, 10);
    stored.family_id = q.Int(r, 11);
    stored.previous_version = q.OptionalInt(r, 12);
    stored.analysis = LoadAnalysis(stored.id);
  }
  return articles;
}

std::optional<StoredArticle> PgStore::FindArticle(std::string_view external_id) {
  std::vector<StoredArticle> found = ReadArticles(
      db_.Query(Sql("WHERE a.external_id = $1 AND a.latest"), PgParams().Add(external_id)));
  if (found.empty()) return std::nullopt;
  return std::move(found[0]);
}

std::vector<StoredArticle> PgStore::ArticleVersions(std::string_view external_id) {
  return ReadArticles(
      db_.Query(Sql("WHERE a.external_id = $1 ORDER BY a.id"), PgParams().Add(external_id)));
}

std::vector<std::string> PgStore::FamilyMembers(int64_t family_id) {
  const PgResult rows = db_.Query(
      "SELECT a.external_id FROM articles a WHERE a.family_id = $1 AND a.latest ORDER BY "
      "(SELECT min(b.id) FROM articles b WHERE b.external_id = a.external_id), a.id",
      PgParams().Add(family_id));
  std::vector<std::string> members;
  for (int r = 0; r < rows.rows(); ++r) members.push_back(rows.Text(r, 0));
  return members;
}

void PgStore::ForEachArticleAfter(int64_t after,
                                  const std::function<void(StoredArticle&&)>& visit) {
  // One article at a time, by id, so the articles never sit in memory together.
  for (int64_t id = after;;) {
    std::vector<StoredArticle> next =
        ReadArticles(db_.Query(Sql("WHERE a.id > $1 ORDER BY a.id LIMIT 1"), PgParams().Add(id)));
    if (next.empty()) return;
    id = next[0].id;
    visit(std::move(next[0]));
  }
}

std::map<std::string, std::string> PgStore::ArticleSources(
    const std::vector<std::string>& external_ids) {
  const PgResult rows = db_.Query(
      "SELECT a.external_id, s.name FROM articles a JOIN sources s ON s.id = a.source_id "
      "WHERE a.external_id = ANY($1::text[]) AND a.latest",
      PgParams().Add(std::string_view(ArrayLiteral(external_ids))));
  std::map<std::string, std::string> sources;
  for (int r = 0; r < rows.rows(); ++r) sources.emplace(rows.Text(r, 0), rows.Text(r, 1));
  return sources;
}

std::map<std::string, std::string> PgStore::EntityNames(const std::vector<std::string>& ids) {
  // As the SQLite store: of each entity's first 200 mentions, the name given most often;
  // ties by the name's bytes.
  const PgResult rows = db_.Query(
      "SELECT e.id, (SELECT m.shown FROM (SELECT CASE WHEN name <> '' THEN name ELSE text END "
      "AS shown FROM entity_mentions WHERE entity = e.id ORDER BY article_id, ordinal LIMIT 200) m "
      "GROUP BY m.shown ORDER BY count(*) DESC, m.shown COLLATE \"C\" LIMIT 1) "
      "FROM unnest($1::text[]) AS e(id)",
      PgParams().Add(std::string_view(ArrayLiteral(ids))));
  std::map<std::string, std::string> names;
  for (int r = 0; r < rows.rows(); ++r) {
    if (const auto name = rows.OptionalText(r, 1)) names.emplace(rows.Text(r, 0), *name);
  }
  return names;
}

std::optional<std::string> PgStore::LastStoredArticle() {
  const PgResult rows = db_.Query("SELECT external_id FROM articles ORDER BY id DESC LIMIT 1");
  if (rows.rows() == 0) return std::nullopt;
  return rows.Text(0, 0);
}

StoreCounts PgStore::Counts() {
  const PgResult q = db_.Query(
      "SELECT (SELECT count(*) FROM articles WHERE latest), "
      "(SELECT count(*) FROM articles WHERE NOT latest), (SELECT count(*) FROM sources), "
      "(SELECT count(*) FROM articles WHERE dup_of IS NOT NULL AND latest), "
      "(SELECT count(*) FROM entity_mentions), (SELECT count(*) FROM time_expressions), "
      "(SELECT count(*) FROM quantities), (SELECT count(*) FROM quotes), "
      "(SELECT count(*) FROM article_events)");
  return {q.Int(0, 0), q.Int(0, 1), q.Int(0, 2), q.Int(0, 3), q.Int(0, 4),
          q.Int(0, 5), q.Int(0, 6), q.Int(0, 7), q.Int(0, 8)};
}

std::vector<StoredQuote> PgStore::LoadQuotes(const QuoteQuery& query) {
  // $1 is the speaker asked for as " word word " (empty: any speaker), as in the SQLite
  // store; a NULL limit is no limit.
  const std::string words = SpeakerWords(query.speaker);
  PgParams params;
  params.Add(std::string_view(words.empty() ? "" : " " + words + " "));
  if (query.story) {
    params.Add(int64_t{*query.story});
  } else {
    params.AddNull();
  }
  if (query.limit) {
    params.Add(int64_t{std::max(0, *query.limit)});
  } else {
    params.AddNull();
  }
  const PgResult rows = db_.Query(
      fmt::format("SELECT a.external_id, coalesce(s.name, ''), a.published, q.start_byte, "
                  "q.end_byte, q.text, q.speaker, q.speaker_entity, q.partial FROM quotes q "
                  "JOIN articles a ON a.id = q.article_id AND a.latest "
                  "LEFT JOIN sources s ON s.id = a.source_id "
                  "WHERE ($1 = '' OR strpos({}, $1) > 0 OR strpos({}, $1) > 0) "
                  "AND ($2::bigint IS NULL OR a.external_id IN "
                  "(SELECT article FROM story_articles WHERE story_id = $2)) "
                  "ORDER BY q.article_id, q.ordinal LIMIT $3",
                  SqlSpeakerWords("q.speaker"), SqlSpeakerWords("q.speaker_entity")),
      params);
  std::vector<StoredQuote> quotes;
  for (int r = 0; r < rows.rows(); ++r) {
    StoredQuote& stored = quotes.emplace_back();
    stored.article = rows.Text(r, 0);
    stored.source = rows.Text(r, 1);
    stored.published = rows.OptionalText(r, 2);
    stored.quote.span = {static_cast<uint32_t>(rows.Int(r, 3)),
                         static_cast<uint32_t>(rows.Int(r, 4))};
    stored.quote.text = rows.Text(r, 5);
    stored.quote.speaker = rows.OptionalText(r, 6);
    stored.quote.speaker_entity = rows.OptionalText(r, 7);
    stored.quote.partial = rows.Bool(r, 8);
  }
  return quotes;
}

std::optional<FeedState> PgStore::LoadFeed(std::string_view url) {
  const PgResult row = db_.Query(
      "SELECT etag, last_modified, next_poll, failures_in_a_row FROM feeds WHERE url = $1",
      PgParams().Add(url));
  if (row.rows() == 0) return std::nullopt;
  FeedState feed;
  feed.url = url;
  feed.etag = row.Text(0, 0);
  feed.last_modified = row.Text(0, 1);
  feed.next_poll = row.Int(0, 2);
  feed.failures_in_a_row = static_cast<int>(row.Int(0, 3));
  return feed;
}

void PgStore::SaveFeed(const FeedState& feed) {
  db_.Query(
      "INSERT INTO feeds (url, etag, last_modified, next_poll, failures_in_a_row) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
      "last_modified = excluded.last_modified, next_poll = excluded.next_poll, "
      "failures_in_a_row = excluded.failures_in_a_row",
      PgParams()
          .Add(std::string_view(feed.url))
          .Add(std::string_view(feed.etag))
          .Add(std::string_view(feed.last_modified))
          .Add(feed.next_poll)
          .Add(int64_t{feed.failures_in_a_row}));
}

std::optional<SeenUrl> PgStore::FindSeenUrl(std::string_view url) {
  const PgResult row =
      db_.Query("SELECT updated, article FROM seen_urls WHERE url = $1", PgParams().Add(url));
  if (row.rows() == 0) return std::nullopt;
  return SeenUrl{std::string(url), row.Text(0, 0), row.Text(0, 1)};
}

void PgStore::SaveSeenUrl(const SeenUrl& seen) {
  db_.Query(
      "INSERT INTO seen_urls (url, updated, article) VALUES ($1, $2, $3) ON CONFLICT (url) "
      "DO UPDATE SET updated = excluded.updated, article = excluded.article",
      PgParams()
          .Add(std::string_view(seen.url))
          .Add(std::string_view(seen.updated))
          .Add(std::string_view(seen.article)));
}

std::string PgStore::ChangeToken() {
  const PgResult row = db_.Query(
      "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
      "(SELECT xmin::text FROM story_state WHERE id = 1)");
  return fmt::format("{}.{}", row.Int(0, 0), row.OptionalText(0, 1).value_or("0"));
}

}  // namespace storyline
