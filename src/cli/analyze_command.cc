// `storyline analyze INPUT...`: one JSON line per article with its entities, times,
// quantities, quotes and events, in input order whatever the thread count.
#include <cstdio>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "core/ordered_parallel.h"
#include "extract/article_analyzer.h"
#include "io/article_json.h"

namespace storyline {

void AddAnalyzeCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  auto models_dir = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("analyze", "Print each article's entities, times, quotes and events");
  AddInputOptions(*command, *options);
  command->add_option("--models", *models_dir, "Model directory (default: $STORYLINE_MODELS or models/)");
  command->callback([options, models_dir] {
    std::unique_ptr<ArticleAnalyzer> analyzer;
    try {
      analyzer = std::make_unique<ArticleAnalyzer>(
          models_dir->empty() ? DefaultModelsDir() : std::filesystem::path(*models_dir));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "storyline: %s\n", e.what());
      throw CLI::RuntimeError(1);
    }
    OrderedParallelMap<Article, std::string> pipeline(
        options->ThreadCount(),
        [&](Article& article) { return AnalysisJsonLine(article, analyzer->Analyze(article)); },
        [](std::string&& line) {
          line += '\n';
          std::fwrite(line.data(), 1, line.size(), stdout);
        });
    InputErrorReporter errors;
    ReadInputs(
        options->paths, options->ToReadOptions(),
        [&](Article&& article) { pipeline.Push(std::move(article)); }, std::ref(errors));
    pipeline.Finish();
    std::fflush(stdout);
    errors.ExitIfAny();
  });
}

}  // namespace storyline
