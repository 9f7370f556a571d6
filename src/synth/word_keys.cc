#include "synth/word_keys.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

#include "text/ascii.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 96> kFunctionWords = {
    "a",      "an",      "the",   "this",      "that",   "these",  "those", "and",   "or",
    "but",    "nor",     "of",    "in",        "on",     "at",     "to",    "for",   "from",
    "by",     "with",    "into",  "over",      "after",  "before", "as",    "than",  "about",
    "around", "roughly", "some",  "any",       "all",    "more",   "most",  "less",  "least",
    "nearly", "almost",  "up",    "down",      "out",    "off",    "is",    "are",   "was",
    "were",   "be",      "been",  "being",     "has",    "have",   "had",   "do",    "does",
    "did",    "will",    "would", "could",     "should", "may",    "might", "can",   "it",
    "its",    "he",      "she",   "they",      "them",   "his",    "her",   "their", "we",
    "our",    "you",     "i",     "who",       "whom",   "which",  "what",  "there", "said",
    "says",   "say",     "told",  "according", "also",   "per",    "cent",  "while", "when",
    "if",     "so",      "such",  "other",     "only",   "just"};

constexpr std::array<std::string_view, 12> kNegationCues = {
    "not", "n't",    "no",     "never", "none",    "without",
    "yet", "denied", "denies", "deny",  "neither", "nobody"};

bool IsSpelledNumber(std::string_view lower) {
  static const std::set<std::string, std::less<>> kNumbers = {
      "one",      "two",      "three",     "four",     "five",     "six",      "seven",
      "eight",    "nine",     "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen",  "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",   "thirty",
      "forty",    "fifty",    "sixty",     "seventy",  "eighty",   "ninety",   "hundred",
      "hundreds", "thousand", "thousands", "million",  "millions", "billion",  "billions",
      "dozen",    "dozens",   "half",      "twice",    "trillion", "score",    "scores"};
  return kNumbers.contains(lower);
}

bool IsFunctionWord(std::string_view lower) {
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), lower) != kFunctionWords.end();
}

bool HasLetter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

std::string StripPossessive(std::string word) {
  for (const std::string_view ending : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (EndsWith(word, ending)) return word.substr(0, word.size() - ending.size());
  }
  return word;
}

std::string StripPlural(std::string word) {
  if (word.size() > 4 && EndsWith(word, "ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 4 && (EndsWith(word, "sses") || EndsWith(word, "ches") ||
                          EndsWith(word, "shes") || EndsWith(word, "xes"))) {
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 3 && EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") &&
      !EndsWith(word, "is")) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

// Past forms a suffix cannot undo, and words that say the same of a count: a key per
// happening ("sought" -> "seek", "dead" -> "kill").
std::string_view IrregularBase(std::string_view lower) {
  static const std::map<std::string, std::string, std::less<>> kBases = {
      {"sought", "seek"},   {"shot", "shoot"},   {"fled", "flee"},      {"left", "leave"},
      {"held", "hold"},     {"took", "take"},    {"taken", "take"},     {"won", "win"},
      {"lost", "lose"},     {"made", "make"},    {"struck", "strike"},  {"caught", "catch"},
      {"gave", "give"},     {"given", "give"},   {"sent", "send"},      {"kept", "keep"},
      {"brought", "bring"}, {"bought", "buy"},   {"built", "build"},    {"found", "find"},
      {"fell", "fall"},     {"fallen", "fall"},  {"rose", "rise"},      {"risen", "rise"},
      {"paid", "pay"},      {"spent", "spend"},  {"sold", "sell"},      {"stole", "steal"},
      {"stolen", "steal"},  {"beaten", "beat"},  {"drew", "draw"},      {"drawn", "draw"},
      {"threw", "throw"},   {"thrown", "throw"}, {"drove", "drive"},    {"driven", "drive"},
      {"flew", "fly"},      {"flown", "fly"},    {"grew", "grow"},      {"grown", "grow"},
      {"hit", "hit"},       {"hurt", "injure"},  {"wounded", "injure"}, {"injured", "injure"},
      {"dead", "kill"},     {"died", "kill"},    {"slain", "kill"},     {"killed", "kill"},
      {"met", "meet"},      {"led", "lead"},     {"ran", "run"},        {"wrote", "write"},
      {"written", "write"}, {"began", "begin"},  {"begun", "begin"},    {"fought", "fight"},
      {"cut", "cut"},       {"set", "set"},      {"put", "put"},        {"let", "let"}};
  const auto it = kBases.find(lower);
  return it == kBases.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

std::string ContentKey(std::string_view word) {
  std::string lower = StripPossessive(AsciiLower(word));
  if (!HasLetter(lower) || IsFunctionWord(lower) || IsNegationCue(lower) ||
      IsSpelledNumber(lower)) {
    return {};
  }
  return StripPlural(std::move(lower));
}

std::string PredicateKey(std::string_view word) {
  if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z') || ContentKey(word).empty()) return {};
  std::string lower = AsciiLower(word);
  if (const std::string_view base = IrregularBase(lower); !base.empty()) return std::string(base);
  for (const std::string_view suffix : {"ing", "ed", "es", "s"}) {
    if (lower.size() > suffix.size() + 3 && lower.ends_with(suffix)) {
      lower.resize(lower.size() - suffix.size());
      break;
    }
  }
  if (const std::string_view base = IrregularBase(lower); !base.empty()) return std::string(base);
  if (lower.size() > 3 && lower.back() == 'e') lower.pop_back();
  return lower;
}

bool IsNumberWord(std::string_view word) { return IsSpelledNumber(AsciiLower(word)); }

bool IsNegationCue(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return std::find(kNegationCues.begin(), kNegationCues.end(), lower) != kNegationCues.end() ||
         lower == "n\xE2\x80\x99t";
}

bool IsClausePunctuation(std::string_view word) {
  static const std::set<std::string, std::less<>> kPunctuation = {
      ",", ".", ";", ":", "(", ")", "?", "!", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94"};
  return kPunctuation.contains(word);
}

}  // namespace storyline
