#include "story/event_day_index.h"

#include <algorithm>

namespace storyline {

void EventDayIndex::Add(uint32_t event, std::optional<CalendarDay> day) {
  if (!day) {
    const auto at = std::lower_bound(undated_.begin(), undated_.end(), event);
    if (at == undated_.end() || *at != event) undated_.insert(at, event);
    return;
  }
  const std::pair<CalendarDay, uint32_t> listing{*day, event};
  const auto at = std::lower_bound(by_day_.begin(), by_day_.end(), listing);
  if (at == by_day_.end() || *at != listing) by_day_.insert(at, listing);
}

void EventDayIndex::Near(CalendarDay day, int tolerance, std::vector<uint32_t>& out) const {
  const size_t first = out.size();
  out.insert(out.end(), undated_.begin(), undated_.end());
  const std::pair<CalendarDay, uint32_t> from{day - tolerance, 0};
  for (auto at = std::lower_bound(by_day_.begin(), by_day_.end(), from);
       at != by_day_.end() && at->first <= day + tolerance; ++at) {
    out.push_back(at->second);
  }
  std::sort(out.begin() + static_cast<long>(first), out.end());
  out.erase(std::unique(out.begin() + static_cast<long>(first), out.end()), out.end());
}

void EventDayIndex::Clear() {
  by_day_ = {};
  undated_ = {};
}

}  // namespace storyline
