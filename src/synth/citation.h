// Where a compared fact comes from: the outlet, the article and the byte span of its
// text, so every line of `storyline compare` can be checked against the words behind it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/analysis.h"
#include "store/store.h"

namespace storyline {

struct Citation {
  std::string source;   // outlet; kUnknownSource when the article names none
  std::string article;  // external id
  std::optional<std::string> published;
  Span span;
  std::string text;  // the span's text
};

// What an article that names no outlet is cited under. It is no outlet: two such
// articles may come from one, so they never make a claim of "several outlets", a column
// of their own or an outlet count.
inline constexpr std::string_view kUnknownSource = "(unknown source)";

// The outlet an article is counted under; kUnknownSource when it names none.
std::string OutletOf(const Article& article);

// False for kUnknownSource.
bool IsKnownOutlet(std::string_view source);

// Cites `span` of `stored`'s text (clamped to the text).
Citation Cite(const StoredArticle& stored, Span span);

}  // namespace storyline
