// A NATS server with JetStream of the test's own, on loopback: `nats-server -js` on a
// free port with its store in a temporary folder, started as a child process (it dies
// with the test, however the test ends) and stopped and the folder removed at the end.
#pragma once

#include <sys/types.h>

#include <string>

namespace storyline::testing {

class NatsTestServer {
 public:
  // Starts the server and waits until JetStream answers; throws std::runtime_error with
  // the server's log when it cannot (no `nats-server`: install Debian's `nats-server`).
  NatsTestServer();
  ~NatsTestServer();
  NatsTestServer(const NatsTestServer&) = delete;
  NatsTestServer& operator=(const NatsTestServer&) = delete;

  // nats://127.0.0.1:PORT
  std::string Url() const;

 private:
  bool Start();

  std::string dir_;
  int port_ = 0;
  pid_t server_ = -1;
};

}  // namespace storyline::testing
