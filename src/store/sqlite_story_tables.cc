// SqliteStore's story tables (schema steps 2 and 7): the clusterer state blob, and the
// stories, events, merges and splits it reports, rewritten together after each ingest.
#include <map>

#include "store/sqlite_store.h"

namespace storyline {
namespace {

void InsertStrings(SqliteDb& db, std::string_view sql, int64_t owner,
                   const std::vector<std::string>& values) {
  SqliteStatement insert(db, sql);
  for (size_t i = 0; i < values.size(); ++i) {
    insert.Bind(1, owner)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, std::string_view(values[i]))
        .Run();
  }
}

std::vector<std::string> SelectStrings(SqliteDb& db, std::string_view sql, int64_t owner) {
  SqliteStatement select(db, sql);
  select.Bind(1, owner);
  std::vector<std::string> values;
  while (select.Step()) values.push_back(select.ColumnText(0));
  return values;
}

void WriteStories(SqliteDb& db, std::string_view state, const std::vector<Story>& stories,
                  const std::vector<StoryMerge>& merges, const std::vector<StorySplit>& splits) {
  for (const char* table :
       {"story_event_actors", "story_event_articles", "story_events", "story_articles", "stories",
        "story_merges", "story_splits", "story_state"}) {
    db.Exec(std::string("DELETE FROM ") + table);
  }
  SqliteStatement(db, "INSERT INTO story_state (id, state) VALUES (1, ?)")
      .BindBlob(1, {reinterpret_cast<const uint8_t*>(state.data()), state.size()})
      .Run();
  SqliteStatement insert_story(
      db, "INSERT INTO stories (id, label, first_day, last_day) VALUES (?, ?, ?, ?)");
  SqliteStatement insert_event(db,
                               "INSERT INTO story_events (id, story_id, ordinal, type, day, "
                               "place, summary) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Story& story : stories) {
    insert_story.Bind(1, int64_t{story.id})
        .Bind(2, std::string_view(story.label))
        .Bind(3, story.first);
    insert_story.Bind(4, story.last).Run();
    InsertStrings(db, "INSERT INTO story_articles (story_id, ordinal, article) VALUES (?, ?, ?)",
                  story.id, story.articles);
    for (size_t i = 0; i < story.events.size(); ++i) {
      const StoryEvent& event = story.events[i];
      insert_event.Bind(1, int64_t{event.id}).Bind(2, int64_t{story.id});
      insert_event.Bind(3, static_cast<int64_t>(i))
          .Bind(4, std::string_view(event.type))
          .Bind(5, event.date);
      insert_event.Bind(6, event.place).Bind(7, std::string_view(event.summary)).Run();
      InsertStrings(db,
                    "INSERT INTO story_event_articles (event_id, ordinal, article) "
                    "VALUES (?, ?, ?)",
                    event.id, event.articles);
      InsertStrings(db,
                    "INSERT INTO story_event_actors (event_id, ordinal, entity) VALUES (?, ?, ?)",
                    event.id, event.actors);
    }
  }
  SqliteStatement insert_merge(
      db,
      "INSERT INTO story_merges (ordinal, into_story, from_story, article) VALUES (?, ?, ?, ?)");
  for (size_t i = 0; i < merges.size(); ++i) {
    insert_merge.Bind(1, static_cast<int64_t>(i)).Bind(2, int64_t{merges[i].into});
    insert_merge.Bind(3, int64_t{merges[i].from})
        .Bind(4, std::string_view(merges[i].article))
        .Run();
  }
  SqliteStatement insert_split(
      db,
      "INSERT INTO story_splits (ordinal, from_story, into_story, article) VALUES (?, ?, ?, ?)");
  for (size_t i = 0; i < splits.size(); ++i) {
    insert_split.Bind(1, static_cast<int64_t>(i)).Bind(2, int64_t{splits[i].from});
    insert_split.Bind(3, int64_t{splits[i].into})
        .Bind(4, std::string_view(splits[i].article))
        .Run();
  }
}

}  // namespace

std::string SqliteStore::LoadStoryState() {
  SqliteStatement select(db_, "SELECT state FROM story_state WHERE id = 1");
  if (!select.Step()) return "";
  const auto blob = select.ColumnBlob(0);
  return std::string(reinterpret_cast<const char*>(blob.data()), blob.size());
}

void SqliteStore::SaveStories(std::string_view state, const std::vector<Story>& stories,
                              const std::vector<StoryMerge>& merges,
                              const std::vector<StorySplit>& splits) {
  db_.Exec("BEGIN IMMEDIATE");
  try {
    WriteStories(db_, state, stories, merges, splits);
    db_.Exec("COMMIT");
  } catch (...) {
    db_.Exec("ROLLBACK");
    throw;
  }
}

std::vector<Story> SqliteStore::LoadStories() {
  std::vector<Story> stories;
  SqliteStatement select_stories(db_,
                                 "SELECT id, label, first_day, last_day FROM stories ORDER BY id");
  while (select_stories.Step()) {
    Story story;
    story.id = static_cast<int>(select_stories.ColumnInt(0));
    story.label = select_stories.ColumnText(1);
    story.first = select_stories.ColumnOptionalText(2);
    story.last = select_stories.ColumnOptionalText(3);
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
          db_, "SELECT entity FROM story_event_actors WHERE event_id = ? ORDER BY ordinal",
          event.id);
      story.events.push_back(std::move(event));
    }
    stories.push_back(std::move(story));
  }
  return stories;
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
