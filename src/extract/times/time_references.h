// Expressions that point at the present, the past or the future without naming a date:
// "now", "currently", "at present" (TIMEX3 value PRESENT_REF), "recently", "in the past"
// (PAST_REF), "the future" (FUTURE_REF), as TimeML annotates them and TempEval-3 scores
// them. They date nothing: their kind is kReferenceKind, which event dating,
// number claims and story features (all reading DATE or TIME) pass over.
//
// Only a closed set of words TimeML's guidelines list is read, less those the annotated
// corpora leave untagged ("soon", mostly "soon after" in narrative; "formerly"); adjectives that
// merely lean on time ("current CEO", "former minister", "recent years") are left alone, and the
// nouns only where they stand as nouns: "the future" in "plans for the future", not "the
// future king"; "now" but not the conjunction "now that".
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "extract/times/time_tokens.h"

namespace storyline {

inline constexpr std::string_view kReferenceKind = "REFERENCE";

struct TimeReference {
  size_t begin = 0;  // tokens [begin, end) of the expression
  size_t end = 0;
  std::string_view value;  // "PRESENT_REF", "PAST_REF" or "FUTURE_REF"
};

// Whether a reference expression can start with `word` (lowercase): a fast pre-check.
bool CanStartTimeReference(std::string_view word);

// The reference expression starting at token `i`, if one does.
std::optional<TimeReference> MatchTimeReference(std::span<const TimeToken> tokens, size_t i);

}  // namespace storyline
