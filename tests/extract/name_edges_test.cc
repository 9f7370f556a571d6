#include "extract/entities/name_edges.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

std::vector<std::string> Repaired(const std::string& text, std::vector<EntityMention> mentions) {
  RepairNameEdges(text, Tokenizer().Tokenize(text), mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(NameEdgesTest, ANameNeverEndsInAConnective) {
  const std::string text = "Montour scored for the Sabres and Linus Ullmark stopped 22 shots.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Sabres and", "ORG")}),
            (std::vector<std::string>{"Sabres/ORG"}));
  const std::string lead = "Fans of Arsenal and Chelsea met.";
  EXPECT_EQ(Repaired(lead, {Mention(lead, "and Chelsea", "ORG")}),
            (std::vector<std::string>{"Chelsea/ORG"}));
}

TEST(NameEdgesTest, APieceOfALongerNameIsDropped) {
  const std::string text = "The deaths of former House of Representatives Speaker Ben Ola.";
  EXPECT_EQ(Repaired(text, {Mention(text, "House of", "ORG"), Mention(text, "Ben Ola", "PERSON")}),
            (std::vector<std::string>{"Ben Ola/PERSON"}));
  // Before a lower-case word the connective was only run into: the name stays.
  const std::string trailing = "They met the Bank of officials.";
  EXPECT_EQ(Repaired(trailing, {Mention(trailing, "Bank of", "ORG")}),
            (std::vector<std::string>{"Bank/ORG"}));
}

TEST(NameEdgesTest, TwoPeopleJoinedByAndAreTwoPeople) {
  const std::string text = "Prosecutors said Noel and Thomas were the only officers there.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Noel and Thomas", "PERSON")}),
            (std::vector<std::string>{"Noel/PERSON", "Thomas/PERSON"}));
  // Organizations and places keep their connectives.
  const std::string org = "Procter and Gamble and Bosnia and Herzegovina signed.";
  EXPECT_EQ(Repaired(org, {Mention(org, "Procter and Gamble", "ORG"),
                           Mention(org, "Bosnia and Herzegovina", "PLACE")}),
            (std::vector<std::string>{"Procter and Gamble/ORG", "Bosnia and Herzegovina/PLACE"}));
}

TEST(NameEdgesTest, WeekdaysPossessivesAndStreetWordsAreNoPartOfAName) {
  const std::string text =
      "A teen was killed in Waterbury Saturday near 709 Gordon Smith Boulevard.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Waterbury Saturday", "PLACE"),
                            Mention(text, "Boulevard", "PERSON")}),
            (std::vector<std::string>{"Waterbury/PLACE"}));
  const std::string unit = "Call the County Police Department's Homicide Unit.";
  EXPECT_EQ(Repaired(unit, {Mention(unit, "County Police Department", "ORG"),
                            Mention(unit, "'s Homicide", "ORG")}),
            (std::vector<std::string>{"County Police Department/ORG"}));
}

TEST(NameEdgesTest, ALocalGovernmentsAreaIsAPlace) {
  const std::string text = "According to Henry County Prosecutor Joe Bergacs, a deputy looked in.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Henry County", "PERSON"),
                            Mention(text, "Joe Bergacs", "PERSON")}),
            (std::vector<std::string>{"Henry County/PLACE", "Joe Bergacs/PERSON"}));
}

TEST(NameEdgesTest, APersonsNameHoldsNoNumber) {
  const std::string text = "Artemis 2 flies in 2022, and Pope Leo XIV and John Roe Jr. watch.";
  EXPECT_EQ(
      Repaired(text, {Mention(text, "Artemis 2", "PERSON"), Mention(text, "Leo XIV", "PERSON"),
                      Mention(text, "John Roe Jr.", "PERSON")}),
      (std::vector<std::string>{"Leo XIV/PERSON", "John Roe Jr./PERSON"}));
  // Other types may hold one ("Apollo 11" as a mission name is no person, but "Route 66"
  // or "Terminal 5" are places).
  EXPECT_EQ(Repaired(text, {Mention(text, "Artemis 2", "ORG")}),
            (std::vector<std::string>{"Artemis 2/ORG"}));
}

TEST(NameEdgesTest, ModelsCodesAndRanksAreNoNames) {
  const std::string text =
      "Qantas flies the A380 and a Boeing 787, patched MS08-078 in Q2 and took the No. 5 seed.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Qantas", "ORG"), Mention(text, "A380", "ORG"),
                            Mention(text, "Boeing 787", "ORG"), Mention(text, "MS08-078", "ORG"),
                            Mention(text, "Q2", "ORG"), Mention(text, "No. 5", "ORG")}),
            (std::vector<std::string>{"Qantas/ORG"}));
  // Units, roads and short numbers keep their numbers; so do places.
  const std::string units = "SEIU Local 1199 met G20 envoys on Highway 101 near Channel 4.";
  EXPECT_EQ(
      Repaired(units, {Mention(units, "SEIU Local 1199", "ORG"), Mention(units, "G20", "ORG"),
                       Mention(units, "Highway 101", "ORG"), Mention(units, "Channel 4", "ORG")}),
      (std::vector<std::string>{"SEIU Local 1199/ORG", "G20/ORG", "Highway 101/ORG",
                                "Channel 4/ORG"}));
}

TEST(NameEdgesTest, AnInstitutionsHeadAloneAfterAPossessiveIsAPiece) {
  const std::string text =
      "Ava was taken to Children's Hospital, and the State's Attorney's Office will decide.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Ava", "PERSON"), Mention(text, "Hospital", "PLACE"),
                            Mention(text, "Office", "ORG")}),
            (std::vector<std::string>{"Ava/PERSON"}));
  // Text rebuilt from tokens spaces the possessive off.
  const std::string spaced = "The Henry County Sheriff \xE2\x80\x99s Office was called.";
  EXPECT_EQ(Repaired(spaced,
                     {Mention(spaced, "Henry County", "PLACE"), Mention(spaced, "Office", "ORG")}),
            (std::vector<std::string>{"Henry County/PLACE"}));
  // A whole name after a possessive stays ("Chicago's Field Museum").
  const std::string whole = "They visited Chicago's Field Museum.";
  EXPECT_EQ(Repaired(whole, {Mention(whole, "Field Museum", "ORG")}),
            (std::vector<std::string>{"Field Museum/ORG"}));
}

TEST(NameEdgesTest, ACompanysSuffixAloneJoinsTheNameBeforeIt) {
  const std::string text =
      "Walt Disney Co. executive Kevin Mayer and Acme Corporation, Inc. met at Ltd. offices.";
  EXPECT_EQ(Repaired(text, {Mention(text, "Walt Disney", "PERSON"), Mention(text, "Co.", "PLACE"),
                            Mention(text, "Kevin Mayer", "PERSON"),
                            Mention(text, "Acme Corporation", "ORG"), Mention(text, "Inc.", "ORG"),
                            Mention(text, "Ltd.", "ORG")}),
            (std::vector<std::string>{"Walt Disney Co./ORG", "Kevin Mayer/PERSON",
                                      "Acme Corporation/ORG", "Inc./ORG"}));
}

}  // namespace
}  // namespace storyline
