// A blast told after a bomb is the bomb's: "A bomb exploded late Friday at a bank ...
// The explosion happened at the West Coast Bank" is an ATTACK, though "The explosion"
// names no bomb. Only a blast that points back ("the explosion", "that blast") follows
// a bomb named before it in its sentence or in the two sentences before; a blast named
// anew ("an explosion at a chemical plant") keeps the type its own words give it.
#pragma once

#include <cstddef>
#include <vector>

#include "core/analysis.h"
#include "extract/events/event_words.h"
#include "text/token.h"

namespace storyline {

// How many sentences after a bomb a blast that points back is still the bomb's.
inline constexpr int kBombSentences = 2;

// Whether the tokens [first, end) name a bomb: "bomb", "pipe bomb", "explosive device",
// "grenade".
bool NamesBomb(const EventWords& words, int first, int end);

// Retypes as ATTACK every OTHER blast among events[from...], found in the sentence
// [first, end) of `tokens`, that points back to a bomb: one named before it in the
// sentence, or before the sentence when `bomb_before`.
void CreditBombBlasts(const EventWords& words, const TokenizedText& tokens, int first, int end,
                      bool bomb_before, std::vector<Event>& events, size_t from);

}  // namespace storyline
