// One name, one reading, all through an article: the recognizer decides token by token
// and misses a name in one sentence that it found in another ("Axios reported ... told
// Axios"), or a surname standing alone after the full name ("Joe Biden ... Biden said").
// Every later or earlier occurrence of a name the article already tagged gets the same
// type, as a careful reader would tag it:
//   - the surface of every mention, matched token by token on capitalized words;
//   - the last word of a PERSON named in two or more words (the surname), alone.
// Occurrences inside an existing mention are left alone, and a surface the article tags
// with two different types is not spread (which reading would be a guess), except a
// surname tagged both PERSON and ORG: the person named in full wins ("Benjamin Netanyahu
// ... Netanyahu has", the lone surname read as an ORG by its shape).
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order (as the recognizer gives them); kept in text order.
void PropagateMentions(std::string_view text, const TokenizedText& tokens,
                       std::vector<EntityMention>& mentions);

}  // namespace storyline
