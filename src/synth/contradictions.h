// Statements about the same entity that the story's articles make with opposite polarity:
// "the militant group has not issued any new demands" against "Hamas' new demands".
//
// A statement is the clause after a mention of the entity (by name, or by a reference
// such as "the militant group", see entity_descriptors.h): up to ten words, ending at
// punctuation or a conjunction. It is a denial when a negation cue ("not", "no", "never",
// "denied", "has yet to", "didn ' t" written apart, ...) stands in its first four words
// with nothing but auxiliaries before it ("has not issued"), and then says the content
// words after the cue; its verb is the first word after the cue and auxiliaries. No
// statement is read from a clause whose cue is emphasis ("not only", "not just", "no
// doubt": read as an assertion), a hedge or a time ("not completely", "not yet", "no
// longer"), a negation after another verb ("agreed not to"), a restriction after the cue
// ("has not sent only three"), or a verb that denies by meaning ("refused", "pulled
// out"); nor an assertion from a sentence that denies anything. A denial and an assertion
// about the same entity, from different sentences, contradict when the assertion holds
// the denied verb in some form (unless the verb is a light one whose object carries the
// claim: "has not issued any new demands" / "Hamas' new demands") and they share at least
// two content keys (synth/word_keys.h) and at least half of the denial's. Each denial
// keeps its best match per other article.
#pragma once

#include <string>
#include <vector>

#include "synth/article_tokens.h"
#include "synth/citation.h"

namespace storyline {

struct Contradiction {
  std::string entity;  // entity id
  std::string name;    // canonical name
  Citation denial;     // from the subject to the end of its clause
  Citation assertion;
  std::vector<std::string> shared;  // the content keys both clauses hold
};

// Denials from other outlets than the assertion first, then most shared words.
std::vector<Contradiction> FindContradictions(const std::vector<ArticleTokens>& articles);

}  // namespace storyline
