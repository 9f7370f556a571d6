#include "story/event_frames.h"

#include <algorithm>
#include <cstdlib>

#include "text/ascii.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

constexpr int kBackgroundDays = 7;         // older than this before publication: background
constexpr uint32_t kOpeningBytes = 800;    // where the news day is announced
constexpr float kStatementWeight = 0.3f;   // reported speech ranks below happenings
constexpr float kBackgroundWeight = 0.3f;  // a happening dated well before publication
constexpr size_t kSummaryBytes = 300;

bool IsHappening(const std::string& type) { return type != "STATEMENT" && type != "OTHER"; }

// A denied event ("Biden did not call Netanyahu") happened no more than a statement
// about nothing; the frames leave it out altogether.
bool Reported(const Event& event) { return !event.negated; }

std::vector<std::string> ActorIds(const Event& event) {
  std::vector<std::string> ids;
  for (const EventActor& actor : event.actors) ids.push_back(actor.entity);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::optional<CalendarDay> OwnDay(const Event& event) {
  return event.time ? ParseIsoDay(*event.time) : std::nullopt;
}

bool IsBackground(std::optional<CalendarDay> day, std::optional<CalendarDay> published) {
  return day && published && *published - *day > kBackgroundDays;
}

// How strongly an event stands for the article's headline happening; 0 when it cannot.
float MainScore(const Event& event, size_t actors, std::optional<CalendarDay> published,
                size_t text_size) {
  if (actors == 0 || event.type == "OTHER") return 0;
  float score = IsHappening(event.type) ? 1 : kStatementWeight;
  score *= 1 + 0.5f * static_cast<float>(std::min<size_t>(actors, 3));
  if (IsBackground(OwnDay(event), published)) score *= kBackgroundWeight;
  const float position = static_cast<float>(event.span.start) / static_cast<float>(text_size);
  return score / (1 + 4 * position);
}

// The first day-precision time in the opening that falls in the week before
// publication, else the published day.
std::optional<CalendarDay> NewsDay(const Analysis& analysis, std::optional<CalendarDay> published) {
  if (!published) return std::nullopt;
  for (const TimeExpression& time : analysis.times) {
    if (time.span.start >= kOpeningBytes) break;
    if (!time.value || time.kind != "DATE") continue;
    const std::optional<CalendarDay> day = ParseIsoDay(*time.value);
    if (day && *day <= *published && *published - *day <= kBackgroundDays) return day;
  }
  return published;
}

// The sentence holding byte `at`, trimmed and cut to a readable length.
std::string SentenceAround(std::string_view text, const TokenizedText& tokens, uint32_t at) {
  for (const Sentence& sentence : tokens.sentences) {
    if (sentence.end_token == sentence.first_token) continue;
    const uint32_t start = tokens.tokens[sentence.first_token].start;
    const uint32_t end = tokens.tokens[sentence.end_token - 1].end;
    if (at < start || at >= end) continue;
    std::string out(TrimAsciiSpace(text.substr(start, end - start)));
    std::replace(out.begin(), out.end(), '\n', ' ');
    if (out.size() > kSummaryBytes) {
      size_t cut = out.rfind(' ', kSummaryBytes);
      if (cut == std::string::npos) cut = kSummaryBytes;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out.resize(cut);
      out += " ...";
    }
    return out;
  }
  return {};
}

EventFrame MakeFrame(const Event& event, std::string_view text, const TokenizedText& tokens) {
  EventFrame frame;
  frame.type = event.type;
  frame.actors = ActorIds(event);
  frame.day = OwnDay(event);
  frame.place = event.place;
  frame.summary = SentenceAround(text, tokens, event.span.start);
  return frame;
}

}  // namespace

bool EventFrame::SameHappening(const EventFrame& other, int day_tolerance) const {
  if (type != other.type) return false;
  if (day && other.day && std::abs(*day - *other.day) > day_tolerance) return false;
  size_t shared = 0;
  for (const std::string& actor : actors) {
    shared += std::binary_search(other.actors.begin(), other.actors.end(), actor);
  }
  const size_t smaller = std::min(actors.size(), other.actors.size());
  return shared > 0 && 2 * shared >= smaller;
}

ArticleFrames FindEventFrames(const Article& article, const Analysis& analysis) {
  ArticleFrames frames;
  if (analysis.events.empty()) return frames;
  const std::optional<CalendarDay> published =
      article.published ? ParseIsoDay(*article.published) : std::nullopt;
  const size_t text_size = std::max<size_t>(article.text.size(), 1);

  const Event* main = nullptr;
  float best = 0;
  for (const Event& event : analysis.events) {
    if (!Reported(event)) continue;
    const float score = MainScore(event, ActorIds(event).size(), published, text_size);
    if (score > best) best = score, main = &event;
  }
  const TokenizedText tokens = Tokenizer().Tokenize(article.text);
  if (main) {
    frames.main = MakeFrame(*main, article.text, tokens);
    if (!frames.main->day) {
      frames.main->day = NewsDay(analysis, published);
      frames.main->day_inferred = frames.main->day.has_value();
    }
  }
  for (const Event& event : analysis.events) {
    if (&event == main || !Reported(event) || !IsHappening(event.type) || event.actors.empty() ||
        !OwnDay(event)) {
      continue;
    }
    EventFrame frame = MakeFrame(event, article.text, tokens);
    const auto same = [&](const EventFrame& other) { return frame.SameHappening(other, 0); };
    if ((frames.main && same(*frames.main)) ||
        std::any_of(frames.secondary.begin(), frames.secondary.end(), same)) {
      continue;
    }
    frames.secondary.push_back(std::move(frame));
  }
  return frames;
}

}  // namespace storyline
