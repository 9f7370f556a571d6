// Duplicate fingerprints: normalization, MinHash estimates and LSH band keys.
#include "story/near_duplicate.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

constexpr const char* kStory =
    "Negotiators from both sides met for six hours on Tuesday at the United Nations office and "
    "agreed on a framework for a temporary truce, according to two officials briefed on the "
    "talks. The framework would pause fighting for four weeks, allow aid convoys through the "
    "northern crossing and start an exchange of detainees in stages.";

int SharedBands(const DuplicateFingerprint& a, const DuplicateFingerprint& b) {
  int shared = 0;
  for (int i = 0; i < kLshBands; ++i) shared += a.band_keys[i] == b.band_keys[i];
  return shared;
}

TEST(NearDuplicate, NormalizationIgnoresCaseAccentsPunctuationAndLayout) {
  EXPECT_EQ(NormalizeForDuplicates("  Café\tSTRIKE — in   Gaza!\n"), "cafe strike in gaza");
  EXPECT_EQ(NormalizeForDuplicates("ﬁve, 10%"), "five 10");  // NFKC ligature
  EXPECT_EQ(NormalizeForDuplicates("a\xff"
                                   "b"),
            "a b");  // invalid byte separates
  EXPECT_EQ(NormalizeForDuplicates("— ... —"), "");
}

TEST(NearDuplicate, IdenticalNormalizedTextsShareTheExactHash) {
  const auto a = FingerprintText(kStory);
  std::string shouted;
  for (char c : std::string(kStory)) shouted += static_cast<char>(toupper(c));
  const auto b = FingerprintText(shouted);
  EXPECT_EQ(a.normalized_hash, b.normalized_hash);
  EXPECT_EQ(EstimateJaccard(a.signature, b.signature), 1.0);
  EXPECT_EQ(SharedBands(a, b), kLshBands);
}

TEST(NearDuplicate, LightlyEditedCopyIsNearAndSharesBands) {
  std::string edited = std::string("GENEVA (AP) — ") + kStory + " Follow our live coverage.";
  edited.replace(edited.find("six hours"), 9, "seven hours");
  const auto a = FingerprintText(kStory);
  const auto b = FingerprintText(edited);
  EXPECT_NE(a.normalized_hash, b.normalized_hash);
  EXPECT_GE(EstimateJaccard(a.signature, b.signature), kNearDuplicateJaccard);
  EXPECT_GT(SharedBands(a, b), 0);
}

TEST(NearDuplicate, DifferentArticleOnTheSameStoryIsNotNear) {
  const auto a = FingerprintText(kStory);
  const auto b = FingerprintText(
      "Officials said on Wednesday that a framework for a truce was agreed after talks at the "
      "United Nations, though the pause in fighting and the exchange of detainees still depend "
      "on aid convoys being allowed through the northern crossing for four weeks.");
  EXPECT_LT(EstimateJaccard(a.signature, b.signature), 0.1);
}

TEST(NearDuplicate, EmptyTextHasNoSignature) {
  EXPECT_FALSE(FingerprintText("").has_signature);
  EXPECT_FALSE(FingerprintText(" -- ").has_signature);
  EXPECT_TRUE(FingerprintText("one").has_signature);
}

}  // namespace
}  // namespace storyline
