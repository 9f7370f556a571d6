// `storyline stories --db PATH [--json]`: the stories clustered during ingest, each with
// its articles, span of days and events (see spec/CONTRACT.md for the JSON shape).
//
// `storyline stories --db PATH --story ID [--json]`: one story in detail: its label, an
// extractive summary with a citation per sentence, its timeline, and its quotations
// grouped by speaker. JSON: {"story": {<the list view's story fields>, "summary": [...],
// "quotes_by_speaker": [...]}} (synth/synth_json.h).
#include <fmt/format.h>

#include <optional>

#include "cli/commands.h"
#include "cli/read_command.h"
#include "story/stories_json.h"
#include "synth/quotes_by_speaker.h"
#include "synth/story_summary.h"
#include "synth/synth_json.h"

namespace storyline {
namespace {

constexpr size_t kQuoteWidth = 100;

struct StoriesOptions {
  std::string db;
  std::optional<int> story;
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
  WriteText(stories.empty() ? "no stories\n" : text);
}

struct StoryDetail {
  Story story;
  std::vector<SummarySentence> summary;
  std::vector<SpeakerQuotes> quotes_by_speaker;
  std::map<std::string, std::string> sources;  // article -> outlet, for the timeline
};

StoryDetail LoadDetail(Store& store, int id, const std::string& db) {
  StoryDetail detail{FindStoryOrExit(store.LoadStories(), id, db), {}, {}, {}};
  std::vector<StoredArticle> articles;
  for (const std::string& article : detail.story.articles) {
    if (auto stored = store.FindArticle(article)) articles.push_back(std::move(*stored));
  }
  detail.summary = SummarizeStory(articles);
  QuoteQuery quotes;
  quotes.story = id;
  detail.quotes_by_speaker = GroupQuotesBySpeaker(store.LoadQuotes(quotes));
  detail.sources = EventSources(store, detail.story.events);
  return detail;
}

std::string Citation(const std::string& article, const std::string& source,
                     const std::optional<std::string>& published) {
  return fmt::format("[{}{}{}]", article, source.empty() ? "" : ", " + source,
                     published ? ", " + published->substr(0, 10) : "");
}

void PrintDetail(const StoryDetail& detail) {
  const Story& story = detail.story;
  std::string text =
      fmt::format("Story {}: {}\n{} articles, {} to {}\n\nSummary\n", story.id, story.label,
                  story.articles.size(), story.first.value_or("-"), story.last.value_or("-"));
  for (const SummarySentence& s : detail.summary) {
    text += fmt::format("  {} {}\n", s.text, Citation(s.article, s.source, s.published));
  }
  text += "\nTimeline\n";
  for (const StoryEvent& event : story.events) text += EventRow(event, detail.sources, "  ");
  text += "\nQuotes\n";
  for (const SpeakerQuotes& group : detail.quotes_by_speaker) {
    text += fmt::format("  {}\n", group.speaker.value_or("(unknown speaker)"));
    for (const ReportedQuote& reported : group.quotes) {
      const StoredQuote& q = reported.first;
      text += fmt::format(
          "    \u201c{}\u201d {}{}\n", Truncate(q.quote.text, kQuoteWidth),
          Citation(q.article, q.source, q.published),
          reported.also_in.empty() ? "" : fmt::format(" (+{} more)", reported.also_in.size()));
    }
  }
  WriteText(text);
}

void RunStories(const StoriesOptions& options) {
  if (options.story) {
    const StoryDetail detail = ReadStore(
        options.db, [&](Store& store) { return LoadDetail(store, *options.story, options.db); });
    if (!options.json) return PrintDetail(detail);
    nlohmann::json story = StoryToJson(detail.story);
    story["summary"] = SummaryToJson(detail.summary);
    story["quotes_by_speaker"] = QuotesBySpeakerToJson(detail.quotes_by_speaker);
    return WriteJson({{"story", std::move(story)}});
  }
  const std::vector<Story> stories =
      ReadStore(options.db, [](Store& store) { return store.LoadStories(); });
  options.json ? WriteJson(StoriesToJson(stories)) : PrintTable(stories);
}

}  // namespace

void AddStoriesCommand(CLI::App& app) {
  auto options = std::make_shared<StoriesOptions>();
  CLI::App* command = app.add_subcommand("stories", "List the stories and events in a store");
  command->add_option("--db", options->db, "Store to read (SQLite file)")->required();
  command->add_option("--story", options->story,
                      "Show this story in detail: summary, timeline, quotes by speaker");
  command->add_flag("--json", options->json, "Print {\"stories\": [...]} instead of a table");
  command->callback([options] { RunStories(*options); });
}

}  // namespace storyline
