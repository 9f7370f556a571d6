#include "synth/citation.h"

#include <algorithm>

namespace storyline {

std::string OutletOf(const Article& article) {
  return article.source.empty() ? std::string(kUnknownSource) : article.source;
}

bool IsKnownOutlet(std::string_view source) { return source != kUnknownSource; }

Citation Cite(const StoredArticle& stored, Span span) {
  const std::string& text = stored.article.text;
  const uint32_t size = static_cast<uint32_t>(text.size());
  const uint32_t start = std::min(span.start, size);
  const uint32_t end = std::clamp(span.end, start, size);
  return Citation{OutletOf(stored.article), stored.article.id, stored.article.published,
                  Span{start, end}, text.substr(start, end - start)};
}

}  // namespace storyline
