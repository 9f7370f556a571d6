// FeatureTable (story/feature_table.h): a unit vector in a table, dotted with others as
// Dot would, reused from vector to vector.
#include "story/feature_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>

#include "story/tfidf_vocabulary.h"

namespace storyline {
namespace {

// `size` distinct ids below 2^23 (sorted), with weights in (0, 1]; `stride` > 1 makes
// ids alike in their low bits, so that they collide in the table.
SparseVector RandomVector(std::mt19937& random, size_t size, uint32_t stride) {
  std::uniform_int_distribution<uint32_t> id((1u << 23) / stride - 1);
  std::uniform_real_distribution<float> weight(0.001f, 1.0f);
  std::set<uint32_t> ids;
  while (ids.size() < size) ids.insert(id(random) * stride);
  SparseVector v;
  for (const uint32_t i : ids) v.emplace_back(i, weight(random));
  return v;
}

TEST(FeatureTableTest, EmptyTableDotsToZero) {
  FeatureTable table;
  EXPECT_EQ(table.Dot({{3, 0.5f}, {7, 1.0f}}), 0.0f);
  table.Assign({});
  EXPECT_EQ(table.Dot({{3, 0.5f}}), 0.0f);
}

TEST(FeatureTableTest, DotIsTheSharedFeaturesProducts) {
  FeatureTable table;
  table.Assign({{1, 0.5f}, {64, 2.0f}, {129, 4.0f}});  // 1, 64 + 0 and 129 share low bits
  EXPECT_EQ(table.Dot({{1, 2.0f}, {2, 9.0f}, {129, 0.25f}}), 2.0f);
  EXPECT_EQ(table.Dot({{64, 1.0f}, {65, 1.0f}}), 2.0f);
  EXPECT_EQ(table.Dot({{0, 1.0f}, {128, 1.0f}}), 0.0f);
}

// Bit for bit Dot's float, over vectors of all sizes, ids that collide or not, a table
// reused after larger and smaller vectors.
TEST(FeatureTableTest, GivesDotsFloatWhateverItHeldBefore) {
  std::mt19937 random(7);
  FeatureTable table;
  for (const size_t size : {300, 5, 2000, 40, 1, 700}) {
    for (const uint32_t stride : {1u, 4096u}) {
      SparseVector held = RandomVector(random, size, stride);
      table.Assign(held);
      for (int trial = 0; trial < 5; ++trial) {
        SparseVector other = RandomVector(random, 300, stride);
        // Half of the held features, so that there is much to share.
        for (size_t i = 0; i < held.size(); i += 2) other.push_back(held[i]);
        std::sort(other.begin(), other.end());
        other.erase(std::unique(other.begin(), other.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    other.end());
        EXPECT_EQ(table.Dot(other), Dot(other, held)) << "size " << size << " stride " << stride;
      }
    }
  }
}

}  // namespace
}  // namespace storyline
