// A withdrawn version's words do not stay as the summary of an event another article
// still reports; the next article the event takes gives it one.
#include <gtest/gtest.h>

#include <string>

#include "story/story_clusterer.h"

namespace storyline {
namespace {

const char kBody[] =
    "Dockworkers at the Harbor City port began a strike on Monday, halting cargo traffic. "
    "Union leader Maria Lopez said the dockworkers want a contract with higher wages.";

Article MakeArticle(std::string id, const std::string& headline) {
  Article article;
  article.id = std::move(id);
  article.published = "2024-05-06";
  article.text = headline + "\n" + kBody;
  return article;
}

std::string OnlyEventSummary(const StoryClusterer& clusterer) {
  const std::vector<Story> stories = clusterer.Stories();
  EXPECT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories.at(0).events.size(), 1u);
  return stories.at(0).events.at(0).summary;
}

TEST(WithdrawnSummaryTest, AWithdrawnVersionsWordsLeaveTheEventsSummary) {
  StoryClusterer clusterer;
  const Article first = MakeArticle("a1", "Harbor City dockworkers strike over wages");
  const int story = clusterer.Add(first, {}).story;
  ASSERT_EQ(clusterer.Add(MakeArticle("a2", "Port of Harbor City at a standstill"), {}).story,
            story);
  EXPECT_EQ(OnlyEventSummary(clusterer), "Harbor City dockworkers strike over wages");

  ASSERT_TRUE(clusterer.Withdraw(first, {}));
  EXPECT_EQ(OnlyEventSummary(clusterer), "");
  clusterer.Add(MakeArticle("a1", "Harbor City dockworkers strike for a new contract"), {});
  EXPECT_EQ(OnlyEventSummary(clusterer), "Harbor City dockworkers strike for a new contract");
}

}  // namespace
}  // namespace storyline
