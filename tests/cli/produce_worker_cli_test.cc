// `produce` and `worker` given what they cannot use: a one-line error, a non-zero status,
// and nothing written (the tests with a real NATS server are in tests/dist/).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "command_runner.h"

namespace storyline {
namespace {

using testing::RunStoryline;

// Port 1 on loopback: nothing listens there.
constexpr const char* kNoServer = "nats://127.0.0.1:1";

class ProduceWorkerCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-produce-worker-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    input_ = (dir_ / "articles.jsonl").string();
    std::ofstream(input_) << R"({"id": "a", "text": "The council met on Monday."})"
                          << "\n";
    db_ = (dir_ / "store.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static int LineCount(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }

  std::filesystem::path dir_;
  std::string input_;
  std::string db_;
};

TEST_F(ProduceWorkerCliTest, ProduceToAnUnreachableServerIsAOneLineError) {
  const auto result = RunStoryline(std::string("produce --nats ") + kNoServer + " " + input_);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(LineCount(result.err), 1) << result.err;
  EXPECT_NE(result.err.find(kNoServer), std::string::npos) << result.err;
}

TEST_F(ProduceWorkerCliTest, WorkerWithAnUnreachableServerIsAOneLineErrorAndWritesNoStore) {
  const auto result =
      RunStoryline(std::string("worker --nats ") + kNoServer + " --db " + db_ + " --until-done");
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(LineCount(result.err), 1) << result.err;
  EXPECT_NE(result.err.find(kNoServer), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(ProduceWorkerCliTest, WorkerRefusesBoundsOutOfRangeNamingTheFlag) {
  for (const std::string bad : {"0", "abc", "-5"}) {
    const auto result = RunStoryline(std::string("worker --nats ") + kNoServer + " --db " + db_ +
                                     " --max-in-flight " + bad);
    EXPECT_EQ(result.status, 2) << bad;
    EXPECT_NE(result.err.find("--max-in-flight"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db_));
}

}  // namespace
}  // namespace storyline
