#include "synth/first_reports.h"

#include <gtest/gtest.h>

#include "synth_test_articles.h"

namespace storyline {
namespace {

using testing::MakeArticle;

TEST(FirstReportsTest, PublishedOrderWithDateOnlyTiesAndUndatedLast) {
  EXPECT_LT(ComparePublished("2024-05-06", "2024-05-07T01:00:00Z"), 0);
  EXPECT_EQ(ComparePublished("2024-05-06", "2024-05-06T09:40:00Z"), 0);
  EXPECT_LT(ComparePublished("2024-05-06T09:40:00Z", "2024-05-06T16:00:00Z"), 0);
  EXPECT_LT(ComparePublished("2024-05-06", std::nullopt), 0);
  EXPECT_GT(ComparePublished(std::nullopt, "1999-01-01"), 0);
  EXPECT_EQ(ComparePublished(std::nullopt, std::nullopt), 0);
}

TEST(FirstReportsTest, FirstOutletPerEventAndEventsPerOutlet) {
  const std::vector<StoredArticle> articles = {
      MakeArticle("dispatch", "The Morning Dispatch", "2024-05-07", "x"),
      MakeArticle("wire", "Meridian Wire Service", "2024-05-06T09:40:00Z", "x"),
      MakeArticle("ledger", "Harbor City Ledger", "2024-05-06", "x"),
      MakeArticle("explainer", "Coastal Herald", std::nullopt, "x")};
  std::map<std::string, const StoredArticle*> by_id;
  for (const StoredArticle& a : articles) by_id[a.article.id] = &a;
  Story story;
  story.events = {
      StoryEvent{
          7, "OTHER", "2024-05-06", {}, {}, {"dispatch", "explainer", "wire", "ledger"}, "strike"},
      StoryEvent{9, "MEET", std::nullopt, {}, {}, {"explainer", "dispatch"}, "talks"},
      StoryEvent{11, "OTHER", std::nullopt, {}, {}, {"explainer", "missing"}, "deal"}};
  const FirstReports result = FindFirstReports(story, by_id);
  ASSERT_EQ(result.events.size(), 3u);
  EXPECT_EQ(result.events[0].first,
            (std::vector<std::string>{"Meridian Wire Service", "Harbor City Ledger"}));
  EXPECT_EQ(result.events[0].reports.back().source, "Coastal Herald");
  EXPECT_EQ(result.events[1].first, (std::vector<std::string>{"The Morning Dispatch"}));
  EXPECT_EQ(result.events[2].first, (std::vector<std::string>{"Coastal Herald"}));
  ASSERT_EQ(result.outlets.size(), 4u);
  EXPECT_EQ(result.outlets[0].source, "Coastal Herald");
  EXPECT_EQ(result.outlets[0].events, (std::vector<int>{7, 9, 11}));
  EXPECT_EQ(result.outlets[0].first, 1);
  EXPECT_EQ(result.outlets[1].source, "The Morning Dispatch");
  EXPECT_EQ(result.outlets[1].events, (std::vector<int>{7, 9}));
  EXPECT_EQ(result.outlets[1].first, 1);
}

}  // namespace
}  // namespace storyline
