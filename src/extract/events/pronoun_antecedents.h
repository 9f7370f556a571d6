// The named entities a personal pronoun stands for, so that "He spoke with Netanyahu on
// Monday" gets an agent. Deterministic and conservative: no antecedent rather than a
// guess.
//
// A pronoun takes an entity mention before it, outside quotations (quoted words are the
// speaker's), in its own sentence or the two before it:
//   - "he", "she", "his", "her": a PERSON;
//   - "it", "its": an ORG, or a PLACE acting as a group ("Israel said", not "in Israel");
//   - "they", "their": an ORG, a group an entity names ("Hamas negotiators", "U.S.
//     officials"), or coordinated actors ("Biden and Netanyahu").
// A mention that only modifies another noun ("a Biden official", "the Hamas attack") is
// none of these. The search goes back sentence by sentence and the nearest sentence
// with a compatible mention decides: one entity there is the antecedent; among several,
// the single one that is the subject of a verb ("Blinken met Netanyahu. He said ...");
// two subjects ("Biden and Netanyahu met. He said ...") or none leave the pronoun
// unresolved.
//
// It also stays unresolved when a subject the search passes is a description the
// pronoun may stand for ("The official met Biden. He said ...": he is the official,
// whom no name identifies; "The two leaders agreed. They ..."), and when the search
// crosses a paragraph break over a quotation whose speaker is someone else than the
// antecedent found (a speaker with no name, or another name of the pronoun's kind).
#pragma once

#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "extract/events/event_words.h"
#include "extract/span_index.h"
#include "text/token.h"

namespace storyline {

// Whether a word is a pronoun this module resolves ("he", "their", "it" ...).
bool IsResolvablePronoun(std::string_view lower_word);

class PronounAntecedents {
 public:
  // `words` must describe `tokens` of `text`, with `entities` (in text order) marked.
  PronounAntecedents(std::string_view text, const TokenizedText& tokens, const EventWords& words,
                     std::span<const EntityMention> entities, std::span<const Quote> quotes);

  // The entity mentions the pronoun at token `pronoun` refers to: one, or the members of
  // a coordination for "they"/"their"; empty when the token is no such pronoun, or no
  // antecedent is found or it is ambiguous.
  std::vector<int> Resolve(int pronoun) const;

 private:
  enum class Kind { kNone, kPerson, kThing, kGroup };
  struct Referent;

  std::vector<Referent> Referents(int sentence, int limit, Kind kind) const;
  const Referent* Choose(const std::vector<Referent>& found) const;
  bool PassesDescription(int sentence, int limit, Kind kind) const;
  bool SpeakerDiffers(int from_sentence, int to_sentence, Kind kind,
                      const std::vector<int>& antecedent) const;
  bool IsSubject(int last, int sentence_end) const;
  bool InQuote(uint32_t start, uint32_t end) const;

  const TokenizedText& tokens_;
  const EventWords& words_;
  std::span<const EntityMention> entities_;
  SpanIndex<Quote> quote_index_;
  // Per entity id, its first mention.
  std::unordered_map<std::string_view, int> first_mention_of_entity_;
  std::vector<int> sentence_of_token_;
  std::vector<bool> starts_paragraph_;  // per sentence: a line break before it
};

}  // namespace storyline
