// libFuzzer target: the plain-text reader, through ReadInputs on a .txt file. Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckPlainText({data, size});
  return 0;
}
