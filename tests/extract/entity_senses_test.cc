#include "extract/entities/entity_senses.h"

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

// "type entity country" of each mention after linking and resolving senses; mentions as
// (surface, type) at their first occurrence after the previous one.
std::vector<std::string> Senses(std::string_view text,
                                std::vector<std::pair<std::string, std::string>> specs) {
  static const PosTagger tagger = PosTagger::Load(kModels / "pos.model");
  static const CountryLexicon lexicon = CountryLexicon::Load(kModels);
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
  ResolveCapitalSenses(text, tokens, tags, lexicon, mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) out.push_back(m.type + " " + m.entity + " " + m.country);
  return out;
}

using Lines = std::vector<std::string>;

TEST(EntitySenses, CapitalThatSpeaksOrActsIsItsCountrysGovernment) {
  EXPECT_EQ(Senses("Washington said on Tuesday that it would send aid.", {{"Washington", "PLACE"}}),
            Lines{"ORG united-states united-states"});
  EXPECT_EQ(Senses("Washington has pressed Israel to accept.",
                   {{"Washington", "PLACE"}, {"Israel", "PLACE"}}),
            (Lines{"ORG united-states united-states", "PLACE israel "}));
  EXPECT_EQ(
      Senses("Beijing and Moscow agreed to abstain.", {{"Beijing", "PLACE"}, {"Moscow", "PLACE"}}),
      (Lines{"ORG china china", "ORG russia russia"}));
  EXPECT_EQ(Senses("Washington's proposal was rejected by Tehran.",
                   {{"Washington's", "PLACE"}, {"Tehran", "PLACE"}}),
            (Lines{"ORG united-states united-states", "ORG iran iran"}));
}

TEST(EntitySenses, CapitalThatThingsHappenToIsNotTheGovernment) {
  EXPECT_EQ(Senses("As Athens burned, the protesters fled.", {{"Athens", "PLACE"}}),
            Lines{"PLACE athens "});
  EXPECT_EQ(
      Senses("London famously has been fighting dirty air for decades.", {{"London", "PLACE"}}),
      Lines{"PLACE london "});
  EXPECT_EQ(Senses("Tehran shook for ten seconds.", {{"Tehran", "PLACE"}}), Lines{"PLACE tehran "});
  // The verbs of a government, inflected.
  EXPECT_EQ(Senses("Moscow denies the report.", {{"Moscow", "PLACE"}}), Lines{"ORG russia russia"});
  EXPECT_EQ(Senses("Paris will be urging restraint.", {{"Paris", "PLACE"}}),
            Lines{"ORG france france"});
  EXPECT_EQ(Senses("Beijing is balking at the purchases.", {{"Beijing", "PLACE"}}),
            Lines{"ORG china china"});
  EXPECT_EQ(Senses("Quito stripped him of his refugee status.", {{"Quito", "PLACE"}}),
            Lines{"ORG ecuador ecuador"});
}

TEST(EntitySenses, CapitalAfterALocativePrepositionIsTheCity) {
  EXPECT_EQ(Senses("Officials in Washington said the delegation flew to Moscow.",
                   {{"Washington", "PLACE"}, {"Moscow", "PLACE"}}),
            (Lines{"PLACE washington ", "PLACE moscow "}));
  // Tagged PERSON by its shape, a lone capital is still read by its context.
  EXPECT_EQ(Senses("Talks in Washington ended. Washington said it was hopeful.",
                   {{"Washington", "PERSON"}, {"Washington", "PERSON"}}),
            (Lines{"PLACE washington ", "ORG united-states united-states"}));
  EXPECT_EQ(Senses("The Washington skyline is lit.", {{"Washington", "PLACE"}}),
            Lines{"PLACE washington "});
}

TEST(EntitySenses, CapitalBeforeWhatACityHasIsTheCity) {
  EXPECT_EQ(Senses("Athens police chiefs mobilised all their forces.", {{"Athens", "ORG"}}),
            Lines{"PLACE athens "});
  EXPECT_EQ(
      Senses("Tehran's seismologic center put the quake's magnitude at 5.", {{"Tehran", "PLACE"}}),
      Lines{"PLACE tehran "});
  // What the state owns or does stays the state's.
  EXPECT_EQ(Senses("Beijing's diktats to Lam have achieved nothing.", {{"Beijing", "PLACE"}}),
            Lines{"ORG china china"});
}

TEST(EntitySenses, PeopleNamedLikeCapitalsStayPeople) {
  EXPECT_EQ(Senses("George Washington crossed the river. Washington said nothing.",
                   {{"George Washington", "PERSON"}, {"Washington", "PERSON"}}),
            (Lines{"PERSON george-washington ", "PERSON george-washington "}));
  EXPECT_EQ(Senses("The actor Denzel Washington said he was proud.", {{"Washington", "PLACE"}}),
            Lines{"PLACE washington "});
}

}  // namespace
}  // namespace storyline
