// An exclusive advisory lock on a file (flock(2)), held from construction to destruction.
// The kernel drops it when the process ends, however it ends, so a crashed writer never
// leaves a store claimed. The holder writes who it is into the file, so that a process
// waiting for the lock can say whom it waits for.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace storyline {

class ExclusiveFileLock {
 public:
  // Opens `path` (creating it) and takes the lock. When another process holds it, calls
  // `on_wait` once (when set) with what the holder wrote ("process 1234 on host, since
  // 2026-12-06T10:00:00Z"), then waits for it at most `timeout`. Throws StoreError naming
  // the path when the file cannot be opened or locked, or the holder keeps it past
  // `timeout`.
  ExclusiveFileLock(const std::string& path,
                    const std::function<void(const std::string& holder)>& on_wait,
                    std::chrono::seconds timeout = std::chrono::seconds::max());
  ~ExclusiveFileLock();

  ExclusiveFileLock(const ExclusiveFileLock&) = delete;
  ExclusiveFileLock& operator=(const ExclusiveFileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace storyline
