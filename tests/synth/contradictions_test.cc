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

std::vector<Contradiction> Found(const std::string& denial, const std::string& assertion) {
  std::vector<StoredArticle> articles = {MakeArticle("a", "Anadolu Agency", "2024-08-21", denial),
                                         MakeArticle("b", "The Hill", "2024-08-21", assertion)};
  AddEntity(articles[0], "The navy", "ORG", "navy", "Navy");
  AddEntity(articles[1], "The navy", "ORG", "navy", "Navy");
  return FindContradictions(TokenizeArticles(articles));
}

TEST(ContradictionsTest, APlainDenialOfTheSameVerbContradicts) {
  EXPECT_EQ(Found("The navy never repulsed an attack on the merchant vessel.",
                  "The navy repulsed an attack on the merchant vessel on Saturday.")
                .size(),
            1u);
}

// "not only", "not just", "no doubt" stress what follows; "not completely", "not yet",
// "no longer" qualify it or say when. None of them denies.
TEST(ContradictionsTest, EmphasisAndHedgesAreNoDenials) {
  const std::string assertion = "The navy repulsed an attack on the merchant vessel on Saturday.";
  for (const std::string denial :
       {"The navy not only repulsed an attack on the merchant vessel.",
        "The navy has not just repulsed an attack on the merchant vessel.",
        "The navy no doubt repulsed an attack on the merchant vessel.",
        "The navy has not completely repulsed an attack on the merchant vessel.",
        "The navy has not yet repulsed an attack on the merchant vessel.",
        "The navy no longer repulsed an attack on the merchant vessel."}) {
    EXPECT_TRUE(Found(denial, assertion).empty()) << denial;
  }
}

// The negation must be the subject's own: "agreed not to" and "insisted it was not" deny
// another verb's object.
TEST(ContradictionsTest, ANegationAfterAnotherVerbIsNoDenialOfTheSubject) {
  EXPECT_TRUE(Found("The navy agreed not to repulse an attack on the merchant vessel.",
                    "The navy repulsed an attack on the merchant vessel on Saturday.")
                  .empty());
}

// The assertion must hold the verb the denial negates: "never recovered from a big right
// hand" is not answered by "with a big right hand".
TEST(ContradictionsTest, TheAssertionMustHoldTheDeniedVerb) {
  EXPECT_TRUE(Found("The navy never recovered the merchant vessel after the attack.",
                    "The navy escorted the merchant vessel after the attack.")
                  .empty());
}

// Re-tokenized text writes contractions apart ("didn ’ t"): still a denial, so two
// outlets saying the same denial do not contradict.
TEST(ContradictionsTest, ASplitContractionIsADenial) {
  EXPECT_TRUE(Found("The navy didn't return a call seeking comment on the vessel.",
                    "The navy didn \xE2\x80\x99 t return a call seeking comment on the vessel.")
                  .empty());
}

// A sentence that asserts and denies ("was in talks ..., but was not able to agree") is
// no plain assertion.
TEST(ContradictionsTest, AnAssertionQualifiedByADenialIsNone) {
  EXPECT_TRUE(Found("The navy will not escort the merchant vessel.",
                    "The navy planned to escort the merchant vessel, but was not able to.")
                  .empty());
}

}  // namespace
}  // namespace storyline
