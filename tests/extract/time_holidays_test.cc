#include "extract/times/time_holidays.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(HolidayDateTest, FixedHolidaysKeepTheirDay) {
  EXPECT_EQ(HolidayDate(Holiday::kChristmas, 2024), (CivilDate{2024, 12, 25}));
  EXPECT_EQ(HolidayDate(Holiday::kNewYearsEve, 1999), (CivilDate{1999, 12, 31}));
  EXPECT_EQ(HolidayDate(Holiday::kVeteransDay, 2018), (CivilDate{2018, 11, 11}));
}

TEST(HolidayDateTest, EasterFollowsTheGregorianComputus) {
  EXPECT_EQ(HolidayDate(Holiday::kEaster, 2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(HolidayDate(Holiday::kEaster, 2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(HolidayDate(Holiday::kEaster, 2019), (CivilDate{2019, 4, 21}));
  EXPECT_EQ(HolidayDate(Holiday::kEaster, 2000), (CivilDate{2000, 4, 23}));
  EXPECT_EQ(HolidayDate(Holiday::kEaster, 1961), (CivilDate{1961, 4, 2}));
  EXPECT_EQ(HolidayDate(Holiday::kGoodFriday, 2024), (CivilDate{2024, 3, 29}));
  EXPECT_EQ(HolidayDate(Holiday::kEasterMonday, 2025), (CivilDate{2025, 4, 21}));
}

TEST(HolidayDateTest, WeekdayHolidaysFallOnTheirWeekOfTheMonth) {
  EXPECT_EQ(HolidayDate(Holiday::kThanksgiving, 2024), (CivilDate{2024, 11, 28}));
  EXPECT_EQ(HolidayDate(Holiday::kThanksgiving, 2023), (CivilDate{2023, 11, 23}));
  EXPECT_EQ(HolidayDate(Holiday::kBlackFriday, 2023), (CivilDate{2023, 11, 24}));
  EXPECT_EQ(HolidayDate(Holiday::kCyberMonday, 2023), (CivilDate{2023, 11, 27}));
  EXPECT_EQ(HolidayDate(Holiday::kMemorialDay, 2024), (CivilDate{2024, 5, 27}));
  EXPECT_EQ(HolidayDate(Holiday::kMemorialDay, 2021), (CivilDate{2021, 5, 31}));
  EXPECT_EQ(HolidayDate(Holiday::kLaborDay, 2024), (CivilDate{2024, 9, 2}));
  EXPECT_EQ(HolidayDate(Holiday::kMartinLutherKingDay, 2024), (CivilDate{2024, 1, 15}));
  EXPECT_EQ(HolidayDate(Holiday::kPresidentsDay, 2024), (CivilDate{2024, 2, 19}));
}

TEST(HolidayNamesTest, LongerSpellingsComeFirst) {
  const auto names = HolidayNames();
  for (size_t a = 0; a < names.size(); ++a) {
    for (size_t b = a + 1; b < names.size(); ++b) {
      size_t shared = 0;
      while (shared < 6 && !names[a].words[shared].empty() &&
             names[a].words[shared] == names[b].words[shared]) {
        ++shared;
      }
      // A later name must not extend an earlier one, or the earlier would hide it.
      const bool a_is_prefix_of_b =
          shared < 6 && names[a].words[shared].empty() && !names[b].words[shared].empty();
      EXPECT_FALSE(a_is_prefix_of_b) << names[a].words[0] << " before a longer spelling";
    }
  }
}

}  // namespace
}  // namespace storyline
