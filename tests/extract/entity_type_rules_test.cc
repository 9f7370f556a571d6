#include "extract/entities/entity_type_rules.h"

#include <gtest/gtest.h>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Described(const std::string& text, std::vector<EntityMention> mentions) {
  ApplyEntityTypeRules(text, Tokenizer().Tokenize(text), mentions);
  return testing::TextsAndTypes(mentions);
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

TEST(EntityTypeRulesTest, APersonNamedForAnInstitutionIsAnOrganization) {
  const std::string text =
      "Penn State beat Ohio University, and Grace Foundation staff cheered; Ann State-Smith "
      "and Jane Stateman did not.";
  EXPECT_EQ(
      Described(
          text,
          {Mention(text, "Penn State", "PERSON"), Mention(text, "Ohio University", "PERSON"),
           Mention(text, "Grace Foundation", "PERSON"), Mention(text, "Ann State-Smith", "PERSON"),
           Mention(text, "Jane Stateman", "PERSON")}),
      (std::vector<std::string>{"Penn State/ORG", "Ohio University/ORG", "Grace Foundation/ORG",
                                "Ann State-Smith/PERSON", "Jane Stateman/PERSON"}));
}

TEST(EntityTypeRulesTest, ABrandSpellingIsNoPerson) {
  const std::string text =
      "GiveWell and SoftBank met McDonald, MacArthur, DeSantis, FitzGerald, LeBron and "
      "@MattBevin.";
  EXPECT_EQ(
      Described(text, {Mention(text, "GiveWell", "PERSON"), Mention(text, "SoftBank", "PERSON"),
                       Mention(text, "McDonald", "PERSON"), Mention(text, "MacArthur", "PERSON"),
                       Mention(text, "DeSantis", "PERSON"), Mention(text, "FitzGerald", "PERSON"),
                       Mention(text, "LeBron", "PERSON"), Mention(text, "MattBevin", "PERSON")}),
      (std::vector<std::string>{"GiveWell/ORG", "SoftBank/ORG", "McDonald/PERSON",
                                "MacArthur/PERSON", "DeSantis/PERSON", "FitzGerald/PERSON",
                                "LeBron/PERSON", "MattBevin/PERSON"}));
}

}  // namespace
}  // namespace storyline
