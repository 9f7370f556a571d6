// One function per subcommand; each adds its subcommand, options and callback to the
// app. A callback that must fail throws CLI::RuntimeError(status): 1 for bad input
// (after printing one line per problem), 2 for bad usage.
#pragma once

#include <CLI/CLI.hpp>

namespace storyline {

void AddExtractCommand(CLI::App& app);
void AddAnalyzeCommand(CLI::App& app);
void AddTrainCommand(CLI::App& app);
void AddIngestCommand(CLI::App& app);
void AddSearchCommand(CLI::App& app);
void AddStoriesCommand(CLI::App& app);
void AddTimelineCommand(CLI::App& app);
void AddQuotesCommand(CLI::App& app);
void AddCompareCommand(CLI::App& app);
void AddUpgradeCommand(CLI::App& app);
void AddArticleCommand(CLI::App& app);
void AddFollowCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddProduceCommand(CLI::App& app);
void AddWorkerCommand(CLI::App& app);

}  // namespace storyline
