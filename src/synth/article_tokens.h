// One stored article with its tokens and sentences, the unit every comparison module
// scans. The analysis gives spans in bytes; comparisons look at the words around them,
// so this maps byte offsets to tokens and tokens to sentences.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "text/token.h"

namespace storyline {

class ArticleTokens {
 public:
  explicit ArticleTokens(const StoredArticle& stored);

  const StoredArticle& stored() const { return *stored_; }
  const std::vector<Token>& tokens() const { return text_.tokens; }
  size_t size() const { return text_.tokens.size(); }
  std::string_view Word(size_t token) const;

  // The first token that ends after `offset` (size() when none).
  size_t TokenAt(uint32_t offset) const;
  // Tokens [first, end) covering the byte span.
  std::pair<size_t, size_t> TokensOf(Span span) const;
  // The sentence holding `token`, as a token range [first, end), and its number.
  std::pair<size_t, size_t> SentenceOf(size_t token) const;
  size_t SentenceIndex(size_t token) const { return sentence_of_[token]; }
  // Byte span of tokens [first, end); end > first.
  Span SpanOf(size_t first, size_t end) const;

 private:
  const StoredArticle* stored_;
  TokenizedText text_;
  std::vector<size_t> sentence_of_;  // per token, index into text_.sentences
};

// Tokenizes every article once, in the order given.
std::vector<ArticleTokens> TokenizeArticles(const std::vector<StoredArticle>& articles);

}  // namespace storyline
