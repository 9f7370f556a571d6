#include "extract/quantities/number_words.h"

#include <algorithm>
#include <array>
#include <utility>

namespace storyline {
namespace {

template <size_t N>
std::optional<double> Lookup(const std::array<std::pair<std::string_view, double>, N>& table,
                             std::string_view word) {
  for (const auto& [name, value] : table) {
    if (name == word) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, double>, 29> kNumberWords = {{
    {"zero", 0},     {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"dozen", 12},    {"one", 1},
}};

constexpr std::array<std::pair<std::string_view, double>, 9> kScales = {{
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
    {"bn", 1e9},
    {"mn", 1e6},
    {"lakh", 1e5},  // South Asian: "Rs 25 lakh" is 2.5 million rupees
    {"crore", 1e7},
}};

constexpr std::array<std::pair<std::string_view, double>, 7> kVague = {{
    {"dozens", 12},
    {"scores", 20},
    {"hundreds", 100},
    {"thousands", 1e3},
    {"tens", 10},
    {"millions", 1e6},
    {"billions", 1e9},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kIrregularPlurals = {{
    {"lives", "life"},
    {"wives", "wife"},
    {"knives", "knife"},
    {"thieves", "thief"},
    {"halves", "half"},
    {"shelves", "shelf"},
    {"diagnoses", "diagnosis"},
    {"analyses", "analysis"},
    {"crises", "crisis"},
    {"theses", "thesis"},
    {"hypotheses", "hypothesis"},
    {"people", "person"},
    {"children", "child"},
    {"men", "man"},
    {"women", "woman"},
    {"feet", "foot"},
    {"teeth", "tooth"},
    {"mice", "mouse"},
    {"police", "police"},
    {"news", "news"},
    {"series", "series"},
    {"species", "species"},
    {"aircraft", "aircraft"},
}};

constexpr auto kUnitsOfMeasure = std::to_array<std::string_view>({
    "percent",    "second", "sec",        "minute",     "min",        "hour",      "hr",
    "day",        "week",   "month",      "year",       "decade",     "century",   "millisecond",
    "inch",       "foot",   "ft",         "yard",       "mile",       "mi",        "meter",
    "metre",      "m",      "km",         "kilometer",  "kilometre",  "cm",        "centimeter",
    "centimetre", "mm",     "millimeter", "millimetre", "acre",       "hectare",   "sq",
    "gram",       "g",      "kg",         "kilogram",   "mg",         "milligram", "ton",
    "tonne",      "lb",     "pound",      "oz",         "ounce",      "stone",     "liter",
    "litre",      "l",      "ml",         "milliliter", "gallon",     "barrel",    "cup",
    "tsp",        "tbsp",   "teaspoon",   "tablespoon", "pint",       "quart",     "mph",
    "kph",        "knot",   "degree",     "celsius",    "fahrenheit", "calorie",   "kcal",
    "watt",       "w",      "kw",         "kwh",        "mw",         "mwh",       "gw",
    "gwh",        "hp",     "horsepower", "volt",       "v",          "gb",        "mb",
    "tb",         "ghz",    "mhz",        "megapixel",  "db",         "dba",       "lb-ft",
    "cu.ft.",     "cu.ft",  "nm",         "ps",
});

}  // namespace

bool IsUnitOfMeasure(std::string_view word) {
  return std::find(kUnitsOfMeasure.begin(), kUnitsOfMeasure.end(), word) != kUnitsOfMeasure.end();
}

std::optional<double> NumberWordValue(std::string_view word) {
  if (auto value = Lookup(kNumberWords, word)) return value;
  // "twenty-five": tens, hyphen, unit.
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos) return std::nullopt;
  auto tens = Lookup(kNumberWords, word.substr(0, hyphen));
  auto units = Lookup(kNumberWords, word.substr(hyphen + 1));
  if (!tens || !units || *tens < 20 || *units >= 10) return std::nullopt;
  return *tens + *units;
}

std::optional<double> NumberScale(std::string_view word) { return Lookup(kScales, word); }

std::optional<double> VagueAmount(std::string_view word) { return Lookup(kVague, word); }

std::string Singular(std::string_view noun) {
  for (const auto& [plural, singular] : kIrregularPlurals) {
    if (noun == plural) return std::string(singular);
  }
  auto ends = [&](std::string_view suffix) { return noun.ends_with(suffix); };
  if (noun.size() > 4 && ends("ies")) return std::string(noun.substr(0, noun.size() - 3)) + "y";
  if (noun.size() > 4 && (ends("sses") || ends("shes") || ends("ches") || ends("xes"))) {
    return std::string(noun.substr(0, noun.size() - 2));
  }
  if (noun.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    return std::string(noun.substr(0, noun.size() - 1));
  }
  return std::string(noun);
}

}  // namespace storyline
