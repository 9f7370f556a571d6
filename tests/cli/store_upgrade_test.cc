// A store the previous release wrote goes on working: tests/data/store/
// seeds-000-002.step5.db.gz is `storyline ingest` of the first three seed articles by the
// build of commit caba098 (schema step 5, story clustering state version 2, features
// interned as strings). Opened by this build it is upgraded (schema steps 6 and 7, the
// state re-hashed) and clustering resumes where it stopped: after the last two seeds are
// added, its stories and events are those of one run of this build over all five.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../store/gunzip_fixture.h"
#include "../support/test_paths.h"
#include "command_runner.h"

namespace storyline {
namespace {

using testing::GunzipFixture;
using testing::RunStoryline;

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("storyline-upgrade-" + std::to_string(::getpid()) + "-" + name);
}

// Lines [first, end) of the seeds file, written to `to`.
void WriteSeedLines(size_t first, size_t end, const std::filesystem::path& to) {
  std::ifstream in(std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl");
  std::ofstream out(to);
  std::string line;
  for (size_t i = 0; std::getline(in, line); ++i) {
    if (i >= first && i < end) out << line << '\n';
  }
}

// What the stories hold, without ids or labels: each story's articles, and each event's
// type, date and articles.
using EventShape = std::tuple<std::string, std::string, std::set<std::string>>;
using StoryShape = std::pair<std::set<std::string>, std::set<EventShape>>;

std::set<StoryShape> Shapes(const std::filesystem::path& db) {
  const auto result = RunStoryline("stories --db " + db.string() + " --json");
  EXPECT_EQ(result.status, 0) << result.err;
  const auto parsed = nlohmann::json::parse(result.out);
  std::set<StoryShape> shapes;
  for (const auto& story : parsed["stories"]) {
    StoryShape shape;
    for (const auto& article : story["articles"]) shape.first.insert(article.get<std::string>());
    for (const auto& event : story["events"]) {
      std::set<std::string> articles;
      for (const auto& article : event["articles"]) articles.insert(article.get<std::string>());
      shape.second.emplace(event["type"].get<std::string>(),
                           event["date"].is_null() ? "" : event["date"].get<std::string>(),
                           std::move(articles));
    }
    shapes.insert(std::move(shape));
  }
  return shapes;
}

// The previous release's store of the first three seeds with the last two ingested into it
// by this build, beside a store this build wrote of all five; removed when it goes.
class OldAndFreshStores {
 public:
  explicit OldAndFreshStores(const std::string& name)
      : old_store_(TempPath(name + "-old.db")),
        fresh_store_(TempPath(name + "-fresh.db")),
        last_two_(TempPath(name + "-last-two.jsonl")) {
    std::filesystem::remove(fresh_store_);
    GunzipFixture(std::string(storyline::test_paths::SourceDir()) +
                      "/tests/data/store/seeds-000-002.step5.db.gz",
                  old_store_);
    WriteSeedLines(3, 5, last_two_);
    const auto resumed =
        RunStoryline("ingest --db " + old_store_.string() + " " + last_two_.string());
    EXPECT_EQ(resumed.status, 0) << resumed.err;
    const std::string seeds =
        std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl";
    EXPECT_EQ(RunStoryline("ingest --db " + fresh_store_.string() + " " + seeds).status, 0);
  }
  ~OldAndFreshStores() {
    for (const auto& path : {old_store_, fresh_store_, last_two_}) {
      for (const char* suffix : {"", "-stories.lock"}) {
        std::filesystem::remove(path.string() + suffix);
      }
    }
  }
  const std::filesystem::path& old_store() const { return old_store_; }
  const std::filesystem::path& fresh_store() const { return fresh_store_; }

 private:
  std::filesystem::path old_store_, fresh_store_, last_two_;
};

TEST(StoreUpgradeTest, APreviousReleasesStoreUpgradesAndResumesClustering) {
  const OldAndFreshStores stores("resume");
  const std::set<StoryShape> upgraded = Shapes(stores.old_store());
  ASSERT_EQ(upgraded.size(), 1u);
  EXPECT_EQ(upgraded.begin()->first.size(), 5u);
  EXPECT_EQ(upgraded, Shapes(stores.fresh_store()));
}

int64_t SearchIndexSegments(const std::filesystem::path& db) {
  sqlite3* handle = nullptr;
  sqlite3_stmt* query = nullptr;
  int64_t segments = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(handle, "SELECT count(DISTINCT segid) FROM articles_fts_idx", -1, &query,
                         nullptr) == SQLITE_OK &&
      sqlite3_step(query) == SQLITE_ROW) {
    segments = sqlite3_column_int64(query, 0);
  }
  sqlite3_finalize(query);
  sqlite3_close(handle);
  return segments;
}

// The hits' article ids of `search --json ARGS` on `db`.
std::set<std::string> Hits(const std::filesystem::path& db, const std::string& args) {
  const auto result = RunStoryline("search --db " + db.string() + " --json " + args);
  EXPECT_EQ(result.status, 0) << result.err;
  const auto parsed = nlohmann::json::parse(result.out);
  std::set<std::string> ids;
  for (const auto& hit : parsed["hits"]) {
    ids.insert(hit["article"].get<std::string>());
  }
  return ids;
}

// A store written before the search filters had sets of their own (schema step 13) reads
// them from its old mentions, and `upgrade --compact` leaves its search index in one
// segment, finding what it found before.
TEST(StoreUpgradeTest, UpgradeCompactsTheSearchIndexAndFiltersReadOldMentions) {
  const OldAndFreshStores stores("compact");
  const std::filesystem::path& old_store = stores.old_store();
  ASSERT_GT(SearchIndexSegments(old_store), 1);
  const std::string by_entity = "call --entity \"Joe Biden\"";
  const std::set<std::string> before = Hits(old_store, by_entity);
  // 000 and 001 were stored by the old build (their mentions reach the sets by the
  // migration), 004 by this one (by the trigger).
  for (const char* id : {"000", "001", "004"}) EXPECT_EQ(before.count(id), 1u) << id;

  const auto compacted = RunStoryline("upgrade --compact --db " + old_store.string());
  ASSERT_EQ(compacted.status, 0) << compacted.err;
  EXPECT_NE(compacted.err.find("compacted the search index"), std::string::npos) << compacted.err;
  EXPECT_EQ(SearchIndexSegments(old_store), 1);
  EXPECT_EQ(Hits(old_store, by_entity), before);
  const std::set<std::string> newsmax = Hits(old_store, "hamas --source newsmax");
  EXPECT_EQ(newsmax, std::set<std::string>{"002"});
  EXPECT_EQ(newsmax, Hits(stores.fresh_store(), "hamas --source newsmax"));
}

}  // namespace
}  // namespace storyline
