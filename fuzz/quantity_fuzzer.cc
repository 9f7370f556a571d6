// libFuzzer target: the quantity finder, over tokens and time expressions. Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckQuantities({data, size});
  return 0;
}
