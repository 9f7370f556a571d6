// `storyline ingest --db PATH INPUT...`: reads articles, analyzes them on all cores,
// and adds them to the store in batches, one transaction each. Articles the store
// already has (same content hash) are skipped before analysis, so a re-ingest is cheap
// and writes nothing. Prints a progress bar on a terminal and a one-line summary.
//
// The order of work (skip known, analyze, link, store, place in stories) is the ingest
// pipeline's (pipeline/ingest_pipeline.h); this command reads the inputs into it.
//
// SIGINT and SIGTERM stop the reading; the articles in hand are stored and placed and
// the stories saved before the run exits with 128 + the signal's number. A run that ends
// any other way (SIGKILL, a full disk) leaves its stored articles for the next ingest to
// place (store/story_updater.h).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "pipeline/ingest_pipeline.h"
#include "pipeline/stop_signals.h"

namespace storyline {
namespace {

using Clock = std::chrono::steady_clock;

// Sum of the sizes of the input files (walking directories): the denominator of the
// progress bar and ETA.
uint64_t TotalInputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  std::error_code error;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path, error)) {
      for (auto it = std::filesystem::recursive_directory_iterator(path, error);
           it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error)) total += it->file_size(error);
      }
    } else if (std::filesystem::is_regular_file(path, error)) {
      total += std::filesystem::file_size(path, error);
    }
  }
  return total;
}

// The file part of an origin ("file:line" or "file#record").
std::string_view OriginFile(std::string_view origin) {
  const size_t hash = origin.rfind('#');
  if (hash != std::string_view::npos) return origin.substr(0, hash);
  const size_t colon = origin.rfind(':');
  if (colon != std::string_view::npos &&
      origin.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
    return origin.substr(0, colon);
  }
  return origin;
}

// Estimates input bytes consumed from the articles seen: files already left behind
// count in full, the current one by the article bytes read from it so far.
class ProgressMeter {
 public:
  ProgressMeter(uint64_t total_bytes, bool on_terminal)
      : total_(total_bytes), on_terminal_(on_terminal), start_(Clock::now()) {}

  void Saw(const Article& article) {
    const std::string_view file = OriginFile(article.origin);
    if (file != current_file_) {
      finished_ += current_file_bytes_;
      current_file_ = file;
      current_file_bytes_ = 0;
      std::error_code error;
      current_file_size_ = std::filesystem::file_size(current_file_, error);
      if (error) current_file_size_ = 0;
    }
    current_file_bytes_ = std::min<uint64_t>(
        current_file_bytes_ + article.text.size() + article.title.size(), current_file_size_);
  }

  // Redraws the bar at most five times a second.
  void Draw(const IngestTally& tally) {
    if (!on_terminal_) return;
    const auto now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(200)) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const uint64_t done = std::min(total_, finished_ + current_file_bytes_);
    const double fraction = total_ ? static_cast<double>(done) / total_ : 0;
    const double bytes_per_second = seconds > 0 ? done / seconds : 0;
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    std::string eta = "--:--";
    if (bytes_per_second > 0 && done > 0) {
      const auto left = static_cast<long>((total_ - done) / bytes_per_second);
      eta = fmt::format("{}:{:02}", left / 60, left % 60);
    }
    std::fprintf(stderr, "\r[%s%s] %3d%% %zu articles  %.1f art/s  %.2f MB/s  ETA %s ",
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                 static_cast<int>(fraction * 100), tally.read,
                 seconds > 0 ? tally.read / seconds : 0.0, bytes_per_second / 1e6, eta.c_str());
    std::fflush(stderr);
  }

  void Clear() {
    if (on_terminal_) std::fputs("\r\033[K", stderr);
  }

  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  const uint64_t total_;
  const bool on_terminal_;
  const Clock::time_point start_;
  Clock::time_point last_draw_{};
  uint64_t finished_ = 0;
  std::string current_file_;
  uint64_t current_file_size_ = 0;
  uint64_t current_file_bytes_ = 0;
};

// Thrown out of the reader's callback to stop reading once the store has failed.
struct StoreFailed {};

// Thrown out of the reader's callback to stop reading after SIGINT or SIGTERM.
struct StopRequested {};

struct IngestOptions {
  InputOptions input;
  std::string db;
  std::string models_dir;
  int lock_timeout_seconds = 600;
};

void RunIngest(const IngestOptions& options) {
  ProgressMeter progress(TotalInputBytes(options.input.paths), isatty(STDERR_FILENO) == 1);
  IngestPipelineOptions pipeline_options;
  pipeline_options.db = options.db;
  pipeline_options.models_dir = options.models_dir;
  pipeline_options.threads = options.input.ThreadCount();
  pipeline_options.lock_timeout = std::chrono::seconds(options.lock_timeout_seconds);
  pipeline_options.on_lock_wait = [&](const std::string& holder) {
    std::fprintf(stderr,
                 "storyline: %s is being written by another ingest (%s); waiting up to %d s "
                 "for it to finish\n",
                 options.db.c_str(), holder.c_str(), options.lock_timeout_seconds);
  };
  pipeline_options.on_result = [&](const Article& article, const AddResult& result) {
    if (result.status != AddStatus::kFailed) return;
    progress.Clear();
    std::fprintf(stderr, "storyline: %s: cannot store: %s\n", article.origin.c_str(),
                 result.error.c_str());
  };
  std::unique_ptr<IngestPipeline> pipeline;
  try {
    pipeline = std::make_unique<IngestPipeline>(std::move(pipeline_options));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  if (pipeline->replayed() > 0) {
    std::fprintf(stderr,
                 "storyline: placed %zu stored articles an interrupted ingest left out of the "
                 "stories\n",
                 pipeline->replayed());
  }
  StopOnSignals();
  InputErrorReporter input_errors;
  ReadSummary read;
  try {
    read = ReadInputs(
        options.input.paths, options.input.ToReadOptionsForWorkers(),
        [&](Article&& article) {
          if (StopSignal() != 0) throw StopRequested{};
          progress.Saw(article);
          if (!pipeline->Add(std::move(article))) throw StoreFailed{};
          progress.Draw(pipeline->tally());
        },
        [&](const InputError& error) {
          progress.Clear();
          input_errors(error);
        });
  } catch (const StoreFailed&) {
    // Reported below with the store's own message.
  } catch (const StopRequested&) {
    // Reported below, once what was read is stored.
  }
  const std::optional<std::string> store_error = pipeline->Finish();
  progress.Clear();
  if (store_error) {
    std::fprintf(stderr, "storyline: %s: %s\n", options.db.c_str(), store_error->c_str());
  }
  const IngestTally& t = pipeline->tally();
  std::fprintf(stderr,
               "ingested %zu %s (%zu new, %zu updated, %zu duplicates linked, %zu %s) in "
               "%.1f s\n",
               t.read, t.read == 1 ? "article" : "articles", t.added, t.updated, t.linked,
               input_errors.count() + t.failed,
               input_errors.count() + t.failed == 1 ? "error" : "errors", progress.Seconds());
  if (const std::string skipped = SkippedFilesLine(read); !skipped.empty()) {
    std::fprintf(stderr, "%s\n", skipped.c_str());
  }
  if (const int signal = StopSignal(); signal != 0) {
    std::fprintf(stderr, "storyline: stopped by %s: run the same ingest again to add the rest\n",
                 strsignal(signal));
    throw CLI::RuntimeError(128 + signal);
  }
  if (store_error || t.failed > 0) throw CLI::RuntimeError(1);
  input_errors.ExitIfAny();
}

}  // namespace

void AddIngestCommand(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand("ingest", "Add articles, analyzed, to a store");
  command->add_option("--db", options->db, "SQLite file (created if missing) or postgresql:// URL")
      ->required();
  AddInputOptions(*command, options->input);
  command->add_option("--models", options->models_dir,
                      "Model directory (default: $STORYLINE_MODELS or models/)");
  command
      ->add_option("--lock-timeout", options->lock_timeout_seconds,
                   "Seconds to wait for another ingest into the same store before giving up")
      ->check(CLI::Range(0, 86400 * 365));
  command->callback([options] { RunIngest(*options); });
}

}  // namespace storyline
