#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"storyline: turns a stream of news articles into a sourced picture of each story"};
  app.require_subcommand(1);
  storyline::AddExtractCommand(app);
  storyline::AddAnalyzeCommand(app);
  storyline::AddTrainCommand(app);
  storyline::AddIngestCommand(app);
  storyline::AddSearchCommand(app);
  storyline::AddStoriesCommand(app);
  storyline::AddTimelineCommand(app);
  storyline::AddQuotesCommand(app);
  storyline::AddCompareCommand(app);
  storyline::AddArticleCommand(app);
  storyline::AddUpgradeCommand(app);
  storyline::AddFollowCommand(app);
  storyline::AddServeCommand(app);
  storyline::AddProduceCommand(app);
  storyline::AddWorkerCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports usage errors with its own codes; the contract says 2 for bad usage.
    const int status = app.exit(e);
    return e.get_exit_code() == 0 || dynamic_cast<const CLI::RuntimeError*>(&e) ? status : 2;
  }
  return 0;
}
