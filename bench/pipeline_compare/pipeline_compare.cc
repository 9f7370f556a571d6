// pipeline_compare: storyline's speed on one thread over a JSON Lines file, for the
// side-by-side comparison with compromise and wink-nlp (run.sh, compare.js).
//
// usage: pipeline_compare PIPELINE ARTICLES.jsonl [--passes N] [--models DIR]
//
// PIPELINE is one of
//   ner      tokenize + tag + recognize entities
//   parse    tokenize + tag + parse + recognize entities
//   analyze  ArticleAnalyzer::Analyze, the whole per-article analysis
//   stages   the analyzer's steps called one by one, each timed on its own (plus the
//            parser, which the analyzer does not load), to show where its time goes;
//            one pass, no warm-up
//
// Each process runs one pipeline, so its peak RSS is that pipeline's. The articles are
// read into memory first (language identification off: every article is analyzed);
// one warm-up pass over the first articles runs untimed, then --passes full passes are
// timed, and the fastest pass (by CPU time) is reported: on a shared, noisy machine it
// is the one least disturbed by other work. Words are whitespace tokens of the article
// texts, the count every tool of the comparison uses.
//
// Output: one JSON object per line on stdout; per-stage lines for "stages".
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../bench_articles.h"
#include "../bench_clock.h"
#include "../process_memory.h"
#include "core/article.h"
#include "extract/article_analyzer.h"
#include "extract/links/entity_linker.h"
#include "extract/events/event_finder.h"
#include "extract/quantities/quantity_finder.h"
#include "extract/quotes/quote_finder.h"
#include "extract/times/time_expression_finder.h"
#include "nlp/dependency_parser.h"
#include "nlp/entity_recognizer.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

constexpr size_t kWarmUpArticles = 20;

// One pass's cost.
struct PassTime {
  double cpu_s = 0;
  double wall_s = 0;
};

// Runs `process` over every article `passes` times after a warm-up; returns the fastest
// pass. `process` returns a count of what it found, summed so that no work is elided.
PassTime TimeFastestPass(const std::vector<Article>& articles, int passes,
                         const std::function<size_t(const Article&)>& process, size_t& found) {
  for (size_t i = 0; i < std::min(kWarmUpArticles, articles.size()); ++i) process(articles[i]);
  PassTime best{1e300, 1e300};
  for (int pass = 0; pass < passes; ++pass) {
    found = 0;
    const double cpu_start = bench::ThreadCpuSeconds();
    const double wall_start = bench::WallSeconds();
    for (const Article& article : articles) found += process(article);
    const PassTime time{bench::ThreadCpuSeconds() - cpu_start, bench::WallSeconds() - wall_start};
    if (time.cpu_s < best.cpu_s) best = time;
  }
  return best;
}

// The separately loaded models the "ner", "parse" and "stages" pipelines call.
struct Models {
  Tokenizer tokenizer;
  PosTagger tagger;
  EntityRecognizer recognizer;
  std::optional<DependencyParser> parser;
};

Models LoadModels(const std::filesystem::path& dir, bool with_parser) {
  Models models{Tokenizer(), PosTagger::Load(dir / "pos.model"), EntityRecognizer::Load(dir), {}};
  if (with_parser) models.parser = DependencyParser::Load(dir / "parser.model");
  return models;
}

size_t TagAndRecognize(const Models& models, const Article& article) {
  const TokenizedText tokens = models.tokenizer.Tokenize(article.text);
  std::vector<PosTag> tags;
  models.tagger.Tag(article.text, tokens, tags);
  return models.recognizer.Recognize(article.text, tokens).size();
}

size_t TagParseAndRecognize(const Models& models, const Article& article) {
  const TokenizedText tokens = models.tokenizer.Tokenize(article.text);
  std::vector<PosTag> tags;
  models.tagger.Tag(article.text, tokens, tags);
  std::vector<Dependency> deps;
  models.parser->Parse(article.text, tokens, tags, deps);
  return models.recognizer.Recognize(article.text, tokens).size() + deps.size();
}

size_t AnalysisSize(const Analysis& analysis) {
  return analysis.entities.size() + analysis.times.size() + analysis.quantities.size() +
         analysis.quotes.size() + analysis.events.size();
}

// CPU seconds per step of the analysis, in the order ArticleAnalyzer::Analyze runs them.
// The parser is timed over every sentence, while the analyzer parses only sentences that
// hold an event word and an entity, so its time is left out of the analyzer's total.
struct StageTimes {
  static constexpr const char* kNames[] = {"tokenize",   "tag",    "parse (all sentences)",
                                           "ner",        "link",   "times",
                                           "quantities", "quotes", "events"};
  static constexpr size_t kParseStage = 2;
  double cpu_s[std::size(kNames)] = {};
};

// The steps of ArticleAnalyzer::Analyze, with the same arguments, each timed.
size_t AnalyzeByStage(const Models& models, const Article& article, StageTimes& times) {
  const std::string_view text = article.text;
  size_t stage = 0;
  double start = bench::ThreadCpuSeconds();
  auto lap = [&] {
    const double now = bench::ThreadCpuSeconds();
    times.cpu_s[stage++] += now - start;
    start = now;
  };
  const TokenizedText tokens = models.tokenizer.Tokenize(text);
  lap();
  std::vector<PosTag> tags;
  models.tagger.Tag(text, tokens, tags);
  lap();
  std::vector<Dependency> deps;
  models.parser->Parse(text, tokens, tags, deps);
  lap();
  Analysis analysis;
  analysis.entities = models.recognizer.Recognize(text, tokens);
  lap();
  LinkEntitiesInArticle(text, analysis.entities);
  lap();
  analysis.times = FindTimeExpressions(text, article.published);
  lap();
  analysis.quantities = FindQuantities(text, tokens, tags, analysis.times);
  lap();
  analysis.quotes = FindQuotes(text, tokens, {}, {}, analysis.entities);
  lap();
  analysis.events =
      FindEvents(text, tokens, tags, deps, analysis.entities, analysis.times, analysis.quotes);
  lap();
  return AnalysisSize(analysis);
}

struct Run {
  std::string pipeline;
  size_t articles = 0;
  size_t words = 0;
  double load_s = 0;
  PassTime time;
  size_t found = 0;
};

void PrintRun(const Run& run) {
  fmt::print(
      "{{\"tool\": \"storyline\", \"pipeline\": \"{}\", \"articles\": {}, \"words\": {}, "
      "\"load_s\": {:.4f}, \"cpu_s\": {:.4f}, \"wall_s\": {:.4f}, \"words_per_cpu_s\": {:.0f}, "
      "\"words_per_wall_s\": {:.0f}, \"found\": {}, \"peak_rss_kib\": {}}}\n",
      run.pipeline, run.articles, run.words, run.load_s, run.time.cpu_s, run.time.wall_s,
      double(run.words) / run.time.cpu_s, double(run.words) / run.time.wall_s, run.found,
      bench::PeakRssKib());
}

void PrintStages(const StageTimes& times, size_t words) {
  double total = 0;
  for (size_t i = 0; i < std::size(StageTimes::kNames); ++i) {
    if (i != StageTimes::kParseStage) total += times.cpu_s[i];
  }
  for (size_t i = 0; i < std::size(StageTimes::kNames); ++i) {
    fmt::print(
        "{{\"tool\": \"storyline\", \"stage\": \"{}\", \"cpu_s\": {:.4f}, "
        "\"share_of_analyze\": {:.3f}, \"words_per_cpu_s\": {:.0f}}}\n",
        StageTimes::kNames[i], times.cpu_s[i], times.cpu_s[i] / total,
        double(words) / times.cpu_s[i]);
  }
}

int Main(int argc, char** argv) {
  CLI::App app("storyline pipeline speed on one thread");
  std::string pipeline;
  std::string input;
  int passes = 3;
  std::string models_dir = DefaultModelsDir().string();
  app.add_option("pipeline", pipeline, "ner, parse, analyze or stages")
      ->required()
      ->check(CLI::IsMember({"ner", "parse", "analyze", "stages"}));
  app.add_option("input", input, "JSON Lines articles")->required()->check(CLI::ExistingFile);
  app.add_option("--passes", passes, "timed passes; the fastest is reported")
      ->check(CLI::PositiveNumber);
  app.add_option("--models", models_dir, "models directory");
  CLI11_PARSE(app, argc, argv);

  Run run;
  run.pipeline = pipeline;
  const std::vector<Article> articles = bench::ReadArticles(input);
  run.articles = articles.size();
  for (const Article& article : articles) run.words += bench::WhitespaceWords(article.text);

  const double load_start = bench::WallSeconds();
  if (pipeline == "analyze") {
    const ArticleAnalyzer analyzer(models_dir);
    run.load_s = bench::WallSeconds() - load_start;
    run.time = TimeFastestPass(
        articles, passes, [&](const Article& a) { return AnalysisSize(analyzer.Analyze(a)); },
        run.found);
    PrintRun(run);
    return 0;
  }
  const Models models = LoadModels(models_dir, pipeline != "ner");
  run.load_s = bench::WallSeconds() - load_start;
  if (pipeline == "stages") {
    StageTimes times;
    for (const Article& article : articles) run.found += AnalyzeByStage(models, article, times);
    PrintStages(times, run.words);
    return 0;
  }
  const auto process = pipeline == "ner"
                           ? std::function<size_t(const Article&)>(
                                 [&](const Article& a) { return TagAndRecognize(models, a); })
                           : [&](const Article& a) { return TagParseAndRecognize(models, a); };
  run.time = TimeFastestPass(articles, passes, process, run.found);
  PrintRun(run);
  return 0;
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) {
  try {
    return storyline::Main(argc, argv);
  } catch (const std::exception& error) {
    fmt::print(stderr, "pipeline_compare: {}\n", error.what());
    return 1;
  }
}
