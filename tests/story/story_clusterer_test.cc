#include "story/story_clusterer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "../support/test_paths.h"
#include "store/store.h"
#include "store/story_updater.h"
#include "story/stories_json.h"

namespace storyline {
namespace {

Article MakeArticle(std::string id, std::string published, std::string text,
                    std::string source = "") {
  Article article;
  article.id = std::move(id);
  article.published = std::move(published);
  article.text = std::move(text);
  article.source = std::move(source);
  return article;
}

const char kCallMarch[] =
    "Biden and Netanyahu speak by phone as rift over Rafah grows\n"
    "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Monday, "
    "the White House said, urging him not to launch a ground offensive in Rafah. The two "
    "leaders discussed hostages held by Hamas in Gaza and humanitarian aid deliveries.";
const char kCallAugust[] =
    "Biden and Netanyahu speak by phone about Gaza cease-fire talks\n"
    "President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Wednesday, "
    "the White House said, pressing for a deal to free hostages held by Hamas in Gaza and "
    "for more humanitarian aid. Talks resume in Cairo.";
const char kQuake[] =
    "Earthquake of magnitude 6.1 strikes southern Peru\n"
    "A strong earthquake shook the Arequipa region of southern Peru on Sunday, damaging "
    "adobe homes in Chala and injuring 12 people, the geophysical institute said.";

std::vector<Article> SmallStream() {
  return {MakeArticle("a1", "2024-03-18", kCallMarch, "Reuters"),
          MakeArticle("a2", "2024-03-18", kCallMarch, "Times of Israel"),  // wire copy
          MakeArticle("q1", "2024-01-28", kQuake, "AP"),
          MakeArticle("a3", "2024-08-21", kCallAugust, "The Hill")};
}

std::string StoriesJson(const StoryClusterer& clusterer) {
  return StoriesToJson(clusterer.Stories()).dump();
}

const Story* StoryOf(const std::vector<Story>& stories, const std::string& article) {
  for (const Story& story : stories) {
    for (const std::string& id : story.articles) {
      if (id == article) return &story;
    }
  }
  return nullptr;
}

const StoryEvent* EventOf(const Story& story, const std::string& article) {
  for (const StoryEvent& event : story.events) {
    for (const std::string& id : event.articles) {
      if (id == article) return &event;
    }
  }
  return nullptr;
}

TEST(StoryClustererTest, SameInputGivesIdenticalOutput) {
  StoryClusterer first, second;
  for (const Article& article : SmallStream()) first.Add(article, {});
  for (const Article& article : SmallStream()) second.Add(article, {});
  EXPECT_EQ(StoriesJson(first), StoriesJson(second));
  std::ostringstream state1, state2;
  first.Save(state1);
  second.Save(state2);
  EXPECT_EQ(state1.str(), state2.str());
}

TEST(StoryClustererTest, LookAlikeCallsOnDifferentDatesAreSeparateEventsOfOneStory) {
  StoryClusterer clusterer;
  for (const Article& article : SmallStream()) clusterer.Add(article, {});
  const std::vector<Story> stories = clusterer.Stories();
  const Story* march = StoryOf(stories, "a1");
  ASSERT_NE(march, nullptr);
  EXPECT_EQ(StoryOf(stories, "a3"), march);
  EXPECT_NE(StoryOf(stories, "q1"), march);
  const StoryEvent* march_call = EventOf(*march, "a1");
  const StoryEvent* august_call = EventOf(*march, "a3");
  ASSERT_NE(march_call, nullptr);
  ASSERT_NE(august_call, nullptr);
  EXPECT_NE(march_call->id, august_call->id);
  EXPECT_EQ(march_call->date, "2024-03-18");
  EXPECT_EQ(august_call->date, "2024-08-21");
  // Events come in date order.
  EXPECT_EQ(march->events.front().id, march_call->id);
  EXPECT_EQ(march->first, "2024-03-18");
  EXPECT_EQ(march->last, "2024-08-21");
}

// An analysis holding one event per (trigger, type, actors, time), as the analyzer gives.
Analysis WithEvents(const std::string& text,
                    std::vector<std::tuple<std::string, std::string, std::vector<std::string>,
                                           std::optional<std::string>>>
                        events) {
  Analysis analysis;
  for (auto& [trigger, type, actors, time] : events) {
    Event event;
    const auto at = static_cast<uint32_t>(text.find(trigger));
    event.span = {at, at + static_cast<uint32_t>(trigger.size())};
    event.type = type;
    event.trigger = trigger;
    for (const std::string& actor : actors) event.actors.push_back({"agent", actor});
    event.time = time;
    analysis.events.push_back(std::move(event));
  }
  return analysis;
}

TEST(StoryClustererTest, ReportsOfOneCallShareAnEventAndLookAlikeCallsStaySeparate) {
  const std::vector<std::string> leaders = {"joe-biden", "benjamin-netanyahu"};
  const std::string april =
      "Biden and Netanyahu discuss Gaza hostages and aid\nThe White House said President Joe "
      "Biden and Israeli Prime Minister Benjamin Netanyahu held a call about hostages held by "
      "Hamas in Gaza and humanitarian aid.";
  const std::string july =
      "Biden and Netanyahu discuss Hamas response on hostages\nPresident Joe Biden held a call "
      "with Israeli Prime Minister Benjamin Netanyahu about the Hamas response on hostages in "
      "Gaza and the cease-fire talks, the White House said.";
  const std::string announced =
      "Biden to speak with Netanyahu about Gaza hostages\nPresident Joe Biden will speak by "
      "phone with Israeli Prime Minister Benjamin Netanyahu on Wednesday about hostages held "
      "by Hamas in Gaza and the cease-fire talks.";
  const std::string reported =
      "Biden presses Netanyahu on Gaza cease-fire deal\nPresident Joe Biden spoke with Israeli "
      "Prime Minister Benjamin Netanyahu on Wednesday about the hostages held by Hamas in Gaza "
      "and the cease-fire talks. Antony Blinken met Netanyahu on Monday.";
  StoryClusterer clusterer;
  clusterer.Add(MakeArticle("apr", "2024-04-28", april),
                WithEvents(april, {{"call", "CALL", leaders, {}}}));
  clusterer.Add(MakeArticle("jul", "2024-07-04", july),
                WithEvents(july, {{"call", "CALL", leaders, {}}}));
  clusterer.Add(MakeArticle("aug-a", "2024-08-21", announced),
                WithEvents(announced, {{"speak", "CALL", leaders, "2024-08-21"}}));
  clusterer.Add(
      MakeArticle("aug-b", "2024-08-22", reported),
      WithEvents(reported,
                 {{"spoke", "CALL", leaders, "2024-08-21"},
                  {"met", "MEET", {"antony-blinken", "benjamin-netanyahu"}, "2024-08-19"}}));
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u) << StoriesJson(clusterer);
  std::vector<std::string> timeline;
  for (const StoryEvent& event : stories[0].events) {
    std::string line = event.type + " " + event.date.value_or("-");
    for (const std::string& article : event.articles) line += " " + article;
    timeline.push_back(line);
  }
  EXPECT_EQ(timeline,
            (std::vector<std::string>{"CALL 2024-04-28 apr", "CALL 2024-07-04 jul",
                                      "MEET 2024-08-19 aug-b", "CALL 2024-08-21 aug-a aug-b"}));
}

TEST(StoryClustererTest, WireCopiesJoinTheSameEvent) {
  StoryClusterer clusterer;
  for (const Article& article : SmallStream()) clusterer.Add(article, {});
  const std::vector<Story> stories = clusterer.Stories();
  const Story* story = StoryOf(stories, "a1");
  ASSERT_NE(story, nullptr);
  EXPECT_EQ(EventOf(*story, "a1"), EventOf(*story, "a2"));
}

TEST(StoryClustererTest, DatelineDateIsTheEventDay) {
  StoryClusterer clusterer;
  clusterer.Add(MakeArticle("k", "2014-06-16",
                            "Shooting at Kokomo bar\nKOKOMO, Ind. (June 15, 2014) — Police in "
                            "Kokomo are investigating a shooting at a bar."),
                {});
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(stories[0].events.size(), 1u);
  EXPECT_EQ(stories[0].events[0].date, "2014-06-15");
}

// A date the opening mentions in a caption or a sentence is not the news day: with no
// published date the event stays undated.
TEST(StoryClustererTest, CaptionDateIsNoEventDay) {
  StoryClusterer clusterer;
  clusterer.Add(MakeArticle("c", "",
                            "Shooting at Kokomo bar\nPolice tape at the bar on June 15, 2014. "
                            "(Photo: Kokomo Tribune)\nPolice in Kokomo are investigating a "
                            "shooting at a bar."),
                {});
  const std::vector<Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(stories[0].events.size(), 1u);
  EXPECT_EQ(stories[0].events[0].date, std::nullopt);
}

TEST(StoryClustererTest, ResumingFromSavedStateMatchesOneRun) {
  const std::vector<Article> stream = SmallStream();
  StoryClusterer whole;
  for (const Article& article : stream) whole.Add(article, {});

  StoryClusterer before;
  for (size_t i = 0; i < 2; ++i) before.Add(stream[i], {});
  std::stringstream state;
  before.Save(state);
  StoryClusterer after;
  after.Load(state);
  for (size_t i = 2; i < stream.size(); ++i) after.Add(stream[i], {});
  EXPECT_EQ(StoriesJson(after), StoriesJson(whole));
}

// Labels show the story's strongest names as its articles wrote them, and stay once a
// story has retired (its centroid gone) and across a saved state.
TEST(StoryClustererTest, LabelsNameTheStrongestNamesAndOutliveRetirement) {
  const std::vector<Article> stream = SmallStream();
  StoryClusterer reference;  // the first three articles: nothing retires
  for (size_t i = 0; i < 3; ++i) reference.Add(stream[i], {});
  const std::vector<Story> expected = reference.Stories();
  EXPECT_EQ(StoryOf(expected, "q1")->label, "Peru, Arequipa, Chala");
  EXPECT_NE(StoryOf(expected, "a1")->label.find("Netanyahu"), std::string::npos);

  StoryClustererOptions options;
  options.retire_after_articles = 1;  // each story retires once another article came
  StoryClusterer clusterer(options);
  for (const Article& article : stream) clusterer.Add(article, {});
  EXPECT_GE(clusterer.retired_stories(), 2u);
  std::stringstream state;
  clusterer.Save(state);
  StoryClusterer loaded(options);
  loaded.Load(state);
  for (const StoryClusterer* c : {&clusterer, &loaded}) {
    const std::vector<Story> stories = c->Stories();
    for (const char* article : {"a1", "q1"}) {
      ASSERT_NE(StoryOf(stories, article), nullptr);
      EXPECT_EQ(StoryOf(stories, article)->label, StoryOf(expected, article)->label);
    }
  }
}

TEST(StoryClustererTest, MalformedStateIsRefused) {
  StoryClusterer clusterer;
  std::istringstream garbage("not a story state at all");
  EXPECT_THROW(clusterer.Load(garbage), std::runtime_error);
  std::ostringstream state;
  for (const Article& article : SmallStream()) clusterer.Add(article, {});
  clusterer.Save(state);
  std::istringstream truncated(state.str().substr(0, state.str().size() / 2));
  StoryClusterer other;
  EXPECT_THROW(other.Load(truncated), std::runtime_error);
}

// B-cubed F1 as shared/tools/score-stories.py computes it.
double BCubedF1(const std::vector<Story>& stories, const std::map<std::string, std::string>& gold) {
  std::map<std::string, int> predicted;
  for (const Story& story : stories) {
    for (const std::string& id : story.articles) predicted.try_emplace(id, story.id);
  }
  double precision = 0, recall = 0;
  for (const auto& [doc, label] : gold) {
    int same_both = 0, same_predicted = 0, same_gold = 0;
    for (const auto& [other, other_label] : gold) {
      const bool p = predicted.at(other) == predicted.at(doc);
      const bool g = other_label == label;
      same_both += p && g, same_predicted += p, same_gold += g;
    }
    precision += static_cast<double>(same_both) / same_predicted;
    recall += static_cast<double>(same_both) / same_gold;
  }
  precision /= gold.size(), recall /= gold.size();
  return 2 * precision * recall / (precision + recall);
}

TEST(StoryClustererTest, GunViolenceCorpusIncidentsAreStories) {
  std::ifstream corpus(std::string(storyline::test_paths::SharedDir()) + "/data/gvc/gvc.jsonl");
  if (!corpus) GTEST_SKIP() << "shared/data/gvc not present";
  StoryClusterer clusterer;
  std::ifstream background(std::string(storyline::test_paths::SourceDir()) +
                           "/models/story-background.tsv");
  ASSERT_TRUE(background);
  clusterer.AddBackground(background);
  std::map<std::string, std::string> gold;
  for (std::string line; std::getline(corpus, line);) {
    const auto record = nlohmann::json::parse(line);
    const Article article = MakeArticle(record["doc_id"], record["dct"], record["text"]);
    gold[article.id] = record["incident_id"];
    clusterer.Add(article, {});
  }
  EXPECT_GE(BCubedF1(clusterer.Stories(), gold), 0.95);
}

TEST(StoryUpdaterTest, StoriesSurviveTheStoreAndIngestResumes) {
  const std::filesystem::path db =
      std::filesystem::temp_directory_path() / ("story_updater_test_" + std::to_string(getpid()));
  std::filesystem::remove(db);
  const std::vector<Article> stream = SmallStream();
  StoryClusterer whole;
  for (const Article& article : stream) whole.Add(article, {});
  {
    auto store = OpenStore(db.string());
    StoryUpdater updater(*store, "/nonexistent/background.tsv");
    updater.Add(stream[0], {});
    updater.Add(stream[1], {});
    updater.Save();
  }
  {
    auto store = OpenStore(db.string(), OpenMode::kMustExist);
    StoryUpdater updater(*store, "/nonexistent/background.tsv");
    for (size_t i = 2; i < stream.size(); ++i) updater.Add(stream[i], {});
    updater.Save();
    EXPECT_EQ(StoriesToJson(store->LoadStories()).dump(), StoriesJson(whole));
  }
  std::filesystem::remove(db);
  std::filesystem::remove(db.string() + "-wal");
  std::filesystem::remove(db.string() + "-shm");
  std::filesystem::remove(db.string() + "-stories.lock");
}

}  // namespace
}  // namespace storyline
