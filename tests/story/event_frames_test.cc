#include "story/event_frames.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

// Byte offset of `needle` in `text` (the test texts hold each needle once).
uint32_t At(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return static_cast<uint32_t>(at);
}

Event MakeEvent(const std::string& text, const std::string& trigger, std::string type,
                std::vector<std::string> actors, std::optional<std::string> time = {}) {
  Event event;
  event.span = {At(text, trigger), At(text, trigger) + static_cast<uint32_t>(trigger.size())};
  event.type = std::move(type);
  event.trigger = trigger;
  for (size_t i = 0; i < actors.size(); ++i) {
    event.actors.push_back({i == 0 ? "agent" : "partner", actors[i]});
  }
  event.time = std::move(time);
  return event;
}

TimeExpression MakeTime(const std::string& text, const std::string& words, std::string value) {
  TimeExpression time;
  time.span = {At(text, words), At(text, words) + static_cast<uint32_t>(words.size())};
  time.text = words;
  time.kind = "DATE";
  time.value = std::move(value);
  return time;
}

const std::string kAnnounced =
    "The White House announced on Sunday that the president reiterated his stance. "
    "In a recent call between Biden and Netanyahu, which lasted about an hour, both "
    "leaders agreed on the next steps. Talks in November led to a release of hostages.";

Analysis AnnouncedAnalysis() {
  Analysis analysis;
  analysis.times = {MakeTime(kAnnounced, "Sunday", "2024-04-28")};
  analysis.events = {MakeEvent(kAnnounced, "announced", "STATEMENT", {"white-house"}, "2024-04-28"),
                     MakeEvent(kAnnounced, "call", "CALL", {"joe-biden", "benjamin-netanyahu"}),
                     MakeEvent(kAnnounced, "release", "RELEASE", {"hamas"}, "2023-11")};
  return analysis;
}

TEST(EventFramesTest, MainFrameIsTheHappeningWithParticipantsNotTheAnnouncement) {
  Article article;
  article.text = kAnnounced;
  article.published = "2024-04-28";
  const ArticleFrames frames = FindEventFrames(article, AnnouncedAnalysis());
  ASSERT_TRUE(frames.main);
  EXPECT_EQ(frames.main->type, "CALL");
  EXPECT_EQ(frames.main->actors, (std::vector<std::string>{"benjamin-netanyahu", "joe-biden"}));
  EXPECT_NE(frames.main->summary.find("In a recent call"), std::string::npos);
}

TEST(EventFramesTest, UndatedMainEventTakesTheDayTheOpeningAnnounces) {
  Article article;
  article.text = kAnnounced;
  article.published = "2024-04-29";  // Monday's paper reports Sunday's announcement
  const ArticleFrames frames = FindEventFrames(article, AnnouncedAnalysis());
  ASSERT_TRUE(frames.main && frames.main->day);
  EXPECT_EQ(FormatIsoDay(*frames.main->day), "2024-04-28");
  EXPECT_TRUE(frames.main->day_inferred);
}

TEST(EventFramesTest, WithoutAPublishedDateAnUndatedEventStaysUndated) {
  Article article;
  article.text = kAnnounced;
  const ArticleFrames frames = FindEventFrames(article, AnnouncedAnalysis());
  ASSERT_TRUE(frames.main);
  EXPECT_FALSE(frames.main->day);
}

TEST(EventFramesTest, HappeningDatedLongBeforePublicationIsBackground) {
  const std::string text =
      "Hamas attacked Israel on Oct. 7, 2023, setting off the war. On Monday Blinken met "
      "Netanyahu in Jerusalem for three hours.";
  Article article;
  article.text = text;
  article.published = "2024-08-21";
  Analysis analysis;
  analysis.events = {
      MakeEvent(text, "attacked", "ATTACK", {"hamas", "israel"}, "2023-10-07"),
      MakeEvent(text, "met", "MEET", {"antony-blinken", "benjamin-netanyahu"}, "2024-08-19")};
  const ArticleFrames frames = FindEventFrames(article, analysis);
  ASSERT_TRUE(frames.main);
  EXPECT_EQ(frames.main->type, "MEET");
  ASSERT_EQ(frames.secondary.size(), 1u);  // the dated background attack stays on the timeline
  EXPECT_EQ(frames.secondary[0].type, "ATTACK");
  EXPECT_EQ(FormatIsoDay(*frames.secondary[0].day), "2023-10-07");
}

TEST(EventFramesTest, SecondaryFramesNeedTheirOwnDayAndAParticipant) {
  Article article;
  article.text = kAnnounced;
  article.published = "2024-04-28";
  // The release is dated only to a month and the statement is reported speech: neither
  // is a secondary happening.
  EXPECT_TRUE(FindEventFrames(article, AnnouncedAnalysis()).secondary.empty());
}

TEST(EventFramesTest, NoMainFrameWithoutANamedParticipant) {
  const std::string text = "The upcoming call was not yet scheduled.";
  Article article;
  article.text = text;
  Analysis analysis;
  analysis.events = {MakeEvent(text, "call", "CALL", {})};
  EXPECT_FALSE(FindEventFrames(article, analysis).main);
}

TEST(EventFramesTest, ADeniedEventIsNoHappening) {
  const std::string text =
      "Biden did not call Netanyahu on Monday. Blinken met Netanyahu on Tuesday. Hamas said "
      "on Sunday it would reply.";
  Article article;
  article.text = text;
  article.published = "2024-08-21";
  Event denied = MakeEvent(text, "call", "CALL", {"joe-biden", "benjamin-netanyahu"}, "2024-08-19");
  denied.negated = true;
  Analysis analysis;
  analysis.events = {denied, MakeEvent(text, "met", "MEET",
                                       {"antony-blinken", "benjamin-netanyahu"}, "2024-08-20")};
  ArticleFrames frames = FindEventFrames(article, analysis);
  ASSERT_TRUE(frames.main);
  EXPECT_EQ(frames.main->type, "MEET");
  EXPECT_TRUE(frames.secondary.empty());
  // Alone it gives no frame at all, though a statement would.
  analysis.events = {denied};
  frames = FindEventFrames(article, analysis);
  EXPECT_FALSE(frames.main);
  EXPECT_TRUE(frames.secondary.empty());
  analysis.events.push_back(MakeEvent(text, "said", "STATEMENT", {"hamas"}, "2024-08-18"));
  frames = FindEventFrames(article, analysis);
  ASSERT_TRUE(frames.main);
  EXPECT_EQ(frames.main->type, "STATEMENT");
}

TEST(EventFramesTest, SameHappeningNeedsTypeSharedParticipantsAndCloseDays) {
  EventFrame call{.type = "CALL", .actors = {"benjamin-netanyahu", "joe-biden"}, .day = 100};
  EventFrame with_harris = call;
  with_harris.actors = {"benjamin-netanyahu", "joe-biden", "kamala-harris"};
  EXPECT_TRUE(call.SameHappening(with_harris, 1));
  EventFrame next_day = call;
  next_day.day = 101;
  EXPECT_TRUE(call.SameHappening(next_day, 1));
  EventFrame months_later = call;
  months_later.day = 167;
  EXPECT_FALSE(call.SameHappening(months_later, 1));
  EventFrame undated = call;
  undated.day.reset();
  EXPECT_TRUE(call.SameHappening(undated, 1));
  EventFrame meeting = call;
  meeting.type = "MEET";
  EXPECT_FALSE(call.SameHappening(meeting, 1));
  EventFrame strangers = call;
  strangers.actors = {"emmanuel-macron", "olaf-scholz"};
  EXPECT_FALSE(call.SameHappening(strangers, 1));
}

}  // namespace
}  // namespace storyline
