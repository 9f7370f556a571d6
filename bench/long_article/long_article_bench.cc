// long_article_bench: ArticleAnalyzer::Analyze on one thread over articles of growing
// length (make_long_articles.py), to show whether its cost is linear in the length: the
// words/s of a 200k-word article should be those of a 1k-word one.
//
// usage: long_article_bench ARTICLES.jsonl [--record N] [--passes N] [--models DIR]
//
// Every record of the file (or only the N-th, 0-based, with --record) is analyzed
// --passes times and the fastest pass by CPU time is reported, one JSON object per
// line: words (whitespace tokens), CPU and wall seconds, words per CPU second, what the
// analysis found (so that two builds can be told apart when they disagree) and the
// process's peak RSS so far. Run one record per process to read each size's own peak.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "../bench_articles.h"
#include "../bench_clock.h"
#include "../process_memory.h"
#include "core/article.h"
#include "extract/article_analyzer.h"

namespace storyline {
namespace {

int Main(int argc, char** argv) {
  CLI::App app("analyze speed by article length, on one thread");
  std::string input;
  std::optional<size_t> record;
  int passes = 1;
  std::string models_dir = DefaultModelsDir().string();
  app.add_option("input", input, "JSON Lines articles")->required()->check(CLI::ExistingFile);
  app.add_option("--record", record, "analyze only this record (0-based)");
  app.add_option("--passes", passes, "timed passes; the fastest is reported")
      ->check(CLI::PositiveNumber);
  app.add_option("--models", models_dir, "models directory");
  CLI11_PARSE(app, argc, argv);

  // The benchmark's records are long on purpose.
  const std::vector<Article> articles = bench::ReadArticles(input, size_t{1} << 32);
  if (record && *record >= articles.size()) {
    throw std::runtime_error(fmt::format("{} has {} records", input, articles.size()));
  }
  const ArticleAnalyzer analyzer(models_dir);
  for (size_t i = 0; i < articles.size(); ++i) {
    if (record && i != *record) continue;
    const Article& article = articles[i];
    double best_cpu = 1e300;
    double best_wall = 1e300;
    size_t found = 0;
    for (int pass = 0; pass < passes; ++pass) {
      const double cpu_start = bench::ThreadCpuSeconds();
      const double wall_start = bench::WallSeconds();
      const Analysis analysis = analyzer.Analyze(article);
      const double cpu = bench::ThreadCpuSeconds() - cpu_start;
      if (cpu < best_cpu) best_cpu = cpu, best_wall = bench::WallSeconds() - wall_start;
      found = analysis.entities.size() + analysis.times.size() + analysis.quantities.size() +
              analysis.quotes.size() + analysis.events.size();
    }
    const size_t words = bench::WhitespaceWords(article.text);
    fmt::print(
        "{{\"id\": \"{}\", \"bytes\": {}, \"words\": {}, \"cpu_s\": {:.4f}, \"wall_s\": {:.4f}, "
        "\"words_per_cpu_s\": {:.0f}, \"found\": {}, \"peak_rss_kib\": {}}}\n",
        article.id, article.text.size(), words, best_cpu, best_wall, double(words) / best_cpu,
        found, bench::PeakRssKib());
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) {
  try {
    return storyline::Main(argc, argv);
  } catch (const std::exception& error) {
    fmt::print(stderr, "long_article_bench: {}\n", error.what());
    return 1;
  }
}
