#include "extract/times/time_references.h"

#include <initializer_list>
#include <unordered_set>

namespace storyline {
namespace {

constexpr std::string_view kPresent = "PRESENT_REF";
constexpr std::string_view kPast = "PAST_REF";
constexpr std::string_view kFuture = "FUTURE_REF";

bool WordAt(std::span<const TimeToken> t, size_t i, std::string_view word) {
  return i < t.size() && t[i].lower == word;
}

// Whether the noun phrase ends before token `i`: the text ends, punctuation follows, or
// a word that cannot be the head noun of "the future ..." / "the past ..." does. "the
// future king", "the past president" and "the past week" go on past the noun.
bool NounPhraseEndsAt(std::span<const TimeToken> t, size_t i) {
  if (i >= t.size() || t[i].type == TimeTokenType::kPunct || t[i].newline_before) return true;
  if (t[i].type != TimeTokenType::kWord) return false;
  static const std::unordered_set<std::string_view>* const kFunctionWords =
      new std::unordered_set<std::string_view>{
          "and",   "or",     "but",     "nor", "so",   "to",    "of",    "in",    "on",
          "at",    "for",    "with",    "as",  "than", "that",  "which", "who",   "when",
          "where", "while",  "because", "if",  "is",   "was",   "are",   "were",  "be",
          "been",  "has",    "have",    "had", "will", "would", "can",   "could", "may",
          "might", "should", "must",    "do",  "does", "did",   "not",   "it",    "we",
          "i",     "you",    "he",      "she", "they", "there", "this",  "these", "those",
          "a",     "an",     "the",     "by",  "from", "into",  "about", "after", "before"};
  return kFunctionWords->contains(t[i].lower);
}

// "the future", "the near future", "the past", "the present" (also "the present day"),
// each standing as a noun.
std::optional<TimeReference> TheNoun(std::span<const TimeToken> t, size_t i) {
  if (!WordAt(t, i, "the")) return std::nullopt;
  size_t j = i + 1;
  if (WordAt(t, j, "near") || WordAt(t, j, "distant") || WordAt(t, j, "foreseeable") ||
      WordAt(t, j, "recent")) {
    ++j;
  }
  std::string_view value;
  if (WordAt(t, j, "future")) {
    value = kFuture;
  } else if (WordAt(t, j, "past")) {
    value = kPast;
  } else if (WordAt(t, j, "present") && j == i + 1) {
    value = kPresent;
    if (WordAt(t, j + 1, "day")) ++j;
  } else {
    return std::nullopt;
  }
  if (!NounPhraseEndsAt(t, j + 1)) return std::nullopt;
  return TimeReference{i, j + 1, value};
}

}  // namespace

bool CanStartTimeReference(std::string_view word) {
  static const std::unordered_set<std::string_view>* const kStarters =
      new std::unordered_set<std::string_view>{"the",       "now",      "right",   "currently",
                                               "presently", "nowadays", "present", "these",
                                               "recently",  "lately"};
  return kStarters->contains(word);
}

std::optional<TimeReference> MatchTimeReference(std::span<const TimeToken> t, size_t i) {
  if (i >= t.size() || t[i].type != TimeTokenType::kWord) return std::nullopt;
  const std::string_view w = t[i].lower;
  if (w == "the") return TheNoun(t, i);
  if (w == "now") {
    if (WordAt(t, i + 1, "that")) return std::nullopt;  // the conjunction
    return TimeReference{i, i + 1, kPresent};
  }
  if (w == "right" && WordAt(t, i + 1, "now")) return TimeReference{i, i + 2, kPresent};
  if (w == "currently" || w == "presently" || w == "nowadays") {
    return TimeReference{i, i + 1, kPresent};
  }
  if (w == "present" && i > 0 && WordAt(t, i - 1, "at")) return TimeReference{i, i + 1, kPresent};
  if (w == "these" && WordAt(t, i + 1, "days")) return TimeReference{i, i + 2, kPresent};
  if (w == "recently" || w == "lately") return TimeReference{i, i + 1, kPast};
  return std::nullopt;
}

}  // namespace storyline
