#include "extract/entities/storm_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace storyline {
namespace {

constexpr std::array<std::string_view, 5> kStormWords = {"Hurricane", "Typhoon", "Cyclone", "Storm",
                                                         "Superstorm"};

// Where the text after each whole-word storm word and its space begins ("Hurricane
// Katrina": the offset of "Katrina"). Found once per article: a long record has tens of
// thousands of mentions, and searching the text once per mention made the step quadratic.
std::vector<size_t> StormNameStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (std::string_view storm : kStormWords) {
    const std::string written = std::string(storm) + " ";
    for (size_t at = text.find(written); at != std::string_view::npos;
         at = text.find(written, at + 1)) {
      if (at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]))) {
        starts.push_back(at + written.size());
      }
    }
  }
  return starts;
}

// Whether `text` writes `name` right after a storm word somewhere ("Hurricane Katrina"),
// as a whole word: the recognizer may have tagged only a later "Katrina".
bool IsWrittenAsStorm(std::string_view text, const std::vector<size_t>& name_starts,
                      std::string_view name) {
  for (size_t start : name_starts) {
    if (!text.substr(start).starts_with(name)) continue;
    const size_t end = start + name.size();
    if (end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]))) return true;
  }
  return false;
}

}  // namespace

void DropStormNames(std::string_view text, std::vector<EntityMention>& mentions) {
  const std::vector<size_t> name_starts = StormNameStarts(text);
  if (name_starts.empty()) return;
  std::set<std::string, std::less<>> storms;
  for (const EntityMention& m : mentions) {
    if (IsWrittenAsStorm(text, name_starts, m.text)) storms.insert(m.text);
  }
  if (storms.empty()) return;
  std::erase_if(mentions, [&](const EntityMention& m) { return storms.contains(m.text); });
}

}  // namespace storyline
