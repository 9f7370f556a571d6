// A place is where a harm happened, not who did it or who suffered it: "A gunman in
// Greece killed three people" (Greece killed no one), "Powerful Quake in Iran Kills 10"
// (the quake's place, not its agent), "a blaze at a supermarket in Surrey". A country
// may still attack or be attacked ("Israel struck Gaza", "strikes on Rafah"): only a
// place inside a phrase of where ("in", "at", "near" ...), also after a town's comma
// there ("in Wasilla, Alaska"), and any place as the agent of a disaster or accident, is
// left out.
#pragma once

#include <span>
#include <string_view>

#include "core/analysis.h"
#include "extract/events/event_words.h"

namespace storyline {

// Whether the entity mention `entity`, whose first token is `token` in a sentence that
// starts at token `first`, is only where the harm of `type` (ATTACK or OTHER) happened
// and so can be neither its agent (`as_agent`) nor its patient.
bool IsWhereNotWho(const EventWords& words, std::span<const EntityMention> entities, int first,
                   int entity, int token, std::string_view type, bool as_agent);

}  // namespace storyline
