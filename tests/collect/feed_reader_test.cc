#include "collect/feed_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

const std::string kAddress = "https://news.example.com/feeds/world.xml";

TEST(FeedReaderTest, Rss2ItemsWithTheirLinksDatesAndIds) {
  const Feed feed = ReadFeed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>World  news</title>
  <atom:link href="https://news.example.com/feeds/world.xml" rel="self"/>
  <item>
    <title><![CDATA[Ceasefire talks resume in Cairo]]></title>
    <link>
      https://news.example.com/world/ceasefire-talks.html?utm_source=rss
    </link>
    <guid isPermaLink="false">story-1001</guid>
    <pubDate>Wed, 21 Aug 2024 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Relative link &amp; a dc:date</title>
    <link>/world/second.html</link>
    <dc:date>2024-08-22T08:30:00+02:00</dc:date>
  </item>
  <item>
    <title>Only a permalink guid</title>
    <guid>https://news.example.com/world/third.html</guid>
  </item>
  <item><title>No link at all</title><guid isPermaLink="false">x</guid></item>
</channel></rss>)",
                             kAddress);
  EXPECT_EQ(feed.format, FeedFormat::kRss);
  EXPECT_EQ(feed.title, "World news");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].url,
            "https://news.example.com/world/ceasefire-talks.html?utm_source=rss");
  EXPECT_EQ(feed.items[0].id, "story-1001");
  EXPECT_EQ(feed.items[0].title, "Ceasefire talks resume in Cairo");
  EXPECT_EQ(feed.items[0].published, "2024-08-21T10:00:00Z");
  EXPECT_EQ(feed.items[1].url, "https://news.example.com/world/second.html");
  EXPECT_EQ(feed.items[1].title, "Relative link & a dc:date");
  EXPECT_EQ(feed.items[1].published, "2024-08-22T08:30:00+02:00");
  EXPECT_EQ(feed.items[2].url, "https://news.example.com/world/third.html");
  EXPECT_EQ(feed.items[2].published, "");
}

TEST(FeedReaderTest, Rss1ItemsBesideTheChannel) {
  const Feed feed = ReadFeed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF wire</title></channel>
  <item rdf:about="https://rdf.example.org/a1">
    <title>First</title><link>https://rdf.example.org/a1</link><dc:date>2024-05-01</dc:date>
  </item>
  <item rdf:about="https://rdf.example.org/a2"><title>Second, link only in about</title></item>
</rdf:RDF>)",
                             "https://rdf.example.org/index.rdf");
  EXPECT_EQ(feed.format, FeedFormat::kRdf);
  EXPECT_EQ(feed.title, "RDF wire");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].url, "https://rdf.example.org/a1");
  EXPECT_EQ(feed.items[0].published, "2024-05-01");
  EXPECT_EQ(feed.items[1].url, "https://rdf.example.org/a2");
}

TEST(FeedReaderTest, AtomEntriesTakeTheAlternateLinkUnderXmlBase) {
  const Feed feed = ReadFeed(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/posts/">
  <title type="text">Example blog</title>
  <entry>
    <title>Updated entry</title>
    <link rel="self" href="https://blog.example.net/api/1"/>
    <link rel="alternate" type="text/html" href="2024/first-post"/>
    <id>tag:blog.example.net,2024:1</id>
    <published>2024-03-01T09:00:00Z</published>
    <updated>2024-03-02T11:15:00Z</updated>
  </entry>
  <entry xml:base="https://elsewhere.example/">
    <title>Link with no rel</title><link href="b"/><id>2</id>
  </entry>
  <entry><title>Enclosure only</title><link rel="enclosure" href="a.mp3"/><id>3</id></entry>
</feed>)",
                             "https://blog.example.net/atom.xml");
  EXPECT_EQ(feed.format, FeedFormat::kAtom);
  EXPECT_EQ(feed.title, "Example blog");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].url, "https://blog.example.net/posts/2024/first-post");
  EXPECT_EQ(feed.items[0].id, "tag:blog.example.net,2024:1");
  EXPECT_EQ(feed.items[0].published, "2024-03-01T09:00:00Z");
  EXPECT_EQ(feed.items[0].updated, "2024-03-02T11:15:00Z");
  EXPECT_EQ(feed.items[1].url, "https://elsewhere.example/b");
}

TEST(FeedReaderTest, NewsSitemapAndSitemapIndex) {
  const Feed news = ReadFeed(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://paper.example/2024/08/21/vote.html</loc>
    <lastmod>2024-08-21T12:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The Paper</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-08-21T09:30:00-04:00</news:publication_date>
      <news:title>Council votes on budget</news:title>
    </news:news>
  </url>
</urlset>)",
                             "https://paper.example/news-sitemap.xml");
  EXPECT_EQ(news.format, FeedFormat::kNewsSitemap);
  ASSERT_EQ(news.items.size(), 1u);
  EXPECT_EQ(news.items[0].url, "https://paper.example/2024/08/21/vote.html");
  EXPECT_EQ(news.items[0].title, "Council votes on budget");
  EXPECT_EQ(news.items[0].published, "2024-08-21T09:30:00-04:00");
  EXPECT_EQ(news.items[0].updated, "2024-08-21T12:00:00Z");

  const Feed plain = ReadFeed(
      R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a</loc></url></urlset>)",
      "https://paper.example/sitemap.xml");
  EXPECT_EQ(plain.format, FeedFormat::kSitemap);
  ASSERT_EQ(plain.items.size(), 1u);
  EXPECT_EQ(plain.items[0].url, "https://paper.example/a");

  const Feed index = ReadFeed(R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://paper.example/sitemap-news-1.xml</loc></sitemap>
  <sitemap><loc>sitemap-news-2.xml</loc></sitemap>
  <sitemap><loc>ftp://paper.example/x.xml</loc></sitemap>
</sitemapindex>)",
                              "https://paper.example/sitemap-index.xml");
  EXPECT_EQ(index.format, FeedFormat::kSitemapIndex);
  EXPECT_TRUE(index.items.empty());
  EXPECT_EQ(index.sitemaps, (std::vector<std::string>{"https://paper.example/sitemap-news-1.xml",
                                                      "https://paper.example/sitemap-news-2.xml"}));
}

TEST(FeedReaderTest, MalformedFeedsKeepWhatCanBeRead) {
  // An unescaped ampersand, an undefined entity and a missing close tag: common in the wild.
  const Feed feed = ReadFeed(R"(<rss version="2.0"><channel><title>Crime & courts</title>
<item><title>First &nbsp; story</title><link>https://x.example/1?a=1&b=2</link></item>
<item><title>Second</title><link>https://x.example/2</link>
)",
                             "https://x.example/rss");
  ASSERT_GE(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].url.substr(0, 21), "https://x.example/1?a");
}

TEST(FeedReaderTest, EncodingsAsDeclaredOrAsBrowsersFallBack) {
  // Latin-1 declared: read as declared.
  const Feed latin1 = ReadFeed(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xE9"
      "</title><link>https://x.example/1</link></item></channel></rss>",
      "https://x.example/rss");
  ASSERT_EQ(latin1.items.size(), 1u);
  EXPECT_EQ(latin1.items[0].title, "Caf\xC3\xA9");
  // Declared UTF-8 but written in windows-1252 (curly quote 0x92): read as windows-1252.
  const Feed mislabelled = ReadFeed(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><title>Mayor\x92s "
      "plan</title><link>https://x.example/2</link></item></channel></rss>",
      "https://x.example/rss");
  ASSERT_EQ(mislabelled.items.size(), 1u);
  EXPECT_EQ(mislabelled.items[0].title, "Mayor\xE2\x80\x99s plan");
  // No declaration: the HTTP charset decides.
  const Feed from_header = ReadFeed(
      "<rss><channel><item><title>Z\xFCrich</title><link>https://x.example/3</link></item>"
      "</channel></rss>",
      "https://x.example/rss", "iso-8859-1");
  ASSERT_EQ(from_header.items.size(), 1u);
  EXPECT_EQ(from_header.items[0].title, "Z\xC3\xBCrich");
}

TEST(FeedReaderTest, ExternalEntitiesAreNeverFetched) {
  const Feed feed = ReadFeed(R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>T &secret;</title><link>https://x.example/1</link></item></channel></rss>)",
                             "https://x.example/rss");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "T");
}

TEST(FeedReaderTest, EntityBombsAreNotExpanded) {
  // A billion-laughs chain: libxml2 gives up on the document, and nothing grows.
  const std::string feed_text = R"(<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rss><channel><item><title>&e;</title><link>https://x.example/1</link></item></channel></rss>)";
  try {
    for (const FeedItem& item : ReadFeed(feed_text, "https://x.example/rss").items) {
      EXPECT_LT(item.title.size(), 100u);
    }
  } catch (const FeedError&) {
    // Refusing the document is as good as reading it unexpanded.
  }
}

TEST(FeedReaderTest, WhatIsNoFeedIsSaidPlainly) {
  try {
    ReadFeed("<!DOCTYPE html><html><head><title>Home</title></head><body></body></html>",
             "https://x.example/");
    FAIL() << "an HTML page read as a feed";
  } catch (const FeedError& e) {
    EXPECT_EQ(std::string(e.what()), "not a feed: the document is <html>");
  }
  EXPECT_THROW(ReadFeed("", "https://x.example/"), FeedError);
  EXPECT_THROW(ReadFeed("{\"items\": []}", "https://x.example/"), FeedError);
  EXPECT_THROW(ReadFeed(std::string("\x00\x01\x02", 3), "https://x.example/"), FeedError);
}

}  // namespace
}  // namespace storyline
