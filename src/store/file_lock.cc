#include "store/file_lock.h"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <thread>

#include "store/store.h"

namespace storyline {
namespace {

// How often a waiter tries the lock again: short beside any ingest, long beside a syscall.
constexpr std::chrono::milliseconds kRetryInterval{50};

StoreError LockError(const std::string& path, const char* what) {
  return StoreError(path + ": cannot " + what + ": " + std::strerror(errno));
}

int LockRetryingSignals(int fd, int operation) {
  int result;
  do {
    result = flock(fd, operation);
  } while (result != 0 && errno == EINTR);
  return result;
}

// What the holder wrote, on one line; "another process" when it wrote nothing readable.
std::string ReadHolder(int fd) {
  char buffer[256];
  const ssize_t size = pread(fd, buffer, sizeof(buffer) - 1, 0);
  std::string holder = size > 0 ? std::string(buffer, static_cast<size_t>(size)) : "";
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) holder.pop_back();
  if (holder.empty() || holder.find('\n') != std::string::npos) return "another process";
  return holder;
}

// Records this process as the holder. Best effort: the lock works without it.
void WriteHolder(int fd) {
  char host[256] = "";
  gethostname(host, sizeof(host) - 1);
  const std::string holder = fmt::format("process {} on {}, since {:%Y-%m-%dT%H:%M:%SZ}\n",
                                         getpid(), host, fmt::gmtime(std::time(nullptr)));
  if (ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t written = pwrite(fd, holder.data(), holder.size(), 0);
  }
}

}  // namespace

ExclusiveFileLock::ExclusiveFileLock(const std::string& path,
                                     const std::function<void(const std::string&)>& on_wait,
                                     std::chrono::seconds timeout) {
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw LockError(path, "open the lock file");
  if (LockRetryingSignals(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      const StoreError error = LockError(path, "lock");
      close(fd_);
      throw error;
    }
    const std::string holder = ReadHolder(fd_);
    if (on_wait) on_wait(holder);
    const auto start = std::chrono::steady_clock::now();
    while (LockRetryingSignals(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK) {
        const StoreError error = LockError(path, "lock");
        close(fd_);
        throw error;
      }
      const auto waited = std::chrono::duration_cast<std::chrono::seconds>(
          std::chrono::steady_clock::now() - start);
      if (waited >= timeout) {
        close(fd_);
        throw StoreError(fmt::format("{}: still held by {} after {} s: giving up", path, holder,
                                     timeout.count()));
      }
      std::this_thread::sleep_for(kRetryInterval);
    }
  }
  WriteHolder(fd_);
}

ExclusiveFileLock::~ExclusiveFileLock() { close(fd_); }

}  // namespace storyline
