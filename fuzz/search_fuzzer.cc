// libFuzzer target: the search query path: a user query as an FTS5 MATCH on an in-memory store.
// Invariants in fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckSearch({data, size});
  return 0;
}
