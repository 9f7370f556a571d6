// Proleptic Gregorian calendar arithmetic for time normalization: day counts, weekdays,
// ISO weeks and the ISO 8601 / TIMEX3 spellings of dates at each precision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before it).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);

int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// ISO weekday: 0 = Monday .. 6 = Sunday.
int Weekday(const CivilDate& date);

CivilDate AddDays(const CivilDate& date, int64_t days);
// Moves by whole months; the day is clamped to the target month's length.
CivilDate AddMonths(const CivilDate& date, int months);

struct IsoWeek {
  int year = 1970;  // ISO week-numbering year, which can differ from the calendar year
  int week = 1;     // 1..53
};
IsoWeek IsoWeekOf(const CivilDate& date);

// Reads the date part of an ISO 8601 date or date-time ("2024-08-21",
// "2024-08-21T10:00:00Z"); nullopt when it does not start with a valid full date.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

std::string FormatDay(const CivilDate& date);  // 2024-08-19
std::string FormatMonth(int year, int month);  // 2024-08
std::string FormatYear(int year);              // 2024
std::string FormatWeek(const IsoWeek& week);   // 2024-W34

}  // namespace storyline
