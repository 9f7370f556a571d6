// SummarizeStory: sentences taken verbatim with exact spans and citations, lead
// sentences preferred, quotation-only, short and headline sentences avoided,
// restatements and near-duplicate articles skipped, date order.
#include "synth/story_summary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace storyline {
namespace {

StoredArticle MakeArticle(int64_t id, std::string external_id, std::string source,
                          std::optional<std::string> published, std::string text) {
  StoredArticle stored;
  stored.id = id;
  stored.family_id = id;
  stored.article.id = std::move(external_id);
  stored.article.source = std::move(source);
  stored.article.published = std::move(published);
  stored.article.text = std::move(text);
  return stored;
}

// Marks the quotation "..." that starts at `opening` (its first mark) in the text.
void AddQuote(StoredArticle& stored, std::string_view opening) {
  const std::string& text = stored.article.text;
  const size_t start = text.find(opening) + 1;
  const size_t end = text.find('"', start);
  Quote quote;
  quote.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  quote.text = text.substr(start, end - start);
  stored.analysis.quotes.push_back(quote);
}

std::vector<StoredArticle> TruceStory() {
  std::vector<StoredArticle> articles;
  articles.push_back(MakeArticle(
      1, "truce-2", "Coastal Herald", "2024-06-05",
      "JERUSALEM — Blinken met Netanyahu in Jerusalem on Wednesday and urged him to accept the "
      "truce plan for Gaza that mediators put forward.\n"
      "\"We are closer to a truce plan for Gaza than at any time since the mediators began, and "
      "we must seize it,\" he said.\n"
      "Netanyahu said Israel would study the truce plan but that the war in Gaza would go on.\n"
      "Traffic was heavy in the city."));
  AddQuote(articles.back(), "\"We are closer");
  articles.push_back(MakeArticle(
      2, "truce-1", "Harbor Wire", "2024-06-03",
      "Mediators push truce plan\n"
      "CAIRO — Egyptian and Qatari mediators pressed Israel and Hamas on Monday to accept a "
      "truce plan that would pause the fighting in Gaza for six weeks.\n"
      "The truce plan would free hostages held in Gaza in exchange for prisoners.\n"
      "Rain fell over the harbour as fishing boats returned late in the evening with small "
      "catches."));
  articles.push_back(MakeArticle(
      3, "truce-3", "Valley Times", std::nullopt,
      "Hamas gave its answer on the truce plan for Gaza to the mediators on Friday and asked "
      "for changes to the hostage releases.\n"
      "Gaza truce plan talks resume."));
  return articles;
}

std::string At(const std::vector<StoredArticle>& articles, const SummarySentence& sentence) {
  for (const StoredArticle& stored : articles) {
    if (stored.article.id == sentence.article) {
      return stored.article.text.substr(sentence.span.start,
                                        sentence.span.end - sentence.span.start);
    }
  }
  return "(no article " + sentence.article + ")";
}

TEST(StorySummaryTest, ThreeCitedSentencesVerbatimInDateOrder) {
  const std::vector<StoredArticle> articles = TruceStory();
  const std::vector<SummarySentence> summary = SummarizeStory(articles);
  ASSERT_EQ(summary.size(), 3u);
  for (const SummarySentence& sentence : summary) {
    EXPECT_EQ(At(articles, sentence), sentence.text);
  }
  // The lead of each article: central and first. The dated ones by date, the undated
  // one last.
  EXPECT_EQ(summary[0].article, "truce-1");
  EXPECT_EQ(summary[0].source, "Harbor Wire");
  EXPECT_EQ(summary[0].published, "2024-06-03");
  EXPECT_EQ(summary[1].article, "truce-2");
  EXPECT_EQ(summary[2].article, "truce-3");
  EXPECT_EQ(summary[2].published, std::nullopt);
  EXPECT_EQ(summary[2].text,
            "Hamas gave its answer on the truce plan for Gaza to the mediators on Friday and "
            "asked for changes to the hostage releases.");
}

TEST(StorySummaryTest, DatelineIsCutFromTheSentence) {
  const std::vector<StoredArticle> articles = TruceStory();
  const std::vector<SummarySentence> summary = SummarizeStory(articles);
  ASSERT_GE(summary.size(), 2u);
  EXPECT_EQ(summary[0].text.substr(0, 9), "Egyptian ") << summary[0].text;
  EXPECT_EQ(summary[1].text.substr(0, 8), "Blinken ") << summary[1].text;
}

TEST(StorySummaryTest, AvoidsQuotationsHeadlinesAndShortSentences) {
  const std::vector<StoredArticle> articles = TruceStory();
  SummaryOptions options;
  options.sentences = 10;
  const std::vector<SummarySentence> summary = SummarizeStory(articles, options);
  std::set<std::string> chosen;
  for (const SummarySentence& sentence : summary) chosen.insert(sentence.text);
  for (const char* avoided :
       {"Mediators push truce plan", "Gaza truce plan talks resume.",
        "Traffic was heavy in the city.",
        "\"We are closer to a truce plan for Gaza than at any time since the mediators began, "
        "and we must seize it,\" he said."}) {
    EXPECT_FALSE(chosen.contains(avoided)) << avoided;
  }
  EXPECT_TRUE(chosen.contains(
      "Netanyahu said Israel would study the truce plan but that the war in Gaza would go on."));
}

TEST(StorySummaryTest, ReprintsAndRestatementsAreNotRepeated) {
  std::vector<StoredArticle> articles = TruceStory();
  StoredArticle reprint = articles[1];
  reprint.id = 4;
  reprint.dup_of = 2;
  reprint.article.id = "truce-1-reprint";
  articles.push_back(reprint);
  StoredArticle restated = articles[0];
  restated.id = 5;
  restated.family_id = 5;
  restated.article.id = "truce-2-copy";
  articles.push_back(restated);

  SummaryOptions options;
  options.sentences = 10;
  std::set<std::string> texts;
  for (const SummarySentence& sentence : SummarizeStory(articles, options)) {
    EXPECT_NE(sentence.article, "truce-1-reprint");
    EXPECT_TRUE(texts.insert(sentence.text).second) << "repeated: " << sentence.text;
  }
}

TEST(StorySummaryTest, EmptyStoryHasNoSummary) {
  EXPECT_TRUE(SummarizeStory({}).empty());
  const std::vector<StoredArticle> headline_only = {
      MakeArticle(1, "x", "", std::nullopt, "Talks resume")};
  EXPECT_TRUE(SummarizeStory(headline_only).empty());
}

}  // namespace
}  // namespace storyline
