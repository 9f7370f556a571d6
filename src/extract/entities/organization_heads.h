// A run of proper nouns ending in an organization's head noun is one organization:
// "Israel Defense Forces", "United Nations Security Council", "National Newspaper
// Association", "Qassam Brigades". The recognizer often splits such a name where a part
// is a name of its own ("Israel" PLACE + "Defense Forces" ORG) or misses it.
//
// A head noun is a capitalized word from a fixed list (Forces, Army, Ministry, Council,
// Committee, Agency, Authority, Party, Union, Organization, Foundation, Institute,
// University, Corporation, Bank, Court, Department, Office, Brigades, Movement, Front,
// Program, Commission, Network, Association, ...). The run is the head and the words
// right before it, one space apart, that start with a capital and that the tagger reads
// as proper nouns (PROPN, or NNP/NNPS); it must have two words at least and end at the head (no
// capitalized proper noun follows: "Defense Forces Chief" is read at its own head).
//
// The run becomes one ORG, replacing the mentions inside it, when the recognizer split
// it, tagged only part of it, or missed it. A single mention over exactly the run keeps
// the recognizer's type ("Oval Office"), and a mention reaching outside it (a longer
// name) leaves the run alone.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// Whether `word` is one of the head nouns above ("Council", "Forces"), case-sensitively.
bool IsOrganizationHeadNoun(std::string_view word);

// `tags` are the tagger's, one per token; `mentions` in text order, kept in text order.
void JoinOrganizationNames(std::string_view text, const TokenizedText& tokens,
                           const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions);

}  // namespace storyline
