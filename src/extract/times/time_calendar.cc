#include "extract/times/time_calendar.h"

#include <fmt/format.h>

#include <algorithm>

namespace storyline {

// Howard Hinnant's civil-date algorithms (http://howardhinnant.github.io/date_algorithms.html):
// exact for every proleptic Gregorian date, no tables, no time zone library.
int64_t DaysFromCivil(const CivilDate& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int Weekday(const CivilDate& date) {
  // 1970-01-01 was a Thursday (ISO weekday 3 counting Monday as 0).
  const int64_t days = DaysFromCivil(date);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

CivilDate AddMonths(const CivilDate& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  const int day = std::min(date.day, DaysInMonth(year, month));
  return {year, month, day};
}

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The ISO week belongs to the year that holds its Thursday.
  const CivilDate thursday = AddDays(date, 3 - Weekday(date));
  const int64_t first_day = DaysFromCivil({thursday.year, 1, 1});
  const int week = static_cast<int>((DaysFromCivil(thursday) - first_day) / 7 + 1);
  return {thursday.year, week};
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int i = 0; i < lengths[f]; ++i) {
      const char c = text[starts[f] + i];
      if (c < '0' || c > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  if (!IsValidDate(fields[0], fields[1], fields[2])) return std::nullopt;
  return CivilDate{fields[0], fields[1], fields[2]};
}

std::string FormatDay(const CivilDate& date) {
  return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

std::string FormatMonth(int year, int month) { return fmt::format("{:04d}-{:02d}", year, month); }

std::string FormatYear(int year) { return fmt::format("{:04d}", year); }

std::string FormatWeek(const IsoWeek& week) {
  return fmt::format("{:04d}-W{:02d}", week.year, week.week);
}

}  // namespace storyline
