#include "synth/framing.h"

#include <gtest/gtest.h>

#include "synth/entity_descriptors.h"
#include "synth_test_articles.h"

namespace storyline {
namespace {

using testing::AddEntity;
using testing::MakeArticle;

const Descriptor* FindDescriptor(const EntityFraming& framing, const std::string& text) {
  for (const Descriptor& descriptor : framing.descriptors) {
    if (descriptor.text == text) return &descriptor;
  }
  return nullptr;
}

std::vector<StoredArticle> HamasArticles() {
  std::vector<StoredArticle> articles = {
      MakeArticle("000", "Anadolu Agency", "2024-08-21",
                  "Qatar warned there is little chance for the Palestinian group Hamas to accept "
                  "the proposal. The Palestinian group was referring to two strips of land."),
      MakeArticle("002", "Newsmax", std::nullopt,
                  "Officials met Hamas negotiators to push the militant group towards a deal. "
                  "They want the terror group to withdraw its new demands. The group refused."),
      MakeArticle("004", "The Epoch Times", "2024-07-04",
                  "The White House announced a breakthrough in negotiations with the Hamas "
                  "terrorist group for the release of hostages.")};
  AddEntity(articles[0], "Qatar", "PLACE", "qatar", "Qatar");
  AddEntity(articles[0], "Hamas", "ORG", "hamas", "Hamas");
  AddEntity(articles[1], "Hamas", "ORG", "hamas", "Hamas");
  AddEntity(articles[2], "White House", "ORG", "white-house", "White House");
  AddEntity(articles[2], "Hamas", "ORG", "hamas", "Hamas");
  return articles;
}

TEST(FramingTest, EachOutletsWordsForTheSameGroup) {
  const std::vector<StoredArticle> articles = HamasArticles();
  const std::vector<EntityFraming> framing = FindFraming(TokenizeArticles(articles));
  ASSERT_FALSE(framing.empty());
  const EntityFraming& hamas = framing[0];
  EXPECT_EQ(hamas.entity, "hamas");
  EXPECT_EQ(hamas.name, "Hamas");

  const Descriptor* palestinian = FindDescriptor(hamas, "palestinian group");
  ASSERT_NE(palestinian, nullptr);
  ASSERT_EQ(palestinian->outlets.size(), 1u);
  EXPECT_EQ(palestinian->outlets[0].source, "Anadolu Agency");
  EXPECT_EQ(palestinian->outlets[0].count, 2);  // before the name, then on its own
  EXPECT_EQ(palestinian->outlets[0].example.text, "the Palestinian group Hamas");

  const Descriptor* militant = FindDescriptor(hamas, "militant group");
  ASSERT_NE(militant, nullptr);
  EXPECT_EQ(militant->outlets[0].source, "Newsmax");
  EXPECT_EQ(militant->outlets[0].example.text, "the militant group");
  const Descriptor* terror = FindDescriptor(hamas, "terror group");
  ASSERT_NE(terror, nullptr);
  EXPECT_EQ(terror->outlets[0].source, "Newsmax");
  const Descriptor* terrorist = FindDescriptor(hamas, "terrorist group");
  ASSERT_NE(terrorist, nullptr);
  EXPECT_EQ(terrorist->outlets[0].source, "The Epoch Times");
  EXPECT_EQ(terrorist->outlets[0].example.text, "the Hamas terrorist group");

  EXPECT_EQ(FindDescriptor(hamas, "group"), nullptr);  // a bare reference frames nothing
}

TEST(FramingTest, AppositivesTitlesAndTheLeaderTheTitleNames) {
  std::vector<StoredArticle> articles = {MakeArticle(
      "003", "The Hill", "2024-08-21",
      "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Wednesday. "
      "Biden pressed the Israeli leader on the corridor. Helena Brennan, the association's "
      "chief negotiator, said the offer was fair.")};
  AddEntity(articles[0], "Joe Biden", "PERSON", "joe-biden", "Joe Biden", 0, "President");
  AddEntity(articles[0], "Benjamin Netanyahu", "PERSON", "benjamin-netanyahu", "Benjamin Netanyahu",
            0, "Israeli Prime Minister");
  AddEntity(articles[0], "Biden", "PERSON", "joe-biden", "Joe Biden", 1);
  AddEntity(articles[0], "Helena Brennan", "PERSON", "helena-brennan", "Helena Brennan");
  const ArticleTokens text(articles[0]);
  std::vector<std::pair<std::string, std::string>> found;
  for (const EntityDescriptor& d : FindEntityDescriptors(text)) {
    found.emplace_back(d.entity, d.kind + ":" + d.key);
  }
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"joe-biden", "title:president"},
      {"benjamin-netanyahu", "title:israeli prime minister"},
      {"benjamin-netanyahu", "reference:israeli leader"},
      {"helena-brennan", "appositive:association's chief negotiator"}};
  EXPECT_EQ(found, expected);
}

TEST(FramingTest, FrontedPlaceAndListsAreNotAppositives) {
  std::vector<StoredArticle> articles = {
      MakeArticle("x", "Coastal Herald", "2024-05-17",
                  "In Cairo, the delegation met the mediators. Qatar, Egypt and the United "
                  "States are mediating.")};
  AddEntity(articles[0], "Cairo", "PLACE", "cairo", "Cairo");
  AddEntity(articles[0], "Qatar", "PLACE", "qatar", "Qatar");
  AddEntity(articles[0], "Egypt", "PLACE", "egypt", "Egypt");
  AddEntity(articles[0], "United States", "PLACE", "united-states", "United States");
  EXPECT_TRUE(FindEntityDescriptors(ArticleTokens(articles[0])).empty());
}

// A word of the entity's own name, or its initials, is no descriptor: "Fred" before the
// "Roe" a recognizer kept, "J.C." for John Charles Roe ("Sheriff J.C." is "sheriff").
TEST(FramingTest, PiecesOfTheOwnNameAreNoDescriptors) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Valley Sentinel", "2024-06-12",
                  "Fred Roe spoke first. Later Fred Roe, the county sheriff, said the road was "
                  "closed."),
      MakeArticle("b", "The Morning Dispatch", "2024-06-12",
                  "Sheriff J.C. Roe closed the road. Mayor Lee agreed.")};
  AddEntity(articles[0], "Fred Roe", "PERSON", "fred-roe", "Fred Roe");
  AddEntity(articles[0], "Roe", "PERSON", "fred-roe", "Fred Roe", 1);
  AddEntity(articles[1], "Roe", "PERSON", "fred-roe", "John Charles Roe");
  AddEntity(articles[1], "Lee", "PERSON", "lee", "Lee");
  const std::vector<EntityFraming> framings = FindFraming(TokenizeArticles(articles));
  ASSERT_FALSE(framings.empty());
  const EntityFraming& roe = framings.front();
  EXPECT_EQ(roe.entity, "fred-roe");
  EXPECT_EQ(FindDescriptor(roe, "fred"), nullptr);
  EXPECT_EQ(FindDescriptor(roe, "sheriff j.c."), nullptr);
  EXPECT_NE(FindDescriptor(roe, "sheriff"), nullptr);
  EXPECT_NE(FindDescriptor(roe, "county sheriff"), nullptr);
}

}  // namespace
}  // namespace storyline
