// A name the recognizer missed that speaks: "Additionally, World Central Kitchen
// announced its decision", "Save the Children said". The subject of a verb of saying is
// an actor, so a run of proper nouns right before one is a name.
//
// The run is two to five capitalized words one space apart that the tagger reads as
// proper nouns, with no capitalized word right before it (so a sentence's opening "The"
// or a longer phrase is not cut into) and no title among them ("Prime Minister said");
// after it, across words that may stand between a subject and its verb ("also",
// "earlier Wednesday"), comes a speech verb (quote_lexicon.h) in a finite form. No
// mention may overlap the run. It becomes a PERSON when it is two or three words and its
// first word is a first name the gazetteer knows, else an ORG.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tags` are the tagger's, one per token; `mentions` in text order, kept in text order.
void TagSpeakerNames(std::string_view text, const TokenizedText& tokens,
                     const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                     std::vector<EntityMention>& mentions);

}  // namespace storyline
