// The JSON of search hits, as `storyline search --json` prints them and the web API
// serves them: {"hits": [{"article", "score", "snippet", "title", "source"}]}, best first.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "store/store.h"

namespace storyline {

nlohmann::ordered_json SearchHitsToJson(const std::vector<SearchHit>& hits);

}  // namespace storyline
