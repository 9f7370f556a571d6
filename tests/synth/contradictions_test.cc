#include "synth/contradictions.h"

#include <gtest/gtest.h>

#include "synth_test_articles.h"

namespace storyline {
namespace {

using testing::AddEntity;
using testing::MakeArticle;

// The seed case: one outlet quotes Hamas denying new demands, officials cite them.
std::vector<StoredArticle> DemandsArticles() {
  std::vector<StoredArticle> articles = {
      MakeArticle("002", "Newsmax", std::nullopt,
                  "Qatari officials are meeting with Hamas negotiators to push the militant "
                  "group towards a deal. On Tuesday, Hamas official Osama Hamdan told Al "
                  "Jazeera that the militant group has not issued any new demands."),
      MakeArticle("010", "The Hill", "2024-06-12",
                  "The White House has become doubtful about a deal due to Hamas' new "
                  "demands, officials said.")};
  AddEntity(articles[0], "Hamas", "ORG", "hamas", "Hamas", 0);
  AddEntity(articles[0], "Hamas", "ORG", "hamas", "Hamas", 1);
  AddEntity(articles[0], "Osama Hamdan", "PERSON", "osama-hamdan", "Osama Hamdan");
  AddEntity(articles[0], "Al Jazeera", "ORG", "al-jazeera", "Al Jazeera");
  AddEntity(articles[1], "White House", "ORG", "white-house", "White House");
  AddEntity(articles[1], "Hamas", "ORG", "hamas", "Hamas");
  return articles;
}

TEST(ContradictionsTest, DenialThroughAReferenceContradictsAnotherOutlet) {
  const std::vector<StoredArticle> articles = DemandsArticles();
  const std::vector<Contradiction> found = FindContradictions(TokenizeArticles(articles));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].entity, "hamas");
  EXPECT_EQ(found[0].denial.article, "002");
  EXPECT_EQ(found[0].denial.text, "the militant group has not issued any new demands");
  EXPECT_EQ(found[0].assertion.source, "The Hill");
  EXPECT_EQ(found[0].assertion.text, "Hamas' new demands");
  EXPECT_EQ(found[0].shared, (std::vector<std::string>{"demand", "new"}));
}

TEST(ContradictionsTest, OtherEntityOrSamePolarityIsNoContradiction) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Anadolu Agency", "2024-08-21",
                  "Hamas has not accepted the bridging proposal."),
      MakeArticle("b", "The Hill", "2024-08-21",
                  "Israel accepted the bridging proposal on Monday."),
      MakeArticle("c", "Newsmax", "2024-08-22",
                  "Hamas accepted the bridging proposal on Tuesday.")};
  AddEntity(articles[0], "Hamas", "ORG", "hamas", "Hamas");
  AddEntity(articles[1], "Israel", "PLACE", "israel", "Israel");
  AddEntity(articles[2], "Hamas", "ORG", "hamas", "Hamas");
  const std::vector<Contradiction> found = FindContradictions(TokenizeArticles(articles));
  ASSERT_EQ(found.size(), 1u);  // only Hamas's own acceptance answers its denial
  EXPECT_EQ(found[0].assertion.article, "c");
  articles.back().article.text = "Hamas has never accepted the bridging proposal.";
  EXPECT_TRUE(FindContradictions(TokenizeArticles(articles)).empty());
}

TEST(ContradictionsTest, OneSharedWordIsNotEnough) {
  std::vector<StoredArticle> articles = {
      MakeArticle("a", "Anadolu Agency", "2024-08-21", "Hamas has never accepted the plan."),
      MakeArticle("b", "The Hill", "2024-08-21", "Hamas drafted a plan for the talks.")};
  AddEntity(articles[0], "Hamas", "ORG", "hamas", "Hamas");
  AddEntity(articles[1], "Hamas", "ORG", "hamas", "Hamas");
  EXPECT_TRUE(FindContradictions(TokenizeArticles(articles)).empty());
}

}  // namespace
}  // namespace storyline
