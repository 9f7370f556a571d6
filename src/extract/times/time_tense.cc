#include "extract/times/time_tense.h"

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

// Words that announce a plan when "to" follows: "is expected to", "plans to".
const WordSet& PlanWords() {
  static const WordSet* const words =
      new WordSet{"expected", "scheduled", "slated",  "set",     "due",   "planned", "plans",
                  "plan",     "going",     "intends", "aims",    "hopes", "hope",    "wants",
                  "agreed",   "promised",  "vowed",   "pledged", "ready", "poised",  "likely"};
  return *words;
}

// Participles that announce a date when "for" follows: "scheduled for Friday".
const WordSet& ScheduleWords() {
  static const WordSet* const words =
      new WordSet{"expected", "scheduled", "slated", "set", "due", "planned"};
  return *words;
}

const WordSet& PastWords() {
  static const WordSet* const words = new WordSet{
      "said",       "told",   "was",     "were",   "had",     "did",      "met",    "spoke",
      "went",       "came",   "took",    "gave",   "made",    "held",     "saw",    "began",
      "won",        "lost",   "left",    "sent",   "found",   "got",      "led",    "fell",
      "rose",       "struck", "ran",     "wrote",  "became",  "brought",  "bought", "sold",
      "paid",       "kept",   "thought", "knew",   "felt",    "heard",    "meant",  "stood",
      "fought",     "flew",   "grew",    "drew",   "broke",   "chose",    "wore",   "built",
      "spent",      "ago",    "since",   "last",   "earlier", "hit",      "cut",    "shot",
      "laid",       "sought", "caught",  "taught", "fled",    "threw",    "swore",  "withdrew",
      "understood", "forgot", "hid",     "stole",  "swept",   "overtook", "bound",  "dealt",
      "fed",        "sat",    "slept",   "shut",   "split",   "spread",   "quit",   "died",
      "lied",       "tied"};
  return *words;
}

const WordSet& PresentWords() {
  static const WordSet* const words =
      new WordSet{"is", "are", "am", "says", "today", "now", "has", "have"};
  return *words;
}

// "-ed" words that are not verbs in the past.
const WordSet& NotPastEd() {
  static const WordSet* const words = new WordSet{
      "need",    "feed",   "speed",   "seed",  "indeed",  "hundred",  "proceed", "exceed",
      "succeed", "bed",    "red",     "shed",  "embed",   "breed",    "greed",   "weed",
      "reed",    "united", "limited", "based", "related", "supposed", "used"};
  return *words;
}

bool IsWord(const std::vector<TimeToken>& tokens, size_t index, std::string_view word) {
  return index < tokens.size() && tokens[index].lower == word;
}

bool IsPastParticiple(const TimeToken& token) {
  const std::string_view w = token.lower;
  if (w.size() >= 5 && w.ends_with("ed") && !NotPastEd().contains(w)) return true;
  return PastWords().contains(w) && w != "was" && w != "were" && w != "ago" && w != "since" &&
         w != "last" && w != "earlier";
}

// A participle's tense comes from the auxiliary before it: "will be held", "may be
// signed" are future, "is held" present, "has been scheduled" present perfect, which
// news uses for what is still current.
Tense TenseOfParticiple(const std::vector<TimeToken>& tokens, size_t index) {
  for (size_t back = 1; back <= 3 && back <= index; ++back) {
    const std::string_view w = tokens[index - back].lower;
    if (w == "be" || w == "being") return Tense::kFuture;
    if (w == "is" || w == "are" || w == "am" || w == "has" || w == "have" || w == "been") {
      return Tense::kPresent;
    }
    if (w == "was" || w == "were" || w == "had") return Tense::kPast;
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
  if ((PlanWords().contains(w) && IsWord(tokens, index + 1, "to")) ||
      (ScheduleWords().contains(w) && IsWord(tokens, index + 1, "for"))) {
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
  // The verb a time expression modifies usually comes before it; words after it decide
  // only when nothing before does ("On Friday, he said...").
  for (size_t back = begin, step = 0;
       step < kLookBehind && back > 0 && !StartsSentence(tokens, back); ++step) {
    --back;
    const Tense tense = CueAt(tokens, back);
    if (tense != Tense::kUnknown) return tense;
  }
  for (size_t ahead = end, step = 0;
       step < kLookAhead && ahead < tokens.size() && !StartsSentence(tokens, ahead);
       ++step, ++ahead) {
    const Tense tense = CueAt(tokens, ahead);
    if (tense != Tense::kUnknown) return tense;
  }
  return Tense::kUnknown;
}

}  // namespace storyline
