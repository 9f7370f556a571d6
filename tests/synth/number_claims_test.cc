#include "synth/number_claims.h"

#include <gtest/gtest.h>

#include "synth_test_articles.h"

namespace storyline {
namespace {

using testing::AddQuantity;
using testing::MakeArticle;

std::vector<NumberClaim> Claims(const std::vector<StoredArticle>& articles) {
  return FindNumberClaims(TokenizeArticles(articles));
}

TEST(NumberClaimsTest, DifferentCountsOfTheSameStrikeDisagree) {
  std::vector<StoredArticle> articles = {
      MakeArticle("ledger", "Harbor City Ledger", "2024-05-06",
                  "The cranes stood still on Monday as roughly 3,200 dockworkers walked off "
                  "the job in an open-ended strike at the port."),
      MakeArticle("wire", "Meridian Wire Service", "2024-05-06",
                  "About 3,400 dockworkers walked off the job on Monday, starting a strike at "
                  "the container port.")};
  AddQuantity(articles[0], "roughly 3,200 dockworkers", 3200, "dockworker", true);
  AddQuantity(articles[1], "About 3,400 dockworkers", 3400, "dockworker", true);
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].disagreement);
  EXPECT_TRUE(claims[0].same_day);
  EXPECT_EQ(claims[0].unit, "dockworker");
  ASSERT_EQ(claims[0].reports.size(), 2u);
  EXPECT_EQ(claims[0].reports[0].where.source, "Harbor City Ledger");
  EXPECT_EQ(claims[0].reports[0].where.text, "roughly 3,200 dockworkers");
  EXPECT_EQ(claims[0].reports[1].value, 3400);
  EXPECT_NE(claims[0].reports[1].sentence.find("starting a strike"), std::string::npos);
}

// A count of a group's members counts what the group is named for, and a bare number
// counts what its "of" phrase names.
TEST(NumberClaimsTest, MembersOfAGroupCountWhatTheGroupIsNamedFor) {
  std::vector<StoredArticle> articles = {
      MakeArticle("ledger", "Harbor City Ledger", "2024-05-06",
                  "The cranes stood still on Monday as roughly 3,200 members of the "
                  "Dockworkers' Guild walked off the job at the port."),
      MakeArticle("wire", "Meridian Wire Service", "2024-05-06",
                  "About 3,400 dockworkers walked off the job on Monday, starting a strike at "
                  "the container port."),
      MakeArticle("herald", "Coastal Herald", "2024-05-07",
                  "On Monday, 3,300 of its dockworkers walked off the job, the union said.")};
  AddQuantity(articles[0], "roughly 3,200 members", 3200, "member", true);
  AddQuantity(articles[1], "About 3,400 dockworkers", 3400, "dockworker", true);
  AddQuantity(articles[2], "3,300", 3300, "");
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].disagreement);
  ASSERT_EQ(claims[0].reports.size(), 3u);
  EXPECT_EQ(claims[0].reports[0].value, 3200);
  EXPECT_EQ(claims[0].reports[2].value, 3300);
}

TEST(NumberClaimsTest, SameNumberAndAboutTheSameNumberAgree) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Anadolu Agency", "2024-08-21",
                  "Hamas proposed the release of 40 civilian hostages held in Gaza. Israel has "
                  "destroyed 150 tunnels near Rafah."),
      MakeArticle("b", "The Hill", "2024-08-21",
                  "The group offered to release about 40 hostages held since October. Israel "
                  "said it destroyed 150 tunnels in the area.")};
  AddQuantity(articles[0], "40 civilian hostages", 40, "hostage");
  AddQuantity(articles[0], "150 tunnels", 150, "tunnel");
  AddQuantity(articles[1], "about 40 hostages", 40, "hostage", true);
  AddQuantity(articles[1], "150 tunnels", 150, "tunnel");
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 2u);
  for (const NumberClaim& claim : claims) EXPECT_FALSE(claim.disagreement) << claim.unit;
}

TEST(NumberClaimsTest, RoundingToleranceOnlyForApproximateFigures) {
  const NumberReport exact_40{{}, 40, false, ""};
  const NumberReport exact_41{{}, 41, false, ""};
  const NumberReport about_41{{}, 41, true, ""};
  const NumberReport about_50{{}, 50, true, ""};
  EXPECT_FALSE(SameNumber(exact_40, exact_41));
  EXPECT_TRUE(SameNumber(exact_40, about_41));
  EXPECT_FALSE(SameNumber(exact_40, about_50));
}

TEST(NumberClaimsTest, PercentagesOfDifferentThingsAreNotOneClaim) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "The Morning Dispatch", "2024-06-21", "Kestrel shares rose 4 percent."),
      MakeArticle("b", "Valley Sentinel", "2024-06-15",
                  "The fire was 40 percent contained on Saturday morning.")};
  AddQuantity(articles[0], "4 percent", 4, "percent");
  AddQuantity(articles[1], "40 percent", 40, "percent");
  EXPECT_TRUE(Claims(articles).empty());
}

TEST(NumberClaimsTest, AFigureThatGrowsOverDaysIsNotASameDayDisagreement) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-06-12", "The fire has destroyed 43 homes."),
      MakeArticle("b", "The Morning Dispatch", "2024-06-13", "The fire has destroyed 57 homes.")};
  AddQuantity(articles[0], "43 homes", 43, "home");
  AddQuantity(articles[1], "57 homes", 57, "home");
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].disagreement);
  EXPECT_FALSE(claims[0].same_day);
}

TEST(NumberClaimsTest, TwoFiguresInOneArticleAreTwoClaims) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Continental Press Agency", "2024-05-31",
                  "Valdoria released 215 prisoners and Ostrava released 120 prisoners at the "
                  "bridge."),
      MakeArticle("b", "Coastal Herald", "2024-06-01",
                  "Valdoria released 215 prisoners and Ostrava released 120 prisoners at the "
                  "bridge.")};
  for (StoredArticle& article : articles) {
    AddQuantity(article, "215 prisoners", 215, "prisoner");
    AddQuantity(article, "120 prisoners", 120, "prisoner");
  }
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 2u);
  for (const NumberClaim& claim : claims) EXPECT_FALSE(claim.disagreement);
}

TEST(NumberClaimsTest, OneOutletIsNotACrossSourceClaim) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "The Morning Dispatch", "2024-06-12",
                  "The fire has destroyed 43 homes in Pellham."),
      MakeArticle("b", "The Morning Dispatch", "2024-06-13",
                  "The fire has destroyed 57 homes in Pellham.")};
  AddQuantity(articles[0], "43 homes", 43, "home");
  AddQuantity(articles[1], "57 homes", 57, "home");
  EXPECT_TRUE(Claims(articles).empty());
}

// What is said of the count must match: people who sought refuge are not people killed.
TEST(NumberClaimsTest, CountsOfTheSameNounWithDifferentPredicatesAreTwoClaims) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Anadolu Agency", "2024-08-21",
                  "Over 1 million Palestinians sought refuge in Rafah."),
      MakeArticle("b", "The Hill", "2024-08-21", "At least 40 Palestinians were killed in Rafah.")};
  AddQuantity(articles[0], "Over 1 million Palestinians", 1000000, "Palestinians", true);
  AddQuantity(articles[1], "At least 40 Palestinians", 40, "Palestinians", true);
  EXPECT_TRUE(Claims(articles).empty());
  articles[1].article.text = "At least 40 Palestinians sought refuge in Rafah.";
  EXPECT_EQ(Claims(articles).size(), 1u);
}

// "were killed", "killing" and "dead" say the same of a count.
TEST(NumberClaimsTest, FormsOfOnePredicateMatch) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-06-12",
                  "The quake struck the island, killing 10 people."),
      MakeArticle("b", "The Morning Dispatch", "2024-06-12",
                  "Officials said 7 people were killed when the quake struck the island.")};
  AddQuantity(articles[0], "10 people", 10, "people");
  AddQuantity(articles[1], "7 people", 7, "people");
  const std::vector<NumberClaim> claims = Claims(articles);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_TRUE(claims[0].same_day);
}

// Different figures named with different years, or published months apart, are figures of
// different times; the same figure repeated is still one claim.
TEST(NumberClaimsTest, DifferentFiguresOfDifferentTimesAreNoDisagreement) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Anadolu Agency", "2024-08-21",
                  "In 2014, 40 Palestinians were killed in the strikes."),
      MakeArticle("b", "The Hill", "2024-08-21",
                  "In 2024, 52 Palestinians were killed in the strikes.")};
  AddQuantity(articles[0], "40 Palestinians", 40, "Palestinians");
  AddQuantity(articles[1], "52 Palestinians", 52, "Palestinians");
  articles[0].analysis.times.push_back(
      {testing::SpanOf(articles[0], "2014"), "2014", "DATE", "2014"});
  articles[1].analysis.times.push_back(
      {testing::SpanOf(articles[1], "2024"), "2024", "DATE", "2024"});
  EXPECT_TRUE(Claims(articles).empty());

  std::vector<StoredArticle> apart = {
      MakeArticle("a", "Anadolu Agency", "2024-01-10",
                  "40 Palestinians were killed in the strikes."),
      MakeArticle("b", "The Hill", "2024-08-21", "52 Palestinians were killed in the strikes.")};
  AddQuantity(apart[0], "40 Palestinians", 40, "Palestinians");
  AddQuantity(apart[1], "52 Palestinians", 52, "Palestinians");
  EXPECT_TRUE(Claims(apart).empty());
  apart[1].article.text = "40 Palestinians were killed in the strikes.";
  apart[1].analysis.quantities[0].value = 40;
  ASSERT_EQ(Claims(apart).size(), 1u);
  EXPECT_FALSE(Claims(apart)[0].disagreement);
}

// "Earlier this year" names another time than a sentence that names none, even where the
// article's date leaves it unresolved.
TEST(NumberClaimsTest, AFigureOfAnEarlierTimeIsNoDisagreement) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Gulf News", std::nullopt,
                  "Earlier this year, five undersea cables were cut off Egypt."),
      MakeArticle("b", "The Wire", std::nullopt,
                  "Three undersea cables were cut off Egypt, the ministry said.")};
  AddQuantity(articles[0], "five undersea cables", 5, "cable");
  AddQuantity(articles[1], "Three undersea cables", 3, "cable");
  articles[0].analysis.times.push_back({testing::SpanOf(articles[0], "Earlier this year"),
                                        "Earlier this year", "DATE", std::nullopt});
  EXPECT_TRUE(Claims(articles).empty());
  // The same sentence without the earlier time is a disagreement.
  articles[0].analysis.times.clear();
  ASSERT_EQ(Claims(articles).size(), 1u);
  EXPECT_TRUE(Claims(articles)[0].disagreement);
}

// "their first five drives" and "their first two drives" pick stretches of one game.
TEST(NumberClaimsTest, AStretchOfASequenceIsNoCount) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-03-02",
                  "After scoring on four of their first five drives, the Jaguars punted."),
      MakeArticle("b", "The Morning Dispatch", "2024-03-02",
                  "The Jaguars scored touchdowns on their first two drives and then kicked a "
                  "field goal.")};
  AddQuantity(articles[0], "five drives", 5, "drive");
  AddQuantity(articles[1], "two drives", 2, "drive");
  EXPECT_TRUE(Claims(articles).empty());
  // Counts of all the drives are one claim, and at odds.
  articles[0].article.text = "Five drives ended in touchdowns in the game.";
  articles[1].article.text = "Two drives ended in touchdowns in the game.";
  for (StoredArticle& article : articles) article.analysis.quantities.clear();
  AddQuantity(articles[0], "Five drives", 5, "drive");
  AddQuantity(articles[1], "Two drives", 2, "drive");
  ASSERT_EQ(Claims(articles).size(), 1u);
  EXPECT_TRUE(Claims(articles)[0].disagreement);
}

// A record said of one person (a season's points, a career's years) is cited from
// different games and roles; different people's counts are different claims.
TEST(NumberClaimsTest, CountsSaidOfAPersonAreLeftOut) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-03-02", "He scored 23 points in the final."),
      MakeArticle("b", "The Morning Dispatch", "2024-03-02",
                  "The guard scored 14 points in the final.")};
  AddQuantity(articles[0], "23 points", 23, "point");
  AddQuantity(articles[1], "14 points", 14, "point");
  EXPECT_TRUE(Claims(articles).empty());
}

// An article that names no outlet is no second outlet.
TEST(NumberClaimsTest, AnUnknownSourceIsNoOutlet) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-06-12", "The fire has destroyed 43 homes."),
      MakeArticle("b", "", "2024-06-12", "The fire has destroyed 57 homes.")};
  AddQuantity(articles[0], "43 homes", 43, "home");
  AddQuantity(articles[1], "57 homes", 57, "home");
  EXPECT_TRUE(Claims(articles).empty());
  articles[1].article.source = "The Morning Dispatch";
  EXPECT_EQ(Claims(articles).size(), 1u);
}

}  // namespace
}  // namespace storyline
