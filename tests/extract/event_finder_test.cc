#include "extract/event_finder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

struct EntitySpec {
  std::string_view text;  // first occurrence in the sentence
  std::string_view type;
  std::string_view id;
};

struct TimeSpec {
  std::string_view text;
  std::string_view kind;
  std::string_view value;
};

const PosTagger& Tagger() {
  static const PosTagger tagger =
      PosTagger::Load(std::filesystem::path(STORYLINE_SOURCE_DIR) / "models" / "pos.model");
  return tagger;
}

Span Locate(std::string_view text, std::string_view part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string_view::npos) << part;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// One line per event: "TYPE trigger agent=a partner=b patient=c time=T place=P".
std::string Describe(const Event& event) {
  std::string line = event.type + " " + event.trigger;
  for (const EventActor& actor : event.actors) line += " " + actor.role + "=" + actor.entity;
  line += " time=" + event.time.value_or("-");
  line += " place=" + event.place.value_or("-");
  return line;
}

std::vector<std::string> Find(std::string_view text, std::vector<EntitySpec> entity_specs,
                              std::vector<TimeSpec> time_specs = {},
                              std::vector<std::string_view> full_quotes = {},
                              bool with_tags = true) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  if (with_tags) Tagger().Tag(text, tokens, tags);
  std::vector<EntityMention> entities;
  for (const EntitySpec& spec : entity_specs) {
    EntityMention& mention = entities.emplace_back();
    mention.span = Locate(text, spec.text);
    mention.text = spec.text;
    mention.type = spec.type;
    mention.entity = spec.id;
  }
  std::sort(entities.begin(), entities.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  std::vector<TimeExpression> times;
  for (const TimeSpec& spec : time_specs) {
    times.push_back({Locate(text, spec.text), std::string(spec.text), std::string(spec.kind),
                     spec.value.empty() ? std::nullopt : std::optional<std::string>(spec.value)});
  }
  std::vector<Quote> quotes;
  for (std::string_view quote : full_quotes) {
    quotes.push_back({Locate(text, quote), std::string(quote), std::nullopt, std::nullopt, false});
  }
  std::vector<std::string> lines;
  for (const Event& event : FindEvents(text, tokens, tags, entities, times, quotes)) {
    EXPECT_EQ(text.substr(event.span.start, event.span.end - event.span.start), event.trigger);
    lines.push_back(Describe(event));
  }
  return lines;
}

using Lines = std::vector<std::string>;

constexpr EntitySpec kBiden{"Biden", "PERSON", "joe-biden"};
constexpr EntitySpec kNetanyahu{"Netanyahu", "PERSON", "benjamin-netanyahu"};

TEST(EventFinder, CallsWithAgentPartnerAndTime) {
  EXPECT_EQ(Find("President Joe Biden will speak by phone with Israeli Prime Minister Benjamin "
                 "Netanyahu on Wednesday, a source said.",
                 {{"Joe Biden", "PERSON", "joe-biden"},
                  {"Benjamin Netanyahu", "PERSON", "benjamin-netanyahu"}},
                 {{"Wednesday", "DATE", "2024-08-21"}}),
            (Lines{"CALL speak agent=joe-biden partner=benjamin-netanyahu time=2024-08-21 "
                   "place=-"}));
  EXPECT_EQ(Find("President Biden held a 30-minute phone call with Netanyahu.",
                 {kBiden, kNetanyahu}, {{"30-minute", "DURATION", "PT30M"}}),
            (Lines{"CALL call agent=joe-biden partner=benjamin-netanyahu time=- place=-"}));
  EXPECT_EQ(Find("In a recent call between Biden and Netanyahu, both leaders agreed.",
                 {kBiden, kNetanyahu}),
            (Lines{"CALL call agent=joe-biden partner=benjamin-netanyahu time=- place=-"}));
  EXPECT_EQ(Find("Biden called Netanyahu on Sunday.", {kBiden, kNetanyahu},
                 {{"Sunday", "DATE", "2024-04-28"}}),
            (Lines{"CALL called agent=joe-biden partner=benjamin-netanyahu time=2024-04-28 "
                   "place=-"}));
}

TEST(EventFinder, MeetingsWithCoordinatedActorsPlaceAndNearestTime) {
  EXPECT_EQ(
      Find("Biden and Netanyahu met in Cairo on Monday.",
           {kBiden, kNetanyahu, {"Cairo", "PLACE", "cairo"}}, {{"Monday", "DATE", "2024-08-19"}}),
      (Lines{"MEET met agent=joe-biden partner=benjamin-netanyahu time=2024-08-19 "
             "place=cairo"}));
  EXPECT_EQ(Find("Blinken met Netanyahu on Monday after arriving on Sunday.",
                 {{"Blinken", "PERSON", "antony-blinken"}, kNetanyahu},
                 {{"Monday", "DATE", "2024-08-19"}, {"Sunday", "DATE", "2024-08-18"}}),
            (Lines{"MEET met agent=antony-blinken partner=benjamin-netanyahu time=2024-08-19 "
                   "place=-"}));
  // An unresolved time is no time.
  EXPECT_EQ(
      Find("Egypt is meeting with Hamas negotiators on Wednesday.",
           {{"Egypt", "PLACE", "egypt"}, {"Hamas", "ORG", "hamas"}}, {{"Wednesday", "DATE", ""}}),
      (Lines{"MEET meeting agent=egypt partner=hamas time=- place=-"}));
}

TEST(EventFinder, FoldsAPointingBackCallIntoTheEarlierOne) {
  EXPECT_EQ(Find("Biden spoke with Netanyahu on Wednesday. Vice President Harris also joined the "
                 "call. During their call, the leaders discussed Lebanon.",
                 {kBiden, kNetanyahu, {"Harris", "PERSON", "kamala-harris"}},
                 {{"Wednesday", "DATE", "2024-08-21"}}),
            (Lines{"CALL spoke agent=joe-biden partner=benjamin-netanyahu partner=kamala-harris "
                   "time=2024-08-21 place=-"}));
}

TEST(EventFinder, IndirectSpeechIsAStatementButQuotesAreNot) {
  EXPECT_EQ(Find("Hamas said the proposal meets Netanyahu's conditions.",
                 {{"Hamas", "ORG", "hamas"}, kNetanyahu}),
            (Lines{"STATEMENT said agent=hamas time=- place=-"}));
  const std::string_view quoted = "\"We are close,\" Blinken said.";
  EXPECT_EQ(Find(quoted, {{"Blinken", "PERSON", "antony-blinken"}}, {}, {"We are close,"}),
            Lines{});
}

TEST(EventFinder, OtherTypesWithPatientsAndPassives) {
  const EntitySpec israel{"Israel", "PLACE", "israel"};
  const EntitySpec hamas{"Hamas", "ORG", "hamas"};
  EXPECT_EQ(Find("Israel struck Rafah on Tuesday.", {israel, {"Rafah", "PLACE", "rafah"}},
                 {{"Tuesday", "DATE", "2024-05-07"}}),
            (Lines{"ATTACK struck agent=israel patient=rafah time=2024-05-07 place=-"}));
  EXPECT_EQ(Find("Hostages were killed by Hamas in Gaza.", {hamas, {"Gaza", "PLACE", "gaza"}}),
            (Lines{"ATTACK killed agent=hamas time=- place=gaza"}));
  EXPECT_EQ(Find("Hamas released four hostages on Saturday.", {hamas},
                 {{"Saturday", "DATE", "2024-01-06"}}),
            (Lines{"RELEASE released agent=hamas time=2024-01-06 place=-"}));
  EXPECT_EQ(Find("Israel withdrew its troops from Khan Younis on Sunday.", {israel},
                 {{"Sunday", "DATE", "2024-04-07"}}),
            (Lines{"WITHDRAW withdrew agent=israel time=2024-04-07 place=-"}));
  EXPECT_EQ(Find("Hamas rejected the offer in Doha.", {hamas, {"Doha", "PLACE", "doha"}}),
            (Lines{"REJECT rejected agent=hamas time=- place=doha"}));
  EXPECT_EQ(Find("Netanyahu's refusal angered Hamas.", {kNetanyahu, hamas}),
            (Lines{"REJECT refusal agent=benjamin-netanyahu time=- place=-"}));
  EXPECT_EQ(Find("Hamas's calls for a ceasefire in Gaza have grown louder.",
                 {hamas, {"Gaza", "PLACE", "gaza"}}),
            (Lines{"DEMAND calls agent=hamas time=- place=gaza"}));
}

TEST(EventFinder, SkipsNegatedWishedForAndNonEventReadings) {
  EXPECT_EQ(Find("Netanyahu did not meet Biden.", {kNetanyahu, kBiden}), Lines{});
  // Only the demand happened; the acceptance is asked for.
  EXPECT_EQ(Find("Qatar urged Hamas to accept the deal.",
                 {{"Qatar", "PLACE", "qatar"}, {"Hamas", "ORG", "hamas"}}),
            (Lines{"DEMAND urged agent=qatar patient=hamas time=- place=-"}));
  EXPECT_EQ(Find("The plan meets Israel's demands.", {{"Israel", "PLACE", "israel"}}),
            (Lines{"DEMAND demands agent=israel time=- place=-"}));
  EXPECT_EQ(Find("Two aid workers died in Gaza.", {{"Gaza", "PLACE", "gaza"}}), Lines{});
  EXPECT_EQ(Find("Biden spoke to reporters.", {kBiden}), Lines{});
  EXPECT_EQ(Find("Hamas pulls back on its new conditions.", {{"Hamas", "ORG", "hamas"}}), Lines{});
  EXPECT_EQ(Find("Microsoft released a new browser on Tuesday.",
                 {{"Microsoft", "ORG", "microsoft"}}, {{"Tuesday", "DATE", "2013-09-17"}}),
            Lines{});
  EXPECT_EQ(Find("Microsoft released a new browser on Tuesday.",
                 {{"Microsoft", "ORG", "microsoft"}}, {{"Tuesday", "DATE", "2013-09-17"}}),
            Lines{});
}

TEST(EventFinder, WorksWithoutTags) {
  EXPECT_EQ(Find("Biden met Netanyahu.", {kBiden, kNetanyahu}, {}, {}, /*with_tags=*/false),
            (Lines{"MEET met agent=joe-biden partner=benjamin-netanyahu time=- place=-"}));
}

TEST(EventFinder, GarbageInputIsSafe) {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::string text(random() % 200, '\0');
    for (char& c : text) c = static_cast<char>(random() % 256);
    if (round % 2 == 0) text += " met with called for talks by phone with and in at 's";
    const TokenizedText tokens = Tokenizer().Tokenize(text);
    std::vector<EntityMention> entities(3);
    for (EntityMention& m : entities) {
      m.span = {static_cast<uint32_t>(random() % 300), static_cast<uint32_t>(random() % 300)};
      m.type = round % 3 == 0 ? "PLACE" : "PERSON";
      m.entity = "x";
    }
    std::vector<TimeExpression> times{{{5, 2}, "", "DATE", "2024"}};
    std::vector<Quote> quotes{{{0, 1000}, "", std::nullopt, std::nullopt, round % 4 == 0}};
    std::vector<PosTag> tags(round % 5, PosTag{"VERB", "VBD"});  // wrong sizes are ignored
    for (const Event& event : FindEvents(text, tokens, tags, entities, times, quotes)) {
      EXPECT_LE(event.span.end, text.size());
    }
  }
  TokenizedText broken;
  broken.tokens = {{0, 3}, {4, 400}};
  broken.sentences = {{0, 9}, {1, 0}, {0, 2}};
  EXPECT_TRUE(FindEvents("met x", broken, {}, {}, {}, {}).empty());
}

}  // namespace
}  // namespace storyline
