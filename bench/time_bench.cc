// Throughput of the time finder on the seed articles (shared/seeds/seeds.jsonl), in words
// per second on one core. The whole `analyze` stage targets 150k words/s; this part
// should stay far above that.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/times/time_expression_finder.h"

namespace storyline {
namespace {

struct SeedArticle {
  std::string text;
  std::optional<std::string> published;
};

std::vector<SeedArticle> LoadSeeds() {
  const std::filesystem::path path = std::filesystem::path(__FILE__).parent_path() / ".." / ".." /
                                     "shared" / "seeds" / "seeds.jsonl";
  std::ifstream in(path);
  std::vector<SeedArticle> articles;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("text")) continue;
    SeedArticle article{record["text"].get<std::string>(), std::nullopt};
    if (record.contains("published") && record["published"].is_string()) {
      article.published = record["published"].get<std::string>();
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

void BM_FindTimeExpressions(benchmark::State& state) {
  const std::vector<SeedArticle> articles = LoadSeeds();
  if (articles.empty()) {
    state.SkipWithError("no seed articles");
    return;
  }
  size_t words_per_pass = 0;
  for (const SeedArticle& a : articles) words_per_pass += CountWords(a.text);
  for (auto _ : state) {
    for (const SeedArticle& a : articles) {
      benchmark::DoNotOptimize(FindTimeExpressions(a.text, a.published));
    }
  }
  state.counters["words_per_second"] = benchmark::Counter(
      static_cast<double>(words_per_pass * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindTimeExpressions);

}  // namespace
}  // namespace storyline

BENCHMARK_MAIN();
