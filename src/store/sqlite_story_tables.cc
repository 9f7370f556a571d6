// SqliteStore's story tables (schema steps 2 and 7): the clusterer state blob, and the
// stories, events, merges and splits it reports, brought up to date together after each
// ingest by the changes it reports (StoryChanges).
#include <map>
#include <unordered_map>
#include <utility>

#include "store/sqlite_store.h"

namespace storyline {
namespace {

// The statements that write stories' rows, prepared once per change set.
class StoryRows {
 public:
  explicit StoryRows(SqliteDb& db) : db_(db) {}

  // Every row of story `id`: its events' articles and actors, its events, its articles.
  void Delete(int id) {
    for (SqliteStatement* remove : {&delete_event_articles_, &delete_event_actors_, &delete_events_,
                                    &delete_articles_, &delete_story_}) {
      remove->Bind(1, int64_t{id}).Run();
    }
  }

  // A story whose rows are gone (Delete) or never were.
  void Insert(const Story& story) {
    Upsert(story.id, story.label, story.first, story.last);
    InsertStrings(insert_article_, story.id, 0, story.articles);
    for (size_t i = 0; i < story.events.size(); ++i) Upsert(story.id, i, story.events[i]);
  }

  // Brings the rows of story `update.id` up to date (StoryUpdate::ApplyTo); a replacing
  // update after Delete.
  void Apply(const StoryUpdate& update) {
    Upsert(update.id, update.label, update.first, update.last);
    InsertStrings(insert_article_, update.id, update.first_new_article, update.new_articles);
    for (const auto& [place, event] : update.changed_events) Upsert(update.id, place, event);
    for (const auto& [place, event_id] : update.moved_events) {
      move_event_.Bind(1, static_cast<int64_t>(place)).Bind(2, int64_t{event_id}).Run();
    }
  }

  // Merges and splits after those already stored, in order.
  void Append(const std::vector<StoryMerge>& merges, const std::vector<StorySplit>& splits) {
    int64_t ordinal = NextOrdinal("story_merges");
    for (const StoryMerge& merge : merges) {
      insert_merge_.Bind(1, ordinal++).Bind(2, int64_t{merge.into});
      insert_merge_.Bind(3, int64_t{merge.from}).Bind(4, std::string_view(merge.article)).Run();
    }
    ordinal = NextOrdinal("story_splits");
    for (const StorySplit& split : splits) {
      insert_split_.Bind(1, ordinal++).Bind(2, int64_t{split.from});
      insert_split_.Bind(3, int64_t{split.into}).Bind(4, std::string_view(split.article)).Run();
    }
  }

 private:
  static void InsertStrings(SqliteStatement& insert, int64_t owner, size_t first_ordinal,
                            const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      insert.Bind(1, owner)
          .Bind(2, static_cast<int64_t>(first_ordinal + i))
          .Bind(3, std::string_view(values[i]))
          .Run();
    }
  }

  void Upsert(int id, std::string_view label, const std::optional<std::string>& first,
              const std::optional<std::string>& last) {
    upsert_story_.Bind(1, int64_t{id}).Bind(2, label).Bind(3, first);
    upsert_story_.Bind(4, last).Run();
  }

  // The event's row at `place` of story `story_id`, and its articles and actors anew.
  void Upsert(int story_id, size_t place, const StoryEvent& event) {
    for (SqliteStatement* remove : {&delete_articles_of_event_, &delete_actors_of_event_}) {
      remove->Bind(1, int64_t{event.id}).Run();
    }
    upsert_event_.Bind(1, int64_t{event.id}).Bind(2, int64_t{story_id});
    upsert_event_.Bind(3, static_cast<int64_t>(place))
        .Bind(4, std::string_view(event.type))
        .Bind(5, event.date);
    upsert_event_.Bind(6, event.place).Bind(7, std::string_view(event.summary)).Run();
    InsertStrings(insert_event_article_, event.id, 0, event.articles);
    InsertStrings(insert_event_actor_, event.id, 0, event.actors);
  }

  int64_t NextOrdinal(const std::string& table) {
    SqliteStatement select(db_, "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM " + table);
    select.Step();
    return select.ColumnInt(0);
  }

  SqliteDb& db_;
  SqliteStatement delete_event_articles_{db_,
                                         "DELETE FROM story_event_articles WHERE event_id IN "
                                         "(SELECT id FROM story_events WHERE story_id = ?)"};
  SqliteStatement delete_event_actors_{db_,
                                       "DELETE FROM story_event_actors WHERE event_id IN "
                                       "(SELECT id FROM story_events WHERE story_id = ?)"};
  SqliteStatement delete_events_{db_, "DELETE FROM story_events WHERE story_id = ?"};
  SqliteStatement delete_articles_{db_, "DELETE FROM story_articles WHERE story_id = ?"};
  SqliteStatement delete_story_{db_, "DELETE FROM stories WHERE id = ?"};
  SqliteStatement upsert_story_{
      db_,
      "INSERT INTO stories (id, label, first_day, last_day) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, "
      "last_day = excluded.last_day"};
  SqliteStatement insert_article_{
      db_, "INSERT INTO story_articles (story_id, ordinal, article) VALUES (?, ?, ?)"};
  SqliteStatement upsert_event_{
      db_,
      "INSERT INTO story_events (id, story_id, ordinal, type, day, place, summary) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET story_id = "
      "excluded.story_id, ordinal = excluded.ordinal, type = excluded.type, day = excluded.day, "
      "place = excluded.place, summary = excluded.summary"};
  SqliteStatement move_event_{db_, "UPDATE story_events SET ordinal = ? WHERE id = ?"};
  SqliteStatement delete_articles_of_event_{db_,
                                            "DELETE FROM story_event_articles WHERE event_id = ?"};
  SqliteStatement delete_actors_of_event_{db_, "DELETE FROM story_event_actors WHERE event_id = ?"};
  SqliteStatement insert_event_article_{
      db_, "INSERT INTO story_event_articles (event_id, ordinal, article) VALUES (?, ?, ?)"};
  SqliteStatement insert_event_actor_{
      db_, "INSERT INTO story_event_actors (event_id, ordinal, entity) VALUES (?, ?, ?)"};
  SqliteStatement insert_merge_{
      db_,
      "INSERT INTO story_merges (ordinal, into_story, from_story, article) VALUES (?, ?, ?, ?)"};
  SqliteStatement insert_split_{
      db_,
      "INSERT INTO story_splits (ordinal, from_story, into_story, article) VALUES (?, ?, ?, ?)"};
};

// Every deletion comes before any insertion: an event that moved between two stories (a
// merge, a split) keeps its id, and its rows under the story it left go first.
void WriteChanges(SqliteDb& db, const SavedStoryState& state, const StoryChanges& changes) {
  if (changes.complete) {
    for (const char* table : {"story_event_actors", "story_event_articles", "story_events",
                              "story_articles", "stories", "story_merges", "story_splits"}) {
      db.Exec(std::string("DELETE FROM ") + table);
    }
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
  // Deleted, then inserted: the old blob's pages are reused at once, where INSERT OR
  // REPLACE leaves them free and grows the file by a state's size.
  db.Exec("DELETE FROM story_state");
  SqliteStatement(db, "INSERT INTO story_state (id, state, placed_through) VALUES (1, ?, ?)")
      .BindBlob(1, {reinterpret_cast<const uint8_t*>(state.blob.data()), state.blob.size()})
      .Bind(2, state.placed_through)
      .Run();
}

std::vector<std::string> SelectStrings(SqliteDb& db, std::string_view sql, int64_t owner) {
  SqliteStatement select(db, sql);
  select.Bind(1, owner);
  std::vector<std::string> values;
  while (select.Step()) values.push_back(select.ColumnText(0));
  return values;
}

}  // namespace

void SqliteStore::ClaimStories(const std::function<void(const std::string&)>& on_wait,
                               std::chrono::seconds timeout) {
  if (stories_claim_) return;
  stories_claim_ = std::make_unique<ExclusiveFileLock>(path_ + "-stories.lock", on_wait, timeout);
}

SavedStoryState SqliteStore::LoadStoryState() {
  SavedStoryState saved;
  SqliteStatement select(db_, "SELECT state, placed_through FROM story_state WHERE id = 1");
  if (!select.Step()) return saved;
  const auto blob = select.ColumnBlob(0);
  saved.blob.assign(reinterpret_cast<const char*>(blob.data()), blob.size());
  saved.placed_through = select.ColumnInt(1);
  return saved;
}

void SqliteStore::SaveStoryChanges(const SavedStoryState& state, const StoryChanges& changes) {
  db_.Exec("BEGIN IMMEDIATE");
  try {
    WriteChanges(db_, state, changes);
    db_.Exec("COMMIT");
  } catch (...) {
    db_.Exec("ROLLBACK");
    throw;
  }
}

std::vector<Story> SqliteStore::LoadStories() {
  // One pass over each table rather than a query per story and per event: a store of
  // 100,000 articles holds thousands of stories, and the per-story queries took seconds.
  std::vector<Story> stories;
  std::unordered_map<int64_t, size_t> story_at;
  SqliteStatement select_stories(db_,
                                 "SELECT id, label, first_day, last_day FROM stories ORDER BY id");
  while (select_stories.Step()) {
    Story story;
    story.id = static_cast<int>(select_stories.ColumnInt(0));
    story.label = select_stories.ColumnText(1);
    story.first = select_stories.ColumnOptionalText(2);
    story.last = select_stories.ColumnOptionalText(3);
    story_at.emplace(story.id, stories.size());
    stories.push_back(std::move(story));
  }
  SqliteStatement select_articles(
      db_, "SELECT story_id, article FROM story_articles ORDER BY story_id, ordinal");
  while (select_articles.Step()) {
    const auto at = story_at.find(select_articles.ColumnInt(0));
    if (at != story_at.end()) stories[at->second].articles.push_back(select_articles.ColumnText(1));
  }
  // By event id, the story and the place in its events.
  std::unordered_map<int64_t, std::pair<size_t, size_t>> event_at;
  SqliteStatement select_events(db_,
                                "SELECT story_id, id, type, day, place, summary FROM story_events "
                                "ORDER BY story_id, ordinal");
  while (select_events.Step()) {
    const auto at = story_at.find(select_events.ColumnInt(0));
    if (at == story_at.end()) continue;
    StoryEvent event;
    event.id = static_cast<int>(select_events.ColumnInt(1));
    event.type = select_events.ColumnText(2);
    event.date = select_events.ColumnOptionalText(3);
    event.place = select_events.ColumnOptionalText(4);
    event.summary = select_events.ColumnText(5);
    std::vector<StoryEvent>& events = stories[at->second].events;
    event_at.emplace(event.id, std::pair(at->second, events.size()));
    events.push_back(std::move(event));
  }
  auto add_to_events = [&](std::string_view sql, std::vector<std::string> StoryEvent::*field) {
    SqliteStatement select(db_, sql);
    while (select.Step()) {
      const auto at = event_at.find(select.ColumnInt(0));
      if (at == event_at.end()) continue;
      (stories[at->second.first].events[at->second.second].*field).push_back(select.ColumnText(1));
    }
  };
  add_to_events("SELECT event_id, article FROM story_event_articles ORDER BY event_id, ordinal",
                &StoryEvent::articles);
  add_to_events("SELECT event_id, entity FROM story_event_actors ORDER BY event_id, ordinal",
                &StoryEvent::actors);
  return stories;
}

std::optional<Story> SqliteStore::StoryOfArticle(std::string_view external_id) {
  SqliteStatement select(db_,
                         "SELECT s.id, s.label, s.first_day, s.last_day FROM story_articles a "
                         "JOIN stories s ON s.id = a.story_id WHERE a.article = ? LIMIT 1");
  select.Bind(1, external_id);
  if (!select.Step()) return std::nullopt;
  return LoadStory(static_cast<int>(select.ColumnInt(0)), select.ColumnText(1),
                   select.ColumnOptionalText(2), select.ColumnOptionalText(3));
}

Story SqliteStore::LoadStory(int id, std::string label, std::optional<std::string> first,
                             std::optional<std::string> last) {
  Story story;
  story.id = id;
  story.label = std::move(label);
  story.first = std::move(first);
  story.last = std::move(last);
  story.articles = SelectStrings(
      db_, "SELECT article FROM story_articles WHERE story_id = ? ORDER BY ordinal", story.id);
  SqliteStatement select_events(db_,
                                "SELECT id, type, day, place, summary FROM story_events "
                                "WHERE story_id = ? ORDER BY ordinal");
  select_events.Bind(1, int64_t{story.id});
  while (select_events.Step()) {
    StoryEvent event;
    event.id = static_cast<int>(select_events.ColumnInt(0));
    event.type = select_events.ColumnText(1);
    event.date = select_events.ColumnOptionalText(2);
    event.place = select_events.ColumnOptionalText(3);
    event.summary = select_events.ColumnText(4);
    event.articles = SelectStrings(
        db_, "SELECT article FROM story_event_articles WHERE event_id = ? ORDER BY ordinal",
        event.id);
    event.actors = SelectStrings(
        db_, "SELECT entity FROM story_event_actors WHERE event_id = ? ORDER BY ordinal", event.id);
    story.events.push_back(std::move(event));
  }
  return story;
}

std::vector<StorySplit> SqliteStore::LoadStorySplits() {
  SqliteStatement select(
      db_, "SELECT from_story, into_story, article FROM story_splits ORDER BY ordinal");
  std::vector<StorySplit> splits;
  while (select.Step()) {
    splits.push_back({static_cast<int>(select.ColumnInt(0)), static_cast<int>(select.ColumnInt(1)),
                      select.ColumnText(2)});
  }
  return splits;
}

}  // namespace storyline
