// Main-text extraction for news and blog pages: the article body without navigation,
// ads, comments, related links, share bars, captions or cookie banners, plus the
// page's metadata (see io/html_metadata.h).
//
// The body is found the way Readability does it: paragraphs score their ancestors by
// length and commas, containers are weighted by class/id hints and penalised by link
// density, and the best container is taken together with its strong siblings, then
// cleaned of link lists and widget-like blocks. When a strict pass finds too little
// text, looser passes run, and schema.org articleBody is the last resort.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

struct ExtractedPage {
  std::string title, author, site_name, url;
  std::string published;  // ISO 8601 date or date-time, or empty when the page gives none
  std::string text;       // main article text: paragraphs separated by "\n", no boilerplate
  std::string refused;    // why the page was not parsed at all (io/html_nesting.h), or empty
};

// Never throws on any byte input; bounded time and memory on pathological pages (see
// io/html_nesting.h: a page with too many elements for its size is refused). Bytes
// in a declared non-UTF-8 charset are converted; the result is valid UTF-8. `address`:
// where the page was fetched from, when known (see ExtractHtmlMetadata).
ExtractedPage ExtractArticleFromHtml(std::string_view html, std::string_view address = {});

}  // namespace storyline
