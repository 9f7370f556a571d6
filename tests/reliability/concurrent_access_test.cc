// Readers beside writers: `search` (and `stories`, where this build has it) run again and
// again while two `ingest` processes write the same store. Every reader exits 0 without
// "database is locked", sees a committed snapshot that only grows, and the writers
// together store each article exactly once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../cli/command_runner.h"
#include "reliability_support.h"

namespace storyline::reliability {
namespace {

using storyline::testing::CommandResult;
using storyline::testing::RunStoryline;

constexpr int kSeeded = 300;
constexpr int kIngested = 1500;

bool HasCommand(const std::string& name) {
  return RunStoryline("--help").out.find(name) != std::string::npos;
}

// Hits of a query every generated article matches.
long CountHits(const fs::path& db) {
  const CommandResult result =
      RunStoryline("search --db " + db.string() + " council --limit 10000 --json");
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err.find("locked"), std::string::npos) << result.err;
  const auto json = nlohmann::json::parse(result.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(json.is_object() && json.contains("hits")) << result.out.substr(0, 200);
  return json.is_object() && json.contains("hits") ? long(json["hits"].size()) : -1;
}

void CheckStories(const fs::path& db) {
  const CommandResult result = RunStoryline("stories --db " + db.string() + " --json");
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err.find("locked"), std::string::npos) << result.err;
  const auto json = nlohmann::json::parse(result.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(json.is_object() && json.contains("stories")) << result.out.substr(0, 200);
}

TEST(ConcurrentAccessTest, ReadersNeverSeeLocksOrShrinkingResultsWhileTwoIngestsWrite) {
  ScratchDir dir("storyline-concurrent");
  const fs::path db = dir / "store.db";
  WriteCorpus(dir / "seed.jsonl", kSeeded);
  WriteCorpus(dir / "more.jsonl", kIngested, kSeeded);
  const CommandResult seeded =
      RunStoryline("ingest --db " + db.string() + " " + (dir / "seed.jsonl").string());
  ASSERT_EQ(seeded.status, 0) << seeded.err;
  const bool has_stories = HasCommand("stories");

  const std::vector<std::string> args = {"ingest",    "--db", db.string(),
                                         "--threads", "1",    (dir / "more.jsonl").string()};
  ChildProcess first(args, dir / "out1", dir / "err1");
  ChildProcess second(args, dir / "out2", dir / "err2");
  long previous = CountHits(db);
  EXPECT_GE(previous, kSeeded);
  int reads = 0;
  while (first.running() || second.running()) {
    const long hits = CountHits(db);
    EXPECT_GE(hits, previous) << "a reader saw fewer articles than before";
    previous = hits;
    if (has_stories) CheckStories(db);
    ++reads;
  }
  for (ChildProcess* writer : {&first, &second}) {
    EXPECT_EQ(writer->Wait(), 0) << writer->Stderr();
    EXPECT_EQ(writer->Stderr().find("locked"), std::string::npos) << writer->Stderr();
  }
  RecordProperty("reads_during_ingest", reads);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(CountHits(db), kSeeded + kIngested);
  StoreInspector store(db);
  EXPECT_EQ(store.Count("SELECT count(*) FROM articles"), kSeeded + kIngested);
  EXPECT_EQ(store.Count("SELECT count(DISTINCT external_id) FROM articles"), kSeeded + kIngested);
  if (has_stories) CheckStories(db);
}

// Two ingests of different articles at once: the second to claim the store's stories
// waits for the first and clusters on top of what it saved, so every article stored ends
// up in exactly one story (without the claim, the last save would drop the other's).
TEST(ConcurrentAccessTest, TwoIngestsOfDifferentArticlesClusterEveryArticleOnce) {
  ScratchDir dir("storyline-concurrent-stories");
  const fs::path db = dir / "store.db";
  constexpr int kEach = 400;
  WriteCorpus(dir / "seed.jsonl", kSeeded);
  WriteCorpus(dir / "first.jsonl", kEach, kSeeded);
  WriteCorpus(dir / "second.jsonl", kEach, kSeeded + kEach);
  const CommandResult seeded =
      RunStoryline("ingest --db " + db.string() + " " + (dir / "seed.jsonl").string());
  ASSERT_EQ(seeded.status, 0) << seeded.err;

  auto ingest = [&](const std::string& input) {
    return std::vector<std::string>{"ingest",    "--db", db.string(),
                                    "--threads", "1",    (dir / input).string()};
  };
  ChildProcess first(ingest("first.jsonl"), dir / "out1", dir / "err1");
  ChildProcess second(ingest("second.jsonl"), dir / "out2", dir / "err2");
  for (ChildProcess* writer : {&first, &second}) {
    EXPECT_EQ(writer->Wait(), 0) << writer->Stderr();
  }
  StoreInspector store(db);
  const long articles = store.Count("SELECT count(*) FROM articles");
  EXPECT_EQ(articles, kSeeded + 2 * kEach);
  EXPECT_EQ(store.Count("SELECT count(*) FROM story_articles"), articles);
  EXPECT_EQ(store.Count("SELECT count(DISTINCT article) FROM story_articles"), articles);
}

}  // namespace
}  // namespace storyline::reliability
