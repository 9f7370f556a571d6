#include "extract/quotes/quote_finder.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"
#include "extract/quotes/quote_speaker.h"

namespace storyline {
namespace quote_internal {

// What QuoteAttributor indexes before it reads any speech verb: the article's sentences,
// its names, and the tokens between quotation marks.

void QuoteAttributor::CollectNames(std::span<const EntityMention> entities) {
  for (const EntityMention& e : entities) {
    if (e.type != "PERSON" && e.type != "ORG" && e.type != "PLACE") continue;
    const int first = TokenAt(e.span.start);
    const int end = TokenAt(e.span.end);
    if (first >= end) continue;
    names_.push_back({first, end, text_.substr(e.span.start, e.span.end - e.span.start), e.type,
                      e.entity.empty() ? nullptr : &e});
  }
  if (entities.empty()) CollectCapitalizedRuns();
}

void QuoteAttributor::CollectCapitalizedRuns() {
  for (const Sentence& s : sentences_) {
    int i = s.first_token;
    const int end = s.end_token;
    while (i < end) {
      if (!IsNameStart(i, s.first_token)) {
        ++i;
        continue;
      }
      int j = i + 1;
      while (j < end && (IsCapitalized(j) ||
                         (j + 1 < end && IsNameParticle(Word(j)) && IsCapitalized(j + 1)))) {
        ++j;
      }
      const uint32_t start = tokens_[i].start;
      names_.push_back({i, j, text_.substr(start, tokens_[j - 1].end - start), "NAME"});
      i = j;
    }
  }
}

void QuoteAttributor::IndexNames() {
  names_in_order_ =
      std::is_sorted(names_.begin(), names_.end(),
                     [](const NameMention& x, const NameMention& y) { return x.first < y.first; });
}

std::span<const NameMention> QuoteAttributor::NamesStartingIn(int a, int b) const {
  if (!names_in_order_) return names_;
  const auto by_first = [](const NameMention& n, int token) { return n.first < token; };
  const auto from = std::lower_bound(names_.begin(), names_.end(), a, by_first);
  const auto to = std::lower_bound(from, names_.end(), b, by_first);
  return {from, to};
}

const std::vector<std::string_view>& QuoteAttributor::SameTypeNamesEndingWith(
    std::string_view type, std::string_view last_word) const {
  if (!names_by_last_word_) {
    names_by_last_word_.emplace();
    for (const NameMention& n : names_) {
      const std::vector<std::string_view> words = NameWords(n.text);
      if (!words.empty()) (*names_by_last_word_)[{n.type, words.back()}].push_back(n.text);
    }
  }
  static const std::vector<std::string_view> kNone;
  const auto it = names_by_last_word_->find({type, last_word});
  return it == names_by_last_word_->end() ? kNone : it->second;
}

const NameMention* QuoteAttributor::NameStartingAt(int t) const {
  const NameMention* found = nullptr;
  for (const NameMention& n : NamesStartingIn(t, t + 1)) {
    if (n.first == t && (!found || n.end > found->end)) found = &n;
  }
  return found;
}

const NameMention* QuoteAttributor::NameAfterTitles(int t) const {
  for (int i = t; i < static_cast<int>(tokens_.size()) && i < t + 3; ++i) {
    if (const NameMention* name = NameStartingAt(i)) return name;
    if (quoted_[i] || !IsAsciiUpper(Word(i)[0])) return nullptr;
  }
  return nullptr;
}

bool QuoteAttributor::NameIn(int a, int b) const {
  const std::span<const NameMention> starting = NamesStartingIn(a, b);
  return std::any_of(starting.begin(), starting.end(),
                     [&](const NameMention& n) { return n.first >= a && n.end <= b; });
}

bool QuoteAttributor::IsPersonLike(const NameMention& n) const {
  if (n.type == "PERSON") return true;
  if (n.type != "NAME") return false;
  const std::vector<std::string_view> words = NameWords(n.text);
  return words.size() >= 2 &&
         HeadNounSpeakerKind(AsciiLower(words.back())) != SpeakerKind::kOrganization;
}

bool QuoteAttributor::IsNameStart(int i, int sentence_start) const {
  if (!IsCapitalized(i) || !IsWordToken(i)) return false;
  if (i != sentence_start || !tags_.empty()) return true;
  return !IsCapitalizedFunctionWord(Lower(i));
}

void QuoteAttributor::MarkQuotedTokens(const std::vector<QuoteMarkSpan>& spans) {
  quoted_.assign(tokens_.size(), false);
  for (const QuoteMarkSpan& span : spans) {
    if (span.nested) continue;
    for (int t = TokenAt(span.outer.start);
         t < static_cast<int>(tokens_.size()) && tokens_[t].end <= span.outer.end; ++t) {
      quoted_[t] = true;
    }
  }
}

void QuoteAttributor::CountQuotedTexts(const std::vector<QuoteMarkSpan>& spans) {
  for (const QuoteMarkSpan& span : spans) {
    if (!span.nested) ++quoted_texts_[std::string(WithoutClosingPunctuation(span))];
  }
}

std::string_view QuoteAttributor::WithoutClosingPunctuation(const QuoteMarkSpan& span) const {
  std::string_view content =
      text_.substr(span.content.start, span.content.end - span.content.start);
  while (!content.empty() &&
         std::string_view(".,;:").find(content.back()) != std::string_view::npos) {
    content.remove_suffix(1);
  }
  return content;
}

}  // namespace quote_internal

std::vector<Quote> FindQuotes(std::string_view text, const TokenizedText& tokens,
                              std::span<const PosTag> tags, std::span<const Dependency> deps,
                              std::span<const EntityMention> entities) {
  return quote_internal::QuoteAttributor(text, tokens, tags, deps, entities).Run();
}

}  // namespace storyline
