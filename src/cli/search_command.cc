// `storyline search --db PATH QUERY [--limit N] [--json]`: full-text search over the
// stored articles, best first (BM25, title weighted above text), with a snippet each.
// The query uses SQLite FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*, NEAR().
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "store/store.h"

namespace storyline {
namespace {

struct SearchOptions {
  std::string db;
  std::string query;
  int limit = 10;
  bool json = false;
};

void PrintJson(const std::vector<SearchHit>& hits) {
  nlohmann::ordered_json out;
  out["hits"] = nlohmann::ordered_json::array();
  for (const SearchHit& hit : hits) {
    out["hits"].push_back({{"article", hit.article},
                           {"score", hit.score},
                           {"snippet", hit.snippet},
                           {"title", hit.title},
                           {"source", hit.source}});
  }
  const std::string text =
      out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void PrintTable(const std::vector<SearchHit>& hits) {
  std::string text;
  for (size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& hit = hits[i];
    text += fmt::format("{:>3}. {:<16} {:>9.4g}  {}{}\n     {}\n", i + 1, hit.article, hit.score,
                        hit.title, hit.source.empty() ? "" : " (" + hit.source + ")", hit.snippet);
  }
  if (hits.empty()) text = "no matches\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void RunSearch(const SearchOptions& options) {
  std::vector<SearchHit> hits;
  try {
    hits = OpenStore(options.db, OpenMode::kReadOnly)->Search(options.query, options.limit);
  } catch (const SearchQueryError& e) {
    // The query is shown as a JSON string: a line break or control character in it
    // would otherwise split the one-line error.
    const std::string shown = nlohmann::json(options.query)
                                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(stderr, "storyline: cannot parse search query %s: %s\n", shown.c_str(), e.what());
    throw CLI::RuntimeError(1);
  } catch (const StoreError& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  options.json ? PrintJson(hits) : PrintTable(hits);
  std::fflush(stdout);
}

}  // namespace

void AddSearchCommand(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* command = app.add_subcommand("search", "Full-text search over a store's articles");
  command->add_option("--db", options->db, "Store to search (SQLite file)")->required();
  command
      ->add_option("query", options->query, "FTS5 query: words, \"phrases\", AND/OR/NOT, prefix*")
      ->required();
  command->add_option("--limit", options->limit, "Most hits to print")->check(CLI::Range(1, 10000));
  command->add_flag("--json", options->json, "Print {\"hits\": [...]} instead of a table");
  command->callback([options] { RunSearch(*options); });
}

}  // namespace storyline
