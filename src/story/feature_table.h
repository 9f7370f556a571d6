// A sparse vector scattered into an open-addressing table, to be dotted with many others.
//
// The story clusterer scores up to `max_candidates` story centroids against each article
// (story_clusterer.h, step 3). Walking two sorted vectors side by side costs a branch
// the processor cannot predict at every step, for the entries of both; against the
// article held in this table, a centroid costs one probe per entry, a load and a compare
// that mostly meets an empty slot, and the article's own entries cost nothing after the
// one fill. The table is kept from one vector to the next and emptied slot by slot, so
// once it has grown to the largest vector seen, filling it allocates nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "story/tfidf_vocabulary.h"

namespace storyline {

class FeatureTable {
 public:
  FeatureTable();

  // Holds `v` (each id once) in place of the vector held before.
  void Assign(const SparseVector& v);

  // The dot product with `other` (sorted by id): the products of the shared features,
  // added in id order, as Dot(other, v) adds them, so the two give the same float.
  float Dot(const SparseVector& other) const;

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // feature ids are below 2^23
  struct Slot {
    uint32_t id = kEmpty;
    float weight = 0;
  };
  // Linear probing from id & mask_ (hashed ids: their low bits are uniform); a power of
  // two at least four times the vector, so that a probe for an absent id mostly stops
  // at its first slot.
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  std::vector<uint32_t> filled_;  // the slots in use
};

}  // namespace storyline
