#include "serve/api_snapshot.h"

#include <fmt/format.h>

#include <algorithm>

#include "serve/api_request.h"

namespace storyline {

Api::Snapshot Api::Snapshot::Load(Store& store, std::string version) {
  Snapshot snapshot;
  snapshot.version = std::move(version);
  snapshot.stories = store.LoadStories();
  std::sort(snapshot.stories.begin(), snapshot.stories.end(),
            [](const Story& a, const Story& b) { return a.id < b.id; });
  for (const Story& story : snapshot.stories) {
    for (const StoryEvent& event : story.events) {
      std::set<std::string> named(event.actors.begin(), event.actors.end());
      if (event.place) named.insert(*event.place);
      for (const std::string& entity : named) {
        EntityCount& count = snapshot.entities[entity];
        ++count.events;
        count.stories.insert(story.id);
      }
    }
  }
  return snapshot;
}

namespace api {

const Story& FindStory(const std::vector<Story>& stories, int id) {
  const auto it = std::lower_bound(stories.begin(), stories.end(), id,
                                   [](const Story& s, int id) { return s.id < id; });
  if (it == stories.end() || it->id != id) throw ApiError(404, fmt::format("no story {}", id));
  return *it;
}

void SortEvents(std::vector<StoryEvent>& events) {
  std::stable_sort(events.begin(), events.end(), [](const StoryEvent& a, const StoryEvent& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    return a.date != b.date ? *a.date < *b.date : a.id < b.id;
  });
}

}  // namespace api
}  // namespace storyline
