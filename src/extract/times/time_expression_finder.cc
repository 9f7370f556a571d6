#include "extract/times/time_expression_finder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <unordered_set>

#include "extract/times/time_calendar.h"
#include "extract/times/time_holidays.h"
#include "extract/times/time_references.h"
#include "extract/times/time_tense.h"
#include "extract/times/time_tokens.h"

namespace storyline {
namespace {

constexpr std::string_view kDate = "DATE";
constexpr std::string_view kTime = "TIME";
constexpr std::string_view kDuration = "DURATION";
constexpr std::string_view kSet = "SET";

struct Clock {
  int hour = 0;
  int minute = 0;
  bool utc = false;
};

// The time of day of a publication stamp, and whether it is written in UTC.
struct StampTime {
  int minutes = 0;
  bool utc = false;
};

// One match, over tokens [begin, end).
struct Found {
  Found(size_t begin, size_t end, std::string_view kind, std::optional<std::string> value,
        bool ignore = false)
      : begin(begin), end(end), kind(kind), value(std::move(value)), ignore(ignore) {}

  size_t begin = 0;
  size_t end = 0;
  std::string_view kind = kDate;
  std::optional<std::string> value;
  std::optional<Clock> clock;  // a clock time whose day is settled after scanning
  bool ignore = false;         // matched only to keep other rules off it ("45-year-old")
};

// A count of units: "three", "30", "two and a half", "several" (vague: no number).
struct Count {
  double value = 0;
  bool vague = false;
  bool article = false;  // "a" / "an"
  size_t end = 0;
};

std::string FormatNumber(double value) {
  // Integers print without a decimal part; beyond 1e15 the cast would overflow.
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

std::string DurationValue(const Count& count, int unit) {
  const std::string n = count.vague ? "X" : FormatNumber(count.value);
  switch (unit) {
    case kSecond:
      return "PT" + n + "S";
    case kMinute:
      return "PT" + n + "M";
    case kHour:
      return "PT" + n + "H";
    case kDay:
      return "P" + n + "D";
    case kWeek:
      return "P" + n + "W";
    case kMonthUnit:
      return "P" + n + "M";
    case kYear:
      return "P" + n + "Y";
    case kDecade:
      return "P" + n + "DE";
    default:
      return "P" + n + "CE";
  }
}

std::string DecadeValue(int year) { return fmt::format("{:03d}", year / 10); }

int SeasonOfMonth(int month) {
  if (month >= 3 && month <= 5) return kSpring;
  if (month >= 6 && month <= 8) return kSummer;
  if (month >= 9 && month <= 11) return kFall;
  return kWinter;
}

std::string SeasonValue(int year, int season) {
  static constexpr const char* kCodes[] = {"SP", "SU", "FA", "WI"};
  return fmt::format("{:04d}-{}", year, kCodes[season]);
}

// Picks among the same calendar position in adjacent periods (`candidates`, as distances
// in days or months from the anchor, ascending) the one the tense points to: the latest
// not after the anchor for the past, the earliest not before it for the future, else
// the nearest. `slack` tolerates small contradictions (a "past" date a day ahead).
int PickByTense(std::initializer_list<long> candidates, Tense tense, long slack) {
  const long* best = nullptr;
  int index = 0;
  int chosen = 1;
  for (const long& c : candidates) {
    bool better = false;
    if (tense == Tense::kPast) {
      better = c <= slack && (best == nullptr || c > *best);
    } else if (tense == Tense::kFuture) {
      better = c >= -slack && (best == nullptr || c < *best);
    } else {
      better = best == nullptr || std::labs(c) < std::labs(*best);
    }
    if (better) {
      best = &c;
      chosen = index;
    }
    ++index;
  }
  return chosen - 1;  // -1, 0, +1: which period
}

class Finder {
 public:
  // `stamp`: the time of day of the publication stamp, when it has one.
  Finder(std::string_view text, std::optional<CivilDate> anchor,
         std::optional<StampTime> stamp = std::nullopt)
      : text_(text),
        lexed_(text),
        t_(lexed_.tokens),
        anchor_(anchor),
        stamp_(stamp),
        narrative_(IsNarrative()) {}

  std::vector<TimeExpression> Run() {
    for (size_t i = 0; i < t_.size();) {
      std::optional<Found> found = MatchAt(i);
      // A year heading a list ("2025 tour dates:") dates the lines that start with a date.
      if ((i == 0 || t_[i].newline_before) && !(found && found->kind == kDate)) {
        heading_year_ = HeadingYear(i);
      }
      if (!found) {
        ++i;
        continue;
      }
      i = found->end;
      if (found->ignore) continue;
      if (found->value) Remember(found->begin, *found->value);
      NoteYear(*found);
      found_.push_back(std::move(*found));
    }
    SettleClocks();
    std::vector<TimeExpression> out;
    out.reserve(found_.size());
    for (const Found& f : found_) {
      TimeExpression e;
      e.span = {t_[f.begin].start, t_[f.end - 1].end};
      e.text = std::string(text_.substr(e.span.start, e.span.end - e.span.start));
      e.kind = std::string(f.kind);
      e.value = f.value;
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  using Matcher = std::optional<Found> (Finder::*)(size_t) const;

  std::optional<Found> MatchAt(size_t i) const {
    static constexpr Matcher kMatchers[] = {
        &Finder::MatchModified,   &Finder::MatchAbsoluteDate, &Finder::MatchWeekday,
        &Finder::MatchBareMonth,  &Finder::MatchYear,         &Finder::MatchRelativeDay,
        &Finder::MatchShifted,    &Finder::MatchQuarter,      &Finder::MatchSeason,
        &Finder::MatchCentury,    &Finder::MatchFiscal,       &Finder::MatchClock,
        &Finder::MatchDuration,   &Finder::MatchSet,          &Finder::MatchTheDay,
        &Finder::MatchYearBefore, &Finder::MatchWeekOfMonth,  &Finder::MatchReference,
        &Finder::MatchHoliday,    &Finder::MatchDayPartOf,    &Finder::MatchEraYear};
    if (!CanStart(t_[i]) || InPhoneNumber(i)) return std::nullopt;
    std::optional<Found> best;
    for (Matcher matcher : kMatchers) {
      std::optional<Found> found = (this->*matcher)(i);
      if (found && (!best || found->end > best->end)) best = std::move(found);
    }
    return best;
  }

  // Whether any matcher could start at `token`: most words cannot, and skipping them
  // keeps the scan fast.
  static bool CanStart(const TimeToken& token) {
    if (token.type == TimeTokenType::kNumber) return true;
    if (token.type == TimeTokenType::kPunct) return token.lower == "'";
    if (token.word_class != TimeWordClass::kNone) return true;
    static const std::unordered_set<std::string_view>* const kStarters =
        new std::unordered_set<std::string_view>{
            "the",       "today",   "tomorrow", "yesterday", "tonight", "last",     "this",
            "next",      "earlier", "later",    "past",      "coming",  "previous", "following",
            "upcoming",  "current", "that",     "early",     "late",    "mid",      "end",
            "beginning", "start",   "middle",   "fiscal",    "fy",      "noon",     "midday",
            "midnight",  "a",       "an",       "several",   "few",     "many",     "every",
            "each",      "per",     "hourly",   "daily",     "nightly", "weekly",   "monthly",
            "annually",  "yearly",  "weekend",  "q1",        "q2",      "q3",       "q4"};
    if (kStarters->contains(token.lower) || CanStartTimeReference(token.lower)) return true;
    if (token.capitalized && StartsHolidayName(token.lower)) return true;
    return token.lower.size() == 6 && token.lower.starts_with("fy");
  }

  // ---- token tests ----

  bool Word(size_t i, std::string_view word) const { return i < t_.size() && t_[i].lower == word; }
  bool AnyWord(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= t_.size()) return false;
    for (std::string_view w : words) {
      if (t_[i].lower == w) return true;
    }
    return false;
  }
  bool Glued(size_t i) const { return i < t_.size() && !t_[i].space_before; }
  bool IsClass(size_t i, TimeWordClass c) const {
    return i < t_.size() && t_[i].type == TimeTokenType::kWord && t_[i].word_class == c;
  }
  bool CapitalizedWord(size_t i) const {
    return i < t_.size() && t_[i].type == TimeTokenType::kWord && t_[i].capitalized;
  }
  bool Digits(size_t i, int count) const {
    return i < t_.size() && t_[i].type == TimeTokenType::kNumber && t_[i].plain_integer &&
           t_[i].digits == count && t_[i].suffix.empty();
  }

  // Whether token `i` is a part of a phone number's "555-0123": three digits, a hyphen,
  // four digits, glued; or spaced, as text re-tokenized with spaces around punctuation
  // writes a whole number ("419 - 255 - 1111").
  bool InPhoneNumber(size_t i) const {
    auto pair_at = [&](size_t k) {
      return Digits(k, 3) && Word(k + 1, "-") && Glued(k + 1) && Glued(k + 2) && Digits(k + 2, 4);
    };
    auto spaced_at = [&](size_t k) {
      return Digits(k, 3) && Word(k + 1, "-") && Digits(k + 2, 3) && Word(k + 3, "-") &&
             Digits(k + 4, 4);
    };
    if (pair_at(i) || (i >= 2 && pair_at(i - 2))) return true;
    for (size_t back = 0; back <= 4 && back <= i; back += 2) {
      if (spaced_at(i - back)) return true;
    }
    return false;
  }

  // The token after an abbreviation's period, if `i` is one.
  size_t SkipPeriod(size_t i) const { return Word(i, ".") && Glued(i) ? i + 1 : i; }
  Tense TenseOf(size_t begin, size_t end) const { return TenseAround(t_, begin, end); }

  std::optional<int> DayNumber(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    const TimeToken& t = t_[i];
    if (t.type != TimeTokenType::kNumber || !t.plain_integer || t.digits > 2) return std::nullopt;
    if (!t.suffix.empty() && t.suffix != "st" && t.suffix != "nd" && t.suffix != "rd" &&
        t.suffix != "th") {
      return std::nullopt;
    }
    const int day = static_cast<int>(t.number);
    if (day < 1 || day > 31) return std::nullopt;
    if (Word(i + 1, ":") || Word(i + 1, "%")) return std::nullopt;
    return day;
  }

  std::optional<int> YearNumber(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    const TimeToken& t = t_[i];
    if (t.type != TimeTokenType::kNumber || !t.plain_integer || t.digits != 4 ||
        !t.suffix.empty()) {
      return std::nullopt;
    }
    const int year = static_cast<int>(t.number);
    if (year < 1000 || year > 2999) return std::nullopt;
    return year;
  }

  // A month name that can start a date: capitalized; abbreviations need their period or
  // a number after them ("Oct. 7", "Oct 7").
  std::optional<int> MonthName(size_t i) const {
    if (!IsClass(i, TimeWordClass::kMonth) || !t_[i].capitalized) return std::nullopt;
    if (t_[i].abbreviation && !(Word(i + 1, ".") && Glued(i + 1)) &&
        !(i + 1 < t_.size() && t_[i + 1].type == TimeTokenType::kNumber)) {
      return std::nullopt;
    }
    return t_[i].word_value;
  }

  static bool IsLeadWord(std::string_view w) {
    static constexpr std::string_view kLeads[] = {
        "in",     "on",        "since",   "until", "till",       "by",   "from", "through",
        "during", "before",    "after",   "early", "late",       "mid",  "of",   "last",
        "next",   "this",      "between", "and",   "to",         "-",    "that", "every",
        "each",   "around",    "about",   "for",   "throughout", "into", "past", "coming",
        "end",    "beginning", "start",   "at"};
    for (std::string_view lead : kLeads) {
      if (w == lead) return true;
    }
    return false;
  }

  // ---- resolution against the anchor ----

  std::optional<std::string> DayValue(int year, int month, int day) const {
    if (!IsValidDate(year, month, day)) return std::nullopt;
    return FormatDay({year, month, day});
  }

  // The year the text itself sets for a year-less date starting at token `at`: the year
  // heading a list it opens a line of, the year its sentence opens with ("In 2019, the
  // plant closed on March 3"), and in a narrative (IsNarrative) the last year named.
  std::optional<int> TextYear(size_t at) const {
    if (heading_year_ && t_[at].newline_before) return heading_year_;
    if (sentence_year_ && sentence_year_->first >= SentenceStart(at)) {
      return sentence_year_->second;
    }
    if (narrative_ && ref_year_) return ref_year_->year;
    return std::nullopt;
  }

  // Whether TextYear(at) comes from the narrative's last year alone, not from a heading or
  // the sentence's own year.
  bool NarrativeYearOnly(size_t at) const {
    return !(heading_year_ && t_[at].newline_before) &&
           !(sentence_year_ && sentence_year_->first >= SentenceStart(at));
  }

  // A day the clause tells as past that would fall after the anchor: "announced ... while
  // closing out their November 18th concert" in an article of 2019-11-19 is no concert of
  // the 2020 tour the text named before. (A future before the anchor is a history's own
  // "would": "was to be tried on 16 October".)
  bool ContradictsTense(int year, int month, int day, size_t begin, size_t end) const {
    if (!anchor_ || !IsValidDate(year, month, day)) return false;
    const int64_t distance = DaysFromCivil({year, month, day}) - DaysFromCivil(*anchor_);
    const Tense tense = TenseOf(begin, end);
    return tense == Tense::kPast && distance > 0;
  }

  std::optional<int> YearOfMonthDay(int month, int day, Tense tense) const {
    if (!anchor_) return std::nullopt;
    const int y = anchor_->year;
    const int64_t a = DaysFromCivil(*anchor_);
    auto distance = [&](int year) {
      return static_cast<long>(
          DaysFromCivil({year, month, std::min(day, DaysInMonth(year, month))}) - a);
    };
    return y + PickByTense({distance(y - 1), distance(y), distance(y + 1)}, tense, 2);
  }

  std::optional<int> YearOfMonth(int month, Tense tense) const {
    if (!anchor_) return std::nullopt;
    const long offset = month - anchor_->month;
    const long slack = tense == Tense::kUnknown || tense == Tense::kPresent ? 0 : 0;
    return anchor_->year + PickByTense({offset - 12, offset, offset + 12}, tense, slack);
  }

  std::optional<CivilDate> DayOfWeekday(int weekday, Tense tense) const {
    if (!anchor_) return std::nullopt;
    const int today = Weekday(*anchor_);
    const long back = (today - weekday + 7) % 7;
    const long ahead = (weekday - today + 7) % 7;
    // News reports what happened: a weekday with no tense cue is the one before.
    if (tense == Tense::kUnknown) tense = Tense::kPast;
    const int which = PickByTense({-back, ahead}, tense, 0);
    return AddDays(*anchor_, which < 0 ? -back : ahead);
  }

  std::optional<std::string> AnchorDay(int shift_days, std::string_view suffix = "") const {
    if (!anchor_) return std::nullopt;
    return FormatDay(AddDays(*anchor_, shift_days)) + std::string(suffix);
  }

  static std::string_view DayPartCode(int part) {
    static constexpr std::string_view kCodes[] = {"TMO", "TAF", "TEV", "TNI"};
    return kCodes[part];
  }

  // What "the next day", "the following week", "two years later" count from: for days
  // and weeks, the latest day named in this or the previous sentence (the narrative's
  // "now", not a date recalled in passing), else the last day named; for months and
  // years the last one named; else the anchor.
  std::optional<CivilDate> ReferenceFor(int unit, size_t at) const {
    if (unit <= kWeek) {
      const size_t since = PreviousSentenceStart(at);
      std::optional<CivilDate> latest;
      for (auto it = day_mentions_.rbegin(); it != day_mentions_.rend() && it->first >= since;
           ++it) {
        if (!latest || DaysFromCivil(it->second) > DaysFromCivil(*latest)) latest = it->second;
      }
      if (latest) return latest;
      if (!day_mentions_.empty()) return day_mentions_.back().second;
      return anchor_;
    }
    const std::optional<CivilDate>& named = unit == kMonthUnit ? ref_month_ : ref_year_;
    return named ? named : anchor_;
  }

  // "the same day" is the day of a happening just told: the last day named in this or the
  // previous sentence. A coarser date named since in its sentence ("18 years ago - on the
  // same day") leaves it unknown, as does no day at all: never the news day by default.
  std::optional<std::string> SameDay(size_t at) const {
    if (!found_.empty() && found_.back().begin >= SentenceStart(at) &&
        (!found_.back().value || !ParseIsoDate(*found_.back().value))) {
      return std::nullopt;
    }
    if (day_mentions_.empty() || day_mentions_.back().first < PreviousSentenceStart(at)) {
      return std::nullopt;
    }
    return FormatDay(day_mentions_.back().second);
  }

  // The first token of the sentence holding token `at`, looking back a bounded way so
  // that text without sentence breaks stays linear.
  size_t SentenceStart(size_t at) const {
    constexpr size_t kMaxSentenceTokens = 100;
    const size_t limit = at > kMaxSentenceTokens ? at - kMaxSentenceTokens : 0;
    while (at > limit && !StartsSentence(t_, at)) --at;
    return at;
  }

  size_t PreviousSentenceStart(size_t at) const {
    size_t start = std::min(at, t_.size() - 1);
    for (int sentences = 0; sentences < 2; ++sentences) {
      if (sentences > 0 && start > 0) --start;
      start = SentenceStart(start);
    }
    return start;
  }

  // Keeps the year of a sentence that opens with it, "In 2019, the plant closed on March
  // 3", for the rest of that sentence. A year named inside a clause ("since its launch in
  // 2003 and that as of February") sets no frame for what follows.
  void NoteYear(const Found& f) {
    if (f.kind == kDate && f.value && f.value->size() == 4 && f.end == f.begin + 1 &&
        YearNumber(f.begin) && f.begin > 0 && Word(f.begin - 1, "in") &&
        StartsSentence(t_, f.begin - 1) && Word(f.end, ",")) {
      sentence_year_ = {f.begin, *YearNumber(f.begin)};
    }
  }

  // The year of a short line from token `i` that heads a list ("2025 tour dates:").
  std::optional<int> HeadingYear(size_t i) const {
    constexpr size_t kMaxHeadingTokens = 8;
    std::optional<int> year;
    size_t k = i;
    for (; k < t_.size() && (k == i || !t_[k].newline_before); ++k) {
      if (k - i >= kMaxHeadingTokens) return std::nullopt;
      if (!year) year = YearNumber(k);
    }
    return k > i && Word(k - 1, ":") ? year : std::nullopt;
  }

  // Whether the text tells a story of years well before its anchor (a history, a
  // biography), where a year-less "June 22" belongs to the year the narrative has
  // reached, not the publication's: most of the years it names lie more than a year
  // from the anchor, and at least three do.
  bool IsNarrative() const {
    if (!anchor_) return false;  // no anchor to be far from: nothing to go on
    int near = 0;
    int far = 0;
    for (size_t i = 1; i < t_.size(); ++i) {
      const std::optional<int> year = YearNumber(i);
      if (!year || !(IsLeadWord(t_[i - 1].lower) || Word(i - 1, ",") ||
                     IsClass(i - 1, TimeWordClass::kMonth))) {
        continue;
      }
      if (std::abs(*year - anchor_->year) <= 1) {
        ++near;
      } else {
        ++far;
      }
    }
    return far >= 3 && far > 2 * near;
  }

  void Remember(size_t at, const std::string& value) {
    auto digit = [&](size_t i) { return i < value.size() && value[i] >= '0' && value[i] <= '9'; };
    if (!digit(0) || !digit(1) || !digit(2) || !digit(3) || digit(4)) return;
    const int year = std::stoi(value.substr(0, 4));
    ref_year_ = CivilDate{year, 1, 1};
    if (value.size() >= 7 && value[4] == '-' && digit(5) && digit(6) && !digit(7)) {
      const int month = std::stoi(value.substr(5, 2));
      if (month >= 1 && month <= 12) ref_month_ = CivilDate{year, month, 1};
    }
    if (auto day = ParseIsoDate(value)) day_mentions_.emplace_back(at, *day);
  }

  // Value of a period (`unit` week, month, year, quarter...) `shift` periods from `base`.
  std::optional<std::string> PeriodValue(std::optional<CivilDate> base, int unit, int shift) const {
    if (!base) return std::nullopt;
    switch (unit) {
      case kDay:
        return FormatDay(AddDays(*base, shift));
      case kWeek:
        return FormatWeek(IsoWeekOf(AddDays(*base, 7L * shift)));
      case kMonthUnit: {
        const CivilDate d = AddMonths(*base, shift);
        return FormatMonth(d.year, d.month);
      }
      case kYear:
        return FormatYear(base->year + shift);
      case kDecade:
        return DecadeValue(base->year + 10 * shift);
      default:
        return std::nullopt;
    }
  }

  // ---- matchers: each looks at tokens from `i` and says what it found there ----

  // "Oct. 7, 2023", "May 31", "31 July 2017", "August 2011", "2024-08-19", "8/19/2024".
  std::optional<Found> MatchAbsoluteDate(size_t i) const {
    if (auto month = MonthName(i)) {
      const size_t j = SkipPeriod(i + 1);
      if (auto day = DayNumber(j)) {
        size_t end = j + 1;
        std::optional<int> year;
        if (Word(end, ",") && YearNumber(end + 1)) {
          year = YearNumber(end + 1);
          end += 2;
        } else if (YearNumber(end)) {
          year = YearNumber(end);
          end += 1;
        }
        return DayFound(i, end, *month, *day, year);
      }
      size_t y = j;
      if (Word(y, ",") || Word(y, "of")) ++y;
      if (auto year = YearNumber(y)) {
        return Found{i, y + 1, kDate, FormatMonth(*year, *month)};
      }
      return std::nullopt;
    }
    if (auto day = DayNumber(i)) {
      size_t j = i + 1;
      if (Word(j, "of")) ++j;
      if (auto month = MonthName(j)) {
        size_t end = SkipPeriod(j + 1);
        std::optional<int> year;
        if (Word(end, ",") && YearNumber(end + 1)) ++end;
        if ((year = YearNumber(end))) {
          ++end;
        } else {
          end = j + 1;
        }
        return DayFound(i, end, *month, *day, year);
      }
      // "8/19/2024": month first when it can be, as in American news.
      if (Word(i + 1, "/") && Glued(i + 1) && DayNumber(i + 2) && Glued(i + 2) &&
          Word(i + 3, "/") && Glued(i + 3) && Glued(i + 4) && SlashYear(i + 4)) {
        const int a = *day;
        const int b = *DayNumber(i + 2);
        const int year = *SlashYear(i + 4);
        const bool month_first = a <= 12;
        return DayFound(i, i + 5, month_first ? a : b, month_first ? b : a, year);
      }
      return std::nullopt;
    }
    if (auto year = YearNumber(i)) {
      // ISO "2024-08-19".
      if (Word(i + 1, "-") && Glued(i + 1) && Glued(i + 2) && DayNumber(i + 2) &&
          t_[i + 2].digits == 2 && Word(i + 3, "-") && Glued(i + 3) && Glued(i + 4) &&
          DayNumber(i + 4) && t_[i + 4].digits == 2) {
        return DayFound(i, i + 5, *DayNumber(i + 2), *DayNumber(i + 4), year);
      }
    }
    return std::nullopt;
  }

  // The year of "8/19/2024" or "7/8/07"; two digits are the nearest century's.
  std::optional<int> SlashYear(size_t i) const {
    if (auto year = YearNumber(i)) return year;
    if (i >= t_.size() || t_[i].type != TimeTokenType::kNumber || !t_[i].plain_integer ||
        t_[i].digits != 2 || !t_[i].suffix.empty()) {
      return std::nullopt;
    }
    const int yy = static_cast<int>(t_[i].number);
    return yy < 50 ? 2000 + yy : 1900 + yy;
  }

  std::optional<Found> DayFound(size_t begin, size_t end, int month, int day,
                                std::optional<int> year) const {
    if (month < 1 || month > 12) return std::nullopt;
    if (!year) {
      year = TextYear(begin);
      if (year && NarrativeYearOnly(begin) && ContradictsTense(*year, month, day, begin, end)) {
        year.reset();
      }
    }
    if (!year) year = YearOfMonthDay(month, day, TenseOf(begin, end));
    Found f{begin, end, kDate, std::nullopt};
    if (year) {
      f.value = DayValue(*year, month, day);
      if (!f.value) return std::nullopt;
    } else if (day > DaysInMonth(2024, month)) {
      return std::nullopt;
    }
    AppendDayPart(f);
    return f;
  }

  // "Tuesday night": the day part turns a DATE into a TIME of that day.
  void AppendDayPart(Found& f) const {
    if (!IsClass(f.end, TimeWordClass::kDayPart)) return;
    const std::string_view code = DayPartCode(t_[f.end].word_value);
    ++f.end;
    f.kind = kTime;
    if (f.value) *f.value += std::string(code);
  }

  // "Friday", "Thursday, May 7, 2015", "Tuesday night".
  std::optional<Found> MatchWeekday(size_t i) const {
    if (!IsClass(i, TimeWordClass::kWeekday)) return std::nullopt;
    if (t_[i].abbreviation && !(t_[i].capitalized && (Word(i + 1, ".") || Word(i + 1, ",")))) {
      return std::nullopt;
    }
    // A named day ("Black Monday", "Super Tuesday", "Good Friday") is no weekday of the
    // news week; matched so that nothing else takes it, then dropped.
    if (i > 0 && CapitalizedWord(i - 1) && IsNamedDayWord(t_[i - 1].lower)) {
      return Found{i - 1, i + 1, kDate, std::nullopt, true};
    }
    size_t j = SkipPeriod(i + 1);
    if (Word(j, ",")) ++j;
    if (std::optional<Found> date = MatchAbsoluteDate(j);
        date && date->value && date->value->size() >= 10) {
      date->begin = i;
      FitWeekday(*date, j, t_[i].word_value);
      return date;
    }
    const std::optional<CivilDate> day = DayOfWeekday(t_[i].word_value, TenseOf(i, i + 1));
    Found f{i, i + 1, kDate, day ? std::optional(FormatDay(*day)) : std::nullopt};
    AppendDayPart(f);
    return f;
  }

  // "Friday, December 6th" without a year: the year near the anchor whose December 6 is
  // a Friday, when the year the text or the anchor suggested names another weekday (the
  // last year a story named, "1973's album", is no year for next week's ticket sale).
  void FitWeekday(Found& date, size_t from, int weekday) const {
    for (size_t k = from; k < date.end; ++k) {
      if (YearNumber(k)) return;  // the text's own year stands
    }
    const std::optional<CivilDate> day = ParseIsoDate(*date.value);
    if (!day || Weekday(*day) == weekday || !anchor_) return;
    for (int shift : {0, -1, 1}) {
      const int year = anchor_->year + shift;
      if (!IsValidDate(year, day->month, day->day)) continue;
      const CivilDate fit{year, day->month, day->day};
      if (Weekday(fit) == weekday) {
        *date.value = FormatDay(fit) + date.value->substr(10);
        return;
      }
    }
  }

  static bool IsNamedDayWord(std::string_view w) {
    static constexpr std::string_view kNames[] = {
        "black",  "cyber",  "super",  "good", "holy",   "ash",  "easter", "palm",  "blue",
        "bloody", "maundy", "shrove", "fat",  "giving", "whit", "plough", "manic", "mad"};
    return std::find(std::begin(kNames), std::end(kNames), w) != std::end(kNames);
  }

  static bool StartsHolidayName(std::string_view w) {
    for (const HolidayName& name : HolidayNames()) {
      if (name.words[0] == w) return true;
    }
    return false;
  }

  // The end of holiday `name` written from token `i`, if it is: each word capitalized, a
  // possessive's "'s" and a period glued to the word before them.
  std::optional<size_t> HolidayNameEnd(size_t i, const HolidayName& name) const {
    size_t k = i;
    for (std::string_view w : name.words) {
      if (w.empty()) break;
      const bool glued_part = w == "'" || w == "s" || w == ".";
      if (!Word(k, w) || (glued_part ? !Glued(k) : !CapitalizedWord(k))) return std::nullopt;
      ++k;
    }
    return k;
  }

  // "Christmas Eve", "on Thanksgiving", "Easter 2016", "last Christmas", "Labor Day
  // weekend": the holiday's day in the year the phrase, the text or the tense gives.
  std::optional<Found> MatchHoliday(size_t i) const {
    if (!CapitalizedWord(i) || (i > 0 && AnyWord(i - 1, {"every", "each"}))) return std::nullopt;
    for (const HolidayName& name : HolidayNames()) {
      const std::optional<size_t> name_end = HolidayNameEnd(i, name);
      if (!name_end) continue;
      size_t end = *name_end;
      std::optional<int> year = YearNumber(end);
      if (year) ++end;
      const bool relative = i > 0 && AnyWord(i - 1, {"this", "last", "next"});
      const bool lead = i > 0 && AnyWord(i - 1, {"on", "at", "for", "before", "after", "since",
                                                 "until", "till", "by", "over", "around", "during",
                                                 "through", "from", "past", "until"});
      if (name.needs_context && !year && !relative && !lead) return std::nullopt;
      if (!year && CapitalizedWord(end)) return std::nullopt;  // "Christmas Island"
      size_t begin = i;
      if (!year && relative) {
        year = RelativeHolidayYear(name.holiday, t_[i - 1].lower);
        begin = i - 1;
      }
      if (!year) year = HolidayYearInText(name.holiday, begin, end);
      Found f{begin, end, kDate, std::nullopt};
      if (year) f.value = FormatDay(HolidayDate(name.holiday, *year));
      AppendDayPart(f);
      return f;
    }
    return std::nullopt;
  }

  // "last Christmas" is the one before the anchor, "next Easter" the one after it, "this
  // Thanksgiving" the one of the anchor's year.
  std::optional<int> RelativeHolidayYear(Holiday holiday, std::string_view which) const {
    if (!anchor_) return std::nullopt;
    const int year = anchor_->year;
    const int64_t day = DaysFromCivil(HolidayDate(holiday, year));
    const int64_t anchor = DaysFromCivil(*anchor_);
    if (which == "last") return day < anchor ? year : year - 1;
    if (which == "next") return day > anchor ? year : year + 1;
    return year;
  }

  // A holiday with no year of its own: the year the text sets, else the one the tense
  // points to around the anchor, as for "May 31".
  std::optional<int> HolidayYearInText(Holiday holiday, size_t begin, size_t end) const {
    if (std::optional<int> year = TextYear(begin)) {
      const CivilDate day = HolidayDate(holiday, *year);
      if (!NarrativeYearOnly(begin) || !ContradictsTense(*year, day.month, day.day, begin, end)) {
        return year;
      }
    }
    if (!anchor_) return std::nullopt;
    const int64_t a = DaysFromCivil(*anchor_);
    auto distance = [&](int year) {
      return static_cast<long>(DaysFromCivil(HolidayDate(holiday, year)) - a);
    };
    const int y = anchor_->year;
    return y + PickByTense({distance(y - 1), distance(y), distance(y + 1)}, TenseOf(begin, end), 2);
  }

  // "the night of May 13", "the early morning hours of November 1, 1954": that day's part.
  std::optional<Found> MatchDayPartOf(size_t i) const {
    if (!Word(i, "the")) return std::nullopt;
    size_t k = i + 1;
    if (AnyWord(k, {"early", "late"})) ++k;
    if (!IsClass(k, TimeWordClass::kDayPart)) return std::nullopt;
    const std::string_view code = DayPartCode(t_[k].word_value);
    ++k;
    if (Word(k, "hours")) ++k;
    if (!Word(k, "of")) return std::nullopt;
    std::optional<Found> day = MatchAbsoluteDate(k + 1);
    if (!day) day = MatchWeekday(k + 1);
    if (!day) day = MatchHoliday(k + 1);
    if (!day || day->kind != kDate || (day->value && !ParseIsoDate(*day->value))) {
      return std::nullopt;
    }
    Found f{i, day->end, kTime, std::nullopt};
    if (day->value) f.value = *day->value + std::string(code);
    return f;
  }

  // A year before the common era: "480 BC", "480 B.C.", "31 BCE" (TIMEX3 "BC0480").
  std::optional<Found> MatchEraYear(size_t i) const {
    const TimeToken& t = t_[i];
    if (t.type != TimeTokenType::kNumber || !t.plain_integer || t.digits > 4 || !t.suffix.empty() ||
        t.number < 1) {
      return std::nullopt;
    }
    const std::optional<size_t> end = BeforeCommonEraEnd(i + 1);
    if (!end) return std::nullopt;
    return Found{i, *end, kDate, fmt::format("BC{:04d}", static_cast<int>(t.number))};
  }

  // The end of "BC", "B.C.", "BCE" or "B.C.E." written from token `i`, if it is.
  std::optional<size_t> BeforeCommonEraEnd(size_t i) const {
    if (i >= t_.size() || t_[i].type != TimeTokenType::kWord || !t_[i].capitalized) {
      return std::nullopt;
    }
    if (AnyWord(i, {"bc", "bce"})) return i + 1;
    if (Word(i, "b") && Word(i + 1, ".") && Word(i + 2, "c") && Word(i + 3, ".") && Glued(i + 1) &&
        Glued(i + 2) && Glued(i + 3)) {
      if (Word(i + 4, "e") && Glued(i + 4) && Word(i + 5, ".") && Glued(i + 5)) return i + 6;
      return i + 4;
    }
    return std::nullopt;
  }

  // "July", "in May": a month on its own needs context to tell it from a name or the verb.
  std::optional<Found> MatchBareMonth(size_t i) const { return BareMonth(i, false); }

  std::optional<Found> BareMonth(size_t i, bool has_lead) const {
    if (!IsClass(i, TimeWordClass::kMonth) || !t_[i].capitalized || t_[i].abbreviation) {
      return std::nullopt;
    }
    const bool lead = has_lead || (i > 0 && IsLeadWord(t_[i - 1].lower));
    if (CapitalizedWord(i + 1)) return std::nullopt;  // "June Carter", "May Day"
    if (!lead) {
      if (t_[i].word_value == 5) return std::nullopt;  // "May" is mostly the verb or a name
      if (i > 0 && CapitalizedWord(i - 1) && !StartsSentence(t_, i - 1)) return std::nullopt;
    }
    const int month = t_[i].word_value;
    size_t end = i + 1;
    std::optional<int> year;
    if (Word(end, "of")) year = TrailingYear(end, end);
    // "In May this year", "in March last year": the year the phrase names, whatever year
    // the story last mentioned.
    if (!year && anchor_ && AnyWord(end, {"this", "last", "next"}) && Word(end + 1, "year")) {
      year = anchor_->year + (Word(end, "last") ? -1 : Word(end, "next") ? 1 : 0);
      end += 2;
    }
    if (!year) year = TextYear(i);
    if (!year) year = YearOfMonth(month, TenseOf(i, i + 1));
    return Found{i, end, kDate, year ? std::optional(FormatMonth(*year, month)) : std::nullopt};
  }

  static bool FollowsYear(std::string_view word) {
    // Words that often follow a year: "2008 was", "the 2008 election".
    static constexpr std::string_view kAfterYear[] = {
        "and",       "or",       "to",      "when",         "was",     "were",       "is",
        "are",       "had",      "has",     "saw",          "season",  "election",   "elections",
        "census",    "olympics", "games",   "budget",       "levels",  "level",      "figures",
        "campaign",  "edition",  "through", "until",        "onwards", "onward",     "as",
        "in",        "on",       "at",      "with",         "after",   "before",     "for",
        "the",       "which",    "that",    "while",        "but",     "because",    "he",
        "she",       "it",       "they",    "we",           "i",       "model",      "version",
        "financial", "fiscal",   "world",   "presidential", "general", "earthquake", "war",
        "crisis",    "report",   "annual",  "results",      "sales",   "by",         "also"};
    for (std::string_view w : kAfterYear) {
      if (word == w) return true;
    }
    return false;
  }

  // A four-digit number reads as a year unless it counts something: "in 2019", "2019's",
  // "1990s", but not "2000 people" or "$2019".
  bool YearContext(size_t i) const {
    if (Word(i + 1, "block")) return false;  // "the 2700 block of Main Street"
    if (i > 0) {
      const std::string_view before = t_[i - 1].lower;
      if (before == "$" || before == "#" || before == "no" || before == "number" ||
          before == "flight" || before == "route" || before == "model" || before == "page") {
        return false;
      }
      // "a total score of 2072", "scored 2182": a score or a total, not a year.
      if (IsTallyWord(before) || (before == "of" && i > 1 && IsTallyWord(t_[i - 2].lower))) {
        return false;
      }
      // "about 2000 people": a count, not a year.
      if (AnyWord(i - 1, {"about", "around", "nearly", "almost", "over", "than", "some", "least",
                          "only", "just"}) &&
          i + 1 < t_.size() && t_[i + 1].type == TimeTokenType::kWord && !t_[i + 1].capitalized &&
          !FollowsYear(t_[i + 1].lower)) {
        return false;
      }
      const bool article_year =
          (before == "a" || before == "an") && t_[i].number >= 1900 && t_[i].number <= 2100;
      if (IsLeadWord(before) || before == "year" || article_year || before == "(" ||
          before == "fiscal" || before == "the" || before == "," ||
          IsClass(i - 1, TimeWordClass::kMonth) || IsClass(i - 1, TimeWordClass::kSeason)) {
        return !Word(i + 1, "%");
      }
    }
    const int year = static_cast<int>(t_[i].number);
    if (year < 1800 || year > 2100) return false;
    if (i + 1 >= t_.size()) return true;
    const TimeToken& next = t_[i + 1];
    // A heading's year: "2003: Invasion" opening its own line.
    if (next.lower == ":") return (i == 0 || t_[i].newline_before) && CapitalizedWord(i + 2);
    if (next.type == TimeTokenType::kPunct) return next.lower != "%";
    if (next.type == TimeTokenType::kNumber) return false;
    if (next.capitalized) return true;
    return FollowsYear(next.lower);
  }

  static bool IsTallyWord(std::string_view w) {
    return w == "score" || w == "scores" || w == "scored" || w == "total" || w == "tally" ||
           w == "rating" || w == "points" || w == "sum";
  }

  // "2019", "1990s", "the '90s", "the nineties".
  std::optional<Found> MatchYear(size_t i) const {
    const TimeToken& t = t_[i];
    if (t.type == TimeTokenType::kNumber && t.plain_integer && t.digits == 4 && t.suffix == "s") {
      const int year = static_cast<int>(t.number);
      const bool century = year % 100 == 0 && year != 2000;
      return Found{i, i + 1, kDate,
                   century ? fmt::format("{:02d}", year / 100) : DecadeValue(year)};
    }
    // "the 1980's".
    if (YearNumber(i) && static_cast<int>(t.number) % 10 == 0 && Word(i + 1, "'") && Glued(i + 1) &&
        Word(i + 2, "s") && Glued(i + 2)) {
      return Found{i, i + 3, kDate, DecadeValue(static_cast<int>(t.number))};
    }
    if (t.lower == "'" && i + 1 < t_.size() && t_[i + 1].type == TimeTokenType::kNumber &&
        t_[i + 1].digits == 2 && t_[i + 1].suffix == "s" && Glued(i + 1)) {
      const int tens = static_cast<int>(t_[i + 1].number);
      return Found{i, i + 2, kDate, DecadeValue((tens >= 20 ? 1900 : 2000) + tens)};
    }
    if (t.type == TimeTokenType::kNumber && t.digits == 2 && t.suffix == "s" &&
        static_cast<int>(t.number) % 10 == 0 && i > 0 &&
        (AnyWord(i - 1, {"the", "and", "or", "early", "late", "mid", "'"}) ||
         (Word(i - 1, "-") && Word(i - 2, "mid")))) {
      const int tens = static_cast<int>(t.number);
      return Found{i, i + 1, kDate, DecadeValue((tens >= 20 ? 1900 : 2000) + tens)};
    }
    if (Word(i, "the") && i + 1 < t_.size()) {
      static constexpr std::string_view kDecades[] = {"twenties", "thirties", "forties",
                                                      "fifties",  "sixties",  "seventies",
                                                      "eighties", "nineties"};
      for (int d = 0; d < 8; ++d) {
        if (t_[i + 1].lower == kDecades[d]) {
          return Found{i + 1, i + 2, kDate, DecadeValue(1920 + 10 * d)};
        }
      }
    }
    if (auto year = YearNumber(i); year && YearContext(i)) {
      return Found{i, i + 1, kDate, FormatYear(*year)};
    }
    return std::nullopt;
  }

  // "today", "yesterday morning", "tonight", "last night", "this afternoon".
  std::optional<Found> MatchRelativeDay(size_t i) const {
    const std::string_view w = t_[i].lower;
    int shift = 0;
    if (w == "today") {
      shift = 0;
    } else if (w == "tomorrow") {
      shift = 1;
    } else if (w == "yesterday") {
      shift = -1;
    } else if (w == "tonight") {
      return Found{i, i + 1, kTime, AnchorDay(0, "TNI")};
    } else if (w == "last" && Word(i + 1, "night")) {
      return Found{i, i + 2, kTime, AnchorDay(-1, "TNI")};
    } else if (w == "this" && IsClass(i + 1, TimeWordClass::kDayPart) && !Word(i + 1, "night")) {
      return Found{i, i + 2, kTime, AnchorDay(0, DayPartCode(t_[i + 1].word_value))};
    } else {
      return std::nullopt;
    }
    Found f{i, i + 1, kDate, AnchorDay(shift)};
    AppendDayPart(f);
    return f;
  }

  // "now", "recently", "the future": TimeML's reference values (time_references.h).
  std::optional<Found> MatchReference(size_t i) const {
    const std::optional<TimeReference> ref = MatchTimeReference(t_, i);
    if (!ref) return std::nullopt;
    return Found{ref->begin, ref->end, kReferenceKind, std::string(ref->value)};
  }

  // "on the day", "late in the day": the day the report is about, as market reports
  // write it ("shares fell 3% on the day"): the latest day named in this or the previous
  // sentence, else the anchor. Only where the clause ends after it: "the day of the
  // attack", "the day he left" name another day.
  std::optional<Found> MatchTheDay(size_t i) const {
    size_t j = i;
    if (AnyWord(j, {"late", "early", "later", "earlier"}) && Word(j + 1, "in")) {
      j += 2;
    } else if (!(i > 0 && Word(i - 1, "on"))) {
      return std::nullopt;
    }
    if (!Word(j, "the") || !Word(j + 1, "day")) return std::nullopt;
    const size_t end = j + 2;
    if (end < t_.size() && !AnyWord(end, {".", ",", ";", ":", "!", "?", ")", "and", "but"}) &&
        !t_[end].newline_before) {
      return std::nullopt;
    }
    const std::optional<CivilDate> day = ReferenceFor(kDay, i);
    return Found{i, end, kDate, day ? std::optional(FormatDay(*day)) : std::nullopt};
  }

  // "the same month a year ago", "the same period last year": the period the sentence
  // named before it ("sales fell 35% in January, compared to the same month a year ago"),
  // a year back; for "month" without one, the anchor's month a year back.
  std::optional<Found> MatchYearBefore(size_t i) const {
    if (!Word(i, "the") || !Word(i + 1, "same") ||
        !AnyWord(i + 2, {"month", "period", "quarter", "week", "day", "time"})) {
      return std::nullopt;
    }
    size_t end = i + 3;
    if (Word(end, "a") && Word(end + 1, "year") && AnyWord(end + 2, {"ago", "earlier"})) {
      end += 3;
    } else if (Word(end, "of") && Word(end + 1, "last") && Word(end + 2, "year")) {
      end += 3;
    } else if (Word(end, "last") && Word(end + 1, "year")) {
      end += 2;
    } else if (Word(end, "the") && AnyWord(end + 1, {"previous", "prior"}) &&
               Word(end + 2, "year")) {
      end += 3;
    } else {
      return std::nullopt;
    }
    std::optional<std::string> value;
    const size_t sentence = SentenceStart(i);
    for (auto it = found_.rbegin(); it != found_.rend() && it->begin >= sentence; ++it) {
      if (it->kind == kDate && it->value && it->value->size() >= 7 &&
          std::isdigit(static_cast<unsigned char>((*it->value)[0])) && (*it->value)[4] == '-') {
        const int year = std::stoi(it->value->substr(0, 4));
        value = fmt::format("{:04d}", year - 1) + it->value->substr(4);
        break;
      }
    }
    if (!value && Word(i + 2, "month") && anchor_) {
      value = FormatMonth(anchor_->year - 1, anchor_->month);
    }
    return Found{i, end, kDate, value};
  }

  // "the last week of March", "the first week of May 2009": the ISO week that has its
  // Thursday in the month (ISO 8601's rule for which month a week belongs to), the first
  // or the last such.
  std::optional<Found> MatchWeekOfMonth(size_t i) const {
    if (!Word(i, "the")) return std::nullopt;
    int ordinal = 0;
    if (AnyWord(i + 1, {"last", "final"})) {
      ordinal = -1;
    } else if (auto n = OrdinalAt(i + 1); n && *n >= 1 && *n <= 4) {
      ordinal = *n;
    } else {
      return std::nullopt;
    }
    if (!Word(i + 2, "week") || !Word(i + 3, "of")) return std::nullopt;
    const size_t m = i + 4;
    if (!IsClass(m, TimeWordClass::kMonth) || !t_[m].capitalized) return std::nullopt;
    const int month = t_[m].word_value;
    const size_t after_month = t_[m].abbreviation ? SkipPeriod(m + 1) : m + 1;
    size_t end = after_month;
    std::optional<int> year;
    if (Word(end, ",") && YearNumber(end + 1)) ++end;
    if ((year = YearNumber(end))) {
      ++end;
    } else {
      end = after_month;
      year = TextYear(i);
      if (!year) year = YearOfMonth(month, TenseOf(i, end));
    }
    Found f{i, end, kDate, std::nullopt};
    if (year) {
      // The month's first Thursday, then whole weeks on; or its last Thursday, back.
      CivilDate thursday{*year, month, 1};
      if (ordinal > 0) {
        thursday = AddDays(thursday, (3 - Weekday(thursday) + 7) % 7 + 7L * (ordinal - 1));
      } else {
        thursday = {*year, month, DaysInMonth(*year, month)};
        thursday = AddDays(thursday, -((Weekday(thursday) - 3 + 7) % 7));
      }
      if (thursday.month == month) f.value = FormatWeek(IsoWeekOf(thursday));
    }
    return f;
  }

  // "last week", "next month", "this year", "earlier this week", "the following day",
  // "last Friday", "next May", "this summer", "the past year" (a duration).
  std::optional<Found> MatchShifted(size_t i) const {
    size_t j = i;
    const bool the = Word(j, "the");
    if (the) ++j;
    if (!the && AnyWord(j, {"earlier", "later"}) && Word(j + 1, "this")) ++j;
    if (the && Word(j, "same") && Word(j + 1, "day")) return Found{i, j + 2, kDate, SameDay(i)};
    int shift = 0;
    bool from_reference = false;
    const std::string_view w = j < t_.size() ? t_[j].lower : std::string_view();
    if (w == "last" || w == "past" || w == "previous") {
      shift = -1;
      from_reference = w == "previous" && the;
    } else if (w == "next" || w == "coming" || w == "following" || w == "upcoming") {
      shift = 1;
      from_reference = the && (w == "following" || w == "next");
    } else if (w == "this" || w == "current") {
      shift = 0;
    } else if (w == "that" && !the && AnyWord(j + 1, {"day", "week", "month", "year"})) {
      from_reference = true;
    } else {
      return std::nullopt;
    }
    const size_t k = j + 1;
    if (k >= t_.size()) return std::nullopt;
    const TimeToken& target = t_[k];
    if (target.lower == "weekend") {
      const std::optional<std::string> week = PeriodValue(anchor_, kWeek, shift);
      return Found{i, k + 1, kDate, week ? std::optional(*week + "-WE") : std::nullopt};
    }
    if (target.word_class == TimeWordClass::kUnit && !target.plural) {
      const int unit = target.word_value;
      if (the && shift < 0 && !from_reference) {
        return Found{i, k + 1, kDuration, DurationValue({1}, unit)};
      }
      if (unit < kDay || unit > kYear) return std::nullopt;
      if (unit == kDay && !from_reference && !(w == "that")) return std::nullopt;
      if (unit == kYear && from_reference) {
        const std::optional<CivilDate> ref = ReferenceFor(kYear, i);
        return Found{i, k + 1, kDate,
                     ref ? std::optional(FormatYear(ref->year + shift)) : std::nullopt};
      }
      return Found{i, k + 1, kDate,
                   PeriodValue(from_reference ? ReferenceFor(unit, i) : anchor_, unit, shift)};
    }
    if (the) return std::nullopt;
    if (target.word_class == TimeWordClass::kWeekday && !target.abbreviation) {
      return ShiftedWeekday(i, k, shift);
    }
    if (target.word_class == TimeWordClass::kMonth && target.capitalized && !target.abbreviation) {
      if (!anchor_) return Found{i, k + 1, kDate, std::nullopt};
      const Tense tense = shift < 0 ? Tense::kPast : shift > 0 ? Tense::kFuture : Tense::kUnknown;
      // "last May" in May is a year ago; "next May" in May a year ahead.
      const long offset = target.word_value - anchor_->month;
      const long slack = shift == 0 ? 0 : -1;
      const int which = PickByTense({offset - 12, offset, offset + 12}, tense, slack);
      return Found{i, k + 1, kDate, FormatMonth(anchor_->year + which, target.word_value)};
    }
    if (target.word_class == TimeWordClass::kSeason) {
      if (!anchor_) return Found{i, k + 1, kDate, std::nullopt};
      const int now = SeasonOfMonth(anchor_->month);
      int year = anchor_->year;
      if (shift < 0 && target.word_value >= now) --year;
      if (shift > 0 && target.word_value <= now) ++year;
      return Found{i, k + 1, kDate, SeasonValue(year, target.word_value)};
    }
    if (target.lower == "quarter" && anchor_) {
      const int index = anchor_->year * 4 + (anchor_->month - 1) / 3 + shift;
      return Found{i, k + 1, kDate, fmt::format("{:04d}-Q{}", index / 4, index % 4 + 1)};
    }
    return std::nullopt;
  }

  std::optional<Found> ShiftedWeekday(size_t begin, size_t k, int shift) const {
    Found f{begin, k + 1, kDate, std::nullopt};
    if (anchor_) {
      const int weekday = t_[k].word_value;
      const int today = Weekday(*anchor_);
      long days = 0;
      if (shift < 0) {
        days = -((today - weekday + 6) % 7 + 1);  // strictly before
      } else if (shift > 0) {
        days = (weekday - today + 6) % 7 + 1;  // strictly after
      } else {
        const std::optional<CivilDate> day = DayOfWeekday(weekday, TenseOf(begin, k + 1));
        days = DaysFromCivil(*day) - DaysFromCivil(*anchor_);
      }
      f.value = FormatDay(AddDays(*anchor_, days));
    }
    AppendDayPart(f);
    return f;
  }

  // "early 2009", "late July", "mid-2011", "the end of May", "the beginning of this year":
  // the value is the period modified (TIMEX3 keeps the modifier out of the value).
  std::optional<Found> MatchModified(size_t i) const {
    size_t j = i;
    if (AnyWord(j, {"early", "late", "mid"})) {
      ++j;
      if (Word(j, "-")) ++j;
    } else {
      if (Word(j, "the")) ++j;
      if (!AnyWord(j, {"end", "beginning", "start", "middle"}) || !Word(j + 1, "of")) {
        return std::nullopt;
      }
      j += 2;
      // "the end of the month": the news day's month, or in a history the month it has
      // reached.
      if (Word(j, "the") && AnyWord(j + 1, {"year", "month", "week"})) {
        const int unit = t_[j + 1].word_value;
        return Found{i, j + 2, kDate,
                     PeriodValue(narrative_ ? ReferenceFor(unit, i) : anchor_, unit, 0)};
      }
    }
    if (j >= t_.size()) return std::nullopt;
    std::optional<Found> inner = MatchAbsoluteDate(j);
    if (!inner) inner = BareMonth(j, true);
    if (!inner && YearNumber(j)) inner = Found{j, j + 1, kDate, FormatYear(*YearNumber(j))};
    if (!inner) inner = MatchYear(j);
    if (!inner) inner = MatchShifted(j);
    if (!inner) inner = MatchWeekday(j);
    if (!inner) inner = MatchSeason(j);
    if (!inner || inner->kind == kDuration) return std::nullopt;
    inner->begin = i;
    return inner;
  }

  std::optional<int> OrdinalAt(size_t i) const {
    if (IsClass(i, TimeWordClass::kOrdinalWord)) return t_[i].word_value;
    if (i < t_.size() && t_[i].type == TimeTokenType::kNumber && t_[i].plain_integer &&
        (t_[i].suffix == "st" || t_[i].suffix == "nd" || t_[i].suffix == "rd" ||
         t_[i].suffix == "th")) {
      return static_cast<int>(t_[i].number);
    }
    return std::nullopt;
  }

  // The year a "quarter"/"half"/season phrase names after "of": "of 2009", "of this year",
  // "of last year", "of fiscal 2009". Sets `end` past it.
  std::optional<int> TrailingYear(size_t i, size_t& end) const {
    size_t j = i;
    if (Word(j, "of")) ++j;
    if (Word(j, "the")) ++j;
    if (Word(j, "fiscal")) ++j;
    if (auto year = YearNumber(j)) {
      end = j + 1;
      return year;
    }
    if (Word(j, "year") && YearNumber(j + 1)) {
      end = j + 2;
      return YearNumber(j + 1);
    }
    if (anchor_ && AnyWord(j, {"this", "last", "next"}) && Word(j + 1, "year")) {
      end = j + 2;
      return anchor_->year + (Word(j, "last") ? -1 : Word(j, "next") ? 1 : 0);
    }
    return std::nullopt;
  }

  // "the first quarter of 2009", "third-quarter", "Q4 2009", "the second half of 2024".
  std::optional<Found> MatchQuarter(size_t i) const {
    size_t j = i;
    const bool the = Word(j, "the");
    if (the) ++j;
    int ordinal = 0;
    bool last = false;
    if (auto n = OrdinalAt(j)) {
      ordinal = *n;
    } else if (AnyWord(j, {"final", "last", "fourth"}) && the) {
      ordinal = 4;
      last = true;
    } else if (Word(j, "latter") && Word(j + 1, "half") && the) {
      ordinal = 2;
    } else if (j < t_.size() && t_[j].lower.size() == 2 && t_[j].lower[0] == 'q' &&
               t_[j].lower[1] >= '1' && t_[j].lower[1] <= '4') {
      size_t end = j + 1;
      std::optional<int> year = YearNumber(end);
      if (year) {
        ++end;
      } else {
        year = QuarterYear(t_[j].lower[1] - '0', i, end);
      }
      return QuarterFound(i, end, year, "Q", t_[j].lower[1] - '0');
    } else {
      return std::nullopt;
    }
    size_t k = j + 1;
    if (Word(k, "-")) ++k;
    const bool quarter = Word(k, "quarter");
    const bool half = Word(k, "half");
    if (!(quarter && ordinal >= 1 && ordinal <= 4) &&
        !(half && ordinal >= 1 && ordinal <= 2 && !last)) {
      return std::nullopt;
    }
    if (half && !Word(k + 1, "of")) return std::nullopt;  // "the first half" of a match
    size_t end = k + 1;
    std::optional<int> year = TrailingYear(end, end);
    if (!year) year = QuarterYear(quarter ? ordinal : ordinal * 2, i, end);
    return QuarterFound(i, end, year, quarter ? "Q" : "H", ordinal);
  }

  // A quarter without a year is in the anchor's year, or the one before for a past
  // quarter that has not come yet.
  std::optional<int> QuarterYear(int quarter, size_t begin, size_t end) const {
    if (!anchor_) return std::nullopt;
    const long offset = quarter - ((anchor_->month - 1) / 3 + 1);
    return anchor_->year + PickByTense({offset - 4, offset, offset + 4}, TenseOf(begin, end), 0);
  }

  Found QuarterFound(size_t begin, size_t end, std::optional<int> year, std::string_view code,
                     int n) const {
    return Found{begin, end, kDate,
                 year ? std::optional(fmt::format("{:04d}-{}{}", *year, code, n)) : std::nullopt};
  }

  // "summer", "the summer of 2008", "spring 2009"; "fall" needs "the" or a year.
  std::optional<Found> MatchSeason(size_t i) const {
    size_t j = i;
    const bool the = Word(j, "the");
    if (the) ++j;
    if (!IsClass(j, TimeWordClass::kSeason)) return std::nullopt;
    const int season = t_[j].word_value;
    size_t end = j + 1;
    std::optional<int> year;
    if (auto y = YearNumber(end)) {
      year = y;
      ++end;
    } else if (Word(end, "of")) {
      if (std::optional<Found> era_year = MatchEraYear(end + 1)) {  // "the spring of 480 BC"
        const std::string code = SeasonValue(0, season).substr(4);
        return Found{i, era_year->end, kDate, *era_year->value + code};
      }
      year = TrailingYear(end, end);
    }
    // "fall" is mostly the noun or verb: as a season it needs a year or "in the fall".
    if (!year && t_[j].lower == "fall" &&
        !(the && i > 0 && AnyWord(i - 1, {"in", "by", "during", "until", "since", "through"}))) {
      return std::nullopt;
    }
    if (!year && !the && t_[j].lower == "spring" && CapitalizedWord(j + 1)) return std::nullopt;
    if (!year) year = TextYear(i);
    if (!year && anchor_) {
      const long offset = season - SeasonOfMonth(anchor_->month);
      year = anchor_->year + PickByTense({offset - 4, offset, offset + 4}, TenseOf(i, end), 0);
    }
    return Found{i, end, kDate, year ? std::optional(SeasonValue(*year, season)) : std::nullopt};
  }

  // "the 20th century", "the nineteenth century", "21st-century".
  std::optional<Found> MatchCentury(size_t i) const {
    size_t j = Word(i, "the") ? i + 1 : i;
    std::optional<int> n = OrdinalAt(j);
    size_t k = j + 1;
    if (!n && Word(j, "twenty") && Word(j + 1, "-") && Word(j + 2, "first")) {
      n = 21;
      k = j + 3;
    }
    if (!n || *n < 1 || *n > 30) return std::nullopt;
    if (Word(k, "-")) ++k;
    if (!Word(k, "century")) return std::nullopt;
    if (const std::optional<size_t> era_end = BeforeCommonEraEnd(k + 1)) {
      return Found{i, *era_end, kDate, fmt::format("BC{:02d}", *n - 1)};
    }
    return Found{i, k + 1, kDate, fmt::format("{:02d}", *n - 1)};
  }

  // "fiscal 2024", "fiscal year 2024", "FY2024", "FY 2024" (TIMEX3 "FY2024").
  std::optional<Found> MatchFiscal(size_t i) const {
    const std::string_view w = t_[i].lower;
    if (w == "fiscal") {
      size_t j = i + 1;
      if (Word(j, "year")) ++j;
      if (auto year = YearNumber(j)) return Found{i, j + 1, kDate, fmt::format("FY{}", *year)};
      return std::nullopt;
    }
    if (w == "fy" && YearNumber(i + 1)) {
      return Found{i, i + 2, kDate, fmt::format("FY{}", *YearNumber(i + 1))};
    }
    if (w.size() == 6 && w.starts_with("fy") &&
        std::all_of(w.begin() + 2, w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Found{i, i + 1, kDate, fmt::format("FY{}", w.substr(2))};
    }
    return std::nullopt;
  }

  // "a.m."/"am"/"p.m."/"pm" at `i`: returns whether it is p.m. and sets `end`.
  std::optional<bool> Meridiem(size_t i, size_t& end) const {
    if (AnyWord(i, {"am", "pm"})) {
      end = i + 1;  // a period after "pm" ends the sentence
      return Word(i, "pm");
    }
    if (AnyWord(i, {"a", "p"}) && Word(i + 1, ".") && Glued(i + 1) && Word(i + 2, "m") &&
        Glued(i + 2)) {
      end = SkipPeriod(i + 3);
      return Word(i, "p");
    }
    return std::nullopt;
  }

  // "14:00", "2:30 p.m.", "2 pm", "2pm", "08:30 UTC", "1600 GMT", "noon", "midnight".
  std::optional<Found> MatchClock(size_t i) const {
    const TimeToken& t = t_[i];
    Clock clock;
    size_t end = i + 1;
    if (t.lower == "noon" || t.lower == "midday") {
      clock.hour = 12;
    } else if (t.lower == "midnight") {
      clock.hour = 0;
    } else if (t.type == TimeTokenType::kNumber && t.plain_integer) {
      const int n = static_cast<int>(t.number);
      if (t.digits <= 2 && Word(i + 1, ":") && Glued(i + 1) && Glued(i + 2) && i + 2 < t_.size() &&
          t_[i + 2].type == TimeTokenType::kNumber && t_[i + 2].digits == 2 &&
          t_[i + 2].plain_integer && n <= 24 && t_[i + 2].number < 60 && t.suffix.empty()) {
        clock = {n, static_cast<int>(t_[i + 2].number)};
        end = i + 3;
        size_t unused = end;
        if (t_[i + 2].suffix.empty() && !Meridiem(end, unused) && IsGameClock(i, end)) {
          return Found{i, end, kTime, std::nullopt, true};
        }
        if (!t_[i + 2].suffix.empty()) {
          if (t_[i + 2].suffix != "am" && t_[i + 2].suffix != "pm") return std::nullopt;
          if (clock.hour > 12) return std::nullopt;
          if (t_[i + 2].suffix == "pm" && clock.hour < 12) clock.hour += 12;
          if (t_[i + 2].suffix == "am" && clock.hour == 12) clock.hour = 0;
        }
      } else if (t.digits <= 2 && (t.suffix == "am" || t.suffix == "pm") && n >= 1 && n <= 12) {
        clock.hour = n % 12 + (t.suffix == "pm" ? 12 : 0);
      } else if (t.digits <= 2 && t.suffix.empty() && n >= 1 && n <= 12 &&
                 (AnyWord(i + 1, {"am", "pm"}) || AnyWord(i + 1, {"a", "p"}))) {
        clock.hour = n;
      } else if (t.digits == 4 && t.suffix.empty() &&
                 AnyWord(i + 1, {"gmt", "utc", "hours", "hrs"}) && n / 100 < 24 && n % 100 < 60) {
        clock = {n / 100, n % 100};
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    size_t after = end;
    if (auto pm = Meridiem(end, after)) {
      if (clock.hour == 0 || clock.hour > 12) return std::nullopt;
      clock.hour = clock.hour % 12 + (*pm ? 12 : 0);
      end = after;
    } else if (t.type == TimeTokenType::kNumber && t.digits <= 2 && !Word(i + 1, ":") &&
               t.suffix.empty()) {
      return std::nullopt;
    }
    if (AnyWord(end, {"utc", "gmt", "z"})) {
      clock.utc = true;
      ++end;
    } else if (AnyWord(end, {"et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "bst",
                             "cet", "cest", "hours", "hrs"})) {
      ++end;
    }
    Found f{i, end, kTime, std::nullopt};
    f.clock = clock;
    return f;
  }

  // "17:46 into the third period", "on the power play at 19:56": minutes and seconds of a
  // game, not a time of day.
  bool IsGameClock(size_t begin, size_t end) const {
    if (Word(end, "into")) return true;
    constexpr size_t kWindow = 40;
    const size_t from = SentenceStart(begin);
    for (size_t k = from; k < t_.size() && k < begin + kWindow; ++k) {
      if (k > begin && StartsSentence(t_, k)) break;
      if (AnyWord(k, {"period", "overtime", "inning", "innings"}) ||
          (Word(k, "power") && Word(k + 1, "play"))) {
        return true;
      }
    }
    return false;
  }

  // "three", "30", "twenty-five", "two and a half", "a", "several", "a few".
  std::optional<Count> CountAt(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    const TimeToken& t = t_[i];
    Count c;
    c.end = i + 1;
    if (t.type == TimeTokenType::kNumber) {
      if (!t.suffix.empty() || t.number <= 0) return std::nullopt;
      c.value = t.number;
    } else if (t.word_class == TimeWordClass::kNumberWord) {
      c.value = t.word_value;
      if (c.value >= 20 && Word(i + 1, "-") && IsClass(i + 2, TimeWordClass::kNumberWord) &&
          t_[i + 2].word_value < 10) {
        c.value += t_[i + 2].word_value;
        c.end = i + 3;
      }
    } else if (t.lower == "a" || t.lower == "an") {
      if (AnyWord(i + 1, {"few", "couple"})) {
        c.vague = Word(i + 1, "few");
        c.value = 2;
        c.end = Word(i + 2, "of") ? i + 3 : i + 2;
      } else {
        c.value = 1;
        c.article = true;
      }
    } else if (AnyWord(i, {"several", "few", "many"})) {
      c.vague = true;
    } else {
      return std::nullopt;
    }
    if (!c.vague && Word(c.end, "and") && Word(c.end + 1, "a") && Word(c.end + 2, "half")) {
      c.value += 0.5;
      c.end += 3;
    }
    return c;
  }

  // "for three hours", "six-week", "the past four years"; "two days ago" is a date,
  // "45-year-old" an age (matched so that nothing else takes it, then dropped).
  std::optional<Found> MatchDuration(size_t i) const {
    size_t j = i;
    bool span_prefix = false;
    if (Word(j, "the") && AnyWord(j + 1, {"past", "last", "next", "coming", "first", "final",
                                          "previous", "following"})) {
      j += 2;
      span_prefix = true;
    }
    std::optional<Count> count = CountAt(j);
    if (!count) return std::nullopt;
    size_t k = count->end;
    if (Word(k, "-")) ++k;
    if (!IsClass(k, TimeWordClass::kUnit)) return std::nullopt;
    const int unit = t_[k].word_value;
    if (count->value >= 1000 && !t_[k].plural) return std::nullopt;  // "World Cup 2018 day five"
    const size_t end = k + 1;
    if (Word(end, "old") || (Word(end, "-") && Word(end + 1, "old"))) {
      return Found{i, Word(end, "old") ? end + 1 : end + 2, kDuration, std::nullopt, true};
    }
    if (Word(end, "of") && Word(end + 1, "age"))
      return Found{i, end + 2, kDuration, std::nullopt, true};
    if (!span_prefix && Word(end, "ago"))
      return RelativeFound(j, end + 1, *count, unit, -1, anchor_);
    if (!span_prefix && Word(end, "from") && Word(end + 1, "now")) {
      return RelativeFound(j, end + 2, *count, unit, 1, anchor_);
    }
    // "three days later than originally planned": a comparison; the day meant is the one
    // its sentence named ("arrives on November 11, three days later than planned").
    if (!span_prefix && AnyWord(end, {"later", "earlier"}) && Word(end + 1, "than")) {
      const std::optional<CivilDate> day = NamedDayInSentence(j);
      return Found{j, end + 2, kDate, day ? std::optional(FormatDay(*day)) : std::nullopt};
    }
    if (!span_prefix && AnyWord(end, {"later", "earlier"})) {
      return RelativeFound(j, end + 1, *count, unit, Word(end, "later") ? 1 : -1,
                           ReferenceFor(unit, j));
    }
    if (count->article && !span_prefix) {
      const bool duration_lead =
          j > 0 &&
          AnyWord(j - 1, {"for",    "over", "within",  "about",  "nearly", "almost", "than",
                          "after",  "in",   "least",   "under",  "just",   "only",   "whole",
                          "entire", "half", "roughly", "around", "lasted", "spent"});
      if (!duration_lead) return std::nullopt;
    }
    return Found{i, end, kDuration, DurationValue(*count, unit)};
  }

  std::optional<Found> RelativeFound(size_t begin, size_t end, const Count& count, int unit,
                                     int sign, std::optional<CivilDate> base) const {
    Found f{begin, end, kDate, std::nullopt};
    // Counts too large for an int ("2,000,000,000,000 days ago") stay unresolved.
    if (count.vague || count.value != std::floor(count.value) || std::abs(count.value) > 1e6) {
      return f;
    }
    const int n = static_cast<int>(count.value) * sign;
    f.value = unit <= kHour ? PeriodValue(base, kDay, 0) : PeriodValue(base, unit, n);
    return f;
  }

  // "every week", "each year", "every Monday", "daily", "twice a week", "15 a year".
  std::optional<Found> MatchSet(size_t i) const {
    const std::string_view w = t_[i].lower;
    static constexpr std::pair<std::string_view, std::string_view> kAdverbs[] = {
        {"hourly", "PT1H"}, {"daily", "P1D"},    {"nightly", "P1D"}, {"weekly", "P1W"},
        {"monthly", "P1M"}, {"annually", "P1Y"}, {"yearly", "P1Y"}};
    for (const auto& [adverb, value] : kAdverbs) {
      // Capitalized, it is usually a name: "China Daily", "Weekly Standard".
      if (w == adverb && !t_[i].capitalized) return Found{i, i + 1, kSet, std::string(value)};
    }
    if (w == "every" || w == "each") {
      size_t j = i + 1;
      if (Word(j, "other")) ++j;
      Count count{1};
      if (std::optional<Count> c = CountAt(j); c && !c->article && !c->vague) {
        count = *c;
        j = c->end;
      }
      if (IsClass(j, TimeWordClass::kUnit)) {
        return Found{i, j + 1, kSet, DurationValue(count, t_[j].word_value)};
      }
      if (IsClass(j, TimeWordClass::kWeekday) && !t_[j].abbreviation) {
        return Found{i, j + 1, kSet, fmt::format("XXXX-WXX-{}", t_[j].word_value + 1)};
      }
      return std::nullopt;
    }
    if (AnyWord(i, {"a", "per"}) && i > 0 && IsClass(i + 1, TimeWordClass::kUnit) &&
        !t_[i + 1].plural &&
        (t_[i - 1].type == TimeTokenType::kNumber || AnyWord(i - 1, {"once", "twice", "times"}))) {
      return Found{i, i + 2, kSet, DurationValue({1}, t_[i + 1].word_value)};
    }
    return std::nullopt;
  }

  // A clock time joins the day named right before or after it ("Monday at 2 p.m.",
  // "16:00 UTC today"); alone, it takes the last day named in its sentence, else the
  // anchor.
  void SettleClocks() {
    std::vector<Found> settled;
    settled.reserve(found_.size());
    for (size_t n = 0; n < found_.size(); ++n) {
      Found f = found_[n];
      if (!f.clock) {
        settled.push_back(std::move(f));
        continue;
      }
      std::optional<CivilDate> day;
      if (!settled.empty() &&
          Adjacent(settled.back().end, f.begin, {"at", "on", ",", "around", "by"}) &&
          JoinableDay(settled.back())) {
        day = JoinableDay(settled.back());
        f.begin = settled.back().begin;
        settled.pop_back();
      } else if (n + 1 < found_.size() && !found_[n + 1].clock &&
                 Adjacent(f.end, found_[n + 1].begin, {"on", ",", "of"}) &&
                 JoinableDay(found_[n + 1])) {
        day = JoinableDay(found_[n + 1]);
        f.end = found_[n + 1].end;
        ++n;
      } else {
        day = SentenceDay(settled, f.begin);
        if (day && anchor_ && *day == *anchor_ && LaterThanStamp(*f.clock) &&
            TenseOf(f.begin, f.end) != Tense::kFuture) {
          day = AddDays(*day, -1);
        }
      }
      if (day) {
        f.value = FormatDay(*day) + fmt::format("T{:02d}:{:02d}", f.clock->hour, f.clock->minute) +
                  (f.clock->utc ? "Z" : "");
      }
      settled.push_back(std::move(f));
    }
    found_ = std::move(settled);
  }

  // Whether a reported clock time on the anchor's day would come after the publication
  // stamp: it was the evening before, written from where the stamp's day had already
  // turned (a "10 p.m." in Washington under a stamp of 02:30 UTC the next day). A stamp
  // in the writer's own zone compares exactly; a UTC one may be up to 14 hours behind
  // the writer's clock (Asia, the Pacific), so only a clock time that far past it counts.
  bool LaterThanStamp(const Clock& clock) const {
    constexpr int kMaxZoneAheadMinutes = 14 * 60;
    if (!stamp_) return false;
    const int slack = stamp_->utc && !clock.utc ? kMaxZoneAheadMinutes : 0;
    return clock.hour * 60 + clock.minute > stamp_->minutes + slack;
  }

  // A clock time joins only a plain day, not one that already has a time of day.
  std::optional<CivilDate> JoinableDay(const Found& f) const {
    return f.kind == kDate ? DayOf(f) : std::nullopt;
  }

  std::optional<CivilDate> DayOf(const Found& f) const {
    if (!f.value || f.kind == kDuration || f.kind == kSet) return std::nullopt;
    return ParseIsoDate(*f.value);
  }

  bool Adjacent(size_t left_end, size_t right_begin,
                std::initializer_list<std::string_view> joiners) const {
    if (right_begin < left_end || right_begin - left_end > 1) return false;
    return right_begin == left_end || AnyWord(left_end, joiners);
  }

  // The last day named before token `at` in its sentence (not the anchor).
  std::optional<CivilDate> NamedDayInSentence(size_t at) const {
    const size_t sentence = SentenceStart(at);
    for (auto it = day_mentions_.rbegin(); it != day_mentions_.rend() && it->first >= sentence;
         ++it) {
      if (it->first < at) return it->second;
    }
    return std::nullopt;
  }

  std::optional<CivilDate> SentenceDay(const std::vector<Found>& before, size_t begin) const {
    const size_t sentence = SentenceStart(begin);
    for (auto it = before.rbegin(); it != before.rend() && it->begin >= sentence; ++it) {
      if (auto day = DayOf(*it)) return day;
    }
    return anchor_;
  }

  std::string_view text_;
  TimeTokens lexed_;
  const std::vector<TimeToken>& t_;
  std::optional<CivilDate> anchor_;
  // The days the text named, with the token each starts at, in text order; the last
  // month and year it named.
  std::vector<std::pair<size_t, CivilDate>> day_mentions_;
  std::optional<CivilDate> ref_month_;
  std::optional<CivilDate> ref_year_;
  std::optional<StampTime> stamp_;
  bool narrative_ = false;
  // A year heading a list, and the year the last sentence opening with one named, with
  // its token.
  std::optional<int> heading_year_;
  std::optional<std::pair<size_t, int>> sentence_year_;
  std::vector<Found> found_;
};

// The time of day of an ISO date-time ("2024-08-22T02:30:00Z"), in minutes, in the zone
// it is written in; nullopt for a date alone.
std::optional<StampTime> StampTimeOf(std::string_view stamp) {
  auto digit = [&](size_t i) { return i < stamp.size() && stamp[i] >= '0' && stamp[i] <= '9'; };
  if (stamp.size() < 16 || (stamp[10] != 'T' && stamp[10] != ' ') || !digit(11) || !digit(12) ||
      stamp[13] != ':' || !digit(14) || !digit(15)) {
    return std::nullopt;
  }
  const int hour = (stamp[11] - '0') * 10 + (stamp[12] - '0');
  const int minute = (stamp[14] - '0') * 10 + (stamp[15] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  const bool utc = stamp.ends_with("Z") || stamp.ends_with("+00:00") || stamp.ends_with("+0000");
  return StampTime{hour * 60 + minute, utc};
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Whether `part`, the rest of a stamp's line beside its date, holds nothing but stamp
// words: digits and a clock ("5: 03pm", "@ 8:13am PDT", "at 7:31 AM ET"), a time
// zone, a weekday ("Thu", "Friday,") and the labels "Published", "First Published",
// "Posted", "on". Any other word (a sentence, "Updated") makes it no stamp.
bool OnlyStampWords(std::string_view part) {
  static constexpr std::string_view kWords[] = {
      "published", "posted", "first",    "on",     "at",  "am",     "pm",      "a",
      "p",         "m",      "hrs",      "gmt",    "utc", "monday", "tuesday", "wednesday",
      "thursday",  "friday", "saturday", "sunday", "mon", "tue",    "tues",    "wed",
      "thu",       "thur",   "thurs",    "fri",    "sat", "sun"};
  size_t i = 0;
  while (i < part.size()) {
    const auto c = static_cast<unsigned char>(part[i]);
    if (std::isalpha(c)) {
      size_t end = i;
      bool upper = true;
      std::string word;
      for (; end < part.size() && std::isalpha(static_cast<unsigned char>(part[end])); ++end) {
        upper = upper && std::isupper(static_cast<unsigned char>(part[end]));
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(part[end]))));
      }
      const bool zone = upper && word.size() >= 2 && word.size() <= 4;  // EDT, PT, CEST
      if (!zone && std::find(std::begin(kWords), std::end(kWords), word) == std::end(kWords)) {
        return false;
      }
      i = end;
    } else if (std::isdigit(c) || IsAsciiSpace(part[i]) ||
               std::string_view(":.,|-@()/").find(part[i]) != std::string_view::npos) {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

// A line that is only a publication stamp: the date with at most a label, a weekday and
// a clock time around it ("August 21, 2024", "Published: Aug. 21, 2024 10:02 a.m. ET",
// "12:52 p.m. EDT May 2, 2013", "Posted on Thu Jun 13, 2013 08:45 AM PDT"). Never an
// "Updated" stamp: a later day than the news.
bool IsPublicationStamp(std::string_view before, std::string_view after) {
  return OnlyStampWords(before) && OnlyStampWords(after);
}

// A dateline: capitalized place words from the start of the line, the date after a
// comma, and the dash or wire bracket that opens the report, or the end of the line
// ("WASHINGTON, Aug. 21, 2024 -", "KYIV, Ukraine, March 3, 2024 (Reuters) -",
// "WASHINGTON, DC, April 28, 2009"). The first word is all capitals.
bool IsDateline(std::string_view before, std::string_view after) {
  before = TrimSpaces(before);
  if (!before.ends_with(',')) return false;
  size_t caps = 0;
  while (caps < before.size() && std::isupper(static_cast<unsigned char>(before[caps]))) ++caps;
  if (caps < 2 ||
      (caps < before.size() && std::isalpha(static_cast<unsigned char>(before[caps])))) {
    return false;
  }
  bool word_start = true;
  for (const char c : before) {
    const auto u = static_cast<unsigned char>(c);
    if (word_start && std::islower(u)) return false;  // a sentence, not place names
    word_start = c == ' ' || c == ',';
    if (!std::isalpha(u) && c != ' ' && c != ',' && c != '.' && c != '\'' && c != '-' && u < 0x80) {
      return false;
    }
  }
  after = TrimSpaces(after);
  return after.empty() || after.starts_with("-") || after.starts_with("\xE2\x80\x94") ||  // em dash
         after.starts_with("\xE2\x80\x93") || after.starts_with("(");                     // en dash
}

// The date a text gives itself when no published date comes with it: a dateline's full
// date ("WASHINGTON, Aug. 21, 2024 -") or a publication stamp on a line of its own under
// the headline, in the first lines. Dates in sentences, captions ("delivers remarks on
// May 31, 2024") and "Updated" stamps are the news's subject or the page's furniture,
// not its day, and give none.
std::optional<CivilDate> DatelineDate(std::string_view text) {
  constexpr size_t kMaxHead = 400;
  constexpr int kMaxLines = 4;
  size_t head = 0;
  for (int line = 0; line < kMaxLines && head < text.size(); ++line) {
    const size_t newline = text.find('\n', head);
    head = newline == std::string_view::npos ? text.size() : newline + 1;
  }
  head = std::min(head, kMaxHead);
  const std::string_view opening = text.substr(0, head);
  for (const TimeExpression& e : Finder(opening, std::nullopt).Run()) {
    if ((e.kind != kDate && e.kind != kTime) || !e.value || e.value->size() < 10) continue;
    const size_t line_start = opening.rfind('\n', e.span.start);
    const size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
    const size_t line_end = std::min(opening.find('\n', e.span.end), opening.size());
    const std::string_view before = opening.substr(from, e.span.start - from);
    const std::string_view after = opening.substr(e.span.end, line_end - e.span.end);
    if (IsPublicationStamp(before, after) || IsDateline(before, after)) {
      return ParseIsoDate(*e.value);
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const std::optional<std::string>& published) {
  std::optional<CivilDate> anchor;
  std::optional<StampTime> stamp;
  if (published) {
    anchor = ParseIsoDate(*published);
    stamp = StampTimeOf(*published);
  }
  if (!anchor) {
    anchor = DatelineDate(text);
    stamp.reset();
  }
  return Finder(text, anchor, stamp).Run();
}

}  // namespace storyline
