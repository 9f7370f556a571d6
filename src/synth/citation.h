// Where a compared fact comes from: the outlet, the article and the byte span of its
// text, so every line of `storyline compare` can be checked against the words behind it.
#pragma once

#include <optional>
#include <string>

#include "core/analysis.h"
#include "store/store.h"

namespace storyline {

struct Citation {
  std::string source;   // outlet; "(unknown source)" when the article names none
  std::string article;  // external id
  std::optional<std::string> published;
  Span span;
  std::string text;  // the span's text
};

// The outlet an article is counted under.
std::string OutletOf(const Article& article);

// Cites `span` of `stored`'s text (clamped to the text).
Citation Cite(const StoredArticle& stored, Span span);

}  // namespace storyline
