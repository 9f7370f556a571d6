#include "extract/quantity_finder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>

#include "extract/number_words.h"
#include "text/ascii.h"

namespace storyline {
namespace {

bool IsAlphaWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalpha(c) || c == '-' || c >= 0x80;
  });
}

// "40,170" -> "40170", "1.5" -> "1.5"; false for anything else ("3:30", "1,50", "1.2.3").
bool PlainNumber(std::string_view digits, std::string& plain) {
  plain.clear();
  size_t since_comma = 0;
  bool comma = false;
  bool point = false;
  for (size_t k = 0; k < digits.size(); ++k) {
    const char c = digits[k];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      plain += c;
      ++since_comma;
    } else if (c == ',' && !point && k > 0 && (!comma || since_comma == 3) && since_comma <= 3) {
      comma = true;
      since_comma = 0;
    } else if (c == '.' && !point && k > 0 && k + 1 < digits.size()) {
      if (comma && since_comma != 3) return false;
      point = true;
      plain += c;
    } else {
      return false;
    }
  }
  if (comma && !point && since_comma != 3) return false;
  return !plain.empty();
}

// Words that never name what a number counts ("7 of the", "40 in", "3 to 5").
bool IsFunctionWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "of",   "the",  "a",    "an",    "and",  "or",    "to",   "in",   "on",   "at",
      "for",  "with", "by",   "from",  "as",   "was",   "were", "is",   "are",  "be",
      "been", "had",  "has",  "have",  "will", "would", "that", "this", "who",  "which",
      "than", "more", "less", "about", "into", "after", "per",  "each", "said", "percent"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Nouns a number labels rather than counts: "phase two", "round one", "Article 5".
bool IsLabelNoun(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kNouns = {
      "phase", "stage",  "round", "step", "part",  "chapter", "article", "section",
      "level", "number", "no.",   "tier", "grade", "season",  "episode", "category"};
  return std::find(kNouns.begin(), kNouns.end(), lower) != kNouns.end();
}

std::optional<std::string_view> CurrencyOfSymbol(std::string_view token) {
  if (token == "$" || token == "US$" || token == "USD") return "USD";
  if (token == "€" || token == "EUR") return "EUR";
  if (token == "£" || token == "GBP") return "GBP";
  return std::nullopt;
}

std::optional<std::string_view> CurrencyOfWord(std::string_view lower) {
  if (lower == "dollars" || lower == "dollar") return "USD";
  if (lower == "euros" || lower == "euro") return "EUR";
  if (lower == "pounds" || lower == "pound") return "GBP";
  return std::nullopt;
}

// Hedges before an amount, longest first so "more than" wins over a bare "than".
constexpr std::array<std::array<std::string_view, 3>, 22> kHedges = {{
    {"as", "many", "as"}, {"as", "much", "as"},  {"more", "than", ""},  {"fewer", "than", ""},
    {"less", "than", ""}, {"at", "least", ""},   {"up", "to", ""},      {"an", "estimated", ""},
    {"just", "over", ""}, {"just", "under", ""}, {"about", "", ""},     {"around", "", ""},
    {"nearly", "", ""},   {"almost", "", ""},    {"roughly", "", ""},   {"approximately", "", ""},
    {"some", "", ""},     {"over", "", ""},      {"estimated", "", ""}, {"under", "", ""},
    {"approx.", "", ""},  {"circa", "", ""},
}};

class Scanner {
 public:
  Scanner(std::string_view text, const TokenizedText& tokens, std::span<const PosTag> tags,
          std::span<const TimeExpression> exclude)
      : text_(text),
        tokens_(tokens.tokens),
        tags_(tags),
        excluded_(ExcludedTokens(tokens.tokens, exclude)) {}

  std::vector<Quantity> Run(const Sentence& sentence) {
    std::vector<Quantity> found;
    first_ = sentence.first_token;
    end_ = sentence.end_token;
    unclaimed_ = first_;
    for (uint32_t i = first_; i < end_; ++i) {
      if (auto quantity = ReadAt(i)) {
        found.push_back(std::move(*quantity));
        while (i + 1 < end_ && tokens_[i + 1].start < found.back().span.end) ++i;
        unclaimed_ = i + 1;
      }
    }
    return found;
  }

 private:
  struct Amount {
    double value = 0;
    uint32_t last = 0;  // last token of the number (and its scale words)
    bool approximate = false;
    std::string unit;  // a unit glued to the number: "30-minute" -> "minute"
  };

  std::string_view Word(uint32_t i) const { return tokens_[i].In(text_); }
  std::string LowerWord(uint32_t i) const { return AsciiLower(Word(i)); }
  bool Has(uint32_t i) const { return i >= first_ && i < end_; }
  std::string_view Xpos(uint32_t i) const {
    return tags_.empty() ? std::string_view() : tags_[i].xpos;
  }

  // Per token, whether it overlaps a date, a time of day or a set ("every Monday"):
  // numbers there are not quantities. Marked once per article, so that the cost stays
  // linear in its length.
  static std::vector<bool> ExcludedTokens(const std::vector<Token>& tokens,
                                          std::span<const TimeExpression> times) {
    std::vector<bool> excluded(tokens.size(), false);
    for (const TimeExpression& time : times) {
      if (time.kind != "DATE" && time.kind != "TIME" && time.kind != "SET") continue;
      // Tokens are in text order and do not overlap: the first that ends after the
      // time's start, then on while they start before its end.
      auto t =
          std::upper_bound(tokens.begin(), tokens.end(), time.span.start,
                           [](uint32_t start, const Token& token) { return start < token.end; });
      for (; t != tokens.end() && t->start < time.span.end; ++t) {
        excluded[size_t(t - tokens.begin())] = true;
      }
    }
    return excluded;
  }

  bool Excluded(uint32_t i) const { return excluded_[i]; }

  // "40,170", "1.5", "30-minute"; not "3:30", "9/11", "1990s", "2024-08-21".
  std::optional<Amount> ReadDigits(uint32_t i) const {
    std::string_view word = Word(i);
    std::string_view digits = word;
    std::string glued;
    const size_t hyphen = word.find('-');
    if (hyphen != std::string_view::npos) {
      digits = word.substr(0, hyphen);
      glued = AsciiLower(word.substr(hyphen + 1));
      if (!IsAlphaWord(glued)) return std::nullopt;
    }
    std::string plain;
    if (!PlainNumber(digits, plain)) return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (ec != std::errc() || ptr != plain.data() + plain.size()) return std::nullopt;
    Amount amount{value, i, false, glued.empty() ? std::string() : Singular(glued)};
    return amount;
  }

  // "four-week": a number word glued to the unit it counts.
  std::optional<Amount> ReadGluedWord(uint32_t i, std::string_view lower) const {
    const size_t hyphen = lower.find('-');
    if (hyphen == std::string_view::npos) return std::nullopt;
    const std::optional<double> value = NumberWordValue(lower.substr(0, hyphen));
    const std::string_view unit = lower.substr(hyphen + 1);
    if (!value || !IsAlphaWord(unit) || NumberWordValue(unit)) return std::nullopt;
    return Amount{*value, i, false, Singular(unit)};
  }

  // "seven", "twenty-five", "four-week", "a dozen", "two hundred", "one million".
  std::optional<Amount> ReadWords(uint32_t i) const {
    std::string lower = LowerWord(i);
    if (auto glued = ReadGluedWord(i, lower)) return glued;
    uint32_t last = i;
    std::optional<double> value;
    if ((lower == "a" || lower == "one") && Has(i + 1)) {
      const std::string next = LowerWord(i + 1);
      if (next == "dozen" || NumberScale(next)) {
        value = 1;
      } else if (lower == "a") {
        return std::nullopt;
      }
    }
    if (!value) value = NumberWordValue(lower);
    if (!value) return std::nullopt;
    // A bare "one" is a pronoun more often than a count ("one of the", "no one").
    if (lower == "one" && (!Has(i + 1) || LowerWord(i + 1) == "of" || !IsAlphaWord(Word(i + 1)))) {
      return std::nullopt;
    }
    if (Has(i + 1) && LowerWord(i + 1) == "dozen" && lower != "dozen") {
      *value *= 12;
      ++last;
    }
    return Amount{*value, last, false, {}};
  }

  // "hundreds of", "tens of thousands of", "dozens".
  std::optional<Amount> ReadVague(uint32_t i) const {
    auto value = VagueAmount(LowerWord(i));
    if (!value) return std::nullopt;
    uint32_t last = i;
    if (Has(i + 2) && LowerWord(i + 1) == "of") {
      if (auto more = VagueAmount(LowerWord(i + 2))) {
        *value *= *more;
        last = i + 2;
      }
    }
    return Amount{*value, last, true, {}};
  }

  std::optional<Amount> ReadNumber(uint32_t i) const {
    std::optional<Amount> amount = ReadDigits(i);
    if (!amount) amount = ReadWords(i);
    if (!amount) return ReadVague(i);
    // Scale words: "1.5 million", "two hundred thousand".
    while (amount->unit.empty() && Has(amount->last + 1)) {
      auto scale = NumberScale(LowerWord(amount->last + 1));
      if (!scale) break;
      amount->value *= *scale;
      ++amount->last;
    }
    return amount;
  }

  // Extends `start` left over a hedge; true when one was found.
  bool ReadHedge(uint32_t& start) const {
    for (const auto& hedge : kHedges) {
      const uint32_t length = hedge[2].empty() ? (hedge[1].empty() ? 1 : 2) : 3;
      if (start < unclaimed_ + length) continue;
      bool match = true;
      for (uint32_t k = 0; k < length && match; ++k) {
        match = LowerWord(start - length + k) == hedge[k];
      }
      if (match) {
        start -= length;
        return true;
      }
    }
    return false;
  }

  // The noun the amount counts, from token `k` on; sets `last` to it.
  std::optional<std::string> CountedNoun(uint32_t k, uint32_t& last) const {
    if (tags_.empty()) {
      if (!Has(k) || !IsAlphaWord(Word(k)) || IsFunctionWord(LowerWord(k))) return std::nullopt;
      last = k;
      return Singular(LowerWord(k));
    }
    std::optional<uint32_t> proper;
    for (uint32_t j = k; Has(j) && j < k + 4; ++j) {
      const std::string_view xpos = Xpos(j);
      if (xpos == "NN" || xpos == "NNS") {
        last = j;
        return Singular(LowerWord(j));
      }
      if (xpos == "NNP" || xpos == "NNPS") {
        if (!proper) proper = j;
        continue;
      }
      if (xpos != "JJ" && xpos != "JJR" && xpos != "VBN" && xpos != "HYPH" && xpos != "CD") break;
    }
    if (!proper) return std::nullopt;
    last = *proper;
    return Singular(LowerWord(*proper));
  }

  // A number that names rather than counts: after a label noun ("phase two"), or a
  // capitalized number word inside a sentence, which is part of a name ("the Group of
  // Seven").
  bool IsLabel(uint32_t i) const {
    if (i > first_ && IsLabelNoun(LowerWord(i - 1))) return true;
    const std::string_view word = Word(i);
    return i > first_ && IsAlphaWord(Word(i - 1)) &&
           std::isupper(static_cast<unsigned char>(word[0])) &&
           NumberWordValue(AsciiLower(word)).has_value();
  }

  std::optional<Quantity> ReadAt(uint32_t i) const {
    if (Excluded(i) || IsLabel(i)) return std::nullopt;
    std::optional<Amount> amount = ReadNumber(i);
    if (!amount) return std::nullopt;
    uint32_t start = i;
    uint32_t last = amount->last;
    bool approximate = amount->approximate;
    std::string unit = amount->unit;

    if (start > unclaimed_) {
      if (auto currency = CurrencyOfSymbol(Word(start - 1))) {
        unit = *currency;
        --start;
      }
    }
    approximate |= ReadHedge(start);

    // "Boeing 737", "Route 66": a bare integer right after a name is part of the name.
    if (start == i && i > first_ + 1 && IsAlphaWord(Word(i - 1)) &&
        std::isupper(static_cast<unsigned char>(Word(i - 1)[0])) &&
        Word(i).find_first_not_of("0123456789") == std::string_view::npos) {
      return std::nullopt;
    }

    uint32_t next = last + 1;
    if (unit.empty() && Has(next)) {
      const std::string word = LowerWord(next);
      if (word == "%" || word == "percent") {
        unit = "percent";
        last = next;
      } else if (word == "per" && Has(next + 1) && LowerWord(next + 1) == "cent") {
        unit = "percent";
        last = next + 1;
      } else if (auto currency = CurrencyOfWord(word)) {
        unit = *currency;
        last = next;
      } else {
        if (amount->approximate && word == "of") ++next;
        if (auto noun = CountedNoun(next, last)) unit = *noun;
      }
    }
    // A bare "one" is a count only with the noun it counts ("one soldier").
    if (unit.empty() && amount->value == 1 &&
        !std::isdigit(static_cast<unsigned char>(Word(i)[0]))) {
      return std::nullopt;
    }
    Quantity quantity;
    quantity.span = {tokens_[start].start, tokens_[last].end};
    quantity.text =
        std::string(text_.substr(quantity.span.start, quantity.span.end - quantity.span.start));
    quantity.value = amount->value;
    quantity.unit = std::move(unit);
    quantity.approximate = approximate;
    return quantity;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::span<const PosTag> tags_;
  std::vector<bool> excluded_;  // per token
  uint32_t first_ = 0;
  uint32_t end_ = 0;
  // First token not inside an earlier quantity: a hedge or currency sign before a number
  // is looked for only from here, so quantities never overlap ("seventeen nearly 1,200").
  uint32_t unclaimed_ = 0;
};

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text, const TokenizedText& tokens,
                                     std::span<const PosTag> tags,
                                     std::span<const TimeExpression> exclude) {
  Scanner scanner(text, tokens, tags, exclude);
  std::vector<Quantity> found;
  for (const Sentence& sentence : tokens.sentences) {
    std::vector<Quantity> in_sentence = scanner.Run(sentence);
    found.insert(found.end(), std::make_move_iterator(in_sentence.begin()),
                 std::make_move_iterator(in_sentence.end()));
  }
  return found;
}

}  // namespace storyline
