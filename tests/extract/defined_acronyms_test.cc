#include "extract/defined_acronyms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

std::vector<std::string> Tagged(const std::string& text, std::vector<EntityMention> mentions) {
  TagDefinedAcronyms(text, Tokenizer().Tokenize(text), mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.text + "/" + m.type);
  return out;
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
