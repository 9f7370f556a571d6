// `storyline worker --nats URL --db DB`: one worker of a distributed ingest
// (dist/nats_worker.h): analyzes articles from the stream ARTICLES and, while it holds
// the stories' claim, stores them in order. Run any number on any number of machines,
// all naming the same store. SIGINT and SIGTERM finish the articles in hand and exit;
// SIGKILL loses nothing either (another worker analyzes and applies what it held).
#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <memory>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "dist/nats_worker.h"
#include "pipeline/stop_signals.h"

namespace storyline {
namespace {

struct WorkerOptions {
  NatsWorkerOptions worker;
  int threads = 0;
  int ack_wait_seconds = 30;
  bool analyze_only = false;
};

void RunWorker(WorkerOptions& options) {
  InputOptions threads;
  threads.threads = options.threads;
  options.worker.threads = threads.ThreadCount();
  options.worker.ack_wait = std::chrono::seconds(options.ack_wait_seconds);
  options.worker.apply = !options.analyze_only;
  options.worker.on_note = [](const std::string& line) {
    std::fprintf(stderr, "storyline: worker: %s\n", line.c_str());
  };
  StopOnSignals();
  NatsWorkerTally tally;
  try {
    tally = RunNatsWorker(options.worker, [] { return StopSignal() != 0; });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  std::fprintf(stderr, "worker: analyzed %zu articles (%zu known, %zu unreadable), applied %zu\n",
               tally.analyzed, tally.known, tally.unreadable, tally.applied);
  if (const int signal = StopSignal(); signal != 0) throw CLI::RuntimeError(128 + signal);
}

}  // namespace

void AddWorkerCommand(CLI::App& app) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* command = app.add_subcommand(
      "worker", "Analyze and store articles from NATS JetStream (see `produce`)");
  command->add_option("--nats", options->worker.nats_url, "NATS server URL(s)")->required();
  command
      ->add_option("--db", options->worker.db,
                   "The store every worker writes: a postgresql:// URL (a SQLite file serves "
                   "workers on one machine)")
      ->required();
  command->add_option("--models", options->worker.models_dir,
                      "Model directory (default: $STORYLINE_MODELS or models/)");
  command->add_option("--threads", options->threads, "Analysis threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  command->add_option("--fetch", options->worker.fetch, "Articles asked for at a time (default 32)")
      ->check(CLI::Range(1, 10000));
  command
      ->add_option("--max-in-flight", options->worker.max_ack_pending,
                   "Unacknowledged articles over all workers (default 1024)")
      ->check(CLI::Range(1, 1000000));
  command
      ->add_option("--ack-wait", options->ack_wait_seconds,
                   "Seconds before an unacknowledged article goes to another worker (default 30)")
      ->check(CLI::Range(1, 86400));
  command->add_flag("--analyze-only", options->analyze_only,
                    "Never apply (store and cluster); only analyze for the worker that does");
  command->add_flag("--until-done", options->worker.until_done,
                    "Exit once every article published is analyzed and stored");
  command->callback([options] { RunWorker(*options); });
}

}  // namespace storyline
