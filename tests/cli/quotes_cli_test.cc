// `storyline quotes` and the `storyline stories --story ID` detail view end to end, on a
// store ingested from four hand-written articles: two stories, three named speakers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "command_runner.h"

namespace storyline {
namespace {

using nlohmann::json;
using storyline::testing::RunStoryline;

// id -> text of the articles the store is built from.
const std::map<std::string, std::string>& ArticleTexts() {
  static const std::map<std::string, std::string> texts = {
      {"truce-1",
       "CAIRO — Egyptian and Qatari mediators pressed Israel and Hamas on Monday to accept a "
       "three-phase truce plan that would pause the fighting in Gaza for six weeks. The plan "
       "would free hostages held in Gaza in exchange for Palestinian prisoners and let aid "
       "convoys through the Rafah crossing. “We are closer than we have been in months,” "
       "Secretary of State Antony Blinken said after meeting Egyptian officials in Cairo. "
       "Israeli negotiators were expected to travel to Cairo later in the week to study the "
       "text."},
      {"truce-2",
       "JERUSALEM — Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in "
       "Jerusalem on Wednesday and urged him to accept the truce plan for Gaza. “Time is of the "
       "essence,” Blinken told reporters after the meeting. Netanyahu said Israel would study "
       "the proposal but insisted that the war would not end until Hamas was defeated. Hamas "
       "officials said the group was reviewing the truce plan with the mediators in Cairo and "
       "would respond within days."},
      {"truce-3",
       "DOHA — Hamas delivered its response to the truce plan to Qatari and Egyptian mediators "
       "on Friday, asking for changes to the timing of the hostage releases and a firmer "
       "promise of a permanent ceasefire in Gaza. “We have responded positively, with some "
       "remarks,” Hamas official Osama Hamdan said in Beirut. Blinken said some of the changes "
       "were not workable, but that the gaps could be closed. Mediators said talks on the "
       "truce plan would resume in Cairo next week."},
      {"strike-1",
       "Harbor City’s dockworkers voted on Tuesday to walk off the job next Monday unless "
       "terminal operators improve their pay offer. The guild’s members backed strike action by "
       "91 percent in a ballot that closed on Tuesday evening. “Our members have kept this port "
       "running through every crisis,” guild president Maria Lopez said at the union hall. The "
       "terminal operators association said it remained open to talks and called the vote "
       "regrettable."},
  };
  return texts;
}

void WriteArticles(const std::string& path) {
  const std::vector<json> articles = {
      {{"id", "truce-1"}, {"source", "Harbor Wire"}, {"published", "2024-06-03"}},
      {{"id", "truce-2"}, {"source", "Coastal Herald"}, {"published", "2024-06-05"}},
      {{"id", "truce-3"}, {"source", "Valley Times"}, {"published", "2024-06-07"}},
      {{"id", "strike-1"}, {"source", "Harbor Wire"}, {"published", "2024-06-04"}},
  };
  std::ofstream out(path);
  for (json article : articles) {
    article["text"] = ArticleTexts().at(article["id"]);
    out << article.dump() << "\n";
  }
}

class QuotesCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string base = (std::filesystem::temp_directory_path() /
                              ("storyline-quotes-cli-" + std::to_string(::getpid())))
                                 .string();
    db_ = base + ".db";
    input_ = base + ".jsonl";
    WriteArticles(input_);
    const auto result = RunStoryline("ingest --db " + db_ + " " + input_);
    ASSERT_EQ(result.status, 0) << result.err;
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm", "-stories.lock"}) {
      std::filesystem::remove(db_ + suffix);
    }
    std::filesystem::remove(input_);
  }

  static json Quotes(const std::string& args) {
    const auto result = RunStoryline("quotes --db " + db_ + " " + args + " --json");
    EXPECT_EQ(result.status, 0) << result.err;
    return json::parse(result.out);
  }
  // The id of the story holding `article`, from the list view.
  static int StoryOf(const std::string& article) {
    const json stories = json::parse(RunStoryline("stories --db " + db_ + " --json").out);
    for (const json& story : stories["stories"]) {
      for (const json& id : story["articles"]) {
        if (id == article) return story["id"];
      }
    }
    return -1;
  }

  static std::string db_;
  static std::string input_;
};

std::string QuotesCliTest::db_;
std::string QuotesCliTest::input_;

std::set<std::string> Speakers(const json& quotes) {
  std::set<std::string> speakers;
  for (const json& quote : quotes) {
    speakers.insert(quote["speaker"].is_null() ? "(null)" : quote["speaker"].get<std::string>());
  }
  return speakers;
}

TEST_F(QuotesCliTest, JsonQuotesCarryTheirArticleAndSpanInArrivalOrder) {
  const json out = Quotes("");
  ASSERT_TRUE(out["quotes"].is_array());
  ASSERT_EQ(out["quotes"].size(), 4u) << out.dump();
  const std::vector<std::string> articles = {"truce-1", "truce-2", "truce-3", "strike-1"};
  for (size_t i = 0; i < articles.size(); ++i) {
    const json& quote = out["quotes"][i];
    for (const char* field :
         {"text", "start", "end", "speaker", "speaker_entity", "article", "source", "published"}) {
      EXPECT_TRUE(quote.contains(field)) << field << " in " << quote.dump();
    }
    EXPECT_EQ(quote["article"], articles[i]);
    const std::string& text = ArticleTexts().at(articles[i]);
    const size_t start = quote["start"], end = quote["end"];
    EXPECT_EQ(text.substr(start, end - start), quote["text"]) << quote.dump();
  }
  EXPECT_EQ(out["quotes"][0]["text"], "We are closer than we have been in months,");
  EXPECT_EQ(out["quotes"][0]["source"], "Harbor Wire");
  EXPECT_EQ(out["quotes"][0]["published"], "2024-06-03");
  EXPECT_EQ(out["quotes"][3]["speaker"], "Maria Lopez");
}

TEST_F(QuotesCliTest, SpeakerBySurnameFullNameOrEntityId) {
  for (const char* speaker : {"blinken", "BLINKEN", "'Antony Blinken'", "antony-blinken"}) {
    const json out = Quotes(std::string("--speaker ") + speaker);
    ASSERT_EQ(out["quotes"].size(), 2u) << speaker << ": " << out.dump();
    EXPECT_EQ(Speakers(out["quotes"]), std::set<std::string>{"Antony Blinken"});
    EXPECT_EQ(out["quotes"][0]["speaker_entity"], "antony-blinken");
    EXPECT_EQ(out["quotes"][1]["text"], "Time is of the essence,");
  }
  EXPECT_TRUE(Quotes("--speaker nobody")["quotes"].empty());
  EXPECT_TRUE(Quotes("--speaker blink")["quotes"].empty());
}

TEST_F(QuotesCliTest, StoryKeepsItsOwnArticlesAndLimitCaps) {
  const int strike = StoryOf("strike-1");
  ASSERT_GT(strike, 0);
  ASSERT_NE(strike, StoryOf("truce-1"));
  const json out = Quotes("--story " + std::to_string(strike));
  ASSERT_EQ(out["quotes"].size(), 1u) << out.dump();
  EXPECT_EQ(out["quotes"][0]["article"], "strike-1");
  EXPECT_TRUE(Quotes("--story " + std::to_string(strike) + " --speaker blinken")["quotes"].empty());

  const json first = Quotes("--limit 1");
  ASSERT_EQ(first["quotes"].size(), 1u);
  EXPECT_EQ(first["quotes"][0]["article"], "truce-1");
}

TEST_F(QuotesCliTest, TableShowsSpeakerOutletDateArticleAndQuote) {
  const auto result = RunStoryline("quotes --db " + db_ + " --speaker lopez");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 2)
      << "header, one row: " << result.out;
  for (const char* part :
       {"Maria Lopez", "Harbor Wire", "2024-06-04", "strike-1", "“Our members have"}) {
    EXPECT_NE(result.out.find(part), std::string::npos) << part << " in " << result.out;
  }
  EXPECT_EQ(RunStoryline("quotes --db " + db_ + " --speaker nobody").out, "no quotes\n");
}

TEST_F(QuotesCliTest, UnknownStoryAndMissingStoreExitOne) {
  const auto story = RunStoryline("quotes --db " + db_ + " --story 999 --json");
  EXPECT_EQ(story.status, 1);
  EXPECT_NE(story.err.find("no story 999"), std::string::npos) << story.err;
  EXPECT_TRUE(story.out.empty());
  const auto missing = RunStoryline("quotes --db " + db_ + ".missing");
  EXPECT_EQ(missing.status, 1);
  EXPECT_FALSE(std::filesystem::exists(db_ + ".missing"));
  EXPECT_EQ(RunStoryline("quotes --db " + db_ + " --limit 0").status, 2);
}

TEST_F(QuotesCliTest, StoryDetailJsonHasSummaryWithExactSpansAndQuotesBySpeaker) {
  const int truce = StoryOf("truce-1");
  ASSERT_GT(truce, 0);
  const auto result =
      RunStoryline("stories --db " + db_ + " --story " + std::to_string(truce) + " --json");
  ASSERT_EQ(result.status, 0) << result.err;
  const json story = json::parse(result.out)["story"];
  for (const char* field :
       {"id", "label", "articles", "first", "last", "events", "summary", "quotes_by_speaker"}) {
    EXPECT_TRUE(story.contains(field)) << field;
  }
  EXPECT_EQ(story["id"], truce);

  ASSERT_FALSE(story["summary"].empty());
  EXPECT_LE(story["summary"].size(), 3u);
  std::string previous_date;
  for (const json& sentence : story["summary"]) {
    const std::string article = sentence["article"];
    ASSERT_TRUE(ArticleTexts().contains(article)) << article;
    EXPECT_NE(std::find(story["articles"].begin(), story["articles"].end(), article),
              story["articles"].end());
    const std::string& text = ArticleTexts().at(article);
    const size_t start = sentence["start"], end = sentence["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), sentence["text"]);
    // A whole sentence: it ends the way prose does and starts where one starts.
    EXPECT_EQ(text[end - 1], '.') << sentence.dump();
    EXPECT_TRUE(start == 0 || text.substr(start - 2, 2) == ". " ||
                text.substr(start - 5, 5) == " — ")
        << sentence.dump();
    EXPECT_FALSE(sentence["source"].get<std::string>().empty());
    EXPECT_GE(sentence["published"].get<std::string>(), previous_date);
    previous_date = sentence["published"];
  }

  const json& groups = story["quotes_by_speaker"];
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0]["speaker"], "Antony Blinken");
  EXPECT_EQ(groups[0]["speaker_entity"], "antony-blinken");
  ASSERT_EQ(groups[0]["quotes"].size(), 2u);
  EXPECT_EQ(groups[0]["quotes"][0]["article"], "truce-1");
  EXPECT_TRUE(groups[0]["quotes"][0]["also_in"].empty());
  for (const json& group : groups) {
    for (const json& quote : group["quotes"]) EXPECT_NE(quote["article"], "strike-1");
  }
}

TEST_F(QuotesCliTest, StoryDetailTableAndUnchangedListView) {
  const int truce = StoryOf("truce-1");
  const auto detail = RunStoryline("stories --db " + db_ + " --story " + std::to_string(truce));
  ASSERT_EQ(detail.status, 0) << detail.err;
  for (const char* part :
       {"Summary", "Timeline", "Quotes", "Antony Blinken", "[truce-1, Harbor Wire"}) {
    EXPECT_NE(detail.out.find(part), std::string::npos) << part << " in " << detail.out;
  }
  const json list = json::parse(RunStoryline("stories --db " + db_ + " --json").out);
  ASSERT_EQ(list.size(), 1u);
  for (const json& story : list["stories"]) {
    std::set<std::string> keys;
    for (const auto& [key, value] : story.items()) keys.insert(key);
    EXPECT_EQ(keys, (std::set<std::string>{"id", "label", "articles", "first", "last", "events"}));
  }
  EXPECT_EQ(RunStoryline("stories --db " + db_ + " --story 999").status, 1);
}

}  // namespace
}  // namespace storyline
