// Page metadata from an HTML document's <head> and structured data: Open Graph and
// other <meta> tags, <link rel=canonical>, <title>, and schema.org JSON-LD (the
// NewsArticle / Article / BlogPosting object). Each field takes the first source, in a
// fixed order of trust, that gives a usable value.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

namespace storyline {

struct HtmlMetadata {
  std::string title;
  std::string author;  // several authors joined by ", "
  std::string site_name;
  std::string url;
  std::string published;     // io/published_date.h; empty when none parses or before 1000
  std::string article_body;  // JSON-LD articleBody, whitespace collapsed; often absent
};

// `address`: where the page was fetched from, when the caller knows it (follow, a WARC
// record); it stands in for the page's own address when the page names none, to name
// the outlet by its host and to read a date from its path. `url` stays the page's own.
HtmlMetadata ExtractHtmlMetadata(const GumboNode* root, std::string_view address = {});

// `text` with every run of whitespace turned into one space and the ends trimmed.
std::string CollapseWhitespace(std::string_view text);

}  // namespace storyline
