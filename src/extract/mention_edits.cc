#include "extract/mention_edits.h"

#include <algorithm>

namespace storyline {

bool StartsUpper(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

bool FollowsBySpace(std::string_view text, const TokenizedText& tokens, size_t i) {
  if (i == 0 || i >= tokens.tokens.size()) return false;
  const uint32_t gap_start = tokens.tokens[i - 1].end;
  return tokens.tokens[i].start == gap_start + 1 && text[gap_start] == ' ';
}

std::pair<size_t, size_t> TokensInSpan(const TokenizedText& tokens, Span span) {
  const auto begin = tokens.tokens.begin();
  const auto first = std::lower_bound(begin, tokens.tokens.end(), span.start,
                                      [](const Token& t, uint32_t at) { return t.start < at; });
  auto end = first;
  while (end != tokens.tokens.end() && end->end <= span.end) ++end;
  return {static_cast<size_t>(first - begin), static_cast<size_t>(end - begin)};
}

bool MentionReachesOutside(const TokenizedText& tokens, size_t first, size_t end,
                           const std::vector<EntityMention>& mentions) {
  const uint32_t start = tokens.tokens[first].start;
  const uint32_t stop = tokens.tokens[end - 1].end;
  return std::any_of(mentions.begin(), mentions.end(), [&](const EntityMention& m) {
    return m.span.start < stop && start < m.span.end && (m.span.start < start || m.span.end > stop);
  });
}

void PutMention(std::string_view text, const TokenizedText& tokens, size_t first, size_t end,
                std::string type, std::vector<EntityMention>& mentions) {
  EntityMention mention;
  mention.span = {tokens.tokens[first].start, tokens.tokens[end - 1].end};
  mention.text =
      std::string(text.substr(mention.span.start, mention.span.end - mention.span.start));
  mention.type = std::move(type);
  std::erase_if(mentions, [&](const EntityMention& m) {
    return m.span.start < mention.span.end && mention.span.start < m.span.end;
  });
  const auto at =
      std::lower_bound(mentions.begin(), mentions.end(), mention.span.start,
                       [](const EntityMention& m, uint32_t start) { return m.span.start < start; });
  mentions.insert(at, std::move(mention));
}

}  // namespace storyline
