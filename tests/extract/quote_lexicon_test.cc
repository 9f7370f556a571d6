#include "extract/quotes/quote_lexicon.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(QuoteLexiconTest, AdjunctsAfterASpeechVerbAreNotWhatWasSaid) {
  EXPECT_TRUE(IsAdjunctStart("of"));  // "said of the boy"
  EXPECT_TRUE(IsAdjunctStart("in"));  // "said in a statement"
  EXPECT_TRUE(IsAdjunctStart("tuesday"));
  EXPECT_FALSE(IsAdjunctStart("that"));  // "said that ...": what was said
  EXPECT_FALSE(IsAdjunctStart("who"));
  EXPECT_FALSE(IsAdjunctStart("told"));
  EXPECT_FALSE(IsAdjunctStart("police"));
}

TEST(QuoteLexiconTest, SpeechVerbsThatAreAlsoNouns) {
  EXPECT_TRUE(CanBeNoun("post"));  // "a Tumblr post"
  EXPECT_TRUE(CanBeNoun("report"));
  EXPECT_FALSE(CanBeNoun("reports"));  // "the Times reports" is a verb
  EXPECT_FALSE(CanBeNoun("said"));
}

TEST(QuoteLexiconTest, FormsOfBe) {
  for (const char* word : {"is", "are", "was", "were", "be", "been", "being"}) {
    EXPECT_TRUE(IsBeAuxiliary(word)) << word;
  }
  EXPECT_FALSE(IsBeAuxiliary("has"));
  EXPECT_FALSE(IsBeAuxiliary("Was"));  // lower case only
}

TEST(QuoteLexiconTest, WordsAroundNames) {
  EXPECT_TRUE(IsNameSuffix("sr."));
  EXPECT_TRUE(IsNameSuffix("jr"));
  EXPECT_TRUE(IsNameSuffix("iii"));
  EXPECT_FALSE(IsNameSuffix("st."));

  EXPECT_TRUE(IsPrepositionAfterName("with"));  // "Pat Clarke with the committee"
  EXPECT_TRUE(IsPrepositionAfterName("of"));
  EXPECT_FALSE(IsPrepositionAfterName("in"));
  // "in" and "near" end a name only inside a descriptor: "one woman in Qeshm".
  EXPECT_TRUE(IsPrepositionInDescriptor("in"));
  EXPECT_TRUE(IsPrepositionInDescriptor("near"));
  EXPECT_TRUE(IsPrepositionInDescriptor("for"));
  EXPECT_FALSE(IsPrepositionInDescriptor("and"));

  EXPECT_TRUE(IsNameParticle("bin"));  // "Mohammed bin Abdulrahman"
  EXPECT_TRUE(IsNameParticle("van"));
  EXPECT_FALSE(IsNameParticle("Bin"));  // as written: capitalized is a name's own word
  EXPECT_FALSE(IsNameParticle("and"));
}

TEST(QuoteLexiconTest, CapitalizedWordsThatAreNoNames) {
  EXPECT_TRUE(IsSentenceAdverb("though"));  // "Though Roe said ..."
  EXPECT_TRUE(IsSentenceAdverb("instead"));
  EXPECT_FALSE(IsSentenceAdverb("however"));  // a function word, below

  EXPECT_TRUE(IsCapitalizedFunctionWord("however"));
  EXPECT_TRUE(IsCapitalizedFunctionWord("according"));
  EXPECT_TRUE(IsCapitalizedFunctionWord("the"));
  EXPECT_FALSE(IsCapitalizedFunctionWord("police"));

  EXPECT_TRUE(IsTitleSmallWord("of"));  // "The Lord of the Rings"
  EXPECT_TRUE(IsTitleSmallWord("the"));
  EXPECT_FALSE(IsTitleSmallWord("lord"));
}

}  // namespace
}  // namespace storyline
