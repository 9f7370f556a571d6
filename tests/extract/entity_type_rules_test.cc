#include "extract/entity_type_rules.h"

#include <gtest/gtest.h>

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

std::vector<std::string> Described(const std::string& text, std::vector<EntityMention> mentions) {
  ApplyEntityTypeRules(text, Tokenizer().Tokenize(text), mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.text + "/" + m.type);
  return out;
}

TEST(EntityTypeRulesTest, SeatsOfPowerAreTheInstitutions) {
  const std::string text = "The White House said the Kremlin had called, speaking at the Pentagon.";
  EXPECT_EQ(
      Described(text, {Mention(text, "White House", "PLACE"), Mention(text, "Kremlin", "PLACE"),
                       Mention(text, "Pentagon", "PLACE")}),
      (std::vector<std::string>{"White House/ORG", "Kremlin/ORG", "Pentagon/ORG"}));
}

TEST(EntityTypeRulesTest, CorridorsArePlacesAndTheLowerCaseWordJoinsTheName) {
  const std::string text =
      "Troops stay in the Philadelphi Corridor and the Netzarim corridor; the Philadelphi "
      "corridor runs along the border.";
  const size_t second = text.find("Philadelphi", 30);
  EntityMention philadelphi;
  philadelphi.span = {static_cast<uint32_t>(second), static_cast<uint32_t>(second + 11)};
  philadelphi.text = "Philadelphi";
  philadelphi.type = "ORG";
  EXPECT_EQ(Described(text, {Mention(text, "Philadelphi Corridor", "ORG"), philadelphi}),
            (std::vector<std::string>{"Philadelphi Corridor/PLACE", "Netzarim corridor/PLACE",
                                      "Philadelphi corridor/PLACE"}));
}

TEST(EntityTypeRulesTest, AnArticleBeforeTheCorridorIsNotPartOfItsName) {
  const std::string text = "The Netzarim corridor divides Gaza.";
  EXPECT_EQ(Described(text, {Mention(text, "Gaza", "PLACE")}),
            (std::vector<std::string>{"Netzarim corridor/PLACE", "Gaza/PLACE"}));
}

TEST(EntityTypeRulesTest, OtherNamesAndLowerCaseCorridorsAreLeftAlone) {
  const std::string text =
      "A corridor opened. A humanitarian corridor runs near the Rafah crossing in Gaza.";
  EXPECT_EQ(Described(text, {Mention(text, "Rafah", "PLACE"), Mention(text, "Gaza", "PLACE")}),
            (std::vector<std::string>{"Rafah/PLACE", "Gaza/PLACE"}));
}

}  // namespace
}  // namespace storyline
