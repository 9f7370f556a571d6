// Crash safety of `storyline ingest`: the process is SIGKILLed at random points (fixed
// seed) while it writes a store; after every kill the file must pass SQLite's and FTS5's
// integrity checks, keep every article an earlier round committed, and hold no article
// twice; a final uninterrupted run must then complete the corpus exactly once.
#include <gtest/gtest.h>

#include <random>

#include "reliability_support.h"

namespace storyline::reliability {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kArticles = 2000;
constexpr int kRounds = 8;

struct StoreState {
  long articles = 0;
  long distinct_ids = 0;
  long distinct_hashes = 0;
};

// Checks what any crash must leave intact, and returns the article counts.
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

TEST(IngestCrashTest, KilledIngestLosesNothingCommittedAndResumesExactlyOnce) {
  ScratchDir dir("storyline-crash");
  const fs::path input = dir / "corpus.jsonl";
  const int distinct = WriteCorpus(input, kArticles);

  // An uninterrupted run sets the time scale for the kills and the expected end state.
  const auto start = Clock::now();
  ChildProcess calibration(IngestArgs(dir / "reference.db", input), dir / "out", dir / "err");
  ASSERT_EQ(calibration.Wait(), 0) << calibration.Stderr();
  const double full_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_EQ(CheckConsistent(dir / "reference.db").articles, distinct);

  const fs::path db = dir / "crashed.db";
  std::mt19937 random(20241127);
  std::uniform_real_distribution<double> fraction(0.05, 0.95);
  long committed = 0;
  int interrupted_mid_corpus = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    // Even rounds kill as soon as a new batch is visible, so some kills always land
    // mid-corpus however fast or slow the machine runs the ingest. Odd rounds kill at a
    // random time, so kills land anywhere, mid-transaction too.
    const bool after_commit = round % 2 == 0;
    // Later rounds skip what is stored, so they are killed sooner.
    const double left = std::max(0.2, 1.0 - double(committed) / distinct);
    const auto delay = std::chrono::duration<double>(full_seconds * left * fraction(random));
    ChildProcess ingest(IngestArgs(db, input), dir / "out", dir / "err");
    const auto deadline = Clock::now() + delay;
    while (ingest.running() &&
           (after_commit ? StoredArticles(db) <= committed : Clock::now() < deadline)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const bool killed = ingest.running();
    if (killed) ingest.Kill();
    if (!fs::exists(db)) continue;  // killed before the store was created
    const StoreState state = CheckConsistent(db);
    EXPECT_GE(state.articles, committed) << "a kill lost articles an earlier run committed";
    if (!killed) {
      EXPECT_EQ(state.articles, distinct) << ingest.Stderr();
    }
    interrupted_mid_corpus += killed && state.articles > committed && state.articles < distinct;
    committed = state.articles;
    if (committed == distinct) {
      // A run finished before its kill (the machine ran faster than the calibration):
      // start over on a fresh store so the remaining kills still land mid-corpus.
      RemoveDatabase(db);
      committed = 0;
    }
  }
  RecordProperty("full_ingest_seconds", std::to_string(full_seconds));
  RecordProperty("kills_mid_corpus", interrupted_mid_corpus);
  EXPECT_GT(interrupted_mid_corpus, 0) << "no kill landed while articles were being written";

  ChildProcess resume(IngestArgs(db, input), dir / "out", dir / "err");
  ASSERT_EQ(resume.Wait(), 0) << resume.Stderr();
  const StoreState final_state = CheckConsistent(db);
  EXPECT_EQ(final_state.articles, distinct);
  EXPECT_EQ(final_state.distinct_ids, distinct);

  // Idempotent: one more run over a complete store adds nothing.
  ChildProcess again(IngestArgs(db, input), dir / "out", dir / "err");
  ASSERT_EQ(again.Wait(), 0) << again.Stderr();
  EXPECT_NE(again.Stderr().find("(0 new"), std::string::npos) << again.Stderr();
  EXPECT_EQ(CheckConsistent(db).articles, distinct);
}

}  // namespace
}  // namespace storyline::reliability
