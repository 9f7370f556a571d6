// Crash safety of `storyline ingest`: the process is stopped at random points (fixed
// seed) while it writes a store, by SIGKILL (a crash, an OOM kill), SIGTERM (a service
// stop, `timeout`) or SIGINT (Ctrl-C). After every stop the file must pass SQLite's and
// FTS5's integrity checks, keep every article an earlier round committed, hold no
// article twice and place none in two stories; a SIGTERM or SIGINT must leave every
// article it stored placed. A final run must then complete the corpus: every article
// stored once, in exactly one story, and the stories those of one uninterrupted run.
#include <gtest/gtest.h>

#include <random>

#include "reliability_support.h"

namespace storyline::reliability {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kArticles = 1000;
constexpr int kRounds = 20;

struct StoreState {
  long articles = 0;
  long distinct_ids = 0;
  long distinct_hashes = 0;
  long placed = 0;  // article rows in stories
};

// Checks what any stop must leave intact, and returns the counts.
StoreState CheckConsistent(const fs::path& db) {
  StoreInspector store(db);
  EXPECT_EQ(store.Query("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(store.Query("PRAGMA foreign_key_check"), "") << "rows pointing at missing articles";
  StoreState state;
  if (store.Count("SELECT count(*) FROM sqlite_master WHERE name = 'articles'") == 0) {
    return state;  // killed before its schema transaction committed: an empty database
  }
  EXPECT_EQ(
      store.Query("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"), "")
      << "full-text index out of step with the articles";
  state.articles = store.Count("SELECT count(*) FROM articles");
  state.distinct_ids = store.Count("SELECT count(DISTINCT external_id) FROM articles");
  state.distinct_hashes = store.Count("SELECT count(DISTINCT content_hash) FROM articles");
  EXPECT_EQ(state.articles, state.distinct_ids) << "an article stored twice";
  EXPECT_EQ(state.articles, state.distinct_hashes) << "an article stored twice";
  state.placed = store.Count("SELECT count(*) FROM story_articles");
  EXPECT_EQ(state.placed, store.Count("SELECT count(DISTINCT article) FROM story_articles"))
      << "an article placed in two stories, or twice in one";
  EXPECT_EQ(store.Count("SELECT count(*) FROM story_articles WHERE article NOT IN "
                        "(SELECT external_id FROM articles)"),
            0)
      << "a story names an article the store does not hold";
  return state;
}

// Articles a reader sees committed now; 0 before the schema exists.
long StoredArticles(const fs::path& db) {
  if (!fs::exists(db)) return 0;
  StoreInspector store(db);
  if (store.Count("SELECT count(*) FROM sqlite_master WHERE name = 'articles'") == 0) return 0;
  return store.Count("SELECT count(*) FROM articles");
}

// Deletes a store with its write-ahead log and shared-memory index.
void RemoveDatabase(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) fs::remove(db.string() + suffix);
}

std::vector<std::string> IngestArgs(const fs::path& db, const fs::path& input) {
  return {"ingest", "--db", db.string(), input.string()};
}

std::string StoriesJson(const fs::path& db, const ScratchDir& dir) {
  ChildProcess stories({"stories", "--db", db.string(), "--json"}, dir / "stories.json",
                       dir / "stories.err");
  EXPECT_EQ(stories.Wait(), 0) << stories.Stderr();
  std::ifstream in(dir / "stories.json");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// How round `round` stops its ingest: SIGKILL as soon as a new batch is visible (so some
// kills always land mid-corpus however fast the machine is), SIGKILL at a random time
// (mid-transaction too), SIGTERM or SIGINT at a random time.
int StopSignal(int round) {
  switch (round % 4) {
    case 0:
    case 1:
      return SIGKILL;
    case 2:
      return SIGTERM;
    default:
      return SIGINT;
  }
}

TEST(IngestCrashTest, StoppedIngestsLoseNothingAndResumeToTheStoriesOfOneRun) {
  ScratchDir dir("storyline-crash");
  const fs::path input = dir / "corpus.jsonl";
  const int distinct = WriteCorpus(input, kArticles);

  // An uninterrupted run sets the time scale for the stops and the expected end state.
  const auto start = Clock::now();
  ChildProcess calibration(IngestArgs(dir / "reference.db", input), dir / "out", dir / "err");
  ASSERT_EQ(calibration.Wait(), 0) << calibration.Stderr();
  const double full_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_EQ(CheckConsistent(dir / "reference.db").placed, distinct);
  const std::string one_run = StoriesJson(dir / "reference.db", dir);

  const fs::path db = dir / "crashed.db";
  std::mt19937 random(20241127);
  std::uniform_real_distribution<double> fraction(0.05, 0.95);
  long committed = 0;
  int stopped_mid_corpus = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const int signal = StopSignal(round);
    const bool after_commit = round % 4 == 0;
    // Later rounds skip what is stored, so they are stopped sooner.
    const double left = std::max(0.2, 1.0 - double(committed) / distinct);
    const auto delay = std::chrono::duration<double>(full_seconds * left * fraction(random));
    ChildProcess ingest(IngestArgs(db, input), dir / "out", dir / "err");
    const auto deadline = Clock::now() + delay;
    while (ingest.running() &&
           (after_commit ? StoredArticles(db) <= committed : Clock::now() < deadline)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const bool stopped = ingest.running();
    if (stopped) ingest.Signal(signal);
    const int status = ingest.Wait();
    if (!fs::exists(db)) continue;  // stopped before the store was created
    const StoreState state = CheckConsistent(db);
    EXPECT_GE(state.articles, committed) << "a stop lost articles an earlier run committed";
    if (!stopped) {
      EXPECT_EQ(status, 0) << ingest.Stderr();
      EXPECT_EQ(state.articles, distinct) << ingest.Stderr();
    }
    if (stopped && signal != SIGKILL && status != -1) {
      // Stopped by SIGTERM or SIGINT after its claim: it finished what it had in hand. A
      // stop that lands after the run's last check (while it exits) finds nothing left to
      // stop: that run ends 0 with everything stored and placed.
      const bool completed = state.articles == distinct && state.placed == distinct;
      if (!(completed && status == 0)) {
        EXPECT_EQ(status, 128 + signal) << ingest.Stderr();
      }
      EXPECT_EQ(state.placed, state.articles) << "a clean stop left stored articles unplaced";
    }
    stopped_mid_corpus += stopped && state.articles > committed && state.articles < distinct;
    committed = state.articles;
    if (committed == distinct && state.placed == distinct) {
      // A run finished before its stop (the machine ran faster than the calibration):
      // start over on a fresh store so the remaining stops still land mid-corpus.
      RemoveDatabase(db);
      committed = 0;
    }
  }
  RecordProperty("full_ingest_seconds", std::to_string(full_seconds));
  RecordProperty("stops_mid_corpus", stopped_mid_corpus);
  EXPECT_GT(stopped_mid_corpus, 0) << "no stop landed while articles were being written";

  ChildProcess resume(IngestArgs(db, input), dir / "out", dir / "err");
  ASSERT_EQ(resume.Wait(), 0) << resume.Stderr();
  const StoreState final_state = CheckConsistent(db);
  EXPECT_EQ(final_state.articles, distinct);
  EXPECT_EQ(final_state.placed, distinct) << "articles in no story after the resume";
  EXPECT_EQ(StoriesJson(db, dir), one_run) << "the stories differ from one uninterrupted run's";

  // Idempotent: one more run over a complete store adds nothing.
  ChildProcess again(IngestArgs(db, input), dir / "out", dir / "err");
  ASSERT_EQ(again.Wait(), 0) << again.Stderr();
  EXPECT_NE(again.Stderr().find("(0 new"), std::string::npos) << again.Stderr();
  EXPECT_EQ(CheckConsistent(db).articles, distinct);
}

}  // namespace
}  // namespace storyline::reliability
