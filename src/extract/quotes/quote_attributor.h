// Internal to FindQuotes (quote_finder.h): the class that finds the quotations of one
// article and their speakers, shared by the files that define its parts. Nothing outside
// src/extract/quotes includes this header; its names live in storyline::quote_internal.
//
// The parts, one file each:
//   quote_finder.cc         FindQuotes; the article's sentences, names and quoted tokens
//   quote_speech_verbs.cc   speech verbs ("said", "according to", "released a statement")
//                           and the subject phrase of each
//   quote_speaker_names.cc  the speaker a subject phrase gives: names, their fullest form,
//                           surnames two people share, first names the recognizer left out
//   quote_descriptors.cc    descriptors ("a senior official", "the 56-year-old") and the
//                           person the article ties to one
//   quote_pronouns.cc       "he"/"she"/"it"/"they": the earlier speaker each stands for, and
//                           the genders the article shows
//   quote_attribution.cc    each quotation's speech verb: before, after, introducing it, an
//                           attribution the splitter cut off; titles of works
//   quote_continuation.cc   quotations that go on with the statement before them, and
//                           quotations over several paragraphs
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "extract/quotes/quote_lexicon.h"
#include "extract/quotes/quote_marks.h"
#include "nlp/syntax.h"
#include "text/ascii.h"
#include "text/token.h"

namespace storyline::quote_internal {

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

// Who said something: a name with its id slug (quote_speaker.h), a descriptor as written,
// or none; and what kind of speaker it is, for the pronouns that may stand for it.
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

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLowerByte(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlnum(char c) {
  return IsAsciiUpper(c) || IsAsciiLowerByte(c) || (c >= '0' && c <= '9');
}

// Finds the quotations of one article and their speakers (quote_finder.h states what it
// finds); one object per article, as the lookups it builds are the article's.
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
  // ---- Tokens (inline: every part reads them) -----------------------------------

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

  // ---- Names (quote_finder.cc) --------------------------------------------------

  void CollectNames(std::span<const EntityMention> entities);

  void CollectCapitalizedRuns();

  // The lookups of names by position. Names come in text order (entity mentions as the
  // recognizer gives them, capitalized runs sentence by sentence), so the names inside a
  // phrase are found by binary search rather than a scan of all the article's names.
  void IndexNames();

  // The names starting at tokens [a, b), in text order, and perhaps others: all of them
  // when they are not in text order.
  std::span<const NameMention> NamesStartingIn(int a, int b) const;

  // The names of `type` whose last word (after NameWords) is `last_word`, in text order:
  // the only ones CanonicalName can prefer to a name ending that way. Built on first use,
  // as the names the recognizer gave are linked already.
  const std::vector<std::string_view>& SameTypeNamesEndingWith(std::string_view type,
                                                               std::string_view last_word) const;

  // The longest name that starts at token `t`, or null.
  const NameMention* NameStartingAt(int t) const;

  // The name at token `t` or after the capitalized titles there ("Lt. Joe Heffernan").
  const NameMention* NameAfterTitles(int t) const;

  bool NameIn(int a, int b) const;

  // A person's name: the recognizer says so, or without a recognizer a capitalized run of
  // two words or more that does not end in an organization's noun ("Jane Roe", not "Save
  // the Children Fund").
  bool IsPersonLike(const NameMention& n) const;

  bool IsNameStart(int i, int sentence_start) const;

  // ---- Quoted tokens (quote_finder.cc) ------------------------------------------

  void MarkQuotedTokens(const std::vector<QuoteMarkSpan>& spans);

  // How often each text stands between marks, trailing punctuation left out: a title is
  // quoted again where it is named again ("``Moon,'' which ..." and "``Moon'' will be").
  void CountQuotedTexts(const std::vector<QuoteMarkSpan>& spans);

  std::string_view WithoutClosingPunctuation(const QuoteMarkSpan& span) const;

  // ---- Genders (quote_pronouns.cc) ----------------------------------------------

  // The genders the article shows of the people it names through a word written right
  // before a name ("Mr. Farmer", "Sister Carol Keehan", "his wife, Jane Roe"), by
  // speaker name. "he"/"she" after a name's speech verb add theirs (PronounGenderAfter).
  void NoteTitledGenders();

  // The gender of "he"/"she" right after the speech verb at `verb` (or after its "that"),
  // which stands for the verb's named subject: "Felt wrote that he wasn't motivated",
  // "Keehan said she ...". A pronoun a resolution gave is no evidence: a wrong one would
  // spread.
  Gender PronounGenderAfter(int verb) const;

  // Records that `name` is of `gender`; evidence of both leaves it unknown.
  void NoteGender(const std::string& name, Gender gender);

  // Whether the article shows `name` to be of the other gender than `pronoun`'s.
  bool GenderDisagrees(const std::optional<std::string>& name, Gender pronoun) const;

  // ---- Speech verbs and their subjects (quote_speech_verbs.cc) ------------------

  bool IsCue(int t) const;

  // Whether the word at `t` gives a statement ("Jackson released a statement through the
  // team", "she issued a jokey response:", "The judge had advice for anyone ...:"): the
  // words quoted with it are the subject's.
  bool ReleasesAStatement(int t) const;

  // Whether the speech verb at `verb` reports that nothing was said: "they would not say
  // what ...", "never told", "declined to comment". Its subject said none of the words
  // around it.
  bool Unsaid(int verb) const;

  // Every speech verb's speaker, in text order, so a pronoun can take an earlier one.
  void ResolveCues();

  // The earlier speech verb of the sentence that `verb` is coordinated with ("said ...
  // and added"), or -1.
  int CoordinatedCue(int verb) const;

  // The speaker of the speech verb at token `t`; nullptr when it is none or has none.
  const Speaker* CueSpeaker(int t) const;

  // Adds a cue's speaker to the history and to its lookups.
  void Remember(int subject, const Speaker& speaker);

  std::optional<std::pair<int, int>> SubjectOf(int verb) const;

  // The first token of the verb phrase that ends in the speech verb at `verb`: "was quoted
  // as saying" and "went on to say" have the subject of their first verb.
  int VerbPhraseStart(int verb, int start) const;

  // The noun phrase a relative pronoun at `who` tells of: from the nearest determiner
  // before it ("the woman who ...", "one woman who ..."), over words only.
  std::optional<std::pair<int, int>> RelativeAntecedent(int who) const;

  // Whether a person is coordinated into [from, to): "Frederick Davis, 65, and Patricia
  // McNeal, 65, said" is two speakers.
  bool JoinsAnotherPerson(int from, int to) const;

  // "X, the ..., said" gives X; "An official who briefed reporters, said" gives the
  // phrase up to its relative pronoun.
  std::optional<std::pair<int, int>> SubjectBeforeComma(int comma, int start) const;

  // The start of a subject phrase that ends before `end`: back to punctuation, a
  // quotation, the sentence start or a clause word ("that", "while").
  int LeftPhraseStart(int end, int start) const;

  std::optional<std::pair<int, int>> RightPhrase(int a) const;

  // The phrase [a, b) cut at a relative clause, or nothing when it cannot be a speaker.
  std::optional<std::pair<int, int>> ValidPhrase(int a, int b) const;

  // The nominal subject of `verb` from the parse, without its relative clauses and
  // appositions; nothing when the parse has none or it runs into a quotation.
  std::optional<std::pair<int, int>> ParsedSubject(int verb) const;

  // The person named in apposition to a descriptor subject at `noun` ("her agent, Mark
  // Roesler, said"), or null.
  const NameMention* NamedInApposition(int noun, int start, int end) const;

  void Extend(int node, int start, int end, int& lo, int& hi) const;

  // ---- Speaker names (quote_speaker_names.cc) -----------------------------------

  std::optional<Speaker> SpeakerOf(int a, int b) const;

  // The token after the generational suffix at `t` (" Sr.", ", Jr."), or `t` when none is.
  int AfterNameSuffix(int t, int b) const;

  bool OnlyNamesAndConjunctions(int a, int b) const;

  // FullerName(name, the names of the people the article names, canonical where the
  // linker ran), reading only the distinct names that end with `name`'s last word: the
  // only ones FullerName can take, so a long record's thousands of names cost a lookup.
  std::optional<std::string> FullerPersonName(std::string_view name) const;

  // Every word of [a, b) capitalized, as names are: "Worthy", "Ms Persson".
  bool IsCapitalizedRun(int a, int b) const;

  // A name the recognizer left out: its fullest form among the people the article names
  // ("Arroyo" -> "Luz Contreras Arroyo"), or as written, titles stripped, when none or
  // two different people fit ("Davis" with Frederick and Mariah Davis).
  Speaker UnrecognizedName(int a, int b) const;

  // The speaker a name stands for; once per name of the article, as pronouns ask again.
  Speaker NamedSpeaker(const NameMention& name) const;

  Speaker ResolveName(const NameMention& name) const;

  // The token of the first name written right before the one-word person name `name` that
  // the recognizer left out of it: "Chela" of "Chela Ortiz", "T.J." of "T.J. DiLeo"; -1 when
  // the word before is no such name: a title, a description, or a word the article writes
  // before other names too ("Undersheriff" of "Undersheriff Waldie" and "Undersheriff
  // Larry Waldie").
  int FirstNameLeftOut(const NameMention& name) const;

  // Whether the word at `i` may be a first name the recognizer left out: capitalized, not
  // all capitals ("WR"), no title or abbreviation ("Lt.", but "T.J." is initials), no
  // adverb or participle opening the sentence, and never written in lower case in the
  // article.
  bool LeftOutNameWord(int i) const;

  // "Chela Ortiz, who married the deputy, told ...", where the recognizer found only "Ortiz"
  // and the linker made it her stepson "Jeremy Ortiz": a first name the recognizer left
  // out that the fuller form lacks is another person's. The name as written then.
  std::optional<Speaker> FirstNameBefore(const NameMention& name) const;

  // The first and last words of a person's name as the article writes it ("Jumaane" and
  // "Williams" of "Councilman Jumaane Williams", the recognizer having found "Williams"
  // only); nothing for a one-word name.
  std::optional<std::pair<std::string_view, std::string_view>> WrittenFullName(
      const NameMention& n) const;

  // A surname that two people of the article share ("Williams" with Jumaane and Makaeo
  // Williams, "DiLeo" with Tony and T.J. DiLeo: full names of other first words),
  // whichever the linker chose: the one of them named in this sentence or the one before,
  // else the surname as written.
  std::optional<Speaker> SharedSurname(const NameMention& name) const;

  // A person's surname written with a first name: by a name the recognizer found (its own
  // first word or one it left out) or, "His son, T.J. DiLeo," where it found none, by a
  // surname some name has after a first name.
  struct SurnameUse {
    int at = 0;  // the first token of the name
    std::string_view first;
    const NameMention* mention = nullptr;  // null where the recognizer found none
  };

  // The uses of `surname` in text order, all surnames' built on first use.
  const std::vector<SurnameUse>& SurnameUses(std::string_view surname) const;

  // ---- Descriptors (quote_descriptors.cc) ---------------------------------------

  // A descriptor is a speaker only when its head noun names one ("a senior official",
  // "the ministry", "police", "the 56-year-old"); other phrases are fragments of the
  // sentence ("the only two Arab", "an assistant delivered the good news by").
  std::optional<Speaker> DescribedSpeaker(int a, int b) const;

  // The age written right before token `end` ("56-year-old", "56-year - old"), or, with
  // `last_word`, only when the age is the phrase's last word (so "the 56-year-old" names a
  // person while "the 2-year-old case" does not).
  std::optional<int> AgeBefore(int end, bool last_word = false) const;

  // The one person the article ties to a description: for "the 56-year-old", the person
  // written with that age ("John Roe, 56,", "56-year-old John Roe"); for "the neighbor",
  // the person the article calls so ("neighbor Ross Manche", "Amanda Reid, a neighbor").
  // Null when none or several are.
  const NameMention* TiedPerson(std::string_view head, std::optional<int> age) const;

  // The one person the article calls `head` ("Judge Jack B. Weinstein", "Amanda Reid, a
  // neighbor") in the sentence of token `at` before it, or in the sentence before; null
  // when none or several are.
  const NameMention* NearbyPersonCalledSo(std::string_view head, int at) const;

  // Whether `head` is written as the title of the name `n` ("Judge Jack B. Weinstein",
  // "neighbor Ross Manche", "the boy's grandmother, Jane Roe") or in apposition right after
  // it ("Amanda Reid, a neighbor,"): closer than CalledSo, which also takes "the source
  // said Kimani".
  bool TitledSo(const NameMention& n, std::string_view head) const;

  std::optional<int> AgeOfPerson(const NameMention& n) const;

  bool CalledSo(const NameMention& n, std::string_view head) const;

  // ---- Pronouns (quote_pronouns.cc) ---------------------------------------------

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
  // person, opening a sentence, stand in the way of one who fits. Nor do they stand for a
  // descriptor ("an assistant state attorney general said") unless it is the only
  // candidate: no person is named between it and the pronoun, and its head does not show
  // the other gender ("a spokeswoman").
  std::optional<Speaker> Antecedent(SpeakerKind pronoun, int at) const;

  // Whether a person not quoted is named after the speech verb of `subject` and before
  // token `to`: someone else a "he"/"she" (of `gender`) after a descriptor's speech may
  // stand for. A name before a possessive ("Nichols' mother") or of the other gender is not.
  bool PersonNamedSince(int subject, int to, Gender gender) const;

  // A person's name opening its sentence, after titles at most: "Sgt. Kari Thompson said".
  bool IsSentenceSubject(const NameMention& n) const;

  // Whether someone a pronoun of kind `pronoun` (and `gender`, for "he"/"she") could
  // stand for, other than `speaker`, opens a sentence between tokens `from` and `to`: a
  // person for "he"/"she", an organization for "it"/"they" ("Big Machine have denied it.
  // “...,” they said").
  bool AnotherSubject(const Speaker& speaker, int from, int to, SpeakerKind pronoun,
                      Gender gender) const;

  // Whether two speaker names may be one person: the same, or one a surname the other
  // ends with ("McDermott", which two people of the article share, and "Doug McDermott").
  static bool MayBeSamePerson(const std::optional<std::string>& a,
                              const std::optional<std::string>& b);

  // ---- Quotations (quote_attribution.cc, quote_continuation.cc) -----------------

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

  std::vector<Quote> BuildQuotes(const std::vector<QuoteMarkSpan>& spans);

  // Whether no part of the quotation `i` (quote_marks.h) after the first shares its
  // sentence with words outside the marks, and, when its last part was left open, the next
  // paragraph has no straight mark after punctuation and a space that may have closed it
  // ("Right now, things are tense, "New York City Councilman Jumaane D. Williams ...
  // said"): words there may be its attribution.
  bool EndsUnattributed(const std::vector<QuoteMarkSpan>& spans, const std::vector<Placed>& placed,
                        size_t i) const;

  void Attribute(const QuoteMarkSpan& span, Placed& where, const std::vector<Quote>& quotes,
                 const std::vector<Placed>& placed, int last_statement, Quote& quote) const;

  // Whether the quotation at `where`, a sentence of its own with no speech verb, goes on
  // with the statement `last`: no narration between them (the number the splitter cut off
  // after an abbreviation, "a managing editor at WCCO-TV, Ch. 4.", is none), or, when `last` was
  // left open at its paragraph's end, a few sentences with no quotation and no speech verb
  // (paragraphs whose opening marks the writer left out: “We don’t resemble the team ...
  // \n He is so active.\n “I’m really proud of him ...”).
  bool Continues(const Placed& last, const Placed& where) const;

  // Whether the speech verb at `verb` introduces the quotation opening at token `first`:
  // nothing but a comma or a colon between them, or a short object before one ("told her,
  // “...”", "telling the jury:").
  bool Introduces(int verb, int first) const;

  // The speaker of the indirect speech that ends the sentence before token `first`, for a
  // quotation with no verb of its own that follows it: "Keehan said that the organization
  // “rejoices” in the nomination. “In Dr. Benjamin, we have ...”", "The warehouse was
  // battered outside, Ingaldson said. “But inside, there was all this timber.”". The last
  // speech verb of that sentence decides; one that asks ("Reporters asked Roe whether
  // ...") or has no speaker gives nobody.
  const Speaker* ReportedSpeechBefore(int first) const;

  // A work's title in quotation marks rather than anyone's words: "The Reporter said
  // ``Moon,'' which is expected to ...", "the film “Gone Girl”". Its words are capitalized
  // (small words inside excepted, not all in capitals), at most kMaxTitleWords, with no
  // sentence end inside; and a work noun comes right before it, or the article quotes it
  // again, or it has two words or more and no speech verb of its own follows ("“Thank
  // God,” she said" is hers).
  bool IsQuotedTitle(const QuoteMarkSpan& span, const Placed& where, bool attributed_after) const;

  // Whether the words after a quotation open with a person's name, after titles at most,
  // and a comma.
  bool OpensWithAppositive(int from, int trail) const;

  // The speaker of a short attribution the sentence splitter cut off from the quotation
  // ending at token `end`: “... taken?” Worthy said, at the time.
  const Speaker* DetachedAttribution(int end) const;

  // Whether a quotation its paragraph left open ends in its own attribution, which a
  // missing closing mark let in: “It's important ..., Tyler Reguly, technical manager at
  // Tripwire, says.
  bool HoldsItsAttribution(const QuoteMarkSpan& span, const Placed& where) const;

  int WordCount(const Placed& where) const;

  // ---- State --------------------------------------------------------------------

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
  // NamedSpeaker's answer per name, and the people's distinct names by last name word
  // (FullerPersonName), built on first use.
  mutable std::vector<std::optional<Speaker>> named_speakers_;
  mutable std::optional<std::map<std::string, std::vector<std::string_view>, std::less<>>>
      people_names_by_last_word_;
  // TiedPerson's answer per head noun and age.
  mutable std::map<std::pair<std::string, std::optional<int>>, const NameMention*> tied_persons_;
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

}  // namespace storyline::quote_internal
