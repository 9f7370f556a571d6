#include "extract/quantities/quantity_finder.h"

#include <gtest/gtest.h>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

std::vector<Quantity> Find(std::string_view text, std::vector<TimeExpression> times = {}) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  return FindQuantities(text, tokens, {}, times);
}

// With the committed tagger's tags, as the analyzer runs it.
std::vector<Quantity> FindTagged(std::string_view text) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  testing::CommittedTagger().Tag(text, tokens, tags);
  return FindQuantities(text, tokens, tags, {});
}

std::vector<std::string> Texts(const std::vector<Quantity>& found) {
  std::vector<std::string> texts;
  for (const Quantity& q : found)
    texts.push_back(q.text + " = " + std::to_string(q.value) + " " + q.unit);
  return texts;
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

TEST(QuantityFinder, ReadsTheCountedNounAsTheTaggerSees) {
  const Case cases[] = {
      // The head of a compound, not the noun that modifies it.
      {"It comes standard with six safety systems.", "six safety systems", 6, "system", false},
      {"One Washington-based trade expert said so.", "One Washington-based trade expert", 1,
       "expert", false},
      {"Israel plans a three phase deal.", "three phase", 3, "phase", false},
      {"Militants killed seven aid workers on Monday.", "seven aid workers", 7, "worker", false},
      {"Two Hamas officials told reporters.", "Two Hamas officials", 2, "official", false},
      {"Mix 3 Tbsp. olive oil in.", "3 Tbsp", 3, "tbsp", false},
      {"There'll be 150 kW DC fast charging support.", "150 kW", 150, "kw", false},
      {"Israeli strikes killed 40 Palestinians.", "40 Palestinians", 40, "palestinian", false},
      // A part counts what the "of" phrase names.
      {"Police said 117 of its citizens were evacuated.", "117", 117, "citizen", false},
      // Ranges take their lower bound; a duration in two units is one duration.
      {"Eat 1–2 hours after your workout.", "1–2 hours", 1, "hour", true},
      {"He learned around 75 to 100 people view it.", "around 75 to 100 people", 75, "person",
       true},
      {"It moved between 0.6 and 0.7 millimeters.", "0.6 and 0.7 millimeters", 0.6, "millimeter",
       true},
      {"The export took 4 minutes and 15 seconds.", "4 minutes and 15 seconds", 255, "second",
       false},
      {"Jim Hood lost by five-and-a-half points.", "five-and-a-half points", 5.5, "point", false},
      // Pounds are money after a scale word, weight otherwise.
      {"They detected 5,200 pounds of water vapor.", "5,200 pounds", 5200, "pound", false},
      {"The club paid 5 million pounds for him.", "5 million pounds", 5e6, "GBP", false},
      {"Among adults aged 26 or older, use rose.", "26", 26, "year", false},
      {"Only 12 people came.", "12 people", 12, "person", false},
      {"He took those two lives.", "two lives", 2, "life", false},
      {"Around 30 or 40 people were at the party.", "Around 30 or 40 people", 30, "person", true},
      {"He had given Rs 25 lakh to an agent.", "Rs 25 lakh", 2.5e6, "INR", false},
      {"NASA expects to build three SLS rockets.", "three SLS rockets", 3, "rocket", false},
      {"With three confirmed diagnoses, panic grew.", "three confirmed diagnoses", 3, "diagnosis",
       false},
  };
  for (const Case& c : cases) {
    const auto found = FindTagged(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].text, c.span) << c.text;
    EXPECT_DOUBLE_EQ(found[0].value, c.value) << c.text;
    EXPECT_EQ(found[0].unit, c.unit) << c.text;
    EXPECT_EQ(found[0].approximate, c.approximate) << c.text;
  }
}

// A quantity a reader can trust is a number about something, with its unit or counted
// noun; anything else is left out rather than printed as a fact.
TEST(QuantityFinder, AbstainsOnNumbersThatCountNothing) {
  const std::string_view texts[] = {
      // Bare numbers: a toll of unknown things, table cells, sports scores.
      "The toll rose to 40,170 on Sunday.",
      "Kevin Harvick 5033",
      "Jets 2, Predators 1: Laine scored.",
      "Granollers and Lopez won 6-4, 7-6 (5) on Wednesday.",
      "the already agreed upon 150 were released",
      // Names, titles and labels.
      "This meal plan works for both 80 Day Obsession and A Little More Obsessed.",
      "Now you can hear 10 Things in Tech each morning.",
      "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow.",
      "WeWork's 2025 bond has weakened sharply.",
      "It was measured with a Kanomax model 4431 audiometer.",
      "Some iPhone 7 refurbs can be had cheaply.",
      "The S&P 500 index was little changed.",
      "Get a USB 3.0 dock with it.",
      "So-called type 2 immune responses followed.",
      // Idioms, pronouns, clock times, phone numbers, ranges of words.
      "But one thing that most people don't realize is that it's arid.",
      "At one point during the night they slept.",
      "No one knew at first whether it mattered.",
      "Flos Showroom opens at 9.30 A.M. daily.",
      "More info: +49 (0)40 890 85-433",
      "Symptoms follow an incubation period of one-to-seven days.",
      "There should be zero shame involved.",
      "Police were called to the 5500 block of West Old National Road.",
      "Subscribe to New Jersey 101.5 FM on the app.",
      "The two were rendezvousing in lunar orbit.",
      "Officers went to an apartment at 561 N. Center.",
      "Callers may call Crime Solvers at 1 - 866 - 411-TIPS now.",
      "If one steps back, the answer is clear.",
      "Effects trigger when you pull one off.",
      "It sparks a year or two of international fury.",
  };
  for (std::string_view text : texts) {
    EXPECT_TRUE(FindTagged(text).empty())
        << text << ": " << ::testing::PrintToString(Texts(FindTagged(text)));
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
