// Same surface, different entity: a capital that acts is its country's government.
// "Washington said", "Washington has pressed Israel", "Beijing and Moscow agreed" and
// "Washington's proposal" speak of the state, not the city; "in Washington" and "to
// Moscow" are the city; "George Washington" is a person.
//
// A mention of a sovereign state's capital (CountryLexicon) becomes an ORG whose entity
// id and name are the country's ("united-states", "United States"), with `country` set
// to the same id, when it
//   - is followed by a possessive ("Washington's proposal"),
//   - is the subject of a verb a government does: followed, across adverbs, auxiliaries
//     and a list of other mentions ("Beijing and Moscow"), by a verb in a finite form or
//     after an auxiliary that speaks, decides or acts on others ("said", "has pressed",
//     "will urge", "agreed"); the subject of any other verb is the city things happen to
//     ("As Athens burned", "London has been fighting dirty air") and is left alone, or
//   - is the agent of a passive verb ("rejected by Tehran").
// After a locative preposition ("in", "to", "from", ...) it is the city, a PLACE, and so
// it is before a noun of what a city has ("Athens police chiefs", "Tehran's seismologic
// center", "Ashgabat's voting precincts"), after its possessive and up to two modifiers. A
// mention after a proper noun ("Denzel Washington", only the surname tagged) is left
// alone, and so is a PERSON mention whose name is the surname of a person the article
// names in full ("George Washington ... Washington"). A capital alone tagged PERSON
// otherwise ("Washington said" at the start of a sentence) is read by context like the
// others: the recognizer tags it by the word's shape, and people are named in full
// before their surname stands alone.
//
// The id is the country's own, not a separate "<country>-government": news writes the
// same actor as "the U.S.", "the United States" and "Washington", and events, quotes and
// timelines should gather all three under one entity; the type ORG and the `country`
// attribute keep what the sense is.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "extract/entities/country_lexicon.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` are linked and in text order.
void ResolveCapitalSenses(std::string_view text, const TokenizedText& tokens,
                          const std::vector<PosTag>& tags, const CountryLexicon& lexicon,
                          std::vector<EntityMention>& mentions);

}  // namespace storyline
