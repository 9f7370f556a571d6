#include "extract/times/time_calendar.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(TimeCalendarTest, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  for (int64_t days = -800000; days < 800000; days += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
  }
}

TEST(TimeCalendarTest, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(Weekday({2024, 8, 21}), 2);  // Wednesday
  EXPECT_EQ(Weekday({1970, 1, 1}), 3);   // Thursday
  EXPECT_EQ(FormatWeek(IsoWeekOf({2024, 8, 21})), "2024-W34");
  EXPECT_EQ(FormatWeek(IsoWeekOf({2021, 1, 3})), "2020-W53");  // belongs to the year before
  EXPECT_EQ(FormatWeek(IsoWeekOf({2024, 12, 30})), "2025-W01");
}

TEST(TimeCalendarTest, MonthArithmeticClampsTheDay) {
  EXPECT_EQ(AddMonths({2024, 1, 31}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddMonths({2024, 1, 15}, -1), (CivilDate{2023, 12, 15}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 2), (CivilDate{2024, 3, 1}));
}

TEST(TimeCalendarTest, ParsesIsoDatesOnly) {
  EXPECT_EQ(ParseIsoDate("2024-08-21"), (CivilDate{2024, 8, 21}));
  EXPECT_EQ(ParseIsoDate("2024-08-21T10:00:00Z"), (CivilDate{2024, 8, 21}));
  EXPECT_FALSE(ParseIsoDate("2024-02-30"));
  EXPECT_FALSE(ParseIsoDate("03-02-2009"));
  EXPECT_FALSE(ParseIsoDate("2024"));
}

}  // namespace
}  // namespace storyline
