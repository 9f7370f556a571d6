#include "extract/entities/storm_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

namespace storyline {
namespace {

constexpr std::array<std::string_view, 5> kStormWords = {"Hurricane", "Typhoon", "Cyclone", "Storm",
                                                         "Superstorm"};

// Whether `text` writes `name` right after a storm word somewhere ("Hurricane Katrina"),
// as a whole word: the recognizer may have tagged only a later "Katrina".
bool IsWrittenAsStorm(std::string_view text, std::string_view name) {
  for (std::string_view storm : kStormWords) {
    const std::string written = std::string(storm) + " " + std::string(name);
    for (size_t at = text.find(written); at != std::string_view::npos;
         at = text.find(written, at + 1)) {
      const size_t end = at + written.size();
      const bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      const bool word_end =
          end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (word_start && word_end) return true;
    }
  }
  return false;
}

}  // namespace

void DropStormNames(std::string_view text, std::vector<EntityMention>& mentions) {
  std::set<std::string, std::less<>> storms;
  for (const EntityMention& m : mentions) {
    if (IsWrittenAsStorm(text, m.text)) storms.insert(m.text);
  }
  if (storms.empty()) return;
  std::erase_if(mentions, [&](const EntityMention& m) { return storms.contains(m.text); });
}

}  // namespace storyline
