// The API's entity resources (serve/api.h): entities ranked by how many events name
// them, and one entity with its stories, events, quotations and company. Entities are
// named by their ids in the stories; the names shown for them are what their mentions
// in the stored articles say (Store::EntityNames).
#pragma once

#include <string>
#include <vector>

#include "serve/api_request.h"
#include "serve/api_snapshot.h"
#include "store/store.h"

namespace storyline::api {

// GET entities: {"entities": [{"id", "name", "events", "stories"}], "total", ...}
Json Entities(Store& store, const Api::Snapshot& snapshot, const ApiParams& params);
// GET entities/{id}: ApiError 404 when no event names it.
Json OneEntity(Store& store, const Api::Snapshot& snapshot, const std::string& id,
               const ApiParams& params);

// {id: name} for every actor and place of `events` that a stored mention names.
Json EntityNamesOf(Store& store, const std::vector<StoryEvent>& events);

}  // namespace storyline::api
