#include "extract/entities/descriptor_organizations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions = {}) {
  const PosTagger& tagger = testing::CommittedTagger();
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
  return testing::TextsAndTypes(mentions);
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
