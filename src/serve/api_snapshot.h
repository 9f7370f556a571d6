// The stories as of one version of the store, shared by the API's resources: loading
// them is the costly part of most requests, so it happens once a change (serve/api.h).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "serve/api.h"
#include "store/store.h"
#include "story/story.h"

namespace storyline {

struct Api::Snapshot {
  struct EntityCount {
    int events = 0;
    std::set<int> stories;
  };
  // Loads the stories (sorted by id) and counts, for each entity an event names as actor
  // or place, those events and their stories.
  static Snapshot Load(Store& store, std::string version);

  std::string version;
  std::vector<Story> stories;  // by id
  std::map<std::string, EntityCount> entities;
};

namespace api {

// The story with this id; ApiError 404 when there is none.
const Story& FindStory(const std::vector<Story>& stories, int id);

// Dated events first, by date, then by id; undated ones after, by id.
void SortEvents(std::vector<StoryEvent>& events);

}  // namespace api
}  // namespace storyline
