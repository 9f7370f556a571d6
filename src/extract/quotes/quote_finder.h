// Finds the quotations of an article and who said them.
//
// Quotations come from quotation marks (quote_marks.h). Each one's speaker comes from
// a speech verb ("said", "told", "added", "warned", "according to" ...; quote_lexicon.h)
// in the same sentence outside the marks: after the quotation when it opens the
// sentence ("“We are close,” Blinken said"), else the nearest one before it ("Hamas
// said the newly announced “proposal ...”"). The nearest verb decides even when it has
// no speaker, so "the staff member recalled that he said, “...”" is not the staff
// member's. Also after the quotation: a short attribution the sentence splitter cut off
// ("“... taken?” Worthy said, at the time."). A speech verb right before the quotation (a
// comma or colon between) says whose words they are, with a speaker or without, even when
// an attribution follows: in "an employee ... had yelled, “Hide!” Vanore said" they are
// not Vanore's. Also cues: "X released a statement" ("she released a response: “...”"),
// "was quoted as saying", "went on to say" (the first verb's subject). Not speech verbs:
// passives ("reporters were told"), participles after a comma ("..., telling Cook"), noun forms ("a
// Tumblr post"), verbs reporting that nothing was said ("they would not say what ...", "declined to
// comment"). A verb coordinated with an earlier one ("said ... and added") has its speaker. The
// verb's subject comes from the dependency parse when one is given, else from its position: "X
// said", "said X", "X, the ..., said" (also "X, a fellow at ..., Germany, and co-author of the
// study, said" and "Interior Minister X, who serves ..., said": a person opening the clause, after
// titles at most), "said the boy's grandmother, Jane Roe" (the name in apposition), "..., said Lt.
// Joe Heffernan" at a sentence's end, "according to X", "her agent, Mark Roe, said" (the name in
// apposition to a descriptor), "the woman who called police said" (a relative clause's antecedent).
//
// The subject becomes a speaker this way:
//   - a name (an entity mention that ends the subject phrase, or without entity
//     mentions a run of capitalized words) gives its fullest form in the article with
//     titles stripped ("Blinken", "Mr Blinken" -> "Antony Blinken") and an id slug
//     (quote_speaker.h), unless two people share it ("Davis"); a person's name ends at
//     a preposition ("Pat Clarke with the committee", "Rosaly Lopes of NASA") and a
//     suffix ("John Roe Sr.") is dropped; a name after a preposition only completes a descriptor
//     ("one user on Weibo", "one woman in Qeshm"); a capitalized subject the recognizer missed
//     takes the full name of the one person it fits ("Arroyo" -> "Luz Contreras Arroyo"); a
//     surname two people of the article share is the one named in its sentence or the one
//     before, else the surname as written, whatever the linker chose; a first name the
//     recognizer left out before a surname the linker gave another full name stays ("Chela
//     Ortiz", not her stepson "Jeremy Ortiz");
//   - "he"/"she"/"it"/"they" take the latest earlier speaker of a compatible kind (every
//     speech verb in the article counts, indirect speech included), unless another
//     person (organization, for "it"/"they") opened a sentence since; "he"/"she" with no
//     earlier speaker take a person who opens their sentence or the one before; in
//     speech another verb of the sentence reports, nobody (the pronoun is who is talked
//     about) unless that verb's subject is the same pronoun;
//   - anything else is a descriptor, kept as written ("a senior administration
//     official") when its head noun names a speaker (quote_lexicon.h) or an age ("the
//     56-year-old"), else no speaker (a fragment of the sentence); "the official" takes
//     the one person called so in its sentence or the one before ("Judge Jack Roe ...
//     “...,” the judge said"), else an earlier descriptor with the same head noun, or the
//     one person the article ties to it ("neighbor Ross Manche", "Amanda Reid, a
//     neighbor", "John Roe, 56,").
// A quotation with no speech verb of its own that makes up a whole sentence right
// after another quotation (or its detached attribution) continues it and has the same
// speaker ("“Time is of the essence,” Blinken said. “This needs to get done ...”"; the
// number the splitter cut off after an abbreviation, "WCCO-TV, Ch. 4.", is no sentence
// between them, nor, after a quotation left open at its paragraph's end, up to three
// sentences with no quotation and no speech verb: paragraphs whose marks were left out),
// unless it was left open and ends in an attribution of its own (“..., Tyler Reguly, a
// manager at Tripwire, says.); every paragraph of a quotation that runs over several, or
// that a line break cuts (quote_marks.h), has the speaker of its attributed part, which
// wins over one its first part took from the statement before it.
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
