// The two clocks the speed benchmarks read: the calling thread's CPU time, which other
// work on a shared machine disturbs least, and wall time beside it.
#pragma once

#include <time.h>

#include <chrono>

namespace storyline::bench {

inline double ThreadCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

inline double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace storyline::bench
