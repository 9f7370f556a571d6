#include "store/sqlite_schema.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace storyline {
namespace {

// Step 1: articles, sources, duplicate families, full-text index, per-article analyses.
//
// Byte spans are named start_byte/end_byte ("end" is an SQL keyword). Analysis rows are
// keyed by (article_id, ordinal) so they come back in the order the analyzer made them.
//
// The full-text index is an FTS5 external-content table over articles(title, text): the
// text is stored once, in articles, and snippet() still works because FTS5 reads column
// values back from the content table (a contentless index could not produce snippets).
// Triggers keep the index in step with inserts, deletes and edits.
constexpr std::string_view kStep1 = R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL,
  source_id INTEGER REFERENCES sources(id),
  published TEXT,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  origin TEXT NOT NULL,
  content_hash BLOB NOT NULL UNIQUE,
  text_hash INTEGER NOT NULL,
  minhash BLOB,
  family_id INTEGER NOT NULL,
  dup_of INTEGER REFERENCES articles(id)
);
CREATE INDEX articles_by_external_id ON articles(external_id);
CREATE INDEX articles_by_text_hash ON articles(text_hash);
CREATE INDEX articles_by_family ON articles(family_id);
CREATE INDEX articles_by_published ON articles(published);

-- One row per (LSH band key, article): near-duplicate candidates are the articles
-- sharing any band key, found by index lookups whose cost does not grow with the store.
CREATE TABLE lsh_bands (
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE entity_mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  entity TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_by_entity ON entity_mentions(entity);

CREATE TABLE time_expressions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE quantities (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  approximate INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE quotes (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_entity TEXT,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker_entity ON quotes(speaker_entity);

-- Events as found in one article; events across articles belong to a later step.
CREATE TABLE article_events (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  type TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  time TEXT,
  place TEXT,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE article_event_actors (
  article_id INTEGER NOT NULL,
  event_ordinal INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  role TEXT NOT NULL,
  entity TEXT NOT NULL,
  PRIMARY KEY (article_id, event_ordinal, ordinal),
  FOREIGN KEY (article_id, event_ordinal)
    REFERENCES article_events(article_id, ordinal) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_event_actors_by_entity ON article_event_actors(entity);
)sql";

// Step 2: stories and their events (story/story_clusterer.h). Clustering is online, so
// story_state keeps the clusterer's whole state to resume from; the other tables are
// what it reported, the stories it changed brought up to date after each ingest, for
// readers (stories, timeline, serve). Article references are external ids, as the JSON
// contract shows them.
constexpr std::string_view kStep2 = R"sql(
CREATE TABLE story_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state BLOB NOT NULL
);
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  first_day TEXT,
  last_day TEXT
);
CREATE TABLE story_articles (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (story_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX story_articles_by_article ON story_articles(article);
CREATE TABLE story_events (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  day TEXT,
  place TEXT,
  summary TEXT NOT NULL
);
CREATE INDEX story_events_by_story ON story_events(story_id, ordinal);
CREATE TABLE story_event_articles (
  event_id INTEGER NOT NULL REFERENCES story_events(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE story_event_actors (
  event_id INTEGER NOT NULL REFERENCES story_events(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  entity TEXT NOT NULL,
  PRIMARY KEY (event_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX story_event_actors_by_entity ON story_event_actors(entity);
CREATE TABLE story_merges (
  ordinal INTEGER PRIMARY KEY,
  into_story INTEGER NOT NULL,
  from_story INTEGER NOT NULL,
  article TEXT NOT NULL
);
)sql";

// Step 3: the corpus entity linker's state (extract/corpus_entity_linker.h), the rows
// it learned from stored articles, in the order it learned them. Each article's rows are
// written in that article's own transaction, so the state never holds what an article
// that was not stored taught; the first article to teach a row places it. Articles
// stored before this step keep their ids and taught nothing: the store never kept the
// canonical names the rows are made of.
constexpr std::string_view kStep3 = R"sql(
CREATE TABLE entity_links (
  ordinal INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  expansion TEXT NOT NULL,
  UNIQUE (kind, name, expansion)
);
)sql";

// Step 4: what the analyzer added to its facts after step 1: an entity's canonical name
// and title, a quote's partial flag, a statement's content span and a planned event's
// flag. Rows stored before it read back as the step-1 shape (empty name and title, not
// partial, no content, not planned).
constexpr std::string_view kStep4 = R"sql(
ALTER TABLE entity_mentions ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE entity_mentions ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_events ADD COLUMN content_start INTEGER;
ALTER TABLE article_events ADD COLUMN content_end INTEGER;
ALTER TABLE article_events ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
)sql";

// Step 5: an entity's country (extract/demonyms.h, extract/entity_senses.h): "israel"
// for "Israeli Prime Minister Benjamin Netanyahu". Rows stored before it have none.
constexpr std::string_view kStep5 = R"sql(
ALTER TABLE entity_mentions ADD COLUMN country TEXT NOT NULL DEFAULT '';
)sql";

// Step 6: a denied event's flag (extract/event_finder.h: "did not meet"). Rows stored
// before it read back as not denied; the analyzer dropped denied events then.
constexpr std::string_view kStep6 = R"sql(
ALTER TABLE article_events ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
)sql";

// Step 7: story splits (story/story_clusterer.h, step 6), kept like story_merges: in the
// order they happened, appended as the stories are saved. Stores before it had none.
constexpr std::string_view kStep7 = R"sql(
CREATE TABLE story_splits (
  ordinal INTEGER PRIMARY KEY,
  from_story INTEGER NOT NULL,
  into_story INTEGER NOT NULL,
  article TEXT NOT NULL
);
)sql";

// Step 8: how far into the stored articles the saved story state reaches
// (store/store.h, SavedStoryState), so that articles an interrupted ingest stored but
// never placed are placed by the next one. A store from before it is taken to have
// placed every article up to the last one its stories name; later ones were stored by
// an ingest that stopped before saving its stories, and are placed on the next ingest.
constexpr std::string_view kStep8 = R"sql(
ALTER TABLE story_state ADD COLUMN placed_through INTEGER NOT NULL DEFAULT 0;
UPDATE story_state SET placed_through = coalesce(
  (SELECT max(id) FROM articles WHERE external_id IN (SELECT article FROM story_articles)), 0);
)sql";

// Step 9: versions. An external id is an article's identity: a record with an id the
// store holds, but other content, is that article's new version. Every version is kept
// (`previous_version` links them); `latest` marks the one every command shows, so no
// query ever joins two different texts on one id. A store from before it that holds one
// id more than once keeps the last stored as the latest.
constexpr std::string_view kStep9 = R"sql(
ALTER TABLE articles ADD COLUMN previous_version INTEGER;
ALTER TABLE articles ADD COLUMN latest INTEGER NOT NULL DEFAULT 1;
UPDATE articles SET latest = 0
  WHERE id < (SELECT max(b.id) FROM articles b WHERE b.external_id = articles.external_id);
CREATE INDEX articles_latest_by_external_id ON articles(external_id) WHERE latest = 1;
)sql";

// Step 10: indexes search filters by (store/sqlite_search.cc), so that a filter reads
// the articles it names instead of every match of the words: mentions by canonical name
// in any case (`--entity` takes an entity id or a name), and the ids of superseded
// versions, which are few, so that whether a match is its article's latest version is
// one lookup in a small index instead of a read of the article's row.
constexpr std::string_view kStep10 = R"sql(
CREATE INDEX entity_mentions_by_name ON entity_mentions(name COLLATE NOCASE);
CREATE INDEX articles_superseded ON articles(id) WHERE latest = 0;
)sql";

// Step 11: what `follow` keeps between polls (store/store.h, FeedState and SeenUrl):
// each feed's validators and when to poll it next, and each page address it fetched, so
// a restart resumes where the last run stopped.
constexpr std::string_view kStep11 = R"sql(
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  next_poll INTEGER NOT NULL,
  failures_in_a_row INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE seen_urls (
  url TEXT PRIMARY KEY,
  updated TEXT NOT NULL,
  article TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Step 12: how far the applier of a distributed ingest has come through each stream
// (store/store.h, StreamPosition).
constexpr std::string_view kStep12 = R"sql(
CREATE TABLE stream_positions (
  stream TEXT PRIMARY KEY,
  applied_through INTEGER NOT NULL,
  resume_from INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Step 13: the sets search filters stand for, small enough to be read whole or asked
// per match (store/sqlite_search.cc): an outlet's article ids (the articles' rows are
// large, so asking each row its outlet read a page per match), and each entity's articles
// once, however often they name it (the mentions hold a row per mention), with the
// entities each canonical name stands for. Triggers keep the two tables in step with the
// mentions as they are stored.
constexpr std::string_view kStep13 = R"sql(
CREATE INDEX articles_by_source ON articles(source_id, id);
CREATE TABLE entity_articles (
  entity TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (entity, article_id)
) WITHOUT ROWID;
CREATE TABLE entity_names (
  name TEXT NOT NULL COLLATE NOCASE,
  entity TEXT NOT NULL,
  PRIMARY KEY (name, entity)
) WITHOUT ROWID;
INSERT OR IGNORE INTO entity_articles SELECT entity, article_id FROM entity_mentions;
INSERT OR IGNORE INTO entity_names SELECT name, entity FROM entity_mentions WHERE name <> '';
CREATE TRIGGER entity_mentions_sets AFTER INSERT ON entity_mentions BEGIN
  INSERT OR IGNORE INTO entity_articles VALUES (new.entity, new.article_id);
  INSERT OR IGNORE INTO entity_names SELECT new.name, new.entity WHERE new.name <> '';
END;
)sql";

constexpr std::array<std::string_view, 13> kSteps = {kStep1,  kStep2,  kStep3, kStep4, kStep5,
                                                     kStep6,  kStep7,  kStep8, kStep9, kStep10,
                                                     kStep11, kStep12, kStep13};

int UserVersion(SqliteDb& db) {
  SqliteStatement query(db, "PRAGMA user_version");
  query.Step();
  return static_cast<int>(query.ColumnInt(0));
}

}  // namespace

int SqliteSchemaVersion() { return static_cast<int>(kSteps.size()); }

void MigrateSqliteSchema(SqliteDb& db, int version) {
  const int latest = SqliteSchemaVersion();
  if (UserVersion(db) >= version && UserVersion(db) <= latest) return;
  // IMMEDIATE takes the write lock first, so of two processes opening a new database
  // at once one migrates and the other then finds the work done.
  db.Exec("BEGIN IMMEDIATE");
  try {
    const int current = UserVersion(db);
    if (current > latest) {
      throw StoreError(fmt::format(
          "database schema version {} is newer than this storyline knows ({}): upgrade storyline",
          current, latest));
    }
    for (int step = current; step < version; ++step) {
      db.Exec(kSteps[step]);
      db.Exec(fmt::format("PRAGMA user_version = {}", step + 1));
    }
    db.Exec("COMMIT");
  } catch (...) {
    db.Exec("ROLLBACK");
    throw;
  }
}

void RefuseForeignDatabase(SqliteDb& db) {
  if (UserVersion(db) != 0) return;
  SqliteStatement tables(db, "SELECT count(*) FROM sqlite_master");
  tables.Step();
  if (tables.ColumnInt(0) > 0) {
    throw StoreError("holds another application's tables, not a storyline store: give a new path");
  }
}

void CheckReadableSchema(SqliteDb& db, const std::string& path) {
  const int version = UserVersion(db);
  const int latest = SqliteSchemaVersion();
  SqliteStatement articles(db, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'");
  articles.Step();
  if (version == 0 || articles.ColumnInt(0) == 0) {
    throw StoreError("not a storyline store (no articles table): ingest into a new path instead");
  }
  if (version > latest) {
    throw StoreError(fmt::format(
        "database schema version {} is newer than this storyline knows ({}): upgrade storyline",
        version, latest));
  }
  if (version < latest) {
    throw StoreError(fmt::format(
        "written by an older storyline (schema {}, this one reads {}): upgrade it once with "
        "`storyline upgrade --db {}`",
        version, latest, path));
  }
}

}  // namespace storyline
