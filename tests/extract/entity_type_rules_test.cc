#include "extract/entities/entity_type_rules.h"

#include <gtest/gtest.h>

#include "extract/entities/contradicted_people.h"
#include "extract/entities/entity_type_votes.h"
#include "extract/entities/product_names.h"
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

TEST(EntityTypeRulesTest, ACompanysLastWordMakesAPlaceOrAPersonTheCompany) {
  const std::string text =
      "Pankaj Pandey of ICICI Securities and Rusmik Oza of GateHouse Media met at Northwell "
      "Health in Media, Pennsylvania.";
  EXPECT_EQ(Described(text, {Mention(text, "Pankaj Pandey", "PERSON"),
                             Mention(text, "ICICI Securities", "PLACE"),
                             Mention(text, "Rusmik Oza", "PERSON"),
                             Mention(text, "GateHouse Media", "PERSON"),
                             Mention(text, "Northwell Health", "PLACE"),
                             Mention(text, "Media, Pennsylvania", "PLACE")}),
            (std::vector<std::string>{"Pankaj Pandey/PERSON", "ICICI Securities/ORG",
                                      "Rusmik Oza/PERSON", "GateHouse Media/ORG",
                                      "Northwell Health/ORG", "Media, Pennsylvania/PLACE"}));
}

EntityMention Linked(const std::string& text, const std::string& words, std::string type,
                     std::string entity, std::string name = "", size_t from = 0) {
  EntityMention m = Mention(text, words, std::move(type));
  const auto at = static_cast<uint32_t>(text.find(words, from));
  m.span = {at, at + static_cast<uint32_t>(words.size())};
  m.entity = std::move(entity);
  m.name = name.empty() ? words : std::move(name);
  return m;
}

// A few names of the committed gazetteer's kinds.
const Gazetteer& SmallGazetteer() {
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.Add("Stockton", CategoryBit(GazetteerCategory::kCity));
    g.Add("Bush", CategoryBit(GazetteerCategory::kPerson));
    return g;
  }();
  return gazetteer;
}

TEST(EntityTypeVotesTest, ALoneWordTakesTheTypeItsEntityIsNamedWith) {
  const std::string text =
      "The deal was backed by the Carlyle Group. Carlyle held a stake. Thieves hit central "
      "Paris. Paris has seen heists before.";
  std::vector<EntityMention> mentions = {
      Linked(text, "Carlyle Group", "ORG", "carlyle-group"),
      Linked(text, "Carlyle", "PERSON", "carlyle", "Carlyle", 40),
      Linked(text, "Paris", "PLACE", "paris"), Linked(text, "Paris", "PERSON", "paris", "", 90)};
  VoteEntityTypes(SmallGazetteer(), mentions);
  EXPECT_EQ(
      testing::TextsAndTypes(mentions),
      (std::vector<std::string>{"Carlyle Group/ORG", "Carlyle/ORG", "Paris/PLACE", "Paris/PLACE"}));
}

TEST(EntityTypeVotesTest, APlaceOrAPersonBeforeAnOrganizationsHeadIsNoCompany) {
  const std::string text =
      "The Stockton Police Department said Stockton was quiet; the Thune Campaign said Thune "
      "won, and the Gore administration said Gore left.";
  std::vector<EntityMention> mentions = {
      Linked(text, "Stockton Police Department", "ORG", "stockton-police-department"),
      Linked(text, "Stockton", "PERSON", "stockton", "", 40),
      Linked(text, "Thune Campaign", "ORG", "thune-campaign"),
      Linked(text, "Thune", "PERSON", "thune", "", 80),
      Linked(text, "Gore administration", "ORG", "gore-administration"),
      Linked(text, "Gore", "PERSON", "gore", "", 120)};
  VoteEntityTypes(SmallGazetteer(), mentions);
  EXPECT_EQ(testing::TextsAndTypes(mentions),
            (std::vector<std::string>{"Stockton Police Department/ORG", "Stockton/PERSON",
                                      "Thune Campaign/ORG", "Thune/PERSON",
                                      "Gore administration/ORG", "Gore/PERSON"}));
}

TEST(EntityTypeVotesTest, APersonNamedInFullOrTitledKeepsTheType) {
  const std::string text = "Michael Jordan flew to Jordan. Jordan scored. Mr. Ford left Ford.";
  EntityMention titled = Linked(text, "Ford", "PERSON", "ford", "Ford");
  titled.title = "Mr.";
  std::vector<EntityMention> mentions = {Linked(text, "Michael Jordan", "PERSON", "michael-jordan"),
                                         Linked(text, "Jordan", "PLACE", "jordan", "", 20),
                                         Linked(text, "Jordan", "PERSON", "jordan", "", 31), titled,
                                         Linked(text, "Ford", "ORG", "ford", "", 60)};
  VoteEntityTypes(SmallGazetteer(), mentions);
  EXPECT_EQ(testing::TextsAndTypes(mentions),
            (std::vector<std::string>{"Michael Jordan/PERSON", "Jordan/PLACE", "Jordan/PERSON",
                                      "Ford/PERSON", "Ford/ORG"}));
}

TEST(EntityTypeVotesTest, APlaceReadingOfAnOrganizationNamedSoTwiceIsTheOrganization) {
  const std::string text =
      "Airbus cut jobs. Airbus sold plants to Airbus partners. Stockton police said "
      "Stockton police saw Stockton calm. Chapel Hill, N.C. beat Stockton and Stockton.";
  std::vector<EntityMention> mentions = {Linked(text, "Airbus", "ORG", "airbus"),
                                         Linked(text, "Airbus", "ORG", "airbus", "", 10),
                                         Linked(text, "Airbus", "PLACE", "airbus", "", 30),
                                         Linked(text, "Stockton", "ORG", "stockton"),
                                         Linked(text, "Stockton", "ORG", "stockton", "", 70),
                                         Linked(text, "Stockton", "PLACE", "stockton", "", 90),
                                         Linked(text, "N.C.", "PLACE", "stockton", "Stockton")};
  VoteEntityTypes(SmallGazetteer(), mentions);
  EXPECT_EQ(testing::TextsAndTypes(mentions),
            (std::vector<std::string>{"Airbus/ORG", "Airbus/ORG", "Airbus/ORG", "Stockton/ORG",
                                      "Stockton/ORG", "Stockton/PLACE", "N.C./PLACE"}));
}

std::vector<std::string> Uncontradicted(const std::string& text,
                                        std::vector<EntityMention> mentions) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  testing::CommittedTagger().Tag(text, tokens, tags);
  DropContradictedPeople(text, tokens, tags, SmallGazetteer(), mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(ContradictedPeopleTest, NoPersonTakesTheArticle) {
  const std::string text =
      "The Wild won over the Sabres as the Taliban met Hans, and The Verge's review of the Mac "
      "came out. Taliban fighters left.";
  std::vector<EntityMention> mentions = {Linked(text, "Wild", "PERSON", "wild"),
                                         Linked(text, "Sabres", "PERSON", "sabres"),
                                         Linked(text, "Taliban", "PERSON", "taliban"),
                                         Linked(text, "Hans", "PERSON", "hans"),
                                         Linked(text, "Verge", "PERSON", "verge"),
                                         Linked(text, "Mac", "PERSON", "mac"),
                                         Linked(text, "Taliban", "PERSON", "taliban", "", 90)};
  // A plural is a people or a team, left alone; "Taliban" goes wherever it is read, the
  // article writing it as no modifier.
  EXPECT_EQ(Uncontradicted(text, mentions),
            (std::vector<std::string>{"Sabres/PERSON", "Hans/PERSON"}));
}

TEST(ContradictedPeopleTest, AModifierAFullNameOrATitleVouchForThePerson) {
  const std::string text =
      "The Obama administration and the Bush-era rule; the Trump campaign said the Felt "
      "story, told by Mark Felt, ended as the Rev said. The Bush move came. Under the Nixon "
      "and Ford administrations, the Carter era ended.";
  EntityMention rev = Linked(text, "Rev", "PERSON", "rev");
  rev.title = "the";
  std::vector<EntityMention> mentions = {
      Linked(text, "Obama", "PERSON", "obama"),         Linked(text, "Bush", "PERSON", "bush"),
      Linked(text, "Trump", "PERSON", "trump"),         Linked(text, "Felt", "PERSON", "mark-felt"),
      Linked(text, "Mark Felt", "PERSON", "mark-felt"), rev,
      Linked(text, "Bush", "PERSON", "bush", "", 110),  Linked(text, "Nixon", "PERSON", "nixon"),
      Linked(text, "Carter", "PERSON", "carter")};
  // "Bush" is a well-known person's name; "Nixon and" and "Carter era" modify.
  EXPECT_EQ(Uncontradicted(text, mentions),
            (std::vector<std::string>{"Obama/PERSON", "Bush/PERSON", "Trump/PERSON", "Felt/PERSON",
                                      "Mark Felt/PERSON", "Rev/PERSON", "Bush/PERSON",
                                      "Nixon/PERSON", "Carter/PERSON"}));
}

TEST(ContradictedPeopleTest, WhichIsSaidOfNoPerson) {
  const std::string text =
      "Clarke had 10 rebounds for Drake, which reached the final, in the district of "
      "Stockton, which is home to Bush, which nobody says.";
  std::vector<EntityMention> mentions = {
      Linked(text, "Clarke", "PERSON", "clarke"), Linked(text, "Drake", "PERSON", "drake"),
      Linked(text, "Stockton", "PERSON", "stockton"), Linked(text, "Bush", "PERSON", "bush")};
  EXPECT_EQ(Uncontradicted(text, mentions),
            (std::vector<std::string>{"Clarke/PERSON", "Stockton/PLACE"}));
}

TEST(ContradictedPeopleTest, CodesJoinedByAHyphenAreNoPeople) {
  const std::string text =
      "Sen. Ted Cruz, R-Texas, spoke of US-China talks on T-Mobile; Jean-Luc left.";
  std::vector<EntityMention> mentions = {Linked(text, "R-Texas", "PERSON", "r-texas"),
                                         Linked(text, "US-China", "PERSON", "us-china"),
                                         Linked(text, "T-Mobile", "PERSON", "t-mobile"),
                                         Linked(text, "Jean-Luc", "PERSON", "jean-luc")};
  EXPECT_EQ(Uncontradicted(text, mentions), (std::vector<std::string>{"Jean-Luc/PERSON"}));
}

TEST(ProductNamesTest, ATierWordOrASizeNamesAProduct) {
  const std::string text =
      "Apple sells the 16-inch MacBook Pro, the Mac Pro and a MacBook; DJI makes the Mavic "
      "Mini, and the 13-inch Surface sold well.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Apple", "ORG"),   Mention(text, "MacBook Pro", "ORG"),
      Mention(text, "Mac Pro", "ORG"), Mention(text, "MacBook", "PERSON"),
      Mention(text, "DJI", "ORG"),     Mention(text, "Mavic Mini", "PERSON"),
      Mention(text, "Surface", "ORG")};
  mentions[3].span.start = static_cast<uint32_t>(text.find("MacBook;"));
  mentions[3].span.end = mentions[3].span.start + 7;
  DropProductNames(text, mentions);
  EXPECT_EQ(testing::TextsAndTypes(mentions), (std::vector<std::string>{"Apple/ORG", "DJI/ORG"}));
}

TEST(ProductNamesTest, AirlinesBroadcastersAndPlacesKeepTheirNames) {
  const std::string text =
      "Norwegian Air and Canal Plus met in Pro Vercelli, near a Max Planck lab.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Norwegian Air", "ORG"), Mention(text, "Canal Plus", "ORG"),
      Mention(text, "Pro Vercelli", "PLACE"), Mention(text, "Max Planck", "ORG")};
  DropProductNames(text, mentions);
  EXPECT_EQ(testing::TextsAndTypes(mentions),
            (std::vector<std::string>{"Norwegian Air/ORG", "Canal Plus/ORG", "Pro Vercelli/PLACE",
                                      "Max Planck/ORG"}));
}

}  // namespace
}  // namespace storyline
