// Stories are saved by their changes (StoryClusterer::TakeChanges, Store::SaveStoryChanges):
// an ingest in several runs writes the story tables of one run, a save writes only the
// stories that changed, a retired story is written once and then dropped from the
// clusterer, and a store whose state is of version 4 (retired stories held whole) resumes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../story/topic_stream.h"
#include "../support/test_paths.h"
#include "gunzip_fixture.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/story_updater.h"
#include "story/stories_json.h"
#include "story/story_clusterer.h"

namespace storyline {
namespace {

using testing::GunzipFixture;
using testing::MakeArticle;
using testing::TopicArticle;
using testing::TopicStream;

// Quiet stories retire 20 articles on: most of TopicStream's stories retire.
StoryClustererOptions QuickRetirement() {
  StoryClustererOptions options;
  options.retire_after_articles = 20;
  return options;
}

// ECB+ in file order (shared/data/ecbplus), empty when absent.
std::vector<Article> EcbPlus() {
  std::ifstream corpus(std::string(storyline::test_paths::SharedDir()) +
                       "/data/ecbplus/ecbplus.jsonl");
  std::vector<Article> stream;
  for (std::string line; std::getline(corpus, line);) {
    const auto record = nlohmann::json::parse(line);
    stream.push_back(MakeArticle(record["doc_id"], "", record["text"]));
  }
  return stream;
}

class TempStore {
 public:
  explicit TempStore(const std::string& name)
      : path_((std::filesystem::temp_directory_path() /
               ("story_changes_test_" + std::to_string(getpid()) + "_" + name))
                  .string()) {
    Remove();
  }
  ~TempStore() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) {
      std::filesystem::remove(path_ + suffix);
    }
  }
  std::string path_;
};

// Every row of the story tables, in key order, one line each.
std::string StoryTables(const std::string& path) {
  SqliteDb db(path, 1000);
  std::string rows;
  for (const char* query : {
           "SELECT id || quote(label) || quote(first_day) || quote(last_day) FROM stories "
           "ORDER BY id",
           "SELECT story_id || ' ' || ordinal || quote(article) FROM story_articles "
           "ORDER BY story_id, ordinal",
           "SELECT id || ' ' || story_id || ' ' || ordinal || quote(type) || quote(day) || "
           "quote(place) || quote(summary) FROM story_events ORDER BY id",
           "SELECT event_id || ' ' || ordinal || quote(article) FROM story_event_articles "
           "ORDER BY event_id, ordinal",
           "SELECT event_id || ' ' || ordinal || quote(entity) FROM story_event_actors "
           "ORDER BY event_id, ordinal",
           "SELECT ordinal || ' ' || into_story || ' ' || from_story || quote(article) "
           "FROM story_merges ORDER BY ordinal",
           "SELECT ordinal || ' ' || from_story || ' ' || into_story || quote(article) "
           "FROM story_splits ORDER BY ordinal",
       }) {
    rows += std::string(query) + "\n";
    for (SqliteStatement select(db, query); select.Step();) rows += select.ColumnText(0) + "\n";
  }
  return rows;
}

int64_t Count(const std::string& path, const std::string& query) {
  SqliteDb db(path, 1000);
  SqliteStatement select(db, query);
  select.Step();
  return select.ColumnInt(0);
}

// Ingests `stream` into a new store at `path`, saving after every `run` articles, each
// run with an updater of its own, as `storyline ingest` runs do.
void IngestInRuns(const std::string& path, const std::vector<Article>& stream, size_t run,
                  const StoryClustererOptions& options) {
  for (size_t start = 0; start < stream.size(); start += run) {
    auto store = OpenStore(path);
    StoryUpdater updater(*store, "/nonexistent/background.tsv", options);
    for (size_t i = start; i < std::min(start + run, stream.size()); ++i) {
      updater.Add(stream[i], {});
    }
    updater.Save();
  }
}

// Several runs write the tables of one run, and those hold what a clusterer that never
// let go of a story reports.
void ExpectRunsWriteTheTablesOfOneRun(const std::vector<Article>& stream, size_t run,
                                      const StoryClustererOptions& options) {
  TempStore one_run("one"), in_runs("runs");
  IngestInRuns(one_run.path(), stream, stream.size(), options);
  IngestInRuns(in_runs.path(), stream, run, options);
  EXPECT_EQ(StoryTables(in_runs.path()), StoryTables(one_run.path()));
  StoryClusterer whole(options);
  for (const Article& article : stream) whole.Add(article, {});
  auto store = OpenStore(in_runs.path(), OpenMode::kMustExist);
  EXPECT_EQ(StoriesToJson(store->LoadStories()).dump(), StoriesToJson(whole.Stories()).dump());
  EXPECT_EQ(Count(in_runs.path(), "SELECT COUNT(*) FROM story_merges"), whole.merges().size());
  EXPECT_EQ(store->LoadStorySplits().size(), whole.splits().size());
}

TEST(StoryChangesTest, IngestInRunsWritesTheTablesOfOneRun) {
  ExpectRunsWriteTheTablesOfOneRun(TopicStream(), 60, QuickRetirement());
  ExpectRunsWriteTheTablesOfOneRun(TopicStream(), 25, StoryClustererOptions());
}

// Thresholds with which ECB+ merges, splits and retires stories (the test asserts it does).
StoryClustererOptions EcbPlusChurn() {
  StoryClustererOptions options;
  options.retire_after_articles = 150;
  options.split_threshold = 0.3f;
  options.merge_threshold = 0.45f;
  return options;
}

TEST(StoryChangesTest, IngestOfEcbPlusInRunsWritesTheTablesOfOneRun) {
  const std::vector<Article> stream = EcbPlus();
  ASSERT_FALSE(stream.empty()) << "shared/data/ecbplus/ecbplus.jsonl is missing";
  StoryClusterer whole(EcbPlusChurn());
  for (const Article& article : stream) whole.Add(article, {});
  ASSERT_GT(whole.merges().size(), 0u);
  ASSERT_GT(whole.splits().size(), 0u);
  ASSERT_GT(whole.retired_stories(), 0u);
  ExpectRunsWriteTheTablesOfOneRun(stream, 50, EcbPlusChurn());
}

// Applies `changes` to `stories` (by id), as a store does.
void Apply(const StoryChanges& changes, std::map<int, Story>& stories) {
  if (changes.complete) stories.clear();
  for (const int id : changes.merged_away) stories.erase(id);
  for (const Story& story : changes.retired) stories[story.id] = story;
  for (const StoryUpdate& update : changes.changed) update.ApplyTo(stories[update.id]);
}

std::string Json(const std::map<int, Story>& stories) {
  std::vector<Story> list;
  list.reserve(stories.size());
  for (const auto& [id, story] : stories) list.push_back(story);
  return StoriesToJson(list).dump();
}

TEST(StoryChangesTest, RetiredStoriesAreHandedOutOnceAndDropped) {
  const std::vector<Article> stream = TopicStream();
  StoryClusterer whole(QuickRetirement()), taking(QuickRetirement());
  std::map<int, Story> applied;
  std::set<int> handed_out;
  for (size_t i = 0; i < stream.size(); ++i) {
    whole.Add(stream[i], {});
    taking.Add(stream[i], {});
    if (i % 25 != 24 && i + 1 != stream.size()) continue;
    const StoryChanges changes = taking.TakeChanges();
    EXPECT_FALSE(changes.complete);
    for (const StoryUpdate& update : changes.changed) {
      EXPECT_FALSE(handed_out.contains(update.id));
    }
    for (const Story& story : changes.retired) {
      EXPECT_TRUE(handed_out.insert(story.id).second) << "story " << story.id << " twice";
    }
    Apply(changes, applied);
    // What is held is what is live: the live stories' articles, no retired story's.
    size_t live_articles = 0;
    for (const Story& story : taking.Stories()) {
      EXPECT_FALSE(handed_out.contains(story.id));
      live_articles += story.articles.size();
    }
    EXPECT_EQ(taking.HeldArticles(), live_articles);
  }
  EXPECT_EQ(handed_out.size(), taking.retired_stories());
  EXPECT_GT(handed_out.size(), 100u);
  EXPECT_LT(taking.HeldArticles(), stream.size() / 4);
  EXPECT_EQ(whole.HeldArticles(), stream.size());
  EXPECT_EQ(Json(applied), StoriesToJson(whole.Stories()).dump());
  std::ostringstream taken_state, whole_state;
  taking.Save(taken_state);
  whole.Save(whole_state);
  EXPECT_LT(taken_state.str().size(), whole_state.str().size() / 2);
}

// Every merge, split and retirement reaches the changes: applied one article at a time,
// they rebuild what a clusterer that never let go of a story holds.
TEST(StoryChangesTest, ChangesAfterEveryArticleRebuildTheStories) {
  const std::vector<Article> stream = EcbPlus();
  ASSERT_FALSE(stream.empty()) << "shared/data/ecbplus/ecbplus.jsonl is missing";
  StoryClusterer whole(EcbPlusChurn()), taking(EcbPlusChurn());
  std::map<int, Story> applied;
  size_t merges = 0, splits = 0;
  for (const Article& article : stream) {
    whole.Add(article, {});
    taking.Add(article, {});
    const StoryChanges changes = taking.TakeChanges();
    merges += changes.merges.size();
    splits += changes.splits.size();
    Apply(changes, applied);
  }
  EXPECT_EQ(Json(applied), StoriesToJson(whole.Stories()).dump());
  EXPECT_EQ(merges, whole.merges().size());
  EXPECT_EQ(splits, whole.splits().size());
}

TEST(StoryChangesTest, ChangesNotYetTakenSurviveSaveAndLoad) {
  const std::vector<Article> stream = TopicStream();
  StoryClusterer whole(QuickRetirement()), before(QuickRetirement());
  std::map<int, Story> applied, whole_applied;
  for (size_t i = 0; i < stream.size(); ++i) {
    whole.Add(stream[i], {});
    if (i < 150) before.Add(stream[i], {});
    if (i == 99) Apply(before.TakeChanges(), applied);
  }
  Apply(whole.TakeChanges(), whole_applied);
  std::stringstream state;
  before.Save(state);
  StoryClusterer after(QuickRetirement());
  after.Load(state);
  EXPECT_EQ(StoriesToJson(after.Stories()).dump(), StoriesToJson(before.Stories()).dump());
  for (size_t i = 150; i < stream.size(); ++i) after.Add(stream[i], {});
  Apply(after.TakeChanges(), applied);
  EXPECT_EQ(Json(applied), Json(whole_applied));
}

TEST(StoryChangesTest, ASaveAfterOneArticleWritesOnlyItsStory) {
  TempStore store_file("one-article");
  const std::vector<Article> stream = TopicStream();
  IngestInRuns(store_file.path(), {stream.begin(), stream.begin() + 100}, 100, {});
  const std::string topic_story = "(SELECT story_id FROM story_articles WHERE article = 't10-0')";
  const int64_t topic_articles = Count(
      store_file.path(), "SELECT COUNT(*) FROM story_articles WHERE story_id = " + topic_story);
  const int64_t topic_events =
      Count(store_file.path(), "SELECT COUNT(*) FROM story_events WHERE story_id = " + topic_story);
  {
    // Marks on every row a save would write again, where the clusterer never reads them.
    SqliteDb db(store_file.path(), 1000);
    db.Exec("UPDATE stories SET label = 'untouched'");
    db.Exec("UPDATE story_events SET summary = 'untouched'");
  }
  IngestInRuns(store_file.path(), {TopicArticle(10, 2)}, 1, {});
  // The story that took it is updated, and no other; of its rows, only the new article's
  // and those of the event it joined or opened.
  EXPECT_EQ(Count(store_file.path(), "SELECT COUNT(*) FROM stories WHERE label != 'untouched'"), 1);
  EXPECT_EQ(
      Count(store_file.path(),
            "SELECT COUNT(*) FROM stories WHERE label != 'untouched' AND id = " + topic_story),
      1);
  EXPECT_EQ(Count(store_file.path(),
                  "SELECT COUNT(*) FROM story_articles WHERE article = 't10-2' AND story_id = " +
                      topic_story),
            1);
  EXPECT_EQ(Count(store_file.path(),
                  "SELECT COUNT(*) FROM story_articles WHERE story_id = " + topic_story),
            topic_articles + 1);
  EXPECT_EQ(Count(store_file.path(), "SELECT COUNT(*) FROM story_articles"), 101);
  EXPECT_EQ(Count(store_file.path(),
                  "SELECT COUNT(*) FROM story_events WHERE summary != "
                  "'untouched' AND story_id = " +
                      topic_story),
            1);
  EXPECT_GE(Count(store_file.path(),
                  "SELECT COUNT(*) FROM story_events WHERE summary = "
                  "'untouched' AND story_id = " +
                      topic_story),
            topic_events - 1);
  EXPECT_EQ(
      Count(store_file.path(), "SELECT COUNT(*) FROM story_events WHERE summary != 'untouched'"),
      1);
}

// tests/data/store/topics-000-199.state4.db.gz: the story tables and state (version 4,
// the last before changes were tracked) that StoryUpdater of commit 5f76b48 saved after
// the first 200 articles of TopicStream with QuickRetirement: 72 stories, 62 of them
// retired and held whole in the state.
const char kVersion4Store[] = "/tests/data/store/topics-000-199.state4.db.gz";

// The options that commit wrote it with: QuickRetirement under that commit's defaults.
StoryClustererOptions Version4Options() {
  StoryClustererOptions options = QuickRetirement();
  options.split_threshold = 0.2f;
  return options;
}

TEST(StoryChangesTest, AVersion4StateLoadsWithItsRetiredStories) {
  TempStore store_file("v4-state");
  GunzipFixture(std::string(storyline::test_paths::SourceDir()) + kVersion4Store,
                store_file.path());
  auto store = OpenStore(store_file.path(), OpenMode::kMustExist);
  std::istringstream state(store->LoadStoryState().blob);
  StoryClusterer clusterer(QuickRetirement());
  clusterer.Load(state);
  EXPECT_EQ(clusterer.retired_stories(), 62u);
  EXPECT_EQ(StoriesToJson(clusterer.Stories()).dump(), StoriesToJson(store->LoadStories()).dump());
  const StoryChanges changes = clusterer.TakeChanges();
  EXPECT_TRUE(changes.complete);
  EXPECT_EQ(changes.retired.size(), 62u);
  EXPECT_EQ(changes.changed.size(), 10u);
  EXPECT_EQ(clusterer.Stories().size(), 10u);
}

TEST(StoryChangesTest, AVersion4StoreResumesToTheTablesOfOneRun) {
  TempStore resumed("v4-resumed"), one_run("v4-one-run");
  GunzipFixture(std::string(storyline::test_paths::SourceDir()) + kVersion4Store, resumed.path());
  const std::vector<Article> stream = TopicStream();
  IngestInRuns(resumed.path(), {stream.begin() + 200, stream.end()}, 100, Version4Options());
  IngestInRuns(one_run.path(), stream, stream.size(), Version4Options());
  EXPECT_EQ(StoryTables(resumed.path()), StoryTables(one_run.path()));
  EXPECT_EQ(Count(resumed.path(), "SELECT COUNT(*) FROM story_articles"), 400);
  EXPECT_EQ(Count(resumed.path(), "SELECT COUNT(DISTINCT article) FROM story_articles"), 400);
}

}  // namespace
}  // namespace storyline
