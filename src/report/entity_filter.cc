#include "report/entity_filter.h"

#include <algorithm>
#include <cctype>

namespace storyline {

std::string EntityKey(std::string_view name) {
  std::string key;
  for (const char c : name) {
    key.push_back(c == ' ' || c == '_'
                      ? '-'
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

bool EntityIdMatches(std::string_view id, const std::string& key) {
  return ("-" + EntityKey(id) + "-").find("-" + key + "-") != std::string::npos;
}

bool EventInvolves(const StoryEvent& event, const std::string& key) {
  const auto matches = [&](const std::string& id) { return EntityIdMatches(id, key); };
  return std::any_of(event.actors.begin(), event.actors.end(), matches) ||
         (event.place && matches(*event.place));
}

}  // namespace storyline
