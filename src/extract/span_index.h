// An index of an article's items that have a span (quotes, times, mentions) for the
// questions the extraction rules ask of them word by word or sentence by sentence: which
// items lie around this range, does one contain it. Scanning every item of the article
// for each word makes the analysis quadratic in the article's length; with the index a
// question costs a binary search and the items near the range.
//
// The items keep their order: a window is a slice of the list as given, so rules that
// take the first or the nearest item in list order decide as they did over the whole
// list.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/analysis.h"

namespace storyline {

template <typename Item>
class SpanIndex {
 public:
  // `items` must outlive the index; any order, though only a list in order of span start
  // (as the finders give it) has narrow windows.
  explicit SpanIndex(std::span<const Item> items) : items_(items) {
    in_start_order_ = std::is_sorted(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return a.span.start < b.span.start;
    });
    if (!in_start_order_) return;
    starts_.reserve(items.size());
    end_so_far_.reserve(items.size());
    uint32_t furthest = 0;
    for (const Item& item : items) {
      furthest = std::max(furthest, item.span.end);
      starts_.push_back(item.span.start);
      end_so_far_.push_back(furthest);
    }
  }

  // A slice of the items, in their order, holding every item whose span overlaps or
  // touches `range` (start <= range.end and end >= range.start), and perhaps others near
  // it: callers test each item as they would over the whole list. The whole list when it
  // is not in order of span start.
  std::span<const Item> Around(Span range) const {
    if (!in_start_order_) return items_;
    // Items before `from` all end before the range; items from `to` on start after it.
    const size_t from =
        size_t(std::lower_bound(end_so_far_.begin(), end_so_far_.end(), range.start) -
               end_so_far_.begin());
    const size_t to =
        size_t(std::upper_bound(starts_.begin(), starts_.end(), range.end) - starts_.begin());
    return from < to ? items_.subspan(from, to - from) : std::span<const Item>();
  }

  // Whether some item's span contains `inner` (start <= inner.start, inner.end <= end).
  bool AnyContains(Span inner) const {
    if (!in_start_order_) {
      return std::any_of(items_.begin(), items_.end(), [&](const Item& item) {
        return item.span.start <= inner.start && inner.end <= item.span.end;
      });
    }
    // Of the items starting at or before `inner`, the one reaching furthest.
    const size_t starting_before =
        size_t(std::upper_bound(starts_.begin(), starts_.end(), inner.start) - starts_.begin());
    return starting_before > 0 && end_so_far_[starting_before - 1] >= inner.end;
  }

 private:
  std::span<const Item> items_;
  bool in_start_order_ = false;
  std::vector<uint32_t> starts_;      // per item, its span's start
  std::vector<uint32_t> end_so_far_;  // per item, the furthest end of it and those before
};

}  // namespace storyline
