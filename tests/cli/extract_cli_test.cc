// `storyline extract` and `storyline analyze` end to end: output shape, exit statuses
// (0 ok, 1 bad input with good records kept, 2 bad usage), determinism across threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "../support/test_paths.h"
#include "command_runner.h"

namespace storyline {
namespace {

using storyline::testing::RunStoryline;

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::string Seeds() {
  return std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl";
}

TEST(ExtractCli, PrintsTheContractShapeForEachArticle) {
  const auto result = RunStoryline("extract " + Seeds());
  ASSERT_EQ(result.status, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 5u);
  for (const char* key : {"id", "source", "published", "url", "title", "text"}) {
    EXPECT_TRUE(lines[0].contains(key)) << key;
  }
  EXPECT_EQ(lines[0]["id"], "000");
  EXPECT_EQ(lines[0]["source"], "Anadolu Agency");
  EXPECT_TRUE(lines[2]["published"].is_null());
}

TEST(ExtractCli, BadRecordsExitOneNamingTheLineAndKeepTheRest) {
  const auto path = std::filesystem::temp_directory_path() / "storyline-extract-bad.jsonl";
  std::ofstream(path) << "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\"\n"
                      << "{\"id\": \"c\", \"text\": \"also fine\"}\n";
  const auto result = RunStoryline("extract " + path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(JsonLines(result.out).size(), 2u);
  EXPECT_NE(result.err.find(path.string() + ":2: malformed JSON"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
}

// Two crawled pages, each saved as index.html in its own folder, are two articles.
TEST(ExtractCli, PagesWithTheSameFileNameInTwoFoldersGetTwoIds) {
  const auto dir = std::filesystem::temp_directory_path() / "storyline-extract-crawl";
  std::filesystem::remove_all(dir);
  for (const char* folder : {"a", "b"}) {
    std::filesystem::create_directories(dir / folder);
    std::ofstream(dir / folder / "index.html")
        << "<html><body><p>Page " << folder
        << ": dock workers in Harbor City voted on Monday to end a strike.</p></body></html>";
  }
  const auto result = RunStoryline("extract " + dir.string() + "/");
  std::filesystem::remove_all(dir);
  ASSERT_EQ(result.status, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "a/index");
  EXPECT_EQ(lines[1]["id"], "b/index");
}

TEST(ExtractCli, ErrorsNamingAPathWithALineBreakStayOnOneLine) {
  const auto path = std::filesystem::temp_directory_path() / "storyline-bad\nname.jsonl";
  std::ofstream(path) << "{\"id\": \"b\"\n";
  const auto result = RunStoryline("extract '" + path.string() + "'");
  std::filesystem::remove(path);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_NE(result.err.find("storyline-bad\\nname.jsonl:1: malformed JSON"), std::string::npos)
      << result.err;
}

// A date that names no day is left out with a warning; the record is still good.
TEST(ExtractCli, BadPublishedDateIsAWarningAndNull) {
  const auto path = std::filesystem::temp_directory_path() / "storyline-extract-date.jsonl";
  std::ofstream(path) << "{\"id\": \"a\", \"published\": \"2024-13-45\", \"text\": \"Fine.\"}\n";
  const auto result = RunStoryline("extract " + path.string());
  EXPECT_EQ(RunStoryline("extract --published 2024-13-45 " + path.string()).status, 2);
  std::filesystem::remove(path);
  EXPECT_EQ(result.status, 0) << result.err;
  const auto lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0]["published"].is_null());
  EXPECT_EQ(result.err, "storyline: warning: " + path.string() +
                            ":1: \"published\" is not a date (2024-13-45), left unknown\n");
}

TEST(ExtractCli, BadUsageExitsTwo) {
  EXPECT_EQ(RunStoryline("extract").status, 2);
  EXPECT_EQ(RunStoryline("no-such-command").status, 2);
  EXPECT_EQ(RunStoryline("extract --threads -3 x.jsonl").status, 2);
}

TEST(AnalyzeCli, OutputIsIdenticalWhateverTheThreadCount) {
  const auto one = RunStoryline("analyze --threads 1 " + Seeds());
  const auto four = RunStoryline("analyze --threads 4 " + Seeds());
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(four.status, 0) << four.err;
  EXPECT_EQ(one.out, four.out);
  const auto lines = JsonLines(one.out);
  ASSERT_EQ(lines.size(), 5u);
  for (const char* key : {"entities", "times", "quantities", "quotes", "events"}) {
    EXPECT_TRUE(lines[0][key].is_array()) << key;
  }
}

}  // namespace
}  // namespace storyline
