// News feeds as `follow` polls them: RSS 2.0 (and the 0.9x dialects), RSS 1.0 (RDF),
// Atom 1.0, and sitemaps (Google News sitemaps, plain url sets, sitemap indexes). A feed
// becomes a list of items, each an article page to fetch with what the feed says about it.
//
// Parsed with libxml2 in recovery mode, as feed readers must (real feeds are often not
// well-formed XML): what can be read is kept. The reader never fetches anything (no DTDs,
// no external entities) and never expands entities beyond XML's predefined five and
// character references, so a feed cannot make it fetch or grow without bound.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

enum class FeedFormat { kRss, kRdf, kAtom, kNewsSitemap, kSitemap, kSitemapIndex };

// Names a format as logs and errors print it: "RSS", "RSS 1.0", "Atom", ...
std::string_view FeedFormatName(FeedFormat format);

struct FeedItem {
  std::string url;    // the article page, absolute (resolved against the feed's address)
  std::string id;     // the feed's own id (RSS guid, Atom id); empty when it gives none
  std::string title;  // as plain text, whitespace collapsed
  // ISO 8601 (io/published_date.h), empty when the feed gives none or an unreadable one.
  std::string published;
  std::string updated;  // when the feed says the item last changed (Atom, sitemap lastmod)
};

struct Feed {
  FeedFormat format = FeedFormat::kRss;
  std::string title;
  std::vector<FeedItem> items;
  std::vector<std::string> sitemaps;  // a sitemap index's child sitemaps, absolute
};

// A body that holds no feed at all: not XML, or XML of another kind (an HTML page).
class FeedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `body`, fetched from the absolute URL `address` (the base for relative links).
// `content_type_charset` is the charset the HTTP response named, if any; it decides the
// encoding when the document itself declares none. A feed declared as UTF-8 that is
// not valid UTF-8 is read as windows-1252, as browsers do. Items without a usable http(s)
// link are left out. Throws FeedError when the body is not a feed of a known format.
Feed ReadFeed(std::string_view body, std::string_view address,
              std::string_view content_type_charset = {});

}  // namespace storyline
