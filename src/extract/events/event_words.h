// The words of one article as the event finder sees them: lower-cased forms, tags, which
// entity mention (PERSON/ORG/PLACE) or time expression each token belongs to, the noun
// phrases around a position, found from tags alone, and, where the sentence was parsed,
// each word's head and relation.
//
// Headlines are told apart from sentences of prose: a line with no final stop ("Second
// climber dies at Mt Cook"), or one in Title Case ("Woman Killed In Queens Hit - Run").
// A tagger trained on prose tags every Title-Case word a proper noun and headline verbs
// as nouns ("dies/NNS"), so there the words' tags are told again from the words
// themselves (see the constructor) and the parse is not trusted. A line that is a web
// address ("http: / / www. ...") holds no words of the article at all.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

// Token bounds of one sentence: [first, end).
struct SentenceBounds {
  int first = 0;
  int end = 0;
};

class EventWords {
 public:
  // `tags` and `deps` hold one entry per token or are empty; any other size counts as
  // empty. A token of a sentence left unparsed has an empty relation label.
  //
  // In a headline, a word of the event lexicon outside any name that is tagged a noun
  // but can only be a verb ("dies", "killed"), other than a verb of saying, is told a verb: "-s" a
  // present (VBZ), else a participle (VBN), as headlines use them. In a Title-Case one, also a
  // lexicon noun tagged a proper noun is told a common noun ("Fatal Shooting"), and a
  // preposition, conjunction or form of "be" tagged a proper noun is told as what it
  // is ("Killed By Police"). An attack verb tagged a plural noun between the people it
  // tells of is told a present too ("Man shoots 8-year-old boy").
  EventWords(std::string_view text, const TokenizedText& tokens, std::span<const PosTag> tags,
             std::span<const EntityMention> entities, std::span<const TimeExpression> times,
             std::span<const Dependency> deps = {});
  // The words keep their own tags, which a copy would not point to.
  EventWords(const EventWords&) = delete;
  EventWords& operator=(const EventWords&) = delete;

  int size() const { return static_cast<int>(lower_.size()); }
  std::string_view Lower(int i) const { return lower_[i]; }
  bool Is(int i, std::string_view lower_word) const {
    return i >= 0 && i < size() && lower_[i] == lower_word;
  }
  bool HasTags() const { return !tags_.empty(); }
  std::string_view Upos(int i) const { return tags_.empty() ? std::string_view() : tags_[i].upos; }
  std::string_view Xpos(int i) const { return tags_.empty() ? std::string_view() : tags_[i].xpos; }
  bool IsVerb(int i) const;  // VB* (always true without tags)
  bool IsNoun(int i) const;  // NN or NNS (always true without tags)
  bool IsPunctuation(int i) const;

  // Whether token i's sentence was parsed; Head and Label are meaningful only then. A
  // Title-Case headline counts as unparsed: its parse rests on tags told wrong.
  bool Parsed(int i) const { return !deps_.empty() && !deps_[i].label.empty() && !title_case_[i]; }
  // Whether token i lies in a headline (see above), or in a line that is a web address.
  bool InHeadline(int i) const { return headline_[i]; }
  bool InWebAddress(int i) const { return web_address_[i]; }
  int Head(int i) const { return deps_[i].head; }
  std::string_view Label(int i) const { return deps_[i].label; }
  // The first dependent of `head` in [first, end) with relation `label`, or -1.
  int Dependent(int head, std::string_view label, int first, int end) const;
  // The preposition that marks dependent d ("with" for "with Netanyahu"), lower-cased;
  // empty when none.
  std::string_view CaseOf(int d, int first, int end) const;
  // The entities the phrase headed by dependent d names: its HeadEntity, else that of a
  // name in apposition or flat after it ("the director, Abbas Kamel"), and those of its
  // conjuncts ("Egypt and Qatar"), in text order; empty when its head names none.
  std::vector<int> DependentEntities(int d, int first, int end) const;

  // Index of the entity mention (PERSON/ORG/PLACE with an id) that holds token i, or -1.
  int EntityAt(int i) const { return entity_of_token_[i]; }
  // Whether token i lies inside a time expression other than a duration.
  bool InTime(int i) const { return in_time_[i]; }

  // Whether token i can be part of a noun phrase: determiners, adjectives, nouns,
  // numbers, possessive "'s", hyphens and entity tokens; time expressions end a phrase.
  bool InNounPhrase(int i) const;

  // The entity a noun phrase with head token `head` names: the head's own entity, or the
  // entity right before a group head ("Hamas negotiators", "Biden administration
  // officials"), but no place before "police" ("Hamilton police say": the force, not the
  // town); -1 when none.
  int HeadEntity(int head) const;

  // The entities of the noun phrase that starts at `first` (within [first, end)),
  // coordinated ones included ("Egypt and Qatar"); empty when its head names none.
  std::vector<int> PhraseEntitiesFrom(int first, int end) const;

  // The entities of the noun phrase that ends at `last` (within [begin, last]),
  // coordinated ones included, in text order.
  std::vector<int> PhraseEntitiesEndingAt(int last, int begin) const;

  // The first token of the noun phrase that holds token `last`, not before `begin`.
  int PhraseStart(int last, int begin) const;

 private:
  // Marks the headlines and web addresses among the sentences and tells their tags again.
  void ReadHeadlines(std::string_view text, const TokenizedText& tokens);
  // Whether token k names or describes a person: a PERSON mention or a word for one.
  bool NamesPersonAt(int k) const;
  // Whether the headline word at token k, tagged a plural noun, is a harm verb in the
  // present between the people it tells of: "Salt Lake man shoots 8-year-old boy"
  // (a "shoots" of plants has no person on either side).
  bool IsHarmBetweenPeople(int k, int end) const;

  std::vector<std::string> lower_;
  std::vector<PosTag> own_tags_;  // the tags, told again in headlines
  std::span<const PosTag> tags_;
  std::span<const EntityMention> entities_;
  std::span<const Dependency> deps_;
  std::vector<int> entity_of_token_;
  std::vector<bool> in_time_;
  std::vector<bool> headline_, title_case_, web_address_;
};

}  // namespace storyline
