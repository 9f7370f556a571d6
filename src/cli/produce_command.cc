// `storyline produce --nats URL INPUT...`: reads articles as `ingest` reads them and
// publishes each to the JetStream stream ARTICLES (dist/nats_client.h), in input order,
// for `storyline worker` processes to analyze and store. An article's message id is its
// content hash, so producing the same input again within the duplicate window adds
// nothing. Bad records are reported as `ingest` reports them (one line each, exit 1,
// the good ones published).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "dist/nats_client.h"
#include "dist/record_codec.h"
#include "pipeline/stop_signals.h"

namespace storyline {
namespace {

struct ProduceOptions {
  InputOptions input;
  std::string nats_url;
};

struct StopRequested {};

void RunProduce(const ProduceOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<NatsClient> nats;
  try {
    nats = std::make_unique<NatsClient>(options.nats_url);
  } catch (const NatsError& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  StopOnSignals();
  InputErrorReporter input_errors;
  size_t published = 0;
  size_t duplicates = 0;
  ReadSummary read;
  try {
    read = ReadInputs(
        options.input.paths, options.input.ToReadOptionsForWorkers(),
        [&](Article&& article) {
          if (StopSignal() != 0) throw StopRequested{};
          const bool duplicate = nats->Publish(kArticlesSubject, EncodeArticleRecord(article),
                                               ArticleMessageId(HashArticleContent(article)));
          ++(duplicate ? duplicates : published);
        },
        input_errors);
  } catch (const StopRequested&) {
    // Reported below.
  } catch (const NatsError& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "published %zu %s to %s (%zu already there, %zu %s) in %.1f s\n", published,
               published == 1 ? "article" : "articles", kArticlesStream, duplicates,
               input_errors.count(), input_errors.count() == 1 ? "error" : "errors", seconds);
  if (const std::string skipped = SkippedFilesLine(read); !skipped.empty()) {
    std::fprintf(stderr, "%s\n", skipped.c_str());
  }
  if (const int signal = StopSignal(); signal != 0) {
    std::fprintf(stderr, "storyline: stopped by %s: run the same produce again to add the rest\n",
                 strsignal(signal));
    throw CLI::RuntimeError(128 + signal);
  }
  input_errors.ExitIfAny();
}

}  // namespace

void AddProduceCommand(CLI::App& app) {
  auto options = std::make_shared<ProduceOptions>();
  CLI::App* command =
      app.add_subcommand("produce", "Publish articles to NATS JetStream for `worker`s to ingest");
  command->add_option("--nats", options->nats_url, "NATS server URL(s), e.g. nats://host:4222")
      ->required();
  AddInputOptions(*command, options->input);
  command->callback([options] { RunProduce(*options); });
}

}  // namespace storyline
