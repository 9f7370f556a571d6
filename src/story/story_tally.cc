#include "story/story_tally.h"

#include <bit>
#include <stdexcept>

namespace storyline {

StoryTally::StoryTally(size_t max_ids)
    : max_ids_(max_ids),
      slots_(std::bit_ceil(2 * max_ids + 2)),
      shift_(32 - std::countr_zero(static_cast<uint32_t>(slots_.size()))) {
  filled_.reserve(max_ids);
}

void StoryTally::Add(int32_t id) {
  const size_t mask = slots_.size() - 1;
  // Fibonacci hashing: the high bits of the product, so every bit of the id counts.
  size_t at = (static_cast<uint32_t>(id) * 2654435769u) >> shift_;
  while (slots_[at].id != 0 && slots_[at].id != id) at = (at + 1) & mask;
  Slot& slot = slots_[at];
  if (slot.id == 0) {
    if (filled_.size() == max_ids_) throw std::logic_error("StoryTally is full");
    slot.id = id;
    filled_.push_back(static_cast<uint32_t>(at));
  }
  ++slot.count;
}

void StoryTally::Drain(std::vector<std::pair<int, int32_t>>& out) {
  for (const uint32_t at : filled_) {
    out.emplace_back(slots_[at].count, slots_[at].id);
    slots_[at] = Slot();
  }
  filled_.clear();
}

}  // namespace storyline
