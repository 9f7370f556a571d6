// GroupQuotesBySpeaker: one group per entity id (else per written name), the most
// quoted first, unknown speakers last, word-for-word reprints folded into one quotation.
#include "synth/quotes_by_speaker.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

StoredQuote MakeQuote(std::string article, std::string text, std::optional<std::string> speaker,
                      std::optional<std::string> entity) {
  StoredQuote stored;
  stored.article = std::move(article);
  stored.quote.text = std::move(text);
  stored.quote.speaker = std::move(speaker);
  stored.quote.speaker_entity = std::move(entity);
  return stored;
}

TEST(QuotesBySpeakerTest, GroupsByEntityMostQuotedFirstUnknownLast) {
  const std::vector<StoredQuote> quotes = {
      MakeQuote("a1", "Not yet.", std::nullopt, std::nullopt),
      MakeQuote("a1", "We are close.", "Antony Blinken", "antony-blinken"),
      MakeQuote("a2", "Talks go on.", "a senior official", std::nullopt),
      MakeQuote("a3", "Time is short.", "Blinken", "antony-blinken"),
      MakeQuote("a4", "Still talking.", "a senior official", std::nullopt),
      MakeQuote("a4", "No deal.", "Hamas", "hamas"),
  };
  const std::vector<SpeakerQuotes> groups = GroupQuotesBySpeaker(quotes);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].speaker, "Antony Blinken");  // as first quoted
  EXPECT_EQ(groups[0].speaker_entity, "antony-blinken");
  ASSERT_EQ(groups[0].quotes.size(), 2u);
  EXPECT_EQ(groups[0].quotes[1].first.quote.text, "Time is short.");
  EXPECT_EQ(groups[1].speaker, "a senior official");
  EXPECT_EQ(groups[1].speaker_entity, std::nullopt);
  EXPECT_EQ(groups[1].quotes.size(), 2u);
  EXPECT_EQ(groups[2].speaker, "Hamas");
  EXPECT_EQ(groups[3].speaker, std::nullopt);
  EXPECT_EQ(groups[3].quotes[0].first.quote.text, "Not yet.");
}

TEST(QuotesBySpeakerTest, ReprintsAreFoldedIntoTheFirstReport) {
  const std::vector<StoredQuote> quotes = {
      MakeQuote("wire-1", "We are close.", "Antony Blinken", "antony-blinken"),
      MakeQuote("paper-7", "We are close.", "Antony Blinken", "antony-blinken"),
      MakeQuote("paper-7", "We are close.", "Antony Blinken", "antony-blinken"),
      MakeQuote("site-3", "We are close.", "Antony Blinken", "antony-blinken"),
      MakeQuote("site-3", "We are very close.", "Antony Blinken", "antony-blinken"),
  };
  const std::vector<SpeakerQuotes> groups = GroupQuotesBySpeaker(quotes);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].quotes.size(), 2u);
  EXPECT_EQ(groups[0].quotes[0].first.article, "wire-1");
  EXPECT_EQ(groups[0].quotes[0].also_in, (std::vector<std::string>{"paper-7", "site-3"}));
  EXPECT_TRUE(groups[0].quotes[1].also_in.empty());
}

TEST(QuotesBySpeakerTest, PartialQuotationsAreNotStatements) {
  StoredQuote scare = MakeQuote("a1", "little chance", "Qatar", "qatar");
  scare.quote.partial = true;
  const std::vector<SpeakerQuotes> groups =
      GroupQuotesBySpeaker({scare, MakeQuote("a1", "We keep trying.", "Qatar", "qatar")});
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].quotes.size(), 1u);
  EXPECT_EQ(groups[0].quotes[0].first.quote.text, "We keep trying.");
}

TEST(QuotesBySpeakerTest, NoQuotesNoGroups) { EXPECT_TRUE(GroupQuotesBySpeaker({}).empty()); }

}  // namespace
}  // namespace storyline
