// QuoteAttributor: the speaker a subject phrase gives, and the speaker a name stands for
// (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/entities/name_parts.h"
#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"
#include "extract/quotes/quote_speaker.h"

namespace storyline::quote_internal {

std::optional<Speaker> QuoteAttributor::SpeakerOf(int a, int b) const {
  if (b - a == 1) {
    const SpeakerKind pronoun = PronounSpeakerKind(Lower(a));
    if (pronoun != SpeakerKind::kUnknown) return Antecedent(pronoun, a);
  }
  // "Yesterday a neighbour said", "Later one user posted": the time word is no part of
  // the speaker.
  while (b - a > 1 && IsSubjectVerbFiller(Lower(a))) ++a;
  // "The Indian Navy in November said", "Hastings this morning announced": nor is a time
  // phrase before the verb; of "the ministry on Monday said" the weekday was already left
  // out as a word before the verb.
  if (b - a > 2 && IsCalendarWord(Lower(b - 1)) && OpensTimePhrase(Lower(b - 2))) {
    b -= 2;
  } else if (b - a > 1 && b < static_cast<int>(tokens_.size()) && OpensTimePhrase(Lower(b - 1)) &&
             IsCalendarWord(Lower(b))) {
    --b;
  }
  // "Capt. John Roe Sr.": the suffix is no name of its own.
  while (b - a > 1 && (IsNameSuffix(Lower(b - 1)) ||
                       (Word(b - 1) == "." && b - 2 > a && IsNameSuffix(Lower(b - 2) + ".")))) {
    b -= Word(b - 1) == "." ? 2 : 1;
    if (b - a > 1 && IsComma(b - 1)) --b;
  }
  // "Pat Clarke with People's Action Committee", "Rosaly Lopes of NASA's Jet Propulsion
  // Laboratory", "Capt. John Roe Sr. of the county police": a person's name followed by a
  // preposition heads the phrase, also where the recognizer ran the name on into it.
  for (const NameMention& n : NamesStartingIn(a, b)) {
    if (n.first < a || n.first >= b || !IsPersonLike(n)) continue;
    if (const int after = AfterNameSuffix(n.end, b);
        after > n.end && after < b && IsPrepositionAfterName(Lower(after))) {
      return SpeakerOf(a, n.end);
    }
    for (int i = n.first + 1; i <= n.end && i < b; ++i) {
      if (!IsPrepositionAfterName(Lower(i)) || (i < n.end && i - n.first < 2)) continue;
      if (i == n.end) return SpeakerOf(a, i);
      NameMention head = n;
      head.end = i;
      head.text = text_.substr(tokens_[n.first].start, tokens_[i - 1].end - tokens_[n.first].start);
      head.linked = nullptr;
      return NamedSpeaker(head);
    }
  }
  const NameMention* head_name = nullptr;
  int names_inside = 0;
  bool has_and = false;
  for (int i = a; i < b; ++i) has_and = has_and || Lower(i) == "and";
  for (const NameMention& n : NamesStartingIn(a, b)) {
    if (n.first < a || n.end > b) continue;
    ++names_inside;
    if (n.end == b) head_name = &n;
  }
  // "one user on Weibo", "a spokesman for the company", "Officials in Washington": a
  // name after a preposition only completes a description.
  if (head_name && head_name->first - 1 > a &&
      IsPrepositionInDescriptor(Lower(head_name->first - 1))) {
    const std::string noun = Lower(head_name->first - 2);
    const SpeakerKind kind = HeadNounSpeakerKind(noun);
    if (!IsAsciiUpper(Word(head_name->first - 2)[0]) || kind == SpeakerKind::kPerson ||
        kind == SpeakerKind::kGroup) {
      return DescribedSpeaker(a, b);
    }
  }
  if (head_name && !(has_and && names_inside > 1)) return NamedSpeaker(*head_name);
  if (has_and && names_inside > 1 && OnlyNamesAndConjunctions(a, b)) {
    Speaker speaker;  // "Qatar and Egypt": a group, as written
    speaker.name =
        std::string(text_.substr(tokens_[a].start, tokens_[b - 1].end - tokens_[a].start));
    speaker.kind = SpeakerKind::kGroup;
    return speaker;
  }
  return DescribedSpeaker(a, b);
}

int QuoteAttributor::AfterNameSuffix(int t, int b) const {
  int i = t;
  if (i + 1 < b && IsComma(i) && IsNameSuffix(Lower(i + 1))) ++i;
  if (i >= b || !IsNameSuffix(Lower(i))) return t;
  ++i;
  if (i < b && Word(i) == ".") ++i;
  return i;
}

bool QuoteAttributor::OnlyNamesAndConjunctions(int a, int b) const {
  for (int i = a; i < b;) {
    if (Lower(i) == "and" || IsComma(i)) {
      ++i;
      continue;
    }
    const NameMention* name = NameStartingAt(i);
    if (!name || name->end > b) return false;
    i = name->end;
  }
  return true;
}

std::optional<std::string> QuoteAttributor::FullerPersonName(std::string_view name) const {
  const std::vector<std::string_view> words = NameWords(name);
  if (words.empty()) return std::nullopt;
  if (!people_names_by_last_word_) {
    // In order of first mention: FullerName's answer depends on its candidates' order,
    // and a name written again adds nothing to it.
    people_names_by_last_word_.emplace();
    std::unordered_set<std::string_view> seen;
    for (const NameMention& n : names_) {
      if (!IsPersonLike(n)) continue;
      const std::string_view person = n.linked ? std::string_view(n.linked->name) : n.text;
      if (!seen.insert(person).second) continue;
      const std::vector<std::string_view> person_words = NameWords(person);
      if (person_words.empty()) continue;
      (*people_names_by_last_word_)[std::string(person_words.back())].push_back(person);
    }
  }
  const auto it = people_names_by_last_word_->find(words.back());
  if (it == people_names_by_last_word_->end()) return std::nullopt;
  return FullerName(name, it->second);
}

bool QuoteAttributor::IsCapitalizedRun(int a, int b) const {
  if (b - a > kMaxNameWords || IsCapitalizedFunctionWord(Lower(a))) return false;
  for (int i = a; i < b; ++i) {
    const std::string_view w = Word(i);
    if (!IsAsciiUpper(w[0]) && !(i > a && IsNameParticle(w))) return false;
  }
  return true;
}

Speaker QuoteAttributor::UnrecognizedName(int a, int b) const {
  const std::string written(text_.substr(tokens_[a].start, tokens_[b - 1].end - tokens_[a].start));
  Speaker speaker;
  const std::optional<std::string> fuller = FullerPersonName(written);
  speaker.name = fuller ? *fuller : CanonicalName(written, {});
  speaker.entity = SpeakerEntityId(*speaker.name);
  // Unresolved, it may as well be an organization ("Kotak Institutional Equities").
  speaker.kind = fuller ? SpeakerKind::kPerson : SpeakerKind::kUnknown;
  return speaker;
}

Speaker QuoteAttributor::NamedSpeaker(const NameMention& name) const {
  if (names_.empty() || &name < names_.data() || &name >= names_.data() + names_.size()) {
    return ResolveName(name);
  }
  if (named_speakers_.empty()) named_speakers_.resize(names_.size());
  std::optional<Speaker>& known = named_speakers_[&name - names_.data()];
  if (!known) known = ResolveName(name);
  return *known;
}

Speaker QuoteAttributor::ResolveName(const NameMention& name) const {
  if (const std::optional<Speaker> first_named = FirstNameBefore(name)) return *first_named;
  if (const std::optional<Speaker> shared = SharedSurname(name)) return *shared;
  Speaker speaker;
  // The entity linker's canonical name and id, when it ran, so quotes and entities
  // agree; else the fullest form of the name in the article.
  std::string canonical;
  if (name.linked) {
    canonical = name.linked->name;
  } else {
    const std::vector<std::string_view> words = NameWords(name.text);
    canonical =
        CanonicalName(name.text, words.empty() ? std::vector<std::string_view>()
                                               : SameTypeNamesEndingWith(name.type, words.back()));
  }
  speaker.entity = name.linked ? name.linked->entity : SpeakerEntityId(canonical);
  if (name.type == "PERSON" && NameWords(canonical).size() == 1) {
    // A surname the linker left on its own ("Worthy" after "Kym Worthy" of another type,
    // "Mr Steele" after "the fire chief, James Steele").
    if (std::optional<std::string> fuller = FullerPersonName(canonical)) {
      canonical = *fuller;
      speaker.entity = SpeakerEntityId(canonical);
      for (const NameMention& n : names_) {
        if (n.linked && n.linked->name == canonical) speaker.entity = n.linked->entity;
      }
    }
  }
  speaker.name = canonical;
  if (name.type == "PERSON") {
    speaker.kind = SpeakerKind::kPerson;
  } else if (name.type == "ORG" || name.type == "PLACE") {
    speaker.kind = SpeakerKind::kOrganization;
  } else {
    // A capitalized run: a person when it reads like first and last name.
    const bool two_words = canonical.find(' ') != std::string::npos;
    const bool org_word =
        HeadNounSpeakerKind(AsciiLower(NameWords(canonical).back())) == SpeakerKind::kOrganization;
    speaker.kind = org_word    ? SpeakerKind::kOrganization
                   : two_words ? SpeakerKind::kPerson
                               : SpeakerKind::kUnknown;
  }
  return speaker;
}

int QuoteAttributor::FirstNameLeftOut(const NameMention& name) const {
  const int before = name.first - 1;
  if (name.type != "PERSON" || name.end - name.first != 1 || before < 0 || quoted_[before] ||
      sentence_of_[before] != sentence_of_[name.first] || !IsWordToken(before) ||
      !IsCapitalized(before) || !IsAsciiUpper(Word(before)[0])) {
    return -1;
  }
  int first = before;
  // "Ike Parsons LaRue": the first of two.
  if (first - 1 >= 0 && sentence_of_[first - 1] == sentence_of_[before] && !quoted_[first - 1] &&
      LeftOutNameWord(first - 1)) {
    --first;
  }
  if (!LeftOutNameWord(first) || !LeftOutNameWord(before)) return -1;
  if (!words_before_names_) {
    // The words the article writes before a person's full name, or that open a name of
    // three words: titles, built once.
    words_before_names_.emplace();
    for (const NameMention& n : names_) {
      if (!IsPersonLike(n)) continue;
      const std::vector<std::string_view> words = SplitNameWords(n.text);
      if (n.first > 0 && words.size() >= 2) words_before_names_->insert(Lower(n.first - 1));
      if (words.size() >= 3) words_before_names_->insert(AsciiLower(words.front()));
    }
  }
  return words_before_names_->contains(Lower(first)) ? -1 : first;
}

bool QuoteAttributor::LeftOutNameWord(int i) const {
  const std::string_view word = Word(i);
  if (!IsWordToken(i) || !IsAsciiUpper(word[0])) return false;
  const bool initials = word.size() >= 4 && word[1] == '.' && word.ends_with(".");
  if (word.ends_with(".") && !initials) return false;
  if (!initials && std::none_of(word.begin() + 1, word.end(), IsAsciiLowerByte)) return false;
  const std::string lower = Lower(i);
  if (IsTitleWord(lower) || TitleGender(lower) != Gender::kUnknown ||
      HeadNounSpeakerKind(lower) != SpeakerKind::kUnknown || IsCapitalizedFunctionWord(lower) ||
      IsCalendarWord(lower)) {
    return false;
  }
  // Opening a sentence, an adverb or a participle ("Ironically", "Joining", "Though").
  if (i == SentenceStart(i) && (lower.ends_with("ly") || lower.ends_with("ing") ||
                                lower.ends_with("ed") || IsSentenceAdverb(lower))) {
    return false;
  }
  if (!lower_case_words_) {
    lower_case_words_.emplace();
    for (int t = 0; t < static_cast<int>(tokens_.size()); ++t) {
      if (IsAsciiLowerByte(Word(t)[0])) lower_case_words_->insert(std::string(Word(t)));
    }
  }
  return !lower_case_words_->contains(lower);
}

std::optional<Speaker> QuoteAttributor::FirstNameBefore(const NameMention& name) const {
  const int first_token = FirstNameLeftOut(name);
  if (first_token < 0) return std::nullopt;
  const std::string_view first = Word(first_token);
  std::string canonical;
  if (name.linked) {
    canonical = name.linked->name;
  } else if (const std::optional<std::string> fuller = FullerPersonName(name.text)) {
    canonical = *fuller;
  }
  const std::vector<std::string_view> words = SplitNameWords(canonical);
  if (words.size() < 2 || std::find(words.begin(), words.end(), first) != words.end()) {
    return std::nullopt;
  }
  Speaker speaker = UnrecognizedName(first_token, name.end);
  speaker.kind = SpeakerKind::kPerson;
  return speaker;
}

std::optional<std::pair<std::string_view, std::string_view>> QuoteAttributor::WrittenFullName(
    const NameMention& n) const {
  if (n.type != "PERSON") return std::nullopt;
  const std::vector<std::string_view> words = NameWords(n.text);
  if (words.empty()) return std::nullopt;
  if (words.size() >= 2) return std::make_pair(words.front(), words.back());
  const int first = FirstNameLeftOut(n);
  if (first < 0) return std::nullopt;
  return std::make_pair(Word(first), words.back());
}

std::optional<Speaker> QuoteAttributor::SharedSurname(const NameMention& name) const {
  if (name.type != "PERSON" || SplitNameWords(name.text).size() != 1) return std::nullopt;
  const std::vector<SurnameUse>& uses = SurnameUses(name.text);
  std::vector<std::string_view> first_words;
  std::vector<std::string_view> nearby_firsts;
  const NameMention* nearby = nullptr;
  const int from = SentenceStart(std::max(0, SentenceStart(name.first) - 1));
  for (const SurnameUse& use : uses) {
    // Full names the recognizer missed count up to the name only.
    if (!use.mention && use.at + 1 >= name.first) continue;
    if (std::find(first_words.begin(), first_words.end(), use.first) == first_words.end()) {
      first_words.push_back(use.first);
    }
    const bool before = use.mention ? use.mention->end <= name.first : true;
    if (use.at >= from && before) {
      if (std::find(nearby_firsts.begin(), nearby_firsts.end(), use.first) == nearby_firsts.end()) {
        nearby_firsts.push_back(use.first);
      }
      nearby = use.mention;
    }
  }
  if (first_words.size() < 2) return std::nullopt;
  Speaker speaker;
  speaker.kind = SpeakerKind::kPerson;
  if (nearby_firsts.size() == 1) {
    speaker.name = std::string(nearby_firsts.front()) + " " + std::string(name.text);
    const bool linked = nearby && nearby->linked && nearby->linked->name == *speaker.name;
    speaker.entity = linked ? nearby->linked->entity : SpeakerEntityId(*speaker.name);
  } else {
    speaker.name = std::string(name.text);
    speaker.entity = SpeakerEntityId(*speaker.name);
  }
  return speaker;
}

const std::vector<QuoteAttributor::SurnameUse>& QuoteAttributor::SurnameUses(
    std::string_view surname) const {
  if (!surname_uses_) {
    surname_uses_.emplace();
    for (const NameMention& n : names_) {
      const std::vector<std::string_view> words = NameWords(n.text);
      if (n.type == "PERSON" && words.size() == 1) (*surname_uses_)[words.front()];
      const auto full = WrittenFullName(n);
      // "M. Benjamin" may be "Regina M. Benjamin": an initial names no other person.
      if (!full || (full->first.size() <= 2 && full->first.ends_with('.'))) continue;
      (*surname_uses_)[full->second].push_back({n.first, full->first, &n});
    }
    for (int t = 1; t < static_cast<int>(tokens_.size()); ++t) {
      const auto it = surname_uses_->find(Word(t));
      if (it == surname_uses_->end() || NameStartingAt(t) || NameStartingAt(t - 1) ||
          (t >= 2 && NameStartingAt(t - 2)) || !LeftOutNameWord(t - 1)) {
        continue;
      }
      it->second.push_back({t - 1, Word(t - 1), nullptr});
    }
    for (auto& [word, found] : *surname_uses_) {
      std::stable_sort(found.begin(), found.end(),
                       [](const SurnameUse& a, const SurnameUse& b) { return a.at < b.at; });
    }
  }
  static const std::vector<SurnameUse> kNone;
  const auto it = surname_uses_->find(surname);
  return it == surname_uses_->end() ? kNone : it->second;
}

}  // namespace storyline::quote_internal
