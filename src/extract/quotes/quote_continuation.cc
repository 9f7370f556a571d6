// QuoteAttributor: quotations that go on with the statement before them, and those
// that run over several paragraphs (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline::quote_internal {

bool QuoteAttributor::EndsUnattributed(const std::vector<QuoteMarkSpan>& spans,
                                       const std::vector<Placed>& placed, size_t i) const {
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

bool QuoteAttributor::Continues(const Placed& last, const Placed& where) const {
  constexpr int kMaxUnmarkedSentences = 3;
  int narration = 0;
  for (int s = last.close_sentence + 1; s < sentence_of_[where.first]; ++s) {
    bool words = false;
    for (uint32_t t = sentences_[s].first_token; t < sentences_[s].end_token; ++t) {
      if (quoted_[t] || cue_subject_[t] != kNotACue) return false;
      const std::string_view w = Word(static_cast<int>(t));
      words =
          words || (IsWordToken(static_cast<int>(t)) &&
                    !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }));
    }
    narration += words ? 1 : 0;
  }
  return narration == 0 || (last.left_open && narration <= kMaxUnmarkedSentences);
}

const Speaker* QuoteAttributor::ReportedSpeechBefore(int first) const {
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

bool QuoteAttributor::HoldsItsAttribution(const QuoteMarkSpan& span, const Placed& where) const {
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

}  // namespace storyline::quote_internal
