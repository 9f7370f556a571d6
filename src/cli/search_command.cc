// `storyline search --db PATH QUERY... [--limit N] [--offset N] [--sort relevance|date]
// [--from DATE] [--to DATE] [--source NAME] [--entity NAME] [--story ID] [--json]`:
// full-text search over the latest version of each stored article, best first (BM25,
// title weighted above text) or newest first, with a one-line snippet each. The query is
// read as people type it (store/search_query.h); its words may come as several
// arguments.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "report/search_json.h"
#include "store/store.h"

namespace storyline {
namespace {

struct SearchOptions {
  std::string db;
  std::vector<std::string> query_words;
  SearchRequest request;
  std::string sort = "relevance";
  bool json = false;
};

void PrintJson(const std::vector<SearchHit>& hits) {
  const std::string text = SearchHitsToJson(hits).dump(
                               -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                           "\n";
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

void RunSearch(SearchOptions& options) {
  options.request.query = fmt::format("{}", fmt::join(options.query_words, " "));
  options.request.newest_first = options.sort == "date";
  std::vector<SearchHit> hits;
  try {
    hits = OpenStore(options.db, OpenMode::kReadOnly)->Search(options.request);
  } catch (const SearchQueryError& e) {
    std::fprintf(stderr, "storyline: search: %s\n", e.what());
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
  command->add_option("--db", options->db, "Store to search (SQLite file or postgresql:// URL)")
      ->required();
  command
      ->add_option("query", options->query_words,
                   "Words as you would type them: \"a phrase\", word OR word, -word, prefix*")
      ->required();
  command->add_option("--limit", options->request.limit, "Most hits to print")
      ->check(CLI::Range(1, 10000));
  command->add_option("--offset", options->request.offset, "Hits to skip first (paging)")
      ->check(CLI::Range(0, 100000000));
  command->add_option("--sort", options->sort, "relevance (default) or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}));
  const auto iso_date = [](const std::string& date) {
    const bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                    std::all_of(date.begin(), date.end(),
                                [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    return ok ? std::string() : "not a date as YYYY-MM-DD: " + date;
  };
  command->add_option("--from", options->request.from, "Published on or after (YYYY-MM-DD)")
      ->check(iso_date);
  command->add_option("--to", options->request.to, "Published on or before (YYYY-MM-DD)")
      ->check(iso_date);
  command->add_option("--source", options->request.source, "Only this outlet");
  command->add_option("--entity", options->request.entity,
                      "Only articles naming this entity (id or name)");
  command->add_option("--story", options->request.story, "Only this story's articles");
  command->add_flag("--json", options->json, "Print {\"hits\": [...]} instead of a table");
  command->callback([options] { RunSearch(*options); });
}

}  // namespace storyline
