// Runs the storyline binary as a user would, capturing exit status, stdout and stderr,
// for the end-to-end tests of each subcommand.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/test_paths.h"

namespace storyline::testing {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// `args` is appended to the binary's path as shell words; quote them yourself.
inline CommandResult RunStoryline(const std::string& args) {
  static int counter = 0;
  const std::string err_path =
      (std::filesystem::temp_directory_path() /
       ("storyline-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err"))
          .string();
  const std::string command =
      std::string(storyline::test_paths::StorylineBinary()) + " " + args + " 2>" + err_path;
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 65536> buffer;
  while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    result.out.append(buffer.data(), n);
  const int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream err(err_path);
  std::stringstream text;
  text << err.rdbuf();
  result.err = text.str();
  std::filesystem::remove(err_path);
  return result;
}

// A fresh folder for each test (named after it, so the tests of one binary may run side
// by side), removed after it: where a command test keeps its store and its input files.
class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-" + std::string(test->test_suite_name()) + "-" + test->name() + "-" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Db(const std::string& name = "store.db") const { return (dir_ / name).string(); }

  // Writes `lines` to a file of the test's folder and returns its path.
  std::string Input(const std::string& name, const std::string& lines) const {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path) << lines;
    return path.string();
  }

  std::filesystem::path dir_;
};

}  // namespace storyline::testing
