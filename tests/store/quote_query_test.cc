// Store::LoadQuotes on the SQLite back end: arrival order, the article fields each
// quotation carries, speaker matching by name, id or part of a name, the story filter
// and the limit.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/store.h"

namespace storyline {
namespace {

Quote MakeQuote(Span span, std::string text, std::optional<std::string> speaker,
                std::optional<std::string> entity) {
  Quote quote;
  quote.span = span;
  quote.text = std::move(text);
  quote.speaker = std::move(speaker);
  quote.speaker_entity = std::move(entity);
  return quote;
}

PreparedArticle MakeArticle(std::string id, std::string source,
                            std::optional<std::string> published, std::string text,
                            std::vector<Quote> quotes) {
  Article article;
  article.id = std::move(id);
  article.source = std::move(source);
  article.published = std::move(published);
  article.text = std::move(text);
  Analysis analysis;
  analysis.quotes = std::move(quotes);
  return PrepareArticle(std::move(article), std::move(analysis));
}

std::vector<std::string> Texts(const std::vector<StoredQuote>& quotes) {
  std::vector<std::string> texts;
  texts.reserve(quotes.size());
  for (const StoredQuote& q : quotes) texts.push_back(q.quote.text);
  return texts;
}

QuoteQuery BySpeaker(std::string speaker) {
  QuoteQuery query;
  query.speaker = std::move(speaker);
  return query;
}

class QuoteQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("storyline-quote-query-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    store_ = OpenStore(path_);
    const std::vector<PreparedArticle> batch = {
        MakeArticle("a1", "Harbor Wire", "2024-06-03",
                    "\"We are close,\" Antony Blinken said. \"Not yet,\" an official said.",
                    {MakeQuote({1, 14}, "We are close,", "Antony Blinken", "antony-blinken"),
                     MakeQuote({38, 46}, "Not yet,", "a senior official", std::nullopt)}),
        MakeArticle("a2", "", std::nullopt, "\"Time is short,\" Blinken told reporters.",
                    {MakeQuote({1, 15}, "Time is short,", "Antony Blinken", "antony-blinken")}),
        MakeArticle("b1", "Valley Times", "2024-06-04", "\"Strike,\" Maria Lopez said.",
                    {MakeQuote({1, 8}, "Strike,", "Maria Lopez", "maria-lopez"),
                     MakeQuote({0, 0}, "", std::nullopt, std::nullopt)}),
    };
    store_->AddBatch(batch);
    StoryUpdate truce;
    truce.id = 7;
    truce.label = "truce";
    truce.new_articles = {"a1", "a2"};
    StoryUpdate strike;
    strike.id = 8;
    strike.label = "strike";
    strike.new_articles = {"b1"};
    StoryChanges changes;
    changes.changed = {truce, strike};
    store_->SaveStoryChanges({}, changes);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) {
      std::filesystem::remove(path_ + suffix);
    }
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(QuoteQueryTest, AllQuotesInArrivalThenTextOrderWithTheirArticles) {
  const std::vector<StoredQuote> quotes = store_->LoadQuotes({});
  ASSERT_EQ(Texts(quotes), (std::vector<std::string>{"We are close,", "Not yet,", "Time is short,",
                                                     "Strike,", ""}));
  EXPECT_EQ(quotes[0].article, "a1");
  EXPECT_EQ(quotes[0].source, "Harbor Wire");
  EXPECT_EQ(quotes[0].published, "2024-06-03");
  EXPECT_EQ(quotes[0].quote.span.start, 1u);
  EXPECT_EQ(quotes[0].quote.span.end, 14u);
  EXPECT_EQ(quotes[0].quote.speaker, "Antony Blinken");
  EXPECT_EQ(quotes[0].quote.speaker_entity, "antony-blinken");
  EXPECT_EQ(quotes[1].quote.speaker_entity, std::nullopt);
  EXPECT_EQ(quotes[2].article, "a2");
  EXPECT_EQ(quotes[2].source, "");
  EXPECT_EQ(quotes[2].published, std::nullopt);
  EXPECT_EQ(quotes[4].quote.speaker, std::nullopt);
}

TEST_F(QuoteQueryTest, SpeakerMatchesNameIdOrWordsOfItIgnoringCase) {
  const std::vector<std::string> blinken = {"We are close,", "Time is short,"};
  for (const char* name : {"blinken", "Antony Blinken", "ANTONY blinken", "antony-blinken",
                           " antony_blinken ", "Antony"}) {
    EXPECT_EQ(Texts(store_->LoadQuotes(BySpeaker(name))), blinken) << name;
  }
  EXPECT_EQ(Texts(store_->LoadQuotes(BySpeaker("official"))), std::vector<std::string>{"Not yet,"});
  EXPECT_EQ(Texts(store_->LoadQuotes(BySpeaker("senior official"))),
            std::vector<std::string>{"Not yet,"});
}

TEST_F(QuoteQueryTest, SpeakerMatchesWholeWordsOnly) {
  EXPECT_TRUE(store_->LoadQuotes(BySpeaker("blink")).empty());
  EXPECT_TRUE(store_->LoadQuotes(BySpeaker("ken")).empty());
  EXPECT_TRUE(store_->LoadQuotes(BySpeaker("blinken antony")).empty());
  EXPECT_TRUE(store_->LoadQuotes(BySpeaker("lopez maria")).empty());
}

TEST_F(QuoteQueryTest, StoryKeepsItsArticlesOnlyAndCombinesWithSpeaker) {
  QuoteQuery query;
  query.story = 7;
  EXPECT_EQ(Texts(store_->LoadQuotes(query)),
            (std::vector<std::string>{"We are close,", "Not yet,", "Time is short,"}));
  query.speaker = "lopez";
  EXPECT_TRUE(store_->LoadQuotes(query).empty());
  query.story = 8;
  EXPECT_EQ(Texts(store_->LoadQuotes(query)), std::vector<std::string>{"Strike,"});
  query.story = 99;
  query.speaker.clear();
  EXPECT_TRUE(store_->LoadQuotes(query).empty());
}

TEST_F(QuoteQueryTest, LimitKeepsTheFirst) {
  QuoteQuery query;
  query.limit = 2;
  EXPECT_EQ(Texts(store_->LoadQuotes(query)),
            (std::vector<std::string>{"We are close,", "Not yet,"}));
  query.speaker = "blinken";
  query.limit = 1;
  EXPECT_EQ(Texts(store_->LoadQuotes(query)), std::vector<std::string>{"We are close,"});
}

}  // namespace
}  // namespace storyline
