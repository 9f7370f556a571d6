// The seed articles' story end to end (issue: "three different Biden–Netanyahu calls read
// almost alike; one article announces a call the day it happens, another reports it
// afterwards; one article has no publication date. They belong to one story with three
// separate CALL events, each backed by exactly the articles that report it.")
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../support/test_paths.h"
#include "command_runner.h"

namespace storyline {
namespace {

using testing::RunStoryline;

TEST(SeedTimelineTest, ThreeBidenNetanyahuCallsAreThreeEventsOfOneStory) {
  const std::filesystem::path db = std::filesystem::temp_directory_path() /
                                   ("storyline-seeds-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(db);
  const std::string seeds = std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl";
  ASSERT_EQ(RunStoryline("ingest --db " + db.string() + " " + seeds).status, 0);

  const auto stories = RunStoryline("stories --db " + db.string() + " --json");
  ASSERT_EQ(stories.status, 0) << stories.err;
  const auto parsed = nlohmann::json::parse(stories.out);
  ASSERT_EQ(parsed["stories"].size(), 1u) << stories.out;
  EXPECT_EQ(parsed["stories"][0]["articles"].size(), 5u);

  const auto timeline = RunStoryline("timeline --db " + db.string() + " --json");
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  const auto events = nlohmann::json::parse(timeline.out)["events"];
  std::map<std::string, std::set<std::string>> calls;  // date -> articles
  for (const auto& event : events) {
    if (event["type"] != "CALL") continue;
    std::set<std::string> actors(event["actors"].begin(), event["actors"].end());
    EXPECT_TRUE(actors.contains("joe-biden") && actors.contains("benjamin-netanyahu"))
        << event.dump();
    calls[event["date"].is_null() ? "-" : event["date"].get<std::string>()] =
        std::set<std::string>(event["articles"].begin(), event["articles"].end());
  }
  const std::map<std::string, std::set<std::string>> expected = {
      {"2024-04-28", {"001"}}, {"2024-07-04", {"004"}}, {"2024-08-21", {"000", "003"}}};
  EXPECT_EQ(calls, expected) << timeline.out;

  // --entity takes a name or a surname, in any case, and keeps that entity's events.
  for (const std::string name : {"netanyahu", "'Benjamin Netanyahu'"}) {
    const auto his = RunStoryline("timeline --db " + db.string() + " --entity " + name + " --json");
    ASSERT_EQ(his.status, 0) << his.err;
    EXPECT_EQ(nlohmann::json::parse(his.out)["events"].size(), 4u) << name << his.out;
  }
  const auto nobody = RunStoryline("timeline --db " + db.string() + " --entity yahu --json");
  EXPECT_TRUE(nlohmann::json::parse(nobody.out)["events"].empty()) << nobody.out;

  // The story's summary spans its reports: three sentences from three articles, not one
  // report retold.
  const auto detail = RunStoryline("stories --db " + db.string() + " --story 1 --json");
  ASSERT_EQ(detail.status, 0) << detail.err;
  const auto story = nlohmann::json::parse(detail.out)["story"];
  std::set<std::string> cited;
  for (const auto& sentence : story["summary"]) {
    cited.insert(sentence["article"].get<std::string>());
  }
  EXPECT_EQ(cited.size(), 3u) << detail.out;

  // The table names each event's articles with their outlets.
  const auto table = RunStoryline("timeline --db " + db.string());
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("reported by 000 (Anadolu Agency), 003 (The Hill)"), std::string::npos)
      << table.out;
  for (const char* suffix : {"", "-stories.lock"}) std::filesystem::remove(db.string() + suffix);
}

// The seeds' texts with no publication date: no event may carry a day that neither its
// own sentence nor a published date gives. Their calls once took the day of the Oct. 7,
// 2023 attack that one article mentions in passing, the only full date in the text.
TEST(SeedTimelineTest, UndatedSeedsDateOnlyWhatTheirTextDates) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string stem = "storyline-undated-seeds-" + std::to_string(::getpid());
  const std::filesystem::path input = dir / (stem + ".jsonl");
  const std::filesystem::path db = dir / (stem + ".db");
  std::filesystem::remove(db);
  {
    std::ifstream in(std::string(storyline::test_paths::SharedDir()) + "/seeds/seeds.jsonl");
    std::ofstream out(input);
    for (std::string line; std::getline(in, line);) {
      auto article = nlohmann::json::parse(line);
      article.erase("published");
      out << article.dump() << "\n";
    }
  }
  ASSERT_EQ(RunStoryline("ingest --db " + db.string() + " " + input.string()).status, 0);
  const auto timeline = RunStoryline("timeline --db " + db.string() + " --json");
  ASSERT_EQ(timeline.status, 0) << timeline.err;
  const auto events = nlohmann::json::parse(timeline.out)["events"];
  ASSERT_FALSE(events.empty()) << timeline.out;
  for (const auto& event : events) {
    if (event["date"].is_null()) continue;
    // The one date a sentence gives its own event: "a Hamas attack on Oct. 7, 2023".
    EXPECT_EQ(event["type"], "ATTACK") << event.dump();
    EXPECT_EQ(event["date"], "2023-10-07") << event.dump();
  }
  for (const char* suffix : {"", "-stories.lock"}) std::filesystem::remove(db.string() + suffix);
  std::filesystem::remove(input);
}

}  // namespace
}  // namespace storyline
