#include "extract/descriptor_organizations.h"

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

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions = {}) {
  static const PosTagger tagger =
      PosTagger::Load(std::filesystem::path(STORYLINE_SOURCE_DIR) / "models" / "pos.model");
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.Add("Valdorian", CategoryBit(GazetteerCategory::kDemonym));
    g.Add("Director", CategoryBit(GazetteerCategory::kTitle));
    return g;
  }();
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  TagDescriptorOrganizations(text, tokens, tags, gazetteer, mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.text + "/" + m.type);
  return out;
}

TEST(DescriptorOrganizationsTest, TheNameAfterAnOrganizationNounIsAnOrganization) {
  EXPECT_EQ(Tagged("Food came from the charity Harbor Bread Kitchen on Tuesday."),
            (std::vector<std::string>{"Harbor Bread Kitchen/ORG"}));
  const std::string text = "The militant group Red Dawn claimed the attack.";
  EXPECT_EQ(Tagged(text, {Mention(text, "Red Dawn", "PERSON")}),
            (std::vector<std::string>{"Red Dawn/ORG"}));
}

TEST(DescriptorOrganizationsTest, SuchAsAndADemonymBeforeTheName) {
  EXPECT_EQ(Tagged("It faces threats from armed groups such as Valdorian Red Dawn, he said."),
            (std::vector<std::string>{"Red Dawn/ORG"}));
}

TEST(DescriptorOrganizationsTest, TitlesDatesAndLongerNamesAreLeftAlone) {
  EXPECT_EQ(Tagged("The agency Director Mara Quill resigned."), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("The group Monday said it would return."), (std::vector<std::string>{}));
  const std::string text = "The company Harbor Bread Kitchen Holdings grew.";
  EXPECT_EQ(Tagged(text, {Mention(text, "company Harbor Bread Kitchen Holdings", "ORG")}),
            (std::vector<std::string>{"company Harbor Bread Kitchen Holdings/ORG"}));
}

}  // namespace
}  // namespace storyline
