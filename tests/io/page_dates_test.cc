#include "io/page_dates.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(PageDatesTest, DaysInNewsAddresses) {
  EXPECT_EQ(DateFromUrl("https://www.example.com/story/news/2019/11/19/slug/123/"), "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://www.example.com/west/statements/2019/nov/18/name/what/"),
            "2019-11-18");
  EXPECT_EQ(DateFromUrl("https://www.example.org/tuft-cells-set-off-responses-20191115/"),
            "2019-11-15");
  EXPECT_EQ(DateFromUrl("https://example.com/2024/2/5/a"), "2024-02-05");
  EXPECT_EQ(DateFromUrl("https://example.com/archive/20240821.html"), "2024-08-21");
}

TEST(PageDatesTest, AddressesWithoutAFullRealDayGiveNothing) {
  for (const char* url : {
           "https://example.com/2019/11/slug",                    // no day
           "https://example.com/news/201911181077343476-royal/",  // digits of a longer id
           "https://example.com/2019/13/01/a",                    // no month 13
           "https://example.com/2019/02/30/a",                    // no 30 February
           "https://example.com/1850/01/01/a",                    // out of range
           "https://example.com/a?date=2019/11/19",               // query, not path
       }) {
    EXPECT_EQ(DateFromUrl(url), "") << url;
  }
}

TEST(PageDatesTest, DatelineText) {
  EXPECT_EQ(DateInText("November 19, 2019, 9:02 AM"), "2019-11-19");
  EXPECT_EQ(DateInText("Monday, November 18, 2019"), "2019-11-18");
  EXPECT_EQ(DateInText("Published: 19 Nov 2019 | Updated: 20 Nov 2019"), "2019-11-19");
  EXPECT_EQ(DateInText("Posted 2019-11-19 14:00"), "2019-11-19T14:00:00");
  EXPECT_EQ(DateInText("Posted: Fri 6:45 PM"), "");
  EXPECT_EQ(DateInText("32M ago"), "");
  EXPECT_EQ(DateInText("November 20"), "");
}

}  // namespace
}  // namespace storyline
