// Calendar days as plain integers (days since 1970-01-01), so that time proximity between
// articles is a subtraction, and ISO 8601 strings in and out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storyline {

using CalendarDay = int;

// The day of a valid Gregorian date; nullopt when the date does not exist.
std::optional<CalendarDay> DayFromDate(int year, int month, int day);

// Parses the day-precision prefix of an ISO 8601 date or date-time ("2024-08-19",
// "2024-08-19T14:00Z"). Coarser values ("2024-08", "2024-W27") give nullopt: they do not
// name one day.
std::optional<CalendarDay> ParseIsoDay(std::string_view iso);

// "YYYY-MM-DD".
std::string FormatIsoDay(CalendarDay day);

}  // namespace storyline
