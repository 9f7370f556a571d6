// One-word "people" whose own article says they are none. The recognizer reads a lone
// capitalized word as a person's name by its shape; on web pages most such words that
// the article never names in full or gives a title are teams, products, outlets and
// pieces of longer names. Two signs in the words around the name settle it:
//   - "the" right before it, and no lower-case noun (by the tagger) right after it that
//     it would modify: "the
//     Sabres in front of", "the Taliban, who", "The Verge's review", "the Sam's Club",
//     "back to the Mac." People take no article. A plural ("the Tagbanuas", "the Arabs")
//     is a people or a team, left to the recognizer; a modifier ("the Obama
//     administration", "the Bush-era rule") is a person's name in use.
//   - ", which" right after it: "for Drake, which reached the quarterfinal", "the
//     district of Paris, which is home to". People take "who".
//   - a hyphen joining a single capital or a word in capitals: "R-Texas" and "D-Idaho"
//     (party and state), "US-China", "T-Mobile". People's double names join two names
//     ("Podlipnik-Castillo", "Jean-Luc").
// Such a mention is dropped (or, when the gazetteer knows the word as a place, becomes
// that PLACE), and so is every other mention of its word that the article
// tags PERSON alone (one name, one reading: "three Taliban prisoners"), unless the
// article also writes the word as a modifier ("the Bush move" beside "the Bush
// administration": the tagger's reading of one word is then outvoted). A word the article
// also writes in a person's full name, or with a title, or that the linker gave a full
// name, is left alone, and so is one the gazetteer knows as a well-known person's name
// ("Bush") unless ", which" follows it.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` linked (titles and canonical names
// set), in text order; some may go.
void DropContradictedPeople(std::string_view text, const TokenizedText& tokens,
                            const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                            std::vector<EntityMention>& mentions);

}  // namespace storyline
