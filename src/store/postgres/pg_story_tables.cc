// PgStore's story tables and claim: the SQLite store's (store/sqlite_story_tables.cc)
// statements and order of writes, the claim an advisory lock instead of a file lock.
#include <fmt/format.h>

#include <thread>
#include <unordered_map>
#include <utility>

#include "store/postgres/pg_store.h"

namespace storyline {
namespace {

// The advisory lock of the story claim (any constant; advisory locks are per database).
constexpr int64_t kStoriesLock = 0x73746f72796c03;

// The statements that write stories' rows.
class StoryRows {
 public:
  explicit StoryRows(PgConnection& db) : db_(db) {}

  // Every row of story `id`: its events' articles and actors, its events, its articles.
  void Delete(int id) {
    for (const char* sql :
         {"DELETE FROM story_event_articles WHERE event_id IN "
          "(SELECT id FROM story_events WHERE story_id = $1)",
          "DELETE FROM story_event_actors WHERE event_id IN "
          "(SELECT id FROM story_events WHERE story_id = $1)",
          "DELETE FROM story_events WHERE story_id = $1",
          "DELETE FROM story_articles WHERE story_id = $1", "DELETE FROM stories WHERE id = $1"}) {
      db_.Query(sql, PgParams().Add(int64_t{id}));
    }
  }

  // A story whose rows are gone (Delete) or never were.
  void Insert(const Story& story) {
    Upsert(story.id, story.label, story.first, story.last);
    InsertStrings("story_articles", "story_id", story.id, 0, story.articles);
    for (size_t i = 0; i < story.events.size(); ++i) Upsert(story.id, i, story.events[i]);
  }

  // Brings the rows of story `update.id` up to date (StoryUpdate::ApplyTo).
  void Apply(const StoryUpdate& update) {
    Upsert(update.id, update.label, update.first, update.last);
    InsertStrings("story_articles", "story_id", update.id, update.first_new_article,
                  update.new_articles);
    for (const auto& [place, event] : update.changed_events) Upsert(update.id, place, event);
    for (const auto& [place, event_id] : update.moved_events) {
      db_.Query("UPDATE story_events SET ordinal = $1 WHERE id = $2",
                PgParams().Add(static_cast<int64_t>(place)).Add(int64_t{event_id}));
    }
  }

  // Merges and splits after those already stored, in order.
  void Append(const std::vector<StoryMerge>& merges, const std::vector<StorySplit>& splits) {
    int64_t ordinal = NextOrdinal("story_merges");
    for (const StoryMerge& merge : merges) {
      db_.Query(
          "INSERT INTO story_merges (ordinal, into_story, from_story, article) "
          "VALUES ($1, $2, $3, $4)",
          PgParams()
              .Add(ordinal++)
              .Add(int64_t{merge.into})
              .Add(int64_t{merge.from})
              .Add(std::string_view(merge.article)));
    }
    ordinal = NextOrdinal("story_splits");
    for (const StorySplit& split : splits) {
      db_.Query(
          "INSERT INTO story_splits (ordinal, from_story, into_story, article) "
          "VALUES ($1, $2, $3, $4)",
          PgParams()
              .Add(ordinal++)
              .Add(int64_t{split.from})
              .Add(int64_t{split.into})
              .Add(std::string_view(split.article)));
    }
  }

 private:
  // `values` as rows (owner, first_ordinal + i, value) of `table`, in one statement.
  void InsertStrings(std::string_view table, std::string_view owner_column, int64_t owner,
                     size_t first_ordinal, const std::vector<std::string>& values) {
    if (values.empty()) return;
    db_.Query(fmt::format(
                  "INSERT INTO {} ({}, ordinal, article) SELECT $1::bigint, $2::bigint + o - 1, v "
                  "FROM unnest($3::text[]) WITH ORDINALITY AS r(v, o)",
                  table, owner_column),
              PgParams()
                  .Add(owner)
                  .Add(static_cast<int64_t>(first_ordinal))
                  .Add(std::string_view(ArrayLiteral(values))));
  }

  void Upsert(int id, std::string_view label, const std::optional<std::string>& first,
              const std::optional<std::string>& last) {
    db_.Query(
        "INSERT INTO stories (id, label, first_day, last_day) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, "
        "last_day = excluded.last_day",
        PgParams().Add(int64_t{id}).Add(label).Add(first).Add(last));
  }

  // The event's row at `place` of story `story_id`, and its articles and actors anew.
  void Upsert(int story_id, size_t place, const StoryEvent& event) {
    const PgParams event_id = PgParams().Add(int64_t{event.id});
    db_.Query("DELETE FROM story_event_articles WHERE event_id = $1", event_id);
    db_.Query("DELETE FROM story_event_actors WHERE event_id = $1", event_id);
    db_.Query(
        "INSERT INTO story_events (id, story_id, ordinal, type, day, place, summary) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET story_id = "
        "excluded.story_id, ordinal = excluded.ordinal, type = excluded.type, day = excluded.day, "
        "place = excluded.place, summary = excluded.summary",
        PgParams()
            .Add(int64_t{event.id})
            .Add(int64_t{story_id})
            .Add(static_cast<int64_t>(place))
            .Add(std::string_view(event.type))
            .Add(event.date)
            .Add(event.place)
            .Add(std::string_view(event.summary)));
    InsertStrings("story_event_articles", "event_id", event.id, 0, event.articles);
    if (!event.actors.empty()) {
      db_.Query(
          "INSERT INTO story_event_actors (event_id, ordinal, entity) SELECT $1::bigint, o - 1, v "
          "FROM unnest($2::text[]) WITH ORDINALITY AS r(v, o)",
          PgParams().Add(int64_t{event.id}).Add(std::string_view(ArrayLiteral(event.actors))));
    }
  }

  int64_t NextOrdinal(std::string_view table) {
    return db_.Query(fmt::format("SELECT coalesce(max(ordinal) + 1, 0) FROM {}", table)).Int(0, 0);
  }

  PgConnection& db_;
};

// Every deletion comes before any insertion: an event that moved between two stories (a
// merge, a split) keeps its id, and its rows under the story it left go first.
void WriteChanges(PgConnection& db, const SavedStoryState& state, const StoryChanges& changes) {
  if (changes.complete) {
    db.Exec(
        "DELETE FROM story_event_actors; DELETE FROM story_event_articles; "
        "DELETE FROM story_events; DELETE FROM story_articles; DELETE FROM stories; "
        "DELETE FROM story_merges; DELETE FROM story_splits");
  }
  StoryRows rows(db);
  for (const int id : changes.merged_away) rows.Delete(id);
  for (const Story& story : changes.retired) rows.Delete(story.id);
  for (const StoryUpdate& update : changes.changed) {
    if (update.replace) rows.Delete(update.id);
  }
  for (const Story& story : changes.retired) rows.Insert(story);
  for (const StoryUpdate& update : changes.changed) rows.Apply(update);
  rows.Append(changes.merges, changes.splits);
  db.Query(
      "INSERT INTO story_state (id, state, placed_through) VALUES (1, $1, $2) ON CONFLICT (id) "
      "DO UPDATE SET state = excluded.state, placed_through = excluded.placed_through",
      PgParams()
          .AddBytes({reinterpret_cast<const uint8_t*>(state.blob.data()), state.blob.size()})
          .Add(state.placed_through));
}

std::vector<std::string> Strings(const PgResult& rows) {
  std::vector<std::string> values;
  for (int r = 0; r < rows.rows(); ++r) values.push_back(rows.Text(r, 0));
  return values;
}

}  // namespace

void PgStore::ClaimStories(const std::function<void(const std::string&)>& on_wait,
                           std::chrono::seconds timeout) {
  if (stories_claimed_) return;
  const PgParams key = PgParams().Add(kStoriesLock);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::min<std::chrono::seconds>(timeout, std::chrono::hours(24 * 365));
  bool told = false;
  while (!db_.Query("SELECT pg_try_advisory_lock($1)", key).Bool(0, 0)) {
    if (!told && on_wait) {
      // Who holds it: its session's application name (PgConnection sets it to the
      // process and host) and since when.
      const PgResult holder = db_.Query(
          "SELECT coalesce(a.application_name, '') || ', PostgreSQL backend ' || a.pid || "
          "', since ' || to_char(a.backend_start AT TIME ZONE 'UTC', "
          "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM pg_locks l JOIN pg_stat_activity a ON a.pid = "
          "l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM "
          "pg_database WHERE datname = current_database()) AND "
          "((l.classid::bigint << 32) | l.objid::bigint) = $1 LIMIT 1",
          key);
      on_wait(holder.rows() > 0 ? holder.Text(0, 0) : "another storyline process");
      told = true;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw StoreError(
          "the store's stories are claimed by another process (an ingest into the same "
          "database) that did not finish in time");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  stories_claimed_ = true;
}

SavedStoryState PgStore::LoadStoryState() {
  SavedStoryState saved;
  const PgResult row = db_.Query("SELECT state, placed_through FROM story_state WHERE id = 1");
  if (row.rows() == 0) return saved;
  const std::vector<uint8_t> blob = row.Bytes(0, 0);
  saved.blob.assign(blob.begin(), blob.end());
  saved.placed_through = row.Int(0, 1);
  return saved;
}

void PgStore::SaveStoryChanges(const SavedStoryState& state, const StoryChanges& changes) {
  db_.Exec("BEGIN");
  try {
    WriteChanges(db_, state, changes);
    db_.Exec("COMMIT");
  } catch (...) {
    if (db_.InTransaction()) db_.Exec("ROLLBACK");
    throw;
  }
}

std::vector<Story> PgStore::LoadStories() {
  // One query over each table, as the SQLite store reads them, rather than a query per
  // story and per event: a store of 100,000 articles holds thousands of stories. The
  // queries share one snapshot, so a change set saved meanwhile is seen whole or not at
  // all.
  const bool own_transaction = !db_.InTransaction();
  if (own_transaction) db_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    std::vector<Story> stories;
    std::unordered_map<int64_t, size_t> story_at;
    const PgResult rows =
        db_.Query("SELECT id, label, first_day, last_day FROM stories ORDER BY id");
    for (int r = 0; r < rows.rows(); ++r) {
      Story& story = stories.emplace_back();
      story.id = static_cast<int>(rows.Int(r, 0));
      story.label = rows.Text(r, 1);
      story.first = rows.OptionalText(r, 2);
      story.last = rows.OptionalText(r, 3);
      story_at.emplace(story.id, stories.size() - 1);
    }
    const PgResult articles =
        db_.Query("SELECT story_id, article FROM story_articles ORDER BY story_id, ordinal");
    for (int r = 0; r < articles.rows(); ++r) {
      const auto at = story_at.find(articles.Int(r, 0));
      if (at != story_at.end()) stories[at->second].articles.push_back(articles.Text(r, 1));
    }
    // By event id, the story and the place in its events.
    std::unordered_map<int64_t, std::pair<size_t, size_t>> event_at;
    const PgResult events = db_.Query(
        "SELECT story_id, id, type, day, place, summary FROM story_events "
        "ORDER BY story_id, ordinal");
    for (int r = 0; r < events.rows(); ++r) {
      const auto at = story_at.find(events.Int(r, 0));
      if (at == story_at.end()) continue;
      StoryEvent event;
      event.id = static_cast<int>(events.Int(r, 1));
      event.type = events.Text(r, 2);
      event.date = events.OptionalText(r, 3);
      event.place = events.OptionalText(r, 4);
      event.summary = events.Text(r, 5);
      std::vector<StoryEvent>& story_events = stories[at->second].events;
      event_at.emplace(event.id, std::pair(at->second, story_events.size()));
      story_events.push_back(std::move(event));
    }
    auto add_to_events = [&](const std::string& sql, std::vector<std::string> StoryEvent::*field) {
      const PgResult values = db_.Query(sql);
      for (int r = 0; r < values.rows(); ++r) {
        const auto at = event_at.find(values.Int(r, 0));
        if (at == event_at.end()) continue;
        (stories[at->second.first].events[at->second.second].*field).push_back(values.Text(r, 1));
      }
    };
    add_to_events("SELECT event_id, article FROM story_event_articles ORDER BY event_id, ordinal",
                  &StoryEvent::articles);
    add_to_events("SELECT event_id, entity FROM story_event_actors ORDER BY event_id, ordinal",
                  &StoryEvent::actors);
    if (own_transaction) db_.Exec("COMMIT");
    return stories;
  } catch (...) {
    if (own_transaction && db_.InTransaction()) db_.Exec("ROLLBACK");
    throw;
  }
}

std::optional<Story> PgStore::StoryOfArticle(std::string_view external_id) {
  const PgResult row = db_.Query(
      "SELECT s.id, s.label, s.first_day, s.last_day FROM story_articles a "
      "JOIN stories s ON s.id = a.story_id WHERE a.article = $1 ORDER BY s.id LIMIT 1",
      PgParams().Add(external_id));
  if (row.rows() == 0) return std::nullopt;
  return LoadStory(static_cast<int>(row.Int(0, 0)), row.Text(0, 1), row.OptionalText(0, 2),
                   row.OptionalText(0, 3));
}

Story PgStore::LoadStory(int id, std::string label, std::optional<std::string> first,
                         std::optional<std::string> last) {
  Story story;
  story.id = id;
  story.label = std::move(label);
  story.first = std::move(first);
  story.last = std::move(last);
  const PgParams story_id = PgParams().Add(int64_t{id});
  story.articles = Strings(db_.Query(
      "SELECT article FROM story_articles WHERE story_id = $1 ORDER BY ordinal", story_id));
  const PgResult events = db_.Query(
      "SELECT id, type, day, place, summary FROM story_events WHERE story_id = $1 "
      "ORDER BY ordinal",
      story_id);
  for (int r = 0; r < events.rows(); ++r) {
    StoryEvent event;
    event.id = static_cast<int>(events.Int(r, 0));
    event.type = events.Text(r, 1);
    event.date = events.OptionalText(r, 2);
    event.place = events.OptionalText(r, 3);
    event.summary = events.Text(r, 4);
    const PgParams event_id = PgParams().Add(int64_t{event.id});
    event.articles = Strings(db_.Query(
        "SELECT article FROM story_event_articles WHERE event_id = $1 ORDER BY ordinal", event_id));
    event.actors = Strings(db_.Query(
        "SELECT entity FROM story_event_actors WHERE event_id = $1 ORDER BY ordinal", event_id));
    story.events.push_back(std::move(event));
  }
  return story;
}

std::vector<StorySplit> PgStore::LoadStorySplits() {
  const PgResult rows =
      db_.Query("SELECT from_story, into_story, article FROM story_splits ORDER BY ordinal");
  std::vector<StorySplit> splits;
  for (int r = 0; r < rows.rows(); ++r) {
    splits.push_back(
        {static_cast<int>(rows.Int(r, 0)), static_cast<int>(rows.Int(r, 1)), rows.Text(r, 2)});
  }
  return splits;
}

}  // namespace storyline
