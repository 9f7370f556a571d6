#include "io/published_date.h"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "text/ascii.h"

namespace storyline {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool Digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return false;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return false;
  }
  return true;
}

int Number(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY-MM-DD", or empty when that is no day of the calendar.
std::string FormatDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return "";
  }
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

// "THH:MM:SS", or empty when that is no time of day (a leap second is one).
std::string FormatTime(int hour, int minute, int second) {
  if (hour > 23 || minute > 59 || second > 60) return "";
  return fmt::format("T{:02d}:{:02d}:{:02d}", hour, minute, second);
}

// "+HH:MM" for an offset of `sign` hours and minutes, or empty when out of range.
std::string FormatOffset(char sign, int hours, int minutes) {
  if (hours > 23 || minutes > 59) return "";
  return fmt::format("{}{:02d}:{:02d}", sign, hours, minutes);
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  const std::string prefix = AsciiLower(word.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (prefix == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// "2019-11-19", "2019/11/19" and their date-times. A time that is there but names no
// time of day makes the whole value invalid ("2019-11-19T25:00"); words after a
// complete date or date-time are ignored ("2019-11-19 | updated").
std::string NormalizeNumericDate(std::string_view v) {
  if (!Digits(v, 0, 4) || v.size() < 10 || (v[4] != '-' && v[4] != '/') || v[7] != v[4] ||
      !Digits(v, 5, 2) || !Digits(v, 8, 2) || (v.size() > 10 && IsDigit(v[10]))) {
    return "";
  }
  const std::string date = FormatDate(Number(v, 0, 4), Number(v, 5, 2), Number(v, 8, 2));
  if (date.empty()) return "";
  if (v.size() < 12 || (v[10] != 'T' && v[10] != ' ') || !IsDigit(v[11])) {
    return v.size() > 10 && v[10] == 'T' ? "" : date;
  }
  if (!Digits(v, 11, 2) || v.size() < 16 || v[13] != ':' || !Digits(v, 14, 2)) return "";
  int second = 0;
  size_t pos = 16;
  if (pos < v.size() && v[pos] == ':') {
    if (!Digits(v, 17, 2)) return "";
    second = Number(v, 17, 2);
    pos = 19;
  }
  const std::string time = FormatTime(Number(v, 11, 2), Number(v, 14, 2), second);
  if (time.empty()) return "";
  if (pos < v.size() && (v[pos] == '.' || v[pos] == ',')) {
    ++pos;
    while (pos < v.size() && IsDigit(v[pos])) ++pos;
  }
  if (pos < v.size() && v[pos] == ' ') ++pos;
  if (pos < v.size() && v[pos] == 'Z') return date + time + "Z";
  if (pos < v.size() && (v[pos] == '+' || v[pos] == '-') && Digits(v, pos + 1, 2)) {
    const size_t minutes = pos + 3 < v.size() && v[pos + 3] == ':' ? pos + 4 : pos + 3;
    const int offset_minutes = Digits(v, minutes, 2) ? Number(v, minutes, 2) : 0;
    const std::string offset = FormatOffset(v[pos], Number(v, pos + 1, 2), offset_minutes);
    return offset.empty() ? "" : date + time + offset;
  }
  return date + time;
}

std::vector<std::string_view> Words(std::string_view v) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i == v.size() || !IsAlnum(v[i])) {
      if (i > start) words.push_back(v.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

bool IsNumber(std::string_view word, size_t max_size) {
  return !word.empty() && word.size() <= max_size && Digits(word, 0, word.size());
}

// RFC 822 / 2822 zones: numeric offsets, UT/GMT/Z and the North American names.
std::string ZoneOffset(std::string_view zone) {
  if ((zone[0] == '+' || zone[0] == '-') && zone.size() == 5 && Digits(zone, 1, 4)) {
    return FormatOffset(zone[0], Number(zone, 1, 2), Number(zone, 3, 2));
  }
  const std::string name = AsciiLower(zone);
  if (name == "gmt" || name == "ut" || name == "utc" || name == "z") return "Z";
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kZones = {
      {{"est", "-05:00"},
       {"edt", "-04:00"},
       {"cst", "-06:00"},
       {"cdt", "-05:00"},
       {"mst", "-07:00"},
       {"mdt", "-06:00"},
       {"pst", "-08:00"},
       {"pdt", "-07:00"}}};
  for (const auto& [zone_name, offset] : kZones) {
    if (name == zone_name) return std::string(offset);
  }
  return "";
}

// "Wed, 21 Aug 2024 10:00:00 GMT" (day name optional, seconds optional, a numeric or
// named zone). A zone this does not know leaves only the date, which it cannot shift.
std::string NormalizeRfc2822Date(std::string_view v) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i == v.size() || v[i] == ' ' || v[i] == ',') {
      if (i > start) fields.push_back(v.substr(start, i - start));
      start = i + 1;
    }
  }
  size_t at = !fields.empty() && !IsDigit(fields[0][0]) ? 1 : 0;
  if (fields.size() < at + 4 || fields.size() > at + 5) return "";
  const std::string_view day = fields[at], month = fields[at + 1], year = fields[at + 2],
                         time = fields[at + 3];
  if (!IsNumber(day, 2) || month.size() != 3 || !IsNumber(year, 4) || year.size() != 4) return "";
  const int month_number = MonthFromName(month);
  if (month_number == 0) return "";
  const std::string date = FormatDate(Number(year, 0, 4), month_number, Number(day, 0, day.size()));
  if (date.empty() || time.size() < 5 || !Digits(time, 0, 2) || time[2] != ':' ||
      !Digits(time, 3, 2)) {
    return "";
  }
  int second = 0;
  if (time.size() == 8 && time[5] == ':' && Digits(time, 6, 2)) {
    second = Number(time, 6, 2);
  } else if (time.size() != 5) {
    return "";
  }
  const std::string clock = FormatTime(Number(time, 0, 2), Number(time, 3, 2), second);
  if (clock.empty()) return "";
  if (fields.size() == at + 4) return date + clock;
  const std::string offset = ZoneOffset(fields[at + 4]);
  return offset.empty() ? date : date + clock + offset;
}

// "November 19, 2019", "Nov. 19 2019", "19 November 2019", "Tue, 19 November 2019 ...".
std::string NormalizeWordDate(std::string_view v) {
  const std::vector<std::string_view> words = Words(v);
  for (size_t i = 0; i < words.size(); ++i) {
    const int month = MonthFromName(words[i]);
    if (month == 0) continue;
    if (i + 2 < words.size() && IsNumber(words[i + 1], 2) && IsNumber(words[i + 2], 4)) {
      return FormatDate(Number(words[i + 2], 0, words[i + 2].size()), month,
                        Number(words[i + 1], 0, words[i + 1].size()));
    }
    if (i > 0 && i + 1 < words.size() && IsNumber(words[i - 1], 2) && IsNumber(words[i + 1], 4)) {
      return FormatDate(Number(words[i + 1], 0, words[i + 1].size()), month,
                        Number(words[i - 1], 0, words[i - 1].size()));
    }
  }
  return "";
}

}  // namespace

std::string NormalizePublishedDate(std::string_view value) {
  std::string trimmed;
  trimmed.reserve(value.size());
  for (char c : TrimAsciiSpace(value)) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!space) {
      trimmed.push_back(c);
    } else if (trimmed.back() != ' ') {
      trimmed.push_back(' ');
    }
  }
  if (std::string numeric = NormalizeNumericDate(trimmed); !numeric.empty()) return numeric;
  // An ISO-shaped value that names no real date ("2024-13-45") is not read as words.
  if (Digits(trimmed, 0, 4) && trimmed.size() > 4 && (trimmed[4] == '-' || trimmed[4] == '/')) {
    return "";
  }
  if (std::string rfc = NormalizeRfc2822Date(trimmed); !rfc.empty()) return rfc;
  return NormalizeWordDate(trimmed);
}

}  // namespace storyline
