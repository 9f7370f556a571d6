#include "io/html_nesting.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
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

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Where the attribute after the first `max` ones of a start tag begins, scanning the
// tag's attributes in [from, end) as the HTML tokenizer splits them; npos when there are
// no more than `max`.
size_t AttributesPast(std::string_view html, size_t from, size_t end, int max) {
  constexpr auto npos = std::string_view::npos;
  size_t k = from;
  for (int count = 0;; ++count) {
    while (k < end && (IsSpace(html[k]) || html[k] == '/')) ++k;
    if (k >= end) return npos;
    if (count == max) return k;
    ++k;  // a name's first character may be anything, '=' included
    while (k < end && !IsSpace(html[k]) && html[k] != '/' && html[k] != '=') ++k;
    size_t after = k;
    while (after < end && IsSpace(html[after])) ++after;
    if (after >= end || html[after] != '=') continue;
    k = after + 1;
    while (k < end && IsSpace(html[k])) ++k;
    if (k < end && (html[k] == '"' || html[k] == '\'')) {
      const size_t close = html.find(html[k], k + 1);
      k = close == npos || close >= end ? end : close + 1;
    } else {
      while (k < end && !IsSpace(html[k])) ++k;
    }
  }
}

std::optional<std::string> Bound(std::string_view html, int max_depth, int max_attributes,
                                 size_t max_elements) {
  std::vector<std::pair<size_t, size_t>> dropped;  // byte ranges removed, in order
  size_t elements = 0;
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
    // Start tags removed for their depth never reach the parser and are not counted.
    bool removed = false;
    if (!is_end) {
      const size_t attributes_end = tag_end - 1 - (self_closing ? 1 : 0);
      const size_t cut =
          AttributesPast(html, name_start + name.size(), attributes_end, max_attributes);
      if (cut != npos) dropped.emplace_back(cut, attributes_end);
    }
    if (!is_end && IsRawText(name)) {
      if (++elements > max_elements) return std::nullopt;
      i = FindCaseInsensitive(html, "</" + name, tag_end);
      if (i == npos) break;
      continue;
    }
    if (!NeverNests(name) && !self_closing) {
      if (!is_end) {
        if (depth >= max_depth) {
          // The whole tag goes, its attributes with it.
          if (!dropped.empty() && dropped.back().first > i) dropped.pop_back();
          dropped.emplace_back(i, tag_end);
          ++excess;
          removed = true;
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
    if (!is_end && !removed && ++elements > max_elements) return std::nullopt;
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

}  // namespace

size_t ElementBudget(size_t bytes) { return kMinElementBudget + bytes / kBytesPerElement; }

std::optional<std::string> BoundHtmlForParser(std::string_view html) {
  return Bound(html, kMaxHtmlNesting, kMaxHtmlAttributes, ElementBudget(html.size()));
}

std::string LimitHtmlNesting(std::string_view html, int max_depth) {
  return *Bound(html, max_depth, INT_MAX, SIZE_MAX);
}

}  // namespace storyline
