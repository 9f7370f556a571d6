// Identifies an article's language with CLD2 (Compact Language Detector 2), so that
// non-English articles are stored and flagged rather than analyzed as English.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// ISO 639-1 code ("en", "es", ...). Text too short or too mixed for a reliable answer
// counts as English, the engine's working language.
std::string DetectLanguage(std::string_view title, std::string_view text);

}  // namespace storyline
