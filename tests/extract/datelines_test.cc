#include "extract/entities/datelines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

constexpr GazetteerCategories kCity = CategoryBit(GazetteerCategory::kCity);

const Gazetteer& Places() {
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.Add("Valdoria", CategoryBit(GazetteerCategory::kCountry));
    g.Add("Port Merrin", kCity);
    g.Add("Ostrava", kCity | CategoryBit(GazetteerCategory::kFirstName));
    return g;
  }();
  return gazetteer;
}

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions) {
  TagDatelines(text, Tokenizer().Tokenize(text), Places(), mentions);
  return testing::TextsAndTypes(mentions);
}

EntityMention Person(const std::string& text, const std::string& words) {
  EntityMention mention;
  const auto at = static_cast<uint32_t>(text.find(words));
  mention.span = {at, at + static_cast<uint32_t>(words.size())};
  mention.text = words;
  mention.type = "PERSON";
  return mention;
}

TEST(DatelinesTest, AnAllCapitalsPlaceOpeningALineBeforeADashIsAPlace) {
  const std::string text = "A photo caption.\nOSTRAVA—The council said on Friday it would meet.";
  EXPECT_EQ(Tagged(text, {Person(text, "OSTRAVA")}), (std::vector<std::string>{"OSTRAVA/PLACE"}));
  EXPECT_EQ(Tagged("PORT MERRIN (Wire) - Ships left the harbor.", {}),
            (std::vector<std::string>{"PORT MERRIN/PLACE"}));
}

TEST(DatelinesTest, TheRegionAfterTheCityIsAPlaceToo) {
  EXPECT_EQ(Tagged("PORT MERRIN, Valdoria (Wire) — Ships left the harbor.", {}),
            (std::vector<std::string>{"PORT MERRIN/PLACE", "Valdoria/PLACE"}));
}

TEST(DatelinesTest, OtherCapitalsAndOtherPositionsAreLeftAlone) {
  // Not a known place; not at a line's start; no dateline punctuation after it.
  EXPECT_EQ(Tagged("BREAKING — Ships left the harbor.", {}), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("They sailed to OSTRAVA — slowly.", {}), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("OSTRAVA IS CALLING, the banner read.", {}), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("OSTRAVA-based firms grew.", {}), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace storyline
