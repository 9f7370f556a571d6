#include "extract/entities/organization_heads.h"

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
  JoinOrganizationNames(text, tokens, tags, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(OrganizationHeadsTest, ASplitNameEndingInAHeadNounIsOneOrganization) {
  const std::string text = "Troops of the Ruritania Defense Forces crossed the river.";
  EXPECT_EQ(
      Joined(text, {Mention(text, "Ruritania", "PLACE"), Mention(text, "Defense Forces", "ORG")}),
      (std::vector<std::string>{"Ruritania Defense Forces/ORG"}));
  const std::string council = "The plan was backed by the United Nations Security Council.";
  EXPECT_EQ(Joined(council, {Mention(council, "United Nations", "ORG"),
                             Mention(council, "Security Council", "ORG")}),
            (std::vector<std::string>{"United Nations Security Council/ORG"}));
}

TEST(OrganizationHeadsTest, AMissedNameIsFound) {
  EXPECT_EQ(Joined("She won an award from the Vermont Press Association last year.", {}),
            (std::vector<std::string>{"Vermont Press Association/ORG"}));
}

TEST(OrganizationHeadsTest, TheRecognizersWholeReadingsStand) {
  const std::string text =
      "He spoke in the Oval Office about the Ruritania Defense Forces Command.";
  EXPECT_EQ(
      Joined(text, {Mention(text, "Oval Office", "PLACE"),
                    Mention(text, "Ruritania Defense Forces Command", "ORG")}),
      (std::vector<std::string>{"Oval Office/PLACE", "Ruritania Defense Forces Command/ORG"}));
  // A lone head noun, or one after common words, names nothing new.
  EXPECT_EQ(Joined("The Army said the council met.", {}), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace storyline
