#include "extract/entities/place_contexts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

constexpr GazetteerCategories kCity = CategoryBit(GazetteerCategory::kCity);

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions = {}) {
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.Add("Port Merrin", kCity);
    g.Add("Kesh", kCity);
    g.Add("Ostrava", kCity | CategoryBit(GazetteerCategory::kFirstName));
    return g;
  }();
  TagPlacesInContext(text, Tokenizer().Tokenize(text), gazetteer, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(PlaceContextsTest, AKnownPlaceBeforeAPlaceNounOrAfterALocativeIsAPlace) {
  EXPECT_EQ(Tagged("Aid may come through the Kesh port next week."),
            (std::vector<std::string>{"Kesh/PLACE"}));
  EXPECT_EQ(Tagged("Ships waited outside the port of Port Merrin."),
            (std::vector<std::string>{"Port Merrin/PLACE"}));
  const std::string text = "Protesters gathered in Kesh on Sunday.";
  EXPECT_EQ(Tagged(text, {Mention(text, "Kesh", "PERSON")}),
            (std::vector<std::string>{"Kesh/PLACE"}));
}

TEST(PlaceContextsTest, NamesWithOtherReadingsOrContextsAreLeftAlone) {
  // "Ostrava" is also a first name; "to" takes people as often as places.
  EXPECT_EQ(Tagged("Protesters gathered in Ostrava on Sunday."), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("The minister spoke to Kesh about it."), (std::vector<std::string>{}));
  const std::string text = "Shares of Kesh Holdings fell in Kesh Bay.";
  EXPECT_EQ(
      Tagged(text, {Mention(text, "Kesh Holdings", "ORG"), Mention(text, "Kesh Bay", "PLACE")}),
      (std::vector<std::string>{"Kesh Holdings/ORG", "Kesh Bay/PLACE"}));
}

}  // namespace
}  // namespace storyline
