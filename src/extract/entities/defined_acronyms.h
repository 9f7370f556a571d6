// An article that introduces an organization by name often gives its initials right
// after, in brackets: "the Israel Defense Forces (IDF)", "the Government Accountability
// Office (GAO)". The initials name the same organization, and a careful reader tags them
// wherever they occur; the recognizer, reading the capitals alone, often misses them.
//
// A bracketed acronym right after an ORG or PLACE mention, whose letters are the
// mention's initials (name_parts.h: "IDF" for "Israel Defense Forces"), becomes a mention
// of the same type when the recognizer found nothing there. The entity linker then gives
// it the name's id, and mention propagation tags its other occurrences.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order, kept in text order.
void TagDefinedAcronyms(std::string_view text, const TokenizedText& tokens,
                        std::vector<EntityMention>& mentions);

}  // namespace storyline
