#include "io/page_dates.h"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "io/published_date.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Dateline elements are short; the search stops past this many bytes.
constexpr size_t kMaxDatelineBytes = 160;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// 1-12 for "11", "nov", "november"; 0 otherwise.
int MonthOf(std::string_view segment) {
  if (AllDigits(segment) && segment.size() <= 2) {
    const int month = ToInt(segment);
    return month >= 1 && month <= 12 ? month : 0;
  }
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = AsciiLower(segment);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i] || (lower.size() == 3 && kMonths[i].starts_with(lower))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::string Date(int year, int month, int day) {
  if (year < 1990 || year > 2099) return "";
  return NormalizePublishedDate(fmt::format("{:04d}-{:02d}-{:02d}", year, month, day));
}

std::vector<std::string_view> PathSegments(std::string_view url) {
  const size_t scheme = url.find("://");
  size_t at = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  const size_t end = url.find_first_of("?#");
  std::vector<std::string_view> segments;
  while (at != std::string_view::npos && at < end) {
    const size_t next = std::min(url.find('/', at + 1), end);
    segments.push_back(url.substr(at + 1, next - at - 1));
    at = next < end ? next : std::string_view::npos;
  }
  return segments;
}

// "YYYYMMDD" standing alone in a segment (between its ends or '-', '_', '.').
std::string CompactDate(std::string_view segment) {
  for (size_t at = 0; at + 8 <= segment.size(); ++at) {
    const bool starts = at == 0 || !IsDigit(segment[at - 1]);
    const bool ends = at + 8 == segment.size() || !IsDigit(segment[at + 8]);
    if (!starts || !ends || !AllDigits(segment.substr(at, 8))) continue;
    const std::string date = Date(ToInt(segment.substr(at, 4)), ToInt(segment.substr(at + 4, 2)),
                                  ToInt(segment.substr(at + 6, 2)));
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace

std::string DateFromUrl(std::string_view url) {
  const std::vector<std::string_view> segments = PathSegments(url);
  for (size_t i = 0; i + 2 < segments.size(); ++i) {
    if (segments[i].size() != 4 || !AllDigits(segments[i])) continue;
    const int month = MonthOf(segments[i + 1]);
    const std::string_view day = segments[i + 2];
    if (month == 0 || day.size() > 2 || !AllDigits(day)) continue;
    const std::string date = Date(ToInt(segments[i]), month, ToInt(day));
    if (!date.empty()) return date;
  }
  for (const std::string_view segment : segments) {
    const std::string date = CompactDate(segment);
    if (!date.empty()) return date;
  }
  return "";
}

std::string DateInText(std::string_view text) {
  text = text.substr(0, kMaxDatelineBytes);
  for (size_t at = 0; at < text.size(); ++at) {
    const bool word_start = (at == 0 || text[at - 1] == ' ' || text[at - 1] == ':' ||
                             text[at - 1] == '|' || text[at - 1] == '(') &&
                            text[at] != ' ';
    if (!word_start) continue;
    const std::string date = NormalizePublishedDate(text.substr(at));
    if (!date.empty() && date.compare(0, 4, "1990") >= 0) return date;
  }
  return "";
}

}  // namespace storyline
