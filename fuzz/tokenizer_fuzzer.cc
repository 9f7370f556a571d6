// libFuzzer target: the tokenizer and sentence splitter. Invariants in fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckTokenizer({data, size});
  return 0;
}
