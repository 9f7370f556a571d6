#include "extract/entities/name_parts.h"

#include <cctype>

namespace storyline {
namespace {

bool IsSeparator(char c) { return c == ' ' || c == '\n' || c == '\t'; }

}  // namespace

std::vector<std::string_view> SplitNameWords(std::string_view name) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && IsSeparator(name[i])) ++i;
    const size_t start = i;
    while (i < name.size() && !IsSeparator(name[i])) ++i;
    if (i > start) words.push_back(name.substr(start, i - start));
  }
  return words;
}

std::string JoinNameWords(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::string NameInitials(std::string_view name) {
  std::string initials;
  for (std::string_view word : SplitNameWords(name)) {
    if (word == "of" || word == "the" || word == "and" || word == "for" || word == "&") continue;
    if (std::isupper(static_cast<unsigned char>(word[0]))) initials += word[0];
  }
  return initials;
}

std::string AcronymLetters(std::string_view name) {
  std::string letters;
  for (char c : name) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      letters += c;
    } else if (c != '.' && c != '&') {
      return {};
    }
  }
  return letters.size() >= 2 && letters.size() <= 6 ? letters : std::string();
}

}  // namespace storyline
