// Word lists for finding who said a quotation: speech verbs, the words between a
// subject and its verb, titles in front of names, and the head nouns that tell a person
// ("a senior official") from an organization ("the ministry"). All lookups take the word
// lower-cased (ASCII) unless stated otherwise.
#pragma once

#include <string>
#include <string_view>

#include "text/ascii.h"

namespace storyline {

// Inflected forms of verbs that introduce speech or writing: "said", "says", "told",
// "added", "warned", "tweeted", "described" ..., and "spoke", "echoed": their subject
// speaks, whom a later "he said" may stand for.
bool IsSpeechVerb(std::string_view lower_word);

// Words that may stand between a subject and its speech verb without being part of the
// subject: auxiliaries, adverbs and time words ("Blinken also said", "Israeli media
// earlier Wednesday reported").
bool IsSubjectVerbFiller(std::string_view lower_word);

// Words that end a subject phrase on its left ("... that Qatar and Egypt have warned",
// "while an Israeli official said") or on its right after an inverted verb ("said
// Blinken in Doha").
bool IsSubjectBoundaryWord(std::string_view lower_word);
bool IsInvertedSubjectTrailer(std::string_view lower_word);

// Words naming a day or a stretch of the calendar ("november", "monday", "week"), and the
// words that open a time phrase with one ("in", "on", "last"): "the Indian Navy in November
// said" names the navy.
bool IsCalendarWord(std::string_view lower_word);
bool OpensTimePhrase(std::string_view lower_word);

// Relative pronouns, where a subject's relative clause starts ("an official who ...").
bool IsRelativePronoun(std::string_view lower_word);

// Titles and offices written before a name: "President", "Secretary", "Minister", "Mr.".
bool IsTitleWord(std::string_view lower_word);

// Determiners a descriptor may start with ("a", "the", "an", "another").
bool IsDeterminer(std::string_view lower_word);

enum class SpeakerKind { kUnknown, kPerson, kOrganization, kGroup };

// The kind of speaker a pronoun refers to: "he"/"she" a person, "it" an organization,
// "they" a group (people or an organization); kUnknown for other words.
SpeakerKind PronounSpeakerKind(std::string_view lower_word);

// The kind of speaker a descriptor's head noun names: "official" a person, "ministry"
// an organization (as is a document the article quotes: "the affidavit", "court
// records"), "officials" a group; kUnknown when the noun says nothing.
SpeakerKind HeadNounSpeakerKind(std::string_view lower_word);

// The gender a pronoun or a word written right before a name shows: "he", "Mr.", "Msgr.",
// "his father, ..." a man; "she", "Ms", "Sister", "Sr." (before a name: Sister) a woman;
// kUnknown for other words and for titles of either ("President", "Dr.").
enum class Gender { kUnknown, kMale, kFemale };
Gender PronounGender(std::string_view lower_word);
Gender TitleGender(std::string_view lower_word);
// The gender a descriptor's head noun shows: a title or relation word ("mother"), a
// "-woman"/"-man" noun ("spokeswoman", "chairman"), "girl"/"boy"; else unknown.
Gender DescriptorGender(std::string_view lower_head);

// Speech verbs that ask: the answer that follows is someone else's ("Reporters asked
// Smith whether ...").
bool IsQuestionVerb(std::string_view lower_word);

// Nouns naming a work whose title is quoted after them: "the film", "the song", "titled".
bool IsWorkNoun(std::string_view lower_word);

// Words after which a descriptor's head noun has ended ("a source familiar with the
// plans": the head is "source").
bool EndsDescriptorHead(std::string_view lower_word);

// Words that open an adjunct after a speech verb rather than what was said: "said of
// the boy", "said in a statement", "said Tuesday".
bool IsAdjunctStart(std::string_view lower);

// Speech verbs whose form is also a noun's: "a post", "the report".
bool CanBeNoun(std::string_view word);

// Forms of "be", which make a speech verb after them passive: "reporters were told".
bool IsBeAuxiliary(std::string_view lower);

// Generational suffixes after a name: "John Roe Sr.".
bool IsNameSuffix(std::string_view lower);

// Prepositions that end a person's name phrase: "Pat Clarke with the committee".
bool IsPrepositionAfterName(std::string_view lower);

// Capitalized words opening a sentence that are no first names: "Though Roe said ...".
bool IsSentenceAdverb(std::string_view lower);

// Prepositions after which a name completes a descriptor: "a spokesman for the company",
// "one woman in Qeshm", "a resident near Tulsa".
bool IsPrepositionInDescriptor(std::string_view lower);

// Name-internal lower-case particles ("Mohammed bin Abdulrahman", "Secretary of State").
bool IsNameParticle(std::string_view word);

// Words a title leaves in lower case: "The Lord of the Rings".
bool IsTitleSmallWord(std::string_view lower);

// Capitalized words that start sentences without being names.
bool IsCapitalizedFunctionWord(std::string_view lower);

}  // namespace storyline
