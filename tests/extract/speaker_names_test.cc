#include "extract/entities/speaker_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

std::vector<std::string> Tagged(const std::string& text) {
  const PosTagger& tagger = testing::CommittedTagger();
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.Add("Mara", CategoryBit(GazetteerCategory::kFirstName));
    return g;
  }();
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  tagger.Tag(text, tokens, tags);
  std::vector<EntityMention> mentions;
  TagSpeakerNames(text, tokens, tags, gazetteer, mentions);
  return testing::TextsAndTypes(mentions);
}

TEST(SpeakerNamesTest, AProperNounRunBeforeASpeechVerbIsAName) {
  EXPECT_EQ(Tagged("Additionally, Harbor Bread Kitchen announced its return to the city."),
            (std::vector<std::string>{"Harbor Bread Kitchen/ORG"}));
  EXPECT_EQ(Tagged("On Friday, Mara Quillfeather also said the talks would resume."),
            (std::vector<std::string>{"Mara Quillfeather/PERSON"}));
}

TEST(SpeakerNamesTest, SingleWordsTitlesAndOtherVerbsAreLeftAlone) {
  EXPECT_EQ(Tagged("Later, Quillfeather said the talks would resume."),
            (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("Then Prime Minister said nothing."), (std::vector<std::string>{}));
  EXPECT_EQ(Tagged("Additionally, Harbor Bread Kitchen opened a new site."),
            (std::vector<std::string>{}));
}

}  // namespace
}  // namespace storyline
