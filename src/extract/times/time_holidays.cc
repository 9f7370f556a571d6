#include "extract/times/time_holidays.h"

namespace storyline {
namespace {

constexpr HolidayName kNames[] = {
    {{"new", "year", "'", "s", "day"}, Holiday::kNewYearsDay, false},
    {{"new", "year", "'", "s", "eve"}, Holiday::kNewYearsEve, false},
    {{"valentine", "'", "s", "day"}, Holiday::kValentinesDay, false},
    {{"st", ".", "patrick", "'", "s", "day"}, Holiday::kStPatricksDay, false},
    {{"st", "patrick", "'", "s", "day"}, Holiday::kStPatricksDay, false},
    {{"saint", "patrick", "'", "s", "day"}, Holiday::kStPatricksDay, false},
    {{"halloween"}, Holiday::kHalloween, true},
    {{"veterans", "day"}, Holiday::kVeteransDay, false},
    {{"veterans", "'", "day"}, Holiday::kVeteransDay, false},
    {{"christmas", "eve"}, Holiday::kChristmasEve, false},
    {{"christmas", "day"}, Holiday::kChristmas, false},
    {{"christmas"}, Holiday::kChristmas, true},
    {{"boxing", "day"}, Holiday::kBoxingDay, false},
    {{"martin", "luther", "king", "jr", ".", "day"}, Holiday::kMartinLutherKingDay, false},
    {{"martin", "luther", "king", "day"}, Holiday::kMartinLutherKingDay, false},
    {{"mlk", "day"}, Holiday::kMartinLutherKingDay, false},
    {{"presidents", "'", "day"}, Holiday::kPresidentsDay, false},
    {{"presidents", "day"}, Holiday::kPresidentsDay, false},
    {{"memorial", "day"}, Holiday::kMemorialDay, false},
    {{"labor", "day"}, Holiday::kLaborDay, false},
    {{"thanksgiving", "day"}, Holiday::kThanksgiving, false},
    {{"thanksgiving"}, Holiday::kThanksgiving, true},
    {{"black", "friday"}, Holiday::kBlackFriday, false},
    {{"cyber", "monday"}, Holiday::kCyberMonday, false},
    {{"good", "friday"}, Holiday::kGoodFriday, false},
    {{"easter", "sunday"}, Holiday::kEaster, false},
    {{"easter", "monday"}, Holiday::kEasterMonday, false},
    {{"easter"}, Holiday::kEaster, true},
};

// The `n`th `weekday` (0 = Monday) of `month`; n = -1 for the last.
CivilDate NthWeekday(int year, int month, int weekday, int n) {
  if (n < 0) {
    const CivilDate last{year, month, DaysInMonth(year, month)};
    return AddDays(last, -((Weekday(last) - weekday + 7) % 7));
  }
  const CivilDate first{year, month, 1};
  return AddDays(first, (weekday - Weekday(first) + 7) % 7 + 7 * (n - 1));
}

// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876, as Meeus
// gives it).
CivilDate EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

constexpr int kMonday = 0;
constexpr int kThursday = 3;

}  // namespace

std::span<const HolidayName> HolidayNames() { return kNames; }

CivilDate HolidayDate(Holiday holiday, int year) {
  switch (holiday) {
    case Holiday::kNewYearsDay:
      return {year, 1, 1};
    case Holiday::kNewYearsEve:
      return {year, 12, 31};
    case Holiday::kValentinesDay:
      return {year, 2, 14};
    case Holiday::kStPatricksDay:
      return {year, 3, 17};
    case Holiday::kHalloween:
      return {year, 10, 31};
    case Holiday::kVeteransDay:
      return {year, 11, 11};
    case Holiday::kChristmasEve:
      return {year, 12, 24};
    case Holiday::kChristmas:
      return {year, 12, 25};
    case Holiday::kBoxingDay:
      return {year, 12, 26};
    case Holiday::kMartinLutherKingDay:
      return NthWeekday(year, 1, kMonday, 3);
    case Holiday::kPresidentsDay:
      return NthWeekday(year, 2, kMonday, 3);
    case Holiday::kMemorialDay:
      return NthWeekday(year, 5, kMonday, -1);
    case Holiday::kLaborDay:
      return NthWeekday(year, 9, kMonday, 1);
    case Holiday::kThanksgiving:
      return NthWeekday(year, 11, kThursday, 4);
    case Holiday::kBlackFriday:
      return AddDays(NthWeekday(year, 11, kThursday, 4), 1);
    case Holiday::kCyberMonday:
      return AddDays(NthWeekday(year, 11, kThursday, 4), 4);
    case Holiday::kGoodFriday:
      return AddDays(EasterSunday(year), -2);
    case Holiday::kEaster:
      return EasterSunday(year);
    case Holiday::kEasterMonday:
      return AddDays(EasterSunday(year), 1);
  }
  return {year, 1, 1};
}

}  // namespace storyline
