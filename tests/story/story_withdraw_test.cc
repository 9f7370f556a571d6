// StoryClusterer::Withdraw: an article placed before leaves its story and events, so that
// its new version can be placed by its own text.
#include <gtest/gtest.h>

#include <algorithm>

#include "story/story_clusterer.h"

namespace storyline {
namespace {

Article MakeArticle(std::string id, std::string published, std::string text) {
  Article article;
  article.id = std::move(id);
  article.published = std::move(published);
  article.text = std::move(text);
  return article;
}

const char kCall[] =
    "Biden and Netanyahu speak by phone as rift over Rafah grows\n"
    "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Monday, "
    "the White House said, urging him not to launch a ground offensive in Rafah. The two "
    "leaders discussed hostages held by Hamas in Gaza and humanitarian aid deliveries.";
const char kQuake[] =
    "Earthquake of magnitude 6.1 strikes southern Peru\n"
    "A strong earthquake shook the Arequipa region of southern Peru on Sunday, damaging "
    "adobe homes in Chala and injuring 12 people, the geophysical institute said.";

size_t Listings(const std::vector<Story>& stories, const std::string& article) {
  size_t listed = 0;
  for (const Story& story : stories) {
    listed += std::count(story.articles.begin(), story.articles.end(), article);
    for (const StoryEvent& event : story.events) {
      listed += std::count(event.articles.begin(), event.articles.end(), article);
    }
  }
  return listed;
}

TEST(StoryWithdrawTest, AWithdrawnArticleLeavesItsStoryAndEvents) {
  StoryClusterer clusterer;
  const Article a1 = MakeArticle("a1", "2024-03-18", kCall);
  const Article a2 = MakeArticle("a2", "2024-03-18", kCall);
  const int story = clusterer.Add(a1, {}).story;
  ASSERT_EQ(clusterer.Add(a2, {}).story, story);
  clusterer.TakeChanges();

  ASSERT_TRUE(clusterer.Withdraw(a1, {}));
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].articles, std::vector<std::string>{"a2"});
  EXPECT_EQ(Listings(stories, "a1"), 0u);
  EXPECT_GT(Listings(stories, "a2"), 0u);
  // The store's copy is replaced whole: an article left from the middle of the list.
  const StoryChanges changes = clusterer.TakeChanges();
  ASSERT_EQ(changes.changed.size(), 1u);
  EXPECT_TRUE(changes.changed[0].replace);
  EXPECT_EQ(changes.changed[0].new_articles, std::vector<std::string>{"a2"});

  // Withdrawn twice, or never placed: nothing to take back.
  EXPECT_FALSE(clusterer.Withdraw(a1, {}));
  EXPECT_FALSE(clusterer.Withdraw(MakeArticle("x", "2024-03-18", kCall), {}));
}

TEST(StoryWithdrawTest, TheNewVersionIsPlacedByItsOwnText) {
  StoryClusterer clusterer;
  const Article a1 = MakeArticle("a1", "2024-03-18", kCall);
  const int call_story = clusterer.Add(a1, {}).story;
  clusterer.Add(MakeArticle("a2", "2024-03-18", kCall), {});
  const int quake_story = clusterer.Add(MakeArticle("q1", "2024-01-28", kQuake), {}).story;
  ASSERT_NE(call_story, quake_story);

  ASSERT_TRUE(clusterer.Withdraw(a1, {}));
  EXPECT_EQ(clusterer.Add(MakeArticle("a1", "2024-01-28", kQuake), {}).story, quake_story);
  size_t listed = 0;
  for (const Story& story : clusterer.Stories()) {
    listed += std::count(story.articles.begin(), story.articles.end(), "a1");
  }
  EXPECT_EQ(listed, 1u);
}

TEST(StoryWithdrawTest, AStoryLeftEmptyGoesFromTheStore) {
  StoryClusterer clusterer;
  const Article q1 = MakeArticle("q1", "2024-01-28", kQuake);
  const int story = clusterer.Add(q1, {}).story;
  clusterer.TakeChanges();
  ASSERT_TRUE(clusterer.Withdraw(q1, {}));
  const StoryChanges changes = clusterer.TakeChanges();
  EXPECT_EQ(changes.merged_away, std::vector<int>{story});
  EXPECT_TRUE(changes.retired.empty());
  EXPECT_TRUE(changes.changed.empty());
  EXPECT_TRUE(clusterer.Stories().empty());
  // A later article starts a story of its own.
  EXPECT_NE(clusterer.Add(MakeArticle("q2", "2024-01-28", kQuake), {}).story, story);
}

}  // namespace
}  // namespace storyline
