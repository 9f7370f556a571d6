#include "story/stories_json.h"

namespace storyline {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json EventToJson(const StoryEvent& event) {
  return {{"id", event.id},          {"type", event.type},           {"date", OrNull(event.date)},
          {"actors", event.actors},  {"place", OrNull(event.place)}, {"articles", event.articles},
          {"summary", event.summary}};
}

nlohmann::json StoryToJson(const Story& story) {
  nlohmann::json events = nlohmann::json::array();
  for (const StoryEvent& event : story.events) events.push_back(EventToJson(event));
  return {{"id", story.id},
          {"label", story.label},
          {"articles", story.articles},
          {"first", OrNull(story.first)},
          {"last", OrNull(story.last)},
          {"events", std::move(events)}};
}

nlohmann::json StoriesToJson(const std::vector<Story>& stories) {
  nlohmann::json list = nlohmann::json::array();
  for (const Story& story : stories) list.push_back(StoryToJson(story));
  return {{"stories", std::move(list)}};
}

}  // namespace storyline
