// The real HTTP peer of the collect tests: a cpp-httplib server on 127.0.0.1 at a free
// port, serving on its own thread from Start() until it is destroyed. Declare it after
// whatever its handlers use, so it stops before that goes.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace storyline {

class LoopbackServer {
 public:
  LoopbackServer() = default;
  ~LoopbackServer() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Where handlers are registered, before Start.
  httplib::Server& routes() { return server_; }

  void Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  // `host` names the server ("127.0.0.1", or "localhost" to play a second site).
  std::string Url(const std::string& host, const std::string& path) const {
    return "http://" + host + ":" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace storyline
