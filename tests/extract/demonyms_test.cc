#include "extract/entities/demonyms.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../support/test_paths.h"
#include "extract/links/entity_linker.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

const std::filesystem::path kModels =
    std::filesystem::path(storyline::test_paths::SourceDir()) / "models";

const CountryLexicon& Lexicon() {
  static const CountryLexicon lexicon = CountryLexicon::Load(kModels);
  return lexicon;
}

// Mentions as the recognizer would give them: each (surface, type) at its first
// occurrence after the previous one; then linked and demonyms applied, as the analyzer does.
std::vector<EntityMention> Apply(std::string_view text,
                                 std::vector<std::pair<std::string, std::string>> specs) {
  static const PosTagger tagger = PosTagger::Load(kModels / "pos.model");
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  std::vector<EntityMention> mentions;
  size_t from = 0;
  for (auto& [surface, type] : specs) {
    const size_t start = text.find(surface, from);
    EXPECT_NE(start, std::string_view::npos) << surface;
    EntityMention& m = mentions.emplace_back();
    m.span = {uint32_t(start), uint32_t(start + surface.size())};
    m.text = surface;
    m.type = type;
    from = start + surface.size();
  }
  LinkEntitiesInArticle(text, mentions);
  ApplyDemonyms(text, tokens, tags, Lexicon(), mentions);
  return mentions;
}

TEST(CountryLexicon, ReadsTheBuiltTables) {
  EXPECT_EQ(Lexicon().CountryOfDemonym("Israeli"), "Israel");
  EXPECT_EQ(Lexicon().CountryOfDemonym("Qataris"), "Qatar");
  EXPECT_EQ(Lexicon().CountryOfDemonym("American"), "United States");
  EXPECT_EQ(Lexicon().CountryOfDemonym("Congolese"), std::nullopt);  // two UN members
  EXPECT_EQ(Lexicon().CountryOfDemonym("Israel"), std::nullopt);
  EXPECT_EQ(Lexicon().CountryOfAlias("U.S."), "United States");
  EXPECT_EQ(Lexicon().CountryOfCapital("Washington"), "United States");
  EXPECT_EQ(Lexicon().CountryOfCapital("Moscow"), "Russia");
}

TEST(Demonyms, TitlesGiveThePersonsCountryToAllItsMentions) {
  const std::string text =
      "U.S. Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu "
      "and Qatari Prime Minister Mohammed bin Abdulrahman. Netanyahu said little. President "
      "Isaac Herzog was away.";
  const std::vector<EntityMention> m = Apply(text, {{"Secretary of State Antony Blinken", "PERSON"},
                                                    {"Benjamin Netanyahu", "PERSON"},
                                                    {"Mohammed bin Abdulrahman", "PERSON"},
                                                    {"Netanyahu", "PERSON"},
                                                    {"Isaac Herzog", "PERSON"}});
  ASSERT_EQ(m.size(), 6u);
  EXPECT_EQ(m[0].text + "/" + m[0].type, "U.S./PLACE");  // the title names the country
  EXPECT_EQ(m[1].country, "united-states");
  EXPECT_EQ(m[2].country, "israel");
  EXPECT_EQ(m[3].country, "qatar");
  EXPECT_EQ(m[4].country, "israel");  // from the full name's mention
  EXPECT_EQ(m[5].country, "");        // "President" names no country
}

TEST(Demonyms, ACountryOpeningATitleIsAPlaceWithTheArticlesIdForIt) {
  const std::string text =
      "U.S. Secretary of State Maria Ostrova flew home. The U.S. said little. Israeli Foreign "
      "Minister Dan Rell stayed.";
  const std::vector<EntityMention> m =
      Apply(text, {{"U.S. Secretary of State Maria Ostrova", "PERSON"},
                   {"U.S.", "PLACE"},
                   {"Foreign Minister Dan Rell", "PERSON"}});
  std::vector<std::string> out;
  for (const EntityMention& e : m) out.push_back(e.text + "/" + e.type + "/" + e.entity);
  // A demonym opening a title is no place.
  EXPECT_EQ(out, (std::vector<std::string>{"U.S./PLACE/us", "Maria Ostrova/PERSON/maria-ostrova",
                                           "U.S./PLACE/us", "Dan Rell/PERSON/dan-rell"}));
}

TEST(Demonyms, DemonymBeforeCommonNounsOrInTheNameGivesTheCountry) {
  const std::string text =
      "The Egyptian intelligence chief Abbas Kamel met the Palestinian group Hamas. Israeli "
      "soldiers arrested Ahmed Khalil. The Israeli Defense Forces said so.";
  const std::vector<EntityMention> m = Apply(text, {{"Abbas Kamel", "PERSON"},
                                                    {"Hamas", "ORG"},
                                                    {"Ahmed Khalil", "PERSON"},
                                                    {"Israeli Defense Forces", "ORG"}});
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].country, "egypt");
  EXPECT_EQ(m[1].country, "palestine");
  EXPECT_EQ(m[2].country, "");  // a verb between: the soldiers are Israeli, not Khalil
  EXPECT_EQ(m[3].country, "israel");
}

TEST(Demonyms, DemonymsAloneAreNotEntities) {
  const std::string text =
      "Israeli officials said a Qatari official flew to Gaza. We heard it from the Israelis.";
  const std::vector<EntityMention> m = Apply(
      text, {{"Israeli", "PLACE"}, {"Qatari", "PLACE"}, {"Gaza", "PLACE"}, {"Israelis", "PERSON"}});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "Gaza");
  EXPECT_EQ(m[0].type, "PLACE");
}

TEST(Demonyms, DemonymsOfPlacesTheArticleNamesAndSplitTitles) {
  // Countries no table knows: the demonym is read from the places the article names.
  const std::string text =
      "Valdoria and Ostrava traded fire. Valdorian President Julian Marsh blamed Ostravan "
      "artillery; the Ostravans denied it.";
  const std::vector<EntityMention> m = Apply(text, {{"Valdoria", "PLACE"},
                                                    {"Ostrava", "PLACE"},
                                                    {"Valdorian President", "PERSON"},
                                                    {"Julian Marsh", "PERSON"},
                                                    {"Ostravan", "ORG"},
                                                    {"Ostravans", "PERSON"}});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].text, "Valdoria");
  EXPECT_EQ(m[1].text, "Ostrava");
  EXPECT_EQ(m[2].text, "Julian Marsh");
  EXPECT_EQ(m[2].title, "Valdorian President");
  EXPECT_EQ(m[2].country, "valdoria");
}

TEST(Demonyms, NamesThatMerelyEndLikeDemonymsStay) {
  const std::string text =
      "Forces held the Philadelphi Corridor and the Philadelphi crossing near Rafah.";
  const std::vector<EntityMention> m =
      Apply(text, {{"Philadelphi Corridor", "ORG"}, {"Philadelphi", "ORG"}, {"Rafah", "PLACE"}});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].country, "");
  EXPECT_EQ(m[1].text, "Philadelphi");
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(Demonyms, ADemonymMayDropThePlacesLastVowelAndAPlaceNamedAloneComesFirst) {
  // "Ostravian" from "Ostrava"; the "Ostrava Republic" named first gives way to the
  // place named by the word alone.
  const std::string text =
      "The Ostrava Republic Bank lent to Ostrava. Ostravian Minister Julian Marsh spoke.";
  const std::vector<EntityMention> m = Apply(text, {{"Ostrava Republic Bank", "ORG"},
                                                    {"Ostrava", "PLACE"},
                                                    {"Ostravian Minister", "PERSON"},
                                                    {"Julian Marsh", "PERSON"}});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[2].text, "Julian Marsh");
  EXPECT_EQ(m[2].country, "ostrava");
}

}  // namespace
}  // namespace storyline
