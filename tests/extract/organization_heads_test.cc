#include "extract/organization_heads.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

EntityMention Mention(const std::string& text, const std::string& words, std::string type) {
  EntityMention mention;
  const auto at = static_cast<uint32_t>(text.find(words));
  mention.span = {at, at + static_cast<uint32_t>(words.size())};
  mention.text = words;
  mention.type = std::move(type);
  return mention;
}

std::vector<std::string> Joined(const std::string& text, std::vector<EntityMention> mentions) {
  static const PosTagger tagger =
      PosTagger::Load(std::filesystem::path(STORYLINE_SOURCE_DIR) / "models" / "pos.model");
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  JoinOrganizationNames(text, tokens, tags, mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.text + "/" + m.type);
  return out;
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
