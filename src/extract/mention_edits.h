// What the entity rule layers share when they read tokens and rewrite the recognizer's
// text-ordered mention list: capitalization and adjacency of tokens, the tokens a
// mention covers, and putting a new mention in place of those it overlaps.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// Whether `word` is one of `words` (a rule's list of cue words).
template <size_t N>
bool InWordList(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Starts with an ASCII capital ("Gaza", "U.S.", "AP").
bool StartsUpper(std::string_view word);

// Token `i` follows token `i - 1` after exactly one space, as words of one name do
// ("Defense Forces", not "Israel, Defense" or "Israel\nDefense"). False for i == 0.
bool FollowsBySpace(std::string_view text, const TokenizedText& tokens, size_t i);

// The tokens [first, end) lying inside `span`.
std::pair<size_t, size_t> TokensInSpan(const TokenizedText& tokens, Span span);

// Whether some mention overlaps tokens [first, end) and reaches outside them: the
// recognizer then read a longer or different name there, which a rule leaves alone.
bool MentionReachesOutside(const TokenizedText& tokens, size_t first, size_t end,
                           const std::vector<EntityMention>& mentions);

// Replaces every mention overlapping tokens [first, end) by one mention of `type` over
// them; `mentions` stays in text order.
void PutMention(std::string_view text, const TokenizedText& tokens, size_t first, size_t end,
                std::string type, std::vector<EntityMention>& mentions);

}  // namespace storyline
