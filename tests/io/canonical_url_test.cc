#include "io/canonical_url.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(CanonicalUrlTest, SpellingsOfOnePageMeet) {
  const std::string canonical = "https://www.example.com/world/2024/08/21/story.html";
  for (const char* spelling : {
           "https://www.example.com/world/2024/08/21/story.html",
           "HTTPS://WWW.Example.COM/world/2024/08/21/story.html",
           "https://www.example.com:443/world/2024/08/21/story.html",
           "https://www.example.com./world/2024/08/21/story.html",
           "https://www.example.com/world/./2024/08/x/../21/story.html",
           "https://www.example.com/world/2024/08/21/story.html#comments",
           "https://www.example.com/world/2024/08/21/story.html?utm_source=rss&utm_medium=feed",
           "https://www.example.com/world/2024/08/21/story.html?fbclid=IwAR0x&UTM_Campaign=x",
           "  https://www.example.com/world/2024/08/21/story.html\n",
       }) {
    EXPECT_EQ(CanonicalUrl(spelling), canonical) << spelling;
  }
}

TEST(CanonicalUrlTest, ParametersThatChooseThePageStayInTheirOrder) {
  EXPECT_EQ(CanonicalUrl("http://news.example.org/article.php?id=42&utm_source=x&page=2"),
            "http://news.example.org/article.php?id=42&page=2");
  EXPECT_EQ(CanonicalUrl("http://news.example.org/a?b=1&a=2"), "http://news.example.org/a?b=1&a=2");
}

TEST(CanonicalUrlTest, EscapesAndPortsAreNormalised) {
  EXPECT_EQ(CanonicalUrl("http://example.com"), "http://example.com/");
  EXPECT_EQ(CanonicalUrl("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(CanonicalUrl("http://example.com:8080/a"), "http://example.com:8080/a");
  EXPECT_EQ(CanonicalUrl("http://example.com/%7euser/caf%c3%a9"),
            "http://example.com/~user/caf%C3%A9");
  EXPECT_EQ(CanonicalUrl("http://[2001:DB8::1]:80/x"), "http://[2001:db8::1]/x");
}

TEST(CanonicalUrlTest, OnlyAbsoluteWebAddressesHaveOne) {
  for (const char* not_web :
       {"", "/relative/path", "mailto:desk@example.com", "ftp://example.com/f",
        "javascript:alert(1)", "http://", "http://exa mple.com:x/"}) {
    EXPECT_EQ(CanonicalUrl(not_web), "") << not_web;
  }
}

TEST(CanonicalUrlTest, TrackingParametersAreTheKnownOnes) {
  for (const char* name : {"utm_source", "UTM_TERM", "utm_anything", "fbclid", "gclid", "mc_eid"}) {
    EXPECT_TRUE(IsTrackingParameter(name)) << name;
  }
  for (const char* name : {"id", "page", "p", "story", "utm", "q"}) {
    EXPECT_FALSE(IsTrackingParameter(name)) << name;
  }
}

TEST(ResolveUrlTest, LinksAreReadWhereTheyStand) {
  const std::string base = "https://example.com/feeds/world/rss.xml";
  EXPECT_EQ(ResolveUrl(base, "/2024/story.html"), "https://example.com/2024/story.html");
  EXPECT_EQ(ResolveUrl(base, "story.html"), "https://example.com/feeds/world/story.html");
  EXPECT_EQ(ResolveUrl(base, "../a.html"), "https://example.com/feeds/a.html");
  EXPECT_EQ(ResolveUrl(base, "//cdn.example.net/x"), "https://cdn.example.net/x");
  EXPECT_EQ(ResolveUrl(base, "\n   http://other.example/a b\n "), "http://other.example/a%20b");
  EXPECT_EQ(ResolveUrl(base, "mailto:desk@example.com"), "");
  EXPECT_EQ(ResolveUrl(base, "https:/=/x.example/2"), "");  // no host (found by the feed fuzzer)
  EXPECT_EQ(ResolveUrl("not a url", "story.html"), "");
  EXPECT_EQ(ResolveUrl("/relative/base", "story.html"), "");
}

TEST(PageAddressTest, APageIsNamedByItsOwnAddressOnTheSameSite) {
  EXPECT_EQ(PageAddress("https://news.test/a1?utm_source=rss", "/news/strike#top"),
            "https://news.test/news/strike");
  EXPECT_EQ(PageAddress("https://news.test/a1", "https://www.news.test/news/strike"),
            "https://www.news.test/news/strike");
  EXPECT_EQ(PageAddress("https://News.Test/a1?utm_source=rss", ""), "https://news.test/a1");
}

TEST(PageAddressTest, AnOwnAddressElsewhereOrAtTheHomePageIsNotTrusted) {
  EXPECT_EQ(PageAddress("https://news.test/a1", "https://other.test/a1"), "https://news.test/a1");
  EXPECT_EQ(PageAddress("https://news.test/a1", "https://news.test/"), "https://news.test/a1");
  EXPECT_EQ(PageAddress("https://news.test/", "https://news.test/"), "https://news.test/");
  EXPECT_EQ(PageAddress("https://news.test/a1", "mailto:desk@news.test"), "https://news.test/a1");
  EXPECT_EQ(PageAddress("urn:uuid:1234", "https://news.test/a1"), "");
}

}  // namespace
}  // namespace storyline
