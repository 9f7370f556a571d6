#include "extract/events/harm_places.h"

#include <algorithm>
#include <initializer_list>

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

bool IsWhereNotWho(const EventWords& w, std::span<const EntityMention> entities, int first,
                   int entity, int token, std::string_view type, bool as_agent) {
  if ((type != "ATTACK" && type != "OTHER") || token >= w.size()) return false;
  if (entities[static_cast<size_t>(entity)].type != "PLACE") return false;
  // A fire, quake or crash is nobody's doing, least of all a town's.
  if (type == "OTHER" && as_agent) return true;
  const int start = std::min(token, w.PhraseStart(token, first));
  // "in Wasilla, Alaska": the region after a town's comma is where too.
  const int town =
      w.Is(start - 1, ",") && start - 2 >= first ? w.PhraseStart(start - 2, first) : start;
  for (int k : {start - 1, token - 1, town - 1}) {
    if (k >= first && OneOf(w.Lower(k), {"in", "at", "near", "outside", "inside", "across",
                                         "throughout", "from"})) {
      return true;
    }
  }
  return false;
}

}  // namespace storyline
