// libFuzzer target: the JSON Lines reader, through ReadInputs on a .jsonl file. Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckJsonLines({data, size});
  return 0;
}
