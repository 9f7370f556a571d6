// The happenings an article reports, as the story clusterer groups them across articles:
// a type, the entities taking part and a day. Three look-alike calls between the same two
// leaders are told apart by their days; two reports of one call are matched by type,
// participants and day even when their wording differs.
//
// From the analyzer's events (extract/event_finder.h):
//   - the main frame is the article's headline happening: the best-scoring event, where
//     happenings (CALL, MEET, ATTACK, RELEASE, ...) outrank reported speech (STATEMENT),
//     events with named participants outrank those without, an event the text dates more
//     than a week before publication counts as background, and earlier positions count
//     more (news puts the happening first). No main frame without a named participant.
//   - its day is the event's own resolved day. An undated main event takes the article's
//     news day: the first day-precision time in the opening that falls in the week before
//     publication ("The White House announced on Sunday ..."), else the published day;
//     news reports recent happenings, and the announcing day is the best evidence the
//     text gives. Without a published date an undated event stays undated.
//   - secondary frames are the article's other happenings that name a participant and
//     carry their own resolved day ("Blinken met with Netanyahu for three hours Monday"):
//     reported in passing, they still belong on the story's timeline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "story/calendar_day.h"

namespace storyline {

struct EventFrame {
  std::string type;                 // the contract's event type
  std::vector<std::string> actors;  // entity ids of every role, sorted, unique
  std::optional<CalendarDay> day;
  bool day_inferred = false;  // the article's news day, not a date the event names
  std::optional<std::string> place;
  std::string summary;  // the sentence that reports it, trimmed

  // Same happening: same type, a shared participant (at least half of the smaller
  // group), and days no more than `day_tolerance` apart when both are known.
  bool SameHappening(const EventFrame& other, int day_tolerance) const;
};

struct ArticleFrames {
  std::optional<EventFrame> main;
  std::vector<EventFrame> secondary;  // in text order, none the same happening as main
};

ArticleFrames FindEventFrames(const Article& article, const Analysis& analysis);

}  // namespace storyline
