// `storyline stories --db PATH [--sort id|articles|date] [--since DATE] [--json]`: the
// stories clustered during ingest, each with its articles, span of days and events (see
// spec/CONTRACT.md for the JSON shape); by id (oldest story first), by articles (most
// first) or by date (latest day first, undated last), ties by id; --since keeps the
// stories with a day on or after DATE.
//
// `storyline stories --db PATH --story ID [--json]`: one story in detail: its label, an
// extractive summary with a citation per sentence, its timeline, and its quotations
// grouped by speaker. JSON: {"story": {<the list view's story fields>, "summary": [...],
// "quotes_by_speaker": [...]}} (synth/synth_json.h).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

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
  std::string sort = "id";
  std::optional<std::string> since;
  bool json = false;
};

// The stories the options ask for, in their order.
std::vector<Story> Listed(std::vector<Story> stories, const StoriesOptions& options) {
  if (options.since) {
    // ISO days compare as strings; an undated story has no day on or after any.
    std::erase_if(stories, [&](const Story& story) {
      return !story.last || story.last->substr(0, 10) < *options.since;
    });
  }
  if (options.sort == "articles") {
    std::stable_sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
      return a.articles.size() > b.articles.size();
    });
  } else if (options.sort == "date") {
    std::stable_sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
      if (a.last.has_value() != b.last.has_value()) return a.last.has_value();
      return a.last && *a.last > *b.last;
    });
  }
  return stories;
}

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
  size_t outlets = 0;
  size_t unknown_source_articles = 0;
  std::vector<SummarySentence> summary;
  std::vector<SpeakerQuotes> quotes_by_speaker;
  std::map<std::string, std::string> sources;  // article -> outlet, for the timeline
};

StoryDetail LoadDetail(Store& store, int id, const std::string& db) {
  StoryDetail detail;
  detail.story = FindStoryOrExit(store.LoadStories(), id, db);
  std::vector<StoredArticle> articles;
  std::set<std::string> outlets;
  for (const std::string& article : detail.story.articles) {
    if (auto stored = store.FindArticle(article)) {
      const std::string& source = stored->article.source;
      if (source.empty()) {
        ++detail.unknown_source_articles;
      } else {
        outlets.insert(source);
      }
      articles.push_back(std::move(*stored));
    }
  }
  detail.outlets = outlets.size();
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
  // Articles that name no outlet are counted once, as unknown, never as an outlet.
  std::string text =
      fmt::format("Story {}: {}\n{} from {}{}, {} to {}\n\nSummary\n", story.id, story.label,
                  Counted(story.articles.size(), "article"), Counted(detail.outlets, "outlet"),
                  detail.unknown_source_articles > 0
                      ? fmt::format(" and {} of unknown source", detail.unknown_source_articles)
                      : "",
                  story.first.value_or("-"), story.last.value_or("-"));
  for (const SummarySentence& s : detail.summary) {
    text += fmt::format("  {} {}\n", s.text, Citation(s.article, s.source, s.published));
  }
  text += "\nTimeline\n";
  for (const StoryEvent& event : story.events) text += EventRow(event, detail.sources, "  ");
  text += "\nQuotes\n";
  for (const SpeakerQuotes& group : detail.quotes_by_speaker) {
    text += fmt::format("  {}\n", ShortenAtWord(group.speaker.value_or("(unknown speaker)"), 60));
    for (const ReportedQuote& reported : group.quotes) {
      const StoredQuote& q = reported.first;
      text += fmt::format(
          "    \u201c{}\u201d {}{}\n", ShortenAtWord(q.quote.text, kQuoteWidth),
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
      Listed(ReadStore(options.db, [](Store& store) { return store.LoadStories(); }), options);
  options.json ? WriteJson(StoriesToJson(stories)) : PrintTable(stories);
}

}  // namespace

void AddStoriesCommand(CLI::App& app) {
  auto options = std::make_shared<StoriesOptions>();
  CLI::App* command = app.add_subcommand("stories", "List the stories and events in a store");
  command->add_option("--db", options->db, "Store to read (SQLite file or postgresql:// URL)")
      ->required();
  command->add_option("--story", options->story,
                      "Show this story in detail: summary, timeline, quotes by speaker");
  command
      ->add_option("--sort", options->sort,
                   "id (default), articles (most first) or date (latest first)")
      ->check(CLI::IsMember({"id", "articles", "date"}));
  command->add_option("--since", options->since, "Only stories with a day on or after (YYYY-MM-DD)")
      ->check(CLI::Validator(
          [](const std::string& date) {
            const bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                            std::all_of(date.begin(), date.end(),
                                        [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
            return ok ? std::string() : "not a date as YYYY-MM-DD: " + date;
          },
          "DATE"));
  command->add_flag("--json", options->json, "Print {\"stories\": [...]} instead of a table");
  command->callback([options] { RunStories(*options); });
}

}  // namespace storyline
