#include "extract/links/corpus_entity_linker.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../support/test_paths.h"
#include "extract/links/entity_linker.h"

namespace storyline {
namespace {

// A mention as LinkEntitiesInArticle leaves it: `name` its article-local canonical name.
EntityMention Linked(std::string_view text, std::string_view name, std::string type) {
  EntityMention m;
  m.text = std::string(text);
  m.name = std::string(name);
  m.type = std::move(type);
  m.entity = EntitySlug(name);
  return m;
}

EntityMention Linked(std::string_view name, std::string type) { return Linked(name, name, type); }

// Links each article (its mentions) in order and returns every mention's id, article by
// article.
std::vector<std::vector<std::string>> LinkAll(CorpusEntityLinker& linker,
                                              std::vector<std::vector<EntityMention>> articles) {
  std::vector<std::vector<std::string>> ids;
  for (auto& mentions : articles) {
    linker.Link(mentions);
    ids.emplace_back();
    for (const EntityMention& m : mentions) ids.back().push_back(m.entity);
  }
  return ids;
}

TEST(CorpusEntityLinker, SurnameAloneTakesTheFullNameAnEarlierArticleOfItsContextGave) {
  CorpusEntityLinker linker;
  std::vector<EntityMention> first = {Linked("Joe Biden", "PERSON"), Linked("White House", "ORG")};
  linker.Link(first);
  std::vector<EntityMention> second = {Linked("Biden", "PERSON"), Linked("Mary Barra", "PERSON"),
                                       Linked("White House", "ORG")};
  linker.Link(second);
  EXPECT_EQ(second[0].entity, "joe-biden");
  EXPECT_EQ(second[0].name, "Joe Biden");
  EXPECT_EQ(second[0].text, "Biden");
  EXPECT_EQ(second[1].entity, "mary-barra");
}

TEST(CorpusEntityLinker, SurnameAloneInAnUnrelatedArticleKeepsItsOwnId) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(
      linker,
      {{Linked("Donavan Monroe", "PERSON"), Linked("Louisville", "ORG"), Linked("Big East", "ORG")},
       // A witness of a shooting: nothing in common with the basketball report.
       {Linked("Monroe", "PERSON"), Linked("San Diego Police Department", "ORG")},
       {Linked("Monroe", "PERSON"), Linked("Big East", "ORG")}});
  EXPECT_EQ(ids[1][0], "monroe");
  EXPECT_EQ(ids[2][0], "donavan-monroe");
}

TEST(CorpusEntityLinker, CommonOrganizationsAreNoSharedContext) {
  CorpusEntityLinker linker(EntityAliases::LoadNames(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models"));
  const auto ids = LinkAll(
      linker, {{Linked("Condoleezza Rice", "PERSON"), Linked("U.N.", "ORG"),
                Linked("Police", "ORG"), Linked("State Department", "ORG")},
               // Rice the grain: a harvest report that also names the UN and the police.
               {Linked("Rice", "PERSON"), Linked("United Nations", "ORG"), Linked("Police", "ORG")},
               {Linked("Rice", "PERSON"), Linked("State Department", "ORG")}});
  EXPECT_EQ(ids[1][0], "rice");
  EXPECT_EQ(ids[2][0], "condoleezza-rice");
}

TEST(CorpusEntityLinker, CountryActingIsNoSharedContext) {
  CorpusEntityLinker linker;
  EntityMention greece = Linked("Greece", "ORG");
  greece.country = "greece";
  const auto ids = LinkAll(linker, {{Linked("George Papandreou", "PERSON"), greece},
                                    {Linked("Papandreou", "PERSON"), greece}});
  EXPECT_EQ(ids[1][0], "papandreou");
}

TEST(CorpusEntityLinker, SurnameTheArticleGivesSeveralPeopleStays) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(
      linker, {{Linked("Jeremy Ortiz", "PERSON"), Linked("Los Angeles County Sheriff", "ORG")},
               // The article names the widow in full and the slain deputy by his surname alone.
               {Linked("Chela Ortiz", "PERSON"), Linked("Ortiz", "PERSON"),
                Linked("Los Angeles County Sheriff", "ORG")}});
  EXPECT_EQ(ids[1][1], "ortiz");
}

TEST(CorpusEntityLinker, NameJoiningTwoPeopleIsNoFullName) {
  CorpusEntityLinker linker;
  const auto ids =
      LinkAll(linker, {{Linked("Salvatore and Andrew", "PERSON"), Linked("Genovese family", "ORG")},
                       {Linked("Andrew", "PERSON"), Linked("Genovese family", "ORG")}});
  EXPECT_EQ(ids[1][0], "andrew");
}

TEST(CorpusEntityLinker, SurnameAloneWithTheTitleTheFullNameHadTakesIt) {
  CorpusEntityLinker linker;
  EntityMention full = Linked("Joe Biden", "PERSON");
  full.title = "U.S. President";
  EntityMention president = Linked("Biden", "PERSON");
  president.title = "President";
  EntityMention senator = Linked("Biden", "PERSON");
  senator.title = "Senator";
  const auto ids = LinkAll(linker, {{full}, {president}, {senator}});
  EXPECT_EQ(ids[1][0], "joe-biden");
  EXPECT_EQ(ids[2][0], "biden");
}

TEST(CorpusEntityLinker, TwoLetterAcronymIsNotReadFromInitials) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(
      linker, {{Linked("Department of Corrections", "ORG"), Linked("Space Launch System", "ORG")},
               {Linked("DC", "PLACE"), Linked("SLS", "ORG")},
               {Linked("DOC", "Department of Corrections", "ORG")},
               {Linked("DOC", "ORG")}});
  EXPECT_EQ(ids[1][0], "dc");
  EXPECT_EQ(ids[1][1], "space-launch-system");
  EXPECT_EQ(ids[3][0], "department-of-corrections");
}

TEST(CorpusEntityLinker, FirstAndLastNameTakeTheFullerName) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(linker, {{Linked("Martin Luther King Jr.", "PERSON")},
                                    {Linked("Martin King", "PERSON"), Linked("King", "PERSON")}});
  EXPECT_EQ(ids[1][0], "martin-luther-king-jr");
  EXPECT_EQ(ids[1][1], "martin-luther-king-jr");
}

TEST(CorpusEntityLinker, NamesThatArePartsOfOneFullerNameAreOnePerson) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(linker, {{Linked("Joe Biden", "PERSON")},
                                    {Linked("Joe Robinette Biden", "PERSON")},
                                    {Linked("Biden", "PERSON"), Linked("Joe Biden", "PERSON")}});
  EXPECT_EQ(ids[1][0], "joe-robinette-biden");
  EXPECT_EQ(ids[2], (std::vector<std::string>{"joe-robinette-biden", "joe-robinette-biden"}));
}

TEST(CorpusEntityLinker, AmbiguousSurnameKeepsTheArticleId) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(linker, {{Linked("Joe Biden", "PERSON")},
                                    {Linked("Hunter Biden", "PERSON")},
                                    {Linked("Biden", "PERSON")}});
  EXPECT_EQ(ids[1][0], "hunter-biden");
  EXPECT_EQ(ids[2][0], "biden");
}

TEST(CorpusEntityLinker, OnlyPeopleLinkBySurname) {
  CorpusEntityLinker linker;
  const auto ids =
      LinkAll(linker, {{Linked("George Washington", "PERSON")}, {Linked("Washington", "PLACE")}});
  EXPECT_EQ(ids[1][0], "washington");
}

TEST(CorpusEntityLinker, AcronymTakesAnExpansionSeenInAnotherArticle) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(
      linker, {{Linked("Government Accountability Office", "ORG")},
               {Linked("GAO", "ORG")},
               {Linked("IDF", "Israel Defense Forces", "ORG")},
               {Linked("Intelligence Directorate Foundation", "ORG"), Linked("IDF", "ORG")}});
  EXPECT_EQ(ids[1][0], "government-accountability-office");
  // An expansion an article spelled out for the acronym wins over others with its initials.
  EXPECT_EQ(ids[3][1], "israel-defense-forces");
}

TEST(CorpusEntityLinker, CompaniesDropTheirLegalForm) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(
      linker,
      {{Linked("General Motors Corporation", "ORG"), Linked("Apple Inc.", "ORG"),
        Linked("Ford Motor Company", "ORG"), Linked("Chrysler Group LLC", "ORG"),
        Linked("Ford Motor", "ORG"), Linked("Company", "ORG"), Linked("Apple Inc.", "PLACE")}});
  EXPECT_EQ(ids[0], (std::vector<std::string>{"general-motors", "apple", "ford", "chrysler",
                                              "ford-motor", "company", "apple-inc"}));
}

TEST(CorpusEntityLinker, AcronymWithTwoPossibleExpansionsStays) {
  CorpusEntityLinker linker;
  const auto ids = LinkAll(linker, {{Linked("General Motors", "ORG")},
                                    {Linked("Green Mountain", "PLACE")},
                                    {Linked("GM", "ORG")}});
  EXPECT_EQ(ids[2][0], "gm");
}

TEST(CorpusEntityLinker, CountryAliasesFromTheModelTable) {
  CorpusEntityLinker linker(EntityAliases::Load(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models/entity_aliases.tsv"));
  const auto ids = LinkAll(
      linker,
      {{Linked("U.S.", "PLACE"), Linked("US", "ORG"), Linked("United States of America", "PLACE"),
        Linked("Britain", "PLACE"), Linked("UK", "ORG"), Linked("Russian Federation", "PLACE"),
        Linked("U.S.", "PERSON"), Linked("Can", "PLACE")}});
  EXPECT_EQ(ids[0][0], "united-states");
  EXPECT_EQ(ids[0][1], "united-states");
  EXPECT_EQ(ids[0][2], "united-states");
  EXPECT_EQ(ids[0][3], "united-kingdom");
  EXPECT_EQ(ids[0][4], "united-kingdom");
  EXPECT_EQ(ids[0][5], "russia");
  EXPECT_EQ(ids[0][6], "us");   // aliases are for places and organizations
  EXPECT_EQ(ids[0][7], "can");  // case-sensitive: the code CAN is not the word
}

TEST(CorpusEntityLinker, AbbreviationsAndExpansionsOfOrganizationsAreOneEntity) {
  CorpusEntityLinker linker(EntityAliases::LoadNames(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models"));
  const auto ids = LinkAll(
      linker,
      {{Linked("U.N. Security Council", "ORG"), Linked("EU", "ORG"), Linked("U.S. Army", "ORG")},
       {Linked("United Nations Security Council", "ORG"), Linked("European Union", "ORG"),
        Linked("United States Army", "ORG"), Linked("UN", "ORG")},
       {Linked("UN Security Council", "ORG"), Linked("US Airways", "ORG"),
        Linked("U.K.", "PLACE")}});
  EXPECT_EQ(ids[0], (std::vector<std::string>{"united-nations-security-council", "european-union",
                                              "united-states-army"}));
  EXPECT_EQ(ids[1], (std::vector<std::string>{"united-nations-security-council", "european-union",
                                              "united-states-army", "united-nations"}));
  // A company whose name only starts with a country's initials keeps its own name.
  EXPECT_EQ(ids[2], (std::vector<std::string>{"united-nations-security-council", "us-airways",
                                              "united-kingdom"}));
}

TEST(CorpusEntityLinker, SameArticlesInSameOrderGiveSameIds) {
  const std::vector<std::vector<EntityMention>> articles = {
      {Linked("Biden", "PERSON")},
      {Linked("Joe Biden", "PERSON"), Linked("Federal Reserve Board", "ORG")},
      {Linked("Biden", "PERSON"), Linked("FRB", "ORG")},
      {Linked("Hunter Biden", "PERSON")},
      {Linked("Biden", "PERSON")},
  };
  CorpusEntityLinker a;
  CorpusEntityLinker b;
  const auto ids = LinkAll(a, articles);
  EXPECT_EQ(ids, LinkAll(b, articles));
  // Arrival order matters: "Biden" before any full name stays article-local; once two
  // full names end in "Biden" it is ambiguous again.
  EXPECT_EQ(ids[0][0], "biden");
  EXPECT_EQ(ids[2][0], "joe-biden");
  EXPECT_EQ(ids[2][1], "federal-reserve-board");
  EXPECT_EQ(ids[4][0], "biden");
}

TEST(CorpusEntityLinker, SavedStateLinksAsTheOriginal) {
  CorpusEntityLinker original;
  LinkAll(original, {{Linked("Joe Biden", "PERSON"), Linked("IDF", "Israel Defense Forces", "ORG")},
                     {Linked("Federal Reserve Board", "ORG")}});
  std::stringstream table;
  original.Save(table);
  CorpusEntityLinker restored;
  restored.Load(table, "state.tsv");
  ASSERT_EQ(restored.Rows().size(), original.Rows().size());
  for (size_t i = 0; i < original.Rows().size(); ++i) {
    EXPECT_EQ(restored.Rows()[i].kind, original.Rows()[i].kind);
    EXPECT_EQ(restored.Rows()[i].name, original.Rows()[i].name);
    EXPECT_EQ(restored.Rows()[i].expansion, original.Rows()[i].expansion);
  }
  const std::vector<std::vector<EntityMention>> next = {
      {Linked("Biden", "PERSON"), Linked("IDF", "ORG"), Linked("FRB", "ORG")}};
  const auto expected = LinkAll(original, next);
  EXPECT_EQ(LinkAll(restored, next), expected);
  EXPECT_EQ(expected[0], (std::vector<std::string>{"joe-biden", "israel-defense-forces",
                                                   "federal-reserve-board"}));
}

TEST(CorpusEntityLinker, MalformedStateLineIsReportedWithItsNumber) {
  std::stringstream table("person\tJoe Biden\t\nacronym\tIDF\t\n");
  CorpusEntityLinker linker;
  try {
    linker.Load(table, "state.tsv");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("state.tsv:2:", 0), 0u) << e.what();
  }
}

TEST(CorpusEntityLinker, QuoteSpeakersFollowTheirEntity) {
  CorpusEntityLinker linker;
  std::vector<EntityMention> first = {Linked("Joe Biden", "PERSON"), Linked("White House", "ORG")};
  linker.Link(first);
  Analysis analysis;
  analysis.entities = {Linked("Biden", "PERSON"), Linked("White House", "ORG")};
  analysis.quotes.push_back(Quote{{0, 5}, "We will", "Biden", "biden", false});
  analysis.events.push_back(Event{{0, 4}, "CALL", "call", {{"agent", "biden"}}, {}, {}, {}});
  linker.Link(analysis);
  EXPECT_EQ(analysis.quotes[0].speaker_entity, "joe-biden");
  EXPECT_EQ(analysis.quotes[0].speaker, "Joe Biden");
  EXPECT_EQ(analysis.events[0].actors[0].entity, "joe-biden");
}

TEST(EntityAliases, BadTableLineIsReportedWithFileAndLine) {
  const auto path = std::filesystem::temp_directory_path() / "storyline-bad-aliases.tsv";
  {
    std::ofstream out(path);
    out << "# comment\nUS\tUnited States\nno tab here\n";
  }
  try {
    EntityAliases::Load(path);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ":3:"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace storyline
