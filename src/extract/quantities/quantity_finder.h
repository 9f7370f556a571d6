// Finds the amounts an article reports, with their value and what they count or
// measure: "seven hostages", "hundreds of protesters", "about 9 miles", "a 30-minute
// call", "$5 million", "12 percent", "1.5 million people", "117 of its citizens".
//
// The counted noun is the head of the noun phrase after the number, lower-cased and
// singular ("150 tunnels" -> 150, "tunnel"; "six safety systems" -> "system"; "1 cup
// spinach" -> "cup"); a part counts the noun of its "of" phrase ("two of the three
// victims" -> "victim"). Money and percentages get "USD", "EUR", "GBP", "INR", "KRW",
// "percent". Vague amounts ("hundreds of", "dozens") and ranges ("1-2 hours", "75 to 100
// people", "30 or 40 people") take their lower bound and are marked approximate, as are
// hedged ones ("more than 40", "nearly 1,200"); "4 minutes and 15 seconds" is one amount
// in the smaller unit.
//
// Precision first: a quantity is a number about something, so a number whose unit or
// counted noun is unknown (a table cell, a score, "the already agreed upon 150") is not
// reported, nor is a number inside a name, title or label ("Boeing 737", "10 Things in
// Tech", "80 Day Obsession", "phase two", "WeWork's 2025 bond", "USB 3.0"), an address
// ("the 5500 block of", "561 N. Center"), a phone number, a clock time or radio frequency
// ("9.30 A.M.", "101.5 FM"), or an idiom ("one thing", "at one point", "no one").
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
