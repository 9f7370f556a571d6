// libFuzzer target: the whole per-article analysis (first line: the published date, the
// rest: the text). Invariants in fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckAnalysis({data, size});
  return 0;
}
