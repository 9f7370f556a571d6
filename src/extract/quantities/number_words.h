// English number words and the singular of counted nouns: the small lexicons the
// quantity finder reads numbers and units with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// "seven" -> 7, "twenty-five" -> 25, "dozen" -> 12; nullopt for anything else.
// Scale words are separate (NumberScale), so "two hundred" is read as 2 x 100.
std::optional<double> NumberWordValue(std::string_view lower_word);

// "hundred" -> 100, "thousand" -> 1e3, "million" -> 1e6, "billion", "trillion", "bn",
// "lakh" -> 1e5, "crore" -> 1e7.
std::optional<double> NumberScale(std::string_view lower_word);

// "hundreds" -> 100, "thousands" -> 1e3, "dozens" -> 12, "millions", "scores" -> 20:
// the lower bound of a vague plural amount.
std::optional<double> VagueAmount(std::string_view lower_word);

// "tunnels" -> "tunnel", "people" -> "person", "casualties" -> "casualty".
std::string Singular(std::string_view lower_noun);

// Units a number measures in, singular and lower-case: "mile", "kg", "hour", "cup",
// "kwh". A count of one of these stands on its own ("1 cup spinach" measures cups), where
// another singular noun may only modify the noun after it ("a 180 page book").
bool IsUnitOfMeasure(std::string_view lower_singular);

}  // namespace storyline
