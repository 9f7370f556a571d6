#include "extract/events/deaths.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "extract/events/event_lexicon.h"

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsPerson(std::span<const EntityMention> entities, int entity) {
  return entity >= 0 && entities[static_cast<size_t>(entity)].type == "PERSON";
}

}  // namespace

int SuicideVerb(const EventWords& w, int first, int end, int i) {
  if (OneOf(w.Lower(i), {"hanged", "hung", "hangs"}) && w.IsVerb(i) && i + 1 < end &&
      OneOf(w.Lower(i + 1), {"himself", "herself", "themselves"})) {
    return i;
  }
  if (OneOf(w.Lower(i), {"suicide", "suicides"}) && i - 1 >= first &&
      OneOf(w.Lower(i - 1), {"committed", "commits", "commit", "committing"})) {
    return i - 1;
  }
  if (OneOf(w.Lower(i), {"took", "takes", "taken"}) && i + 3 < end &&
      OneOf(w.Lower(i + 1), {"his", "her", "their"}) && w.Is(i + 2, "own") &&
      OneOf(w.Lower(i + 3), {"life", "lives"})) {
    return i;
  }
  return -1;
}

bool NamesTheDead(const EventWords& w, std::span<const EntityMention> entities, int first, int end,
                  int i) {
  if (!OneOf(w.Lower(i), {"death", "deaths"}) || !w.Is(i + 1, "of")) return false;
  if (i - 1 >= first) {
    const std::optional<EventTriggerWord> before =
        LookupEventTrigger(w.Lower(i - 1), TriggerWordClass::kNoun);
    if (before && (before->type == "ATTACK" || before->type == "OTHER")) return false;
  }
  constexpr int kAnniversaryReach = 4;  // "the 10th anniversary of the death of"
  for (int k = std::max(first, i - kAnniversaryReach); k < i; ++k) {
    if (OneOf(w.Lower(k), {"anniversary", "anniversaries"})) return false;
  }
  const std::vector<int> named = w.PhraseEntitiesFrom(i + 2, end);
  return !named.empty() &&
         std::all_of(named.begin(), named.end(), [&](int e) { return IsPerson(entities, e); });
}

std::vector<int> PersonBeforeWho(const EventWords& w, std::span<const EntityMention> entities,
                                 int first, int who) {
  if (!w.Is(who, "who") || !w.Is(who - 1, ",")) return {};
  int last = who - 2;
  // "Kimani Gray, 16, who": the age stands between the name and "who".
  if (last - 2 >= first && w.Xpos(last) == "CD" && w.Is(last - 1, ",")) last -= 2;
  if (last < first) return {};
  const std::vector<int> named = w.PhraseEntitiesEndingAt(last, first);
  if (named.size() != 1 || !IsPerson(entities, named.front())) return {};
  return named;
}

bool IsDeathStateVerb(std::string_view lower_word) {
  return OneOf(lower_word, {"found", "discovered", "left", "leaves", "leaving", "leave",
                            "pronounced", "declared", "presumed"});
}

bool IsFallVerb(std::string_view lower_word) {
  return OneOf(lower_word, {"fall", "falls", "fell", "falling", "fallen", "plunge", "plunged",
                            "plunges", "plunging", "plummeted", "jumped", "tumbled"});
}

bool IsBodyFoundVerb(std::string_view lower_word) {
  return OneOf(lower_word, {"found", "discovered", "recovered", "located", "pulled", "spotted"});
}

std::vector<int> BodyOwners(const EventWords& w, std::span<const EntityMention> entities, int first,
                            int verb) {
  std::vector<int> owners;
  for (int k = first; k < verb; ++k) {
    if (OneOf(w.Lower(k), {"who", "whom", "whose", "which", "that", "by"})) break;
    const int entity = w.EntityAt(k);
    if (!IsPerson(entities, entity)) continue;
    if (std::find(owners.begin(), owners.end(), entity) == owners.end()) owners.push_back(entity);
  }
  return owners;
}

}  // namespace storyline
