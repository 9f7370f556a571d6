// QuoteAttributor: speech verbs and the subject phrase of each (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline::quote_internal {

bool QuoteAttributor::IsCue(int t) const {
  if (quoted_[t]) return false;
  const std::string_view w = Word(t);
  // "According to the minister, “...”" opens its sentence.
  if (Lower(t) == "according") {
    return t + 1 < SentenceEnd(t) && Word(t + 1) == "to";
  }
  if (w.empty() || !IsAsciiLowerByte(w[0])) return false;  // "United States"
  if (!IsSpeechVerb(w) && !ReleasesAStatement(t)) return false;
  // "the newly announced proposal": a participle modifying a noun.
  if (t > 0 && (IsDeterminer(Lower(t - 1)) || Word(t - 1).ends_with("ly"))) return false;
  // "In a Tumblr post", "the company's reports": a noun, however far its determiner.
  if (CanBeNoun(w)) {
    for (int j = t - 1; j >= 0 && j >= t - 3 && !quoted_[j]; --j) {
      const std::string lower = Lower(j);
      if (IsDeterminer(lower) || lower == "'s" || lower == "\xE2\x80\x99s") return false;
      if (!IsAsciiUpper(Word(j)[0])) break;
    }
  }
  if (!tags_.empty() && (tags_[t].upos == "NOUN" || tags_[t].upos == "ADJ")) return false;
  // "reporters were later told": the subject of a passive is who was spoken to.
  if (!w.ends_with("ing")) {
    for (int j = t - 1; j >= 0 && j >= t - 3 && !quoted_[j]; --j) {
      const std::string lower = Lower(j);
      if (IsBeAuxiliary(lower)) return false;
      if (!IsSubjectVerbFiller(lower)) break;
    }
  }
  // "Benioff weighed in, telling Cook": a participle after a comma shares the subject of
  // the clause before it, which the words right before it do not give.
  if (w.ends_with("ing") && t > 0 && IsComma(t - 1)) return false;
  return !Unsaid(t);
}

bool QuoteAttributor::ReleasesAStatement(int t) const {
  static constexpr std::string_view kVerbs[] = {"released", "issued",    "releases", "issues",
                                                "offered",  "delivered", "gave",     "had",
                                                "sent",     "penned"};
  static constexpr std::string_view kNouns[] = {"statement", "statements", "response", "letter",
                                                "message",   "advice",     "warning",  "reply"};
  const std::string_view w = Word(t);
  if (std::find(std::begin(kVerbs), std::end(kVerbs), w) == std::end(kVerbs)) return false;
  constexpr int kMaxNounDistance = 4;
  for (int i = t + 1; i < SentenceEnd(t) && i - t <= kMaxNounDistance && !quoted_[i]; ++i) {
    const std::string lower = Lower(i);
    if (std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns)) {
      // "He had a letter from his mother:": the words are the mother's.
      return i + 1 >= SentenceEnd(t) || Lower(i + 1) != "from";
    }
    if (!IsWordToken(i)) return false;
  }
  return false;
}

bool QuoteAttributor::Unsaid(int verb) const {
  int j = verb - 1;
  for (; j >= 0 && j >= verb - 3 && !quoted_[j] && IsSubjectVerbFiller(Lower(j)); --j) {
    const std::string lower = Lower(j);
    if (lower == "not" || lower == "n't" || lower == "never") return true;
  }
  if (j < 1 || quoted_[j] || Lower(j) != "to") return false;
  const std::string before = Lower(j - 1);
  return before.starts_with("declin") || before.starts_with("refus");
}

void QuoteAttributor::ResolveCues() {
  cue_speaker_.assign(tokens_.size(), -1);
  cue_subject_.assign(tokens_.size(), kNotACue);
  for (int t = 0; t < static_cast<int>(tokens_.size()); ++t) {
    if (!IsCue(t)) continue;
    cue_subject_[t] = kNoSubject;
    if (const int prior = CoordinatedCue(t); prior >= 0) {
      // "Volker said he never used the term and added, “...”": the first verb's speaker.
      cue_speaker_[t] = cue_speaker_[prior];
      continue;
    }
    const std::optional<std::pair<int, int>> subject = SubjectOf(t);
    if (!subject) continue;
    cue_subject_[t] = subject->first;
    std::optional<Speaker> speaker = SpeakerOf(subject->first, subject->second);
    if (!speaker || !speaker->name) continue;
    if (speaker->kind == SpeakerKind::kPerson &&
        PronounSpeakerKind(Lower(subject->first)) == SpeakerKind::kUnknown) {
      NoteGender(*speaker->name, PronounGenderAfter(t));
    }
    cue_speaker_[t] = static_cast<int>(history_.size());
    Remember(subject->first, *speaker);
  }
}

int QuoteAttributor::CoordinatedCue(int verb) const {
  const int start = SentenceStart(verb);
  int j = verb - 1;
  while (j >= start && !quoted_[j] && IsSubjectVerbFiller(Lower(j))) --j;
  if (j < start || quoted_[j] || Lower(j) != "and") return -1;
  for (int c = j - 1; c >= start; --c) {
    // "according to court records, which indicate he ... and told her": no verb.
    if (cue_subject_[c] != kNotACue) return Word(c) == "according" ? -1 : c;
  }
  return -1;
}

const Speaker* QuoteAttributor::CueSpeaker(int t) const {
  return cue_speaker_[t] < 0 ? nullptr : &history_[cue_speaker_[t]].second;
}

void QuoteAttributor::Remember(int subject, const Speaker& speaker) {
  const size_t at = history_.size();
  history_.push_back({subject, speaker});
  history_of_kind_[speaker.kind].push_back(at);
  if (!speaker.entity) latest_described_[speaker.head] = at;
}

std::optional<std::pair<int, int>> QuoteAttributor::SubjectOf(int verb) const {
  const int start = SentenceStart(verb);
  if (Lower(verb) == "according") return RightPhrase(verb + 2);
  if (!deps_.empty()) {
    if (auto subject = ParsedSubject(verb)) return subject;
  }
  int before = verb - 1;
  if (before >= start && IsComma(before)) --before;
  // ,” said X; also “...?” asked X, which the splitter makes a sentence of its own.
  if (before >= start - 1 && before >= 0 && quoted_[before]) return RightPhrase(verb + 1);
  // "The lounge has led to trouble before, said Lt. Joe Heffernan, department spokesman."
  if (verb - 1 >= start && IsComma(verb - 1) && !quoted_[verb - 1]) {
    if (const NameMention* name = NameAfterTitles(verb + 1);
        name && IsPersonLike(*name) && (name->end >= SentenceEnd(verb) || EndsPhrase(name->end))) {
      return std::make_pair(verb + 1, name->end);
    }
  }
  const int phrase_start = VerbPhraseStart(verb, start);
  int j = phrase_start - 1;
  // "has been quoted as saying".
  while (j >= start && !quoted_[j] &&
         (IsSubjectVerbFiller(Lower(j)) || (phrase_start < verb && IsBeAuxiliary(Lower(j))))) {
    --j;
  }
  if (j < start || quoted_[j]) return std::nullopt;
  if (IsComma(j)) return SubjectBeforeComma(j, start);
  const int phrase = LeftPhraseStart(j + 1, start);
  // "the woman who called police said", "a man who said": the relative clause tells of
  // the subject before it (not in "a gang who police say").
  if (phrase - 1 >= start && Lower(phrase - 1) == "who" &&
      (phrase > j ||
       (!tags_.empty() && (tags_[phrase].upos == "VERB" || tags_[phrase].upos == "AUX")))) {
    return RelativeAntecedent(phrase - 1);
  }
  return ValidPhrase(phrase, j + 1);
}

int QuoteAttributor::VerbPhraseStart(int verb, int start) const {
  if (verb - 2 >= start && Lower(verb - 1) == "as" && Lower(verb - 2) == "quoted") {
    return verb - 2;
  }
  if (verb - 3 >= start && Lower(verb - 1) == "to" && Lower(verb - 2) == "on" &&
      Lower(verb - 3) == "went") {
    return verb - 3;
  }
  return verb;
}

std::optional<std::pair<int, int>> QuoteAttributor::RelativeAntecedent(int who) const {
  constexpr int kMaxAntecedentTokens = 4;
  for (int i = who - 1; i >= SentenceStart(who) && who - i <= kMaxAntecedentTokens; --i) {
    if (quoted_[i] || !IsWordToken(i)) return std::nullopt;
    const std::string lower = Lower(i);
    if (IsDeterminer(lower) || lower == "one") return ValidPhrase(i, who);
  }
  return std::nullopt;
}

bool QuoteAttributor::JoinsAnotherPerson(int from, int to) const {
  for (int i = from; i + 1 < to; ++i) {
    if (Lower(i) != "and") continue;
    const NameMention* next = NameStartingAt(i + 1);
    if (next && IsPersonLike(*next)) return true;
  }
  return false;
}

std::optional<std::pair<int, int>> QuoteAttributor::SubjectBeforeComma(int comma, int start) const {
  // A person named where the clause opens, after titles at most, before appositives
  // and relative clauses of any length: "Dylan Nelson, a postdoctoral fellow at the
  // institute in Munich, Germany, and co-author of the study, said", "Interior Minister
  // Wolfgang Peschorn, who serves in a provisional government, said".
  int opening = comma;
  while (opening - 1 >= start && !quoted_[opening - 1]) --opening;
  while (opening < comma && IsPunct(opening)) ++opening;
  if (const NameMention* name = NameAfterTitles(opening); name && IsPersonLike(*name) &&
                                                          name->end < comma && IsComma(name->end) &&
                                                          !JoinsAnotherPerson(name->end, comma)) {
    return std::make_pair(name->first, name->end);
  }
  int k = comma - 1;
  while (k >= start && !quoted_[k] && !IsComma(k)) --k;
  if (k >= start && IsComma(k) && !quoted_[k]) {
    // "her agent, Mark Roesler, said": the person named in apposition to a descriptor.
    if (const NameMention* name = NameStartingAt(k + 1);
        name && name->end == comma && IsPersonLike(*name) && k - 1 >= start &&
        HeadNounSpeakerKind(Lower(k - 1)) == SpeakerKind::kPerson) {
      return std::make_pair(name->first, name->end);
    }
    return ValidPhrase(LeftPhraseStart(k, start), k);
  }
  // No appositive: the subject ends where its relative clause starts.
  for (int r = k + 1; r < comma; ++r) {
    if (IsRelativePronoun(Lower(r))) return ValidPhrase(LeftPhraseStart(r, start), r);
  }
  return ValidPhrase(LeftPhraseStart(comma, start), comma);
}

int QuoteAttributor::LeftPhraseStart(int end, int start) const {
  int a = end;
  while (a - 1 >= start && end - (a - 1) <= 3 * kMaxSubjectTokens) {
    const int p = a - 1;
    if (quoted_[p] || EndsPhrase(p)) break;
    const std::string lower = Lower(p);
    if (IsSpeechVerb(lower)) break;  // "Hamas said the ..."
    if (IsSubjectBoundaryWord(lower)) {
      // "Qatar and Egypt": keep a coordination of names.
      const bool name_and = lower == "and" && p - 1 >= start && p + 1 < end &&
                            IsCapitalized(p - 1) && IsCapitalized(p + 1);
      if (!name_and) break;
    }
    a = p;
  }
  return a;
}

std::optional<std::pair<int, int>> QuoteAttributor::RightPhrase(int a) const {
  if (a >= static_cast<int>(tokens_.size())) return std::nullopt;
  const int end = SentenceEnd(a);
  int b = a;
  while (b < end && b - a < kMaxSubjectTokens && !quoted_[b] && !EndsPhrase(b) &&
         !IsInvertedSubjectTrailer(Lower(b))) {
    ++b;
  }
  // "said the boy’s grandmother, Jane Roe": the name in apposition is the speaker.
  if (b + 1 < end && IsComma(b) && !NameIn(a, b)) {
    if (const NameMention* name = NameStartingAt(b + 1);
        name && IsPersonLike(*name) && (name->end == end || EndsPhrase(name->end))) {
      return std::make_pair(name->first, name->end);
    }
  }
  return ValidPhrase(a, b);
}

std::optional<std::pair<int, int>> QuoteAttributor::ValidPhrase(int a, int b) const {
  for (int i = a + 1; i < b; ++i) {
    if (IsRelativePronoun(Lower(i))) {
      b = i;
      break;
    }
  }
  if (a >= b || b - a > kMaxSubjectTokens) return std::nullopt;
  if (AgeBefore(b, /*last_word=*/true)) return std::make_pair(a, b);  // "the 56-year-old"
  for (int i = a; i < b; ++i) {
    const std::string lower = Lower(i);
    if (IsCapitalized(i) || PronounSpeakerKind(lower) != SpeakerKind::kUnknown ||
        HeadNounSpeakerKind(lower) != SpeakerKind::kUnknown) {
      return std::make_pair(a, b);
    }
    if (!tags_.empty() && (tags_[i].upos == "NOUN" || tags_[i].upos == "PRON")) {
      return std::make_pair(a, b);
    }
  }
  return std::nullopt;
}

std::optional<std::pair<int, int>> QuoteAttributor::ParsedSubject(int verb) const {
  const int start = SentenceStart(verb);
  const int end = SentenceEnd(verb);
  for (int c = start; c < end; ++c) {
    if (deps_[c].head != verb || !deps_[c].label.starts_with("nsubj")) continue;
    if (const NameMention* name = NamedInApposition(c, start, end)) {
      return std::make_pair(name->first, name->end);
    }
    int lo = c;
    int hi = c;
    Extend(c, start, end, lo, hi);
    for (int i = lo; i <= hi; ++i) {
      if (quoted_[i]) return std::nullopt;
    }
    return ValidPhrase(lo, hi + 1);
  }
  return std::nullopt;
}

const NameMention* QuoteAttributor::NamedInApposition(int noun, int start, int end) const {
  if (IsCapitalized(noun) || HeadNounSpeakerKind(Lower(noun)) == SpeakerKind::kUnknown) {
    return nullptr;
  }
  for (int c = start; c < end; ++c) {
    if (deps_[c].head != noun || deps_[c].label != "appos") continue;
    for (const NameMention& n : NamesStartingIn(start, c + 1)) {
      if (n.first <= c && c < n.end && n.first > noun && IsComma(n.first - 1) && IsPersonLike(n) &&
          n.end < end && IsComma(n.end)) {
        return &n;
      }
    }
  }
  return nullptr;
}

void QuoteAttributor::Extend(int node, int start, int end, int& lo, int& hi) const {
  for (int c = start; c < end; ++c) {
    if (deps_[c].head != node) continue;
    const std::string_view label = deps_[c].label;
    if (label.starts_with("acl") || label == "appos" || label == "punct" || label == "parataxis" ||
        label == "advcl") {
      continue;
    }
    lo = std::min(lo, c);
    hi = std::max(hi, c);
    Extend(c, start, end, lo, hi);
  }
}

}  // namespace storyline::quote_internal
