// The light tokenization the time finder scans: words, numbers and punctuation with byte
// offsets, each word tagged with its calendar meaning (month, weekday, unit, number word...).
// It needs no sentence splitter or tagger, and never fails: invalid UTF-8 bytes become
// letters of a word that matches nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

enum class TimeTokenType : uint8_t { kWord, kNumber, kPunct };

// What a word means to the time finder; `TimeToken::word_value` says which one.
enum class TimeWordClass : uint8_t {
  kNone,
  kMonth,        // 1..12; abbreviations ("Oct") too
  kWeekday,      // 0 = Monday .. 6 = Sunday
  kNumberWord,   // "three" = 3
  kOrdinalWord,  // "third" = 3
  kUnit,         // TimeUnit
  kDayPart,      // DayPart
  kSeason,       // Season
};

enum TimeUnit : int16_t {
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonthUnit,
  kYear,
  kDecade,
  kCentury
};
enum DayPart : int16_t { kMorning, kAfternoon, kEvening, kNight };
enum Season : int16_t { kSpring, kSummer, kFall, kWinter };

struct TimeToken {
  uint32_t start = 0;  // UTF-8 byte offsets into the text, end exclusive
  uint32_t end = 0;
  std::string_view lower;  // ASCII-lowercased text of the token
  TimeTokenType type = TimeTokenType::kPunct;
  TimeWordClass word_class = TimeWordClass::kNone;
  int16_t word_value = 0;
  bool capitalized = false;     // first letter upper case
  bool plural = false;          // a unit word in the plural ("years")
  bool abbreviation = false;    // a month or weekday written short ("Oct", "Fri")
  bool space_before = false;    // whitespace between this token and the previous one
  bool newline_before = false;  // a line break between this token and the previous one
  // Numbers: digits, optionally grouped ("2,000") or decimal ("2.5"), and a letter suffix
  // glued to them ("1990s", "7th", "2pm").
  double number = 0;
  uint8_t digits = 0;          // count of digits before any separator
  bool plain_integer = false;  // only digits (at most 9): no comma, no decimal point
  std::string_view suffix;     // lowercased letters right after the digits

  bool Is(std::string_view word) const { return lower == word; }
};

// Tokenizes `text` on construction. Not copyable or movable: every `TimeToken::lower`
// points into `lower_text`.
struct TimeTokens {
  explicit TimeTokens(std::string_view text);
  TimeTokens(const TimeTokens&) = delete;
  TimeTokens& operator=(const TimeTokens&) = delete;

  std::string lower_text;  // the text, ASCII-lowercased
  std::vector<TimeToken> tokens;
};

}  // namespace storyline
