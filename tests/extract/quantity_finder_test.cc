#include "extract/quantity_finder.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace storyline {
namespace {

std::vector<Quantity> Find(std::string_view text, std::vector<TimeExpression> times = {}) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  return FindQuantities(text, tokens, {}, times);
}

struct Case {
  std::string_view text;
  std::string_view span;
  double value;
  std::string_view unit;
  bool approximate;
};

TEST(QuantityFinder, ReadsValuesUnitsAndHedges) {
  const Case cases[] = {
      {"Israel says it destroyed 150 tunnels in the area.", "150 tunnels", 150, "tunnel", false},
      {"The toll rose to 40,170 on Sunday.", "40,170", 40170, "", false},
      {"Militants still hold seven hostages.", "seven hostages", 7, "hostage", false},
      {"Hundreds of protesters gathered.", "Hundreds of protesters", 100, "protester", true},
      {"The convoy drove about 9 miles north.", "about 9 miles", 9, "mile", true},
      {"They held a 30-minute call.", "30-minute", 30, "minute", false},
      {"Congress approved $5 million in aid.", "$5 million", 5e6, "USD", false},
      {"Turnout fell 12 percent this year.", "12 percent", 12, "percent", false},
      {"Turnout fell 12% this year.", "12%", 12, "percent", false},
      {"More than 1.5 million people fled.", "More than 1.5 million people", 1.5e6, "person", true},
      {"Officials counted twenty-five casualties.", "twenty-five casualties", 25, "casualty",
       false},
      {"Tens of thousands of residents lost power.", "Tens of thousands of residents", 1e4,
       "resident", true},
      {"They bought a dozen eggs.", "a dozen eggs", 12, "egg", false},
      {"Work resumed after a four-week suspension.", "four-week", 4, "week", false},
      {"Seven hostages were freed.", "Seven hostages", 7, "hostage", false},
  };
  for (const Case& c : cases) {
    const auto found = Find(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].text, c.span) << c.text;
    EXPECT_DOUBLE_EQ(found[0].value, c.value) << c.text;
    EXPECT_EQ(found[0].unit, c.unit) << c.text;
    EXPECT_EQ(found[0].approximate, c.approximate) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(found[0].span.start,
                                              found[0].span.end - found[0].span.start),
              found[0].text);
  }
}

TEST(QuantityFinder, SkipsPronounsNamesAndMalformedNumbers) {
  EXPECT_TRUE(Find("No one was hurt, and one of the guards left.").empty());
  EXPECT_TRUE(Find("The Boeing 737 landed safely.").empty());
  EXPECT_TRUE(Find("The meeting starts at 3:30 sharp.").empty());
  EXPECT_TRUE(Find("Hamas resisted phase one, a prerequisite to phase two.").empty());
  EXPECT_TRUE(Find("The plan was endorsed by the leaders of the Group of Seven.").empty());
}

TEST(QuantityFinder, NumbersInsideDatesAreNotQuantities) {
  const std::string text = "The call took place on May 31, 2024, with 12 aides.";
  TimeExpression date;
  date.kind = "DATE";
  date.span = {uint32_t(text.find("May")), uint32_t(text.find(", with"))};
  const auto found = Find(text, {date});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "12 aides");
}

TEST(QuantityFinder, GarbageDoesNotCrash) {
  EXPECT_NO_THROW(Find("\xff\xfe 1,,, $$ 5-- %% of of of 9.9.9 -1 .5"));
  EXPECT_TRUE(Find("").empty());
}

}  // namespace
}  // namespace storyline
