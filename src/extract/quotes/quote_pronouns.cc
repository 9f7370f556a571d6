// QuoteAttributor: the speaker a pronoun subject stands for, and the genders the article
// shows of the people it names (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/entities/name_parts.h"
#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline::quote_internal {

void QuoteAttributor::NoteTitledGenders() {
  for (const NameMention& n : names_) {
    if (!IsPersonLike(n)) continue;
    Gender gender = Gender::kUnknown;
    // A title the mention holds ("Mr Steele"), not a one-word name ("King" of Tishana
    // King).
    const std::vector<std::string_view> words = SplitNameWords(n.text);
    if (words.size() > 1) gender = TitleGender(AsciiLower(words.front()));
    int before = n.first - 1;
    if (before >= 1 && IsComma(before)) --before;
    if (gender == Gender::kUnknown && before >= 0 && !quoted_[before]) {
      gender = TitleGender(Lower(before));
      // "Msgr." as two tokens.
      if (gender == Gender::kUnknown && before >= 1 && Word(before) == ".") {
        gender = TitleGender(Lower(before - 1) + ".");
      }
    }
    if (gender == Gender::kUnknown) continue;
    const Speaker speaker = NamedSpeaker(n);
    if (speaker.name) NoteGender(*speaker.name, gender);
  }
}

Gender QuoteAttributor::PronounGenderAfter(int verb) const {
  int next = verb + 1;
  const int end = SentenceEnd(verb);
  if (next < end && Lower(next) == "that") ++next;
  return next < end && !quoted_[next] ? PronounGender(Lower(next)) : Gender::kUnknown;
}

void QuoteAttributor::NoteGender(const std::string& name, Gender gender) {
  if (gender == Gender::kUnknown) return;
  const auto [it, added] = gender_of_.emplace(name, gender);
  if (!added && it->second != gender) it->second = Gender::kUnknown;
}

bool QuoteAttributor::GenderDisagrees(const std::optional<std::string>& name,
                                      Gender pronoun) const {
  if (pronoun == Gender::kUnknown || !name) return false;
  const auto it = gender_of_.find(*name);
  return it != gender_of_.end() && it->second != Gender::kUnknown && it->second != pronoun;
}

std::optional<Speaker> QuoteAttributor::Antecedent(SpeakerKind pronoun, int at) const {
  const Gender gender = PronounGender(Lower(at));
  for (int c = at - 1; c >= SentenceStart(at); --c) {
    if (cue_subject_[c] == kNotACue || quoted_[c]) continue;
    const int subject = cue_subject_[c];
    // "He stressed that ..., and he reiterated": the same pronoun in a coordinated clause.
    const bool coordinated = at > 0 && Lower(at - 1) == "and";
    if (subject >= 0 && subject + 1 < static_cast<int>(tokens_.size()) &&
        Lower(subject) == Lower(at) && (!IsWordToken(subject + 1) || coordinated)) {
      if (const Speaker* speaker = CueSpeaker(c)) return *speaker;
      return std::nullopt;
    }
    return std::nullopt;
  }
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->first >= at) continue;
    const SpeakerKind kind = it->second.kind;
    const bool compatible =
        kind == pronoun || (pronoun == SpeakerKind::kGroup && kind == SpeakerKind::kOrganization);
    if (!compatible || GenderDisagrees(it->second.name, gender)) continue;
    if (AnotherSubject(it->second, it->first, at, pronoun, gender)) return std::nullopt;
    // A descriptor names nobody the pronoun is tied to: "Robert McFarlane, an assistant
    // state attorney general said ... Karen Olson ... she wrote" is Olson's, or unknown.
    if (pronoun == SpeakerKind::kPerson && !it->second.entity) {
      const Gender described = DescriptorGender(it->second.head);
      if ((described != Gender::kUnknown && described != gender) ||
          PersonNamedSince(it->first, at, gender)) {
        return std::nullopt;
      }
    }
    return it->second;
  }
  if (pronoun != SpeakerKind::kPerson) return std::nullopt;
  const int sentence = sentence_of_[at];
  // Names starting at or after `at` end after it: from the last one before, back.
  const std::span<const NameMention> before = NamesStartingIn(0, at);
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    if (it->end > at || !IsPersonLike(*it)) continue;
    if (sentence_of_[it->first] < sentence - 1 || !IsSentenceSubject(*it)) return std::nullopt;
    Speaker speaker = NamedSpeaker(*it);
    if (speaker.kind != SpeakerKind::kPerson || GenderDisagrees(speaker.name, gender) ||
        AnotherSubject(speaker, it->first, at, SpeakerKind::kPerson, gender)) {
      return std::nullopt;
    }
    return speaker;
  }
  return std::nullopt;
}

bool QuoteAttributor::PersonNamedSince(int subject, int to, Gender gender) const {
  // The descriptor's own phrase, an apposition included ("a spokeswoman, Jane Roe,"),
  // ends at its speech verb.
  int from = subject;
  while (from < to && cue_subject_[from] != subject) ++from;
  for (const NameMention& n : NamesStartingIn(from + 1, to)) {
    if (n.end > to || !IsPersonLike(n) || quoted_[n.first]) continue;
    // "Nichols' mother expressed ...": a possessive names whose relation speaks.
    if (n.end < to &&
        (Word(n.end) == "'" || Lower(n.end) == "'s" || Word(n.end) == "’s" || Word(n.end) == "’")) {
      continue;
    }
    if (!GenderDisagrees(NamedSpeaker(n).name, gender)) return true;
  }
  return false;
}

bool QuoteAttributor::IsSentenceSubject(const NameMention& n) const {
  for (int i = SentenceStart(n.first); i < n.first; ++i) {
    if (!IsCapitalized(i) || quoted_[i]) return false;
  }
  return !quoted_[n.first];
}

bool QuoteAttributor::AnotherSubject(const Speaker& speaker, int from, int to, SpeakerKind pronoun,
                                     Gender gender) const {
  for (const NameMention& n : NamesStartingIn(from + 1, to)) {
    if (n.first <= from || n.end > to || !IsSentenceSubject(n)) continue;
    const bool fits = pronoun == SpeakerKind::kPerson ? IsPersonLike(n) : n.type == "ORG";
    if (!fits) continue;
    const std::optional<std::string> name = NamedSpeaker(n).name;
    if (!MayBeSamePerson(name, speaker.name) && !GenderDisagrees(name, gender)) return true;
  }
  return false;
}

bool QuoteAttributor::MayBeSamePerson(const std::optional<std::string>& a,
                                      const std::optional<std::string>& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  const std::vector<std::string_view> x = SplitNameWords(*a);
  const std::vector<std::string_view> y = SplitNameWords(*b);
  return !x.empty() && !y.empty() && (x.size() == 1 || y.size() == 1) && x.back() == y.back();
}

}  // namespace storyline::quote_internal
