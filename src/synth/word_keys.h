// Lemma-ish keys for comparing the words two outlets use about the same thing, without a
// lemmatizer: lower-cased, possessive and plural endings stripped ("Hamas'" -> "hamas",
// "demands" -> "demand", "casualties" -> "casualty"). Function words, reporting verbs and
// numbers carry no claim of their own and have no key.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// The key of `word`; empty when the word is a function word, a reporting verb, a number
// (in digits or words) or punctuation.
std::string ContentKey(std::string_view word);

// The key of a word that says what happened, so that its forms and a few words that
// say the same match: "killed", "killing", "kills" and "dead" give "kill"; "sought" and
// "seek" give "seek". Empty for words that cannot say it: capitalized words (names),
// function words, numbers.
std::string PredicateKey(std::string_view word);

// True for a number written as a word: "two", "dozen", "hundreds", "million".
bool IsNumberWord(std::string_view word);

// True for "not", "n't", "no", "never", "denied", "without", "yet" ... : a word that turns
// what follows into its opposite.
bool IsNegationCue(std::string_view word);

// True for a token of punctuation that closes a clause or phrase: , . ; : ( ) ? ! quotes
// and dashes.
bool IsClausePunctuation(std::string_view word);

}  // namespace storyline
