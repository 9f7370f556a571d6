#include "extract/entities/news_outlets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;

NewsOutletLexicon SmallLexicon() {
  NewsOutletLexicon lexicon;
  lexicon.Add("Reuters", false);
  lexicon.Add("AP", true);
  lexicon.Add("The Hill", true);
  lexicon.Add("The Washington Post", false);
  lexicon.Add("The Intercept", false);
  lexicon.Add("USA Today", false);
  return lexicon;
}

std::vector<std::string> Outlets(const std::string& text, std::vector<EntityMention> mentions = {},
                                 std::string_view source = "") {
  TagNewsOutlets(text, Tokenizer().Tokenize(text), SmallLexicon(), source, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(NewsOutletsTest, OutletsAreOrganizationsWhateverTheRecognizerSaid) {
  const std::string text = "Officials told Reuters on Monday that the talks had stalled.";
  EXPECT_EQ(Outlets(text, {Mention(text, "Reuters", "PERSON")}),
            (std::vector<std::string>{"Reuters/ORG"}));
  EXPECT_EQ(Outlets("A Washington Post report said so, and so did The Washington Post."),
            (std::vector<std::string>{"Washington Post/ORG", "The Washington Post/ORG"}));
}

TEST(NewsOutletsTest, MastheadsInCapitalsAreOutletsToo) {
  const std::string text = "Experts told USA TODAY that the rule changed.";
  EXPECT_EQ(Outlets(text, {Mention(text, "USA", "PLACE")}),
            (std::vector<std::string>{"USA TODAY/ORG"}));
  EXPECT_EQ(Outlets("LONDON (REUTERS) - Prices fell."), (std::vector<std::string>{"REUTERS/ORG"}));
  // Capitals are not lower case: "reuters" and "usa today" stay words.
  EXPECT_EQ(Outlets("the usa today and reuters pages"), (std::vector<std::string>{}));
}

TEST(NewsOutletsTest, AmbiguousNamesNeedAReportingContext) {
  EXPECT_EQ(Outlets("The plan, the AP reported, was dropped. (With AP Inputs)"),
            (std::vector<std::string>{"AP/ORG", "AP/ORG"}));
  EXPECT_EQ(Outlets("She passed AP exams and wrote in AP-style prose."),
            (std::vector<std::string>{}));
  EXPECT_EQ(Outlets("He told The Hill that Hill said nothing about the hill."),
            (std::vector<std::string>{"The Hill/ORG"}));
}

TEST(NewsOutletsTest, LongerNamesAndCommonWordsAreLeftAlone) {
  const std::string text = "Thomson Reuters owns the Reuters Institute. Intercept: 0.39.";
  EXPECT_EQ(Outlets(text), (std::vector<std::string>{}));
  const std::string longer = "The Reuters Foundation gave.";
  EXPECT_EQ(Outlets(longer, {Mention(longer, "Reuters Foundation", "ORG")}),
            (std::vector<std::string>{"Reuters Foundation/ORG"}));
}

TEST(NewsOutletsTest, TheArticlesOwnSourceIsAnOutlet) {
  EXPECT_EQ(Outlets("A source told Anadolu on condition of anonymity.", {}, "Anadolu Agency"),
            (std::vector<std::string>{"Anadolu/ORG"}));
  EXPECT_EQ(OutletNamesOfSource("Xinhua News Agency"),
            (std::vector<std::string>{"Xinhua News Agency", "Xinhua"}));
  EXPECT_EQ(OutletNamesOfSource("unknown (carries AP material)"), (std::vector<std::string>{}));
}

TEST(NewsOutletsTest, TheCommittedTableLoads) {
  const NewsOutletLexicon lexicon =
      NewsOutletLexicon::Load(std::filesystem::path(storyline::test_paths::SourceDir()) / "models");
  ASSERT_NE(lexicon.StartingWith("Axios"), nullptr);
  ASSERT_NE(lexicon.StartingWith("New"), nullptr);  // "The New York Times", its "The" optional
  EXPECT_EQ(lexicon.StartingWith("The"), nullptr);
}

}  // namespace
}  // namespace storyline
