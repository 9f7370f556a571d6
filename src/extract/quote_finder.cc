#include "extract/quote_finder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "extract/quote_lexicon.h"
#include "extract/quote_marks.h"
#include "extract/quote_speaker.h"

namespace storyline {
namespace {

// Longest subject phrase looked at, in tokens.
constexpr int kMaxSubjectTokens = 12;
// How far after a quotation its speech verb may be ("“...,” Kirby, the White House
// spokesman, said").
constexpr int kMaxTrailingCueDistance = 15;
// A quotation opening a clause with no speaker of its own is a statement only when it
// is at least this long (in words); shorter ones are scare quotes.
constexpr int kMinUnattributedStatementWords = 6;

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
    previous_person_.resize(names_.size());
    int previous = -1;
    for (size_t n = 0; n < names_.size(); ++n) {
      if (names_[n].type == "PERSON" || names_[n].type == "NAME") previous = static_cast<int>(n);
      previous_person_[n] = previous;
    }
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

  // ---- Speech verbs and their subjects ------------------------------------------

  bool IsCue(int t) const {
    if (quoted_[t]) return false;
    const std::string_view w = Word(t);
    if (w.empty() || !IsAsciiLowerByte(w[0])) return false;  // "United States"
    if (w == "according") {
      return t + 1 < SentenceEnd(t) && Word(t + 1) == "to";
    }
    if (!IsSpeechVerb(w)) return false;
    // "the newly announced proposal": a participle modifying a noun.
    if (t > 0 && (IsDeterminer(Lower(t - 1)) || Word(t - 1).ends_with("ly"))) return false;
    if (!tags_.empty() && (tags_[t].upos == "NOUN" || tags_[t].upos == "ADJ")) return false;
    return true;
  }

  // Every speech verb's speaker, in text order, so a pronoun can take an earlier one.
  void ResolveCues() {
    cue_speaker_.assign(tokens_.size(), -1);
    for (int t = 0; t < static_cast<int>(tokens_.size()); ++t) {
      if (!IsCue(t)) continue;
      const std::optional<std::pair<int, int>> subject = SubjectOf(t);
      if (!subject) continue;
      std::optional<Speaker> speaker = SpeakerOf(subject->first, subject->second);
      if (!speaker || !speaker->name) continue;
      cue_speaker_[t] = static_cast<int>(history_.size());
      Remember(subject->first, *speaker);
    }
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
    if (Word(verb) == "according") return RightPhrase(verb + 2);
    if (!deps_.empty()) {
      if (auto subject = ParsedSubject(verb)) return subject;
    }
    int before = verb - 1;
    if (before >= start && IsComma(before)) --before;
    if (before >= start && quoted_[before]) return RightPhrase(verb + 1);  // ,” said X
    int j = verb - 1;
    while (j >= start && !quoted_[j] && IsSubjectVerbFiller(Lower(j))) --j;
    if (j < start || quoted_[j]) return std::nullopt;
    if (IsComma(j)) return SubjectBeforeComma(j, start);
    return ValidPhrase(LeftPhraseStart(j + 1, start), j + 1);
  }

  // "X, the ..., said" gives X; "An official who briefed reporters, said" gives the
  // phrase up to its relative pronoun.
  std::optional<std::pair<int, int>> SubjectBeforeComma(int comma, int start) const {
    int k = comma - 1;
    while (k >= start && !quoted_[k] && !IsComma(k)) --k;
    if (k >= start && IsComma(k) && !quoted_[k]) {
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
      if (quoted_[p] || IsPunct(p)) break;
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
    while (b < end && b - a < kMaxSubjectTokens && !quoted_[b] && !IsPunct(b) &&
           !IsInvertedSubjectTrailer(Lower(b))) {
      ++b;
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
    const NameMention* head_name = nullptr;
    int names_inside = 0;
    bool has_and = false;
    for (int i = a; i < b; ++i) has_and = has_and || Lower(i) == "and";
    for (const NameMention& n : NamesStartingIn(a, b)) {
      if (n.first < a || n.end > b) continue;
      ++names_inside;
      if (n.end == b) head_name = &n;
    }
    if (head_name && !(has_and && names_inside > 1)) return NamedSpeaker(*head_name);
    return DescribedSpeaker(a, b);
  }

  Speaker NamedSpeaker(const NameMention& name) const {
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
    speaker.name = canonical;
    speaker.entity = name.linked ? name.linked->entity : SpeakerEntityId(canonical);
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

  Speaker DescribedSpeaker(int a, int b) const {
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
    Speaker speaker;
    speaker.head = Lower(head);
    speaker.kind = HeadNounSpeakerKind(speaker.head);
    speaker.name = std::move(described);
    if (first == "the") {
      // "the official" after "a senior administration official": the same speaker.
      const auto it = latest_described_.find(speaker.head);
      if (it != latest_described_.end()) return history_[it->second].second;
    }
    return speaker;
  }

  // The latest earlier speaker a pronoun at token `at` can refer to; for "he"/"she"
  // without one, the latest person named before it.
  std::optional<Speaker> Antecedent(SpeakerKind pronoun, int at) const {
    // The latest speaker of a compatible kind, by the history of each kind.
    std::optional<size_t> latest;
    auto consider = [&](SpeakerKind kind) {
      const auto of_kind = history_of_kind_.find(kind);
      if (of_kind == history_of_kind_.end()) return;
      for (auto it = of_kind->second.rbegin(); it != of_kind->second.rend(); ++it) {
        if (history_[*it].first >= at) continue;
        if (!latest || *it > *latest) latest = *it;
        return;
      }
    };
    consider(pronoun);
    if (pronoun == SpeakerKind::kGroup) consider(SpeakerKind::kOrganization);
    if (latest) return history_[*latest].second;
    if (pronoun != SpeakerKind::kPerson) return std::nullopt;
    // Names starting at or after `at` end after it; from the last one before, back through
    // the people and capitalized runs.
    const std::span<const NameMention> before = NamesStartingIn(0, at);
    const int last = static_cast<int>(before.data() - names_.data() + before.size()) - 1;
    for (int n = last < 0 ? -1 : previous_person_[last]; n >= 0;
         n = n > 0 ? previous_person_[n - 1] : -1) {
      const NameMention& name = names_[n];
      if (name.end > at) continue;
      Speaker speaker = NamedSpeaker(name);
      if (speaker.kind == SpeakerKind::kPerson) return speaker;
    }
    return std::nullopt;
  }

  // ---- Quotations ---------------------------------------------------------------

  struct Placed {
    int first = 0;  // token range of the quotation, marks included
    int end = 0;
    int close_sentence = 0;
    bool whole_sentence = false;  // nothing but the quotation in its sentence(s)
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
      Attribute(span, where, quotes, placed, last_statement, quote);
      if (!quote.partial) last_statement = static_cast<int>(quotes.size());
      quotes.push_back(std::move(quote));
      placed.push_back(where);
    }
    // A quotation over several paragraphs often names its speaker only at the end.
    for (int i = static_cast<int>(spans.size()) - 1; i >= 0; --i) {
      const int previous = spans[i].continues;
      if (previous >= 0 && !quotes[previous].speaker && quotes[i].speaker) {
        quotes[previous].speaker = quotes[i].speaker;
        quotes[previous].speaker_entity = quotes[i].speaker_entity;
      }
    }
    return quotes;
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
    for (int i = lead; i < where.first; ++i) {
      if (const Speaker* speaker = CueSpeaker(i)) leading = speaker;
    }
    const Speaker* trailing = nullptr;
    for (int i = where.end; i < trail && i - where.end < kMaxTrailingCueDistance; ++i) {
      if (const Speaker* speaker = CueSpeaker(i)) {
        trailing = speaker;
        break;
      }
    }
    cue = last_lead_word < 0 ? (trailing ? trailing : leading) : (leading ? leading : trailing);

    const int before = where.first - 1;
    const bool opens_clause = last_lead_word < 0 ||
                              (before >= lead && (IsComma(before) || Word(before) == ":")) ||
                              (before == last_lead_word && IsSpeechVerb(Lower(before)) &&
                               !quote.text.empty() && IsAsciiUpper(quote.text[0]));
    const Quote* inherited = nullptr;
    if (!cue) {
      if (span.continues >= 0) {
        inherited = &quotes[span.continues];
      } else if (where.whole_sentence && last_statement >= 0 &&
                 sentence_of_[where.first] - placed[last_statement].close_sentence <= 1) {
        inherited = &quotes[last_statement];
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
  bool names_in_order_ = false;       // by first token
  std::vector<int> previous_person_;  // per name, the last PERSON or NAME up to it; -1 if none
  mutable std::optional<
      std::map<std::pair<std::string_view, std::string_view>, std::vector<std::string_view>>>
      names_by_last_word_;
  std::vector<bool> quoted_;
  // Per token, the index in `history_` of its speech verb's speaker; -1 when none (an
  // index, not a Speaker, so that a long article does not hold one per word).
  std::vector<int> cue_speaker_;
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
