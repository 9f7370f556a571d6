// Shared by the crash-safety and concurrency tests: a generated corpus, the storyline
// binary run as a child process that can be killed, and read-only checks of a store
// file through SQLite itself (not through the code under test).
#pragma once

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../support/test_paths.h"

namespace storyline::reliability {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with the object.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// `count` short, distinct news articles in JSON Lines (ids "art-<first>" on), with every
// `repeat_every`-th line repeated verbatim later in the file (a crawler's re-fetch): the
// store must hold each distinct article exactly once. Returns the number of distinct
// articles.
inline int WriteCorpus(const fs::path& path, int count, int first = 0, int repeat_every = 20) {
  static const char* kTowns[] = {"Harbor City", "Millbrook", "Eastvale",  "Riverton",
                                 "Oakridge",    "Lakeside",  "Pinecrest", "Stonebridge"};
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  static const char* kThings[] = {"schools", "bridges", "clinics", "bus lines", "parks"};
  std::ofstream out(path);
  std::vector<std::string> repeats;
  for (int i = first; i < first + count; ++i) {
    const std::string town = kTowns[i % 8];
    std::ostringstream text;
    text << "The council of " << town << " voted on " << kDays[i % 5] << " to approve "
         << (i % 97 + 3) << " new " << kThings[i % 5] << ", officials said. Mayor Ana Ruiz "
         << "said the plan, number " << i << ", would cost $" << (i % 50 + 1)
         << " million and take " << (i % 11 + 2) << " years.";
    std::ostringstream line;
    line << R"({"id": "art-)" << i << R"(", "source": "Wire )" << i % 7
         << R"(", "published": "2024-0)" << (i % 9 + 1) << R"(-1)" << (i % 9) << R"(", )"
         << R"("title": "Council in )" << town << " approves plan " << i << R"(", "text": ")"
         << text.str() << "\"}\n";
    out << line.str();
    if (i % repeat_every == 0) repeats.push_back(line.str());
    if (i % repeat_every == repeat_every / 2 && !repeats.empty()) {
      out << repeats.back();
      repeats.pop_back();
    }
  }
  for (const std::string& line : repeats) out << line;
  return count;
}

// The storyline binary running in a child process, stdout and stderr to files.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& args, const fs::path& out, const fs::path& err)
      : err_path_(err) {
    pid_ = fork();
    if (pid_ == 0) {
      std::freopen(out.c_str(), "w", stdout);
      std::freopen(err.c_str(), "w", stderr);
      std::vector<char*> argv = {const_cast<char*>(storyline::test_paths::StorylineBinary())};
      for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      execv(storyline::test_paths::StorylineBinary(), argv.data());
      _exit(127);
    }
  }
  ~ChildProcess() {
    if (running()) Kill();
  }

  // True until the child has exited (reaps it when it has).
  bool running() {
    if (exited_) return false;
    int raw = 0;
    if (waitpid(pid_, &raw, WNOHANG) == pid_) Reap(raw);
    return !exited_;
  }

  void Kill() {
    kill(pid_, SIGKILL);
    Wait();
  }

  // Sends `signal` without waiting for the child to end.
  void Signal(int signal) { kill(pid_, signal); }

  // Exit status, -1 when killed by a signal.
  int Wait() {
    if (!exited_) {
      int raw = 0;
      waitpid(pid_, &raw, 0);
      Reap(raw);
    }
    return status_;
  }

  std::string Stderr() const {
    std::ifstream in(err_path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  void Reap(int raw) {
    exited_ = true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

  pid_t pid_ = -1;
  bool exited_ = false;
  int status_ = -1;
  fs::path err_path_;
};

// A SQLite connection for checking what a store file holds. Read-write (never
// creating) only because FTS5's integrity-check is phrased as an INSERT; it writes nothing.
class StoreInspector {
 public:
  explicit StoreInspector(const fs::path& db) {
    if (sqlite3_open_v2(db.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + db.string());
    }
    sqlite3_busy_timeout(db_, 60'000);
  }
  ~StoreInspector() { sqlite3_close(db_); }

  // Every row's first column as text, joined by "\n"; the error message on failure.
  std::string Query(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return std::string("error: ") + sqlite3_errmsg(db_);
    }
    std::string result;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      if (!result.empty()) result += "\n";
      result += text ? text : "NULL";
    }
    if (rc != SQLITE_DONE) result = std::string("error: ") + sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return result;
  }

  long Count(const std::string& sql) { return std::stol(Query(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace storyline::reliability
