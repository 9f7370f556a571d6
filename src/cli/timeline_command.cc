// `storyline timeline --db PATH [--story ID] [--entity NAME] [--json]`: the events of
// the store (or of one story, or those involving one entity) in date order, undated
// events last.
#include <algorithm>
#include <optional>

#include "cli/commands.h"
#include "cli/read_command.h"
#include "report/entity_filter.h"
#include "story/stories_json.h"

namespace storyline {
namespace {

struct TimelineOptions {
  std::string db;
  std::optional<int> story;
  std::string entity;
  bool json = false;
};

std::vector<StoryEvent> SelectEvents(const std::vector<Story>& stories,
                                     const TimelineOptions& options) {
  const std::string key = EntityKey(options.entity);
  std::vector<StoryEvent> events;
  for (const Story& story : stories) {
    if (options.story && story.id != *options.story) continue;
    for (const StoryEvent& event : story.events) {
      if (key.empty() || EventInvolves(event, key)) events.push_back(event);
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const StoryEvent& a, const StoryEvent& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    return a.date != b.date ? *a.date < *b.date : a.id < b.id;
  });
  return events;
}

void PrintTable(const std::vector<StoryEvent>& events,
                const std::map<std::string, std::string>& sources) {
  std::string text;
  for (const StoryEvent& event : events) text += EventRow(event, sources);
  WriteText(events.empty() ? "no events\n" : text);
}

void RunTimeline(const TimelineOptions& options) {
  std::vector<StoryEvent> events;
  std::map<std::string, std::string> sources;
  ReadStore(options.db, [&](Store& store) {
    const std::vector<Story> stories = store.LoadStories();
    if (options.story) FindStoryOrExit(stories, *options.story, options.db);
    events = SelectEvents(stories, options);
    if (!options.json) sources = EventSources(store, events);
    return 0;
  });
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const StoryEvent& event : events) list.push_back(EventToJson(event));
    WriteJson({{"events", std::move(list)}});
  } else {
    PrintTable(events, sources);
  }
}

}  // namespace

void AddTimelineCommand(CLI::App& app) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* command = app.add_subcommand("timeline", "List events in date order");
  command->add_option("--db", options->db, "Store to read (SQLite file or postgresql:// URL)")
      ->required();
  command->add_option("--story", options->story, "Only this story's events");
  command->add_option("--entity", options->entity, "Only events involving this entity");
  command->add_flag("--json", options->json, "Print {\"events\": [...]} instead of a table");
  command->callback([options] { RunTimeline(*options); });
}

}  // namespace storyline
