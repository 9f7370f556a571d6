// A PostgreSQL server of the test's own, on loopback: `initdb` into a temporary folder,
// the server started as a child process on a free port with its socket in that folder,
// and stopped and the folder removed at the end; a test that crashes takes its server
// with it. Starting takes seconds, so a test executable starts one
// (PgServerEnvironment) and gives each test a fresh database on it (NewDatabase).
//
// The binaries are those of `pg_config --bindir` (or STORYLINE_PG_BINDIR). PostgreSQL
// refuses to run as root: then the server runs as the `postgres` system user, which owns
// the folder.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::testing {

class PgTestServer {
 public:
  struct Options {
    // fsync and synchronous commit as a production server has them; off, a test's
    // server loses nothing it needs and starts and writes faster.
    bool durable = false;
  };

  // Starts the server; throws std::runtime_error with the server's log when it cannot.
  explicit PgTestServer(Options options);
  PgTestServer() : PgTestServer(Options{}) {}
  ~PgTestServer();
  PgTestServer(const PgTestServer&) = delete;
  PgTestServer& operator=(const PgTestServer&) = delete;

  // Creates an empty database named after `hint` (made unique) and returns its URL.
  std::string NewDatabase(std::string_view hint);
  // The postgresql:// URL of database `name` on this server.
  std::string Url(std::string_view name) const;

 private:
  // Runs `command` as the server's user; throws with `what` and the log when it fails.
  void Run(const std::string& command, std::string_view what) const;
  // Starts `args` (the server's command line, less the port) on port_ as a child of this
  // process; false when it exits before it answers.
  bool Start(std::vector<std::string> args);

  std::string dir_;  // the temporary folder: data/, the socket, the log
  std::string bindir_;
  std::string as_user_;  // "runuser -u postgres -- " when root, else empty
  int port_ = 0;
  int databases_ = 0;
  pid_t server_ = -1;
};

// The server of this test executable: started before the first test, stopped after the
// last. Register it with ::testing::AddGlobalTestEnvironment(new PgServerEnvironment).
class PgServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override;
  void TearDown() override;
  // The running server; only between SetUp and TearDown.
  static PgTestServer& Server();
};

}  // namespace storyline::testing
