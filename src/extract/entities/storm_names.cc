#include "extract/entities/storm_names.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace storyline {
namespace {

constexpr std::array<std::string_view, 5> kStormWords = {"Hurricane", "Typhoon", "Cyclone", "Storm",
                                                         "Superstorm"};

// Whether the word ending one space before byte `at` is a storm word.
bool FollowsStormWord(std::string_view text, size_t at) {
  if (at < 2 || at > text.size() || text[at - 1] != ' ') return false;
  size_t start = at - 1;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  const std::string_view word = text.substr(start, at - 1 - start);
  return std::find(kStormWords.begin(), kStormWords.end(), word) != kStormWords.end();
}

}  // namespace

void DropStormNames(std::string_view text, std::vector<EntityMention>& mentions) {
  std::set<std::string, std::less<>> storms;
  for (const EntityMention& m : mentions) {
    if (FollowsStormWord(text, m.span.start)) storms.insert(m.text);
  }
  if (storms.empty()) return;
  std::erase_if(mentions, [&](const EntityMention& m) { return storms.contains(m.text); });
}

}  // namespace storyline
