#include "extract/events/next_sentence_victims.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "extract/events/event_lexicon.h"

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Words for one person harmed: "a man", "a teenager", "a 66-year-old woman".
bool IsOneVictimWord(std::string_view lower_word) {
  return OneOf(lower_word,
               {"man",        "woman",    "boy",      "girl",          "teen",    "teenager",
                "child",      "toddler",  "baby",     "infant",        "youth",   "student",
                "person",     "victim",   "father",   "mother",        "son",     "daughter",
                "husband",    "wife",     "grandson", "granddaughter", "officer", "deputy",
                "pedestrian", "motorist", "cyclist",  "climber",       "hiker",   "mountaineer"});
}

// Words that tell of an offender or of a charge: the person named is no victim then.
bool IsOffenderCue(std::string_view lower_word) {
  return OneOf(
      lower_word,
      {"charged",   "charges", "arrested", "arrest",      "accused",   "suspect",   "suspected",
       "suspects",  "booked",  "custody",  "jailed",      "arraigned", "gunman",    "shooter",
       "killer",    "faces",   "facing",   "pleaded",     "convicted", "sentenced", "indicted",
       "allegedly", "wanted",  "fled",     "surrendered", "confessed", "driver"});
}

// The number of years an age word gives: "22" or "22-year" / "22-year-old"; nullopt for
// none.
std::optional<int> AgeOf(std::string_view lower_word) {
  int age = 0;
  const auto [end, error] =
      std::from_chars(lower_word.data(), lower_word.data() + lower_word.size(), age);
  if (error != std::errc() || age <= 0 || age > 120) return std::nullopt;
  const std::string_view rest = lower_word.substr(static_cast<size_t>(end - lower_word.data()));
  if (rest.empty() || rest.starts_with("-year")) return age;
  return std::nullopt;
}

// The age the harm's sentence gives its victim ("a 22-year - old man"), or nullopt.
std::optional<int> VictimAge(const EventWords& w, SentenceBounds s) {
  for (int k = s.first; k < s.end; ++k) {
    if (w.Lower(k).find("-year") == std::string_view::npos) continue;
    if (const std::optional<int> age = AgeOf(w.Lower(k))) return age;
  }
  return std::nullopt;
}

// The token of the sentence `s` that starts at byte `offset`, or -1.
int TokenStartingAt(const TokenizedText& tokens, SentenceBounds s, uint32_t offset) {
  for (int k = s.first; k < s.end; ++k) {
    if (tokens.tokens[static_cast<size_t>(k)].start == offset) return k;
  }
  return -1;
}

// Whether the verb at token i is active: a finite or "-ing" form, or a participle with
// an object right after it ("killed his wife"), with no form of "be" among the words
// right before it; not "was shot", "died".
bool IsActive(const EventWords& w, SentenceBounds s, int i) {
  const bool object = i + 1 < s.end && (OneOf(w.Upos(i + 1), {"DET", "NUM", "PROPN"}) ||
                                        OneOf(w.Lower(i + 1), {"his", "her", "their"}));
  if (!(OneOf(w.Xpos(i), {"VBD", "VBZ", "VBP", "VBG"}) || (w.Xpos(i) == "VBN" && object)) ||
      OneOf(w.Lower(i), {"died", "dies", "die"})) {
    return false;
  }
  for (int k = std::max(s.first, i - 3); k < i; ++k) {
    if (OneOf(w.Lower(k), {"is", "are", "was", "were", "be", "been", "being"})) return false;
  }
  return true;
}

}  // namespace

void NameNextSentenceVictim(const EventWords& w, const TokenizedText& tokens,
                            std::span<const EntityMention> entities, SentenceBounds harm_sentence,
                            SentenceBounds next, std::span<const Event> next_events, Event& harm) {
  if ((harm.type != "ATTACK" && harm.type != "OTHER") ||
      std::any_of(harm.actors.begin(), harm.actors.end(),
                  [](const EventActor& a) { return a.role == "patient"; })) {
    return;
  }
  const int trigger = TokenStartingAt(tokens, harm_sentence, harm.span.start);
  if (trigger < 0) return;
  // Who an active harm describes before its verb did it ("The San Diego man who police
  // say killed his wife and son"); the victim comes after it. A passive, a death or a
  // noun may describe its victim anywhere ("A Woodville man died").
  const bool active = IsActive(w, harm_sentence, trigger);
  bool one_victim = false;
  for (int k = harm_sentence.first; k < harm_sentence.end; ++k) {
    if (IsOffenderCue(w.Lower(k))) return;  // "A man has been charged with arson after a fire"
    if (active && k < trigger && IsPersonWord(w.Lower(k))) return;
    one_victim = one_victim || IsOneVictimWord(w.Lower(k));
  }
  if (!one_victim) return;
  for (int k = next.first; k < next.end; ++k) {
    if (IsOffenderCue(w.Lower(k))) return;
  }
  // The name opens the sentence, or follows who says so ("Police say X, 16,").
  constexpr int kMaxOpening = 4;
  int name = -1;
  for (int k = next.first; k < next.end && k - next.first <= kMaxOpening; ++k) {
    const int entity = w.EntityAt(k);
    if (entity >= 0 && entities[static_cast<size_t>(entity)].type == "PERSON") {
      if (k == next.first || OneOf(w.Lower(k - 1), {"say", "says", "said"})) name = k;
      break;
    }
  }
  if (name < 0) return;
  const int entity = w.EntityAt(name);
  int last = name;
  while (last + 1 < next.end && w.EntityAt(last + 1) == entity) ++last;
  // An apposition introduces the person: an age, "a ..." or "of <place>", up to a comma.
  const int opening = last + 2;
  if (!w.Is(last + 1, ",") || opening >= next.end) return;
  const std::optional<int> age = AgeOf(w.Lower(opening));
  if (!age && !OneOf(w.Lower(opening), {"a", "an", "of"})) return;
  if (age) {
    const std::optional<int> described = VictimAge(w, harm_sentence);
    if (described && *described != *age) return;
  }
  const std::string& id = entities[static_cast<size_t>(entity)].entity;
  for (const Event& event : next_events) {
    for (const EventActor& actor : event.actors) {
      if (actor.entity == id && actor.role != "patient") return;
    }
  }
  for (const EventActor& actor : harm.actors) {
    if (actor.entity == id) return;
  }
  harm.actors.push_back({"patient", id});
}

}  // namespace storyline
