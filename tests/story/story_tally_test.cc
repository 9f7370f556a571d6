// StoryTally (story/story_tally.h): the candidate counts of one article, in a table that
// is reused from article to article.
#include "story/story_tally.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace storyline {
namespace {

std::map<int32_t, int> Drained(StoryTally& tally) {
  std::vector<std::pair<int, int32_t>> counts;
  tally.Drain(counts);
  std::map<int32_t, int> by_id;
  for (const auto& [count, id] : counts) {
    EXPECT_FALSE(by_id.contains(id)) << "id " << id << " drained twice";
    by_id[id] = count;
  }
  return by_id;
}

TEST(StoryTallyTest, CountsEachIdAndForgetsThemWhenDrained) {
  StoryTally tally(8);
  for (const int32_t id : {5, 9, 5, 1 << 30, 5, 9}) tally.Add(id);
  EXPECT_EQ(Drained(tally), (std::map<int32_t, int>{{5, 3}, {9, 2}, {1 << 30, 1}}));
  EXPECT_TRUE(Drained(tally).empty());
  tally.Add(9);
  EXPECT_EQ(Drained(tally), (std::map<int32_t, int>{{9, 1}}));
}

// As many distinct ids as it has room for, half of them multiples of the table's size
// (2048) and so alike in their low bits, over several articles: every count comes back.
TEST(StoryTallyTest, FullTablesOfCollidingIdsCountRightArticleAfterArticle) {
  constexpr size_t kRoom = 768;
  StoryTally tally(kRoom);
  for (int32_t article = 0; article < 5; ++article) {
    std::map<int32_t, int> expected;
    for (size_t i = 0; i < kRoom; ++i) {
      const int32_t id = 1 + article + static_cast<int32_t>(i % 2 == 0 ? i * 2048 : i);
      const int times = 1 + static_cast<int>(i % 3);
      for (int t = 0; t < times; ++t) tally.Add(id);
      expected[id] = times;
    }
    EXPECT_EQ(Drained(tally), expected);
  }
}

TEST(StoryTallyTest, MoreDistinctIdsThanRoomIsAnError) {
  StoryTally tally(2);
  tally.Add(1);
  tally.Add(2);
  tally.Add(2);
  EXPECT_THROW(tally.Add(3), std::logic_error);
}

}  // namespace
}  // namespace storyline
