// `storyline compare --db PATH --story ID [--json]`: one story read across its outlets:
// numbers that agree or disagree, statements that contradict, who reported each event
// first, and how each outlet describes the story's entities (synth/story_comparison.h).
// Tables by default; --json prints the shape documented in synth/comparison_json.h.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "cli/read_command.h"
#include "synth/comparison_json.h"
#include "synth/story_comparison.h"

namespace storyline {
namespace {

constexpr size_t kOutletColumn = 16;

struct CompareOptions {
  std::string db;
  int story = 0;
  bool json = false;
};

// Newlines and runs of spaces in cited text would break the table's lines.
std::string OneLine(std::string_view text) {
  std::string line;
  for (const char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!space)
      line.push_back(c);
    else if (!line.empty() && line.back() != ' ')
      line.push_back(' ');
  }
  return line;
}

std::string CiteLine(const Citation& cite) {
  return fmt::format("{} [{}, {}] \"{}\"", cite.article, cite.published.value_or("undated"),
                     cite.source, OneLine(cite.text));
}

// DISAGREE: outlets at odds on the same day; CHANGED: the figure differs only between
// days, as counts that grow.
std::string_view Verdict(const NumberClaim& claim) {
  if (!claim.disagreement) return "agree";
  return claim.same_day ? "DISAGREE" : "CHANGED";
}

std::string NumbersTable(const std::vector<NumberClaim>& claims) {
  const auto count = [&](bool NumberClaim::*flag) {
    return std::count_if(claims.begin(), claims.end(),
                         [&](const NumberClaim& c) { return c.*flag; });
  };
  std::string text = fmt::format(
      "Numbers: {} reported by several outlets, {} differ, {} of them on the same day\n",
      Counted(claims.size(), "claim"), count(&NumberClaim::disagreement),
      count(&NumberClaim::same_day));
  for (const NumberClaim& claim : claims) {
    text += fmt::format("  {:<9} {} ({})\n", Verdict(claim), claim.unit,
                        fmt::join(claim.context, ", "));
    for (const NumberReport& report : claim.reports) {
      text +=
          fmt::format("    {:<24}  {:<{}}  {:<20}  {}\n", Truncate(OneLine(report.where.text), 24),
                      Truncate(report.where.source, kOutletColumn), kOutletColumn,
                      report.where.published.value_or("undated"), report.where.article);
    }
  }
  return text;
}

std::string ContradictionsTable(const std::vector<Contradiction>& contradictions) {
  std::string text = fmt::format("Contradictions: {}\n", contradictions.size());
  for (const Contradiction& c : contradictions) {
    text += fmt::format("  {} (shared: {})\n", c.name, fmt::join(c.shared, ", "));
    text += fmt::format("    denies   {}\n", CiteLine(c.denial));
    text += fmt::format("    asserts  {}\n", CiteLine(c.assertion));
  }
  return text;
}

std::string FirstReportsTable(const FirstReports& first_reports) {
  std::string text = "First reports: event, who reported it first, who followed\n";
  for (const EventFirstReport& event : first_reports.events) {
    std::vector<std::string> followers;
    for (const EventReport& report : event.reports) {
      if (std::find(event.first.begin(), event.first.end(), report.source) == event.first.end()) {
        followers.push_back(
            fmt::format("{} ({})", report.source, report.published.value_or("undated")));
      }
    }
    text += fmt::format("  {:<10}  {:<9}  first: {}  ({})\n", event.date.value_or("-"), event.type,
                        fmt::join(event.first, ", "), Truncate(OneLine(event.summary), 60));
    if (!followers.empty()) text += fmt::format("{:>26}then: {}\n", "", fmt::join(followers, "; "));
  }
  text += fmt::format("  {:<{}}  {:>6}  {:>5}\n", "outlet", kOutletColumn * 2, "events", "first");
  for (const OutletEvents& outlet : first_reports.outlets) {
    text += fmt::format("  {:<{}}  {:>6}  {:>5}\n", Truncate(outlet.source, kOutletColumn * 2),
                        kOutletColumn * 2, outlet.events.size(), outlet.first);
  }
  return text;
}

// Columns: the outlets that describe the entity, then one for articles of unknown source.
std::string FramingTable(const EntityFraming& framing, std::vector<std::string> outlets) {
  outlets.emplace_back(kUnknownSource);
  std::vector<std::string> used;
  for (const std::string& outlet : outlets) {
    for (const Descriptor& descriptor : framing.descriptors) {
      const bool uses = std::any_of(descriptor.outlets.begin(), descriptor.outlets.end(),
                                    [&](const OutletUsage& u) { return u.source == outlet; });
      if (uses) {
        used.push_back(outlet);
        break;
      }
    }
  }
  std::string text = fmt::format("  {} ({}, {})\n    {:<36}", framing.name, framing.type,
                                 framing.entity, "descriptor");
  for (const std::string& outlet : used) {
    text += fmt::format("  {:<{}}", Truncate(outlet, kOutletColumn), kOutletColumn);
  }
  text += "  example\n";
  for (const Descriptor& descriptor : framing.descriptors) {
    text += fmt::format("    {:<36}", Truncate(descriptor.text, 36));
    for (const std::string& outlet : used) {
      const auto usage = std::find_if(descriptor.outlets.begin(), descriptor.outlets.end(),
                                      [&](const OutletUsage& u) { return u.source == outlet; });
      const std::string count =
          usage == descriptor.outlets.end() ? "-" : std::to_string(usage->count);
      text += fmt::format("  {:<{}}", count, kOutletColumn);
    }
    const Citation& example = descriptor.outlets.front().example;
    text += fmt::format("  {} \"{}\"\n", example.article, OneLine(example.text));
  }
  return text;
}

// "5 articles from 4 outlets", and how many of them name no outlet: those are counted
// once, as unknown, never as an outlet of their own.
std::string Provenance(const StoryComparison& comparison) {
  std::string text = fmt::format("{} from {}", Counted(comparison.story.articles.size(), "article"),
                                 Counted(comparison.outlets.size(), "outlet"));
  if (comparison.unknown_source_articles > 0) {
    text += fmt::format(", {} of unknown source", comparison.unknown_source_articles);
  }
  return text;
}

void PrintTables(const StoryComparison& comparison) {
  std::string text = fmt::format("Story {}: {} ({})\n\n", comparison.story.id,
                                 comparison.story.label, Provenance(comparison));
  text += NumbersTable(comparison.numbers) + "\n";
  text += ContradictionsTable(comparison.contradictions) + "\n";
  text += FirstReportsTable(comparison.first_reports) + "\n";
  text += fmt::format("Framing: words each outlet uses for {} entit{}\n", comparison.framing.size(),
                      comparison.framing.size() == 1 ? "y" : "ies");
  for (const EntityFraming& framing : comparison.framing) {
    text += FramingTable(framing, comparison.outlets);
  }
  WriteText(text);
}

void RunCompare(const CompareOptions& options) {
  const StoryComparison comparison = ReadStore(options.db, [&](Store& store) {
    const std::vector<Story> stories = store.LoadStories();
    const Story& story = FindStoryOrExit(stories, options.story, options.db);
    return CompareStory(story, LoadStoryArticles(store, story));
  });
  if (options.json) {
    WriteJson(ComparisonToJson(comparison));
  } else {
    PrintTables(comparison);
  }
}

}  // namespace

void AddCompareCommand(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command =
      app.add_subcommand("compare", "Compare how the outlets of one story report it");
  command->add_option("--db", options->db, "Store to read (SQLite file or postgresql:// URL)")
      ->required();
  command->add_option("--story", options->story, "Story id (see `storyline stories`)")->required();
  command->add_flag("--json", options->json, "Print one JSON object instead of tables");
  command->callback([options] { RunCompare(*options); });
}

}  // namespace storyline
