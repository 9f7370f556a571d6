// QuoteAttributor: each quotation's speech verb and speaker (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline::quote_internal {

std::vector<Quote> QuoteAttributor::BuildQuotes(const std::vector<QuoteMarkSpan>& spans) {
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

void QuoteAttributor::Attribute(const QuoteMarkSpan& span, Placed& where,
                                const std::vector<Quote>& quotes, const std::vector<Placed>& placed,
                                int last_statement, Quote& quote) const {
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
  quote.partial =
      !(span.continues >= 0 ||
        (opens_clause && (cue || inherited || WordCount(where) >= kMinUnattributedStatementWords)));
}

bool QuoteAttributor::Introduces(int verb, int first) const {
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

bool QuoteAttributor::IsQuotedTitle(const QuoteMarkSpan& span, const Placed& where,
                                    bool attributed_after) const {
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

bool QuoteAttributor::OpensWithAppositive(int from, int trail) const {
  while (from < trail && IsPunct(from)) ++from;
  const NameMention* name = NameAfterTitles(from);
  return name && IsPersonLike(*name) && name->end < trail && IsComma(name->end);
}

const Speaker* QuoteAttributor::DetachedAttribution(int end) const {
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

int QuoteAttributor::WordCount(const Placed& where) const {
  int words = 0;
  for (int i = where.first; i < where.end; ++i) words += IsWordToken(i) ? 1 : 0;
  return words;
}

}  // namespace storyline::quote_internal
