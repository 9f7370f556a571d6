#include "extract/entities/mention_propagation.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace storyline {
namespace {

EntityMention Mention(const std::string& text, const std::string& words, std::string type,
                      size_t from = 0) {
  EntityMention mention;
  const auto at = static_cast<uint32_t>(text.find(words, from));
  mention.span = {at, at + static_cast<uint32_t>(words.size())};
  mention.text = words;
  mention.type = std::move(type);
  return mention;
}

std::vector<std::string> Propagated(const std::string& text, std::vector<EntityMention> mentions) {
  PropagateMentions(text, Tokenizer().Tokenize(text), mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) {
    out.push_back(std::to_string(m.span.start) + ":" + m.text + "/" + m.type);
  }
  return out;
}

TEST(MentionPropagationTest, SurnameAndRepeatedNamesGetTheArticlesReading) {
  const std::string text =
      "President Joe Biden spoke, Axios reported. Biden said the talks went well, he told Axios.";
  EXPECT_EQ(Propagated(text, {Mention(text, "Joe Biden", "PERSON"), Mention(text, "Axios", "ORG")}),
            (std::vector<std::string>{"10:Joe Biden/PERSON", "27:Axios/ORG", "43:Biden/PERSON",
                                      "83:Axios/ORG"}));
}

TEST(MentionPropagationTest, NamesInsideLongerNamesAndAmbiguousOnesAreLeftAlone) {
  const std::string text =
      "Denzel Washington visited Washington. The Washington Post wrote that Washington cheered.";
  // "Washington" is read both ways in the article, and inside "The Washington Post".
  EXPECT_EQ(Propagated(text, {Mention(text, "Denzel Washington", "PERSON"),
                              Mention(text, "Washington", "PLACE", 20)}),
            (std::vector<std::string>{"0:Denzel Washington/PERSON", "26:Washington/PLACE"}));
}

TEST(MentionPropagationTest, ASurnameAlsoReadAsAnOrganizationStaysThePersons) {
  const std::string text = "Marta Kowalczyk spoke. Kowalczyk has agreed. She said Kowalczyk left.";
  EXPECT_EQ(Propagated(text, {Mention(text, "Marta Kowalczyk", "PERSON"),
                              Mention(text, "Kowalczyk", "ORG", 20)}),
            (std::vector<std::string>{"0:Marta Kowalczyk/PERSON", "23:Kowalczyk/ORG",
                                      "54:Kowalczyk/PERSON"}));
}

TEST(MentionPropagationTest, LowerCaseWordsAreNotNames) {
  const std::string text = "Apple said the apple harvest was poor. Apple shares fell.";
  EXPECT_EQ(Propagated(text, {Mention(text, "Apple", "ORG")}),
            (std::vector<std::string>{"0:Apple/ORG", "39:Apple/ORG"}));
}

TEST(MentionPropagationTest, ASurnameAfterASentenceOpeningConjunctionStandsAlone) {
  const std::string text =
      "Prime Minister Maria Ostrova spoke. But Ostrova has refused. Then Ostrova left. "
      "The Ostrova Institute was closed.";
  EXPECT_EQ(Propagated(text, {Mention(text, "Maria Ostrova", "PERSON")}),
            (std::vector<std::string>{"15:Maria Ostrova/PERSON", "40:Ostrova/PERSON",
                                      "66:Ostrova/PERSON"}));
}

}  // namespace
}  // namespace storyline
