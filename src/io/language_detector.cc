#include "io/language_detector.h"

#include <cld2/public/compact_lang_det.h>

namespace storyline {

std::string DetectLanguage(std::string_view title, std::string_view text) {
  // The first few kilobytes decide as well as the whole text, at a fraction of the cost.
  constexpr size_t kSampleBytes = 8192;
  std::string sample(title);
  sample += '\n';
  sample.append(text.substr(0, kSampleBytes));
  // Cut back to a character boundary so CLD2 never sees a split UTF-8 sequence.
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) {
    sample.pop_back();
  }
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.pop_back();

  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(sample.data(), int(sample.size()), /*is_plain_text=*/true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return "en";
  return CLD2::LanguageCode(language);
}

}  // namespace storyline
