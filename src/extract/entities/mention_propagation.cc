#include "extract/entities/mention_propagation.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

#include "extract/entities/mention_edits.h"

namespace storyline {
namespace {

constexpr size_t kMinSurnameBytes = 3;  // "Li" and initials are too ambiguous alone

// A name to look for: its words, and the type the article gave it ("" when two types).
using NameTypes = std::map<std::vector<std::string_view>, std::string>;

// Conjunctions and adverbs capitalized only because they open a sentence ("But Netanyahu
// has"): never a word of a name, so the name after them stands alone.
constexpr std::array<std::string_view, 30> kSentenceOpeners = {
    "But",       "And",     "Or",     "So",    "Yet",  "When",     "While",  "If",
    "As",        "After",   "Before", "Since", "Then", "Although", "Though", "Because",
    "Meanwhile", "However", "Still",  "Also",  "Now",  "Once",     "Until",  "Unless",
    "Whether",   "Where",   "Why",    "How",   "What", "Instead"};

bool IsSentenceOpener(std::string_view word) {
  return std::find(kSentenceOpeners.begin(), kSentenceOpeners.end(), word) !=
         kSentenceOpeners.end();
}

std::vector<std::string_view> Words(std::string_view text, const TokenizedText& tokens, Span span) {
  const auto [first, end] = TokensInSpan(tokens, span);
  std::vector<std::string_view> words;
  for (size_t i = first; i < end; ++i) words.push_back(tokens.tokens[i].In(text));
  return words;
}

NameTypes ArticleNames(std::string_view text, const TokenizedText& tokens,
                       const std::vector<EntityMention>& mentions) {
  std::map<std::vector<std::string_view>, std::set<std::string_view>> types;
  std::set<std::string_view> surnames;
  for (const EntityMention& mention : mentions) {
    std::vector<std::string_view> words = Words(text, tokens, mention.span);
    if (words.empty() || !StartsUpper(words.front())) continue;
    if (mention.type == "PERSON" && words.size() >= 2 && words.back().size() >= kMinSurnameBytes) {
      types[{words.back()}].insert(mention.type);
      surnames.insert(words.back());
    }
    types[std::move(words)].insert(mention.type);
  }
  NameTypes names;
  for (auto& [words, seen] : types) {
    // The recognizer reads a lone surname by its shape and often calls it an ORG
    // ("Netanyahu has"); the article named the person in full, so the person wins.
    const bool surname_read_as_org = words.size() == 1 && surnames.contains(words.front()) &&
                                     seen == std::set<std::string_view>{"ORG", "PERSON"};
    const bool one_type = seen.size() == 1 || surname_read_as_org;
    names.emplace(words, one_type ? std::string(surname_read_as_org ? "PERSON" : *seen.begin())
                                  : std::string());
  }
  return names;
}

// The longest name with a type that starts at token `first`; its length in tokens (0 if
// none). `by_first_word` indexes `names` by their first word.
size_t LongestNameAt(
    std::string_view text, const TokenizedText& tokens, size_t first,
    const std::multimap<std::string_view, const NameTypes::value_type*>& by_first_word,
    const std::string** type) {
  size_t best = 0;
  const auto [from, to] = by_first_word.equal_range(tokens.tokens[first].In(text));
  for (auto it = from; it != to; ++it) {
    const auto& [words, name_type] = *it->second;
    if (name_type.empty() || words.size() <= best || first + words.size() > tokens.tokens.size()) {
      continue;
    }
    bool match = true;
    for (size_t i = 1; i < words.size() && match; ++i) {
      match = tokens.tokens[first + i].In(text) == words[i];
    }
    if (match) best = words.size(), *type = &name_type;
  }
  return best;
}

}  // namespace

void PropagateMentions(std::string_view text, const TokenizedText& tokens,
                       std::vector<EntityMention>& mentions) {
  const NameTypes names = ArticleNames(text, tokens, mentions);
  if (names.empty()) return;
  std::multimap<std::string_view, const NameTypes::value_type*> by_first_word;
  for (const auto& name : names) by_first_word.emplace(name.first.front(), &name);
  std::vector<bool> covered(tokens.tokens.size(), false);
  for (const EntityMention& mention : mentions) {
    const auto [first, end] = TokensInSpan(tokens, mention.span);
    std::fill(covered.begin() + static_cast<long>(first), covered.begin() + static_cast<long>(end),
              true);
  }
  std::vector<EntityMention> found;
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (covered[i] || !StartsUpper(tokens.tokens[i].In(text))) continue;
    const std::string* type = nullptr;
    const size_t length = LongestNameAt(text, tokens, i, by_first_word, &type);
    if (length == 0) continue;
    const size_t end = i + length;
    if (std::any_of(covered.begin() + static_cast<long>(i),
                    covered.begin() + static_cast<long>(end), [](bool c) { return c; })) {
      continue;
    }
    // A name inside a longer capitalized phrase ("Biden Foundation") is another name.
    if ((i > 0 && StartsUpper(tokens.tokens[i - 1].In(text)) &&
         !IsSentenceOpener(tokens.tokens[i - 1].In(text)) &&
         tokens.tokens[i - 1].end + 1 == tokens.tokens[i].start) ||
        (end < tokens.tokens.size() && StartsUpper(tokens.tokens[end].In(text)) &&
         tokens.tokens[end - 1].end + 1 == tokens.tokens[end].start)) {
      continue;
    }
    EntityMention mention;
    mention.span = {tokens.tokens[i].start, tokens.tokens[end - 1].end};
    mention.text =
        std::string(text.substr(mention.span.start, mention.span.end - mention.span.start));
    mention.type = *type;
    found.push_back(std::move(mention));
    i = end - 1;
  }
  if (found.empty()) return;
  mentions.insert(mentions.end(), found.begin(), found.end());
  std::sort(mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
}

}  // namespace storyline
