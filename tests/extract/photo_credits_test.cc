#include "extract/entities/photo_credits.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions = {}) {
  TagPhotoCredits(text, Tokenizer().Tokenize(text), mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(PhotoCreditsTest, PhotographerBeforeTheSlashIsAPerson) {
  const std::string text = "The minister speaks in Port Merrin. (Tomas Vrba/Lumen Pictures)\n";
  EXPECT_EQ(Tagged(text, {Mention(text, "Lumen Pictures", "ORG")}),
            (std::vector<std::string>{"Tomas Vrba/PERSON", "Lumen Pictures/ORG"}));
  EXPECT_EQ(Tagged("Crowds gathered.\nAnna Maria Sole/Wire\nThe talks resumed."),
            (std::vector<std::string>{"Anna Maria Sole/PERSON", "Wire/ORG"}));
}

TEST(PhotoCreditsTest, AgencyPhotoBeforeTheSlashPutsThePhotographerAfterIt) {
  EXPECT_EQ(Tagged("The ship docks. (Wire Photo/Tomas Vrba)"),
            (std::vector<std::string>{"Wire/ORG", "Tomas Vrba/PERSON"}));
}

TEST(PhotoCreditsTest, CreditWordsIntroduceThePhotographer) {
  EXPECT_EQ(Tagged("The ship docks. (Photo: Tomas Vrba)"),
            (std::vector<std::string>{"Tomas Vrba/PERSON"}));
  EXPECT_EQ(Tagged("Photo by Tomas Vrba/Wire\nThe ship docks."),
            (std::vector<std::string>{"Tomas Vrba/PERSON", "Wire/ORG"}));
}

TEST(PhotoCreditsTest, SlashesInRunningTextAreNoCredit) {
  EXPECT_EQ(Tagged("The Tomas Vrba/Lumen Pictures deal was signed on Monday."),
            (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("Voters (Valdoria/Ostrava) disagreed."), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace storyline
