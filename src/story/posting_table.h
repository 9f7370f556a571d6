// The story clusterer's posting lists (step 2 of story_clusterer.h) in a table of fixed
// size, so that they do not grow with the vocabulary: a feature's list is the one its id
// falls in, and holds at most `capacity` story ids, oldest first. Features that fall in
// the same list share its entries: a lookup may return a few stories posted under
// another feature, which the candidates' scoring then rules out. Memory is
// 2^kListBits x capacity x 4 bytes (32 MiB at the default 32), whatever the corpus.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace storyline {

class PostingTable {
 public:
  static constexpr int kListBits = 18;
  static constexpr uint32_t kLists = uint32_t{1} << kListBits;

  explicit PostingTable(int capacity);

  // The list of a feature id (story/feature_hashing.h).
  static uint32_t ListOf(uint32_t feature) { return feature & (kLists - 1); }
  int capacity() const { return capacity_; }

  std::span<const int32_t> List(uint32_t list) const {
    return {ids_.data() + Offset(list), sizes_[list]};
  }

  // Removes the ids of `list` for which `drop(id)` holds, keeping the order; returns how
  // many went.
  template <typename Drop>
  size_t EraseIf(uint32_t list, Drop drop) {
    int32_t* begin = ids_.data() + Offset(list);
    int32_t* out = begin;
    for (int32_t* in = begin; in != begin + sizes_[list]; ++in) {
      if (!drop(*in)) *out++ = *in;
    }
    const auto removed = static_cast<size_t>(begin + sizes_[list] - out);
    sizes_[list] = static_cast<uint16_t>(out - begin);
    return removed;
  }

  // Appends `id` to `list`; when the list was full its oldest id makes room and is
  // returned, else 0.
  int32_t Append(uint32_t list, int32_t id);

 private:
  size_t Offset(uint32_t list) const { return static_cast<size_t>(list) * capacity_; }

  int capacity_;
  std::vector<int32_t> ids_;     // list l at [l * capacity_, l * capacity_ + sizes_[l])
  std::vector<uint16_t> sizes_;  // per list
};

}  // namespace storyline
