// `storyline train --smoke --only MODEL`: rebuilds one model and leaves the others alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "command_runner.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using testing::RunStoryline;

TEST(TrainCliTest, OnlyRebuildsTheNamedModel) {
  const fs::path dir = fs::temp_directory_path() / "storyline_train_only";
  fs::remove_all(dir);
  const testing::CommandResult result =
      RunStoryline("train --smoke --only ner --models " + dir.string());
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir / "ner.model"));
  EXPECT_FALSE(fs::exists(dir / "pos.model"));
  EXPECT_FALSE(fs::exists(dir / "parser.model"));
  EXPECT_NE(result.out.find("ner.model"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("pos.model"), std::string::npos) << result.out;
  fs::remove_all(dir);
}

TEST(TrainCliTest, UnknownModelIsBadUsage) {
  EXPECT_EQ(RunStoryline("train --smoke --only tagger").status, 2);
}

}  // namespace
}  // namespace storyline
