// libFuzzer target: the HTML main-text extractor (ExtractArticleFromHtml). Invariants in
// fuzz_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::fuzz::CheckHtml({data, size});
  return 0;
}
