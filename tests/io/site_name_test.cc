#include "io/site_name.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(SiteNameTest, CleanNamesAndWhatIsNoName) {
  EXPECT_EQ(CleanSiteName("Deccan Herald"), "Deccan Herald");
  EXPECT_EQ(CleanSiteName("Autoracing | F1 | Indy | MotoGP | StockCar"), "Autoracing");
  EXPECT_EQ(CleanSiteName("News | Sport"), "News | Sport");
  EXPECT_EQ(CleanSiteName("https://www.newsnation.in"), "");
  EXPECT_EQ(CleanSiteName("@politifact"), "");
  EXPECT_EQ(CleanSiteName("www.example.com"), "");
}

TEST(SiteNameTest, NamesOfTheHost) {
  EXPECT_TRUE(NamesHost("USA TODAY", "www.usatoday.com"));
  EXPECT_TRUE(NamesHost("The Space Review", "www.thespacereview.com"));
  EXPECT_TRUE(NamesHost("The GiveWell Blog", "blog.givewell.org"));
  EXPECT_TRUE(NamesHost("Vortex Cannon Entertainment", "vortexcannon.org"));
  EXPECT_TRUE(NamesHost("Entermedia", "entermedia.co.kr"));
  EXPECT_FALSE(NamesHost("Editorial", "www.theguardian.com"));
  EXPECT_FALSE(NamesHost("Auto News", "www.autoindustriya.com"));
  EXPECT_FALSE(NamesHost("AP", "apnews.com"));  // too short to tell
}

TEST(SiteNameTest, TheOutletInATitle) {
  EXPECT_EQ(SiteNameInTitle("Nadal keeps Spain alive - Sportsnet.ca", "www.sportsnet.ca"),
            "Sportsnet.ca");
  EXPECT_EQ(SiteNameInTitle("The Space Review: Seeking a bigger role", "www.thespacereview.com"),
            "The Space Review");
  EXPECT_EQ(SiteNameInTitle("About bugs – Vortex Cannon Entertainment", "vortexcannon.org"),
            "Vortex Cannon Entertainment");
  EXPECT_EQ(SiteNameInTitle("The Guardian view on Hong Kong | Editorial", "www.theguardian.com"),
            "");
  EXPECT_EQ(SiteNameInTitle("Council votes on budget", "www.example.com"), "");
}

TEST(SiteNameTest, TitlesLoseTheOutletOnly) {
  EXPECT_EQ(TitleWithoutSiteName("Meal Prep for A Little More Obsessed | The Beachbody Blog",
                                 "The Beachbody Blog", "www.beachbodyondemand.com"),
            "Meal Prep for A Little More Obsessed");
  EXPECT_EQ(TitleWithoutSiteName("NASA adds five companies - SpaceNews.com", "SpaceNews.com",
                                 "spacenews.com"),
            "NASA adds five companies");
  EXPECT_EQ(
      TitleWithoutSiteName("The Space Review: Seeking a bigger role", "", "www.thespacereview.com"),
      "Seeking a bigger role");
  EXPECT_EQ(TitleWithoutSiteName("Opinion | Republicans Are Following Trump", "The New York Times",
                                 "www.nytimes.com"),
            "Opinion | Republicans Are Following Trump");
  EXPECT_EQ(TitleWithoutSiteName("Lexus LC500 Convertible - Auto News", "AutoIndustriya.com",
                                 "www.autoindustriya.com"),
            "Lexus LC500 Convertible - Auto News");
  EXPECT_EQ(TitleWithoutSiteName("Vox", "Vox", "www.vox.com"), "Vox");
  // Names in other scripts: compared as written, measured in characters.
  const std::string office = "特許業務法人ライトハウス国際特許事務所";
  EXPECT_EQ(
      TitleWithoutSiteName("商品の改造が商標法違反に！？ - " + office, office, "www.lhpat-tm.com"),
      "商品の改造が商標法違反に！？");
}

TEST(SiteNameTest, Hosts) {
  EXPECT_EQ(HostOf("https://WWW.Example.com:8080/a?b"), "www.example.com");
  EXPECT_EQ(HostOf("not a url"), "");
}

}  // namespace
}  // namespace storyline
