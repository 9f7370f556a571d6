// Runs the storyline binary as a user would, capturing exit status, stdout and stderr,
// for the end-to-end tests of each subcommand.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace storyline::testing {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// `args` is appended to the binary's path as shell words; quote them yourself.
inline CommandResult RunStoryline(const std::string& args) {
  static int counter = 0;
  const std::string err_path = (std::filesystem::temp_directory_path() /
                                ("storyline-cli-" + std::to_string(::getpid()) + "-" +
                                 std::to_string(counter++) + ".err"))
                                   .string();
  const std::string command = std::string(STORYLINE_BINARY) + " " + args + " 2>" + err_path;
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 65536> buffer;
  while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
  const int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream err(err_path);
  std::stringstream text;
  text << err.rdbuf();
  result.err = text.str();
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace storyline::testing
