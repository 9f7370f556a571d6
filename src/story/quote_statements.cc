#include "story/quote_statements.h"

#include <algorithm>
#include <string_view>

namespace storyline {
namespace {

// How far the sentence around a quotation reaches beyond its marks, in bytes.
constexpr size_t kMaxReachBytes = 1000;
// The most bytes an opening mark and the spaces after it take.
constexpr int kMaxMarkBytes = 6;

bool EndsSentence(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '?' && c != '!') return false;
  return i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
}

// The sentence around a quotation, roughly: from the sentence end before its opening mark
// to the first one after its closing mark, so that it holds the attribution ("“...,”
// Arians said Sunday.", "He said on Monday, “...”"); at most kMaxReachBytes either way.
Span SentenceAround(std::string_view text, const Span& quote) {
  size_t start = std::min<size_t>(quote.start, text.size());
  // Back over the opening mark (ASCII, or the bytes of a UTF-8 one) and spaces.
  for (int i = 0; i < kMaxMarkBytes && start > 0; ++i, --start) {
    const unsigned char c = static_cast<unsigned char>(text[start - 1]);
    if (c != ' ' && c != '"' && c != '\'' && c != '`' && c < 0x80) break;
  }
  const size_t floor = start > kMaxReachBytes ? start - kMaxReachBytes : 0;
  while (start > floor && !EndsSentence(text, start - 1)) --start;
  size_t end = std::min<size_t>(quote.end, text.size());
  const size_t ceiling = std::min(text.size(), end + kMaxReachBytes);
  while (end < ceiling && !EndsSentence(text, end)) ++end;
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

bool Inside(const Span& inner, const Span& outer) {
  return inner.start >= outer.start && inner.end <= outer.end;
}

bool Overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

// The date the quotation's sentence names outside its marks, nearest its end.
std::optional<std::string> DateOutsideQuote(const Analysis& analysis, const Span& sentence,
                                            const Span& quote) {
  const TimeExpression* best = nullptr;
  const auto distance = [&](const TimeExpression& time) {
    return time.span.start >= quote.end ? time.span.start - quote.end : quote.start - time.span.end;
  };
  for (const TimeExpression& time : analysis.times) {
    if (!time.value || (time.kind != "DATE" && time.kind != "TIME")) continue;
    if (!Inside(time.span, sentence) || Overlaps(time.span, quote)) continue;
    if (!best || distance(time) < distance(*best)) best = &time;
  }
  return best ? best->value : std::nullopt;
}

// Whether a STATEMENT event of `speaker` lies in `sentence` or reports the quotation.
bool StatedAlready(const Analysis& analysis, const std::string& speaker, const Span& sentence,
                   const Span& quote) {
  return std::any_of(analysis.events.begin(), analysis.events.end(), [&](const Event& event) {
    if (event.type != "STATEMENT") return false;
    const bool same_speaker =
        std::any_of(event.actors.begin(), event.actors.end(),
                    [&](const EventActor& actor) { return actor.entity == speaker; });
    return same_speaker &&
           (Inside(event.span, sentence) || (event.content && Overlaps(*event.content, quote)));
  });
}

}  // namespace

std::vector<Event> QuoteStatements(const Article& article, const Analysis& analysis) {
  std::vector<Event> statements;
  const std::string* previous_speaker = nullptr;
  for (const Quote& quote : analysis.quotes) {
    if (quote.partial) continue;
    const std::string* speaker = quote.speaker_entity ? &*quote.speaker_entity : nullptr;
    const bool continues = speaker && previous_speaker && *speaker == *previous_speaker;
    previous_speaker = speaker;
    if (!speaker || speaker->empty() || continues) continue;
    const Span sentence = SentenceAround(article.text, quote.span);
    if (StatedAlready(analysis, *speaker, sentence, quote.span)) continue;
    Event event;
    event.span = quote.span;
    event.type = "STATEMENT";
    event.actors.push_back({"agent", *speaker});
    event.time = DateOutsideQuote(analysis, sentence, quote.span);
    event.content = quote.span;
    statements.push_back(std::move(event));
  }
  return statements;
}

std::optional<Analysis> WithQuoteStatements(const Article& article, const Analysis& analysis) {
  std::vector<Event> statements = QuoteStatements(article, analysis);
  if (statements.empty()) return std::nullopt;
  Analysis with = analysis;
  with.events.insert(with.events.end(), std::make_move_iterator(statements.begin()),
                     std::make_move_iterator(statements.end()));
  std::stable_sort(with.events.begin(), with.events.end(),
                   [](const Event& a, const Event& b) { return a.span.start < b.span.start; });
  return with;
}

}  // namespace storyline
