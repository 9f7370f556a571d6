// Tokenizer and sentence splitter for English news text.
//
// Tokens follow Universal Dependencies English (GUM / EWT) conventions so that taggers
// and parsers trained on UD tokens see the same units at run time:
//   - clitics split off: "don't" -> "do" "n't", "can't" -> "ca" "n't", "it's" -> "it"
//     "'s", also "'re" "'ll" "'ve" "'m" "'d" and the same with the curly apostrophe;
//     "cannot" -> "can" "not", "gonna" -> "gon" "na";
//   - punctuation, quotes (straight and curly), brackets, the percent sign, currency
//     symbols and em/en dashes are tokens of their own ("WASHINGTON—The" -> three tokens);
//   - numbers keep their separators ("40,170", "1.5", "3:30"), "U.S." and other
//     abbreviations keep their period, URLs and e-mail addresses stay whole;
//   - hyphenated words stay whole ("cease-fire") unless split_hyphens is set; current
//     GUM and EWT releases split them ("cease - fire").
//
// Sentences end at ".", "?", "!", "..." (with any closing quotes and brackets that
// follow), at paragraph breaks, and at line breaks after a line such as a headline
// that has no final punctuation. A period after an abbreviation or an initial
// ("Mr.", "Jan.", "J.") ends a sentence only when a clear sentence opener follows
// ("Inc. The company..."), never before a name.
//
// Offsets are UTF-8 byte offsets, always on character boundaries. Any byte string is
// accepted: a byte that is not part of valid UTF-8 becomes a one-byte token of its own.
// The tokenizer is stateless after construction and safe to share between threads.
#pragma once

#include <string>
#include <string_view>

#include "text/token.h"

namespace storyline {

struct TokenizerOptions {
  // Split "cease-fire" into "cease" "-" "fire" as GUM and EWT (UD v2.8 and later) do.
  bool split_hyphens = false;
};

class Tokenizer {
 public:
  Tokenizer() = default;
  explicit Tokenizer(TokenizerOptions options) : options_(options) {}

  // Texts longer than 4 GiB are not supported (offsets are 32-bit).
  TokenizedText Tokenize(std::string_view text) const;

 private:
  TokenizerOptions options_;
};

// The word shape of a token, a feature for taggers and recognizers: upper-case letters
// map to 'X', lower-case letters to 'x', digits to 'd', and every other character stays
// itself; runs of more than four identical classes are cut to four ("Washington" ->
// "Xxxxx", "40,170" -> "dd,ddd", "U.S." -> "X.X.", "COVID-19" -> "XXXX-dd").
std::string WordShape(std::string_view token);

}  // namespace storyline
