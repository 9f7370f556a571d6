// libFuzzer target: the time expression finder, with a fuzzed published date. Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckTimes({data, size});
  return 0;
}
