// Streets and roads are places. The recognizer reads "Elm Court" or "Main Street" as a
// person and "Northwest Freeway" or "I-45" as an organization, and local news is full of
// them ("shot in the 300 block of Elm Court", "a crash on I-45 near Main Street").
//
// A mention is retyped PLACE when
//   - its last word names a road: "Street", "St.", "Avenue", "Ave.", "Road", "Rd.",
//     "Boulevard", "Blvd.", "Freeway", "Highway", "Expressway", "Parkway", "Turnpike"
//     (whatever the recognizer's type);
//   - its last word may name a road or something else ("Lane", "Drive", "Court", "Way",
//     "Place", "Circle", "Terrace", "Trail": "Nathan Lane", "Google Drive", "Supreme
//     Court") and a house number or "block of" comes right before it, or it was read as a
//     person and "on", "at", "near", "along"... comes right before it, or it was read as
//     an organization, ends in "Court", "Lane", "Circle", "Terrace" or "Trail" (not "Drive":
//     "on Google Drive") and "on", "along", "onto" or "off" comes right before it ("lived
//     on Elm Court"; not "at Crown Court");
//   - it is a numbered road: "I-45", "US 59", "SR-99", "Interstate 10", "Highway 6",
//     "Route 66", "State Route 7", "Loop 610".
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// Whether `word` is a last word only roads end in ("Street", "Blvd.", "Turnpike"; not
// "Lane" or "Drive", which end other names too).
bool IsRoadWord(std::string_view word);

// Whether `name` (a mention's words) is a numbered road such as "I-45" or "Route 66".
bool IsNumberedRoad(std::string_view name);

// Retypes the mentions above; `text` is what their spans point into.
void TagStreetNames(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
