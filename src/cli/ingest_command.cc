// `storyline ingest --db PATH INPUT...`: reads articles, analyzes them on all cores,
// and adds them to the store in batches, one transaction each. Articles the store
// already has (same content hash) are skipped before analysis, so a re-ingest is cheap
// and writes nothing. Prints a progress bar on a terminal and a one-line summary.
//
// Entities get corpus-wide ids (CorpusEntityLinker) in the single-threaded sink, in input
// order, before the articles are stored or clustered, so the store holds the same ids
// whatever the thread count. The linker resumes from the rows stored articles taught
// (Store::LoadEntityLinks), so a corpus ingested in two runs gets the ids of one run.
// Each article carries the rows it taught into its own savepoint of the batch, so the
// stored rows are always those of the stored articles, even after a crash. An article
// the store then does not add (failed, or already stored) may have taught the
// in-memory linker rows the store lacks: the linker is then reloaded from the store.
// Articles after it in the same batch were already linked knowing those rows (and teach
// the names they were linked to): the one trace such an article can leave, accepted
// because relinking them would mean holding the batch back until it is stored.
//
// SIGINT and SIGTERM stop the reading; the articles in hand are stored and placed and
// the stories saved before the run exits with 128 + the signal's number. A run that ends
// any other way (SIGKILL, a full disk) leaves its stored articles for the next ingest to
// place (store/story_updater.h).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "core/ordered_parallel.h"
#include "extract/article_analyzer.h"
#include "extract/corpus_entity_linker.h"
#include "store/store.h"
#include "store/story_updater.h"

namespace storyline {
namespace {

// Articles per transaction: large enough that commit cost is amortized, small enough
// that a crash loses little work.
constexpr size_t kBatchSize = 256;

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

struct IngestTally {
  size_t read = 0;
  size_t added = 0;
  size_t updated = 0;  // new versions of stored articles
  size_t linked = 0;
  size_t unchanged = 0;
  size_t failed = 0;  // articles the store refused
};

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

// The signal that asked the run to stop (SIGINT, SIGTERM), 0 while none has. The
// handler only records it; the reader's callback sees it before the next article, so the
// articles in hand are analyzed, stored and placed, and the run ends as a finished one
// would. The handler is installed once (SA_RESETHAND): a second signal ends the process
// at once, and the next ingest places what that one stored.
volatile std::sig_atomic_t stop_signal = 0;

void RecordStopSignal(int signal) { stop_signal = signal; }

void StopOnSignals() {
  struct sigaction action {};
  action.sa_handler = RecordStopSignal;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (const int signal : {SIGINT, SIGTERM}) sigaction(signal, &action, nullptr);
}

class Ingester {
 public:
  // `linker` holds the store's saved state (Restore(store.LoadEntityLinks())).
  Ingester(Store& store, StoryUpdater& stories, CorpusEntityLinker& linker,
           const ArticleAnalyzer& analyzer, int threads, ProgressMeter& progress)
      : store_(store),
        stories_(stories),
        linker_(linker),
        progress_(progress),
        pipeline_(
            threads,
            [&analyzer](Article& article) {
              DetectArticleLanguage(article);
              Analysis analysis = analyzer.Analyze(article);
              return PrepareArticle(std::move(article), std::move(analysis));
            },
            [this](PreparedArticle&& prepared) { Collect(std::move(prepared)); }) {}

  void Add(Article&& article) {
    if (store_error_) throw StoreFailed{};
    if (stop_signal != 0) throw StopRequested{};
    ++tally_.read;
    progress_.Saw(article);
    if (store_.Contains(HashArticleContent(article))) {
      ++tally_.unchanged;
    } else {
      pipeline_.Push(std::move(article));
    }
    progress_.Draw(tally_);
  }

  // Drains the pipeline and writes the last batch. Returns the store's error, if any.
  std::optional<std::string> Finish() {
    pipeline_.Finish();
    Flush();
    try {
      if (!store_error_) stories_.Save();
    } catch (const StoreError& e) {
      store_error_ = e.what();
    }
    return store_error_;
  }

  const IngestTally& tally() const { return tally_; }

 private:
  void Collect(PreparedArticle&& prepared) {
    if (store_error_) return;
    linker_.Link(prepared.analysis);
    prepared.entity_links = CorpusEntityLinker::RowsTaughtBy(prepared.analysis.entities);
    batch_.push_back(std::move(prepared));
    if (batch_.size() >= kBatchSize) Flush();
  }

  void Flush() {
    if (batch_.empty() || store_error_) return;
    try {
      const std::vector<AddResult> results = store_.AddBatch(batch_);
      bool linker_ahead_of_store = false;
      for (size_t i = 0; i < results.size(); ++i) {
        Count(batch_[i].article, results[i]);
        // Clustering is online: new articles are placed in arrival order.
        if (results[i].status == AddStatus::kAdded) {
          stories_.Add(results[i].article_id, results[i].previous_version, batch_[i].article,
                       batch_[i].analysis);
        } else {
          linker_ahead_of_store |= !batch_[i].entity_links.empty();
        }
      }
      if (linker_ahead_of_store) linker_.Restore(store_.LoadEntityLinks());
      stories_.SaveIfDue();
    } catch (const StoreError& e) {
      store_error_ = e.what();
    }
    batch_.clear();
  }

  void Count(const Article& article, const AddResult& result) {
    switch (result.status) {
      case AddStatus::kAdded:
        if (result.previous_version) {
          ++tally_.updated;
        } else {
          ++tally_.added;
          tally_.linked += result.dup_of.has_value();
        }
        break;
      case AddStatus::kAlreadyStored:
        ++tally_.unchanged;
        break;
      case AddStatus::kFailed:
        ++tally_.failed;
        progress_.Clear();
        std::fprintf(stderr, "storyline: %s: cannot store: %s\n", article.origin.c_str(),
                     result.error.c_str());
        break;
    }
  }

  Store& store_;
  StoryUpdater& stories_;
  CorpusEntityLinker& linker_;
  ProgressMeter& progress_;
  IngestTally tally_;
  std::vector<PreparedArticle> batch_;
  std::optional<std::string> store_error_;
  OrderedParallelMap<Article, PreparedArticle> pipeline_;  // last: stops before the rest
};

struct IngestOptions {
  InputOptions input;
  std::string db;
  std::string models_dir;
  int lock_timeout_seconds = 600;
};

void RunIngest(const IngestOptions& options) {
  std::unique_ptr<ArticleAnalyzer> analyzer;
  std::unique_ptr<Store> store;
  std::unique_ptr<StoryUpdater> stories;
  std::unique_ptr<CorpusEntityLinker> linker;
  try {
    const std::filesystem::path models_dir =
        options.models_dir.empty() ? DefaultModelsDir() : std::filesystem::path(options.models_dir);
    analyzer = std::make_unique<ArticleAnalyzer>(models_dir);
    store = OpenStore(options.db);
    store->ClaimStories(
        [&](const std::string& holder) {
          std::fprintf(stderr,
                       "storyline: %s is being written by another ingest (%s); waiting up to %d s "
                       "for it to finish\n",
                       options.db.c_str(), holder.c_str(), options.lock_timeout_seconds);
        },
        std::chrono::seconds(options.lock_timeout_seconds));
    stories = std::make_unique<StoryUpdater>(*store, models_dir / "story-background.tsv");
    if (stories->replayed() > 0) {
      std::fprintf(stderr,
                   "storyline: placed %zu stored articles an interrupted ingest left out of the "
                   "stories\n",
                   stories->replayed());
    }
    linker = std::make_unique<CorpusEntityLinker>(EntityAliases::LoadNames(models_dir));
    linker->Restore(store->LoadEntityLinks());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  StopOnSignals();
  ProgressMeter progress(TotalInputBytes(options.input.paths), isatty(STDERR_FILENO) == 1);
  InputErrorReporter input_errors;
  Ingester ingester(*store, *stories, *linker, *analyzer, options.input.ThreadCount(), progress);
  ReadSummary read;
  try {
    read = ReadInputs(
        options.input.paths, options.input.ToReadOptionsForWorkers(),
        [&](Article&& article) { ingester.Add(std::move(article)); },
        [&](const InputError& error) {
          progress.Clear();
          input_errors(error);
        });
  } catch (const StoreFailed&) {
    // Reported below with the store's own message.
  } catch (const StopRequested&) {
    // Reported below, once what was read is stored.
  }
  const std::optional<std::string> store_error = ingester.Finish();
  progress.Clear();
  if (store_error) {
    std::fprintf(stderr, "storyline: %s: %s\n", options.db.c_str(), store_error->c_str());
  }
  const IngestTally& t = ingester.tally();
  std::fprintf(stderr,
               "ingested %zu %s (%zu new, %zu updated, %zu duplicates linked, %zu %s) in "
               "%.1f s\n",
               t.read, t.read == 1 ? "article" : "articles", t.added, t.updated, t.linked,
               input_errors.count() + t.failed,
               input_errors.count() + t.failed == 1 ? "error" : "errors", progress.Seconds());
  if (const std::string skipped = SkippedFilesLine(read); !skipped.empty()) {
    std::fprintf(stderr, "%s\n", skipped.c_str());
  }
  if (stop_signal != 0) {
    std::fprintf(stderr, "storyline: stopped by %s: run the same ingest again to add the rest\n",
                 strsignal(stop_signal));
    throw CLI::RuntimeError(128 + stop_signal);
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
