#include "extract/entities/storm_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"

namespace storyline {
namespace {

using testing::Mention;
using testing::TextsAndTypes;

// The recognizer missed "Katrina" after "Hurricane" and tagged the later one.
TEST(StormNames, TheStormsNameIsNoneOfPersonOrgPlace) {
  const std::string text =
      "Hurricane Katrina killed 1,800 people. Later, Katrina flooded New Orleans, and "
      "Typhoon Haiyan hit Tacloban.";
  const size_t later = text.find("Katrina", 20);
  EntityMention second = Mention(text, "Katrina", "PLACE");
  second.span = {static_cast<uint32_t>(later), static_cast<uint32_t>(later + 7)};
  std::vector<EntityMention> mentions = {second, Mention(text, "New Orleans", "PLACE"),
                                         Mention(text, "Haiyan", "PERSON"),
                                         Mention(text, "Tacloban", "PLACE")};
  DropStormNames(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"New Orleans/PLACE", "Tacloban/PLACE"}));
}

TEST(StormNames, NamesWithoutAStormWordStay) {
  const std::string text =
      "Katrina Smith gave to the Hurricane Katrina Relief Fund, and Maria said so.";
  std::vector<EntityMention> mentions = {Mention(text, "Katrina Smith", "PERSON"),
                                         Mention(text, "Hurricane Katrina Relief Fund", "ORG"),
                                         Mention(text, "Maria", "PERSON")};
  DropStormNames(text, mentions);
  EXPECT_EQ(mentions.size(), 3u);
}

// Both the storm word and the name must be whole words: "Superstorm Sandy" names a storm,
// the "Storm" inside it does not, nor does "Hurricane Katrinaville" make "Katrina" one.
TEST(StormNames, TheStormWordAndTheNameAreWholeWords) {
  const std::string text =
      "Superstorm Sandy hit. A Hurricane Katrinaville resident, Katrina, and TheStorm Maria "
      "fan Maria said Sandy was worse.";
  const size_t later = text.find("Maria", text.find("fan"));
  EntityMention fan = Mention(text, "Maria", "PERSON");
  fan.span = {static_cast<uint32_t>(later), static_cast<uint32_t>(later + 5)};
  std::vector<EntityMention> mentions = {Mention(text, "Sandy", "PERSON"),
                                         Mention(text, "Katrina", "PERSON"), fan};
  DropStormNames(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Katrina/PERSON", "Maria/PERSON"}));
}

}  // namespace
}  // namespace storyline
