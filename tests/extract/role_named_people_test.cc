#include "extract/entities/role_named_people.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> People(const std::string& text, std::vector<EntityMention> mentions) {
  const PosTagger& tagger = testing::CommittedTagger();
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  TagRoleNamedPeople(text, tokens, tags, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(RoleNamedPeopleTest, ANameAfterARoleNounIsAPerson) {
  EXPECT_EQ(People("The talks were confirmed by senior union official Dara Okafor.", {}),
            (std::vector<std::string>{"Dara Okafor/PERSON"}));
  const std::string text = "Party spokesman Lars Eriksen told reporters the vote would wait.";
  EXPECT_EQ(People(text, {Mention(text, "Eriksen", "PERSON")}),
            (std::vector<std::string>{"Lars Eriksen/PERSON"}));
}

TEST(RoleNamedPeopleTest, ANameBeforeARoleAppositiveIsAPerson) {
  EXPECT_EQ(People("Dara Okafor, a senior union official, said the strike would go on.", {}),
            (std::vector<std::string>{"Dara Okafor/PERSON"}));
  EXPECT_EQ(People("Lars Eriksen, the party's deputy leader, resigned.", {}),
            (std::vector<std::string>{"Lars Eriksen/PERSON"}));
}

TEST(RoleNamedPeopleTest, OtherNamesAndOtherAppositivesAreLeftAlone) {
  const std::string text = "The minister Ruritania Defense Forces said, a official said.";
  EXPECT_EQ(People(text, {Mention(text, "Ruritania Defense Forces", "ORG")}),
            (std::vector<std::string>{"Ruritania Defense Forces/ORG"}));
  EXPECT_EQ(People("They flew to New Carthage, a city of ten thousand.", {}),
            (std::vector<std::string>{}));
  // A one-word name is the recognizer's to judge.
  EXPECT_EQ(People("A spokesman for Kirby declined to comment.", {}), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace storyline
