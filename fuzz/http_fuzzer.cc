// libFuzzer target: the archived HTTP response parser (ParseHttpResponse). Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckHttpResponse({data, size});
  return 0;
}
