// Tokens and sentences as byte ranges into the article text. The tokenizer produces
// them; every later stage (tagger, parser, recognizers, extractors) refers to tokens by
// index, and to the text only through these offsets.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline {

struct Token {
  uint32_t start = 0;  // UTF-8 byte offset into the text
  uint32_t end = 0;    // exclusive

  std::string_view In(std::string_view text) const { return text.substr(start, end - start); }
};

struct Sentence {
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // exclusive
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

}  // namespace storyline
