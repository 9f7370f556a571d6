#include "extract/entities/defined_acronyms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions) {
  TagDefinedAcronyms(text, Tokenizer().Tokenize(text), mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(DefinedAcronymsTest, BracketedInitialsOfANameAreThatNamesMention) {
  const std::string text = "Troops of the Valdoria Defense Forces (VDF) moved north.";
  EXPECT_EQ(Tagged(text, {Mention(text, "Valdoria Defense Forces", "ORG")}),
            (std::vector<std::string>{"Valdoria Defense Forces/ORG", "VDF/ORG"}));
}

TEST(DefinedAcronymsTest, OtherBracketsAreLeftAlone) {
  const std::string text = "The Valdoria Defense Forces (VBC) and the Port Authority (AP) met.";
  EXPECT_EQ(Tagged(text, {Mention(text, "Valdoria Defense Forces", "ORG"),
                          Mention(text, "Port Authority", "ORG")}),
            (std::vector<std::string>{"Valdoria Defense Forces/ORG", "Port Authority/ORG"}));
}

}  // namespace
}  // namespace storyline
