// The pieces of a written name the linkers and the quote attributor compare: its words,
// the initials of its content words, and the letters of an acronym.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Words separated by spaces, tabs or newlines; views into `name`.
std::vector<std::string_view> SplitNameWords(std::string_view name);

// `words` joined by single spaces.
std::string JoinNameWords(const std::vector<std::string_view>& words);

// "IDF" for "Israel Defense Forces", "US" for "United States": the capitals of the
// words other than "of", "the", "and", "for", "&".
std::string NameInitials(std::string_view name);

// "U.S." -> "US", "IDF" -> "IDF"; empty when `name` is not an acronym of 2 to 6 capitals
// (dots and ampersands allowed between them).
std::string AcronymLetters(std::string_view name);

}  // namespace storyline
