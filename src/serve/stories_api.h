// The API's story resources (serve/api.h): the list of stories, one story, its
// comparison across outlets, the events of a story or entity, and quotations.
#pragma once

#include "serve/api_request.h"
#include "serve/api_snapshot.h"
#include "store/store.h"

namespace storyline::api {

// GET stories: filtered, sorted, paged, each with its outlets.
Json ListStories(Store& store, const Api::Snapshot& snapshot, const ApiParams& params);
// GET stories/{id}: with summary, quotes by speaker, outlets, each article's outlet and
// the display name of each entity its events name ("entity_names").
Json OneStory(Store& store, const Api::Snapshot& snapshot, int id, const ApiParams& params);
// GET stories/{id}/compare
Json CompareOne(Store& store, const Api::Snapshot& snapshot, int id, const ApiParams& params);
// GET events (timeline): by date, undated last; with "entity_names" of the page's events.
Json Events(Store& store, const Api::Snapshot& snapshot, const ApiParams& params);
// GET quotes
Json Quotes(Store& store, const Api::Snapshot& snapshot, const ApiParams& params);

// "12" as a story id; ApiError 400 when it is none.
int StoryId(const std::string& text);

}  // namespace storyline::api
