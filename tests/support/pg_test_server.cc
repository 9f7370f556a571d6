#include "pg_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "server_support.h"
#include "store/postgres/pg_connection.h"

namespace storyline::testing {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string BinDir() {
  if (const char* dir = std::getenv("STORYLINE_PG_BINDIR")) return dir;
  std::string out;
  if (FILE* pipe = ::popen("pg_config --bindir 2>/dev/null", "r")) {
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
    ::pclose(pipe);
  }
  out = Trimmed(out);
  if (out.empty() || !std::filesystem::exists(out + "/initdb")) {
    throw std::runtime_error(
        "no PostgreSQL server binaries (pg_config --bindir): install `postgresql`, or set "
        "STORYLINE_PG_BINDIR");
  }
  return out;
}

std::unique_ptr<PgTestServer>& SharedServer() {
  static std::unique_ptr<PgTestServer> server;
  return server;
}

}  // namespace

PgTestServer::PgTestServer(Options options) : bindir_(BinDir()) {
  std::string pattern = (std::filesystem::temp_directory_path() / "storyline-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temp folder");
  dir_ = pattern;
  if (::geteuid() == 0) {
    const passwd* postgres = ::getpwnam("postgres");
    if (postgres == nullptr) {
      throw std::runtime_error(
          "running as root, and there is no `postgres` user to run the server");
    }
    if (::chown(dir_.c_str(), postgres->pw_uid, postgres->pw_gid) != 0) {
      throw std::runtime_error("cannot give the temp folder to the postgres user");
    }
    as_user_ = "runuser -u postgres -- ";
  }
  Run(fmt::format("{}/initdb -D {}/data -U storyline -A trust -E UTF8 --locale=C.UTF-8 --no-sync "
                  "> {}/initdb.log 2>&1",
                  bindir_, dir_, dir_),
      "initdb");
  std::vector<std::string> args = {
      bindir_ + "/postgres", "-D", dir_ + "/data", "-k", dir_, "-c", "listen_addresses=127.0.0.1"};
  if (!options.durable) {
    for (const char* setting : {"fsync=off", "synchronous_commit=off", "full_page_writes=off"}) {
      args.insert(args.end(), {"-c", setting});
    }
  }
  for (int attempt = 0;; ++attempt) {
    port_ = FreeLoopbackPort();
    if (Start(args)) break;
    // A port taken between the pick and the start: try another.
    if (attempt == 2) {
      throw std::runtime_error("the PostgreSQL server did not start:\n" +
                               ReadWholeFile(dir_ + "/server.log"));
    }
  }
}

bool PgTestServer::Start(std::vector<std::string> args) {
  args.insert(args.end(), {"-p", std::to_string(port_)});
  const passwd* postgres = ::geteuid() == 0 ? ::getpwnam("postgres") : nullptr;
  const uid_t uid = postgres != nullptr ? postgres->pw_uid : 0;
  const gid_t gid = postgres != nullptr ? postgres->pw_gid : 0;
  const std::string log_path = dir_ + "/server.log";
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  server_ = ::fork();
  if (server_ < 0) throw std::runtime_error("cannot fork the PostgreSQL server");
  if (server_ == 0) {
    // The server is this process's child, and dies with it (SIGQUIT: immediate shutdown)
    // however the test ends, so a crashed test leaves no server behind.
    if (postgres != nullptr &&
        (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
      ::_exit(126);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
    if (::getppid() != parent) ::_exit(126);
    const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (log >= 0) {
      ::dup2(log, STDOUT_FILENO);
      ::dup2(log, STDERR_FILENO);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const std::string ready =
      fmt::format("host=127.0.0.1 port={} dbname=postgres user=storyline", port_);
  for (int waited = 0; waited < 600; ++waited) {
    int status = 0;
    if (::waitpid(server_, &status, WNOHANG) == server_) {
      server_ = -1;
      return false;
    }
    if (PQping(ready.c_str()) == PQPING_OK) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("the PostgreSQL server did not answer within a minute:\n" +
                           ReadWholeFile(dir_ + "/server.log"));
}

PgTestServer::~PgTestServer() {
  if (server_ > 0) {
    ::kill(server_, SIGQUIT);  // immediate shutdown: nothing on it is kept
    ::waitpid(server_, nullptr, 0);
  }
  std::error_code error;
  std::filesystem::remove_all(dir_, error);
}

void PgTestServer::Run(const std::string& command, std::string_view what) const {
  if (std::system((as_user_ + command).c_str()) != 0) {
    throw std::runtime_error(fmt::format("{} failed:\n{}{}", what,
                                         ReadWholeFile(dir_ + "/initdb.log"),
                                         ReadWholeFile(dir_ + "/server.log")));
  }
}

std::string PgTestServer::Url(std::string_view name) const {
  return fmt::format("postgresql://storyline@127.0.0.1:{}/{}", port_, name);
}

std::string PgTestServer::NewDatabase(std::string_view hint) {
  std::string name = fmt::format("t{}_", ++databases_);
  for (const char c : hint) {
    if (name.size() >= 60) break;
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_');
  }
  PgConnection admin(Url("postgres"));
  // An identifier cannot be a parameter; `name` is letters, digits and '_' only.
  admin.Exec(fmt::format("CREATE DATABASE \"{}\"", name));
  return Url(name);
}

void PgServerEnvironment::SetUp() { SharedServer() = std::make_unique<PgTestServer>(); }

void PgServerEnvironment::TearDown() { SharedServer().reset(); }

PgTestServer& PgServerEnvironment::Server() {
  if (!SharedServer()) throw std::runtime_error("the test's PostgreSQL server is not running");
  return *SharedServer();
}

}  // namespace storyline::testing
