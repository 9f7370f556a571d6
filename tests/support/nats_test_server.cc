#include "nats_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <nats/nats.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "server_support.h"

namespace storyline::testing {
namespace {

// True once a client can connect and JetStream answers for its account.
bool JetStreamAnswers(const std::string& url) {
  natsConnection* connection = nullptr;
  if (natsConnection_ConnectTo(&connection, url.c_str()) != NATS_OK) return false;
  jsCtx* js = nullptr;
  jsAccountInfo* info = nullptr;
  bool ready = natsConnection_JetStream(&js, connection, nullptr) == NATS_OK &&
               js_GetAccountInfo(&info, js, nullptr, nullptr) == NATS_OK;
  jsAccountInfo_Destroy(info);
  jsCtx_Destroy(js);
  natsConnection_Destroy(connection);
  return ready;
}

}  // namespace

NatsTestServer::NatsTestServer() {
  std::string pattern = (std::filesystem::temp_directory_path() / "storyline-nats-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temp folder");
  dir_ = pattern;
  for (int attempt = 0;; ++attempt) {
    port_ = FreeLoopbackPort();
    if (Start()) break;
    // A port taken between the pick and the start: try another.
    if (attempt == 2) {
      throw std::runtime_error("nats-server -js did not start:\n" +
                               ReadWholeFile(dir_ + "/server.log"));
    }
  }
}

bool NatsTestServer::Start() {
  std::vector<std::string> args = {"nats-server",         "-js", "-a",           "127.0.0.1", "-p",
                                   std::to_string(port_), "-sd", dir_ + "/store"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string log_path = dir_ + "/server.log";
  const pid_t parent = ::getpid();
  server_ = ::fork();
  if (server_ < 0) throw std::runtime_error("cannot fork nats-server");
  if (server_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (log >= 0) {
      ::dup2(log, STDOUT_FILENO);
      ::dup2(log, STDERR_FILENO);
    }
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  for (int waited = 0; waited < 300; ++waited) {
    int status = 0;
    if (::waitpid(server_, &status, WNOHANG) == server_) {
      server_ = -1;
      if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        throw std::runtime_error("no nats-server on PATH: install Debian's `nats-server`");
      }
      return false;
    }
    if (JetStreamAnswers(Url())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("nats-server did not answer within 30 s:\n" + ReadWholeFile(log_path));
}

NatsTestServer::~NatsTestServer() {
  if (server_ > 0) {
    ::kill(server_, SIGTERM);
    ::waitpid(server_, nullptr, 0);
  }
  std::error_code error;
  std::filesystem::remove_all(dir_, error);
}

std::string NatsTestServer::Url() const { return fmt::format("nats://127.0.0.1:{}", port_); }

}  // namespace storyline::testing
