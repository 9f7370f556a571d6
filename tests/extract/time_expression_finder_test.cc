#include "extract/times/time_expression_finder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace storyline {
namespace {

// 2024-08-21 is a Wednesday.
const std::optional<std::string> kWednesday = "2024-08-21";

struct Case {
  std::string text;
  std::optional<std::string> published;
  std::string expression;  // the expected expression's text
  std::string kind;
  std::optional<std::string> value;  // nullopt: expected unresolved
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
  return out << "\"" << c.text << "\" published " << c.published.value_or("null");
}

class FindTimeExpressionsTest : public testing::TestWithParam<Case> {};

TEST_P(FindTimeExpressionsTest, FindsAndNormalizes) {
  const Case& c = GetParam();
  const std::vector<TimeExpression> found = FindTimeExpressions(c.text, c.published);
  const TimeExpression* match = nullptr;
  for (const TimeExpression& e : found) {
    if (e.text == c.expression) match = &e;
  }
  ASSERT_NE(match, nullptr) << "no expression \"" << c.expression << "\"";
  EXPECT_EQ(match->kind, c.kind);
  EXPECT_EQ(match->value, c.value);
  EXPECT_EQ(c.text.substr(match->span.start, match->span.end - match->span.start), c.expression);
}

INSTANTIATE_TEST_SUITE_P(
    Table, FindTimeExpressionsTest,
    testing::Values(
        // Weekdays follow the tense.
        Case{"Biden spoke with Netanyahu on Friday.", kWednesday, "Friday", "DATE", "2024-08-16"},
        Case{"Blinken will meet Netanyahu on Friday.", kWednesday, "Friday", "DATE", "2024-08-23"},
        Case{"The talks are expected to resume Monday.", kWednesday, "Monday", "DATE",
             "2024-08-26"},
        Case{"The envoys will meet on Wednesday.", kWednesday, "Wednesday", "DATE", "2024-08-21"},
        Case{"Hamas said on Wednesday it had no plans.", kWednesday, "Wednesday", "DATE",
             "2024-08-21"},
        Case{"The vote will be held on Tuesday.", kWednesday, "Tuesday", "DATE", "2024-08-27"},
        Case{"Israel struck the camp Tuesday night.", kWednesday, "Tuesday night", "TIME",
             "2024-08-20TNI"},
        Case{"They met last Friday.", kWednesday, "last Friday", "DATE", "2024-08-16"},
        Case{"They meet next Monday.", kWednesday, "next Monday", "DATE", "2024-08-26"},
        // Calendar dates, with the year from the anchor where the text gives none.
        Case{"Hamas attacked Israel on Oct. 7, 2023.", kWednesday, "Oct. 7, 2023", "DATE",
             "2023-10-07"},
        Case{"The proposal was put forward on May 31.", kWednesday, "May 31", "DATE", "2024-05-31"},
        Case{"The truce will expire on May 31.", kWednesday, "May 31", "DATE", "2025-05-31"},
        Case{"The report was published in December.", kWednesday, "December", "DATE", "2023-12"},
        Case{"He was born on 31 July 1956.", kWednesday, "31 July 1956", "DATE", "1956-07-31"},
        Case{"Elections were held in August 2011.", kWednesday, "August 2011", "DATE", "2011-08"},
        Case{"Released 2024-08-19 by the ministry.", kWednesday, "2024-08-19", "DATE",
             "2024-08-19"},
        Case{"It opened on Thursday, May 7, 2015.", kWednesday, "Thursday, May 7, 2015", "DATE",
             "2015-05-07"},
        // Relative periods.
        Case{"Officials met earlier this week.", kWednesday, "earlier this week", "DATE",
             "2024-W34"},
        Case{"Prices rose last month.", kWednesday, "last month", "DATE", "2024-07"},
        Case{"A new round is planned next year.", kWednesday, "next year", "DATE", "2025"},
        Case{"He arrived on Aug. 1, 2024, and left the following week.", kWednesday,
             "the following week", "DATE", "2024-W32"},
        Case{"A deal is due by the end of May.", kWednesday, "the end of May", "DATE", "2024-05"},
        Case{"Fighting escalated in late July.", kWednesday, "late July", "DATE", "2024-07"},
        Case{"The plant opens in mid-2025.", kWednesday, "mid-2025", "DATE", "2025"},
        Case{"Talks resumed today.", kWednesday, "today", "DATE", "2024-08-21"},
        Case{"Talks broke down yesterday.", kWednesday, "yesterday", "DATE", "2024-08-20"},
        Case{"He will speak tonight.", kWednesday, "tonight", "TIME", "2024-08-21TNI"},
        Case{"She said this morning that it failed.", kWednesday, "this morning", "TIME",
             "2024-08-21TMO"},
        Case{"They met two days ago.", kWednesday, "two days ago", "DATE", "2024-08-19"},
        Case{"This weekend the city rests.", kWednesday, "This weekend", "DATE", "2024-W34-WE"},
        // Clock times take the day named beside them, else the anchor.
        Case{"They met on Monday at 2 p.m. in Cairo.", kWednesday, "Monday at 2 p.m.", "TIME",
             "2024-08-19T14:00"},
        Case{"The strike began at 14:00 GMT.", kWednesday, "14:00 GMT", "TIME",
             "2024-08-21T14:00Z"},
        Case{"Polls close at 8pm.", kWednesday, "8pm", "TIME", "2024-08-21T20:00"},
        // Years, decades, centuries, seasons, quarters, fiscal years.
        Case{"The law passed in 2019.", kWednesday, "2019", "DATE", "2019"},
        Case{"It was built in the 1990s.", kWednesday, "1990s", "DATE", "199"},
        Case{"Music of the '80s returned.", kWednesday, "'80s", "DATE", "198"},
        Case{"It dates from the 20th century.", kWednesday, "the 20th century", "DATE", "19"},
        Case{"Revenue fell in fiscal 2024.", kWednesday, "fiscal 2024", "DATE", "FY2024"},
        Case{"Sales fell in the first quarter of 2024.", kWednesday, "the first quarter of 2024",
             "DATE", "2024-Q1"},
        Case{"Third-quarter profit rose.", kWednesday, "Third-quarter", "DATE", "2024-Q3"},
        Case{"Tourism peaked this summer.", kWednesday, "this summer", "DATE", "2024-SU"},
        Case{"The dam was finished in the spring of 2009.", kWednesday, "the spring of 2009",
             "DATE", "2009-SP"},
        // Durations are never dates.
        Case{"The call lasted for three hours.", kWednesday, "three hours", "DURATION", "PT3H"},
        Case{"They agreed a six-week truce.", kWednesday, "six-week", "DURATION", "P6W"},
        Case{"It was a 30-minute call.", kWednesday, "30-minute", "DURATION", "PT30M"},
        Case{"Talks went on for two and a half years.", kWednesday, "two and a half years",
             "DURATION", "P2.5Y"},
        Case{"Prices doubled over the past four years.", kWednesday, "the past four years",
             "DURATION", "P4Y"},
        Case{"The siege lasted for a week.", kWednesday, "a week", "DURATION", "P1W"},
        Case{"Aid arrives every week.", kWednesday, "every week", "SET", "P1W"},
        Case{"The paper is published daily.", kWednesday, "daily", "SET", "P1D"},
        // Without an anchor, relative expressions stay unresolved; absolute ones do not.
        Case{"Biden spoke with Netanyahu on Friday.", std::nullopt, "Friday", "DATE", std::nullopt},
        Case{"Prices rose last month.", std::nullopt, "last month", "DATE", std::nullopt},
        Case{"Prices rose last month.", "not a date", "last month", "DATE", std::nullopt},
        Case{"Hamas attacked Israel on Oct. 7, 2023.", std::nullopt, "Oct. 7, 2023", "DATE",
             "2023-10-07"},
        // The text's own dating stands in for a missing published date: a date line under
        // the headline, a "Published" stamp, a dateline.
        Case{"Ceasefire talks resume\nAugust 21, 2024\nThe envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        Case{"Talks resume\nPublished: Aug. 21, 2024 10:02 a.m. ET\nThe envoys met on Monday.",
             std::nullopt, "Monday", "DATE", "2024-08-19"},
        Case{"Talks resume\n12:52 p.m. EDT Aug. 21, 2024\nThe envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        Case{"Talks resume\nPosted on Thu Aug 22, 2024 08:45 AM PDT\nThe envoys met on Monday.",
             std::nullopt, "Monday", "DATE", "2024-08-19"},
        Case{"Talks resume\nAugust 21, 2024 @ 8:13am PDT\nThe envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        Case{"WASHINGTON, Aug. 21, 2024 \xE2\x80\x94 The envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        Case{"KYIV, Ukraine, Aug. 21, 2024 (Reuters) - The envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        Case{"Talks resume\nWASHINGTON, DC, Aug. 21, 2024\nThe envoys met on Monday.", std::nullopt,
             "Monday", "DATE", "2024-08-19"},
        // With no anchor a history's year-less dates stay unresolved.
        Case{"In 1939 and 1940 and 1941 the war spread; on June 22 Germany attacked.", std::nullopt,
             "June 22", "DATE", std::nullopt},
        Case{"In 1939 and 1940 and 1941 the war spread; on June 22 Germany attacked.", "2009-12-19",
             "June 22", "DATE", "1941-06-22"},
        // Nothing else does: an "Updated" stamp, a caption, a date the news is about.
        Case{"Talks resume\nUpdated: Aug. 23, 2024\nThe envoys met on Monday.", std::nullopt,
             "Monday", "DATE", std::nullopt},
        Case{"Talks resume\nBiden speaks at the White House on May 31, 2024. (Getty Images)\n"
             "The envoys met on Monday.",
             std::nullopt, "Monday", "DATE", std::nullopt},
        Case{"Israel has fought Hamas since the attack of Oct. 7, 2023.\nThe envoys met on Monday "
             "and will meet again next week.",
             std::nullopt, "next week", "DATE", std::nullopt},
        // Year-less dates after the publication day when the text looks ahead: a future
        // verb, "upcoming", "scheduled", "tickets", a list under a year.
        Case{"The museum will open Sept. 12 after a long renovation.", "2024-10-01", "Sept. 12",
             "DATE", "2025-09-12"},
        Case{"The upcoming tour starts June 9 in Denver.", "2024-11-10", "June 9", "DATE",
             "2025-06-09"},
        Case{"The band added shows, with the first scheduled for June 9 in Denver.", "2024-11-10",
             "June 9", "DATE", "2025-06-09"},
        Case{"2025 tour dates:\nJune 9 - Denver\nJune 12 - Austin\n", "2024-11-10", "June 12",
             "DATE", "2025-06-12"},
        Case{"In 2019, the plant closed on March 3 after a fire.", kWednesday, "March 3", "DATE",
             "2019-03-03"},
        Case{"Sales rose since its launch in 2003, and as of February it leads.", kWednesday,
             "February", "DATE", "2024-02"},
        // Clock times keep the day the text implies, not the next day of a UTC stamp.
        Case{"The president spoke at 10 p.m. in the Oval Office.", "2024-08-22T02:30:00Z",
             "10 p.m.", "TIME", "2024-08-21T22:00"},
        Case{"The president spoke at 10 p.m. in the Oval Office.", "2024-08-21T22:30:00-04:00",
             "10 p.m.", "TIME", "2024-08-21T22:00"},
        Case{"The minister spoke at 10 a.m. in Berlin.", "2024-08-21T09:00:00Z", "10 a.m.", "TIME",
             "2024-08-21T10:00"},
        Case{"The jet arrives on Nov. 11, three days later than originally planned.", "2005-11-10",
             "three days later than", "DATE", "2005-11-11"},
        Case{"The president will speak at 10 p.m. in the Oval Office.", "2024-08-21T14:00:00Z",
             "10 p.m.", "TIME", "2024-08-21T22:00"},
        // A period a year before the one the sentence named; a week of a month.
        Case{"Sales fell 35% in January, compared to the same month a year ago.", "2009-02-03",
             "the same month a year ago", "DATE", "2008-01"},
        Case{"Sales rose 43% in February compared to the same period last year.", "2010-03-02",
             "the same period last year", "DATE", "2009-02"},
        Case{"Car sales rebounded in the last week of March.", "2009-04-02",
             "the last week of March", "DATE", "2009-W13"},
        Case{"Talks open in the first week of May 2025.", kWednesday, "the first week of May 2025",
             "DATE", "2025-W18"},
        // The day itself: "on the day", "late in the day" of market reports.
        Case{"Shares of the company fell 3% on the day.", kWednesday, "the day", "DATE",
             "2024-08-21"},
        Case{"Stocks recovered late in the day.", kWednesday, "late in the day", "DATE",
             "2024-08-21"},
        // The anchor may be a date-time.
        Case{"Talks resumed today.", "2024-08-21T23:10:00Z", "today", "DATE", "2024-08-21"},
        // "the same day" is a day just named, never the news day by default.
        Case{"Talks began on Monday. On the same day, rockets fell.", kWednesday, "the same day",
             "DATE", "2024-08-19"},
        Case{"He cited a dinner 18 years ago, on the same day she says they met.", kWednesday,
             "the same day", "DATE", std::nullopt},
        Case{"On the same day, officials met.", kWednesday, "the same day", "DATE", std::nullopt},
        // In a story of past years (a narrative), the last year named gives way to the year
        // a weekday or the clause's tense and the news day call for.
        Case{"Hits came in 1972, in 1973, in 1975 and in 1976. Tickets go on sale Friday, "
             "December 6th.",
             "2019-11-19", "Friday, December 6th", "DATE", "2019-12-06"},
        Case{"Albums came in 1972, in 1973, in 1975 and in 2020. They announced the tour while "
             "closing out their November 18th concert.",
             "2019-11-19", "November 18th", "DATE", "2019-11-18"},
        Case{"Outbreaks came in 1972, in 1973, in 1975 and in 2009. In May this year, travellers "
             "were stranded.",
             "2019-11-19", "May this year", "DATE", "2019-05"}));

// Holidays are the day they fall on in the year the phrase, the text or the tense gives.
INSTANTIATE_TEST_SUITE_P(
    Holidays, FindTimeExpressionsTest,
    testing::Values(
        Case{"Stores were closed on Christmas Day.", kWednesday, "Christmas Day", "DATE",
             "2023-12-25"},
        Case{"The parade will be held on Thanksgiving.", kWednesday, "Thanksgiving", "DATE",
             "2024-11-28"},
        Case{"Churches filled on Good Friday.", kWednesday, "Good Friday", "DATE", "2024-03-29"},
        Case{"Shoppers lined up for Cyber Monday deals.", kWednesday, "Cyber Monday", "DATE",
             "2023-11-27"},
        Case{"He came home for Christmas 1963.", kWednesday, "Christmas 1963", "DATE",
             "1963-12-25"},
        Case{"They met last Christmas.", kWednesday, "last Christmas", "DATE", "2023-12-25"},
        Case{"They will marry next Easter.", kWednesday, "next Easter", "DATE", "2025-04-20"},
        Case{"Three were hurt over Memorial Day weekend.", kWednesday, "Memorial Day", "DATE",
             "2024-05-27"},
        Case{"Fireworks were launched on New Year's Eve.", kWednesday, "New Year's Eve", "DATE",
             "2023-12-31"},
        Case{"The shop will open on St. Patrick's Day.", kWednesday, "St. Patrick's Day", "DATE",
             "2025-03-17"},
        Case{"Police were called on Christmas Eve night.", kWednesday, "Christmas Eve night",
             "TIME", "2023-12-24TNI"},
        // Without a publication date a holiday with no year keeps no value.
        Case{"Stores were closed on Christmas Day.", std::nullopt, "Christmas Day", "DATE",
             std::nullopt}));

// A day's part named before the day, years before the common era, a heading's year.
INSTANTIATE_TEST_SUITE_P(
    Histories, FindTimeExpressionsTest,
    testing::Values(
        Case{"Troops crossed on the night of May 13, 1940.", kWednesday,
             "the night of May 13, 1940", "TIME", "1940-05-13TNI"},
        Case{"Rebels struck in the early morning hours of November 1, 1954.", kWednesday,
             "the early morning hours of November 1, 1954", "TIME", "1954-11-01TMO"},
        Case{"The battle was fought in 480 BC.", kWednesday, "480 BC", "DATE", "BC0480"},
        Case{"Rome fell to the Gauls in 390 B.C.", kWednesday, "390 B.C.", "DATE", "BC0390"},
        Case{"Xerxes marched in the spring of 480 BC.", kWednesday, "the spring of 480 BC", "DATE",
             "BC0480-SP"},
        Case{"The city grew in the 4th century BC.", kWednesday, "the 4th century BC", "DATE",
             "BC03"},
        Case{"Sales rose in the latter half of 2008.", kWednesday, "the latter half of 2008",
             "DATE", "2008-H2"},
        Case{"2003: Invasion\n\nThe war began in March.", kWednesday, "2003", "DATE", "2003"},
        // A history's "the end of the month" is the month it has reached, news's the news day's.
        Case{"Wars came in 1912, in 1914, in 1916 and in 1918. On May 10, 1940, troops crossed. "
             "By the end of the month, the line broke.",
             "2009-12-19", "the end of the month", "DATE", "1940-05"},
        Case{"Sales rose in May. The plant will close by the end of the month.", kWednesday,
             "the end of the month", "DATE", "2024-08"}));

// TimeML's reference values: the present, the past or the future, with no date.
INSTANTIATE_TEST_SUITE_P(
    References, FindTimeExpressionsTest,
    testing::Values(
        Case{"The plant is now closed.", kWednesday, "now", "REFERENCE", "PRESENT_REF"},
        Case{"Talks are under way right now.", kWednesday, "right now", "REFERENCE", "PRESENT_REF"},
        Case{"She currently leads the unit.", kWednesday, "currently", "REFERENCE", "PRESENT_REF"},
        Case{"At present, no one is charged.", kWednesday, "present", "REFERENCE", "PRESENT_REF"},
        Case{"Few people read maps these days.", kWednesday, "these days", "REFERENCE",
             "PRESENT_REF"},
        Case{"He was recently promoted.", kWednesday, "recently", "REFERENCE", "PAST_REF"},
        Case{"In the past, such raids were rare.", kWednesday, "the past", "REFERENCE", "PAST_REF"},
        Case{"They made plans for the future.", kWednesday, "the future", "REFERENCE",
             "FUTURE_REF"},
        Case{"Rates will stay low in the near future, he said.", kWednesday, "the near future",
             "REFERENCE", "FUTURE_REF"},
        // Without a publication date they keep their value: they never needed one.
        Case{"The plant is now closed.", std::nullopt, "now", "REFERENCE", "PRESENT_REF"}));

struct NonTime {
  std::string text;
  std::string not_tagged;  // no expression may overlap this
};

class NotATimeTest : public testing::TestWithParam<NonTime> {};

TEST_P(NotATimeTest, LeavesItAlone) {
  const NonTime& c = GetParam();
  const size_t start = c.text.find(c.not_tagged);
  ASSERT_NE(start, std::string::npos);
  const size_t end = start + c.not_tagged.size();
  for (const TimeExpression& e : FindTimeExpressions(c.text, kWednesday)) {
    EXPECT_FALSE(e.span.start < end && start < e.span.end)
        << "tagged \"" << e.text << "\" in \"" << c.text << "\"";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, NotATimeTest,
    testing::Values(
        NonTime{"More than 2,000 people fled.", "2,000"},
        NonTime{"About 2000 people fled.", "2000"},
        NonTime{"Theresa May said the plan was dead.", "May"},
        NonTime{"May I ask a question?", "May"}, NonTime{"The ceasefire may hold.", "may"},
        NonTime{"A 45-year-old man was hurt.", "45-year-old"},
        NonTime{"He is 45 years old.", "45 years old"},
        NonTime{"The Boeing 737 and the A380 flew.", "737"},
        NonTime{"Prices rose 2.5% in the quarter.", "2.5%"}, NonTime{"June Carter sang.", "June"},
        NonTime{"The troops march south.", "march"},
        NonTime{"The fall of the city shocked them.", "fall"},
        NonTime{"It cost $2019 in fees.", "2019"},
        NonTime{"It earned a total score of 2072 in the test.", "2072"},
        NonTime{"Montour spoiled his bid 17:46 into the third period.", "17:46"},
        NonTime{"He scored on the power play at 19:56 of the first.", "19:56"},
        // Street and phone numbers.
        NonTime{"Police went to the 2000 block of Elm.", "2000"},
        NonTime{"Shots were fired in the 1900 block.", "1900"},
        NonTime{"Call 555-2019 for tickets.", "555-2019"},
        NonTime{"Call (212) 555-1987 today.", "555-1987"},
        NonTime{"Dial 1-800-555-2015 now.", "1-800-555-2015"},
        NonTime{"Call Crime Stoppers at 419 - 255 - 1999.", "419 - 255 - 1999"},
        // Named days give no date.
        NonTime{"Stocks fell on Black Monday.", "Black Monday"},
        NonTime{"Voters went to the polls on Super Tuesday.", "Super Tuesday"},
        NonTime{"Veterans marked D-Day in Normandy.", "D-Day"},
        // A holiday's name that is a thing, a place or a season of shopping.
        NonTime{"They decorated the Christmas tree.", "Christmas"},
        NonTime{"Easter eggs were hidden in the garden.", "Easter"},
        NonTime{"The ship sailed on Christmas Island waters.", "Christmas"},
        NonTime{"They return home every Christmas.", "Christmas"},
        // Adjectives and conjunctions that only lean on time.
        NonTime{"Now that the vote is over, talks resume.", "Now"},
        NonTime{"The future king spoke.", "future"}, NonTime{"The past president spoke.", "past"},
        NonTime{"The present crisis deepened.", "present"},
        NonTime{"Call as soon as you can.", "soon"},
        NonTime{"The current chief resigned.", "current"}));

TEST(FindTimeExpressionsTest, SpansAreOrderedAndDisjoint) {
  const std::string text =
      "On Monday, Aug. 19, 2024, at 2 p.m. the envoys met for three hours; they will meet "
      "again next week and in the first quarter of 2025, 10 years after the 2015 accord.";
  const std::vector<TimeExpression> found = FindTimeExpressions(text, kWednesday);
  ASSERT_GE(found.size(), 5u);
  for (size_t i = 1; i < found.size(); ++i) {
    EXPECT_LE(found[i - 1].span.end, found[i].span.start);
  }
}

// Text with no sentence breaks must not make the look-backs quadratic: 50k clock times,
// each joined to its "following day", in one "sentence".
TEST(FindTimeExpressionsTest, LongTextWithoutSentenceBreaks) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "at 2pm the following day ";
  const std::vector<TimeExpression> found = FindTimeExpressions(text, kWednesday);
  ASSERT_EQ(found.size(), 50000u);
  EXPECT_EQ(found[0].text, "2pm the following day");
  EXPECT_EQ(found[0].value, "2024-08-22T14:00");
  EXPECT_EQ(found.back().kind, "TIME");
}

TEST(FindTimeExpressionsTest, SurvivesGarbageAndInvalidUtf8) {
  std::mt19937 random(42);
  const std::string pieces[] = {"May",  " ",        "31",   ",",    "2024", "-",
                                "\xff", "\xe2\x80", "\xc2", "p.m.", ":",    "Friday",
                                "'",    "s",        "the",  "last", "\n",   "0"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    for (const TimeExpression& e : FindTimeExpressions(text, kWednesday)) {
      ASSERT_LE(e.span.start, e.span.end);
      ASSERT_LE(e.span.end, text.size());
    }
  }
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  EXPECT_NO_THROW(FindTimeExpressions(bytes, kWednesday));
  EXPECT_TRUE(FindTimeExpressions("", kWednesday).empty());
}

}  // namespace
}  // namespace storyline
