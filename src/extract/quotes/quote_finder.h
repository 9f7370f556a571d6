// Finds the quotations of an article and who said them.
//
// Quotations come from quotation marks (quote_marks.h). Each one's speaker comes from
// a speech verb ("said", "told", "added", "warned", "according to" ...; quote_lexicon.h)
// in the same sentence outside the marks: after the quotation when it opens the
// sentence ("“We are close,” Blinken said"), else the nearest one before it ("Hamas
// said the newly announced “proposal ...”"). The nearest verb decides even when it has
// no speaker, so "the staff member recalled that he said, “...”" is not the staff
// member's. Also after the quotation: a short attribution the sentence splitter cut off
// ("“... taken?” Worthy said, at the time."). Not speech verbs: passives ("reporters
// were told"), participles after a comma ("..., telling Cook"), noun forms ("a Tumblr
// post"), verbs reporting that nothing was said ("they would not say what ...", "declined
// to comment"). A verb coordinated with an earlier one ("said ... and added") has its
// speaker.
// The verb's subject comes from the dependency parse when one is given, else from its
// position: "X said", "said X", "X, the ..., said" (also "X, a fellow at ..., Germany,
// and co-author of the study, said" and "Interior Minister X, who serves ..., said": a
// person opening the clause, after titles at most), "said the boy's
// grandmother, Jane Roe" (the name in apposition), "..., said Lt. Joe Heffernan" at a
// sentence's end, "according to X".
//
// The subject becomes a speaker this way:
//   - a name (an entity mention that ends the subject phrase, or without entity
//     mentions a run of capitalized words) gives its fullest form in the article with
//     titles stripped ("Blinken", "Mr Blinken" -> "Antony Blinken") and an id slug
//     (quote_speaker.h), unless two people share it ("Davis"); a person's name ends at
//     a preposition ("Pat Clarke with the committee", "Rosaly Lopes of NASA") and a
//     suffix ("John Roe Sr.") is dropped; a name after a preposition only completes a descriptor
//     ("one user on Weibo"); a capitalized subject the recognizer missed takes the full name of the
//     one person it fits ("Arroyo" -> "Luz Contreras Arroyo");
//   - "he"/"she"/"it"/"they" take the latest earlier speaker of a compatible kind (every
//     speech verb in the article counts, indirect speech included), unless another
//     person (organization, for "it"/"they") opened a sentence since; "he"/"she" with no
//     earlier speaker take a person who opens their sentence or the one before; in
//     speech another verb of the sentence reports, nobody (the pronoun is who is talked
//     about) unless that verb's subject is the same pronoun;
//   - anything else is a descriptor, kept as written ("a senior administration
//     official") when its head noun names a speaker (quote_lexicon.h) or an age ("the
//     56-year-old"), else no speaker (a fragment of the sentence); "the official" takes
//     an earlier descriptor with the same head noun, or the one person the article ties
//     to it ("neighbor Ross Manche", "Amanda Reid, a neighbor", "John Roe, 56,").
// A quotation with no speech verb of its own that makes up a whole sentence right
// after another quotation (or its detached attribution) continues it and has the same
// speaker ("“Time is of the essence,” Blinken said. “This needs to get done ...”"),
// unless it was left open and ends in an attribution of its own (“..., Tyler Reguly, a
// manager at Tripwire, says.); every paragraph of a quotation that runs over several, or
// that a line break cuts (quote_marks.h), has the speaker of its attributed part.
//
// A quotation is `partial` when it is a fragment inside someone else's sentence rather
// than a statement of its own: scare quotes and partial quotes ("what the White House
// described as a “final bridging proposal”"), and nested quotations. Partial quotations
// still get the speaker of a speech verb in their sentence when there is one.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// `tokens` must come from the tokenizer for `text`. `tags` (one per token), `deps` (one
// per token) and `entities` (PERSON/ORG/PLACE mentions) may each be empty; the results
// are better with them. Quotations come in text order; spans exclude the marks.
std::vector<Quote> FindQuotes(std::string_view text, const TokenizedText& tokens,
                              std::span<const PosTag> tags, std::span<const Dependency> deps,
                              std::span<const EntityMention> entities);

}  // namespace storyline
