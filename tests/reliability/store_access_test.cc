// What the commands may do to a store file: readers (stories, timeline, quotes, compare,
// search) open it read-only, so they work on a store nobody may write and never turn a
// file they were given into a store (an empty file, another application's database, an
// older store); `upgrade` is the one way to bring an older store up to date. A store in
// memory is refused, since nothing done to it would last, and a second ingest waiting
// for the first says which process it waits for and gives up after --lock-timeout.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "../store/gunzip_fixture.h"
#include "../support/test_paths.h"
#include "reliability_support.h"
#include "store/file_lock.h"

namespace storyline::reliability {
namespace {

const std::string kSeeds = std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct ProgramRun {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (a program and its arguments), stdout and stderr to files in `dir`.
ProgramRun RunProgram(const ScratchDir& dir, const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen((dir / "run.out").c_str(), "w", stdout);
    std::freopen((dir / "run.err").c_str(), "w", stderr);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int raw = 0;
  waitpid(pid, &raw, 0);
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(dir / "run.out"),
          ReadFile(dir / "run.err")};
}

ProgramRun RunStoryline(const ScratchDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), storyline::test_paths::StorylineBinary());
  return RunProgram(dir, args);
}

// Every reader, as a user would run it on `db`.
std::vector<std::vector<std::string>> ReaderCommands(const fs::path& db) {
  const std::string path = db.string();
  return {{"stories", "--db", path, "--json"},
          {"stories", "--db", path, "--story", "1"},
          {"timeline", "--db", path, "--json"},
          {"quotes", "--db", path, "--json"},
          {"compare", "--db", path, "--story", "1", "--json"},
          {"search", "--db", path, "Netanyahu", "--json"}};
}

void ExpectOneLineError(const ProgramRun& run) {
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST(StoreAccessTest, ReadersLeaveAnEmptyFileEmpty) {
  ScratchDir dir("storyline-access-empty");
  const fs::path db = dir / "empty.db";
  std::ofstream(db).close();
  for (const auto& command : ReaderCommands(db)) {
    SCOPED_TRACE(command[0]);
    const ProgramRun run = RunStoryline(dir, command);
    ExpectOneLineError(run);
    EXPECT_NE(run.err.find("not a storyline store"), std::string::npos) << run.err;
    EXPECT_EQ(fs::file_size(db), 0u) << "a reader wrote into the file it was given";
  }
}

TEST(StoreAccessTest, AnotherApplicationsDatabaseIsNeverChanged) {
  ScratchDir dir("storyline-access-foreign");
  const fs::path db = dir / "foreign.db";
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  const std::string before = ReadFile(db);
  auto commands = ReaderCommands(db);
  commands.push_back({"ingest", "--db", db.string(), kSeeds});
  commands.push_back({"upgrade", "--db", db.string()});
  for (const auto& command : commands) {
    SCOPED_TRACE(command[0]);
    ExpectOneLineError(RunStoryline(dir, command));
    EXPECT_EQ(ReadFile(db), before) << "the foreign database was changed";
    EXPECT_FALSE(fs::exists(db.string() + "-wal")) << "the foreign database was put in WAL mode";
  }
}

// The command line that runs storyline as a user who may not write the store. As root,
// permissions do not stop writes: the readers then run as `nobody`, from a copy of the
// binary that user may execute.
std::vector<std::string> AsUserWhoCannotWrite(const ScratchDir& dir) {
  if (geteuid() != 0) return {storyline::test_paths::StorylineBinary()};
  const fs::path copy = dir / "storyline-copy";
  fs::copy_file(storyline::test_paths::StorylineBinary(), copy);
  return {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", copy.string()};
}

TEST(StoreAccessTest, ReadersWorkOnAStoreNobodyMayWrite) {
  ScratchDir dir("storyline-access-readonly");
  const fs::path store_dir = dir / "store";
  fs::create_directories(store_dir);
  const fs::path db = store_dir / "seeds.db";
  ASSERT_EQ(RunStoryline(dir, {"ingest", "--db", db.string(), kSeeds}).status, 0);
  fs::remove(db.string() + "-stories.lock");
  ASSERT_FALSE(fs::exists(db.string() + "-wal")) << "ingest left its write-ahead log";
  std::vector<std::string> writable;
  for (const auto& command : ReaderCommands(db)) {
    writable.push_back(RunStoryline(dir, command).out);
  }
  const std::vector<std::string> as_reader = AsUserWhoCannotWrite(dir);
  const auto read_and_execute = fs::perms::owner_read | fs::perms::owner_exec |
                                fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(dir / "", read_and_execute | fs::perms::owner_write);
  fs::permissions(store_dir, read_and_execute);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string before = ReadFile(db);
  const auto commands = ReaderCommands(db);
  for (size_t i = 0; i < commands.size(); ++i) {
    SCOPED_TRACE(commands[i][0] + " " + commands[i][3]);
    std::vector<std::string> argv = as_reader;
    argv.insert(argv.end(), commands[i].begin(), commands[i].end());
    const ProgramRun run = RunProgram(dir, argv);
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, writable[i]);
    EXPECT_FALSE(writable[i].empty());
  }
  EXPECT_EQ(ReadFile(db), before);
  fs::permissions(store_dir, fs::perms::owner_all);
}

TEST(StoreAccessTest, ReadersRefuseAnOlderStoreAndUpgradeBringsItUpToDate) {
  ScratchDir dir("storyline-access-older");
  const fs::path db = dir / "older.db";
  storyline::testing::GunzipFixture(std::string(storyline::test_paths::SourceDir()) +
                                        "/tests/data/store/seeds-000-002.step5.db.gz",
                                    db);
  const std::string before = ReadFile(db);
  for (const auto& command : ReaderCommands(db)) {
    SCOPED_TRACE(command[0]);
    const ProgramRun run = RunStoryline(dir, command);
    ExpectOneLineError(run);
    EXPECT_NE(run.err.find("storyline upgrade --db"), std::string::npos) << run.err;
    EXPECT_EQ(ReadFile(db), before) << "a reader upgraded the store";
  }
  const ProgramRun upgrade = RunStoryline(dir, {"upgrade", "--db", db.string()});
  ASSERT_EQ(upgrade.status, 0) << upgrade.err;
  const ProgramRun stories = RunStoryline(dir, {"stories", "--db", db.string(), "--json"});
  EXPECT_EQ(stories.status, 0) << stories.err;
  EXPECT_NE(stories.out.find("\"articles\""), std::string::npos) << stories.out;
}

TEST(StoreAccessTest, AStoreInMemoryIsRefused) {
  ScratchDir dir("storyline-access-memory");
  for (const std::string db : {":memory:", "file::memory:?cache=shared"}) {
    SCOPED_TRACE(db);
    ExpectOneLineError(RunStoryline(dir, {"ingest", "--db", db, kSeeds}));
    ExpectOneLineError(RunStoryline(dir, {"stories", "--db", db}));
    ExpectOneLineError(RunStoryline(dir, {"search", "--db", db, "Biden"}));
  }
}

TEST(StoreAccessTest, AWaitingIngestNamesTheHolderAndGivesUpAfterTheLockTimeout) {
  ScratchDir dir("storyline-access-lock");
  const fs::path db = dir / "busy.db";
  const ExclusiveFileLock held(db.string() + "-stories.lock", {});
  const ProgramRun run =
      RunStoryline(dir, {"ingest", "--db", db.string(), "--lock-timeout", "1", kSeeds});
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("process " + std::to_string(getpid())), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("giving up"), std::string::npos) << run.err;
  StoreInspector store(db);
  EXPECT_EQ(store.Count("SELECT count(*) FROM articles"), 0)
      << "it added articles without the claim";
}

}  // namespace
}  // namespace storyline::reliability
