#include "extract/quotes/quote_marks.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <optional>
#include <string>
#include <utility>

#include "extract/quotes/quote_lexicon.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Nested and single-mark quotations longer than this are apostrophes that happened to
// pair up, not quotations.
constexpr size_t kMaxSingleQuoteBytes = 200;
constexpr size_t kMaxNestedQuoteBytes = 400;

enum class MarkKind { kDouble, kSingle };
// What a mark's own shape says: kOpen (“ „ « ‘), kClose (” » ’) or kEither (" ').
enum class MarkShape { kOpen, kClose, kEither };

struct Mark {
  size_t length = 0;  // bytes; 0 when the text at that position is no quotation mark
  MarkKind kind = MarkKind::kDouble;
  MarkShape shape = MarkShape::kEither;
};

Mark MarkAt(std::string_view text, size_t i) {
  const unsigned char c = text[i];
  if (c == '"') return {1, MarkKind::kDouble, MarkShape::kEither};
  // Text from tokenized corpora writes double quotation marks as `` and ''.
  if (c == '`' && i + 1 < text.size() && text[i + 1] == '`') {
    return {2, MarkKind::kDouble, MarkShape::kOpen};
  }
  if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
    return {2, MarkKind::kDouble, MarkShape::kClose};
  }
  if (c == '\'') return {1, MarkKind::kSingle, MarkShape::kEither};
  if (c == 0xC2 && i + 1 < text.size()) {
    const unsigned char d = text[i + 1];
    if (d == 0xAB) return {2, MarkKind::kDouble, MarkShape::kOpen};   // «
    if (d == 0xBB) return {2, MarkKind::kDouble, MarkShape::kClose};  // »
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x9C:
        return {3, MarkKind::kDouble, MarkShape::kOpen};  // “
      case 0x9E:
        return {3, MarkKind::kDouble, MarkShape::kOpen};  // „
      case 0x9D:
        return {3, MarkKind::kDouble, MarkShape::kClose};  // ”
      case 0x98:
        return {3, MarkKind::kSingle, MarkShape::kOpen};  // ‘
      case 0x99:
        return {3, MarkKind::kSingle, MarkShape::kClose};  // ’
    }
  }
  return {};
}

// The class of the character next to a mark, as far as the mark's direction goes.
enum class Neighbour { kSpace, kDash, kOpenBracket, kClosePunct, kQuote, kWord };

Neighbour ClassifyAt(std::string_view text, size_t i) {
  const unsigned char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return Neighbour::kSpace;
  if (c == '-' || c == '/') return Neighbour::kDash;
  if (c == '(' || c == '[' || c == '{') return Neighbour::kOpenBracket;
  if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
      c == ']' || c == '}') {
    return Neighbour::kClosePunct;
  }
  if (MarkAt(text, i).length > 0) return Neighbour::kQuote;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return Neighbour::kSpace;  // no-break space
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char d = text[i + 2];
    if (d == 0x93 || d == 0x94) return Neighbour::kDash;  // – —
    if (d == 0xA6) return Neighbour::kClosePunct;         // …
  }
  return Neighbour::kWord;
}

// The neighbour before byte `i`, with the paragraph start reading as a space.
Neighbour Before(std::string_view text, size_t paragraph_start, size_t i) {
  if (i == paragraph_start) return Neighbour::kSpace;
  size_t j = i - 1;
  while (j > paragraph_start && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  return ClassifyAt(text, j);
}

Neighbour After(std::string_view text, size_t paragraph_end, size_t i) {
  if (i >= paragraph_end) return Neighbour::kSpace;
  return ClassifyAt(text, i);
}

enum class Direction { kOpen, kClose, kEither, kNeither };

// A mark's direction from its shape and its neighbours. Context wins over a curly
// mark's shape only when it is unambiguous, since some sites use ” for both.
Direction DirectionOf(const Mark& mark, Neighbour before, Neighbour after) {
  const bool open_context = (before == Neighbour::kSpace || before == Neighbour::kDash ||
                             before == Neighbour::kOpenBracket || before == Neighbour::kQuote) &&
                            after != Neighbour::kSpace;
  const bool close_context = before != Neighbour::kSpace &&
                             (after == Neighbour::kSpace || after == Neighbour::kClosePunct ||
                              after == Neighbour::kDash || after == Neighbour::kQuote);
  if (mark.kind == MarkKind::kSingle) {
    // Apostrophes are everywhere: only clear cases count, and ’ never opens ("the ’90s").
    const bool opens = open_context && after == Neighbour::kWord;
    if (opens && mark.shape != MarkShape::kClose) return Direction::kOpen;
    if (close_context && !opens && mark.shape != MarkShape::kOpen) return Direction::kClose;
    return Direction::kNeither;
  }
  if (open_context && !close_context) return Direction::kOpen;
  if (close_context && !open_context) return Direction::kClose;
  switch (mark.shape) {
    case MarkShape::kOpen:
      return Direction::kOpen;
    case MarkShape::kClose:
      return Direction::kClose;
    case MarkShape::kEither:
      return Direction::kEither;
  }
  return Direction::kEither;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct OpenQuote {
  bool active = false;  // a plain flag rather than std::optional: g++ 12 misreports those
  size_t mark_start = 0;
  size_t content_start = 0;
  bool nested = false;
  int continues = -1;
  bool straight = false;  // opened by a straight mark
};

// Whether the text from `begin` reads as an attribution rather than quoted words: a
// lower-case start (or, with `capitalized`, a capitalized one: "Obama said.") and a speech
// verb among the first words ("he said.", "the officer said.", "said Capt. Manohar
// Nambiar").
bool StartsAttribution(std::string_view text, size_t begin, size_t end, bool capitalized = false) {
  constexpr int kWords = 6;
  while (begin < end && IsSpaceByte(text[begin])) ++begin;
  if (begin >= end) return false;
  const bool lower = text[begin] >= 'a' && text[begin] <= 'z';
  if (!lower && !(capitalized && text[begin] >= 'A' && text[begin] <= 'Z')) return false;
  int words = 0;
  for (size_t i = begin; i < end && words < kWords; ++words) {
    size_t j = i;
    while (j < end && !IsSpaceByte(text[j])) ++j;
    std::string word = AsciiLower(text.substr(i, j - i));
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.pop_back();
    if (IsSpeechVerb(word)) return true;
    i = j;
    while (i < end && IsSpaceByte(text[i])) ++i;
  }
  return false;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<QuoteMarkSpan> Run() {
    size_t start = 0;
    while (start < text_.size()) {
      size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      ScanParagraph(start, end);
      start = end + 1;
    }
    return SortedByStart();
  }

 private:
  void ScanParagraph(size_t start, size_t end) {
    // A blank line between paragraphs leaves a pending continuation alone.
    if (std::all_of(text_.begin() + start, text_.begin() + end, IsSpaceByte)) return;
    OpenQuote double_quote;
    OpenQuote single_quote;
    std::optional<int> broken = std::exchange(pending_line_break_, std::nullopt);
    for (size_t i = start; i < end;) {
      const Mark mark = MarkAt(text_, i);
      if (mark.length == 0) {
        ++i;
        continue;
      }
      const size_t after_mark = i + mark.length;
      const Direction direction =
          DirectionOf(mark, Before(text_, start, i), After(text_, end, after_mark));
      if (mark.kind == MarkKind::kDouble) {
        // Whatever a double mark does, a single quotation still open was an apostrophe
        // (or, top level, is about to be superseded).
        single_quote.active = false;
        // A straight mark after punctuation and a space before an attribution closes too
        // (text rebuilt from tokens: `action, "said Captain Roe`, `weaken it, "Obama said`).
        if (broken && (direction == Direction::kClose ||
                       ClosesBeforeAttribution(mark, start, i, after_mark, end))) {
          // The quotation left open in the paragraph before closes here: the line break
          // fell inside it.
          Emit(OpenQuote{true, start, start, false, *broken}, i, after_mark, /*closed=*/true);
          broken.reset();
          i = after_mark;
          continue;
        }
        broken.reset();
        if (!double_quote.active) {
          if (direction != Direction::kClose) {
            double_quote = OpenQuote{true, i, after_mark, false, TakeContinuation(i)};
            double_quote.straight = mark.shape == MarkShape::kEither;
          }
        } else if (direction == Direction::kOpen &&
                   (mark.shape != MarkShape::kEither ||
                    !ClosesDespiteSpacing(start, double_quote.content_start, i)) &&
                   !ClosesBeforeAttribution(mark, start, i, after_mark, end)) {
          // A second opener: the first one was never closed; keep the newer.
          double_quote = OpenQuote{true, i, after_mark, false, -1};
        } else {
          Emit(double_quote, i, after_mark, /*closed=*/true);
          double_quote.active = false;
        }
      } else if (single_quote.active && direction == Direction::kClose) {
        const size_t limit = single_quote.nested ? kMaxNestedQuoteBytes : kMaxSingleQuoteBytes;
        if (i - single_quote.content_start <= limit) Emit(single_quote, i, after_mark, true);
        single_quote.active = false;
      } else if (!single_quote.active && direction == Direction::kOpen) {
        single_quote =
            OpenQuote{true, i, after_mark, double_quote.active || broken.has_value(), -1};
      }
      i = after_mark;
    }
    pending_continuation_.reset();
    // A straight mark left open before an attribution was a closing mark written after a
    // space (“"...quote... "he said.” when the quotation began in a paragraph before).
    if (double_quote.active && double_quote.straight &&
        StartsAttribution(text_, double_quote.content_start, end)) {
      double_quote.active = false;
    }
    if (double_quote.active) {
      const int index = Emit(double_quote, end, end, /*closed=*/false);
      if (index >= 0) {
        if (NextParagraphOpensQuote(end)) {
          pending_continuation_ = index;
        } else {
          pending_line_break_ = index;
        }
      }
    }
  }

  // Whether a straight mark at `i` that looks like an opener closes the quotation open
  // since `content_start`. Text rebuilt from tokens puts a space before closing marks
  // ("help, "said Thompson", "Talk To "was featured"), and reading one as an opener
  // quotes the attribution instead of the words. It closes after sentence punctuation,
  // or when the open quotation has not ended a sentence yet; a quotation that has was
  // more likely opened by a stray mark ("also known as "Wild 2) ... to "discover"").
  bool ClosesDespiteSpacing(size_t paragraph_start, size_t content_start, size_t i) const {
    if (AfterSpacedPunctuation(paragraph_start, i)) return true;
    for (size_t j = content_start; j + 1 < i; ++j) {
      if ((text_[j] == '.' || text_[j] == '?' || text_[j] == '!') && IsSpaceByte(text_[j + 1])) {
        return false;
      }
    }
    return true;
  }

  // Whether the double mark at `i`, which looks like an opener, closes the open quotation
  // before its attribution: a straight mark or a tokenized corpus's `` (which some texts
  // write for both marks: ``I never dreamed it, ``Hansbrough said) after punctuation and a
  // space, before a speech verb among the next words.
  bool ClosesBeforeAttribution(const Mark& mark, size_t paragraph_start, size_t i,
                               size_t after_mark, size_t paragraph_end) const {
    const bool either = mark.shape == MarkShape::kEither || text_[i] == '`';
    return either && AfterSpacedPunctuation(paragraph_start, i) &&
           StartsAttribution(text_, after_mark, paragraph_end, /*capitalized=*/true);
  }

  // Whether the mark at `i` follows sentence punctuation and a space: "help, "said".
  bool AfterSpacedPunctuation(size_t paragraph_start, size_t i) const {
    if (i == paragraph_start || !IsSpaceByte(text_[i - 1])) return false;
    size_t j = i - 1;
    while (j > paragraph_start && IsSpaceByte(text_[j])) --j;
    const char c = text_[j];
    if (c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':') return true;
    return j >= paragraph_start + 2 && text_.substr(j - 2, 3) == "\xE2\x80\xA6";  // …
  }

  // The index of the quotation that the opener at `mark_start` continues, if any.
  int TakeContinuation(size_t mark_start) {
    if (!pending_continuation_) return -1;
    const int index = *pending_continuation_;
    pending_continuation_.reset();
    // Only the first mark of the paragraph continues a quotation.
    for (size_t j = static_cast<size_t>(spans_[index].outer.end); j < mark_start; ++j) {
      if (!IsSpaceByte(text_[j])) return -1;
    }
    return index;
  }

  bool NextParagraphOpensQuote(size_t paragraph_end) const {
    size_t i = paragraph_end;
    while (i < text_.size() && IsSpaceByte(text_[i])) ++i;
    if (i >= text_.size()) return false;
    const Mark mark = MarkAt(text_, i);
    if (mark.length == 0 || mark.kind != MarkKind::kDouble) return false;
    const size_t line_start = text_.rfind('\n', i) + 1;
    size_t line_end = text_.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text_.size();
    return DirectionOf(mark, Before(text_, line_start, i),
                       After(text_, line_end, i + mark.length)) != Direction::kClose;
  }

  // Records the quotation from `open` to the mark at [close_start, close_end); returns
  // its index, or -1 when it holds nothing but spaces.
  int Emit(const OpenQuote& open, size_t close_start, size_t close_end, bool closed) {
    size_t begin = open.content_start;
    size_t end = close_start;
    while (begin < end && IsSpaceByte(text_[begin])) ++begin;
    while (end > begin && IsSpaceByte(text_[end - 1])) --end;
    if (begin == end) return -1;
    QuoteMarkSpan span;
    span.content = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    span.outer = {static_cast<uint32_t>(open.mark_start),
                  static_cast<uint32_t>(closed ? close_end : end)};
    span.nested = open.nested;
    span.closed = closed;
    span.continues = open.continues;
    spans_.push_back(span);
    return static_cast<int>(spans_.size()) - 1;
  }

  std::vector<QuoteMarkSpan> SortedByStart() {
    std::vector<int> order(spans_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return spans_[a].outer.start < spans_[b].outer.start; });
    std::vector<int> position(spans_.size());
    for (size_t k = 0; k < order.size(); ++k) position[order[k]] = static_cast<int>(k);
    std::vector<QuoteMarkSpan> sorted;
    sorted.reserve(spans_.size());
    for (int index : order) {
      QuoteMarkSpan span = spans_[index];
      if (span.continues >= 0) span.continues = position[span.continues];
      sorted.push_back(span);
    }
    return sorted;
  }

  std::string_view text_;
  std::vector<QuoteMarkSpan> spans_;
  std::optional<int> pending_continuation_;
  // A quotation left open at the end of the paragraph before, with no opening mark after
  // it: when the next paragraph's first double mark closes, the line break was inside the
  // quotation ("``It's hard to say.\nEverything is speculation,'' he said.").
  std::optional<int> pending_line_break_;
};

}  // namespace

std::vector<QuoteMarkSpan> FindQuoteMarkSpans(std::string_view text) { return Scanner(text).Run(); }

}  // namespace storyline
