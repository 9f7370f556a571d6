// Story labels as a reader sees them: whole names, words as written, no function words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "story/story_clusterer.h"

namespace storyline {
namespace {

Article MakeArticle(std::string id, std::string text) {
  Article article;
  article.id = std::move(id);
  article.published = "2024-05-06";
  article.text = std::move(text);
  return article;
}

// Every occurrence of `surface` in the text, as a mention of `entity`.
void AddMentions(Analysis& analysis, const std::string& text, const std::string& surface,
                 const std::string& type, const std::string& entity, const std::string& name) {
  for (size_t at = text.find(surface); at != std::string::npos; at = text.find(surface, at + 1)) {
    analysis.entities.push_back(
        {Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())}, surface, type,
         entity, name, "", ""});
  }
}

std::string LabelOf(const Article& article, const Analysis& analysis) {
  StoryClusterer clusterer;
  clusterer.Add(article, analysis);
  const std::vector<Story> stories = clusterer.Stories();
  EXPECT_EQ(stories.size(), 1u);
  return stories.empty() ? std::string() : stories.front().label;
}

// "Hong Kong, Hong, Kong" and "Smith, Smith, Jane" showed a name in pieces: a name is
// shown once, whole.
TEST(StoryLabelTest, ANameIsShownWholeNeverWithItsPieces) {
  const Article article = MakeArticle(
      "a",
      "Jane Smith wins Hong Kong election\n"
      "Jane Smith won the Hong Kong election on Sunday. Smith thanked voters in Hong Kong, "
      "and Smith said Hong Kong would see change.");
  Analysis analysis;
  AddMentions(analysis, article.text, "Jane Smith", "PERSON", "jane-smith", "Jane Smith");
  AddMentions(analysis, article.text, "Hong Kong", "PLACE", "hong-kong", "Hong Kong");
  const std::string label = LabelOf(article, analysis);
  EXPECT_NE(label.find("Jane Smith"), std::string::npos) << label;
  EXPECT_NE(label.find("Hong Kong"), std::string::npos) << label;
  for (const std::string piece : {"Smith,", "Hong,", "Kong,", "Jane,"}) {
    EXPECT_EQ((label + ",").find(", " + piece), std::string::npos) << label;
    EXPECT_FALSE((label + ",").starts_with(piece)) << label;
  }
}

// "Gary Ross, Lionsgate, Hunger": a word of a name the analysis did not recognize ("Hunger
// Games") is no label name by itself.
TEST(StoryLabelTest, APieceOfAnUnrecognizedNameIsNotShown) {
  const Article article = MakeArticle(
      "a",
      "Gary Ross to direct Hunger Games\n"
      "Lionsgate said Gary Ross will direct Hunger Games. Ross and Lionsgate want Hunger Games "
      "in theaters next year; Lionsgate paid Ross for Hunger Games.");
  Analysis analysis;
  AddMentions(analysis, article.text, "Gary Ross", "PERSON", "gary-ross", "Gary Ross");
  AddMentions(analysis, article.text, "Lionsgate", "ORG", "lionsgate", "Lionsgate");
  const std::string label = LabelOf(article, analysis);
  EXPECT_NE(label.find("Gary Ross"), std::string::npos) << label;
  for (const std::string piece : {"Hunger", "Games"}) {
    EXPECT_EQ((", " + label + ",").find(", " + piece + ","), std::string::npos) << label;
  }
}

// A story without names is labelled by its words as written ("police"), not their stems
// ("polic"), and never by function words of another language.
TEST(StoryLabelTest, WordsAreShownAsWrittenWithoutFunctionWordsOfAnyLanguage) {
  const Article english = MakeArticle(
      "en", "police say shooting outside bar\npolice said the shooting left police cars damaged.");
  const std::string label = LabelOf(english, {});
  EXPECT_NE(label.find("police"), std::string::npos) << label;
  EXPECT_EQ(label.find("polic,"), std::string::npos) << label;
  EXPECT_EQ((label + ",").find("polic,"), std::string::npos) << label;

  const Article german = MakeArticle(
      "de",
      "der mann und die frau\nder mann und die frau sind in der stadt, der mann und die frau "
      "des dorfes, der polizist.");
  const std::string german_label = LabelOf(german, {});
  for (const std::string word : {"der", "und", "des", "sind"}) {
    EXPECT_EQ((", " + german_label + ",").find(", " + word + ","), std::string::npos)
        << german_label;
  }
}

}  // namespace
}  // namespace storyline
