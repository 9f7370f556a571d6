// Stories and events in the JSON shape of spec/CONTRACT.md, shared by `storyline
// stories`, `storyline timeline`, the HTTP API and the evaluation driver.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "story/story.h"

namespace storyline {

// {"id","type","date","actors","place","articles","summary"}; absent values are null.
nlohmann::json EventToJson(const StoryEvent& event);
// {"id","label","articles","first","last","events":[...]}.
nlohmann::json StoryToJson(const Story& story);
// {"stories":[...]}.
nlohmann::json StoriesToJson(const std::vector<Story>& stories);

}  // namespace storyline
