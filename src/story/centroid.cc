#include "story/centroid.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

namespace storyline {
namespace {

// What is left of a centroid's sum once a part of it is taken out: weights at round-off
// level are gone.
constexpr float kRoundOff = 1e-5f;

// Merges `add` (sorted by id) into `sum` (sorted by id) in place, from the back into the
// room the new ids need: a centroid grows in steps of a quarter, not one allocation per
// article it takes.
void AddInto(SparseVector& sum, const SparseVector& add) {
  size_t new_ids = 0;
  auto at = sum.begin();
  for (const auto& [id, weight] : add) {
    at = std::lower_bound(at, sum.end(), std::pair<uint32_t, float>{id, -INFINITY});
    if (at == sum.end() || at->first != id) ++new_ids;
  }
  size_t read = sum.size();
  const size_t size = read + new_ids;
  if (size > sum.capacity()) sum.reserve(size + size / 4);
  sum.resize(size);
  size_t write = size;
  for (size_t j = add.size(); j > 0;) {
    const auto& [id, weight] = add[j - 1];
    if (read > 0 && sum[read - 1].first > id) {
      sum[--write] = sum[--read];
    } else if (read > 0 && sum[read - 1].first == id) {
      --read, --j;
      sum[--write] = {id, sum[read].second + weight};
    } else {
      sum[--write] = add[--j];
    }
  }
}

}  // namespace

// The keep-th largest weight is found on a copy of the weights, and the entries above it,
// and the lowest-id ones equal to it, stay in place. No sort.
void KeepStrongest(SparseVector& v, size_t keep) {
  if (v.size() <= keep) return;
  if (keep == 0) return v.clear();
  std::vector<float> weights(v.size());
  std::transform(v.begin(), v.end(), weights.begin(),
                 [](const auto& entry) { return entry.second; });
  std::nth_element(weights.begin(), weights.begin() + static_cast<long>(keep - 1), weights.end(),
                   std::greater<>());
  const float cut = weights[keep - 1];
  size_t ties =
      keep - static_cast<size_t>(std::count_if(
                 v.begin(), v.end(), [cut](const auto& entry) { return entry.second > cut; }));
  std::erase_if(v, [&](const auto& entry) {
    if (entry.second > cut) return false;
    if (entry.second < cut || ties == 0) return true;
    --ties;
    return false;
  });
}

float Centroid::Cosine(const FeatureTable& unit) const {
  return squared_norm_ > 0 ? unit.Dot(sum_) / std::sqrt(squared_norm_) : 0;
}

float Centroid::Cosine(const Centroid& other) const {
  const float norms = std::sqrt(squared_norm_ * other.squared_norm_);
  return norms > 0 ? Dot(sum_, other.sum_) / norms : 0;
}

float Centroid::CosineAgainstRest(const Centroid& part) const {
  float dot = 0;
  float rest_squared_norm = 0;
  auto j = part.sum_.begin();
  for (const auto& [id, weight] : sum_) {
    while (j != part.sum_.end() && j->first < id) ++j;
    const bool shared = j != part.sum_.end() && j->first == id;
    const float left = shared ? weight - j->second : weight;
    if (left <= kRoundOff) continue;
    rest_squared_norm += left * left;
    if (shared) dot += j->second * left;
  }
  const float norms = std::sqrt(part.squared_norm_ * rest_squared_norm);
  return norms > 0 ? dot / norms : 0;
}

float Centroid::WeightOf(uint32_t id) const {
  const auto it =
      std::lower_bound(sum_.begin(), sum_.end(), std::pair<uint32_t, float>{id, -INFINITY});
  return it != sum_.end() && it->first == id ? it->second : 0;
}

void Centroid::Add(const SparseVector& member, size_t keep, size_t prune_above) {
  AddInto(sum_, member);
  if (sum_.size() > prune_above) {
    KeepStrongest(sum_, keep);
    // Centroids live as long as their clusters: room a prune left unused goes back.
    if (sum_.capacity() > 2 * sum_.size()) sum_.shrink_to_fit();
  }
  squared_norm_ = SquaredNorm(sum_);
}

void Centroid::Subtract(const Centroid& part) {
  SparseVector left;
  left.reserve(sum_.size());
  auto j = part.sum_.begin();
  for (const auto& [id, weight] : sum_) {
    while (j != part.sum_.end() && j->first < id) ++j;
    const float rest = j != part.sum_.end() && j->first == id ? weight - j->second : weight;
    if (rest > kRoundOff) left.emplace_back(id, rest);
  }
  Assign(std::move(left));
}

void Centroid::Assign(SparseVector sum) {
  sum_ = std::move(sum);
  squared_norm_ = SquaredNorm(sum_);
}

}  // namespace storyline
