#include "collect/robots_rules.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(RobotsRulesTest, OurGroupWinsOverTheStarGroup) {
  const RobotsRules rules = RobotsRules::Parse(R"(# comments and blank lines are ignored
User-agent: *
Disallow: /

User-Agent: Storyline/0.1
Disallow: /private/
Crawl-delay: 2.5
)",
                                               "storyline");
  EXPECT_TRUE(rules.Allowed("/news/today.html"));
  EXPECT_FALSE(rules.Allowed("/private/memo.html"));
  EXPECT_EQ(rules.crawl_delay(), 2.5);
}

TEST(RobotsRulesTest, TheStarGroupAppliesWhenNoneNamesUs) {
  const RobotsRules rules = RobotsRules::Parse(
      "User-agent: Googlebot\nDisallow:\n\nUser-agent: *\nDisallow: /search\n", "storyline");
  EXPECT_FALSE(rules.Allowed("/search?q=x"));
  EXPECT_FALSE(rules.Allowed("/searches"));
  EXPECT_TRUE(rules.Allowed("/news/"));
  EXPECT_FALSE(rules.crawl_delay().has_value());
}

TEST(RobotsRulesTest, LongestMatchWinsAndAllowWinsATie) {
  const RobotsRules rules = RobotsRules::Parse(R"(User-agent: *
Disallow: /news/
Allow: /news/world/
Disallow: /news/world/live
Allow: /page
Disallow: /page
)",
                                               "storyline");
  EXPECT_FALSE(rules.Allowed("/news/local/a.html"));
  EXPECT_TRUE(rules.Allowed("/news/world/a.html"));
  EXPECT_FALSE(rules.Allowed("/news/world/live-updates"));
  EXPECT_TRUE(rules.Allowed("/page"));
}

TEST(RobotsRulesTest, WildcardsAndEndAnchors) {
  const RobotsRules rules = RobotsRules::Parse(R"(User-agent: *
Disallow: /*.pdf$
Disallow: /*/print/
Disallow: /*?session=
)",
                                               "storyline");
  EXPECT_FALSE(rules.Allowed("/files/report.pdf"));
  EXPECT_TRUE(rules.Allowed("/files/report.pdf.html"));
  EXPECT_FALSE(rules.Allowed("/2024/print/story"));
  EXPECT_TRUE(rules.Allowed("/print/story"));
  EXPECT_FALSE(rules.Allowed("/a?session=1"));
  EXPECT_TRUE(rules.Allowed("/a?page=1"));
}

TEST(RobotsRulesTest, GroupsWithSeveralAgentsAndMergedGroups) {
  const RobotsRules rules = RobotsRules::Parse(R"(User-agent: otherbot
User-agent: storyline
Disallow: /a/

User-agent: storyline
Disallow: /b/
)",
                                               "Storyline");
  EXPECT_FALSE(rules.Allowed("/a/1"));
  EXPECT_FALSE(rules.Allowed("/b/1"));
  EXPECT_TRUE(rules.Allowed("/c/1"));
}

TEST(RobotsRulesTest, EscapesCompareDecoded) {
  const RobotsRules rules = RobotsRules::Parse(
      "User-agent: *\nDisallow: /%7Ejoe/\nDisallow: /caf\xC3\xA9/\n", "storyline");
  EXPECT_FALSE(rules.Allowed("/~joe/index.html"));
  EXPECT_FALSE(rules.Allowed("/%7ejoe/index.html"));
  EXPECT_FALSE(rules.Allowed("/caf%c3%a9/menu"));
}

TEST(RobotsRulesTest, RobotsTxtItselfAndTheFetchOutcomes) {
  EXPECT_TRUE(RobotsRules::DisallowAll().Allowed("/robots.txt"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/"));
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/anything"));
  EXPECT_TRUE(RobotsRules::Parse("", "storyline").Allowed("/"));
  EXPECT_TRUE(RobotsRules::Parse("<html>not robots</html>", "storyline").Allowed("/"));
}

TEST(RobotsRulesTest, SitemapsAnywhereAndRulesOutsideGroupsIgnored) {
  const RobotsRules rules = RobotsRules::Parse(
      "Disallow: /orphan\nSitemap: https://x.example/news.xml\nUser-agent: *\nCrawl-delay: "
      "soon\nSitemap: https://x.example/index.xml\n",
      "storyline");
  EXPECT_TRUE(rules.Allowed("/orphan"));
  EXPECT_FALSE(rules.crawl_delay().has_value());
  EXPECT_EQ(rules.sitemaps(), (std::vector<std::string>{"https://x.example/news.xml",
                                                        "https://x.example/index.xml"}));
}

TEST(RobotsRulesTest, OnlyTheFirst500KiBAreRead) {
  std::string body = "User-agent: *\n";
  while (body.size() < 500 * 1024) body += "# filler line to pass the read limit\n";
  body += "Disallow: /\n";
  EXPECT_TRUE(RobotsRules::Parse(body, "storyline").Allowed("/news"));
}

}  // namespace
}  // namespace storyline
