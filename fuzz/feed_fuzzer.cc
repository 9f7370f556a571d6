// libFuzzer target: the feed reader (RSS, RSS 1.0, Atom, sitemaps) and the canonical
// addresses of what it links to. Invariants in fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckFeed({data, size});
  return 0;
}
