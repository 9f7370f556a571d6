#include "extract/entities/name_particles.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Joined(const std::string& text, std::vector<EntityMention> mentions) {
  const PosTagger& tagger = testing::CommittedTagger();
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  JoinNameParticles(text, tokens, tags, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(NameParticlesTest, APersonContinuesThroughParticles) {
  const std::string text = "Crown Prince Faisal bin Khalid Al Rashid met the envoy.";
  EXPECT_EQ(Joined(text, {Mention(text, "Faisal", "PERSON"), Mention(text, "Al Rashid", "PERSON")}),
            (std::vector<std::string>{"Faisal bin Khalid Al Rashid/PERSON"}));
  const std::string dutch = "The report by Pieter van der Berg was late.";
  EXPECT_EQ(Joined(dutch, {Mention(dutch, "Pieter", "PERSON")}),
            (std::vector<std::string>{"Pieter van der Berg/PERSON"}));
}

TEST(NameParticlesTest, AMissedNameWithAStrongParticleIsAPerson) {
  EXPECT_EQ(Joined("Later, Tariq al-Hassan from the foreign ministry spoke.", {}),
            (std::vector<std::string>{"Tariq al-Hassan/PERSON"}));
  EXPECT_EQ(Joined("Yesterday Khalid ibn Walid arrived.", {}),
            (std::vector<std::string>{"Khalid ibn Walid/PERSON"}));
}

TEST(NameParticlesTest, PlacesAndOtherNamesAreLeftAlone) {
  EXPECT_EQ(Joined("Strikes hit homes in Deir al-Balah overnight.", {}),
            (std::vector<std::string>{}));
  const std::string text = "Omar told Al Jazeera that talks failed.";
  EXPECT_EQ(Joined(text, {Mention(text, "Omar", "PERSON"), Mention(text, "Al Jazeera", "ORG")}),
            (std::vector<std::string>{"Omar/PERSON", "Al Jazeera/ORG"}));
  const std::string shop = "We bought bread from Ahmed al-Bakery Co.";
  EXPECT_EQ(Joined(shop, {Mention(shop, "Ahmed al-Bakery Co.", "ORG")}),
            (std::vector<std::string>{"Ahmed al-Bakery Co./ORG"}));
}

}  // namespace
}  // namespace storyline
