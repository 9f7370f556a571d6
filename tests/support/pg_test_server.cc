#include "pg_test_server.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

// A port no one listens on now (the kernel's pick for a socket bound to port 0).
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot find a free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
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
  const std::string settings =
      options.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  for (int attempt = 0;; ++attempt) {
    port_ = FreePort();
    try {
      Run(fmt::format("{}/pg_ctl -D {}/data -l {}/server.log -w -t 60 -o \"-p {} -k {} -c "
                      "listen_addresses=127.0.0.1{}\" start > /dev/null 2>&1",
                      bindir_, dir_, dir_, port_, dir_, settings),
          "pg_ctl start");
      break;
    } catch (const std::runtime_error&) {
      if (attempt == 2) throw;  // a port taken between the pick and the start: try another
    }
  }
}

PgTestServer::~PgTestServer() {
  const std::string stop = fmt::format(
      "{}{}/pg_ctl -D {}/data -m immediate -w stop > /dev/null 2>&1", as_user_, bindir_, dir_);
  [[maybe_unused]] const int status = std::system(stop.c_str());
  std::error_code error;
  std::filesystem::remove_all(dir_, error);
}

void PgTestServer::Run(const std::string& command, std::string_view what) const {
  if (std::system((as_user_ + command).c_str()) != 0) {
    throw std::runtime_error(fmt::format("{} failed:\n{}{}", what, ReadFile(dir_ + "/initdb.log"),
                                         ReadFile(dir_ + "/server.log")));
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
