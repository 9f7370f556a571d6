#include "extract/quotes/quote_finder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/entities/name_parts.h"
#include "extract/quotes/quote_lexicon.h"
#include "extract/quotes/quote_marks.h"
#include "extract/quotes/quote_speaker.h"

namespace storyline {
namespace {

// Longest subject phrase looked at, in tokens.
constexpr int kMaxSubjectTokens = 12;
// How far after a quotation its speech verb may be ("“...,” Kirby, the White House
// spokesman, said").
constexpr int kMaxTrailingCueDistance = 15;
// ... and how far when a name and its appositive come first ("“...,” Dylan Nelson, a
// postdoctoral fellow at ..., and co-author of the study, said").
constexpr int kMaxTrailingAppositiveDistance = 40;
// An attribution the sentence splitter cut off after a quotation ending in "?" or "!"
// ("“... taken?” Worthy said, at the time.") is a short sentence: the cue within this
// many tokens of its start, at most this many tokens after the cue.
constexpr int kMaxDetachedSubjectTokens = 6;
constexpr int kMaxDetachedTrailTokens = 10;
// A quotation opening a clause with no speaker of its own is a statement only when it
// is at least this long (in words); shorter ones are scare quotes.
constexpr int kMinUnattributedStatementWords = 6;
// Longest title of a work in quotation marks, in words ("``Moon''", "“The Lord of the
// Rings”").
constexpr int kMaxTitleWords = 6;

// cue_subject_ values that are no token.
constexpr int kNotACue = -2;
constexpr int kNoSubject = -1;
// Longest capitalized run read as a name the recognizer missed.
constexpr int kMaxNameWords = 4;
// Tokens an age may take: "56", "-", "year", "-", "old".
constexpr int kAgeTokens = 6;

// Words that open an adjunct after a speech verb rather than what was said: "said of
// the boy", "said in a statement", "said Tuesday".
bool IsAdjunctStart(std::string_view lower) {
  return lower != "that" && lower != "this" && lower != "which" && lower != "who" &&
         lower != "told" && (IsInvertedSubjectTrailer(lower) || lower == "of");
}

// Speech verbs whose form is also a noun's: "a post", "the report".
bool CanBeNoun(std::string_view word) {
  // Base forms only: "the Times reports" is a verb.
  static constexpr std::string_view kWords[] = {"post",  "report", "tweet",  "note",
                                                "claim", "reply",  "comment"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool IsBeAuxiliary(std::string_view lower) {
  return lower == "is" || lower == "are" || lower == "was" || lower == "were" || lower == "be" ||
         lower == "been" || lower == "being";
}

// Generational suffixes after a name: "John Roe Sr.".
bool IsNameSuffix(std::string_view lower) {
  return lower == "jr" || lower == "jr." || lower == "sr" || lower == "sr." || lower == "ii" ||
         lower == "iii" || lower == "iv";
}

// Prepositions that end a person's name phrase: "Pat Clarke with the committee".
bool IsPrepositionAfterName(std::string_view lower) {
  return lower == "of" || lower == "with" || lower == "from" || lower == "at" || lower == "for" ||
         lower == "on";
}

// Capitalized words opening a sentence that are no first names: "Though Roe said ...".
bool IsSentenceAdverb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"though", "then",    "thus",  "still", "yet",
                                                "now",    "so",      "also",  "plus",  "indeed",
                                                "today",  "tonight", "again", "once",  "instead"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// Prepositions after which a name completes a descriptor: "a spokesman for the company",
// "one woman in Qeshm", "a resident near Tulsa".
bool IsPrepositionInDescriptor(std::string_view lower) {
  return IsPrepositionAfterName(lower) || lower == "in" || lower == "near" || lower == "outside";
}

struct Speaker {
  std::optional<std::string> name;
  std::optional<std::string> entity;
  SpeakerKind kind = SpeakerKind::kUnknown;
  std::string head;  // a descriptor's head noun, lower case; empty for names
};

// A name in the text: an entity mention, or a run of capitalized words when no
// recognizer ran (type "NAME").
struct NameMention {
  int first = 0;  // token range
  int end = 0;
  std::string_view text;
  std::string_view type;
  const EntityMention* linked = nullptr;  // the recognizer's mention, once the linker ran
};

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLowerByte(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlnum(char c) {
  return IsAsciiUpper(c) || IsAsciiLowerByte(c) || (c >= '0' && c <= '9');
}

// Name-internal lower-case particles ("Mohammed bin Abdulrahman", "Secretary of State").
bool IsNameParticle(std::string_view word) {
  return word == "of" || word == "bin" || word == "al" || word == "de" || word == "van" ||
         word == "von" || word == "da" || word == "ibn" || word == "el";
}

// Words a title leaves in lower case: "The Lord of the Rings".
bool IsTitleSmallWord(std::string_view lower) {
  return lower == "a" || lower == "an" || lower == "the" || lower == "of" || lower == "and" ||
         lower == "or" || lower == "in" || lower == "on" || lower == "at" || lower == "to" ||
         lower == "for" || lower == "with" || lower == "from" || lower == "by";
}

// Capitalized words that start sentences without being names.
bool IsCapitalizedFunctionWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",      "an",        "the",          "in",        "on",
      "at",     "but",       "and",          "however",   "he",
      "she",    "it",        "they",         "we",        "i",
      "this",   "that",      "these",        "those",     "his",
      "her",    "their",     "its",          "our",       "after",
      "before", "during",    "while",        "when",      "as",
      "for",    "from",      "with",         "by",        "to",
      "of",     "if",        "meanwhile",    "according", "earlier",
      "later",  "following", "additionally", "notably",   "both",
      "some",   "many",      "most",         "all",       "there",
      "what",   "where"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

class QuoteAttributor {
 public:
  QuoteAttributor(std::string_view text, const TokenizedText& tokens, std::span<const PosTag> tags,
                  std::span<const Dependency> deps, std::span<const EntityMention> entities)
      : text_(text),
        tokens_(tokens.tokens),
        sentences_(tokens.sentences),
        tags_(tags.size() == tokens.tokens.size() ? tags : std::span<const PosTag>{}),
        deps_(deps.size() == tokens.tokens.size() ? deps : std::span<const Dependency>{}) {
    IndexSentences();
    CollectNames(entities);
    IndexNames();
  }

  std::vector<Quote> Run() {
    const std::vector<QuoteMarkSpan> spans = FindQuoteMarkSpans(text_);
    MarkQuotedTokens(spans);
    CountQuotedTexts(spans);
    NoteTitledGenders();
    ResolveCues();
    return BuildQuotes(spans);
  }

 private:
  // ---- Tokens -------------------------------------------------------------------

  std::string_view Word(int i) const { return tokens_[i].In(text_); }
  std::string Lower(int i) const { return AsciiLower(Word(i)); }

  bool IsWordToken(int i) const {
    const std::string_view w = Word(i);
    if (w.empty()) return false;
    if (IsAsciiAlnum(w[0])) return true;
    // Non-ASCII: punctuation in the General Punctuation block (quotes, dashes, …)
    // starts with E2 80; everything else counts as a word.
    const unsigned char c = static_cast<unsigned char>(w[0]);
    return c >= 0x80 && !(c == 0xE2 && w.size() > 1 && static_cast<unsigned char>(w[1]) == 0x80) &&
           c != 0xC2;
  }
  bool IsCapitalized(int i) const {
    if (!tags_.empty()) return tags_[i].upos == "PROPN";
    const std::string_view w = Word(i);
    return !w.empty() && IsAsciiUpper(w[0]);
  }
  bool IsPunct(int i) const { return !IsWordToken(i); }
  bool IsNumber(int i) const {
    const std::string_view w = Word(i);
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  // A possessive clitic or a hyphen between two words belongs to the phrase around it:
  // "the boy’s grandmother", "20-year - old" in text rebuilt from tokens.
  bool JoinsPhrase(int i) const {
    const std::string_view w = Word(i);
    if (w == "'s" || w == "\xE2\x80\x99s") return i > 0 && IsWordToken(i - 1);
    return w == "-" && i > 0 && i + 1 < static_cast<int>(tokens_.size()) && IsWordToken(i - 1) &&
           IsWordToken(i + 1) && sentence_of_[i - 1] == sentence_of_[i + 1];
  }
  bool EndsPhrase(int i) const { return IsPunct(i) && !JoinsPhrase(i); }
  bool IsComma(int i) const { return Word(i) == ","; }

  void IndexSentences() {
    sentence_of_.assign(tokens_.size(), 0);
    for (size_t s = 0; s < sentences_.size(); ++s) {
      for (uint32_t t = sentences_[s].first_token; t < sentences_[s].end_token; ++t) {
        sentence_of_[t] = static_cast<int>(s);
      }
    }
  }
  int SentenceStart(int t) const { return sentences_[sentence_of_[t]].first_token; }
  int SentenceEnd(int t) const { return sentences_[sentence_of_[t]].end_token; }

  // The first token starting at or after byte `offset`.
  int TokenAt(uint32_t offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const Token& t, uint32_t o) { return t.start < o; });
    return static_cast<int>(it - tokens_.begin());
  }

  // ---- Names --------------------------------------------------------------------

  void CollectNames(std::span<const EntityMention> entities) {
    for (const EntityMention& e : entities) {
      if (e.type != "PERSON" && e.type != "ORG" && e.type != "PLACE") continue;
      const int first = TokenAt(e.span.start);
      const int end = TokenAt(e.span.end);
      if (first >= end) continue;
      names_.push_back({first, end, text_.substr(e.span.start, e.span.end - e.span.start), e.type,
                        e.entity.empty() ? nullptr : &e});
    }
    if (entities.empty()) CollectCapitalizedRuns();
  }

  void CollectCapitalizedRuns() {
    for (const Sentence& s : sentences_) {
      int i = s.first_token;
      const int end = s.end_token;
      while (i < end) {
        if (!IsNameStart(i, s.first_token)) {
          ++i;
          continue;
        }
        int j = i + 1;
        while (j < end && (IsCapitalized(j) ||
                           (j + 1 < end && IsNameParticle(Word(j)) && IsCapitalized(j + 1)))) {
          ++j;
        }
        const uint32_t start = tokens_[i].start;
        names_.push_back({i, j, text_.substr(start, tokens_[j - 1].end - start), "NAME"});
        i = j;
      }
    }
  }

  // The lookups of names by position. Names come in text order (entity mentions as the
  // recognizer gives them, capitalized runs sentence by sentence), so the names inside a
  // phrase are found by binary search rather than a scan of all the article's names.
  void IndexNames() {
    names_in_order_ = std::is_sorted(
        names_.begin(), names_.end(),
        [](const NameMention& x, const NameMention& y) { return x.first < y.first; });
  }

  // The names starting at tokens [a, b), in text order, and perhaps others: all of them
  // when they are not in text order.
  std::span<const NameMention> NamesStartingIn(int a, int b) const {
    if (!names_in_order_) return names_;
    const auto by_first = [](const NameMention& n, int token) { return n.first < token; };
    const auto from = std::lower_bound(names_.begin(), names_.end(), a, by_first);
    const auto to = std::lower_bound(from, names_.end(), b, by_first);
    return {from, to};
  }

  // The names of `type` whose last word (after NameWords) is `last_word`, in text order:
  // the only ones CanonicalName can prefer to a name ending that way. Built on first use,
  // as the names the recognizer gave are linked already.
  const std::vector<std::string_view>& SameTypeNamesEndingWith(std::string_view type,
                                                               std::string_view last_word) const {
    if (!names_by_last_word_) {
      names_by_last_word_.emplace();
      for (const NameMention& n : names_) {
        const std::vector<std::string_view> words = NameWords(n.text);
        if (!words.empty()) (*names_by_last_word_)[{n.type, words.back()}].push_back(n.text);
      }
    }
    static const std::vector<std::string_view> kNone;
    const auto it = names_by_last_word_->find({type, last_word});
    return it == names_by_last_word_->end() ? kNone : it->second;
  }

  // The longest name that starts at token `t`, or null.
  const NameMention* NameStartingAt(int t) const {
    const NameMention* found = nullptr;
    for (const NameMention& n : NamesStartingIn(t, t + 1)) {
      if (n.first == t && (!found || n.end > found->end)) found = &n;
    }
    return found;
  }

  // The name at token `t` or after the capitalized titles there ("Lt. Joe Heffernan").
  const NameMention* NameAfterTitles(int t) const {
    for (int i = t; i < static_cast<int>(tokens_.size()) && i < t + 3; ++i) {
      if (const NameMention* name = NameStartingAt(i)) return name;
      if (quoted_[i] || !IsAsciiUpper(Word(i)[0])) return nullptr;
    }
    return nullptr;
  }

  bool NameIn(int a, int b) const {
    const std::span<const NameMention> starting = NamesStartingIn(a, b);
    return std::any_of(starting.begin(), starting.end(),
                       [&](const NameMention& n) { return n.first >= a && n.end <= b; });
  }

  // A person's name: the recognizer says so, or without a recognizer a capitalized run of
  // two words or more that does not end in an organization's noun ("Jane Roe", not "Save
  // the Children Fund").
  bool IsPersonLike(const NameMention& n) const {
    if (n.type == "PERSON") return true;
    if (n.type != "NAME") return false;
    const std::vector<std::string_view> words = NameWords(n.text);
    return words.size() >= 2 &&
           HeadNounSpeakerKind(AsciiLower(words.back())) != SpeakerKind::kOrganization;
  }

  bool IsNameStart(int i, int sentence_start) const {
    if (!IsCapitalized(i) || !IsWordToken(i)) return false;
    if (i != sentence_start || !tags_.empty()) return true;
    return !IsCapitalizedFunctionWord(Lower(i));
  }

  // ---- Quoted tokens ------------------------------------------------------------

  void MarkQuotedTokens(const std::vector<QuoteMarkSpan>& spans) {
    quoted_.assign(tokens_.size(), false);
    for (const QuoteMarkSpan& span : spans) {
      if (span.nested) continue;
      for (int t = TokenAt(span.outer.start);
           t < static_cast<int>(tokens_.size()) && tokens_[t].end <= span.outer.end; ++t) {
        quoted_[t] = true;
      }
    }
  }

  // How often each text stands between marks, trailing punctuation left out: a title is
  // quoted again where it is named again ("``Moon,'' which ..." and "``Moon'' will be").
  void CountQuotedTexts(const std::vector<QuoteMarkSpan>& spans) {
    for (const QuoteMarkSpan& span : spans) {
      if (!span.nested) ++quoted_texts_[std::string(WithoutClosingPunctuation(span))];
    }
  }

  std::string_view WithoutClosingPunctuation(const QuoteMarkSpan& span) const {
    std::string_view content =
        text_.substr(span.content.start, span.content.end - span.content.start);
    while (!content.empty() &&
           std::string_view(".,;:").find(content.back()) != std::string_view::npos) {
      content.remove_suffix(1);
    }
    return content;
  }

  // ---- Genders ------------------------------------------------------------------

  // The genders the article shows of the people it names through a word written right
  // before a name ("Mr. Farmer", "Sister Carol Keehan", "his wife, Jane Roe"), by
  // speaker name. "he"/"she" after a name's speech verb add theirs (PronounGenderAfter).
  void NoteTitledGenders() {
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

  // The gender of "he"/"she" right after the speech verb at `verb` (or after its "that"),
  // which stands for the verb's named subject: "Felt wrote that he wasn't motivated",
  // "Keehan said she ...". A pronoun a resolution gave is no evidence: a wrong one would
  // spread.
  Gender PronounGenderAfter(int verb) const {
    int next = verb + 1;
    const int end = SentenceEnd(verb);
    if (next < end && Lower(next) == "that") ++next;
    return next < end && !quoted_[next] ? PronounGender(Lower(next)) : Gender::kUnknown;
  }

  // Records that `name` is of `gender`; evidence of both leaves it unknown.
  void NoteGender(const std::string& name, Gender gender) {
    if (gender == Gender::kUnknown) return;
    const auto [it, added] = gender_of_.emplace(name, gender);
    if (!added && it->second != gender) it->second = Gender::kUnknown;
  }

  // Whether the article shows `name` to be of the other gender than `pronoun`'s.
  bool GenderDisagrees(const std::optional<std::string>& name, Gender pronoun) const {
    if (pronoun == Gender::kUnknown || !name) return false;
    const auto it = gender_of_.find(*name);
    return it != gender_of_.end() && it->second != Gender::kUnknown && it->second != pronoun;
  }

  // ---- Speech verbs and their subjects ------------------------------------------

  bool IsCue(int t) const {
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

  // Whether the word at `t` gives a statement ("Jackson released a statement through the
  // team", "she issued a jokey response:", "The judge had advice for anyone ...:"): the
  // words quoted with it are the subject's.
  bool ReleasesAStatement(int t) const {
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

  // Whether the speech verb at `verb` reports that nothing was said: "they would not say
  // what ...", "never told", "declined to comment". Its subject said none of the words
  // around it.
  bool Unsaid(int verb) const {
    int j = verb - 1;
    for (; j >= 0 && j >= verb - 3 && !quoted_[j] && IsSubjectVerbFiller(Lower(j)); --j) {
      const std::string lower = Lower(j);
      if (lower == "not" || lower == "n't" || lower == "never") return true;
    }
    if (j < 1 || quoted_[j] || Lower(j) != "to") return false;
    const std::string before = Lower(j - 1);
    return before.starts_with("declin") || before.starts_with("refus");
  }

  // Every speech verb's speaker, in text order, so a pronoun can take an earlier one.
  void ResolveCues() {
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

  // The earlier speech verb of the sentence that `verb` is coordinated with ("said ...
  // and added"), or -1.
  int CoordinatedCue(int verb) const {
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

  // The speaker of the speech verb at token `t`; nullptr when it is none or has none.
  const Speaker* CueSpeaker(int t) const {
    return cue_speaker_[t] < 0 ? nullptr : &history_[cue_speaker_[t]].second;
  }

  // Adds a cue's speaker to the history and to its lookups.
  void Remember(int subject, const Speaker& speaker) {
    const size_t at = history_.size();
    history_.push_back({subject, speaker});
    history_of_kind_[speaker.kind].push_back(at);
    if (!speaker.entity) latest_described_[speaker.head] = at;
  }

  std::optional<std::pair<int, int>> SubjectOf(int verb) const {
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
          name && IsPersonLike(*name) &&
          (name->end >= SentenceEnd(verb) || EndsPhrase(name->end))) {
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

  // The first token of the verb phrase that ends in the speech verb at `verb`: "was quoted
  // as saying" and "went on to say" have the subject of their first verb.
  int VerbPhraseStart(int verb, int start) const {
    if (verb - 2 >= start && Lower(verb - 1) == "as" && Lower(verb - 2) == "quoted") {
      return verb - 2;
    }
    if (verb - 3 >= start && Lower(verb - 1) == "to" && Lower(verb - 2) == "on" &&
        Lower(verb - 3) == "went") {
      return verb - 3;
    }
    return verb;
  }

  // The noun phrase a relative pronoun at `who` tells of: from the nearest determiner
  // before it ("the woman who ...", "one woman who ..."), over words only.
  std::optional<std::pair<int, int>> RelativeAntecedent(int who) const {
    constexpr int kMaxAntecedentTokens = 4;
    for (int i = who - 1; i >= SentenceStart(who) && who - i <= kMaxAntecedentTokens; --i) {
      if (quoted_[i] || !IsWordToken(i)) return std::nullopt;
      const std::string lower = Lower(i);
      if (IsDeterminer(lower) || lower == "one") return ValidPhrase(i, who);
    }
    return std::nullopt;
  }

  // Whether a person is coordinated into [from, to): "Frederick Davis, 65, and Patricia
  // McNeal, 65, said" is two speakers.
  bool JoinsAnotherPerson(int from, int to) const {
    for (int i = from; i + 1 < to; ++i) {
      if (Lower(i) != "and") continue;
      const NameMention* next = NameStartingAt(i + 1);
      if (next && IsPersonLike(*next)) return true;
    }
    return false;
  }

  // "X, the ..., said" gives X; "An official who briefed reporters, said" gives the
  // phrase up to its relative pronoun.
  std::optional<std::pair<int, int>> SubjectBeforeComma(int comma, int start) const {
    // A person named where the clause opens, after titles at most, before appositives
    // and relative clauses of any length: "Dylan Nelson, a postdoctoral fellow at the
    // institute in Munich, Germany, and co-author of the study, said", "Interior Minister
    // Wolfgang Peschorn, who serves in a provisional government, said".
    int opening = comma;
    while (opening - 1 >= start && !quoted_[opening - 1]) --opening;
    while (opening < comma && IsPunct(opening)) ++opening;
    if (const NameMention* name = NameAfterTitles(opening);
        name && IsPersonLike(*name) && name->end < comma && IsComma(name->end) &&
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

  // The start of a subject phrase that ends before `end`: back to punctuation, a
  // quotation, the sentence start or a clause word ("that", "while").
  int LeftPhraseStart(int end, int start) const {
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

  std::optional<std::pair<int, int>> RightPhrase(int a) const {
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

  // The phrase [a, b) cut at a relative clause, or nothing when it cannot be a speaker.
  std::optional<std::pair<int, int>> ValidPhrase(int a, int b) const {
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

  // The nominal subject of `verb` from the parse, without its relative clauses and
  // appositions; nothing when the parse has none or it runs into a quotation.
  std::optional<std::pair<int, int>> ParsedSubject(int verb) const {
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

  // The person named in apposition to a descriptor subject at `noun` ("her agent, Mark
  // Roesler, said"), or null.
  const NameMention* NamedInApposition(int noun, int start, int end) const {
    if (IsCapitalized(noun) || HeadNounSpeakerKind(Lower(noun)) == SpeakerKind::kUnknown) {
      return nullptr;
    }
    for (int c = start; c < end; ++c) {
      if (deps_[c].head != noun || deps_[c].label != "appos") continue;
      for (const NameMention& n : NamesStartingIn(start, c + 1)) {
        if (n.first <= c && c < n.end && n.first > noun && IsComma(n.first - 1) &&
            IsPersonLike(n) && n.end < end && IsComma(n.end)) {
          return &n;
        }
      }
    }
    return nullptr;
  }

  void Extend(int node, int start, int end, int& lo, int& hi) const {
    for (int c = start; c < end; ++c) {
      if (deps_[c].head != node) continue;
      const std::string_view label = deps_[c].label;
      if (label.starts_with("acl") || label == "appos" || label == "punct" ||
          label == "parataxis" || label == "advcl") {
        continue;
      }
      lo = std::min(lo, c);
      hi = std::max(hi, c);
      Extend(c, start, end, lo, hi);
    }
  }

  // ---- Speakers -----------------------------------------------------------------

  std::optional<Speaker> SpeakerOf(int a, int b) const {
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
    for (const NameMention& n : names_) {
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
        head.text =
            text_.substr(tokens_[n.first].start, tokens_[i - 1].end - tokens_[n.first].start);
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

  // The token after the generational suffix at `t` (" Sr.", ", Jr."), or `t` when none is.
  int AfterNameSuffix(int t, int b) const {
    int i = t;
    if (i + 1 < b && IsComma(i) && IsNameSuffix(Lower(i + 1))) ++i;
    if (i >= b || !IsNameSuffix(Lower(i))) return t;
    ++i;
    if (i < b && Word(i) == ".") ++i;
    return i;
  }

  bool OnlyNamesAndConjunctions(int a, int b) const {
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

  // The names of the people the article names, canonical where the linker ran.
  const std::vector<std::string_view>& PeopleNames() const {
    if (!people_names_) {
      people_names_.emplace();
      for (const NameMention& n : names_) {
        if (IsPersonLike(n)) {
          people_names_->push_back(n.linked ? std::string_view(n.linked->name) : n.text);
        }
      }
    }
    return *people_names_;
  }

  // Every word of [a, b) capitalized, as names are: "Worthy", "Ms Persson".
  bool IsCapitalizedRun(int a, int b) const {
    if (b - a > kMaxNameWords || IsCapitalizedFunctionWord(Lower(a))) return false;
    for (int i = a; i < b; ++i) {
      const std::string_view w = Word(i);
      if (!IsAsciiUpper(w[0]) && !(i > a && IsNameParticle(w))) return false;
    }
    return true;
  }

  // A name the recognizer left out: its fullest form among the people the article names
  // ("Arroyo" -> "Luz Contreras Arroyo"), or as written, titles stripped, when none or
  // two different people fit ("Davis" with Frederick and Mariah Davis).
  Speaker UnrecognizedName(int a, int b) const {
    const std::string written(
        text_.substr(tokens_[a].start, tokens_[b - 1].end - tokens_[a].start));
    Speaker speaker;
    const std::optional<std::string> fuller = FullerName(written, PeopleNames());
    speaker.name = fuller ? *fuller : CanonicalName(written, {});
    speaker.entity = SpeakerEntityId(*speaker.name);
    // Unresolved, it may as well be an organization ("Kotak Institutional Equities").
    speaker.kind = fuller ? SpeakerKind::kPerson : SpeakerKind::kUnknown;
    return speaker;
  }

  // The speaker a name stands for; once per name of the article, as pronouns ask again.
  Speaker NamedSpeaker(const NameMention& name) const {
    if (names_.empty() || &name < names_.data() || &name >= names_.data() + names_.size()) {
      return ResolveName(name);
    }
    if (named_speakers_.empty()) named_speakers_.resize(names_.size());
    std::optional<Speaker>& known = named_speakers_[&name - names_.data()];
    if (!known) known = ResolveName(name);
    return *known;
  }

  Speaker ResolveName(const NameMention& name) const {
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
      canonical = CanonicalName(name.text, words.empty()
                                               ? std::vector<std::string_view>()
                                               : SameTypeNamesEndingWith(name.type, words.back()));
    }
    speaker.entity = name.linked ? name.linked->entity : SpeakerEntityId(canonical);
    if (name.type == "PERSON" && NameWords(canonical).size() == 1) {
      // A surname the linker left on its own ("Worthy" after "Kym Worthy" of another type,
      // "Mr Steele" after "the fire chief, James Steele").
      if (std::optional<std::string> fuller = FullerName(canonical, PeopleNames())) {
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
      const bool org_word = HeadNounSpeakerKind(AsciiLower(NameWords(canonical).back())) ==
                            SpeakerKind::kOrganization;
      speaker.kind = org_word    ? SpeakerKind::kOrganization
                     : two_words ? SpeakerKind::kPerson
                                 : SpeakerKind::kUnknown;
    }
    return speaker;
  }

  // The token of the first name written right before the one-word person name `name` that
  // the recognizer left out of it: "Chela" of "Chela Ortiz", "T.J." of "T.J. DiLeo"; -1 when
  // the word before is no such name: a title, a description, or a word the article writes
  // before other names too ("Undersheriff" of "Undersheriff Waldie" and "Undersheriff
  // Larry Waldie").
  int FirstNameLeftOut(const NameMention& name) const {
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

  // Whether the word at `i` may be a first name the recognizer left out: capitalized, not
  // all capitals ("WR"), no title or abbreviation ("Lt.", but "T.J." is initials), no
  // adverb or participle opening the sentence, and never written in lower case in the
  // article.
  bool LeftOutNameWord(int i) const {
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

  // "Chela Ortiz, who married the deputy, told ...", where the recognizer found only "Ortiz"
  // and the linker made it her stepson "Jeremy Ortiz": a first name the recognizer left
  // out that the fuller form lacks is another person's. The name as written then.
  std::optional<Speaker> FirstNameBefore(const NameMention& name) const {
    const int first_token = FirstNameLeftOut(name);
    if (first_token < 0) return std::nullopt;
    const std::string_view first = Word(first_token);
    std::string canonical;
    if (name.linked) {
      canonical = name.linked->name;
    } else if (const std::optional<std::string> fuller = FullerName(name.text, PeopleNames())) {
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

  // The first and last words of a person's name as the article writes it ("Jumaane" and
  // "Williams" of "Councilman Jumaane Williams", the recognizer having found "Williams"
  // only); nothing for a one-word name.
  std::optional<std::pair<std::string_view, std::string_view>> WrittenFullName(
      const NameMention& n) const {
    if (n.type != "PERSON") return std::nullopt;
    const std::vector<std::string_view> words = NameWords(n.text);
    if (words.empty()) return std::nullopt;
    if (words.size() >= 2) return std::make_pair(words.front(), words.back());
    const int first = FirstNameLeftOut(n);
    if (first < 0) return std::nullopt;
    return std::make_pair(Word(first), words.back());
  }

  // A surname that two people of the article share ("Williams" with Jumaane and Makaeo
  // Williams, "DiLeo" with Tony and T.J. DiLeo: full names of other first words),
  // whichever the linker chose: the one of them named in this sentence or the one before,
  // else the surname as written.
  std::optional<Speaker> SharedSurname(const NameMention& name) const {
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
        if (std::find(nearby_firsts.begin(), nearby_firsts.end(), use.first) ==
            nearby_firsts.end()) {
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

  // A person's surname written with a first name: by a name the recognizer found (its own
  // first word or one it left out) or, "His son, T.J. DiLeo," where it found none, by a
  // surname some name has after a first name.
  struct SurnameUse {
    int at = 0;  // the first token of the name
    std::string_view first;
    const NameMention* mention = nullptr;  // null where the recognizer found none
  };

  // The uses of `surname` in text order, all surnames' built on first use.
  const std::vector<SurnameUse>& SurnameUses(std::string_view surname) const {
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

  // A descriptor is a speaker only when its head noun names one ("a senior official",
  // "the ministry", "police", "the 56-year-old"); other phrases are fragments of the
  // sentence ("the only two Arab", "an assistant delivered the good news by").
  std::optional<Speaker> DescribedSpeaker(int a, int b) const {
    std::string described(text_.substr(tokens_[a].start, tokens_[b - 1].end - tokens_[a].start));
    const std::string first = Lower(a);
    if (IsDeterminer(first)) described.replace(0, first.size(), first);  // "A senior ..."
    int head = b - 1;
    for (int i = a + 1; i < b; ++i) {
      if (EndsDescriptorHead(Lower(i))) {
        head = i - 1;
        break;
      }
    }
    // "Juror No. 8": the noun before its number.
    while (head > a && (IsNumber(head) || Lower(head) == "no." || Lower(head) == "no" ||
                        Word(head) == "." || Word(head) == "#")) {
      --head;
    }
    Speaker speaker;
    speaker.head = Lower(head);
    speaker.kind = HeadNounSpeakerKind(speaker.head);
    const std::optional<int> age = AgeBefore(head + 1);
    if (speaker.kind == SpeakerKind::kUnknown && age && AgeBefore(head + 1, true)) {
      speaker.kind = SpeakerKind::kPerson;  // "the 56-year-old"
    }
    if (speaker.kind == SpeakerKind::kUnknown) {
      if (IsCapitalizedRun(a, b)) return UnrecognizedName(a, b);
      // "South Richmond Hill resident Suri Charanjit", a name the recognizer missed after
      // a noun that names a speaker.
      for (int run = b - 2; run > a && b - run <= kMaxNameWords; --run) {
        if (HeadNounSpeakerKind(Lower(run - 1)) == SpeakerKind::kPerson &&
            IsAsciiLowerByte(Word(run - 1)[0]) && IsCapitalizedRun(run, b)) {
          Speaker named = UnrecognizedName(run, b);
          named.kind = SpeakerKind::kPerson;
          return named;
        }
      }
      return std::nullopt;
    }
    speaker.name = std::move(described);
    if (first == "the") {
      const auto it = latest_described_.find(speaker.head);
      // "Judge Jack B. Weinstein ... reflected on his career. “...,” the judge said": the one
      // person called so in this sentence or the one before is meant, unless the same
      // description spoke since.
      if (speaker.kind == SpeakerKind::kPerson) {
        const NameMention* named = NearbyPersonCalledSo(speaker.head, a);
        if (named && (it == latest_described_.end() || named->first > history_[it->second].first)) {
          return NamedSpeaker(*named);
        }
      }
      // "the official" after "a senior administration official": the same speaker.
      if (it != latest_described_.end()) return history_[it->second].second;
      if (speaker.kind == SpeakerKind::kPerson) {
        if (const NameMention* tied = TiedPerson(speaker.head, age)) return NamedSpeaker(*tied);
      }
    }
    return speaker;
  }

  // The age written right before token `end` ("56-year-old", "56-year - old"), or, with
  // `last_word`, only when the age is the phrase's last word (so "the 56-year-old" names a
  // person while "the 2-year-old case" does not).
  std::optional<int> AgeBefore(int end, bool last_word = false) const {
    // The tokens before `end` written together, so every tokenization of "56-year-old"
    // reads the same.
    std::string joined;
    for (int i = std::max(0, end - kAgeTokens); i < end; ++i) joined += Lower(i);
    size_t year = joined.rfind("-year");
    if (year == std::string::npos) return std::nullopt;
    if (last_word && !joined.ends_with("-year-old") && !joined.ends_with("-years-old")) {
      return std::nullopt;
    }
    size_t digits = year;
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(joined[digits - 1]))) --digits;
    if (digits == year || year - digits > 3) return std::nullopt;
    return std::stoi(joined.substr(digits, year - digits));
  }

  // The one person the article ties to a description: for "the 56-year-old", the person
  // written with that age ("John Roe, 56,", "56-year-old John Roe"); for "the neighbor",
  // the person the article calls so ("neighbor Ross Manche", "Amanda Reid, a neighbor").
  // Null when none or several are.
  const NameMention* TiedPerson(std::string_view head, std::optional<int> age) const {
    const NameMention* tied = nullptr;
    for (const NameMention& n : names_) {
      if (!IsPersonLike(n)) continue;
      const bool ties = age ? AgeOfPerson(n) == age : CalledSo(n, head);
      if (!ties) continue;
      if (tied && NamedSpeaker(*tied).name != NamedSpeaker(n).name) return nullptr;
      tied = &n;
    }
    return tied;
  }

  // The one person the article calls `head` ("Judge Jack B. Weinstein", "Amanda Reid, a
  // neighbor") in the sentence of token `at` before it, or in the sentence before; null
  // when none or several are.
  const NameMention* NearbyPersonCalledSo(std::string_view head, int at) const {
    const int from = SentenceStart(std::max(0, SentenceStart(at) - 1));
    const NameMention* found = nullptr;
    for (const NameMention& n : NamesStartingIn(from, at)) {
      if (n.first < from || n.end > at || !IsPersonLike(n)) continue;
      if (!TitledSo(n, head)) continue;
      if (found && NamedSpeaker(*found).name != NamedSpeaker(n).name) return nullptr;
      found = &n;
    }
    return found;
  }

  // Whether `head` is written as the title of the name `n` ("Judge Jack B. Weinstein",
  // "neighbor Ross Manche", "the boy's grandmother, Jane Roe") or in apposition right after
  // it ("Amanda Reid, a neighbor,"): closer than CalledSo, which also takes "the source
  // said Kimani".
  bool TitledSo(const NameMention& n, std::string_view head) const {
    const std::vector<std::string_view> words = SplitNameWords(n.text);
    if (words.size() > 1 && AsciiLower(words.front()) == head) return true;
    int before = n.first - 1;
    if (before >= 1 && IsComma(before)) --before;
    if (before >= 0 && !quoted_[before] && Lower(before) == head) return true;
    if (n.end >= static_cast<int>(tokens_.size()) || !IsComma(n.end)) return false;
    const int limit = std::min<int>(n.end + 6, SentenceEnd(n.end));
    for (int i = n.end + 1; i < limit && !EndsPhrase(i); ++i) {
      if (Lower(i) == head) return i + 1 == limit || EndsPhrase(i + 1);
    }
    return false;
  }

  std::optional<int> AgeOfPerson(const NameMention& n) const {
    const int size = static_cast<int>(tokens_.size());
    // "John Roe, 56," or "John Roe (56)".
    if (n.end + 1 < size && (IsComma(n.end) || Word(n.end) == "(")) {
      const std::string_view w = Word(n.end + 1);
      if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), ::isdigit)) {
        return std::stoi(std::string(w));
      }
    }
    // "56-year-old John Roe", "the 56-year-old suspect John Roe".
    for (int end = n.first; end > n.first - 3 && end > 0; --end) {
      if (Lower(end - 1) == "old" || Lower(end - 1).ends_with("-old")) return AgeBefore(end);
    }
    return std::nullopt;
  }

  bool CalledSo(const NameMention& n, std::string_view head) const {
    // "neighbor Ross Manche", "the boy's grandmother, Jane Roe"; not "the star's rep Jack
    // Roe", whom a possessive calls the rep.
    for (int i = n.first - 1; i >= 0 && i >= n.first - 3; --i) {
      if (Lower(i) == head) return true;
      if ((EndsPhrase(i) && !IsComma(i)) || JoinsPhrase(i)) break;
    }
    // "Amanda Reid, a neighbor", "Ken Kreuscher, the boy's father".
    if (n.end < static_cast<int>(tokens_.size()) && IsComma(n.end)) {
      const int limit = std::min<int>(n.end + 6, SentenceEnd(n.end));
      for (int i = n.end + 1; i < limit && !EndsPhrase(i); ++i) {
        if (Lower(i) == head) return true;
      }
    }
    return false;
  }

  // Who the pronoun subject at token `at` of a speech verb is:
  //   - inside speech another verb of its sentence reports ("the staff member recalled
  //     that he said"), that verb's speaker when its subject is the same pronoun ("he
  //     said he told them"), else nobody: the pronoun is the person talked about;
  //   - else the latest earlier speaker of a compatible kind, unless another person was
  //     made the subject of a sentence since ("Smith said ... Jones was shot ... he
  //     said" could be either);
  //   - for "he"/"she" without one, a person named as the subject of its sentence or the
  //     one before, when no other is.
  // "he"/"she" never stand for a person the article shows to be of the other gender
  // ("Msgr. Farmer ... he added" is no antecedent of "she told CNA"), nor does such a
  // person, opening a sentence, stand in the way of one who fits.
  std::optional<Speaker> Antecedent(SpeakerKind pronoun, int at) const {
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

  // A person's name opening its sentence, after titles at most: "Sgt. Kari Thompson said".
  bool IsSentenceSubject(const NameMention& n) const {
    for (int i = SentenceStart(n.first); i < n.first; ++i) {
      if (!IsCapitalized(i) || quoted_[i]) return false;
    }
    return !quoted_[n.first];
  }

  // Whether someone a pronoun of kind `pronoun` (and `gender`, for "he"/"she") could
  // stand for, other than `speaker`, opens a sentence between tokens `from` and `to`: a
  // person for "he"/"she", an organization for "it"/"they" ("Big Machine have denied it.
  // “...,” they said").
  bool AnotherSubject(const Speaker& speaker, int from, int to, SpeakerKind pronoun,
                      Gender gender) const {
    for (const NameMention& n : names_) {
      if (n.first <= from || n.end > to || !IsSentenceSubject(n)) continue;
      const bool fits = pronoun == SpeakerKind::kPerson ? IsPersonLike(n) : n.type == "ORG";
      if (!fits) continue;
      const std::optional<std::string> name = NamedSpeaker(n).name;
      if (!MayBeSamePerson(name, speaker.name) && !GenderDisagrees(name, gender)) return true;
    }
    return false;
  }

  // Whether two speaker names may be one person: the same, or one a surname the other
  // ends with ("McDermott", which two people of the article share, and "Doug McDermott").
  static bool MayBeSamePerson(const std::optional<std::string>& a,
                              const std::optional<std::string>& b) {
    if (a == b) return true;
    if (!a || !b) return false;
    const std::vector<std::string_view> x = SplitNameWords(*a);
    const std::vector<std::string_view> y = SplitNameWords(*b);
    return !x.empty() && !y.empty() && (x.size() == 1 || y.size() == 1) && x.back() == y.back();
  }

  // ---- Quotations ---------------------------------------------------------------

  struct Placed {
    int first = 0;  // token range of the quotation, marks included
    int end = 0;
    int close_sentence = 0;
    bool whole_sentence = false;  // nothing but the quotation in its sentence(s)
    bool left_open = false;       // its paragraph ended before a closing mark
    bool inherited = false;       // its speaker is the statement's before it
    // The speaker of the indirect speech right before, for a quotation with no verb of its
    // own (ReportedSpeechBefore); it counts only when no later part names another.
    const Speaker* reported = nullptr;
  };

  std::vector<Quote> BuildQuotes(const std::vector<QuoteMarkSpan>& spans) {
    std::vector<Quote> quotes;
    std::vector<Placed> placed;
    int last_statement = -1;
    for (const QuoteMarkSpan& span : spans) {
      Quote quote;
      quote.span = span.content;
      quote.text =
          std::string(text_.substr(span.content.start, span.content.end - span.content.start));
      quote.partial = true;
      Placed where;
      where.first = TokenAt(span.outer.start);
      where.end = std::max(where.first, TokenAt(span.outer.end));
      if (span.nested || where.first >= where.end) {
        quotes.push_back(std::move(quote));
        placed.push_back(where);
        continue;
      }
      where.close_sentence = sentence_of_[where.end - 1];
      where.left_open = !span.closed;
      Attribute(span, where, quotes, placed, last_statement, quote);
      if (!quote.partial) last_statement = static_cast<int>(quotes.size());
      quotes.push_back(std::move(quote));
      placed.push_back(where);
    }
    // A quotation over several paragraphs often names its speaker only at the end; that
    // speaker wins over the one its first part took from the statement before it.
    for (int i = static_cast<int>(spans.size()) - 1; i >= 0; --i) {
      const int previous = spans[i].continues;
      if (previous >= 0 && (!quotes[previous].speaker || placed[previous].inherited) &&
          quotes[i].speaker) {
        quotes[previous].speaker = quotes[i].speaker;
        quotes[previous].speaker_entity = quotes[i].speaker_entity;
        // Its end is attributed, so the part before is a statement too.
        quotes[previous].partial = quotes[previous].partial && quotes[i].partial;
      }
    }
    // A quotation after indirect speech, none of whose parts names a speaker or may hold an
    // attribution not read ("“...,” New York City Councilman Jumaane D. Williams, who ...,
    // said", or no closing mark found), is what that speech's speaker said; so are its
    // later parts.
    for (size_t i = 0; i < quotes.size(); ++i) {
      if (quotes[i].speaker) continue;
      const int previous = spans[i].continues;
      if (const Speaker* reported = placed[i].reported;
          reported && EndsUnattributed(spans, placed, i)) {
        quotes[i].speaker = reported->name;
        quotes[i].speaker_entity = reported->entity;
      } else if (previous >= 0 && quotes[previous].speaker) {
        quotes[i].speaker = quotes[previous].speaker;
        quotes[i].speaker_entity = quotes[previous].speaker_entity;
      }
    }
    return quotes;
  }

  // Whether no part of the quotation `i` (quote_marks.h) after the first shares its
  // sentence with words outside the marks, and, when its last part was left open, the next
  // paragraph has no straight mark after punctuation and a space that may have closed it
  // ("Right now, things are tense, "New York City Councilman Jumaane D. Williams ...
  // said"): words there may be its attribution.
  bool EndsUnattributed(const std::vector<QuoteMarkSpan>& spans, const std::vector<Placed>& placed,
                        size_t i) const {
    for (size_t j = i + 1; j < spans.size(); ++j) {
      if (spans[j].continues != static_cast<int>(i)) continue;
      if (!placed[j].whole_sentence) return false;
      i = j;
    }
    if (spans[i].closed) return true;
    const size_t next = spans[i].outer.end + 1;
    if (next >= text_.size()) return true;
    const std::string_view paragraph = text_.substr(next, text_.find('\n', next) - next);
    for (size_t at = paragraph.find('"'); at != std::string_view::npos;
         at = paragraph.find('"', at + 1)) {
      if (at >= 2 && paragraph[at - 1] == ' ' &&
          std::string_view(",.?!").find(paragraph[at - 2]) != std::string_view::npos) {
        return false;
      }
    }
    return true;
  }

  void Attribute(const QuoteMarkSpan& span, Placed& where, const std::vector<Quote>& quotes,
                 const std::vector<Placed>& placed, int last_statement, Quote& quote) const {
    // The words around the quotation in its sentences, up to other quotations.
    int lead = where.first;
    while (lead - 1 >= SentenceStart(where.first) && !quoted_[lead - 1]) --lead;
    int trail = where.end;
    if (span.closed) {
      while (trail < SentenceEnd(where.end - 1) && !quoted_[trail]) ++trail;
    }
    int last_lead_word = -1;
    for (int i = lead; i < where.first; ++i) {
      if (IsWordToken(i)) last_lead_word = i;
    }
    bool trailing_words = false;
    for (int i = where.end; i < trail; ++i) trailing_words = trailing_words || IsWordToken(i);
    where.whole_sentence = last_lead_word < 0 && !trailing_words;

    const Speaker* cue = nullptr;
    const Speaker* leading = nullptr;
    int leading_verb = -1;
    // The nearest speech verb decides, with a speaker or without: in "the staff member
    // recalled that he said, “...”" the words are his, not the staff member's.
    for (int i = lead; i < where.first; ++i) {
      if (cue_subject_[i] != kNotACue) {
        leading = CueSpeaker(i);
        leading_verb = i;
      }
    }
    const Speaker* trailing = nullptr;
    const int reach = OpensWithAppositive(where.end, trail) ? kMaxTrailingAppositiveDistance
                                                            : kMaxTrailingCueDistance;
    for (int i = where.end; i < trail && i - where.end < reach; ++i) {
      if (cue_subject_[i] != kNotACue) {
        trailing = CueSpeaker(i);
        break;
      }
    }
    if (!trailing && !trailing_words && span.closed) {
      trailing = DetachedAttribution(where.end);
      // “...!” Trump tweeted. “...”: the next quotation continues from the attribution.
      if (trailing) where.close_sentence = sentence_of_[where.end];
    }
    if (IsQuotedTitle(span, where, trailing != nullptr)) return;  // partial, nobody's
    // A speech verb that introduces the quotation ("an employee ... had yelled, “Hide!”
    // Vanore said") says whose words they are, with a speaker or without; the attribution
    // after them names who relays them.
    const bool introduced = leading_verb >= 0 && Introduces(leading_verb, where.first);
    cue = last_lead_word < 0 ? (trailing ? trailing : leading)
                             : (leading || introduced ? leading : trailing);

    const int before = where.first - 1;
    const bool opens_clause = last_lead_word < 0 ||
                              (before >= lead && (IsComma(before) || Word(before) == ":")) ||
                              (before == last_lead_word && IsSpeechVerb(Lower(before)) &&
                               !quote.text.empty() && IsAsciiUpper(quote.text[0]));
    const Quote* inherited = nullptr;
    if (!cue) {
      if (span.continues >= 0) {
        inherited = &quotes[span.continues];
        where.inherited = placed[span.continues].inherited;
      } else if (where.whole_sentence && last_statement >= 0 && !HoldsItsAttribution(span, where) &&
                 Continues(placed[last_statement], where)) {
        inherited = &quotes[last_statement];
        where.inherited = true;
      } else if (where.whole_sentence && !HoldsItsAttribution(span, where) &&
                 WordCount(where) >= kMinUnattributedStatementWords) {
        where.reported = ReportedSpeechBefore(where.first);
      }
    }
    if (cue) {
      quote.speaker = cue->name;
      quote.speaker_entity = cue->entity;
    } else if (inherited) {
      quote.speaker = inherited->speaker;
      quote.speaker_entity = inherited->speaker_entity;
    }
    quote.partial = !(
        span.continues >= 0 ||
        (opens_clause && (cue || inherited || WordCount(where) >= kMinUnattributedStatementWords)));
  }

  // Whether the quotation at `where`, a sentence of its own with no speech verb, goes on
  // with the statement `last`: no narration between them (the number the splitter cut off
  // after an abbreviation, "a managing editor at WCCO-TV, Ch. 4.", is none), or, when `last` was
  // left open at its paragraph's end, a few sentences with no quotation and no speech verb
  // (paragraphs whose opening marks the writer left out: “We don’t resemble the team ...
  // \n He is so active.\n “I’m really proud of him ...”).
  bool Continues(const Placed& last, const Placed& where) const {
    constexpr int kMaxUnmarkedSentences = 3;
    int narration = 0;
    for (int s = last.close_sentence + 1; s < sentence_of_[where.first]; ++s) {
      bool words = false;
      for (uint32_t t = sentences_[s].first_token; t < sentences_[s].end_token; ++t) {
        if (quoted_[t] || cue_subject_[t] != kNotACue) return false;
        const std::string_view w = Word(static_cast<int>(t));
        words = words ||
                (IsWordToken(static_cast<int>(t)) &&
                 !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }));
      }
      narration += words ? 1 : 0;
    }
    return narration == 0 || (last.left_open && narration <= kMaxUnmarkedSentences);
  }

  // Whether the speech verb at `verb` introduces the quotation opening at token `first`:
  // nothing but a comma or a colon between them, or a short object before one ("told her,
  // “...”", "telling the jury:").
  bool Introduces(int verb, int first) const {
    constexpr int kMaxObjectWords = 3;
    if (verb + 1 == first) return true;
    const int last = first - 1;
    if (!IsComma(last) && Word(last) != ":") return false;
    int words = 0;
    for (int i = verb + 1; i < last; ++i) {
      if (!IsWordToken(i) && !JoinsPhrase(i)) return false;
      if (IsWordToken(i) && ++words > kMaxObjectWords) return false;
    }
    return true;
  }

  // The speaker of the indirect speech that ends the sentence before token `first`, for a
  // quotation with no verb of its own that follows it: "Keehan said that the organization
  // “rejoices” in the nomination. “In Dr. Benjamin, we have ...”", "The warehouse was
  // battered outside, Ingaldson said. “But inside, there was all this timber.”". The last
  // speech verb of that sentence decides; one that asks ("Reporters asked Roe whether
  // ...") or has no speaker gives nobody.
  const Speaker* ReportedSpeechBefore(int first) const {
    const int sentence = sentence_of_[first];
    if (sentence == 0) return nullptr;
    const Sentence& before = sentences_[sentence - 1];
    for (int c = static_cast<int>(before.end_token) - 1; c >= static_cast<int>(before.first_token);
         --c) {
      if (quoted_[c] || cue_subject_[c] == kNotACue) continue;
      return IsQuestionVerb(Lower(c)) ? nullptr : CueSpeaker(c);
    }
    return nullptr;
  }

  // A work's title in quotation marks rather than anyone's words: "The Reporter said
  // ``Moon,'' which is expected to ...", "the film “Gone Girl”". Its words are capitalized
  // (small words inside excepted, not all in capitals), at most kMaxTitleWords, with no
  // sentence end inside; and a work noun comes right before it, or the article quotes it
  // again, or it has two words or more and no speech verb of its own follows ("“Thank
  // God,” she said" is hers).
  bool IsQuotedTitle(const QuoteMarkSpan& span, const Placed& where, bool attributed_after) const {
    int words = 0;
    bool lower_case_letters = false;
    const int end = TokenAt(span.content.end);
    for (int i = TokenAt(span.content.start); i < end; ++i) {
      const std::string_view w = Word(i);
      if (!IsWordToken(i)) {
        if (w == "?" || w == "!" || (w == "." && i + 1 < end)) return false;
        continue;
      }
      if (++words > kMaxTitleWords) return false;
      const bool small = words > 1 && IsTitleSmallWord(Lower(i));
      if (!small && !IsAsciiUpper(w[0]) && !std::isdigit(static_cast<unsigned char>(w[0]))) {
        return false;
      }
      lower_case_letters =
          lower_case_letters || std::any_of(w.begin() + 1, w.end(), IsAsciiLowerByte);
    }
    if (words == 0 || !lower_case_letters) return false;
    const int before = where.first - 1;
    if (before >= 0 && !quoted_[before] && IsWorkNoun(Lower(before))) return true;
    const auto count = quoted_texts_.find(std::string(WithoutClosingPunctuation(span)));
    if (count != quoted_texts_.end() && count->second > 1) return true;
    return words >= 2 && !attributed_after;
  }

  // Whether the words after a quotation open with a person's name, after titles at most,
  // and a comma.
  bool OpensWithAppositive(int from, int trail) const {
    while (from < trail && IsPunct(from)) ++from;
    const NameMention* name = NameAfterTitles(from);
    return name && IsPersonLike(*name) && name->end < trail && IsComma(name->end);
  }

  // The speaker of a short attribution the sentence splitter cut off from the quotation
  // ending at token `end`: “... taken?” Worthy said, at the time.
  const Speaker* DetachedAttribution(int end) const {
    if (end >= static_cast<int>(tokens_.size()) || SentenceStart(end) != end) return nullptr;
    if (text_.substr(tokens_[end - 1].end, tokens_[end].start - tokens_[end - 1].end).find('\n') !=
        std::string_view::npos) {
      return nullptr;
    }
    const int sentence_end = SentenceEnd(end);
    for (int i = end; i < sentence_end && i - end <= kMaxDetachedSubjectTokens; ++i) {
      if (quoted_[i]) return nullptr;
      if (cue_subject_[i] == kNotACue) continue;
      if (cue_speaker_[i] < 0 || sentence_end - i > kMaxDetachedTrailTokens) return nullptr;
      // Nothing of its own may follow: "Worthy said, at the time.", "asked Schiff.", not
      // "Police said the suspect fled."
      const int next = cue_subject_[i] > i ? sentence_end - 1 : i + 1;
      if (next < sentence_end && !IsPunct(next) && !IsAdjunctStart(Lower(next))) return nullptr;
      return CueSpeaker(i);
    }
    return nullptr;
  }

  // Whether a quotation its paragraph left open ends in its own attribution, which a
  // missing closing mark let in: “It's important ..., Tyler Reguly, technical manager at
  // Tripwire, says.
  bool HoldsItsAttribution(const QuoteMarkSpan& span, const Placed& where) const {
    if (span.closed) return false;
    int last = where.end - 1;
    while (last >= where.first && IsPunct(last)) --last;
    if (last - 1 <= where.first || !IsAsciiLowerByte(Word(last)[0]) || !IsSpeechVerb(Word(last))) {
      return false;
    }
    // Its subject right before it ("..., says", "Reguly says", "he said"), not "a weakened
    // state".
    const int before = last - 1;
    return IsComma(before) || IsAsciiUpper(Word(before)[0]) ||
           PronounSpeakerKind(Lower(before)) != SpeakerKind::kUnknown;
  }

  int WordCount(const Placed& where) const {
    int words = 0;
    for (int i = where.first; i < where.end; ++i) words += IsWordToken(i) ? 1 : 0;
    return words;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  std::span<const PosTag> tags_;
  std::span<const Dependency> deps_;
  std::vector<int> sentence_of_;
  std::vector<NameMention> names_;
  bool names_in_order_ = false;  // by first token
  mutable std::optional<
      std::map<std::pair<std::string_view, std::string_view>, std::vector<std::string_view>>>
      names_by_last_word_;
  std::vector<bool> quoted_;
  std::unordered_map<std::string, int> quoted_texts_;  // CountQuotedTexts
  // NamedSpeaker's answer per name, and the people's names, built on first use.
  mutable std::vector<std::optional<Speaker>> named_speakers_;
  mutable std::optional<std::vector<std::string_view>> people_names_;
  // The words written before people's full names (FirstNameLeftOut), and each surname's
  // uses with a first name (SharedSurname), built on first use.
  mutable std::optional<std::unordered_set<std::string>> words_before_names_;
  mutable std::optional<std::unordered_map<std::string_view, std::vector<SurnameUse>>>
      surname_uses_;
  // The words the article writes in lower case, built on first use (LeftOutNameWord).
  mutable std::optional<std::unordered_set<std::string>> lower_case_words_;
  std::unordered_map<std::string, Gender> gender_of_;  // by speaker name
  // Per token, the index in `history_` of its speech verb's speaker; -1 when none (an
  // index, not a Speaker, so that a long article does not hold one per word).
  std::vector<int> cue_speaker_;
  // Per token: the first token of the speech verb's subject, kNoSubject when none was
  // found, kNotACue for other words.
  std::vector<int> cue_subject_;
  std::vector<std::pair<int, Speaker>> history_;  // (subject token, speaker), text order
  // Indices into `history_`: by speaker kind, in order; by head noun, the latest speaker
  // with no entity.
  std::map<SpeakerKind, std::vector<size_t>> history_of_kind_;
  std::unordered_map<std::string, size_t> latest_described_;
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const TokenizedText& tokens,
                              std::span<const PosTag> tags, std::span<const Dependency> deps,
                              std::span<const EntityMention> entities) {
  return QuoteAttributor(text, tokens, tags, deps, entities).Run();
}

}  // namespace storyline
