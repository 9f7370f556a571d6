// An exclusive advisory lock on a file (flock(2)), held from construction to destruction.
// The kernel drops it when the process ends, however it ends, so a crashed writer never
// leaves a store claimed.
#pragma once

#include <functional>
#include <string>

namespace storyline {

class ExclusiveFileLock {
 public:
  // Opens `path` (creating it) and takes the lock. When another process holds it, calls
  // `on_wait` once (when set), then waits for it. Throws StoreError naming the path when
  // the file cannot be opened or locked.
  ExclusiveFileLock(const std::string& path, const std::function<void()>& on_wait);
  ~ExclusiveFileLock();

  ExclusiveFileLock(const ExclusiveFileLock&) = delete;
  ExclusiveFileLock& operator=(const ExclusiveFileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace storyline
