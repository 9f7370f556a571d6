#include "synth/article_tokens.h"

#include <algorithm>

#include "text/tokenizer.h"

namespace storyline {

ArticleTokens::ArticleTokens(const StoredArticle& stored)
    : stored_(&stored), text_(Tokenizer().Tokenize(stored.article.text)) {
  sentence_of_.assign(text_.tokens.size(), 0);
  for (size_t s = 0; s < text_.sentences.size(); ++s) {
    for (uint32_t t = text_.sentences[s].first_token; t < text_.sentences[s].end_token; ++t) {
      sentence_of_[t] = s;
    }
  }
}

std::string_view ArticleTokens::Word(size_t token) const {
  return text_.tokens[token].In(stored_->article.text);
}

size_t ArticleTokens::TokenAt(uint32_t offset) const {
  const auto it =
      std::upper_bound(text_.tokens.begin(), text_.tokens.end(), offset,
                       [](uint32_t value, const Token& token) { return value < token.end; });
  return static_cast<size_t>(it - text_.tokens.begin());
}

std::pair<size_t, size_t> ArticleTokens::TokensOf(Span span) const {
  const size_t first = TokenAt(span.start);
  size_t end = first;
  while (end < text_.tokens.size() && text_.tokens[end].start < span.end) ++end;
  return {first, end};
}

std::pair<size_t, size_t> ArticleTokens::SentenceOf(size_t token) const {
  if (text_.sentences.empty() || token >= sentence_of_.size()) return {token, token};
  const Sentence& sentence = text_.sentences[sentence_of_[token]];
  return {sentence.first_token, sentence.end_token};
}

Span ArticleTokens::SpanOf(size_t first, size_t end) const {
  return Span{text_.tokens[first].start, text_.tokens[end - 1].end};
}

std::vector<ArticleTokens> TokenizeArticles(const std::vector<StoredArticle>& articles) {
  std::vector<ArticleTokens> tokenized;
  tokenized.reserve(articles.size());
  for (const StoredArticle& stored : articles) tokenized.emplace_back(stored);
  return tokenized;
}

}  // namespace storyline
