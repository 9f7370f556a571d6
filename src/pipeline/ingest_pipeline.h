// The order of work between an article read and an article stored in its story, shared
// by every command that adds articles to a store (`ingest`, `follow`):
//
//   1. skip known: an article the store already has (same content hash) is counted as
//      unchanged and never analyzed, so a re-ingest is cheap and writes nothing;
//   2. analyze, on `threads` worker threads (language, entities, times, quotes, ...);
//   3. link: entities get corpus-wide ids (CorpusEntityLinker) on the caller's thread,
//      in the order the articles were added, so the store holds the same ids whatever
//      the thread count. The linker resumes from the rows stored articles taught, so a
//      corpus added in two runs gets the ids of one run;
//   4. store, in batches of `batch_size`, one transaction each; inside it each article
//      is all-or-nothing and carries the linker rows it taught, so the stored rows are
//      always those of the stored articles, even after a crash;
//   5. cluster: each article the store added is placed in its story (online, in the
//      order stored); the stories are saved when due and by Commit and Finish.
//
// An article the store then does not add (failed, or already stored) may have taught the
// in-memory linker rows the store lacks: the linker is then reloaded from the store.
// Articles after it in the same batch were already linked knowing those rows (and teach
// the names they were linked to): the one trace such an article can leave, accepted
// because relinking them would mean holding the batch back until it is stored.
//
// However a run ends (a kill, a full disk), the next pipeline on the store places what
// this one stored but did not place (store/story_updater.h).
//
// A distributed ingest (dist/) runs step 2 on other machines and feeds the result to
// AddAnalyzed: steps 1 and 3 to 5 are then the same code in the same order.
//
// One thread at a time calls a pipeline (not necessarily the same one). Once the store
// has failed, the pipeline takes no more articles and reports the store's error.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/article.h"
#include "core/ordered_parallel.h"
#include "extract/article_analyzer.h"
#include "extract/links/corpus_entity_linker.h"
#include "store/store.h"
#include "store/story_updater.h"

namespace storyline {

struct IngestPipelineOptions {
  std::string db;                    // OpenStore's argument
  std::filesystem::path models_dir;  // empty: DefaultModelsDir()
  // The analyzer to use, shared with the caller (a worker that analyzes for others too);
  // null: the pipeline loads its own from models_dir.
  std::shared_ptr<const ArticleAnalyzer> analyzer;
  int threads = 1;                         // analysis workers; output is the same whatever it is
  size_t batch_size = 256;                 // articles per transaction
  std::chrono::seconds lock_timeout{600};  // the wait for another writer's claim on the stories
  // Told who holds the stories' claim (another ingest) before the pipeline waits for it.
  std::function<void(const std::string& holder)> on_lock_wait;
  // Told each article's fate once the store has decided it (after its batch is
  // committed): every added article, new or a new version, every one refused, every one
  // found stored already (at Add, with article_id 0, or at write time).
  std::function<void(const Article& article, const AddResult& result)> on_result;
};

// Step 2 for one article: its language, then its analysis, hash and fingerprint.
PreparedArticle AnalyzeArticle(const ArticleAnalyzer& analyzer, Article article);

struct IngestTally {
  size_t read = 0;
  size_t added = 0;
  size_t updated = 0;  // new versions of stored articles
  size_t linked = 0;   // new articles linked to a near-duplicate family
  size_t unchanged = 0;
  size_t failed = 0;  // articles the store refused
};

class IngestPipeline {
 public:
  // Loads the models, opens (creating if needed) the store, claims its stories (waiting
  // up to `lock_timeout`), places what an interrupted run left unplaced and restores the
  // linker. Throws std::exception (StoreError, a model's error) when any of it fails.
  explicit IngestPipeline(IngestPipelineOptions options);
  ~IngestPipeline();
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // Takes one article. False, without taking it, once the store has failed.
  bool Add(Article&& article);

  // Takes one article analyzed elsewhere (AnalyzeArticle), after every article taken
  // before it. Skipped, as Add skips it, when the store has it. False, without taking
  // it, once the store has failed.
  bool AddAnalyzed(PreparedArticle&& prepared);

  // Stores and places every article taken so far; the stories are saved when due.
  // Returns the store's error, if any (then and ever after).
  std::optional<std::string> StoreTaken();

  // Stores and places every article taken so far and saves the stories, so that readers
  // see them. Returns the store's error, if any (then and ever after).
  std::optional<std::string> Commit();

  // Commit, once the last article is taken.
  std::optional<std::string> Finish() { return Commit(); }

  // How many stored articles the constructor placed because an earlier run had not.
  size_t replayed() const { return stories_->replayed(); }
  const IngestTally& tally() const { return tally_; }
  // The store, for what a command keeps beside the articles (follow's feed state); used
  // on the thread that calls the pipeline, never while an Add or Commit runs.
  Store& store() { return *store_; }

 private:
  using AnalysisMap = OrderedParallelMap<Article, PreparedArticle>;

  std::unique_ptr<AnalysisMap> NewAnalysisMap();
  // Every article taken is analyzed and in the batch.
  void Drain();
  // Counts (and reports) an article the store has; false when it does not.
  bool SkipKnown(const Article& article, const ContentHash& hash);
  void Collect(PreparedArticle&& prepared);
  void Flush();
  void Count(const AddResult& result);

  IngestPipelineOptions options_;
  std::shared_ptr<const ArticleAnalyzer> analyzer_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<StoryUpdater> stories_;
  std::unique_ptr<CorpusEntityLinker> linker_;
  IngestTally tally_;
  std::vector<PreparedArticle> batch_;
  std::optional<std::string> store_error_;
  std::unique_ptr<AnalysisMap> analysis_;  // last: stops before the rest; null once drained
};

}  // namespace storyline
