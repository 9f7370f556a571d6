// `storyline analyze INPUT...`: one JSON line per article with its entities, times,
// quantities, quotes and events, in input order whatever the thread count. Entities are
// linked across the articles of one run, in input order (CorpusEntityLinker).
#include <cstdio>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "core/ordered_parallel.h"
#include "extract/article_analyzer.h"
#include "extract/links/corpus_entity_linker.h"
#include "io/article_json.h"

namespace storyline {
namespace {

struct AnalyzedArticle {
  Article article;
  Analysis analysis;
};

}  // namespace

void AddAnalyzeCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  auto models_dir = std::make_shared<std::string>();
  auto article_local_ids = std::make_shared<bool>(false);
  CLI::App* command =
      app.add_subcommand("analyze", "Print each article's entities, times, quotes and events");
  AddInputOptions(*command, *options);
  command->add_option("--models", *models_dir,
                      "Model directory (default: $STORYLINE_MODELS or models/)");
  command->add_flag("--article-local-ids", *article_local_ids,
                    "Link entities within each article only, not across the input's articles");
  command->callback([options, models_dir, article_local_ids] {
    std::unique_ptr<ArticleAnalyzer> analyzer;
    std::unique_ptr<CorpusEntityLinker> corpus_linker;
    try {
      const std::filesystem::path models =
          models_dir->empty() ? DefaultModelsDir() : std::filesystem::path(*models_dir);
      analyzer = std::make_unique<ArticleAnalyzer>(models);
      if (!*article_local_ids) {
        corpus_linker = std::make_unique<CorpusEntityLinker>(EntityAliases::LoadNames(models));
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "storyline: %s\n", e.what());
      throw CLI::RuntimeError(1);
    }
    // The sink runs on one thread in input order, so cross-article linking is
    // deterministic whatever the thread count.
    OrderedParallelMap<Article, AnalyzedArticle> pipeline(
        options->ThreadCount(),
        [&](Article& article) {
          DetectArticleLanguage(article);
          Analysis analysis = analyzer->Analyze(article);
          return AnalyzedArticle{std::move(article), std::move(analysis)};
        },
        [&](AnalyzedArticle&& analyzed) {
          if (corpus_linker) corpus_linker->Link(analyzed.analysis);
          std::string line = AnalysisJsonLine(analyzed.article, analyzed.analysis);
          line += '\n';
          std::fwrite(line.data(), 1, line.size(), stdout);
        });
    InputErrorReporter errors;
    const ReadSummary read = ReadInputs(
        options->paths, options->ToReadOptionsForWorkers(),
        [&](Article&& article) { pipeline.Push(std::move(article)); }, std::ref(errors));
    pipeline.Finish();
    std::fflush(stdout);
    if (const std::string skipped = SkippedFilesLine(read); !skipped.empty()) {
      std::fprintf(stderr, "storyline: %s\n", skipped.c_str());
    }
    errors.ExitIfAny();
  });
}

}  // namespace storyline
