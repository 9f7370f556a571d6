#include "io/html_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>

#include "../support/test_paths.h"
#include "io/html_metadata.h"
#include "io/html_nesting.h"

namespace storyline {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(storyline::test_paths::SourceDir()) + "/tests/data/html/" + name,
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(HtmlExtractorTest, KeepsArticleParagraphsAndHeadingsInOrder) {
  ExtractedPage page = ExtractArticleFromHtml(ReadFixture("news_article.html"));
  EXPECT_EQ(page.text,
            "The Old Harbour bridge reopened to traffic on Tuesday morning, two years after "
            "engineers closed it when inspectors found corrosion in three of its steel cables.\n"
            "Mayor Ines Duarte cut the ribbon at 7 a.m. and said the repairs, which cost \u20ac48 "
            "million, had come in under budget & a month ahead of schedule.\n"
            "Traffic expected to ease\n"
            "City planners expect congestion on the ring road to fall by a fifth now that about "
            "30,000 vehicles a day can cross the harbour again, according to the transport "
            "department\u2019s latest estimate.\n"
            "Local shops on Quay Street, several of which said they had lost half their customers "
            "during the closure, planned a street party for Saturday. \u201cWe\u2019ve waited a "
            "long time for this,\u201d said caf\u00e9 owner Pedro Alves.");
}

TEST(HtmlExtractorTest, DropsBoilerplate) {
  std::string text = ExtractArticleFromHtml(ReadFixture("news_article.html")).text;
  for (const char* boilerplate :
       {"cookies", "Sport", "Share on Facebook", "By Maria Okafor", "Photo: Ledger staff",
        "Advertisement", "Related stories", "Inspectors find corrosion", "comments", "Finally!",
        "All rights reserved"}) {
    EXPECT_FALSE(Has(text, boilerplate)) << boilerplate;
  }
}

TEST(HtmlExtractorTest, ReadsMetaTagsBeforeJsonLd) {
  ExtractedPage page = ExtractArticleFromHtml(ReadFixture("news_article.html"));
  EXPECT_EQ(page.title, "Harbour bridge reopens after two years of repairs");
  EXPECT_EQ(page.site_name, "The Coastal Ledger");
  EXPECT_EQ(page.url, "https://ledger.example/news/harbour-bridge-reopens");
  EXPECT_EQ(page.published, "2024-03-05T14:30:00+01:00");
  EXPECT_EQ(page.author, "Maria Okafor, Tom Lind");  // JSON-LD is the only author source
}

TEST(HtmlExtractorTest, ReadsJsonLdWhenMetaTagsAreMissing) {
  ExtractedPage page = ExtractArticleFromHtml(R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Site"},
      {"@type": ["NewsArticle"], "headline": "Port strike ends", "url": "https://x.example/a",
       "datePublished": "2023-07-01 09:15:00", "author": {"@type": "Person", "name": "By Ana Ruiz"},
       "publisher": {"@type": "Organization", "name": "Harbour Times"}}]}
    </script></head><body><p>Short.</p></body></html>)");
  EXPECT_EQ(page.title, "Port strike ends");
  EXPECT_EQ(page.author, "Ana Ruiz");
  EXPECT_EQ(page.site_name, "Harbour Times");
  EXPECT_EQ(page.url, "https://x.example/a");
  EXPECT_EQ(page.published, "2023-07-01T09:15:00");
}

TEST(HtmlExtractorTest, FindsPostBodyWithoutArticleElement) {
  ExtractedPage page = ExtractArticleFromHtml(ReadFixture("blog_post.html"));
  EXPECT_TRUE(page.text.starts_with("Most gardeners put their tools away in November"));
  EXPECT_TRUE(Has(page.text, "\nPreparing the beds\n"));
  EXPECT_TRUE(Has(page.text, "\nWitch hazel for scent\n"));
  EXPECT_TRUE(page.text.ends_with("that view is the whole point."));
  EXPECT_FALSE(Has(page.text, "Archives"));
  EXPECT_FALSE(Has(page.text, "newsletter"));
  EXPECT_FALSE(Has(page.text, "Tags:"));
  EXPECT_FALSE(Has(page.text, "Powered by"));
  EXPECT_EQ(page.author, "Jo Whitfield");
  EXPECT_EQ(page.published, "2019-11-19");
  EXPECT_EQ(page.site_name, "Field Notes");
  EXPECT_EQ(page.title, "Notes from a winter garden");
}

// A page built around the classes of page furniture that sit inside the article's own
// paragraphs: a hover card after a name, a paragraph that is one link to another story,
// a caption, and a teaser list under a heading.
std::string PageWithFurniture() {
  std::string paragraphs;
  for (int i = 0; i < 4; ++i) {
    paragraphs += "<p>The council met for the " + std::to_string(i + 1) +
                  "th time this year to debate the harbour budget, which opponents, including "
                  "several shop owners, say is far too large for a town of its size.</p>";
  }
  return R"(<html><head><title>Council debates budget</title></head><body><article>
<p>Mayor <span class="rollover-people"><a href="/people/ann-lee">Ann Lee</a><span
class="rollover-people-block"><img src="a.jpg"><a class="name" href="/people/ann-lee">Ann
Marie Lee</a><a href="/x">Mayor vows to fight budget cuts</a></span></span> opened the
meeting on Tuesday, saying the budget would be balanced by spring.</p>
<p><a href="/other-story">Harbour ferry to stop running after 40 years of service</a></p>
<figure><img src="b.jpg"><span class="newsCaption">The town hall on Tuesday</span></figure>
)" + paragraphs +
         R"(
<p>You may also like...</p><p>Ten best beaches near the harbour</p><p>Why the ferry matters</p>
</article></body></html>)";
}

TEST(HtmlExtractorTest, FurnitureInsideTheArticleIsLeftOut) {
  const std::string text = ExtractArticleFromHtml(PageWithFurniture()).text;
  EXPECT_TRUE(Has(text, "Mayor Ann Lee opened the meeting on Tuesday")) << text;
  EXPECT_FALSE(Has(text, "Ann Marie Lee")) << text;
  EXPECT_FALSE(Has(text, "Harbour ferry to stop running")) << text;
  EXPECT_FALSE(Has(text, "The town hall on Tuesday")) << text;
  EXPECT_FALSE(Has(text, "Ten best beaches")) << text;
  EXPECT_TRUE(Has(text, "The council met for the 4th time")) << text;
}

TEST(HtmlExtractorTest, ClassesThatOnlyMentionHoverKeepTheirText) {
  const std::string text =
      ExtractArticleFromHtml(
          R"(<html><body class="dropdown-hover full-width-content"><div class="article-body__hover--links">
<p>The bridge reopened to traffic on Tuesday morning, two years after engineers closed it
when inspectors found corrosion in three of its steel cables, the city said.</p>
<p>Traffic on the ring road is expected to fall by a fifth now that about 30,000 vehicles a
day can cross the harbour again, according to the transport office.</p></div></body></html>)")
          .text;
  EXPECT_TRUE(Has(text, "The bridge reopened to traffic")) << text;
}

TEST(HtmlExtractorTest, ConvertsDeclaredLatin1ToUtf8) {
  std::string bytes = ReadFixture("latin1_article.html");
  ASSERT_NE(bytes.find('\xE9'), std::string::npos);  // the fixture really is single-byte
  ExtractedPage page = ExtractArticleFromHtml(bytes);
  EXPECT_EQ(page.title, "Caf\u00e9 cr\u00e8me prices rise");
  EXPECT_TRUE(Has(page.text, "a caf\u00e9 cr\u00e8me now costs 4,50 \u20ac"));
  EXPECT_TRUE(Has(page.text, "\u00ab C'est la vie \u00bb, said one na\u00efve customer"));
}

TEST(HtmlExtractorTest, ReadsUndeclaredInvalidUtf8AsWindows1252) {
  ExtractedPage page = ExtractArticleFromHtml(
      "<p>Na\xEFve caf\xE9 owners charged 5 \x80 for a coffee, customers said, again and "
      "again, all through the long and busy summer season.</p>");
  EXPECT_TRUE(Has(page.text, "Na\u00efve caf\u00e9 owners charged 5 \u20ac")) << page.text;
}

// A page that says it is UTF-8 but whose high bytes form no UTF-8 sequence was written
// in windows-1252; one real UTF-8 character beside a stray byte keeps the label.
TEST(HtmlExtractorTest, ReadsMislabelledUtf8AsWindows1252) {
  const std::string paragraph =
      "<p>Na\xEFve caf\xE9 owners charged 5 \x80 for a \x93"
      "coffee\x94, customers said, again "
      "and again, all through the long and busy summer season.</p>";
  ExtractedPage mislabelled =
      ExtractArticleFromHtml("<html><head><meta charset=\"utf-8\"></head><body>" + paragraph);
  EXPECT_TRUE(Has(mislabelled.text,
                  "Na\u00efve caf\u00e9 owners charged 5 \u20ac for a \u201ccoffee\u201d"))
      << mislabelled.text;
  ExtractedPage stray = ExtractArticleFromHtml(
      "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u00e9 owners charged 5 "
      "\x80 for a coffee, customers said, again and again, all through the long and busy "
      "summer season.</p>");
  EXPECT_TRUE(Has(stray.text, "Caf\u00e9 owners charged 5 \uFFFD for a coffee")) << stray.text;
}

TEST(HtmlExtractorTest, EmptyGarbageAndBinaryInputGiveEmptyPage) {
  std::mt19937 random(7);
  std::string binary(20000, '\0');
  for (char& c : binary) c = static_cast<char>(random());
  for (const std::string& input :
       {std::string(), std::string("<<<>>><</ <!-- --!> &&&; <"), std::string("\0\0\0\x01", 4),
        std::string("\x1F\x8B\x08\0\0\0\0\0", 8) + binary, binary}) {
    ExtractedPage page = ExtractArticleFromHtml(input);
    EXPECT_EQ(page.text, "");
    EXPECT_EQ(page.title, "");
    EXPECT_EQ(page.published, "");
  }
}

TEST(HtmlExtractorTest, DeepNestingCompletesQuickly) {
  constexpr int kDepth = 200000;
  std::string html = "<html><body>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  auto start = std::chrono::steady_clock::now();
  ExtractedPage page = ExtractArticleFromHtml(html);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(page.text, "deep text");
  EXPECT_LT(seconds, 5.0);  // unbounded nesting takes minutes in the parser
}

TEST(HtmlNestingTest, LeavesNormalPagesUnchangedAndCapsDeepOnes) {
  std::string normal = "<div><p>a<div><span>b</span></div></p><script>'<div>'</script></div>";
  EXPECT_EQ(LimitHtmlNesting(normal, 3), normal);
  EXPECT_EQ(LimitHtmlNesting("<div><div><div><div>x</div></div></div></div>", 2),
            "<div><div>x</div></div>");
}

// Gumbo compares each new attribute with all the earlier ones of its element: 200,000
// attributes on one element (1.9 MB) took minutes. The parser now sees at most
// kMaxHtmlAttributes of them, and the page's text is kept.
TEST(HtmlBoundsTest, AttributesPastTheCapNeverReachTheParser) {
  std::string html = "<html><body><div class=story";
  for (int i = 0; i < 200000; ++i) html += " a" + std::to_string(i) + "=\"1\"";
  html +=
      "><p>Dock workers in Harbor City voted on Monday to end the strike, union leaders "
      "said, after the port authority agreed to a new contract.</p></div></body></html>";
  const std::optional<std::string> bounded = BoundHtmlForParser(html);
  ASSERT_TRUE(bounded.has_value());
  const size_t tag_end = bounded->find('>', bounded->find("<div"));
  const std::string div = bounded->substr(0, tag_end);
  EXPECT_EQ(std::count(div.begin(), div.end(), '='), kMaxHtmlAttributes);
  EXPECT_NE(div.find(" a126=\"1\""), std::string::npos);
  EXPECT_EQ(div.find(" a127=\"1\""), std::string::npos);
  EXPECT_NE(ExtractArticleFromHtml(html).text.find("Dock workers in Harbor City"),
            std::string::npos);

  const std::string normal = "<p class=a id='b' data-x = \"c d\" hidden>t</p><br/>";
  EXPECT_EQ(*BoundHtmlForParser(normal), normal);
  EXPECT_EQ(*BoundHtmlForParser("<img a=1 b c='>' d=2 e/>"), "<img a=1 b c='>' d=2 e/>");
}

// A link farm of tiny elements would cost the parser 25 times its size in memory: past
// the element budget for its size, a page is refused, not parsed.
TEST(HtmlBoundsTest, PagesWithMoreElementsThanTheirSizeAllowsAreRefused) {
  std::string farm = "<html><body>";
  while (farm.size() < (size_t{2} << 20)) farm += "<a href=/x>x</a>";
  EXPECT_FALSE(BoundHtmlForParser(farm).has_value());
  const ExtractedPage page = ExtractArticleFromHtml(farm);
  EXPECT_EQ(page.text, "");
  EXPECT_NE(page.refused.find("elements, too many for its size"), std::string::npos);

  std::string dense = "<html><body>";
  for (int i = 0; i < 10000; ++i) dense += "<p>Short <b>line</b>.</p>";
  EXPECT_TRUE(BoundHtmlForParser(dense).has_value());
  EXPECT_EQ(ExtractArticleFromHtml(dense).refused, "");
}

TEST(HtmlExtractorTest, PlaceholderDatesBeforeYearOneThousandAreNoPublicationDate) {
  const ExtractedPage page = ExtractArticleFromHtml(
      "<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">"
      "</head><body><p>Text.</p></body></html>");
  EXPECT_EQ(page.published, "");
}

// A zero timestamp and a day after tomorrow are no publication dates either; the next
// source is read instead.
TEST(HtmlExtractorTest, EpochAndFutureDatesAreNoPublicationDate) {
  const auto published = [](const std::string& value) {
    return ExtractArticleFromHtml(
               "<html><head><meta property=\"article:published_time\" content=\"" + value +
               "\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
               "\"datePublished\": \"2019-11-19\"}</script></head><body><p>Text.</p></body>"
               "</html>")
        .published;
  };
  EXPECT_EQ(published("1970-01-01T00:00:00Z"), "2019-11-19");
  EXPECT_EQ(published("2999-05-01T00:00:00Z"), "2019-11-19");
  EXPECT_EQ(published("2019-11-18T09:00:00Z"), "2019-11-18T09:00:00Z");
}

// Without metadata, an element whose class names a date ("press__date", "date") dates
// the page; one that names another date (today's, an event's, an update) does not.
TEST(HtmlExtractorTest, AnElementNamedADateDatesThePage) {
  const auto published = [](const std::string& body) {
    return ExtractArticleFromHtml("<html><body>" + body +
                                  "<article><p>The council voted on Tuesday.</p></article>"
                                  "</body></html>")
        .published;
  };
  EXPECT_EQ(published("<div class=\"ws-press__date\">October 12, 2017</div>"), "2017-10-12");
  EXPECT_EQ(published("<span class=\"author-name-date\">19 Nov 2019 Washington</span>"),
            "2019-11-19");
  EXPECT_EQ(published("<span class=\"current-date\">December 7, 2026</span>"), "");
  EXPECT_EQ(published("<span class=\"event-date\">March 3, 2027</span>"), "");
  EXPECT_EQ(published("<span class=\"candidate\">Jane Doe, 12 May 2019</span>"), "");
}

// A <time datetime> with nothing saying what it dates ("1 day ago") dates the page when
// nothing else does, unless it sits among other stories or comments.
TEST(HtmlExtractorTest, TheFirstTimeElementOfThePageDatesIt) {
  const ExtractedPage page = ExtractArticleFromHtml(
      "<html><body><div class=\"related-stories\"><time datetime=\"2019-11-02T08:00:00Z\">"
      "Nov 2</time></div><article><time datetime=\"2019-11-19T10:36:00.000Z\">1 day ago</time>"
      "<p>Doctors offered free flu shots on Tuesday.</p></article></body></html>");
  EXPECT_EQ(page.published, "2019-11-19T10:36:00Z");
  const ExtractedPage comments = ExtractArticleFromHtml(
      "<html><body><article><p>Doctors offered free flu shots on Tuesday.</p></article>"
      "<ol class=\"comment-list\"><li><time datetime=\"2019-11-21\">Nov 21</time></li></ol>"
      "</body></html>");
  EXPECT_EQ(comments.published, "");
}

// A page that names no address of its own, read with the address it was fetched from:
// the title's outlet part is recognised by that host, and the path's day dates it.
TEST(HtmlExtractorTest, TheFetchedAddressStandsInForThePagesOwn) {
  const std::string html =
      "<html><head><title>The Space Review: Seeking a bigger role for a big rocket</title>"
      "</head><body><article><p>The core stage of the first SLS left Michoud on Monday, "
      "officials said.</p></article></body></html>";
  const ExtractedPage alone = ExtractArticleFromHtml(html);
  EXPECT_EQ(alone.site_name, "");
  EXPECT_EQ(alone.published, "");
  const ExtractedPage fetched =
      ExtractArticleFromHtml(html, "https://www.thespacereview.com/2019/11/18/article-3834");
  EXPECT_EQ(fetched.site_name, "The Space Review");
  EXPECT_EQ(fetched.title, "Seeking a bigger role for a big rocket");
  EXPECT_EQ(fetched.published, "2019-11-18");
  EXPECT_EQ(fetched.url, "");
}

}  // namespace
}  // namespace storyline
