// A story's events by day, so that placing an article looks through the events near its
// own day instead of every event the story has gathered: a story that runs for years
// gathers thousands, and an article would otherwise read all of them
// (bench/story_scale: 66 an article at 1M articles, and rising).
//
// Events are named by their index in the story's list. An event is listed under each day
// it can be matched on (the day of the event and the day of its frame, which may differ)
// and as undated while either is unknown, for undated events match any day. Listings are
// only added: one a day has left stays until the index is rebuilt, so Near may return
// events no longer near the day, never miss one that is, and its callers test the days
// themselves. Rebuilt() tells when stale listings outnumber the live ones.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "story/calendar_day.h"

namespace storyline {

class EventDayIndex {
 public:
  // Lists event `event` under `day`, or as undated when there is none; listing it twice is
  // harmless.
  void Add(uint32_t event, std::optional<CalendarDay> day);
  // Appends to `out` the events listed within `tolerance` days of `day` or as undated,
  // each once, in increasing order.
  void Near(CalendarDay day, int tolerance, std::vector<uint32_t>& out) const;
  // Whether the index holds more than twice the listings `events` events need (two each),
  // and would better be cleared and filled again.
  bool Stale(size_t events) const { return listings() > 4 * events + 8; }
  size_t listings() const { return by_day_.size() + undated_.size(); }
  void Clear();

 private:
  std::vector<std::pair<CalendarDay, uint32_t>> by_day_;  // sorted, each pair once
  std::vector<uint32_t> undated_;                         // sorted, each once
};

}  // namespace storyline
