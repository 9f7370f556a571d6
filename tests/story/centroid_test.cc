// Centroid (story/centroid.h): members added and pruned to the strongest, parts taken out.
#include "story/centroid.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storyline {
namespace {

TEST(CentroidTest, AddSumsMembersAndPrunesToTheStrongest) {
  Centroid centroid;
  centroid.Add({{1, 0.6f}, {5, 0.8f}}, 2, 2);
  centroid.Add({{2, 0.1f}, {5, 0.5f}}, 2, 2);
  // 5: 1.3, 1: 0.6, 2: 0.1 -> the two strongest, still by id.
  EXPECT_EQ(centroid.sum(), (SparseVector{{1, 0.6f}, {5, 1.3f}}));
  EXPECT_FLOAT_EQ(centroid.squared_norm(), 0.36f + 1.69f);
  EXPECT_FLOAT_EQ(centroid.WeightOf(5), 1.3f);
  EXPECT_EQ(centroid.WeightOf(2), 0.0f);
}

TEST(CentroidTest, PrunesOnlyPastItsBandAndTiesKeepTheLowerId) {
  Centroid centroid;
  centroid.Add({{1, 0.5f}, {2, 0.5f}, {3, 0.5f}}, 1, 3);
  EXPECT_EQ(centroid.sum().size(), 3u);
  centroid.Add({{4, 0.2f}}, 2, 3);
  EXPECT_EQ(centroid.sum(), (SparseVector{{1, 0.5f}, {2, 0.5f}}));
}

TEST(CentroidTest, CosinesWithTablesAndCentroids) {
  Centroid centroid;
  centroid.Add({{1, 0.6f}, {2, 0.8f}}, 10, 10);
  const SparseVector unit = {{2, 1.0f}};
  FeatureTable table;
  table.Assign(unit);
  EXPECT_FLOAT_EQ(centroid.Cosine(table), 0.8f);
  Centroid other;
  other.Add(unit, 10, 10);
  EXPECT_EQ(centroid.Cosine(other), centroid.Cosine(table));
  EXPECT_EQ(Centroid().Cosine(table), 0.0f);
}

// The split test's cosine against the rest equals the cosine against what Subtract leaves.
TEST(CentroidTest, CosineAgainstRestIsTheCosineWithWhatSubtractLeaves) {
  Centroid part;
  part.Add({{1, 0.6f}, {2, 0.8f}}, 10, 10);
  Centroid whole = part;
  whole.Add({{2, 0.6f}, {3, 0.8f}}, 10, 10);
  whole.Add({{1, 1.0f}}, 10, 10);
  const float against_rest = whole.CosineAgainstRest(part);
  Centroid rest = whole;
  rest.Subtract(part);
  EXPECT_EQ(rest.sum().size(), 3u);
  EXPECT_NEAR(rest.WeightOf(2), 0.6f, 1e-6);
  EXPECT_NEAR(against_rest, part.Cosine(rest), 1e-6);
  // What is left at round-off level goes.
  rest.Subtract(rest);
  EXPECT_TRUE(rest.sum().empty());
  EXPECT_EQ(rest.squared_norm(), 0.0f);
}

}  // namespace
}  // namespace storyline
