#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace storyline {
namespace {

using Strings = std::vector<std::string>;
using Offset = std::pair<uint32_t, uint32_t>;
using Spans = std::vector<Offset>;

std::vector<std::string> Words(std::string_view text, TokenizerOptions options = {}) {
  std::vector<std::string> words;
  for (const Token& token : Tokenizer(options).Tokenize(text).tokens) {
    words.emplace_back(token.In(text));
  }
  return words;
}

Spans Offsets(std::string_view text) {
  Spans offsets;
  for (const Token& token : Tokenizer().Tokenize(text).tokens) {
    offsets.emplace_back(token.start, token.end);
  }
  return offsets;
}

std::vector<std::string> Sentences(std::string_view text) {
  const TokenizedText tokenized = Tokenizer().Tokenize(text);
  std::vector<std::string> sentences;
  for (const Sentence& sentence : tokenized.sentences) {
    const uint32_t start = tokenized.tokens[sentence.first_token].start;
    const uint32_t end = tokenized.tokens[sentence.end_token - 1].end;
    sentences.emplace_back(text.substr(start, end - start));
  }
  return sentences;
}

TEST(TokenizerTest, EmptyAndBlankInput) {
  EXPECT_TRUE(Tokenizer().Tokenize("").tokens.empty());
  EXPECT_TRUE(Tokenizer().Tokenize("").sentences.empty());
  EXPECT_TRUE(Tokenizer().Tokenize(" \n\t\r\n ").tokens.empty());
  EXPECT_TRUE(Tokenizer().Tokenize(" \n\t\r\n ").sentences.empty());
}

TEST(TokenizerTest, ClitcsWithStraightAndCurlyApostrophes) {
  EXPECT_EQ(Offsets("don't"), (Spans{{0, 2}, {2, 5}}));
  EXPECT_EQ(Words("I can't, he won't."), (Strings{"I", "ca", "n't", ",", "he", "wo", "n't", "."}));
  EXPECT_EQ(Words("Israel’s allies don’t"), (Strings{"Israel", "’s", "allies", "do", "n’t"}));
  EXPECT_EQ(Words("they're we'll I've I'm she'd"),
            (Strings{"they", "'re", "we", "'ll", "I", "'ve", "I", "'m", "she", "'d"}));
  EXPECT_EQ(Words("O'Brien's"), (Strings{"O'Brien", "'s"}));
  EXPECT_EQ(Words("the scientists’ work"), (Strings{"the", "scientists", "’", "work"}));
  EXPECT_EQ(Words("I cannot, gonna"), (Strings{"I", "can", "not", ",", "gon", "na"}));
}

TEST(TokenizerTest, PunctuationAndQuotesAreSeparate) {
  // “ and ” are three bytes each.
  EXPECT_EQ(Offsets("a “critical impasse”."),
            (Spans{{0, 1}, {2, 5}, {5, 13}, {14, 21}, {21, 24}, {24, 25}}));
  EXPECT_EQ(
      Words("He said \"no\" (twice); 'maybe'!"),
      (Strings{"He", "said", "\"", "no", "\"", "(", "twice", ")", ";", "'", "maybe", "'", "!"}));
  EXPECT_EQ(Words("Wait... what?! Really…"), (Strings{"Wait", "...", "what", "?!", "Really", "…"}));
}

TEST(TokenizerTest, DashesAreSeparate) {
  // — is three bytes.
  EXPECT_EQ(Offsets("WASHINGTON—The"), (Spans{{0, 10}, {10, 13}, {13, 16}}));
  EXPECT_EQ(Words("1947 – 2012 -- so"), (Strings{"1947", "–", "2012", "--", "so"}));
}

TEST(TokenizerTest, HyphenatedWords) {
  EXPECT_EQ(Words("a cease-fire with al-Ansari"),
            (Strings{"a", "cease-fire", "with", "al-Ansari"}));
  const TokenizerOptions split{.split_hyphens = true};
  EXPECT_EQ(Words("a cease-fire, non-profit e-mail, 363-0555", split),
            (Strings{"a", "cease", "-", "fire", ",", "non-profit", "e-mail", ",", "363-0555"}));
}

TEST(TokenizerTest, NumbersCurrencyAndPercent) {
  EXPECT_EQ(Words("40,170 people, 1.5 million, at 3:30 for $5 (12%)"),
            (Strings{"40,170", "people", ",", "1.5", "million", ",", "at", "3:30", "for", "$", "5",
                     "(", "12", "%", ")"}));
  EXPECT_EQ(Offsets("$5"), (Spans{{0, 1}, {1, 2}}));
  EXPECT_EQ(Words("citations [13,14] and 9/11"),
            (Strings{"citations", "[", "13", ",", "14", "]", "and", "9/11"}));
  EXPECT_EQ(Words("batting .348 as #1"), (Strings{"batting", ".348", "as", "#1"}));
}

TEST(TokenizerTest, UrlsAndEmailsStayWhole) {
  EXPECT_EQ(Words("See https://example.com/a-b?q=1&r=2. Mail claire.bailey-ross@port.ac.uk, or "
                  "www.gov.uk)"),
            (Strings{"See", "https://example.com/a-b?q=1&r=2", ".", "Mail",
                     "claire.bailey-ross@port.ac.uk", ",", "or", "www.gov.uk", ")"}));
}

TEST(TokenizerTest, AbbreviationsAndInitialsKeepTheirPeriod) {
  EXPECT_EQ(Words("U.S. Sen. Smith, Mr. Jones and J. K. Rowling met Oct. 5 at Acme Inc. etc."),
            (Strings{"U.S.", "Sen.", "Smith", ",", "Mr.", "Jones", "and", "J.", "K.", "Rowling",
                     "met", "Oct.", "5", "at", "Acme", "Inc.", "etc."}));
  EXPECT_EQ(Words("Patriots vs. Jets"), (Strings{"Patriots", "vs.", "Jets"}));
  EXPECT_EQ(Words("GEN. PRELOGAR"), (Strings{"GEN.", "PRELOGAR"}));
  EXPECT_EQ(Words("in the end."), (Strings{"in", "the", "end", "."}));
}

TEST(TokenizerTest, SentenceEnds) {
  EXPECT_EQ(Sentences("He left. She stayed! Why? Because."),
            (Strings{"He left.", "She stayed!", "Why?", "Because."}));
  EXPECT_EQ(Sentences("He said, \"We will win.\" Then he left."),
            (Strings{"He said, \"We will win.\"", "Then he left."}));
  EXPECT_EQ(Sentences("“Why?” she asked."), (Strings{"“Why?” she asked."}));
  EXPECT_EQ(Sentences("It rose 5 percent (a record.) Next"),
            (Strings{"It rose 5 percent (a record.)", "Next"}));
  EXPECT_EQ(Sentences("He was born in 1900. [3] He died."),
            (Strings{"He was born in 1900. [3]", "He died."}));
}

TEST(TokenizerTest, AbbreviationsEndSentencesOnlyBeforeClearStarts) {
  EXPECT_EQ(Sentences("Mr. Biden met Gen. Smith. Dr. Who came."),
            (Strings{"Mr. Biden met Gen. Smith.", "Dr. Who came."}));
  EXPECT_EQ(Sentences("He works for Acme Inc. The company grew."),
            (Strings{"He works for Acme Inc.", "The company grew."}));
  EXPECT_EQ(Sentences("It sold in the U.S. Microsoft bought it."),
            (Strings{"It sold in the U.S. Microsoft bought it."}));
  EXPECT_EQ(Sentences("Author J. K. Rowling spoke on Jan. 5 in St. Louis."),
            (Strings{"Author J. K. Rowling spoke on Jan. 5 in St. Louis."}));
}

TEST(TokenizerTest, LineBreaksAndParagraphs) {
  EXPECT_EQ(Sentences("Biden Calls Netanyahu\nThe president spoke on Monday."),
            (Strings{"Biden Calls Netanyahu", "The president spoke on Monday."}));
  EXPECT_EQ(Sentences("a line that\ncontinues here"), (Strings{"a line that\ncontinues here"}));
  EXPECT_EQ(Sentences("First part, and\n\nsecond paragraph"),
            (Strings{"First part, and", "second paragraph"}));
  EXPECT_EQ(Sentences("Interview with Mr.\nSmith"), (Strings{"Interview with Mr.\nSmith"}));
}

TEST(TokenizerTest, Datelines) {
  EXPECT_EQ(Sentences("WASHINGTON—The White House said. It called."),
            (Strings{"WASHINGTON—The White House said.", "It called."}));
  EXPECT_EQ(Sentences("GAZA CITY, Aug. 21 (Reuters) - Talks resumed."),
            (Strings{"GAZA CITY, Aug. 21 (Reuters) - Talks resumed."}));
}

TEST(TokenizerTest, InvalidUtf8BytesAreSingleByteTokens) {
  const std::string text =
      "ab\xFF"
      "cd \xC3 \xE2\x80 ok";
  EXPECT_EQ(Offsets(text), (Spans{{0, 2}, {2, 3}, {3, 5}, {6, 7}, {8, 9}, {9, 10}, {11, 13}}));
}

bool IsCharacterBoundary(std::string_view text, uint32_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Whatever the bytes, tokens are non-empty, ordered and non-overlapping, sentences
// partition the tokens, and in valid UTF-8 every offset is a character boundary.
TEST(TokenizerTest, RandomTextKeepsTheInvariants) {
  std::mt19937 random(42);
  const std::string pieces[] = {"a",  "Z",   "1",  ".", ",",    "'",       "’",   "—",
                                "-",  " ",   "\n", "é", "$",    "@",       "://", "www.",
                                "Mr", "n't", "(",  "”", "\xFF", "\xE2\x80"};
  const size_t valid_pieces = std::size(pieces) - 2;
  for (int round = 0; round < 4000; ++round) {
    const bool valid = round % 2 == 0;
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      text += pieces[random() % (valid ? valid_pieces : std::size(pieces))];
    }
    const TokenizedText tokenized = Tokenizer().Tokenize(text);
    uint32_t previous_end = 0;
    for (const Token& token : tokenized.tokens) {
      ASSERT_LT(token.start, token.end) << text;
      ASSERT_LE(previous_end, token.start) << text;
      ASSERT_LE(token.end, text.size()) << text;
      if (valid) {
        ASSERT_TRUE(IsCharacterBoundary(text, token.start)) << text;
        ASSERT_TRUE(IsCharacterBoundary(text, token.end)) << text;
      }
      previous_end = token.end;
    }
    uint32_t next_token = 0;
    for (const Sentence& sentence : tokenized.sentences) {
      ASSERT_EQ(sentence.first_token, next_token) << text;
      ASSERT_LT(sentence.first_token, sentence.end_token) << text;
      next_token = sentence.end_token;
    }
    ASSERT_EQ(next_token, tokenized.tokens.size()) << text;
  }
}

TEST(WordShapeTest, Shapes) {
  EXPECT_EQ(WordShape("Washington"), "Xxxxx");
  EXPECT_EQ(WordShape("Xi"), "Xx");
  EXPECT_EQ(WordShape("40,170"), "dd,ddd");
  EXPECT_EQ(WordShape("U.S."), "X.X.");
  EXPECT_EQ(WordShape("COVID-19"), "XXXX-dd");
  EXPECT_EQ(WordShape("Élysée"), "Xxxxx");
  EXPECT_EQ(WordShape("—"), "—");
  EXPECT_EQ(WordShape("a\xFF"), "x?");
  EXPECT_EQ(WordShape(""), "");
}

}  // namespace
}  // namespace storyline
