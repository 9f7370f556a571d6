// The classes of wrong names issue 14 lists, read end to end by the analyzer with the
// committed models: each article here holds one class, and the test says what a careful
// reader would keep. The rules' own tests pin the details; these pin that the pipeline,
// recognizer included, still gets each class right.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "core/article.h"
#include "extract/article_analyzer.h"

namespace storyline {
namespace {

const ArticleAnalyzer& Analyzer() {
  static const ArticleAnalyzer analyzer(std::filesystem::path(test_paths::SourceDir()) / "models");
  return analyzer;
}

// "text/TYPE/id" for every entity the analyzer finds in `text`.
std::vector<std::string> Entities(const std::string& text) {
  Article article;
  article.id = "a";
  article.text = text;
  std::vector<std::string> out;
  for (const EntityMention& m : Analyzer().Analyze(article).entities) {
    out.push_back(m.text + "/" + m.type + "/" + m.entity);
  }
  return out;
}

bool Has(const std::vector<std::string>& entities, const std::string& entity) {
  return std::find(entities.begin(), entities.end(), entity) != entities.end();
}

bool HasName(const std::vector<std::string>& entities, const std::string& name) {
  return std::any_of(entities.begin(), entities.end(),
                     [&](const std::string& e) { return e.starts_with(name + "/"); });
}

TEST(EntityClasses, PageFurnitureIsNoName) {
  const std::vector<std::string> entities = Entities(
      "Skip Ad Ad\nBuy Photo Police arrested a man on Friday, according to Sgt. Mark Ellis.\n"
      "Posted by Jane Doe\n");
  EXPECT_FALSE(HasName(entities, "Skip Ad Ad"));
  EXPECT_FALSE(HasName(entities, "Buy Photo Police"));
  EXPECT_FALSE(HasName(entities, "Posted"));
  EXPECT_TRUE(Has(entities, "Mark Ellis/PERSON/mark-ellis"));
}

TEST(EntityClasses, StreetsAndHighwaysArePlaces) {
  const std::vector<std::string> entities = Entities(
      "The suspect lived on Elm Court and fled along the Northwest Freeway before officers "
      "stopped him near Main Street.");
  EXPECT_TRUE(Has(entities, "Elm Court/PLACE/elm-court"));
  EXPECT_TRUE(Has(entities, "Northwest Freeway/PLACE/northwest-freeway"));
  EXPECT_TRUE(Has(entities, "Main Street/PLACE/main-street"));
}

TEST(EntityClasses, APossessiveSurnameIsNoPlace) {
  const std::vector<std::string> entities = Entities(
      "Ann Washington's report found that the city had failed to inspect the bridge. "
      "Washington, a former engineer, said the findings were alarming.");
  for (const std::string& e : entities) EXPECT_FALSE(e.starts_with("Washington/PLACE")) << e;
  EXPECT_TRUE(Has(entities, "Ann Washington/PERSON/ann-washington"));
}

TEST(EntityClasses, IdsKeepNoRanks) {
  const std::vector<std::string> entities = Entities(
      "Cpl. Jane Roe of the Marine Corps was killed in the crash, the Pentagon said. Roe, 24, "
      "was from Dayton, Ohio.");
  EXPECT_TRUE(Has(entities, "Jane Roe/PERSON/jane-roe"));
  EXPECT_TRUE(Has(entities, "Roe/PERSON/jane-roe"));
}

TEST(EntityClasses, AStormIsNoneOfTheTypes) {
  const std::vector<std::string> entities = Entities(
      "Hurricane Katrina killed more than 1,800 people in 2005. Katrina flooded much of New "
      "Orleans. Police said Maria Escalante was shot outside her home. Escalante, 34, died.");
  EXPECT_FALSE(HasName(entities, "Katrina"));
  EXPECT_TRUE(Has(entities, "New Orleans/PLACE/new-orleans"));
  EXPECT_TRUE(Has(entities, "Escalante/PERSON/maria-escalante"));
}

TEST(EntityClasses, ACityNamedAlongAPersonStaysACity) {
  const std::vector<std::string> entities = Entities(
      "The film premiered in Paris on Friday. Paris Hilton attended the party, and Paris was "
      "full of tourists.");
  EXPECT_TRUE(Has(entities, "Paris/PLACE/paris"));
  EXPECT_TRUE(Has(entities, "Paris Hilton/PERSON/paris-hilton"));
  for (const std::string& e : entities) EXPECT_FALSE(e.starts_with("Paris/PERSON")) << e;
}

TEST(EntityClasses, UniversitiesAndCompaniesAreNoPeople) {
  const std::vector<std::string> university = Entities(
      "Penn State beat Ohio State 24-17 on Saturday. The win gave Penn State its first title "
      "since 2016, and coach James Franklin praised the defense.");
  EXPECT_TRUE(Has(university, "Penn State/ORG/penn-state"));
  EXPECT_TRUE(Has(university, "James Franklin/PERSON/james-franklin"));
  const std::vector<std::string> company = Entities(
      "Audi has revealed the 2020 Audi e-tron Sportback at the LA Auto Show. That, Audi says, "
      "allows the car to go farther.");
  for (const std::string& e : company) EXPECT_FALSE(e.starts_with("Audi/PERSON")) << e;
}

}  // namespace
}  // namespace storyline
