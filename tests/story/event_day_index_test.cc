// EventDayIndex (story/event_day_index.h): a story's events near a day, undated ones
// always, stale listings tolerated until a rebuild.
#include "story/event_day_index.h"

#include <gtest/gtest.h>

#include <vector>

namespace storyline {
namespace {

std::vector<uint32_t> Near(const EventDayIndex& index, CalendarDay day, int tolerance) {
  std::vector<uint32_t> out;
  index.Near(day, tolerance, out);
  return out;
}

TEST(EventDayIndexTest, EventsWithinTheToleranceAndUndatedOnesInOrder) {
  EventDayIndex index;
  index.Add(0, 100);
  index.Add(1, 103);
  index.Add(2, std::nullopt);
  index.Add(3, 101);
  index.Add(4, 99);
  EXPECT_EQ(Near(index, 100, 1), (std::vector<uint32_t>{0, 2, 3, 4}));
  EXPECT_EQ(Near(index, 103, 0), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(Near(index, 200, 1), (std::vector<uint32_t>{2}));
  EXPECT_TRUE(Near(EventDayIndex(), 100, 1).empty());
}

// An event listed under two days (its own and its frame's), or twice under one, comes
// back once; one whose day moved stays listed under the old day too.
TEST(EventDayIndexTest, EachEventOnceWhateverItIsListedUnder) {
  EventDayIndex index;
  index.Add(5, 100);
  index.Add(5, 101);
  index.Add(5, 100);
  index.Add(5, std::nullopt);
  EXPECT_EQ(index.listings(), 3u);
  EXPECT_EQ(Near(index, 100, 1), (std::vector<uint32_t>{5}));
  EXPECT_EQ(Near(index, 300, 1), (std::vector<uint32_t>{5}));
}

TEST(EventDayIndexTest, StaleOnceListingsOutgrowTheEvents) {
  EventDayIndex index;
  for (uint32_t day = 0; day < 12; ++day) index.Add(0, day);
  EXPECT_FALSE(index.Stale(1));
  index.Add(0, 12);
  EXPECT_TRUE(index.Stale(1));
  index.Clear();
  EXPECT_EQ(index.listings(), 0u);
  EXPECT_FALSE(index.Stale(1));
}

}  // namespace
}  // namespace storyline
