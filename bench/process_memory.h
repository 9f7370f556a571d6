// The memory a benchmark process has used, read from /proc/self/status, for the peak-RSS
// figures every benchmark prints beside its timings.
#pragma once

#include <sys/resource.h>

#include <fstream>
#include <string>
#include <string_view>

namespace storyline::bench {

// A "VmXXX:  1234 kB" line of /proc/self/status in KiB ("VmHWM": the peak resident set,
// "VmRSS": the current one); 0 where there is no such line.
inline long ProcessStatusKib(std::string_view key) {
  std::ifstream status("/proc/self/status");
  std::string name;
  long value = 0;
  while (status >> name) {
    if (name.size() == key.size() + 1 && name.starts_with(key) && name.back() == ':' &&
        status >> value) {
      return value;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

inline double ProcessStatusMiB(std::string_view key) { return ProcessStatusKib(key) / 1024.0; }

// Peak resident set size in KiB: VmHWM, or getrusage's maxrss where /proc is not there.
inline long PeakRssKib() {
  if (const long peak = ProcessStatusKib("VmHWM"); peak > 0) return peak;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace storyline::bench
