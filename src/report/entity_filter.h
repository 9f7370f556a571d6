// Which entities a name a user typed means, alike for `storyline timeline --entity` and
// the web API's entity filters: "Joe Biden", "joe-biden" and "JOE BIDEN" give one key,
// and a key matches an entity id when it is whole words of it ("netanyahu" and "Benjamin
// Netanyahu" find "benjamin-netanyahu"; "yahu" does not).
#pragma once

#include <string>
#include <string_view>

#include "story/story.h"

namespace storyline {

// The key of a name or an id: lower case, words joined by '-'.
std::string EntityKey(std::string_view name);

// Whether `key` (from EntityKey) is whole words of the entity id `id`.
bool EntityIdMatches(std::string_view id, const std::string& key);

// Whether `key` matches one of the event's actors or its place.
bool EventInvolves(const StoryEvent& event, const std::string& key);

}  // namespace storyline
