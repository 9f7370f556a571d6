// Demonyms ("Israeli", "Qatari", "Valdorian") name a person's or group's country; they
// are not places. After LinkEntitiesInArticle, this step
//   - sets `country` (the country's entity id) on a PERSON or ORG mention whose title
//     starts with a demonym or another name of a country ("Israeli Prime Minister
//     Benjamin Netanyahu", "U.S. Secretary of State Antony Blinken"), whose own name
//     starts with a demonym ("Israeli Defense Forces"), or that follows a demonym and a
//     few common nouns ("the Egyptian intelligence chief Abbas Kamel"); every other
//     mention of the same entity in the article gets the same country;
//   - adds a PLACE mention for another name of a country that opens a person's title
//     ("U.S." of "U.S. President Joe Biden": the text names the country there);
//   - drops mentions that are a demonym alone, singular or plural ("Israeli officials",
//     "the Israelis"), and fragments of a demonym-led title the recognizer split off
//     the name ("Valdorian President" before "Julian Marsh").
// A dropped demonym leaves nothing behind: the noun it modifies ("officials") is no
// entity to hang an attribute on, a quote's descriptor speaker ("a Qatari official")
// keeps its words anyway, and a PLACE would count the country among the places the
// article is about when the article may name no place at all.
//
// A demonym is one the table knows (CountryLexicon) or, for countries the table lacks,
// one formed from the name of a place or organization the article names ("Ostravan"
// beside "Ostrava"; the recognizer tags countries as either).
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "extract/entities/country_lexicon.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` are linked and in text order.
void ApplyDemonyms(std::string_view text, const TokenizedText& tokens,
                   const std::vector<PosTag>& tags, const CountryLexicon& lexicon,
                   std::vector<EntityMention>& mentions);

}  // namespace storyline
