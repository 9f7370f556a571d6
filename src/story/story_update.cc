#include <algorithm>

#include "story/story.h"

namespace storyline {

void StoryUpdate::ApplyTo(Story& saved) const {
  if (replace) saved = Story();
  saved.id = id;
  saved.label = label;
  saved.first = first;
  saved.last = last;
  saved.articles.resize(first_new_article);
  saved.articles.insert(saved.articles.end(), new_articles.begin(), new_articles.end());
  // The saved events less the changed ones; then every event in its new place.
  std::vector<StoryEvent> events = std::move(saved.events);
  for (const auto& changed : changed_events) {
    const int changed_id = changed.second.id;
    std::erase_if(events, [&](const StoryEvent& e) { return e.id == changed_id; });
  }
  const size_t size = events.size() + changed_events.size();
  saved.events.assign(size, StoryEvent());
  std::vector<bool> placed(size, false);
  for (const auto& [place, event] : changed_events) {
    saved.events[place] = event;
    placed[place] = true;
  }
  for (const auto& moved : moved_events) {
    const int moved_id = moved.second;
    const auto it =
        std::find_if(events.begin(), events.end(), [&](auto& e) { return e.id == moved_id; });
    saved.events[moved.first] = std::move(*it);
    events.erase(it);
    placed[moved.first] = true;
  }
  // The rest keep their order in the places left.
  auto rest = events.begin();
  for (size_t place = 0; place < size; ++place) {
    if (!placed[place]) saved.events[place] = std::move(*rest++);
  }
}

}  // namespace storyline
