#include "extract/time_tense.h"

#include <string_view>
#include <unordered_set>

namespace storyline {
namespace {

constexpr size_t kLookBehind = 12;
constexpr size_t kLookAhead = 8;

using WordSet = std::unordered_set<std::string_view>;

const WordSet& FutureWords() {
  static const WordSet* const words =
      new WordSet{"will", "shall", "would", "tomorrow", "upcoming", "gonna", "next"};
  return *words;
}

// Words that announce a plan when "to" or "for" follows: "is expected to", "scheduled for".
const WordSet& PlanWords() {
  static const WordSet* const words =
      new WordSet{"expected", "scheduled", "slated", "set",    "due",     "planned", "plans",
                  "plan",     "going",     "intends", "aims", "hopes", "hope",    "wants",
                  "agreed",   "promised",  "vowed",   "pledged", "ready", "poised", "likely"};
  return *words;
}

const WordSet& PastWords() {
  static const WordSet* const words = new WordSet{
      "said",   "told",   "was",    "were",   "had",    "did",    "met",    "spoke",  "went",
      "came",   "took",   "gave",   "made",   "held",   "saw",    "began",  "won",    "lost",
      "left",   "sent",   "found",  "got",    "led",    "fell",   "rose",   "struck", "ran",
      "wrote",  "became", "brought", "bought", "sold",  "paid",   "kept",   "thought", "knew",
      "felt",   "heard",  "meant",  "stood",  "fought", "flew",   "grew",   "drew",   "broke",
      "chose",  "wore",   "built",  "spent",  "ago",    "since",  "last",   "earlier", "has",
      "have",   "been",   "hit",    "cut",    "shot",   "killed", "died",   "say"};
  return *words;
}

const WordSet& PresentWords() {
  static const WordSet* const words = new WordSet{"is", "are", "am", "says", "today", "now"};
  return *words;
}

// "-ed" words that are not verbs in the past.
const WordSet& NotPastEd() {
  static const WordSet* const words =
      new WordSet{"need", "feed", "speed", "seed", "indeed", "hundred", "proceed", "exceed",
                  "succeed", "bed", "red", "shed", "embed", "breed", "greed", "weed", "reed",
                  "bled", "fled", "united", "limited", "based", "related", "supposed", "used"};
  return *words;
}

bool IsWord(const std::vector<TimeToken>& tokens, size_t index, std::string_view word) {
  return index < tokens.size() && tokens[index].lower == word;
}

bool IsPastParticiple(const TimeToken& token) {
  const std::string_view w = token.lower;
  if (w.size() >= 5 && w.ends_with("ed") && !NotPastEd().contains(w)) return true;
  return PastWords().contains(w) && w != "was" && w != "were" && w != "has" && w != "have" &&
         w != "ago" && w != "since" && w != "last" && w != "earlier" && w != "say";
}

// A participle's tense comes from the auxiliary before it: "will be held" is future,
// "is held" present, "was held" past.
Tense TenseOfParticiple(const std::vector<TimeToken>& tokens, size_t index) {
  for (size_t back = 1; back <= 3 && back <= index; ++back) {
    const std::string_view w = tokens[index - back].lower;
    if (w == "be" || w == "being") {
      for (size_t further = back + 1; further <= back + 3 && further <= index; ++further) {
        const std::string_view aux = tokens[index - further].lower;
        if (aux == "will" || aux == "would" || aux == "to" || aux == "shall" || aux == "ll") {
          return Tense::kFuture;
        }
      }
      return Tense::kUnknown;
    }
    if (w == "is" || w == "are" || w == "am") return Tense::kPresent;
    if (w == "to") return Tense::kFuture;
  }
  return Tense::kPast;
}

Tense CueAt(const std::vector<TimeToken>& tokens, size_t index) {
  const TimeToken& token = tokens[index];
  if (token.type != TimeTokenType::kWord) return Tense::kUnknown;
  const std::string_view w = token.lower;
  if (FutureWords().contains(w)) return Tense::kFuture;
  if (w == "ll" && index > 0 && tokens[index - 1].lower == "'") return Tense::kFuture;
  if (w == "won" && IsWord(tokens, index + 1, "'") && IsWord(tokens, index + 2, "t")) {
    return Tense::kFuture;
  }
  if (PlanWords().contains(w) && (IsWord(tokens, index + 1, "to") || IsWord(tokens, index + 1, "for"))) {
    return Tense::kFuture;
  }
  if (IsPastParticiple(token)) return TenseOfParticiple(tokens, index);
  if (PastWords().contains(w)) return Tense::kPast;
  if (PresentWords().contains(w)) return Tense::kPresent;
  return Tense::kUnknown;
}

}  // namespace

bool StartsSentence(const std::vector<TimeToken>& tokens, size_t index) {
  if (index == 0 || tokens[index].newline_before) return true;
  const std::string_view previous = tokens[index - 1].lower;
  const bool end_mark = previous == "." || previous == "!" || previous == "?";
  return end_mark && (tokens[index].capitalized || tokens[index].lower == "\"");
}

Tense TenseAround(const std::vector<TimeToken>& tokens, size_t begin, size_t end) {
  size_t back = begin;
  size_t ahead = end;
  bool back_open = !StartsSentence(tokens, begin);
  bool ahead_open = end < tokens.size();
  for (size_t step = 1; step <= kLookBehind && (back_open || ahead_open); ++step) {
    if (back_open) {
      --back;
      const Tense tense = CueAt(tokens, back);
      if (tense != Tense::kUnknown) return tense;
      back_open = back > 0 && !StartsSentence(tokens, back);
    }
    if (ahead_open && step <= kLookAhead) {
      if (StartsSentence(tokens, ahead)) {
        ahead_open = false;
      } else {
        const Tense tense = CueAt(tokens, ahead);
        if (tense != Tense::kUnknown) return tense;
        ++ahead;
        ahead_open = ahead < tokens.size();
      }
    }
  }
  return Tense::kUnknown;
}

}  // namespace storyline
