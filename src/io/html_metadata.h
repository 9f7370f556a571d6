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
  std::string published;     // ISO 8601 date or date-time; empty when none parses
  std::string article_body;  // JSON-LD articleBody, whitespace collapsed; often absent
};

HtmlMetadata ExtractHtmlMetadata(const GumboNode* root);

// An ISO 8601 date ("2019-11-19") or date-time ("2019-11-19T10:05:00-05:00") for the
// ways pages write publication dates: ISO forms with a space or 'T', "2019/11/19",
// "November 19, 2019", "19 Nov 2019". Empty when the value is none of these.
std::string NormalizePublishedDate(std::string_view value);

// `text` with every run of whitespace turned into one space and the ends trimmed.
std::string CollapseWhitespace(std::string_view text);

}  // namespace storyline
