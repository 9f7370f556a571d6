// `storyline extract INPUT...`: what the readers make of the input, one article per
// line, before any analysis.
#include <cstdio>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "io/article_json.h"

namespace storyline {

void AddExtractCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  CLI::App* command =
      app.add_subcommand("extract", "Print the articles the readers find, as JSON Lines");
  AddInputOptions(*command, *options);
  command->callback([options] {
    InputErrorReporter errors;
    const ReadSummary read = ReadInputs(
        options->paths, options->ToReadOptions(),
        [](Article&& article) {
          const std::string line = ArticleJsonLine(article);
          std::fwrite(line.data(), 1, line.size(), stdout);
          std::fputc('\n', stdout);
        },
        std::ref(errors));
    std::fflush(stdout);
    if (const std::string skipped = SkippedFilesLine(read); !skipped.empty()) {
      std::fprintf(stderr, "storyline: %s\n", skipped.c_str());
    }
    errors.ExitIfAny();
  });
}

}  // namespace storyline
