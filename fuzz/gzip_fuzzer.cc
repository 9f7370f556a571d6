// libFuzzer target: the gzip decompression under every reader (CompressedFile, ChunkReader,
// ReadWholeFile). Invariants in fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckGzip({data, size});
  return 0;
}
