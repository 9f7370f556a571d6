#include "store/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/store.h"

namespace storyline {
namespace {

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

}  // namespace

ExclusiveFileLock::ExclusiveFileLock(const std::string& path,
                                     const std::function<void()>& on_wait) {
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw LockError(path, "open the lock file");
  if (LockRetryingSignals(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK) {
    if (on_wait) on_wait();
    if (LockRetryingSignals(fd_, LOCK_EX) == 0) return;
  }
  const StoreError error = LockError(path, "lock");
  close(fd_);
  throw error;
}

ExclusiveFileLock::~ExclusiveFileLock() { close(fd_); }

}  // namespace storyline
