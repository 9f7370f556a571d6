// A name that news gives a role is a person's, whatever the recognizer made of it:
//   - after a lower-case role noun: "senior Hamas official Basem Naim", "Hamas official
//     Osama Hamdan told", "White House spokesperson John Kirby";
//   - before an appositive whose head is a role noun: "Basem Naim, a senior Hamas
//     official", "Osama Hamdan, Hamas's political chief", "Majed al-Ansari, the foreign
//     ministry spokesperson" (a comma, an optional article, at most four modifiers, then
//     the role noun).
// The name is two or three capitalized words one space apart that the tagger reads as
// proper nouns (PROPN, or NNP/NNPS), the whole run of such words there (so no longer
// name is cut short). It becomes one PERSON when no ORG or PLACE mention overlaps it and
// no mention reaches outside it; PERSON pieces inside it are merged.
//
// Role nouns are a fixed list of news roles (official, spokesperson, minister, leader,
// chief, commander, envoy, adviser, negotiator, ambassador, director, secretary, ...).
// One-word names are left to the recognizer: "Kirby" alone after "spokesman" is as often
// a place or an outlet's name as a person's.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` in text order, kept in text order.
void TagRoleNamedPeople(std::string_view text, const TokenizedText& tokens,
                        const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions);

}  // namespace storyline
