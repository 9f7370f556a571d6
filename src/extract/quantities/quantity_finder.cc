#include "extract/quantities/quantity_finder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>

#include "extract/quantities/number_words.h"
#include "text/ascii.h"

namespace storyline {
namespace {

bool IsAlphaWord(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalpha(c) || c == '-' || c >= 0x80;
  });
}

// A word a number may count, abbreviations included ("people", "cu.ft.", "lb-ft"); not
// "85-433" of a phone number.
bool IsNounWord(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); }) &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) {
           return std::isalpha(c) || c == '-' || c == '.' || c >= 0x80;
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

// Nouns a number labels rather than counts: "phase two", "round one", "Article 5",
// "model 4431", "type 2", "room 38".
bool IsLabelNoun(std::string_view lower) {
  static constexpr auto kNouns = std::to_array<std::string_view>(
      {"phase",      "stage",      "round",    "step",     "part",    "chapter",
       "article",    "section",    "level",    "number",   "no.",     "tier",
       "grade",      "season",     "episode",  "category", "model",   "version",
       "type",       "generation", "series",   "flight",   "route",   "highway",
       "interstate", "gate",       "platform", "channel",  "room",    "group",
       "suite",      "apartment",  "page",     "volume",   "exhibit", "figure"});
  return std::find(kNouns.begin(), kNouns.end(), lower) != kNouns.end();
}

// Nouns that, counted, make an idiom rather than a fact: "one thing that most people
// don't realize", "two ways to see it", "three reasons why".
bool IsGenericNoun(std::string_view singular) {
  static constexpr auto kNouns = std::to_array<std::string_view>(
      {"thing", "way", "reason", "kind", "sort", "example", "other", "one", "another"});
  return std::find(kNouns.begin(), kNouns.end(), singular) != kNouns.end();
}

// After "one", nouns of idioms: "at one point", "on one hand", "one side of the story".
bool IsIdiomAfterOne(std::string_view singular) {
  return singular == "point" || singular == "hand" || singular == "side" || singular == "time";
}

// Words after a number that make it a clock time ("9.30 a.m.") or a radio frequency
// ("101.5 FM") rather than an amount.
bool IsClockWord(std::string_view lower) {
  return lower == "fm" || lower == "a.m." || lower == "p.m." || lower == "am" || lower == "pm" ||
         lower == "a.m" || lower == "p.m";
}

// A capitalized plural that counts people of a country, faith or party ("40
// Palestinians", "three Israelis", "two Democrats"): the one kind of capitalized noun a
// number counts. Any other ("10 Things in Tech", "80 Day Obsession", "1 Green") is part
// of a name, a title or a label.
bool IsGroupOfPeople(std::string_view lower) {
  static constexpr auto kGroups = std::to_array<std::string_view>(
      {"britons",   "kurds",       "turks",     "arabs",     "jews",     "poles",
       "serbs",     "croats",      "danes",     "swedes",    "finns",    "scots",
       "democrats", "republicans", "marines",   "catholics", "muslims",  "christians",
       "hindus",    "sikhs",       "uighurs",   "uyghurs",   "rohingya", "conservatives",
       "liberals",  "socialists",  "communists"});
  if (std::find(kGroups.begin(), kGroups.end(), lower) != kGroups.end()) return true;
  return lower.size() > 4 &&
         (lower.ends_with("ans") || lower.ends_with("is") || lower.ends_with("ese"));
}

// Adverbs and particles the tagger may read as nouns after a pronoun "one": "pull one
// off", "pick one up".
bool IsParticle(std::string_view lower) {
  return lower == "off" || lower == "up" || lower == "out" || lower == "down" || lower == "away" ||
         lower == "back" || lower == "over";
}

// Quantifiers between a number and a noun make the number something else: "a
// professional one several weeks ago".
bool IsQuantifier(std::string_view lower) {
  return lower == "several" || lower == "many" || lower == "few" || lower == "more" ||
         lower == "most" || lower == "some";
}

// "Tbsp", "Oz", "Kg": a unit a recipe or a table may capitalize; "Day" or "Mile" so
// written after a number is a name ("80 Day Obsession").
bool IsUnitAbbreviation(std::string_view singular) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"day", "week", "year", "hour", "mile", "inch", "foot", "cup", "gram", "ton", "pint", "acre",
       "yard", "knot", "volt", "watt"});
  return IsUnitOfMeasure(singular) && singular.size() <= 4 &&
         std::find(kWords.begin(), kWords.end(), singular) == kWords.end();
}

bool IsTitleCase(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])) &&
         std::any_of(word.begin() + 1, word.end(), [](unsigned char c) { return std::islower(c); });
}

bool HasLower(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::islower(c); });
}

bool HasUpper(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isupper(c); });
}

std::optional<std::string_view> CurrencyOfSymbol(std::string_view token) {
  if (token == "$" || token == "US$" || token == "USD") return "USD";
  if (token == "€" || token == "EUR") return "EUR";
  if (token == "£" || token == "GBP") return "GBP";
  if (token == "₩" || token == "KRW") return "KRW";
  if (token == "₹" || token == "Rs" || token == "Rs." || token == "INR") return "INR";
  if (token == "C$" || token == "CAD") return "CAD";
  if (token == "A$" || token == "AUD") return "AUD";
  return std::nullopt;
}

std::optional<std::string_view> CurrencyOfWord(std::string_view lower) {
  if (lower == "dollars" || lower == "dollar") return "USD";
  if (lower == "euros" || lower == "euro") return "EUR";
  if (lower == "pounds" || lower == "pound") return "GBP";
  if (lower == "€") return "EUR";
  if (lower == "₩") return "KRW";
  if (lower == "rupees" || lower == "rupee") return "INR";
  if (lower == "yuan" || lower == "renminbi") return "CNY";
  if (lower == "yen") return "JPY";
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
    double scale = 1;  // of the scale words read: "1.5 million" -> 1e6
  };

  // What a number counts or measures, and the noun token that says so (if any).
  struct Counted {
    std::string unit;
    std::optional<uint32_t> noun;
  };

  std::string_view Word(uint32_t i) const { return tokens_[i].In(text_); }
  std::string LowerWord(uint32_t i) const { return AsciiLower(Word(i)); }
  bool Has(uint32_t i) const { return i >= first_ && i < end_; }
  std::string_view Xpos(uint32_t i) const {
    return tags_.empty() ? std::string_view() : tags_[i].xpos;
  }
  bool IsCommonNoun(uint32_t i) const { return Xpos(i) == "NN" || Xpos(i) == "NNS"; }
  bool Adjacent(uint32_t i) const { return tokens_[i].end == tokens_[i + 1].start; }

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
      if (!IsGluedUnit(glued)) return std::nullopt;
      // "411-TIPS" of a phone number spells a word; "10-MW" is a unit.
      if (!HasLower(word.substr(hyphen + 1)) && !IsUnitOfMeasure(Singular(glued))) {
        return std::nullopt;
      }
    }
    std::string plain;
    if (!PlainNumber(digits, plain)) return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (ec != std::errc() || ptr != plain.data() + plain.size()) return std::nullopt;
    return Amount{value, i, false, glued.empty() ? std::string() : Singular(glued)};
  }

  // A unit glued to a number by a hyphen is one or more words, none of them a number or
  // a function word: "30-minute", "1,900-mile-wide"; not "one-to-seven", "one-off".
  static bool IsGluedUnit(std::string_view glued) {
    if (!IsAlphaWord(glued)) return false;
    size_t from = 0;
    while (from <= glued.size()) {
      const size_t hyphen = std::min(glued.find('-', from), glued.size());
      const std::string_view piece = glued.substr(from, hyphen - from);
      if (piece.empty() || (IsFunctionWord(piece) && piece != "percent") ||
          NumberWordValue(piece) || piece == "off") {
        return false;
      }
      from = hyphen + 1;
    }
    return true;
  }

  // "four-week": a number word glued to the unit it counts; "five-and-a-half" (5.5).
  std::optional<Amount> ReadGluedWord(uint32_t i, std::string_view lower) const {
    const size_t hyphen = lower.find('-');
    if (hyphen == std::string_view::npos) return std::nullopt;
    const std::optional<double> value = NumberWordValue(lower.substr(0, hyphen));
    const std::string_view unit = lower.substr(hyphen + 1);
    if (value && unit == "and-a-half") return Amount{*value + 0.5, i, false, {}};
    if (!value || !IsGluedUnit(unit)) return std::nullopt;
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
    if (lower == "one" && (!Has(i + 1) || LowerWord(i + 1) == "of" || !IsAlphaWord(Word(i + 1)) ||
                           (Has(i - 1) && LowerWord(i - 1) == "no"))) {
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
      amount->scale *= *scale;
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

  // The upper end of a range that starts with `low`: "1–2 hours", "75 to 100 people",
  // "30 or 40 people", "between 0.6 and 0.7 millimeters", "350–375 million". Not "from 16 to 80",
  // which is a change between two values, nor "6-4" of a score (the upper end is smaller).
  std::optional<Amount> ReadRangeEnd(uint32_t start, const Amount& low) const {
    const uint32_t link = low.last + 1;
    if (!Has(link + 1) || Excluded(link + 1)) return std::nullopt;
    const std::string word = LowerWord(link);
    const bool between = start > first_ && LowerWord(start - 1) == "between";
    const bool from = start > first_ && LowerWord(start - 1) == "from";
    const bool dash =
        (word == "-" || word == "\xe2\x80\x93") && Adjacent(low.last) && Adjacent(link);
    if (!(dash || ((word == "to" || word == "or") && !from && !between) ||
          (word == "and" && between))) {
      return std::nullopt;
    }
    uint32_t k = link + 1;
    if (CurrencyOfSymbol(Word(k)) && Has(k + 1)) ++k;
    std::optional<Amount> high = ReadNumber(k);
    if (!high) return std::nullopt;
    const double low_value = low.scale == 1 ? low.value * high->scale : low.value;
    if (!(low_value < high->value)) return std::nullopt;
    return high;
  }

  // The noun the amount counts, from token `k` on; sets `last` to it. Of a compound the
  // head: "six safety systems" counts systems, "one trade expert" an expert; but a count
  // above one before a singular noun modifies the noun after it ("a three phase deal").
  std::optional<Counted> CountedNoun(uint32_t k, double value, uint32_t& last) const {
    if (tags_.empty()) {
      if (!Has(k) || !IsAlphaWord(Word(k)) || IsFunctionWord(LowerWord(k))) return std::nullopt;
      last = k;
      return Counted{Singular(LowerWord(k)), k};
    }
    std::optional<uint32_t> proper;
    for (uint32_t j = k; Has(j) && j < k + 4; ++j) {
      const std::string_view xpos = Xpos(j);
      if ((!IsNounWord(Word(j)) && xpos != "HYPH") || IsFunctionWord(LowerWord(j)) ||
          IsParticle(LowerWord(j))) {
        break;
      }
      // "150 kW DC fast charging" measures kilowatts, whatever the tagger made of "kW".
      if (IsUnitOfMeasure(Singular(LowerWord(j)))) {
        last = j;
        return Counted{Singular(LowerWord(j)), j};
      }
      if (IsCommonNoun(j) || (xpos.starts_with("VB") && xpos != "VBN" && xpos != "VBG" &&
                              Has(j + 1) && Xpos(j + 1) == "NNS" && IsNounLikeVerb(j))) {
        last = CompoundHead(j, value);
        return Counted{Singular(LowerWord(last)), last};
      }
      if (xpos == "NNP" || xpos == "NNPS") {
        if (!proper) proper = j;
        continue;
      }
      if (IsQuantifier(LowerWord(j))) return std::nullopt;
      if (xpos != "JJ" && xpos != "JJR" && xpos != "VBN" && xpos != "HYPH") break;
    }
    if (!proper) return std::nullopt;
    last = *proper;
    return Counted{Singular(LowerWord(*proper)), *proper};
  }

  // A word the tagger read as a verb between a number and a plural noun is a noun of the
  // compound ("seven aid workers"), unless it is a past tense ("the two met officials");
  // nor does a past tense the tagger read as a noun continue one ("one CEO told me").
  bool IsNounLikeVerb(uint32_t j) const {
    const std::string lower = LowerWord(j);
    return !lower.ends_with("ed") && lower != "met" && lower != "said" && lower != "told" &&
           lower != "held" && lower != "led" && lower != "won" && lower != "lost";
  }

  uint32_t CompoundHead(uint32_t j, double value) const {
    if (IsUnitOfMeasure(Singular(LowerWord(j)))) return j;
    // An acronym the tagger read as a plural modifies the noun after it: "three SLS
    // rockets".
    const bool acronym = !HasLower(Word(j)) && Has(j + 1) && IsCommonNoun(j + 1);
    if (Xpos(j) == "NNS" && !acronym) return j;
    uint32_t head = j;
    while (Has(head + 1) && IsCommonNoun(head + 1) && IsNounWord(Word(head + 1)) &&
           IsNounLikeVerb(head + 1) && !Excluded(head + 1)) {
      ++head;
      if (Xpos(head) == "NNS") return head;
    }
    return value == 1 ? head : j;
  }

  // "117 of its citizens", "two of the three victims": the noun of the "of" phrase after
  // a number, which the number counts a part of.
  std::optional<Counted> OfPhraseNoun(uint32_t k, double value) const {
    static constexpr auto kDeterminers = std::to_array<std::string_view>(
        {"the", "its", "their", "his", "her", "our", "these", "those", "my", "your"});
    const uint32_t from = k;
    while (Has(k) && std::find(kDeterminers.begin(), kDeterminers.end(), LowerWord(k)) !=
                         kDeterminers.end()) {
      ++k;
    }
    // The total the part is of: "two of the three victims".
    if (Has(k) && (NumberWordValue(LowerWord(k)) ||
                   (ReadDigits(k) && Word(k).find('-') == std::string_view::npos))) {
      ++k;
    }
    // Without a determiner or a total, "of" may start anything: "a year or two of fury".
    if (k == from) return std::nullopt;
    uint32_t unused = 0;
    return CountedNoun(k, value, unused);
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

  // "Boeing 737", "Route 66", "iPhone 11", "S&P 500", "USB 3.0": a bare integer right
  // after a capitalized word, or a decimal after an acronym or a mixed-case name, is part
  // of a name. Not after the first word of a sentence, capitalized anyway ("Only 12 ...",
  // "Mix 3 Tbsp.").
  bool FollowsName(uint32_t i) const {
    if (i <= first_ + 1) return false;
    const std::string_view before = Word(i - 1);
    if (!HasUpper(before) || std::ispunct(static_cast<unsigned char>(before[0]))) return false;
    const std::string_view word = Word(i);
    if (word.find_first_not_of("0123456789") == std::string_view::npos) return true;
    return word.find_first_not_of("0123456789.") == std::string_view::npos && !IsTitleCase(before);
  }

  // What the amount ending at `last` counts: a percent sign, a currency word, "of" and
  // the noun of a vague amount ("hundreds of protesters"), the noun of an "of" phrase, or
  // the noun after it. Moves `last` over the words it takes into the quantity.
  std::optional<Counted> UnitAfter(const Amount& amount, uint32_t& last) const {
    uint32_t next = last + 1;
    if (!Has(next)) return std::nullopt;
    const std::string word = LowerWord(next);
    if (word == "%" || word == "percent") {
      last = next;
      return Counted{"percent", std::nullopt};
    }
    if (word == "per" && Has(next + 1) && LowerWord(next + 1) == "cent") {
      last = next + 1;
      return Counted{"percent", std::nullopt};
    }
    if (word == "pounds" || word == "pound") {
      // Money after a scale word ("5 million pounds") or with "sterling"; else weight
      // ("5,200 pounds of water vapor").
      last = next;
      const bool sterling = Has(next + 1) && LowerWord(next + 1) == "sterling";
      if (sterling) ++last;
      return Counted{amount.scale > 1 || sterling ? "GBP" : "pound", std::nullopt};
    }
    if (auto currency = CurrencyOfWord(word)) {
      last = next;
      return Counted{std::string(*currency), std::nullopt};
    }
    if (word == "of") {
      if (amount.approximate) return CountedNoun(next + 1, amount.value, last);
      return OfPhraseNoun(next + 1, amount.value);
    }
    return CountedNoun(next, amount.value, last);
  }

  // Whether a counted noun makes the quantity one a reader can trust: not an idiom ("one
  // thing"), a clock time ("9.30 A.M."), a name or title ("10 Things in Tech"), nor a
  // bare integer used as a label before a singular noun ("WeWork's 2025 bond", "a 2182
  // score", "zero shame").
  bool Trusted(uint32_t i, const Amount& amount, const Counted& counted) const {
    const std::string& unit = counted.unit;
    if (IsGenericNoun(unit) || IsClockWord(unit)) return false;
    // "561 N. Center": a house number before a compass point or an initial.
    if (unit.size() == 2 && unit[1] == '.') return false;
    if (amount.value == 1 && LowerWord(i) == "one" && IsIdiomAfterOne(unit)) return false;
    if (!counted.noun) return true;
    const uint32_t noun = *counted.noun;
    const std::string lower = LowerWord(noun);
    if (IsTitleCase(Word(noun))) return IsGroupOfPeople(lower) || IsUnitAbbreviation(unit);
    if (IsUnitOfMeasure(unit)) return true;
    const bool singular = tags_.empty() ? Singular(lower) == lower : Xpos(noun) == "NN";
    // "one" before a plural is the pronoun before a verb: "If one steps back".
    if (!singular) return LowerWord(i) != "one";
    if (LowerWord(i) == "zero" || unit == "block") return false;  // "the 5500 block of Main St"
    // A count above one before a singular noun can only modify a noun after it ("a three
    // phase deal"); with none there, the tagger took a verb for a noun ("the two
    // rendezvousing in orbit").
    if (!tags_.empty() && amount.value != 1 &&
        !(Has(noun + 1) && (IsCommonNoun(noun + 1) || Xpos(noun + 1).starts_with("NNP")))) {
      return false;
    }
    const std::string_view word = Word(i);
    const bool measured = Has(noun + 1) && LowerWord(noun + 1) == "of";  // "414 lb-ft of torque"
    return measured || !(amount.value >= 100 && amount.unit.empty() &&
                         word.find_first_not_of("0123456789") == std::string_view::npos);
  }

  // "4 minutes and 15 seconds" is one duration, "5 feet 11 inches" one height: the
  // smaller unit's part after `last`, read into `quantity` in that unit.
  void JoinSmallerUnit(uint32_t& last, double& value, std::string& unit) const {
    struct Step {
      std::string_view larger, smaller;
      double factor;
    };
    static constexpr std::array<Step, 4> kSteps = {{{"hour", "minute", 60},
                                                    {"minute", "second", 60},
                                                    {"foot", "inch", 12},
                                                    {"pound", "ounce", 16}}};
    for (const Step& step : kSteps) {
      if (unit != step.larger) continue;
      uint32_t k = last + 1;
      if (Has(k) && LowerWord(k) == "and") ++k;
      if (!Has(k + 1) || Excluded(k)) return;
      std::optional<Amount> part = ReadDigits(k);
      if (!part) part = ReadWords(k);
      if (!part || !part->unit.empty() || part->last + 1 != k + 1) return;
      if (Singular(LowerWord(k + 1)) != step.smaller) return;
      value = value * step.factor + part->value;
      unit = std::string(step.smaller);
      last = k + 1;
      return;
    }
  }

  std::optional<Quantity> ReadAt(uint32_t i) const {
    if (Excluded(i) || IsLabel(i)) return std::nullopt;
    std::optional<Amount> amount = ReadNumber(i);
    if (!amount) return std::nullopt;
    uint32_t start = i;
    bool approximate = amount->approximate;
    std::optional<Counted> counted;
    if (!amount->unit.empty()) counted = Counted{amount->unit, std::nullopt};

    if (start > unclaimed_) {
      if (auto currency = CurrencyOfSymbol(Word(start - 1))) {
        counted = Counted{std::string(*currency), std::nullopt};
        --start;
      }
    }
    approximate |= ReadHedge(start);
    if (start == i && FollowsName(i)) return std::nullopt;

    double value = amount->value;
    if (auto high = ReadRangeEnd(start, *amount)) {
      if (amount->scale == 1) value *= high->scale;
      amount->last = high->last;
      amount->scale = high->scale;
      approximate = true;
      if (!counted && !high->unit.empty()) counted = Counted{high->unit, std::nullopt};
    }
    uint32_t last = amount->last;
    if (!counted) counted = UnitAfter(*amount, last);
    // Age: "aged 26", "at age 54".
    if (!counted && start > first_ &&
        (LowerWord(start - 1) == "aged" || LowerWord(start - 1) == "age")) {
      counted = Counted{"year", std::nullopt};
    }
    // A number whose unit or counted noun is unknown (a table cell, a score, "the
    // already agreed upon 150") tells a reader nothing: abstain.
    if (!counted || counted->unit.empty() || !Trusted(i, *amount, *counted)) return std::nullopt;
    std::string unit = std::move(counted->unit);
    JoinSmallerUnit(last, value, unit);

    Quantity quantity;
    quantity.span = {tokens_[start].start, tokens_[last].end};
    quantity.text =
        std::string(text_.substr(quantity.span.start, quantity.span.end - quantity.span.start));
    quantity.value = value;
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
