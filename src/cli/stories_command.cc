// `storyline stories --db PATH [--json]`: the stories clustered during ingest, each with
// its articles, span of days and events (see spec/CONTRACT.md for the JSON shape).
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "store/store.h"
#include "story/stories_json.h"

namespace storyline {
namespace {

struct StoriesOptions {
  std::string db;
  bool json = false;
};

void PrintTable(const std::vector<Story>& stories) {
  std::string text = fmt::format("{:>6}  {:>8}  {:>6}  {:<10}  {:<10}  {}\n", "story", "articles",
                                 "events", "first", "last", "label");
  for (const Story& story : stories) {
    text += fmt::format("{:>6}  {:>8}  {:>6}  {:<10}  {:<10}  {}\n", story.id,
                        story.articles.size(), story.events.size(), story.first.value_or("-"),
                        story.last.value_or("-"), story.label);
  }
  if (stories.empty()) text = "no stories\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void RunStories(const StoriesOptions& options) {
  std::vector<Story> stories;
  try {
    stories = OpenStore(options.db, OpenMode::kMustExist)->LoadStories();
  } catch (const StoreError& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  if (options.json) {
    const std::string text =
        StoriesToJson(stories).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    PrintTable(stories);
  }
  std::fflush(stdout);
}

}  // namespace

void AddStoriesCommand(CLI::App& app) {
  auto options = std::make_shared<StoriesOptions>();
  CLI::App* command = app.add_subcommand("stories", "List the stories and events in a store");
  command->add_option("--db", options->db, "Store to read (SQLite file)")->required();
  command->add_flag("--json", options->json, "Print {\"stories\": [...]} instead of a table");
  command->callback([options] { RunStories(*options); });
}

}  // namespace storyline
