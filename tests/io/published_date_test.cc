// Publication dates: every form inputs use becomes ISO 8601, and a value that names no
// real day becomes nothing, never a date that later arithmetic turns into "-001-12-27".
#include "io/published_date.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(PublishedDateTest, ReadsCommonForms) {
  EXPECT_EQ(NormalizePublishedDate("2024-08-21"), "2024-08-21");
  EXPECT_EQ(NormalizePublishedDate("2019-11-19T11:00:09.000Z"), "2019-11-19T11:00:09Z");
  EXPECT_EQ(NormalizePublishedDate("2019-11-19T06:56:43-0500"), "2019-11-19T06:56:43-05:00");
  EXPECT_EQ(NormalizePublishedDate("2024-08-21T10:00:00+05:30"), "2024-08-21T10:00:00+05:30");
  EXPECT_EQ(NormalizePublishedDate("2024-08-21 10:00"), "2024-08-21T10:00:00");
  EXPECT_EQ(NormalizePublishedDate(" 2019/11/19 "), "2019-11-19");
  EXPECT_EQ(NormalizePublishedDate("2019-11-19 | updated"), "2019-11-19");
  EXPECT_EQ(NormalizePublishedDate("Nov. 19, 2019"), "2019-11-19");
  EXPECT_EQ(NormalizePublishedDate("Tue, 19 November 2019 10:00 GMT"), "2019-11-19");
  EXPECT_EQ(NormalizePublishedDate("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00Z");
  EXPECT_EQ(NormalizePublishedDate("yesterday"), "");
}

TEST(PublishedDateTest, ReadsRfc2822Dates) {
  EXPECT_EQ(NormalizePublishedDate("Wed, 21 Aug 2024 10:00:00 GMT"), "2024-08-21T10:00:00Z");
  EXPECT_EQ(NormalizePublishedDate("21 Aug 2024 10:00 +0200"), "2024-08-21T10:00:00+02:00");
  EXPECT_EQ(NormalizePublishedDate("Wed, 21 Aug 2024 10:00:00 EDT"), "2024-08-21T10:00:00-04:00");
  EXPECT_EQ(NormalizePublishedDate("Wed, 21 Aug 2024 10:00:00"), "2024-08-21T10:00:00");
  // A zone it does not know could move the day; only the date is kept.
  EXPECT_EQ(NormalizePublishedDate("Wed, 21 Aug 2024 23:30:00 CEST"), "2024-08-21");
  EXPECT_EQ(NormalizePublishedDate("Wed, 31 Feb 2024 10:00:00 GMT"), "");
}

TEST(PublishedDateTest, ValuesThatNameNoRealDayAreNothing) {
  for (const char* value : {"2024-13-45", "2024-02-30", "2023-02-29", "2024-00-10", "0000-12-27",
                            "-001-12-27", "10000-01-01", "2024-08-21T25:00", "2024-08-21T10:61:00",
                            "2024-08-21T10:00:00+25:00", "2024-08-21Tnoon", "20240821x", ""}) {
    EXPECT_EQ(NormalizePublishedDate(value), "") << value;
  }
  EXPECT_EQ(NormalizePublishedDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(NormalizePublishedDate("9999-12-31T23:59:60Z"), "9999-12-31T23:59:60Z");
}

}  // namespace
}  // namespace storyline
