#include "story/quote_statements.h"

#include <gtest/gtest.h>

#include <string>

#include "story/story_features.h"

namespace storyline {
namespace {

Span SpanOf(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

Quote QuoteOf(const std::string& text, const std::string& words, const std::string& speaker,
              bool partial = false) {
  Quote quote;
  quote.span = SpanOf(text, words);
  quote.text = words;
  quote.speaker = speaker;
  quote.speaker_entity = speaker;
  quote.partial = partial;
  return quote;
}

Event StatementOf(const std::string& text, const std::string& trigger, const std::string& who) {
  Event event;
  event.span = SpanOf(text, trigger);
  event.type = "STATEMENT";
  event.trigger = trigger;
  event.actors.push_back({"agent", who});
  return event;
}

// A quotation is its speaker's statement, dated by its attribution; one that continues
// the same speaker's, a partial one and one whose sentence already holds the speaker's
// STATEMENT event add none.
TEST(QuoteStatementsTest, QuotationsAreTheirSpeakersStatementsOnce) {
  Article article;
  article.text =
      "\"Mission accomplished,\" Arians said Sunday.\n"
      "\"That's all I can say.\"\n"
      "Pagano called it a \"great day\" for the team.\n"
      "Irsay said on Monday that \"we are back\" in the race.\n"
      "\"It was a long season for all of us,\" Grigson said.";
  Analysis analysis;
  analysis.times.push_back({SpanOf(article.text, "Sunday"), "Sunday", "DATE", "2012-12-30"});
  analysis.quotes = {QuoteOf(article.text, "Mission accomplished,", "bruce-arians"),
                     QuoteOf(article.text, "That's all I can say.", "bruce-arians"),
                     QuoteOf(article.text, "great day", "chuck-pagano", /*partial=*/true),
                     QuoteOf(article.text, "we are back", "jim-irsay"),
                     QuoteOf(article.text, "It was a long season for all of us,", "ryan-grigson")};
  analysis.events = {StatementOf(article.text, "said on Monday", "jim-irsay")};

  const std::vector<Event> statements = QuoteStatements(article, analysis);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].type, "STATEMENT");
  ASSERT_EQ(statements[0].actors.size(), 1u);
  EXPECT_EQ(statements[0].actors[0].entity, "bruce-arians");
  EXPECT_EQ(statements[0].time, "2012-12-30");
  EXPECT_EQ(statements[1].actors[0].entity, "ryan-grigson");
  EXPECT_FALSE(statements[1].time.has_value());

  const std::optional<Analysis> with = WithQuoteStatements(article, analysis);
  ASSERT_TRUE(with.has_value());
  ASSERT_EQ(with->events.size(), 3u);
  EXPECT_EQ(with->events[1].actors[0].entity, "jim-irsay");  // in text order

  analysis.quotes.clear();
  EXPECT_FALSE(WithQuoteStatements(article, analysis).has_value());
}

// The story clusterer reads a quotation's speaker as it reads a STATEMENT event: an
// article whose only statement is a quotation has it as its main event frame.
TEST(QuoteStatementsTest, StoryFeaturesReadQuotationsAsStatements) {
  Article article;
  article.published = "2012-12-31";
  article.text = "\"Mission accomplished,\" Arians said Sunday after the game.";
  Analysis analysis;
  analysis.times.push_back({SpanOf(article.text, "Sunday"), "Sunday", "DATE", "2012-12-30"});
  analysis.quotes = {QuoteOf(article.text, "Mission accomplished,", "bruce-arians")};
  const StoryFeatures features = ExtractStoryFeatures(article, analysis);
  ASSERT_TRUE(features.frames.main.has_value());
  EXPECT_EQ(features.frames.main->type, "STATEMENT");
  EXPECT_EQ(features.frames.main->actors, std::vector<std::string>{"bruce-arians"});
  ASSERT_TRUE(features.frames.main->day.has_value());
  EXPECT_FALSE(features.frames.main->day_inferred);
}

}  // namespace
}  // namespace storyline
