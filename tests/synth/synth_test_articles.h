// Hand-built stored articles for the synth tests: the text as written, and analysis spans
// placed by searching the text, so a test reads like the article it checks.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace storyline::testing {

inline StoredArticle MakeArticle(std::string id, std::string source,
                                 std::optional<std::string> published, std::string text) {
  StoredArticle stored;
  stored.article.id = std::move(id);
  stored.article.source = std::move(source);
  stored.article.published = std::move(published);
  stored.article.text = std::move(text);
  return stored;
}

// The span of the `occurrence`-th (0-based) appearance of `needle`.
inline Span SpanOf(const StoredArticle& stored, std::string_view needle, int occurrence = 0) {
  size_t at = stored.article.text.find(needle);
  for (int i = 0; i < occurrence && at != std::string::npos; ++i) {
    at = stored.article.text.find(needle, at + 1);
  }
  EXPECT_NE(at, std::string::npos) << needle;
  if (at == std::string::npos) return {};
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

inline void AddQuantity(StoredArticle& stored, std::string_view needle, double value,
                        std::string unit, bool approximate = false) {
  const Span span = SpanOf(stored, needle);
  stored.analysis.quantities.push_back(
      {span, std::string(needle), value, std::move(unit), approximate});
}

inline void AddEntity(StoredArticle& stored, std::string_view needle, std::string type,
                      std::string entity, std::string name, int occurrence = 0,
                      std::string title = "") {
  EntityMention mention;
  mention.span = SpanOf(stored, needle, occurrence);
  mention.text = std::string(needle);
  mention.type = std::move(type);
  mention.entity = std::move(entity);
  mention.name = std::move(name);
  mention.title = std::move(title);
  stored.analysis.entities.push_back(std::move(mention));
}

}  // namespace storyline::testing
