// Finds the amounts an article reports, with their value and what they count or
// measure: "40,170" (bare), "seven hostages", "hundreds of protesters", "about 9 miles",
// "a 30-minute call", "$5 million", "12 percent", "1.5 million people".
//
// The counted noun is the first noun after the number (skipping adjectives and proper
// nouns in between when part-of-speech tags are given), lower-cased and singular
// ("150 tunnels" -> 150, "tunnel"); money and percentages get "USD", "EUR", "GBP",
// "percent". Vague amounts ("hundreds of", "dozens") take their lower bound and are
// marked approximate, as are hedged ones ("more than 40", "nearly 1,200").
//
// Numbers that belong to a date or time (years, days of the month, clock times) are
// not quantities: pass the article's time expressions as `exclude`.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` holds one tag per token, or is empty when no tagger ran.
std::vector<Quantity> FindQuantities(std::string_view text, const TokenizedText& tokens,
                                     std::span<const PosTag> tags,
                                     std::span<const TimeExpression> exclude);

}  // namespace storyline
