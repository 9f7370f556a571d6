// Replays every input that once broke a fuzz target (fuzz/regressions/<target>/*) through
// the same checks the target runs (fuzz/fuzz_checks.h), so CI guards the fixes without
// clang or libFuzzer. A regression aborts this test binary, which fails it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "../../fuzz/fuzz_checks.h"
#include "../support/test_paths.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Also replays the seed corpus: a seed that trips an invariant is as much a bug.
void Replay(const fuzz::Target& target, const char* folder) {
  const fs::path dir = fs::path(storyline::test_paths::SourceDir()) / "fuzz" / folder / target.name;
  if (!fs::is_directory(dir)) return;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().string());
    const std::string bytes = ReadBytes(entry.path());
    target.check({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
  }
}

class FuzzRegressionTest : public testing::TestWithParam<fuzz::Target> {};

TEST_P(FuzzRegressionTest, SavedInputsKeepEveryInvariant) {
  Replay(GetParam(), "regressions");
  Replay(GetParam(), "corpus");
}

TEST(FuzzRegressionFolders, EveryFolderNamesATarget) {
  for (const char* folder : {"regressions", "corpus"}) {
    const fs::path dir = fs::path(storyline::test_paths::SourceDir()) / "fuzz" / folder;
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      bool known = false;
      for (const fuzz::Target& target : fuzz::AllTargets()) known |= name == target.name;
      EXPECT_TRUE(known) << "fuzz/" << folder << "/" << name << " matches no fuzz target";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllTargets, FuzzRegressionTest, testing::ValuesIn(fuzz::AllTargets()),
                         [](const testing::TestParamInfo<fuzz::Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace storyline
