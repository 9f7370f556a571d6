#include "extract/times/time_tokens.h"

#include <string_view>
#include <unordered_map>

namespace storyline {
namespace {

struct WordMeaning {
  TimeWordClass word_class;
  int16_t value;
  bool plural = false;
  bool abbreviation = false;
};

using Lexicon = std::unordered_map<std::string_view, WordMeaning>;

void AddNumbered(Lexicon& lexicon, TimeWordClass word_class,
                 std::initializer_list<std::string_view> words, int first_value) {
  int value = first_value;
  for (std::string_view word : words) lexicon[word] = {word_class, static_cast<int16_t>(value++)};
}

Lexicon BuildLexicon() {
  Lexicon lexicon;
  using C = TimeWordClass;
  AddNumbered(lexicon, C::kMonth,
              {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"},
              1);
  AddNumbered(lexicon, C::kWeekday,
              {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}, 0);
  AddNumbered(
      lexicon, C::kNumberWord,
      {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"},
      1);
  AddNumbered(lexicon, C::kOrdinalWord,
              {"first",     "second",      "third",      "fourth",     "fifth",
               "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
               "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
               "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"},
              1);
  const std::pair<std::string_view, int> tens[] = {
      {"twenty", 20},  {"thirty", 30}, {"forty", 40},  {"fifty", 50},   {"sixty", 60},
      {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100}};
  for (const auto& [word, value] : tens) {
    lexicon[word] = {C::kNumberWord, static_cast<int16_t>(value)};
  }
  const std::pair<std::string_view, int> month_abbreviations[] = {
      {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
      {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  for (const auto& [word, value] : month_abbreviations) {
    lexicon[word] = {C::kMonth, static_cast<int16_t>(value), false, true};
  }
  const std::pair<std::string_view, int> weekday_abbreviations[] = {
      {"mon", 0},  {"tue", 1},   {"tues", 1}, {"wed", 2}, {"thu", 3},
      {"thur", 3}, {"thurs", 3}, {"fri", 4},  {"sat", 5}, {"sun", 6}};
  for (const auto& [word, value] : weekday_abbreviations) {
    lexicon[word] = {C::kWeekday, static_cast<int16_t>(value), false, true};
  }
  // "second" stays an ordinal: as a unit it is rare in news and clashes with "second quarter".
  const std::tuple<std::string_view, TimeUnit, bool> units[] = {
      {"seconds", kSecond, true},   {"minute", kMinute, false},   {"minutes", kMinute, true},
      {"hour", kHour, false},       {"hours", kHour, true},       {"day", kDay, false},
      {"days", kDay, true},         {"week", kWeek, false},       {"weeks", kWeek, true},
      {"month", kMonthUnit, false}, {"months", kMonthUnit, true}, {"year", kYear, false},
      {"years", kYear, true},       {"decade", kDecade, false},   {"decades", kDecade, true},
      {"century", kCentury, false}, {"centuries", kCentury, true}};
  for (const auto& [word, unit, plural] : units) lexicon[word] = {C::kUnit, unit, plural};
  const std::pair<std::string_view, DayPart> day_parts[] = {
      {"morning", kMorning}, {"afternoon", kAfternoon}, {"evening", kEvening}, {"night", kNight}};
  for (const auto& [word, part] : day_parts) lexicon[word] = {C::kDayPart, part};
  const std::pair<std::string_view, Season> seasons[] = {{"spring", kSpring},
                                                         {"summer", kSummer},
                                                         {"fall", kFall},
                                                         {"autumn", kFall},
                                                         {"winter", kWinter}};
  for (const auto& [word, season] : seasons) lexicon[word] = {C::kSeason, season};
  return lexicon;
}

const Lexicon& TheLexicon() {
  static const Lexicon* const lexicon = new Lexicon(BuildLexicon());
  return *lexicon;
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Multi-byte punctuation that matters to dates: dashes between years or days, and the
// typographic apostrophe of "'90s". Returns its ASCII stand-in, or 0.
char TypographicPunct(std::string_view text, size_t i) {
  if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2 ||
      static_cast<unsigned char>(text[i + 1]) != 0x80) {
    return 0;
  }
  switch (static_cast<unsigned char>(text[i + 2])) {
    case 0x90:
    case 0x91:
    case 0x92:
    case 0x93:
    case 0x94:
      return '-';
    case 0x98:
    case 0x99:
      return '\'';
    case 0x9C:
    case 0x9D:
      return '"';
    default:
      return 0;
  }
}

bool IsNoBreakSpace(std::string_view text, size_t i) {
  return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
         static_cast<unsigned char>(text[i + 1]) == 0xA0;
}

bool IsWordByte(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (IsAsciiLetter(c) || IsDigit(c)) return true;
  return c >= 0x80 && TypographicPunct(text, i) == 0 && !IsNoBreakSpace(text, i);
}

// Reads digits, "2,000"-style groups and a decimal part starting at `i`; returns the end.
size_t ScanNumber(std::string_view text, size_t i, TimeToken& token) {
  const size_t n = text.size();
  double value = 0;
  while (i < n && IsDigit(text[i])) {
    value = value * 10 + (text[i] - '0');
    if (token.digits < 255) ++token.digits;
    ++i;
  }
  // Longer digit runs are not dates or clock times, and would overflow an int.
  token.plain_integer = token.digits <= 9;
  while (i + 3 < n && text[i] == ',' && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) &&
         IsDigit(text[i + 3]) && (i + 4 >= n || !IsDigit(text[i + 4]))) {
    value =
        value * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    token.plain_integer = false;
    i += 4;
  }
  if (i + 1 < n && text[i] == '.' && IsDigit(text[i + 1])) {
    double scale = 0.1;
    ++i;
    while (i < n && IsDigit(text[i])) {
      value += scale * (text[i] - '0');
      scale /= 10;
      ++i;
    }
    token.plain_integer = false;
  }
  token.number = value;
  return i;
}

}  // namespace

TimeTokens::TimeTokens(std::string_view text) : lower_text(text) {
  for (char& c : lower_text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  const std::string_view lower = lower_text;
  const size_t n = text.size();
  tokens.reserve(n / 5 + 1);
  bool space = false;
  bool newline = false;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') {
      space = true;
      newline |= c == '\n';
      ++i;
      continue;
    }
    if (IsNoBreakSpace(text, i)) {
      space = true;
      i += 2;
      continue;
    }
    TimeToken token;
    token.start = static_cast<uint32_t>(i);
    token.space_before = space;
    token.newline_before = newline;
    space = newline = false;
    if (IsDigit(c)) {
      token.type = TimeTokenType::kNumber;
      size_t j = ScanNumber(text, i, token);
      const size_t suffix_start = j;
      while (j < n && IsAsciiLetter(text[j])) ++j;
      token.suffix = lower.substr(suffix_start, j - suffix_start);
      i = j;
      token.lower = lower.substr(token.start, i - token.start);
    } else if (IsWordByte(text, i)) {
      token.type = TimeTokenType::kWord;
      token.capitalized = c >= 'A' && c <= 'Z';
      while (i < n && IsWordByte(text, i)) ++i;
      token.lower = lower.substr(token.start, i - token.start);
      if (token.lower.size() <= 12) {
        const Lexicon& lexicon = TheLexicon();
        if (auto it = lexicon.find(token.lower); it != lexicon.end()) {
          token.word_class = it->second.word_class;
          token.word_value = it->second.value;
          token.plural = it->second.plural;
          token.abbreviation = it->second.abbreviation;
        }
      }
    } else {
      token.type = TimeTokenType::kPunct;
      if (const char ascii = TypographicPunct(text, i); ascii != 0) {
        static constexpr std::string_view kStandIns = "-'\"";
        token.lower = kStandIns.substr(kStandIns.find(ascii), 1);
        i += 3;
      } else {
        token.lower = lower.substr(i, 1);
        ++i;
      }
    }
    token.end = static_cast<uint32_t>(i);
    tokens.push_back(token);
  }
}

}  // namespace storyline
