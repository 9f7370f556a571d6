// Types the recognizer gets wrong for want of world knowledge, settled by the name itself
// before linking:
//   - A seat of power named for its building or street ("White House", "Kremlin",
//     "Pentagon", "Downing Street", "Élysée Palace", "Blue House") stands in news for the
//     institution that sits there ("the White House said", "a White House official"):
//     an ORG. It stays one after "at" too ("remarks at the White House"): readers follow
//     who acts, and one id for the institution keeps its statements together.
//   - A name whose last word is "Corridor" is a PLACE (the contract counts corridors as
//     places), and so is a capitalized name before a lower-case "corridor" ("the
//     Netzarim corridor"): the word joins the name, and a capitalized word the recognizer
//     missed there becomes one. Other lower-case heads ("Rafah crossing") stay outside:
//     news writes them as descriptions of the named place.
//   - A "person" whose last word names an institution ("Penn State", "Ohio University",
//     "Gates Foundation", "Royal Society") is an ORG: no person's name ends so, and the
//     recognizer took the first word for a first name. So is one word whose second
//     capital comes after a head of four letters at least ("GiveWell", "SoftBank",
//     "LinkedIn"): a brand's spelling; "McDonald", "DeSantis", "FitzGerald" stay people,
//     and so do handles ("@MattBevin").
//   - A "person" or "place" whose last word only a company's name ends in ("Kotak
//     Securities", "GateHouse Media", "Northwell Health", "Cingular Wireless", "Carlyle
//     Group") is an ORG: "at Kotak Securities" is where someone works, not a place.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order (as the recognizer gives them); kept in text order.
void ApplyEntityTypeRules(std::string_view text, const TokenizedText& tokens,
                          std::vector<EntityMention>& mentions);

}  // namespace storyline
