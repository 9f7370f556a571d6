#include "story/feature_table.h"

#include <algorithm>
#include <bit>

namespace storyline {

constexpr size_t kSmallestTable = 64;

FeatureTable::FeatureTable() : slots_(kSmallestTable), mask_(kSmallestTable - 1) {}

void FeatureTable::Assign(const SparseVector& v) {
  for (const uint32_t slot : filled_) slots_[slot] = Slot();
  filled_.clear();
  const size_t size = std::max(std::bit_ceil(4 * v.size()), kSmallestTable);
  if (size > slots_.size()) slots_.assign(size, Slot());
  mask_ = static_cast<uint32_t>(slots_.size() - 1);
  for (const auto& [id, weight] : v) {
    uint32_t slot = id & mask_;
    while (slots_[slot].id != kEmpty) slot = (slot + 1) & mask_;
    slots_[slot] = {id, weight};
    filled_.push_back(slot);
  }
}

float FeatureTable::Dot(const SparseVector& other) const {
  float sum = 0;
  for (const auto& [id, weight] : other) {
    for (uint32_t slot = id & mask_; slots_[slot].id != kEmpty; slot = (slot + 1) & mask_) {
      if (slots_[slot].id == id) {
        sum += weight * slots_[slot].weight;
        break;
      }
    }
  }
  return sum;
}

}  // namespace storyline
