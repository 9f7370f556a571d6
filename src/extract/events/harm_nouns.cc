#include "extract/events/harm_nouns.h"

#include <algorithm>
#include <initializer_list>

#include "extract/events/event_lexicon.h"

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// How far a victim's noun phrase may run: "a 15-year - old boy", "his former high school
// wrestling teammate".
constexpr int kMaxVictimPhrase = 8;

}  // namespace

bool PhraseNamesPerson(const EventWords& w, std::span<const EntityMention> entities, int from,
                       int end) {
  // "of her co - workers": the owner opens the phrase.
  if (from < end && OneOf(w.Lower(from), {"his", "her", "their", "its", "our", "my"})) ++from;
  for (int k = from; k < end && k < from + kMaxVictimPhrase && w.InNounPhrase(k); ++k) {
    // "a 17-year - old": an age stands for the person.
    if (w.Lower(k).ends_with("year-old") || w.Lower(k).ends_with("years-old") ||
        (w.Is(k, "old") && k - 2 >= from && w.Lower(k - 2).ends_with("year"))) {
      return true;
    }
    const int entity = w.EntityAt(k);
    if (entity >= 0 && entities[static_cast<size_t>(entity)].type == "PERSON") return true;
    // A word for a person counts inside a name too ("Hero Brooklyn Mom" taken for a place).
    if (IsPersonWord(w.Lower(k))) return true;
  }
  return false;
}

bool IsShootingAttack(const EventWords& w, std::span<const EntityMention> entities, int first,
                      int end, int i) {
  if (i > first && OneOf(w.Lower(i - 1), {"photo", "film", "video", "movie", "location",
                                          "three-point", "free-throw", "clay", "trap"})) {
    return false;
  }
  if (i + 1 >= end) return true;
  // "the shooting of a music video": a shoot, unless a person is shot.
  if (w.Is(i + 1, "of") && !PhraseNamesPerson(w, entities, i + 2, end)) return false;
  return !OneOf(
      w.Lower(i + 1),
      {"range",   "ranges", "guard",      "guards",  "star",   "stars",       "percentage",
       "gallery", "script", "schedule",   "skills",  "sports", "competition", "practice",
       "club",    "team",   "instructor", "lessons", "season", "location",    "locations"});
}

bool IsGerundAfterModifiers(const EventWords& w, int first, int i) {
  if (w.Xpos(i) != "VBG") return false;
  constexpr int kMaxModifiers = 3;  // "an early Sunday morning shooting"
  for (int k = i - 1; k >= first && i - k <= kMaxModifiers + 1; --k) {
    const std::string_view upos = w.Upos(k);
    if (upos == "DET" || w.Is(k, "'s")) return k < i - 1;
    if (w.EntityAt(k) >= 0 || w.InTime(k)) continue;  // "a Toledo shooting", "a Sunday shooting"
    if (upos != "ADJ" && upos != "NOUN" && upos != "NUM" && w.Xpos(k) != "HYPH") return false;
  }
  return false;
}

bool NamesNewVictim(const EventWords& w, std::span<const EntityMention> entities, int end, int i) {
  if (!w.Is(i - 1, "the") || !w.Is(i + 1, "of")) return false;
  if (!OneOf(w.Lower(i), {"shooting", "stabbing", "killing", "murder", "slaying", "beating"})) {
    return false;
  }
  return (w.Is(i + 2, "a") || w.Is(i + 2, "an")) && PhraseNamesPerson(w, entities, i + 2, end);
}

}  // namespace storyline
