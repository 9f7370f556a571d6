// Story retirement (step 5 of story_clusterer.h) changes no placement, splits (step 6)
// move an unrelated happening out of a story, with the history kept, and what placing an
// article reads stays within the bounds the options set.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/story_updater.h"
#include "story/calendar_day.h"
#include "story/stories_json.h"
#include "story/story_clusterer.h"
#include "topic_stream.h"

namespace storyline {
namespace {

using testing::MakeArticle;
using testing::TopicStream;

StoryClustererOptions TinyPostings(bool retire) {
  StoryClustererOptions options;
  options.story_threshold = 0.6f;  // the topics' few shared words never make one story
  options.postings_per_feature = 1;
  options.max_candidates = 4;
  options.retire_unreachable = retire;
  options.retire_after_articles = 0;
  return options;
}

std::string Placements(StoryClusterer& clusterer, const std::vector<Article>& stream) {
  std::string out;
  for (const Article& article : stream) {
    const StoryPlacement p = clusterer.Add(article, {});
    out += std::to_string(p.story) + "/" + std::to_string(p.event) + " ";
  }
  return out;
}

TEST(StoryRetirementTest, RetiringUnreachableStoriesChangesNoPlacement) {
  const std::vector<Article> stream = TopicStream();
  StoryClusterer reference(TinyPostings(false)), retiring(TinyPostings(true));
  EXPECT_EQ(Placements(retiring, stream), Placements(reference, stream));
  EXPECT_EQ(reference.retired_stories(), 0u);
  EXPECT_GT(retiring.retired_stories(), 10u);
  // Retired stories are still listed, with their events and labels.
  EXPECT_EQ(StoriesToJson(retiring.Stories()).dump(), StoriesToJson(reference.Stories()).dump());
  EXPECT_EQ(retiring.merges().size(), reference.merges().size());
}

// Candidates are scored best-ranked first until their centroids' entries would pass
// max_scored_entries; the first always is.
TEST(StoryScoringBoundTest, ScoringStopsAtTheEntryBudget) {
  const std::vector<Article> stream = TopicStream();
  size_t most_scored_unbounded = 0;
  for (const size_t budget : {size_t{0}, size_t{1}, size_t{40}}) {
    StoryClustererOptions options;
    options.max_scored_entries = budget;
    StoryClusterer clusterer(options);
    size_t most_scored = 0;
    for (const Article& article : stream) {
      const StoryClusterer::Work before = clusterer.work();
      clusterer.Add(article, {});
      const uint64_t scored = clusterer.work().candidates - before.candidates;
      const uint64_t entries = clusterer.work().centroid_entries - before.centroid_entries;
      if (budget > 0 && scored > 1) {
        EXPECT_LE(entries, budget) << article.id;
      }
      most_scored = std::max<size_t>(most_scored, scored);
    }
    if (budget == 0) most_scored_unbounded = most_scored;
    if (budget == 1) {
      EXPECT_EQ(most_scored, 1u);
    } else if (budget == 40) {
      EXPECT_LT(most_scored, most_scored_unbounded);
    }
  }
  EXPECT_GE(most_scored_unbounded, 4u);
}

// A story that gathers an event every few days: an article looks through the events near
// its own day, not all of them.
TEST(StoryScoringBoundTest, AnArticleReadsTheEventsNearItsDay) {
  StoryClusterer clusterer;
  const std::string text =
      "Flood waters rose along the Meramec river in Valley Park on Tuesday, and the "
      "mayor of Valley Park ordered the riverside homes evacuated.";
  constexpr int kDays = 40;
  uint64_t events_read = 0;
  for (int i = 0; i < kDays; ++i) {
    const CalendarDay day = *ParseIsoDay("2024-01-01") + 3 * i;
    const Article article = MakeArticle("a" + std::to_string(i), FormatIsoDay(day), text);
    const uint64_t before = clusterer.work().events;
    clusterer.Add(article, {});
    events_read = clusterer.work().events - before;
  }
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].events.size(), static_cast<size_t>(kDays));
  EXPECT_LE(events_read, 2u);
}

TEST(StoryRetirementTest, ResumingAfterRetirementMatchesOneRun) {
  const std::vector<Article> stream = TopicStream();
  StoryClusterer whole(TinyPostings(true));
  const std::string placements = Placements(whole, stream);
  StoryClusterer before(TinyPostings(true));
  const std::vector<Article> first(stream.begin(), stream.begin() + 200);
  const std::vector<Article> rest(stream.begin() + 200, stream.end());
  std::string resumed = Placements(before, first);
  std::stringstream state;
  before.Save(state);
  StoryClusterer after(TinyPostings(true));
  after.Load(state);
  EXPECT_EQ(after.retired_stories(), before.retired_stories());
  resumed += Placements(after, rest);
  EXPECT_EQ(resumed, placements);
  EXPECT_EQ(StoriesToJson(after.Stories()).dump(), StoriesToJson(whole.Stories()).dump());
}

TEST(StoryRetirementTest, QuietStoriesRetireAndKeepTheirArticles) {
  StoryClustererOptions options;
  options.retire_after_articles = 20;
  StoryClusterer clusterer(options);
  const std::vector<Article> stream = TopicStream();
  for (const Article& article : stream) clusterer.Add(article, {});
  EXPECT_GT(clusterer.retired_stories(), 10u);
  size_t articles = 0;
  for (const Story& story : clusterer.Stories()) {
    articles += story.articles.size();
    EXPECT_FALSE(story.events.empty());
  }
  EXPECT_EQ(articles, stream.size());
}

// A Peru earthquake story that took in, through a report naming both, a mine collapse
// in Chile; the collapse's own reports then show it to be a thread of its own.
const char kQuake1[] =
    "Earthquake of magnitude 6.1 strikes southern Peru\n"
    "A strong earthquake shook the Arequipa region of southern Peru on Sunday, damaging "
    "adobe homes in Chala and injuring 12 people, the geophysical institute said.";
const char kQuake2[] =
    "Aftershocks rattle Arequipa after Peru earthquake\n"
    "Aftershocks shook the Arequipa region of southern Peru, where the earthquake damaged "
    "adobe homes in Chala. The geophysical institute recorded 40 aftershocks.";
const char kQuake3[] =
    "Peru sends aid to earthquake victims in Arequipa\n"
    "Peru sent tents and food to Chala and other towns of the Arequipa region damaged by the "
    "earthquake, and engineers inspected adobe homes for cracks.";
const char kBridge[] =
    "Rescuers dig for miners after collapse in Atacama as Peru counts quake damage\n"
    "A copper mine collapsed in the Atacama desert of Chile, trapping 33 miners in the San "
    "Jose mine near Copiapo, rescuers said. In Peru, the earthquake damaged adobe homes in "
    "Chala in the Arequipa region.";
const char kMine1[] =
    "Rescuers drill toward 33 trapped miners in Chile\n"
    "Rescuers drilled toward the 33 miners trapped in the San Jose copper mine near Copiapo "
    "in the Atacama desert of Chile, mining minister Laurence Golborne said. Peru offered "
    "rescuers, as Chile had after the Arequipa earthquake.";
const char kMine2[] =
    "Families of trapped miners wait at San Jose mine\n"
    "Families of the 33 miners trapped in the San Jose copper mine near Copiapo camped at the "
    "mine in the Atacama desert as rescuers drilled, Laurence Golborne said. Peru offered "
    "rescuers, as Chile had after the Arequipa earthquake.";

std::vector<Article> QuakeThenMine() {
  return {MakeArticle("q1", "2024-01-28", kQuake1), MakeArticle("q2", "2024-01-30", kQuake2),
          MakeArticle("q3", "2024-02-02", kQuake3), MakeArticle("b", "2024-02-06", kBridge),
          MakeArticle("m1", "2024-02-06", kMine1),  MakeArticle("m2", "2024-02-06", kMine2)};
}

const Story* StoryOf(const std::vector<Story>& stories, const std::string& article) {
  for (const Story& story : stories) {
    for (const std::string& id : story.articles) {
      if (id == article) return &story;
    }
  }
  return nullptr;
}

StoryClustererOptions SplitOptions() {
  StoryClustererOptions options;
  options.split_threshold = 0.2f;
  return options;
}

TEST(StorySplitTest, AnUnrelatedHappeningSplitsOut) {
  StoryClusterer clusterer(SplitOptions());
  for (const Article& article : QuakeThenMine()) clusterer.Add(article, {});
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(clusterer.splits().size(), 1u) << StoriesToJson(stories).dump(1);
  const StorySplit& split = clusterer.splits()[0];
  const Story* quake = StoryOf(stories, "q1");
  const Story* mine = StoryOf(stories, "m1");
  ASSERT_NE(quake, nullptr);
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(quake->id, split.from);
  EXPECT_EQ(mine->id, split.into);
  EXPECT_EQ(StoryOf(stories, "q2"), quake);
  EXPECT_EQ(StoryOf(stories, "q3"), quake);
  EXPECT_EQ(StoryOf(stories, "m2"), mine);
  // Every article is in exactly one story, and in its story's events.
  size_t articles = 0;
  for (const Story& story : stories) {
    articles += story.articles.size();
    for (const StoryEvent& event : story.events) {
      for (const std::string& id : event.articles) EXPECT_EQ(StoryOf(stories, id), &story);
    }
  }
  EXPECT_EQ(articles, QuakeThenMine().size());
}

// The event that holds most of a story's articles is what the story is about: however
// little its few other articles resemble it, it does not move out and leave them behind.
TEST(StorySplitTest, TheEventOfMostArticlesStays) {
  StoryClustererOptions options;
  options.split_threshold = 0.99f;  // any event unlike the rest would split
  StoryClusterer clusterer(options);
  const std::vector<Article> stream = {
      MakeArticle("q1", "2024-01-28", kQuake1), MakeArticle("b", "2024-02-06", kBridge),
      MakeArticle("q2", "2024-01-28", kQuake1), MakeArticle("m1", "2024-02-20", kMine1),
      MakeArticle("q3", "2024-01-28", kQuake1)};
  for (const Article& article : stream) clusterer.Add(article, {});
  const std::vector<Story> stories = clusterer.Stories();
  EXPECT_TRUE(clusterer.splits().empty()) << StoriesToJson(stories).dump(1);
  EXPECT_EQ(StoryOf(stories, "q3"), StoryOf(stories, "m1"));
}

TEST(StorySplitTest, SplitsSurviveSavedStateAndTheStore) {
  const std::filesystem::path db =
      std::filesystem::temp_directory_path() / ("story_split_test_" + std::to_string(getpid()));
  std::filesystem::remove(db);
  const std::vector<Article> stream = QuakeThenMine();
  StoryClusterer whole(SplitOptions());
  for (const Article& article : stream) whole.Add(article, {});
  ASSERT_FALSE(whole.splits().empty());
  {
    auto store = OpenStore(db.string());
    StoryUpdater updater(*store, "/nonexistent/background.tsv", SplitOptions());
    for (size_t i = 0; i < 4; ++i) updater.Add(stream[i], {});
    updater.Save();
  }
  auto store = OpenStore(db.string(), OpenMode::kMustExist);
  StoryUpdater updater(*store, "/nonexistent/background.tsv", SplitOptions());
  for (size_t i = 4; i < stream.size(); ++i) updater.Add(stream[i], {});
  updater.Save();
  EXPECT_EQ(StoriesToJson(store->LoadStories()).dump(), StoriesToJson(whole.Stories()).dump());
  const std::vector<StorySplit> splits = store->LoadStorySplits();
  ASSERT_EQ(splits.size(), whole.splits().size());
  for (size_t i = 0; i < splits.size(); ++i) {
    EXPECT_EQ(splits[i].from, whole.splits()[i].from);
    EXPECT_EQ(splits[i].into, whole.splits()[i].into);
    EXPECT_EQ(splits[i].article, whole.splits()[i].article);
  }
  store.reset();
  for (const std::string suffix : {"", "-wal", "-shm", "-stories.lock"}) {
    std::filesystem::remove(db.string() + suffix);
  }
}

}  // namespace
}  // namespace storyline
