// The distributed ingest end to end, with real servers on loopback: a NATS server with
// JetStream and a PostgreSQL server of the test's own. `produce` publishes the seeds,
// the store tests' articles and a few hundred generated ones; three `worker`s analyze
// and store them, and the one applying is killed with SIGKILL mid-run. The store they
// leave must read as a single-process `ingest` of the same input into SQLite does:
// stories, events, quotations and entity ids, as `stories`, `timeline` and `quotes`
// print them with --json.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../cli/command_runner.h"
#include "../support/nats_test_server.h"
#include "../support/pg_test_server.h"
#include "../support/test_paths.h"
#include "dist/nats_client.h"
#include "store/store.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using storyline::testing::NatsTestServer;
using storyline::testing::PgServerEnvironment;
using storyline::testing::RunStoryline;

::testing::Environment* const kServer =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The storyline binary with `args`, as a child that dies with the test; stderr (and
// stdout) to `log`.
pid_t Spawn(std::vector<std::string> args, const fs::path& log) {
  args.insert(args.begin(), test_paths::StorylineBinary());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return child;
}

// The exit status of `pid`, waiting at most `limit`; -1 (and the child killed) past it.
int WaitFor(pid_t pid, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return -1;
}

class DistIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyline-dist-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string generated = (dir_ / "generated.jsonl").string();
    const std::string generate = "python3 " + std::string(test_paths::SourceDir()) +
                                 "/bench/generate_corpus.py --articles 300 --seed 19 --out " +
                                 generated;
    ASSERT_EQ(std::system(generate.c_str()), 0);
    inputs_ = std::string(test_paths::SharedDir()) + "/seeds/seeds.jsonl " +
              test_paths::SourceDir() + "/tests/data/store/articles.jsonl " + generated;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // What the readers print of store `db`.
  static std::string Readers(const std::string& db) {
    std::string all;
    for (const char* command : {"stories", "timeline", "quotes"}) {
      const auto result = RunStoryline(std::string(command) + " --db '" + db + "' --json");
      EXPECT_EQ(result.status, 0) << command << ": " << result.err;
      all += std::string(command) + ":\n" + result.out + "\n";
    }
    return all;
  }

  fs::path dir_;
  std::string inputs_;
};

TEST_F(DistIngestTest, ThreeWorkersOneKilledMidRunStoreWhatASingleProcessIngestStores) {
  NatsTestServer nats;
  const std::string db = PgServerEnvironment::Server().NewDatabase("dist");

  const auto produced = RunStoryline("produce --nats " + nats.Url() + " " + inputs_);
  ASSERT_EQ(produced.status, 0) << produced.err;
  uint64_t total = 0;
  std::string position;
  {
    NatsClient client(nats.Url());
    total = client.LastSequence(kArticlesStream);
    position = client.PositionName();
  }
  ASSERT_GT(total, 300u);
  // Produced again: the message ids (content hashes) keep every article out.
  const auto again = RunStoryline("produce --nats " + nats.Url() + " " + inputs_);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("published 0 articles"), std::string::npos) << again.err;

  std::vector<pid_t> workers;
  for (int i = 0; i < 3; ++i) {
    workers.push_back(Spawn({"worker", "--nats", nats.Url(), "--db", db, "--threads", "1",
                             "--fetch", "4", "--ack-wait", "2", "--until-done"},
                            dir_ / ("worker" + std::to_string(i) + ".log")));
  }
  // The applier is killed once it has saved a position, with articles still to go.
  std::unique_ptr<Store> store = OpenStore(db);
  int applier = -1;
  uint64_t applied_at_kill = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (applier < 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    applied_at_kill = store->LoadStreamPosition(position).applied_through;
    if (applied_at_kill == 0) continue;
    for (int i = 0; i < 3; ++i) {
      if (ReadFile(dir_ / ("worker" + std::to_string(i) + ".log")).find("applying") !=
          std::string::npos) {
        applier = i;
      }
    }
  }
  ASSERT_GE(applier, 0) << "no worker applied anything";
  ASSERT_EQ(::kill(workers[applier], SIGKILL), 0);
  EXPECT_LT(applied_at_kill, total) << "killed after the end: nothing left to take over";
  ::waitpid(workers[applier], nullptr, 0);

  bool taken_over = false;
  for (int i = 0; i < 3; ++i) {
    if (i == applier) continue;
    const fs::path log = dir_ / ("worker" + std::to_string(i) + ".log");
    EXPECT_EQ(WaitFor(workers[i], std::chrono::seconds(180)), 0) << ReadFile(log);
    taken_over |= ReadFile(log).find("applying") != std::string::npos;
  }
  EXPECT_TRUE(taken_over) << "no surviving worker took the stories' claim";
  EXPECT_EQ(store->LoadStreamPosition(position).applied_through, total);

  const std::string reference = (dir_ / "reference.db").string();
  const auto ingested = RunStoryline("ingest --db " + reference + " " + inputs_);
  ASSERT_EQ(ingested.status, 0) << ingested.err;
  EXPECT_EQ(store->Counts().articles, OpenStore(reference, OpenMode::kReadOnly)->Counts().articles);
  EXPECT_EQ(Readers(db), Readers(reference));
}

}  // namespace
}  // namespace storyline
