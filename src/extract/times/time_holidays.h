// Holidays that name one day of the year, as news dates by them ("on Christmas Eve", "over
// Thanksgiving", "Easter 2016", "the day after Labor Day"), and the day each falls on in a
// given year, fixed ("Christmas": December 25) or movable ("Thanksgiving": the fourth
// Thursday of November, "Good Friday": two days before Easter Sunday).
//
// Only holidays whose day is the same wherever English news is written, or that are named
// by their country's own name, are listed: "Mother's Day" (March in Britain, May in America)
// and "Independence Day" (a different day in every country) are not. Days of one year in
// history ("Black Monday", "D-Day") are no holidays: they name no day in other years.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "extract/times/time_calendar.h"

namespace storyline {

enum class Holiday {
  kNewYearsDay,
  kNewYearsEve,
  kValentinesDay,
  kStPatricksDay,
  kHalloween,
  kVeteransDay,
  kChristmasEve,
  kChristmas,
  kBoxingDay,
  kMartinLutherKingDay,
  kPresidentsDay,
  kMemorialDay,
  kLaborDay,
  kThanksgiving,
  kBlackFriday,
  kCyberMonday,
  kGoodFriday,
  kEaster,
  kEasterMonday,
};

// One way of writing a holiday, as the lowercased words the time tokenizer gives ("'"
// and "s" are the two tokens of a possessive's "'s"; "." the period of "St.").
struct HolidayName {
  std::array<std::string_view, 6> words;  // unused slots empty
  Holiday holiday;
  // A single common word ("Christmas", "Easter") that names a season, a tree or a
  // shopping spree as often as the day: a date only with a preposition or a year beside it.
  bool needs_context;
};

// Every spelling, the longer of two that share a start first, so that the first match is
// the longest.
std::span<const HolidayName> HolidayNames();

// The day `holiday` falls on in `year`.
CivilDate HolidayDate(Holiday holiday, int year);

}  // namespace storyline
