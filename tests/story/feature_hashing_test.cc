// Hashed story features (story/feature_hashing.h) and the fixed posting table
// (story/posting_table.h): the two structures that keep the clusterer's memory and cost
// per article from growing with its vocabulary.
#include "story/feature_hashing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "story/posting_table.h"

namespace storyline {
namespace {

TEST(FeatureHashingTest, IdsAreStableInRangeAndRarelyShared) {
  EXPECT_EQ(FeatureId("w:quak"), FeatureId(std::string("w:") + "quak"));
  EXPECT_NE(FeatureId("w:quak"), FeatureId("e:quak"));
  std::set<uint32_t> ids;
  constexpr int kFeatures = 20000;
  for (int i = 0; i < kFeatures; ++i) {
    const uint32_t id = FeatureId("e:name" + std::to_string(i));
    EXPECT_LT(id, kFeatureIds);
    ids.insert(id);
  }
  // About n^2 / 2^24 = 24 pairs share an id when the hash spreads them evenly.
  EXPECT_GT(ids.size(), kFeatures - 60u);
}

TEST(FeatureHashingTest, BackgroundCountsAddUnderTheFeaturesIds) {
  HashedDocumentFrequencies counts;
  std::istringstream background("documents\t100\nw:quak\t4\ne:peru\t1\n");
  counts.AddBackground(background);
  const uint32_t quake = FeatureId("w:quak");
  const std::vector<uint32_t> document = {quake, FeatureId("w:chala")};
  counts.CountDocument(document);
  EXPECT_EQ(counts.documents(), 101u);
  EXPECT_EQ(counts.DocumentFrequency(quake), 5u);
  EXPECT_EQ(counts.DocumentFrequency(FeatureId("e:peru")), 1u);
  EXPECT_EQ(counts.ids_used(), 3u);
  EXPECT_FLOAT_EQ(counts.Idf(quake), static_cast<float>(std::log1p(101.0 / 5)));
  // Never counted: as if seen once.
  EXPECT_FLOAT_EQ(counts.Idf(FeatureId("w:unseen")), static_cast<float>(std::log1p(101.0)));

  std::istringstream malformed("documents\t100\nw:quak four\n");
  EXPECT_THROW(counts.AddBackground(malformed), std::runtime_error);
}

TEST(FeatureHashingTest, SavedCountsLoadBack) {
  HashedDocumentFrequencies counts;
  std::istringstream background("documents\t7\nw:quak\t3\n");
  counts.AddBackground(background);
  const std::vector<uint32_t> document = {FeatureId("w:quak"), FeatureId("n:12")};
  counts.CountDocument(document);
  std::stringstream state;
  counts.Save(state);
  HashedDocumentFrequencies loaded;
  loaded.Load(state);
  EXPECT_EQ(loaded.documents(), 8u);
  EXPECT_EQ(loaded.ids_used(), 2u);
  EXPECT_EQ(loaded.DocumentFrequency(FeatureId("w:quak")), 4u);
  EXPECT_EQ(loaded.DocumentFrequency(FeatureId("n:12")), 1u);

  std::stringstream saved;
  counts.Save(saved);
  std::istringstream truncated(saved.str().substr(0, saved.str().size() - 3));
  EXPECT_THROW(loaded.Load(truncated), std::runtime_error);
}

TEST(PostingTableTest, ListsKeepTheLatestIdsOldestFirst) {
  PostingTable table(3);
  const uint32_t list = PostingTable::ListOf(FeatureId("e:arequipa"));
  ASSERT_LT(list, PostingTable::kLists);
  for (const int32_t id : {1, 2, 3}) EXPECT_EQ(table.Append(list, id), 0);
  EXPECT_EQ(table.Append(list, 4), 1);  // full: the oldest makes room
  EXPECT_EQ(std::vector<int32_t>(table.List(list).begin(), table.List(list).end()),
            (std::vector<int32_t>{2, 3, 4}));
  EXPECT_EQ(table.EraseIf(list, [](int32_t id) { return id == 3; }), 1u);
  EXPECT_EQ(std::vector<int32_t>(table.List(list).begin(), table.List(list).end()),
            (std::vector<int32_t>{2, 4}));
  EXPECT_TRUE(table.List((list + 1) % PostingTable::kLists).empty());
  EXPECT_THROW(PostingTable(0), std::invalid_argument);
}

}  // namespace
}  // namespace storyline
