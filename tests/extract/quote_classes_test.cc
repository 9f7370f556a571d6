// Classes of quotations whose speaker the sentence around them does not give on its own
// (issue 13, round 3): a quotation after indirect speech, a pronoun whose gender the
// article shows, and a work's title in quotation marks.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/quotes/quote_finder.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

std::vector<Quote> Find(const std::string& text, const std::vector<std::string>& people) {
  std::vector<EntityMention> entities;
  for (const std::string& name : people) {
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      entities.push_back({{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())},
                          name,
                          "PERSON",
                          ""});
    }
  }
  std::sort(entities.begin(), entities.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  return FindQuotes(text, tokens, {}, {}, entities);
}

// A quotation with no verb of its own that makes up its sentence, right after a sentence
// of indirect speech, is what that speaker said.
TEST(QuoteClassesTest, QuotationAfterIndirectSpeechTakesItsSpeaker) {
  const std::string that =
      "Sister Carol Keehan said that the organization \"rejoices for our nation\" in the "
      "nomination.\n\"In Dr. Benjamin, we have a brilliant physician who understands health "
      "care.\"";
  const std::vector<Quote> keehan = Find(that, {"Carol Keehan"});
  ASSERT_EQ(keehan.size(), 2u);
  EXPECT_EQ(keehan[1].speaker, "Carol Keehan");
  EXPECT_FALSE(keehan[1].partial);

  const std::string trailing =
      "The old warehouse was battered on the outside, Tom Ingaldson said.\n\"But inside, "
      "there was all this beautiful timber and old floors.\"";
  const std::vector<Quote> ingaldson = Find(trailing, {"Tom Ingaldson"});
  ASSERT_EQ(ingaldson.size(), 1u);
  EXPECT_EQ(ingaldson[0].speaker, "Tom Ingaldson");

  // Who asks does not answer; a sentence with no speech verb gives nobody.
  const std::string asked =
      "Reporters asked Jane Roe whether she would run again.\n\"I will decide next week, "
      "after talking to my family.\"";
  const std::vector<Quote> roe = Find(asked, {"Jane Roe"});
  ASSERT_EQ(roe.size(), 1u);
  EXPECT_FALSE(roe[0].speaker.has_value());
  const std::string narration =
      "Jane Roe said the plant would close. The workers left at noon.\n\"We will all have "
      "to find other jobs now.\"";
  const std::vector<Quote> workers = Find(narration, {"Jane Roe"});
  ASSERT_EQ(workers.size(), 1u);
  EXPECT_FALSE(workers[0].speaker.has_value());
}

// Text rebuilt from tokens puts a space before the mark that closes a quotation after a
// line break inside it, also before a capitalized attribution; a quotation whose end was
// not found takes no speaker from the indirect speech before it.
TEST(QuoteClassesTest, LineBreakInsideAQuotationBeforeACapitalizedAttribution) {
  const std::string text =
      "During a visit, Barack Obama said the review process had been undermined.\n"
      "\"For more than three decades, the act has protected our wildlife.\n"
      "We should be looking for ways to improve it, \"Barack Obama said.";
  const std::vector<Quote> quotes = Find(text, {"Barack Obama"});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].text, "We should be looking for ways to improve it,");
  EXPECT_EQ(quotes[0].speaker, "Barack Obama");
  EXPECT_EQ(quotes[1].speaker, "Barack Obama");

  const std::string unread =
      "Police said the crowd threw bottles at the windows.\n"
      "\"I'm in the middle of the riot action at Church and Snyder.\n"
      "Right now, things are tense, \"New York City Councilman Jumaane D. Williams, who "
      "represents the area, said on Twitter.";
  const std::vector<Quote> open = Find(unread, {"Jumaane D. Williams"});
  ASSERT_FALSE(open.empty());
  EXPECT_FALSE(open[0].speaker.has_value());
}

// "she" stands for no one the article shows to be a man (a title, or "he" said of him),
// and such a man opening a sentence does not hide the woman it stands for.
TEST(QuoteClassesTest, PronounAgreesWithTheGenderTheArticleShows) {
  const std::string text =
      "Sister Carol Keehan said the nominee will enrich the nation.\n"
      "Msgr. Michael Farmer said Dr. Benjamin is a delightful lady.\n"
      "\"I would hope that her position would be in line,\" he told CNA.\n"
      "\"You don't get that for just being a token Catholic,\" she told CNA.";
  const std::vector<Quote> quotes = Find(text, {"Carol Keehan", "Michael Farmer"});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Michael Farmer");
  EXPECT_EQ(quotes[1].speaker, "Carol Keehan");

  // No one of hers before: nobody, rather than the man.
  const std::string only_men =
      "Mr. John Roe said the plan was fine.\n\"We will see about that,\" she said.";
  const std::vector<Quote> nobody = Find(only_men, {"John Roe"});
  ASSERT_EQ(nobody.size(), 1u);
  EXPECT_FALSE(nobody[0].speaker.has_value());

  // "he" after a name's speech verb shows it too; a pronoun resolved does not, as a
  // wrong resolution would spread ("“...,” she told her father" given to him).
  const std::string pronouns =
      "Pat Lee said he found the bridge safe. \"It was built to last,\" he said. Dana Roe "
      "said she found the bridge old. \"It needs work,\" she said. \"We checked it twice,\" "
      "he added.";
  const std::vector<Quote> shown = Find(pronouns, {"Pat Lee", "Dana Roe"});
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[0].speaker, "Pat Lee");
  EXPECT_EQ(shown[1].speaker, "Dana Roe");
  EXPECT_EQ(shown[2].speaker, "Pat Lee");
  const std::string spread =
      "Jim Felt said the bureau was slow. \"I need money for the bills,\" she told her "
      "father. Felt wrote that the bureau was wrong. \"I was not jealous of him,\" he wrote.";
  const std::vector<Quote> felt = Find(spread, {"Jim Felt", "Felt"});
  ASSERT_EQ(felt.size(), 2u);
  EXPECT_EQ(felt[1].speaker, "Jim Felt");
}

// A film, book or song title in quotation marks is not a quotation: no speaker, partial.
TEST(QuoteClassesTest, TitleInQuotationMarksIsNoQuotation) {
  const std::string text =
      "The Reporter said ``Moon,'' which is expected to have a larger budget, will open in "
      "2010. ``Moon'' will be adapted by Melissa Rosenberg. She starred in the film \"Gone "
      "Girl\" last year, the studio said. \"The Long Night Ahead\" opens Friday.";
  const std::vector<Quote> quotes = Find(text, {"Melissa Rosenberg"});
  ASSERT_EQ(quotes.size(), 4u);
  for (const Quote& quote : quotes) {
    EXPECT_FALSE(quote.speaker.has_value()) << quote.text;
    EXPECT_TRUE(quote.partial) << quote.text;
  }
  // Words of a speaker's own stay hers, however they are capitalized.
  const std::string words =
      "\"Stop,\" Jane Roe said. \"Thank God,\" Jane Roe said. \"WE WILL WIN,\" Jane Roe "
      "wrote.";
  for (const Quote& quote : Find(words, {"Jane Roe"})) {
    EXPECT_EQ(quote.speaker, "Jane Roe") << quote.text;
  }
}

}  // namespace
}  // namespace storyline
