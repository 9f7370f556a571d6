#include "io/html_nesting.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace storyline {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is not markup: a '<' inside them opens no tag.
bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript", "plaintext"});
}

// Elements that never nest: void elements, and those an equal sibling closes implicitly.
bool NeverNests(std::string_view name) {
  return OneOf(name, {"area",   "base", "br",       "col",     "embed",  "hr",     "img",
                      "input",  "link", "meta",     "param",   "source", "track",  "wbr",
                      "keygen", "p",    "li",       "dt",      "dd",     "option", "optgroup",
                      "tr",     "td",   "th",       "thead",   "tbody",  "tfoot",  "rb",
                      "rt",     "rp",   "colgroup", "caption", "html",   "head",   "body"});
}

size_t FindCaseInsensitive(std::string_view haystack, std::string_view needle, size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  auto it = std::search(haystack.begin() + from, haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return Lower(a) == Lower(b); });
  return it == haystack.end() ? std::string_view::npos : it - haystack.begin();
}

// Index one past the '>' that ends the tag opened at `open`, skipping quoted attribute
// values; npos when the tag never ends.
size_t TagEnd(std::string_view html, size_t open) {
  char quote = 0;
  for (size_t i = open + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string LimitHtmlNesting(std::string_view html, int max_depth) {
  std::vector<std::pair<size_t, size_t>> dropped;  // byte ranges of removed tags
  int depth = 0;
  int excess = 0;  // start tags removed and not yet matched by an end tag
  size_t i = 0;
  constexpr auto npos = std::string_view::npos;
  while ((i = html.find('<', i)) != npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i + 4);
      if (i == npos) break;
      i += 3;
      continue;
    }
    bool is_end = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_start = i + 1 + (is_end ? 1 : 0);
    if (name_start >= html.size() || !IsAsciiAlpha(html[name_start])) {
      if (name_start < html.size() && (html[name_start] == '!' || html[name_start] == '?')) {
        i = html.find('>', name_start);
        if (i == npos) break;
      }
      ++i;
      continue;
    }
    size_t tag_end = TagEnd(html, i);
    if (tag_end == npos) break;
    std::string name;
    for (size_t k = name_start; k < tag_end && name.size() < 16; ++k) {
      char c = html[k];
      if (c == '>' || c == '/' || std::isspace(static_cast<unsigned char>(c))) break;
      name.push_back(Lower(c));
    }
    bool self_closing = html[tag_end - 2] == '/';
    if (!is_end && IsRawText(name)) {
      i = FindCaseInsensitive(html, "</" + name, tag_end);
      if (i == npos) break;
      continue;
    }
    if (!NeverNests(name) && !self_closing) {
      if (!is_end) {
        if (depth >= max_depth) {
          dropped.emplace_back(i, tag_end);
          ++excess;
        } else {
          ++depth;
        }
      } else if (excess > 0) {
        dropped.emplace_back(i, tag_end);
        --excess;
      } else if (depth > 0) {
        --depth;
      }
    }
    i = tag_end;
  }
  if (dropped.empty()) return std::string(html);
  std::string out;
  out.reserve(html.size());
  size_t copied = 0;
  for (auto [begin, end] : dropped) {
    out.append(html.substr(copied, begin - copied));
    copied = end;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace storyline
