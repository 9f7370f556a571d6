// A place the gazetteer knows, where the words around it say it is a place: "the Ashdod
// port", "the port of Ashdod", "near Khan Younis", "in Deir al-Balah". The recognizer
// misses rarer place names, or reads them by their shape as a person's.
//
// A run of one to four capitalized words one space apart (the longest the gazetteer knows
// as a city, country, subdivision or other geographic name, never as a first name, a
// person, an organization or a common word) is a PLACE when
//   - a locative preposition comes right before it, or before "the" before it ("in",
//     "at", "near", "outside", "inside", "into", "across", "towards"; not "to" or "from",
//     which take people as often: "spoke to Jordan"), or
//   - "<place noun> of" comes right before it ("the port of Ashdod", "the city of Ma'an"),
//     or
//   - a lower-case place noun comes right after it ("the Ashdod port", "Jenin refugee
//     camp", "the Rafah border crossing").
// Place nouns: city, town, village, port, harbor, border, crossing, airport, camp,
// province, region, district, area, coast, neighborhood, suburb. The new PLACE replaces
// a PERSON mention over exactly the run; ORG and longer mentions are left alone.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order, kept in text order.
void TagPlacesInContext(std::string_view text, const TokenizedText& tokens,
                        const Gazetteer& gazetteer, std::vector<EntityMention>& mentions);

}  // namespace storyline
