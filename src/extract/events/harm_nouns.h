// Crime nouns and the people they name: whether a "shooting", "stabbing" or "killing"
// reports a harm done to people.
//
//   - a "shooting" is the act of firing at people, not a modifier of something else
//     ("shooting range", "shooting guard") nor a photo or film shoot ("photo shooting",
//     "the shooting of a music video": the phrase after "of" names no person);
//   - a harm gerund the tagger read as a verb heads a noun phrase when a determiner
//     stands before its modifiers ("after an early morning shooting", "the fatal
//     stabbing");
//   - "the" before a crime noun points back to a harm told before, unless the noun
//     names its victim in an indefinite phrase after "of" ("The shooting of a
//     15-year-old boy by police unleashed ..."), which tells the harm as news.
#pragma once

#include <span>

#include "core/analysis.h"
#include "extract/events/event_words.h"

namespace storyline {

// Whether the noun phrase from token `from` (up to `end`) names or describes a person:
// a PERSON mention, or a word for one ("a 15-year-old boy", "two officers").
bool PhraseNamesPerson(const EventWords& words, std::span<const EntityMention> entities, int from,
                       int end);

// Whether the "shooting" at token i of the sentence [first, end) is the act of firing
// at people.
bool IsShootingAttack(const EventWords& words, std::span<const EntityMention> entities, int first,
                      int end, int i);

// Whether the gerund at token i, tagged a verb, heads a noun phrase: a determiner
// stands before it with only adjectives, nouns or numbers between ("an early morning
// shooting").
bool IsGerundAfterModifiers(const EventWords& words, int first, int i);

// Whether the crime noun at token i, after "the", names a new victim after "of": "The
// shooting of a 15-year-old boy", "the killing of an unarmed man".
bool NamesNewVictim(const EventWords& words, std::span<const EntityMention> entities, int end,
                    int i);

}  // namespace storyline
