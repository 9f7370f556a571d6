#include "extract/entities/mention_edits.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mention_test_support.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

using testing::Mention;
using testing::TextsAndTypes;

// The token index of the first token starting at byte `start` of `text`.
size_t TokenAt(const TokenizedText& tokens, const std::string& text, const std::string& word) {
  const uint32_t start = static_cast<uint32_t>(text.find(word));
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (tokens.tokens[i].start == start) return i;
  }
  return tokens.tokens.size();
}

TEST(MentionEditor, PutReplacesEveryOverlappingMentionAndKeepsTextOrder) {
  const std::string text = "Officials of the Gaza Health Ministry met Joe Biden in Rafah.";
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<EntityMention> mentions = {
      Mention(text, "Gaza", "PLACE"), Mention(text, "Health Ministry", "ORG"),
      Mention(text, "Biden", "PERSON"), Mention(text, "Rafah", "PLACE")};
  {
    MentionEditor editor(text, tokens, mentions);
    const size_t gaza = TokenAt(tokens, text, "Gaza");
    EXPECT_TRUE(editor.ReachesOutside(gaza + 1, gaza + 2));  // "Health" of "Health Ministry"
    EXPECT_FALSE(editor.ReachesOutside(gaza, gaza + 3));
    editor.Put(gaza, gaza + 3, "ORG");
    const size_t joe = TokenAt(tokens, text, "Joe");
    editor.Put(joe, joe + 2, "PERSON");
    EXPECT_TRUE(
        editor.AnyOverlapping(editor.TokenSpan(joe + 1, joe + 2),
                              [](const EntityMention& m) { return m.text == "Joe Biden"; }));
  }
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Gaza Health Ministry/ORG",
                                                               "Joe Biden/PERSON", "Rafah/PLACE"}));
}

TEST(MentionEditor, AMentionReachingFarBackIsFoundAndReplaced) {
  // A long mention before a short one: the short one's neighbourhood must reach it.
  const std::string text =
      "The United Nations Relief and Works Agency for Palestine Refugees said.";
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<EntityMention> mentions = {
      Mention(text, "United Nations Relief and Works Agency for Palestine Refugees", "ORG")};
  {
    MentionEditor editor(text, tokens, mentions);
    const size_t refugees = TokenAt(tokens, text, "Refugees");
    EXPECT_TRUE(editor.ReachesOutside(refugees, refugees + 1));
    editor.Put(refugees, refugees + 1, "PERSON");
  }
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Refugees/PERSON"}));
}

TEST(MentionEditor, WalksInTextOrderAndFindsWhereAPutMentionStarts) {
  const std::string text = "Ali bin Hassan met Omar and Sara.";
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<EntityMention> mentions = {
      Mention(text, "Ali", "PERSON"), Mention(text, "Hassan", "PERSON"),
      Mention(text, "Omar", "PERSON"), Mention(text, "Sara", "PERSON")};
  MentionEditor editor(text, tokens, mentions);
  editor.Put(0, 3, "PERSON");
  std::vector<std::string> walked;
  for (auto m = editor.FirstFrom(0); m != editor.end(); ++m) walked.push_back(editor.At(m).text);
  EXPECT_EQ(walked, (std::vector<std::string>{"Ali bin Hassan", "Omar", "Sara"}));
  EXPECT_EQ(editor.At(editor.FirstFrom(1)).text, "Omar");
}

TEST(MentionEditor, LeavesTheMentionsAsTheyWereWhenNothingIsPut) {
  const std::string text = "Hamas and Israel.";
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<EntityMention> mentions = {Mention(text, "Hamas", "ORG"),
                                         Mention(text, "Israel", "PLACE")};
  { const MentionEditor editor(text, tokens, mentions); }
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Hamas/ORG", "Israel/PLACE"}));
}

}  // namespace
}  // namespace storyline
