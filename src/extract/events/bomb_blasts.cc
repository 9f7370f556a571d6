#include "extract/events/bomb_blasts.h"

#include <algorithm>
#include <initializer_list>

#include "text/ascii.h"

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The first token of [first, end) that starts at byte `offset`, or -1.
int TokenStartingAt(const TokenizedText& tokens, int first, int end, uint32_t offset) {
  for (int k = first; k < end; ++k) {
    if (tokens.tokens[static_cast<size_t>(k)].start == offset) return k;
  }
  return -1;
}

}  // namespace

bool NamesBomb(const EventWords& w, int first, int end) {
  for (int k = first; k < end; ++k) {
    if (OneOf(w.Lower(k), {"bomb", "bombs", "bomber", "bombers", "bombing", "ied", "ieds",
                           "grenade", "grenades", "explosives"}) ||
        (w.Is(k, "explosive") && w.Is(k + 1, "device"))) {
      return true;
    }
  }
  return false;
}

void CreditBombBlasts(const EventWords& w, const TokenizedText& tokens, int first, int end,
                      bool bomb_before, std::vector<Event>& events, size_t from) {
  for (size_t e = from; e < events.size(); ++e) {
    Event& event = events[e];
    if (event.type != "OTHER" ||
        !OneOf(AsciiLower(event.trigger), {"explosion", "explosions", "blast", "blasts"})) {
      continue;
    }
    const int i = TokenStartingAt(tokens, first, end, event.span.start);
    if (i < 0) continue;
    const int start = w.PhraseStart(i, first);
    if (!OneOf(w.Lower(start), {"the", "that", "this"})) continue;
    if (bomb_before || NamesBomb(w, first, start)) event.type = "ATTACK";
  }
}

}  // namespace storyline
