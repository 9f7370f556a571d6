#include "extract/entities/page_furniture.h"

#include <gtest/gtest.h>

#include "mention_test_support.h"

namespace storyline {
namespace {

using testing::Mention;
using testing::TextsAndTypes;

TEST(PageFurniture, ButtonsAndBylinesAreNoNames) {
  const std::string text =
      "Skip Ad Ad\nBuy Photo Police said Jane Roe was hurt.\nPosted by Staff\nShare this\n"
      "Read More\nAdvertisement\nReuters reported it.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Skip Ad Ad", "PERSON"), Mention(text, "Buy Photo Police", "ORG"),
      Mention(text, "Jane Roe", "PERSON"),   Mention(text, "Posted", "PERSON"),
      Mention(text, "Share", "ORG"),         Mention(text, "Read More", "PERSON"),
      Mention(text, "Advertisement", "ORG"), Mention(text, "Reuters", "ORG")};
  DropPageFurniture(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Jane Roe/PERSON", "Reuters/ORG"}));
}

TEST(PageFurniture, NamesWithAFurnitureWordStay) {
  const std::string text =
      "Thomas More read it to Glenn Close. Human Rights Watch and Science Photo Library "
      "agreed, and Share Ltd sold.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Thomas More", "PERSON"), Mention(text, "Glenn Close", "PERSON"),
      Mention(text, "Human Rights Watch", "ORG"), Mention(text, "Science Photo Library", "ORG"),
      Mention(text, "Share Ltd", "ORG")};
  DropPageFurniture(text, mentions);
  EXPECT_EQ(mentions.size(), 5u);
}

}  // namespace
}  // namespace storyline
