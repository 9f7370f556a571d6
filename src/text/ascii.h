// ASCII-only case folding, for matching the fixed English word lists, file extensions
// and protocol headers the engine compares against. Bytes outside ASCII are unchanged,
// so UTF-8 text passes through intact.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

inline std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// `text` without leading and trailing spaces, tabs, carriage returns and newlines.
inline std::string_view TrimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace storyline
