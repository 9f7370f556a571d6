// An outlet's update of an article, ingested as a new version, as every reading command
// shows it: listed once, its facts and its story placement those of the new text, the
// earlier text kept as history (`storyline article --versions`).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "command_runner.h"

namespace storyline {
namespace {

using nlohmann::json;
using testing::RunStoryline;

class EditedArticleTest : public testing::CommandTest {
 protected:
  void Ingest(const std::string& name, const std::vector<json>& articles) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream out(path);
    for (const json& article : articles) out << article.dump() << "\n";
    out.close();
    const auto result = RunStoryline("ingest --db " + Db() + " " + path.string());
    ASSERT_EQ(result.status, 0) << result.err;
  }

  json Read(const std::string& command) {
    const auto result = RunStoryline(command + " --db " + Db() + " --json");
    EXPECT_EQ(result.status, 0) << result.err;
    return json::parse(result.out);
  }

  // The ids of the stories that list `article`, once per listing.
  std::vector<int> StoriesListing(const std::string& article) {
    std::vector<int> stories;
    const json listed = Read("stories");
    for (const json& story : listed["stories"]) {
      for (const json& id : story["articles"]) {
        if (id == article) stories.push_back(story["id"]);
      }
    }
    return stories;
  }
};

json Article(const std::string& id, const std::string& source, const std::string& published,
             const std::string& title, const std::string& text) {
  return {
      {"id", id}, {"source", source}, {"published", published}, {"title", title}, {"text", text}};
}

const json kStrike = Article(
    "port-1", "Coast Herald", "2024-05-06", "Dockworkers strike at Harbor City port",
    "Dockworkers at the Harbor City port began a strike on Monday over pay. \"We will not go "
    "back without a contract,\" said union leader Maria Lopez. The Harbor City port authority "
    "said talks with the dockworkers union would resume on Wednesday.");
const json kStrikeFollowUp = Article(
    "port-2", "Bay Times", "2024-05-07", "Harbor City port strike enters second day",
    "The strike by Harbor City dockworkers entered its second day on Tuesday. Union leader "
    "Maria Lopez said the dockworkers union would not end the strike at the Harbor City port "
    "until the port authority raised its pay offer.");
// port-1 as its outlet rewrote it: a different happening, told in other words.
const json kRewritten = Article(
    "port-1", "Coast Herald", "2024-05-08", "Glacier Valley wildfire forces evacuations",
    "A wildfire in Glacier Valley forced thousands of residents to evacuate on Wednesday, fire "
    "chief Daniel Okafor said. \"The flames jumped the ridge overnight,\" Okafor said. Crews "
    "from three counties fought the Glacier Valley fire with air tankers.");

TEST_F(EditedArticleTest, EveryCommandShowsTheNewVersionOnce) {
  Ingest("first.jsonl", {kStrike, kStrikeFollowUp});
  ASSERT_EQ(StoriesListing("port-1").size(), 1u);
  Ingest("update.jsonl", {kRewritten});

  // Listed once, in a story that follows the new text: the strike story keeps its other
  // article only.
  const std::vector<int> listing = StoriesListing("port-1");
  ASSERT_EQ(listing.size(), 1u);
  EXPECT_NE(listing, StoriesListing("port-2"));
  const json all = Read("stories");
  for (const json& story : all["stories"]) {
    EXPECT_FALSE(story["articles"].empty()) << story.dump();
  }

  // No doubled quote, and only the new text's.
  const json quotes = Read("quotes")["quotes"];
  int from_port_1 = 0;
  for (const json& quote : quotes) {
    if (quote["article"] != "port-1") continue;
    ++from_port_1;
    EXPECT_EQ(quote["text"].get<std::string>().find("without a contract"), std::string::npos);
  }
  EXPECT_EQ(from_port_1, 1) << quotes.dump();

  // The timeline's events that cite port-1 are the new text's happening, once each.
  const json timeline = Read("timeline")["events"];
  bool wildfire = false;
  for (const json& event : timeline) {
    int cites = 0;
    for (const json& id : event["articles"]) cites += id == "port-1";
    EXPECT_LE(cites, 1) << event.dump();
    if (cites == 1) {
      EXPECT_EQ(event["summary"].get<std::string>().find("strike"), std::string::npos)
          << event.dump();
      wildfire |= event["summary"].get<std::string>().find("fire") != std::string::npos ||
                  event["summary"].get<std::string>().find("Glacier") != std::string::npos;
    }
  }
  EXPECT_TRUE(wildfire) << timeline.dump();

  // History stays readable.
  const json versions = Read("article port-1 --versions")["article"]["versions"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_NE(versions[0]["text"].get<std::string>().find("without a contract"), std::string::npos);
  EXPECT_NE(versions[1]["text"].get<std::string>().find("jumped the ridge"), std::string::npos);
}

TEST_F(EditedArticleTest, AStoryLeftEmptyGoes) {
  Ingest("first.jsonl", {kStrike});
  ASSERT_EQ(Read("stories")["stories"].size(), 1u);
  Ingest("update.jsonl", {kRewritten});
  const json stories = Read("stories")["stories"];
  ASSERT_EQ(stories.size(), 1u) << stories.dump();
  EXPECT_EQ(stories[0]["articles"], json::array({"port-1"}));
  EXPECT_EQ(stories[0]["label"].get<std::string>().find("Lopez"), std::string::npos)
      << stories.dump();
}

TEST_F(EditedArticleTest, BothVersionsInOneInputArePlacedAsTheLatest) {
  Ingest("both.jsonl", {kStrike, kStrikeFollowUp, kRewritten});
  EXPECT_EQ(StoriesListing("port-1").size(), 1u);
  EXPECT_NE(StoriesListing("port-1"), StoriesListing("port-2"));
}

}  // namespace
}  // namespace storyline
