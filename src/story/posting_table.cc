#include "story/posting_table.h"

#include <algorithm>
#include <stdexcept>

namespace storyline {

PostingTable::PostingTable(int capacity) : capacity_(capacity) {
  if (capacity < 1 || capacity > UINT16_MAX) {
    throw std::invalid_argument("posting list capacity out of range");
  }
  ids_.assign(static_cast<size_t>(kLists) * static_cast<size_t>(capacity), 0);
  sizes_.assign(kLists, 0);
}

int32_t PostingTable::Append(uint32_t list, int32_t id) {
  int32_t* begin = ids_.data() + Offset(list);
  int32_t dropped = 0;
  if (sizes_[list] == capacity_) {
    dropped = begin[0];
    std::copy(begin + 1, begin + capacity_, begin);
    --sizes_[list];
  }
  begin[sizes_[list]++] = id;
  return dropped;
}

}  // namespace storyline
