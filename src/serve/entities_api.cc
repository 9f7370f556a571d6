#include "serve/entities_api.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "report/entity_filter.h"
#include "story/stories_json.h"
#include "synth/comparison_json.h"
#include "synth/story_comparison.h"
#include "synth/synth_json.h"

namespace storyline::api {
namespace {

constexpr size_t kMaxCoOccurring = 30;

bool Names(const StoryEvent& event, const std::string& id) {
  return std::find(event.actors.begin(), event.actors.end(), id) != event.actors.end() ||
         event.place == id;
}

}  // namespace

Json EntityNamesOf(Store& store, const std::vector<StoryEvent>& events) {
  std::set<std::string> ids;
  for (const StoryEvent& event : events) {
    ids.insert(event.actors.begin(), event.actors.end());
    if (event.place) ids.insert(*event.place);
  }
  return store.EntityNames({ids.begin(), ids.end()});
}

Json Entities(Store& store, const Api::Snapshot& snapshot, const ApiParams& raw) {
  const Params params(raw, {"limit", "offset", "q"});
  const int limit = params.Int("limit", 1, 1'000, 100);
  const int offset = params.Int("offset", 0, 1'000'000, 0);
  const std::string key = params.Text("q") ? EntityKey(*params.Text("q")) : "";
  std::vector<std::pair<std::string, const Api::Snapshot::EntityCount*>> ranked;
  for (const auto& [id, count] : snapshot.entities) {
    if (key.empty() || EntityIdMatches(id, key)) ranked.emplace_back(id, &count);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second->events != b.second->events) return a.second->events > b.second->events;
    return a.second->stories.size() > b.second->stories.size();
  });
  const size_t total = ranked.size();
  ranked.erase(ranked.begin(), ranked.begin() + std::min<size_t>(offset, total));
  ranked.resize(std::min<size_t>(ranked.size(), limit));
  std::vector<std::string> ids;
  for (const auto& entry : ranked) ids.push_back(entry.first);
  const std::map<std::string, std::string> names = store.EntityNames(ids);
  Json list = Json::array();
  for (const auto& [id, count] : ranked) {
    const auto name = names.find(id);
    list.push_back({{"id", id},
                    {"name", name != names.end() ? Json(name->second) : Json()},
                    {"events", count->events},
                    {"stories", count->stories.size()}});
  }
  return Paged(Json{{"entities", std::move(list)}}, total, limit, offset);
}

Json OneEntity(Store& store, const Api::Snapshot& snapshot, const std::string& id,
               const ApiParams& raw) {
  const Params params(raw, {});
  const auto found = snapshot.entities.find(id);
  if (found == snapshot.entities.end()) throw ApiError(404, "no entity " + id.substr(0, 80));
  std::vector<StoryEvent> events;
  std::map<std::string, int> co_occurring;
  Json stories = Json::array();
  const Story* busiest = nullptr;
  size_t busiest_events = 0;
  for (const int story_id : found->second.stories) {
    const Story& story = FindStory(snapshot.stories, story_id);
    size_t named = 0;
    for (const StoryEvent& event : story.events) {
      if (!Names(event, id)) continue;
      ++named;
      events.push_back(event);
      for (const std::string& actor : event.actors) {
        if (actor != id) ++co_occurring[actor];
      }
      if (event.place && *event.place != id) ++co_occurring[*event.place];
    }
    if (named > busiest_events) busiest = &story, busiest_events = named;
    stories.push_back({{"id", story.id},
                       {"label", story.label},
                       {"first", story.first ? Json(*story.first) : Json()},
                       {"last", story.last ? Json(*story.last) : Json()},
                       {"articles", story.articles.size()},
                       {"events", named}});
  }
  SortEvents(events);
  Json event_list = Json::array();
  for (const StoryEvent& event : events) event_list.push_back(EventToJson(event));
  std::vector<std::pair<std::string, int>> others(co_occurring.begin(), co_occurring.end());
  std::stable_sort(others.begin(), others.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (others.size() > kMaxCoOccurring) others.resize(kMaxCoOccurring);
  std::vector<std::string> ids = {id};
  for (const auto& other : others) ids.push_back(other.first);
  const std::map<std::string, std::string> names = store.EntityNames(ids);
  auto name_of = [&](const std::string& entity) {
    const auto name = names.find(entity);
    return name != names.end() ? Json(name->second) : Json();
  };
  Json co = Json::array();
  for (const auto& [other, count] : others) {
    co.push_back({{"id", other}, {"name", name_of(other)}, {"events", count}});
  }
  QuoteQuery quotes;
  quotes.speaker = id;
  quotes.limit = 200;
  // How outlets describe it, in the story that names it most (compare's framing).
  Json framing = nullptr;
  if (busiest) {
    const Json comparison =
        ComparisonToJson(CompareStory(*busiest, LoadStoryArticles(store, *busiest)));
    for (const Json& entry : comparison["framing"]) {
      if (entry["entity"] == id) {
        framing = entry;
        framing["story"] = busiest->id;
      }
    }
  }
  return Json{{"entity",
               {{"id", id},
                {"name", name_of(id)},
                {"stories", std::move(stories)},
                {"events", std::move(event_list)},
                {"entity_names", EntityNamesOf(store, events)},
                {"quotes", QuotesToJson(store.LoadQuotes(quotes))["quotes"]},
                {"co_occurring", std::move(co)},
                {"framing", std::move(framing)}}}};
}

}  // namespace storyline::api
