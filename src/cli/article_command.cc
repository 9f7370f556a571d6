// `storyline article --db PATH ID [--versions] [--json]`: one article as the store holds
// it: its latest version's metadata and text, the facts found in it (entities, times,
// quantities, quotes, events), the story it was placed in with the story's events that it
// reports, the near-duplicates it shares a family with and, with --versions, every
// stored version, oldest first.
//
// JSON: {"article": {<extract's article fields>, "origin", "version" (the latest's number: how many
// are stored), <analyze's "entities", "times", "quantities", "quotes", "events">, "story": {"id",
// "label", "first", "last", "events": [events it reports, stories' event shape]} or null,
// "duplicate_of": id or null, "near_duplicates": [ids], and with --versions "versions":
// [{"version", <extract's article fields>, <analyze's facts>}]}}.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/read_command.h"
#include "report/article_view.h"

namespace storyline {
namespace {

constexpr size_t kQuoteWidth = 100;

struct ArticleOptions {
  std::string db;
  std::string id;
  bool versions = false;
  bool json = false;
};

std::string WithSource(const std::string& article,
                       const std::map<std::string, std::string>& sources) {
  const auto source = sources.find(article);
  return source == sources.end() ? article : article + " (" + source->second + ")";
}

// Entities once each, by how often the article names them.
std::string EntityLines(const std::vector<EntityMention>& mentions) {
  struct Named {
    const EntityMention* first = nullptr;
    int mentions = 0;
  };
  std::map<std::string, Named> by_id;
  std::vector<std::string> order;
  for (const EntityMention& m : mentions) {
    const std::string key = m.entity.empty() ? m.type + ":" + m.text : m.entity;
    Named& named = by_id[key];
    if (named.mentions++ == 0) {
      named.first = &m;
      order.push_back(key);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return by_id[a].mentions > by_id[b].mentions;
  });
  std::string text;
  for (const std::string& key : order) {
    const Named& named = by_id[key];
    const EntityMention& m = *named.first;
    text += fmt::format("  {:<7} {}{}{}\n", m.type, m.name.empty() ? m.text : m.name,
                        m.entity.empty() ? "" : " [" + m.entity + "]",
                        named.mentions > 1 ? fmt::format(" \u00d7{}", named.mentions) : "");
  }
  return text;
}

std::string FactLines(const Analysis& analysis) {
  std::string text = fmt::format("\nEntities ({} mentions)\n", analysis.entities.size());
  text += EntityLines(analysis.entities);
  text += fmt::format("\nTimes ({})\n", analysis.times.size());
  for (const TimeExpression& t : analysis.times) {
    text += fmt::format("  {:<24} {}\n", Truncate(t.text, 24), t.value.value_or("(unresolved)"));
  }
  text += fmt::format("\nQuantities ({})\n", analysis.quantities.size());
  for (const Quantity& q : analysis.quantities) {
    text += fmt::format("  {:<24} {}{}{}\n", Truncate(q.text, 24), q.approximate ? "~" : "",
                        q.value, q.unit.empty() ? "" : " " + q.unit);
  }
  text += fmt::format("\nQuotes ({})\n", analysis.quotes.size());
  for (const Quote& q : analysis.quotes) {
    text += fmt::format("  {}: \u201c{}\u201d\n", q.speaker.value_or("(unknown speaker)"),
                        Truncate(q.text, kQuoteWidth));
  }
  text += fmt::format("\nEvents ({})\n", analysis.events.size());
  for (const Event& e : analysis.events) {
    std::string actors;
    for (const EventActor& actor : e.actors) {
      actors += (actors.empty() ? "" : ", ") + actor.role + " " + actor.entity;
    }
    text += fmt::format("  {:<10} {:<9} \"{}\"{}{}{}\n", e.time.value_or("-"), e.type, e.trigger,
                        actors.empty() ? "" : " (" + actors + ")", e.planned ? " planned" : "",
                        e.negated ? " denied" : "");
  }
  return text;
}

std::string MetadataLines(const Article& a) {
  std::string text;
  if (!a.title.empty()) text += fmt::format("Title:     {}\n", a.title);
  text += fmt::format("Source:    {}\n", a.source.empty() ? "unknown" : a.source);
  text += fmt::format("Published: {}\n", a.published.value_or("unknown"));
  if (!a.author.empty()) text += fmt::format("Author:    {}\n", a.author);
  if (!a.url.empty()) text += fmt::format("URL:       {}\n", a.url);
  if (!a.language.empty()) text += fmt::format("Language:  {}\n", a.language);
  return text;
}

void PrintView(const ArticleView& view, bool with_versions) {
  const Article& a = view.latest.article;
  std::string text = fmt::format("Article {} (version {} of {})\n", a.id, view.versions.size(),
                                 view.versions.size());
  text += MetadataLines(a);
  if (view.story) {
    text += fmt::format("Story:     {} {} ({} to {})\n", view.story->id, view.story->label,
                        view.story->first.value_or("-"), view.story->last.value_or("-"));
  } else {
    text += "Story:     none\n";
  }
  if (view.duplicate_of) {
    text += fmt::format("Duplicate of: {}\n", WithSource(*view.duplicate_of, view.sources));
  }
  if (!view.near_duplicates.empty()) {
    std::string names;
    for (const std::string& id : view.near_duplicates) {
      names += (names.empty() ? "" : ", ") + WithSource(id, view.sources);
    }
    text += fmt::format("Near-duplicates: {}\n", names);
  }
  text += "\n" + a.text + "\n";
  text += FactLines(view.latest.analysis);
  if (view.story) {
    text += fmt::format("\nIn story {}, it reports\n", view.story->id);
    for (const StoryEvent& event : view.story_events) text += EventRow(event, view.sources, "  ");
  }
  if (with_versions) {
    for (size_t i = 0; i < view.versions.size(); ++i) {
      const Article& version = view.versions[i].article;
      text += fmt::format("\n--- version {} of {}{}\n", i + 1, view.versions.size(),
                          i + 1 == view.versions.size() ? " (latest)" : "");
      text += MetadataLines(version);
      text += "\n" + version.text + "\n";
    }
  }
  WriteText(text);
}

void RunArticle(const ArticleOptions& options) {
  const ArticleView view = ReadStore(options.db, [&](Store& store) {
    std::optional<ArticleView> view = LoadArticleView(store, options.id);
    if (!view) {
      std::fprintf(stderr, "storyline: %s: no article %s\n", OneLine(options.db).c_str(),
                   OneLine(options.id).c_str());
      throw CLI::RuntimeError(1);
    }
    return std::move(*view);
  });
  if (!options.json) return PrintView(view, options.versions);
  WriteText(ArticleViewToJson(view, options.versions)
                .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
            "\n");
}

}  // namespace

void AddArticleCommand(CLI::App& app) {
  auto options = std::make_shared<ArticleOptions>();
  CLI::App* command =
      app.add_subcommand("article", "Show one stored article with its facts, story and versions");
  command->add_option("--db", options->db, "Store to read (SQLite file or postgresql:// URL)")
      ->required();
  command->add_option("id", options->id, "The article's id")->required();
  command->add_flag("--versions", options->versions,
                    "Also show every stored version, oldest first");
  command->add_flag("--json", options->json, "Print {\"article\": {...}} instead of text");
  command->callback([options] { RunArticle(*options); });
}

}  // namespace storyline
