#include "story/calendar_day.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace storyline {
namespace {

std::optional<int> ParseDigits(std::string_view s) {
  int value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<CalendarDay> DayFromDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<CalendarDay>(std::chrono::sys_days(date).time_since_epoch().count());
}

std::optional<CalendarDay> ParseIsoDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  const auto year = ParseDigits(iso.substr(0, 4));
  const auto month = ParseDigits(iso.substr(5, 2));
  const auto day = ParseDigits(iso.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  return DayFromDate(*year, *month, *day);
}

std::string FormatIsoDay(CalendarDay day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace storyline
