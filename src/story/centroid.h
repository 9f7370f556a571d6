// A cluster's centroid: the sum of its members' unit vectors, kept to its strongest
// features, and the squared norm of that sum.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "story/feature_table.h"
#include "story/tfidf_vocabulary.h"

namespace storyline {

// Keeps the `keep` largest weights of `v` (ties to the lower id), still sorted by id.
void KeepStrongest(SparseVector& v, size_t keep);

class Centroid {
 public:
  const SparseVector& sum() const { return sum_; }  // sorted by id
  float squared_norm() const { return squared_norm_; }

  // Cosine with a unit vector held in a table; with another centroid.
  float Cosine(const FeatureTable& unit) const;
  float Cosine(const Centroid& other) const;
  // The cosine of `part` (a centroid of some of this one's members) against this centroid
  // less `part`, as Subtract would leave it, without building the difference.
  float CosineAgainstRest(const Centroid& part) const;
  // The weight of feature `id`, 0 when absent.
  float WeightOf(uint32_t id) const;

  // Adds a member (a unit vector, or another centroid's sum), sorted by id; once it holds
  // more than `prune_above` features, keeps the `keep` strongest.
  void Add(const SparseVector& member, size_t keep, size_t prune_above);
  // Takes out `part` (a centroid of some of its members); what is left at round-off level
  // goes.
  void Subtract(const Centroid& part);
  // Replaces the sum (sorted by id, each id once): a saved one, or another centroid's.
  void Assign(SparseVector sum);
  void Clear() { Assign({}); }

 private:
  SparseVector sum_;
  float squared_norm_ = 0;
};

}  // namespace storyline
