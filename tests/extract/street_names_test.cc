#include "extract/entities/street_names.h"

#include <gtest/gtest.h>

#include "mention_test_support.h"

namespace storyline {
namespace {

using testing::Mention;
using testing::TextsAndTypes;

TEST(StreetNames, RoadsArePlacesWhateverTheRecognizerSaid) {
  const std::string text =
      "A crash on I-45 near Main Street closed the Northwest Freeway and Route 66 for hours.";
  std::vector<EntityMention> mentions = {
      Mention(text, "I-45", "ORG"), Mention(text, "Main Street", "PERSON"),
      Mention(text, "Northwest Freeway", "ORG"), Mention(text, "Route 66", "ORG")};
  TagStreetNames(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"I-45/PLACE", "Main Street/PLACE", "Northwest Freeway/PLACE",
                                      "Route 66/PLACE"}));
}

TEST(StreetNames, AWordThatEndsOtherNamesTooNeedsAnAddress) {
  const std::string text =
      "Police found him in the 300 block of Elm Court. Officers went to Oak Drive, where Nathan "
      "Lane and Margaret Court had seen the Supreme Court files on Google Drive.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Elm Court", "PERSON"),   Mention(text, "Oak Drive", "PERSON"),
      Mention(text, "Nathan Lane", "PERSON"), Mention(text, "Margaret Court", "PERSON"),
      Mention(text, "Supreme Court", "ORG"),  Mention(text, "Google Drive", "ORG")};
  TagStreetNames(text, mentions);
  EXPECT_EQ(
      TextsAndTypes(mentions),
      (std::vector<std::string>{"Elm Court/PLACE", "Oak Drive/PLACE", "Nathan Lane/PERSON",
                                "Margaret Court/PERSON", "Supreme Court/ORG", "Google Drive/ORG"}));
}

TEST(StreetNames, ARoadReadAsAnOrganizationAfterOn) {
  const std::string text =
      "The suspect lived on Elm Court and fled along Birch Lane. He appeared at Crown Court "
      "and saved files on Google Drive.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Elm Court", "ORG"), Mention(text, "Birch Lane", "ORG"),
      Mention(text, "Crown Court", "ORG"), Mention(text, "Google Drive", "ORG")};
  TagStreetNames(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"Elm Court/PLACE", "Birch Lane/PLACE", "Crown Court/ORG",
                                      "Google Drive/ORG"}));
}

TEST(StreetNames, NumberedRoads) {
  EXPECT_TRUE(IsNumberedRoad("I-45"));
  EXPECT_TRUE(IsNumberedRoad("US 59"));
  EXPECT_TRUE(IsNumberedRoad("Interstate 10"));
  EXPECT_TRUE(IsNumberedRoad("State Route 7A"));
  EXPECT_FALSE(IsNumberedRoad("F-35"));
  EXPECT_FALSE(IsNumberedRoad("Apollo 11"));
  EXPECT_FALSE(IsNumberedRoad("I-"));
}

}  // namespace
}  // namespace storyline
