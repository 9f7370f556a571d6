// One entity, one type. The linker gives every mention of an entity one id, by the name
// the article writes in full ("Northrop" with "Northrop Grumman", "Carlyle" with "the
// Carlyle Group"), or by the same spelling ("Paris" in "central Paris" and "Paris has
// also been"); the recognizer types each mention on its own and reads a lone word of a
// company or a city as a person's name by its shape. A one-word, untitled PERSON mention
// whose entity the article also names as an ORG or a PLACE (or that begins the name of
// an organization the article writes in two capitalized words or more, "the Carlyle
// Group", unless the gazetteer knows the word as a place or the organization is named
// for a person, "the Clinton Foundation") takes that type (the one the
// entity's other mentions give most; none on a tie), unless the article names a person
// in full with that word ("Michael Jordan ... Jordan"): then the person is the stronger
// reading, and the linker's id is left to say which entity it is.
//
// Likewise a PLACE mention of an entity the article types ORG at least twice and more
// often than PLACE ("sold to Airbus partners" among a dozen "Airbus") is the
// organization, unless the gazetteer knows the name, as written or canonical, as a place
// ("Kokomo" of "Kokomo police" stays the city, and "N.C." after "Chapel Hill," the state
// whose name the article also gives its team).
//
// Runs after linking and before capitals and demonyms are read, whose ORG/PLACE senses
// of one id ("Washington said" beside "the United States") are meant to differ.
#pragma once

#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"

namespace storyline {

// `mentions` linked (entity ids set); types change, nothing is added or dropped.
void VoteEntityTypes(const Gazetteer& gazetteer, std::vector<EntityMention>& mentions);

}  // namespace storyline
