// News introduces an organization by what it is: "the militant group Hezbollah", "the
// charity World Central Kitchen", "the rights organization Amnesty International",
// "terrorist groups such as Lebanese Hezbollah", "aid agencies including Oxfam". The
// descriptor says the name is an organization's, which the recognizer, reading the name's
// own shape, misses or calls a person or place.
//
// After a lower-case organization noun (group, organization, charity, agency, movement,
// militia, company, firm, network, union, coalition, alliance, faction, ... and their
// plurals), optionally "such as", "like" or "including", optionally "the", the run of
// capitalized words one space apart that the tagger reads as proper nouns (at most five)
// is an ORG. A demonym opening the run stays outside it ("Lebanese Hezbollah": the
// demonym step gives the organization its country). No run is taken when a word of it
// is a title ("the company Chief Executive Tim Cook"), a weekday or a month ("the group
// Monday"), or when a mention reaches outside it (the recognizer read a longer name).
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` in text order, kept in text order.
void TagDescriptorOrganizations(std::string_view text, const TokenizedText& tokens,
                                const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                                std::vector<EntityMention>& mentions);

}  // namespace storyline
