#include "extract/events/event_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "nlp/dependency_parser.h"
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
  static const PosTagger tagger = PosTagger::Load(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models" / "pos.model");
  return tagger;
}

const DependencyParser& Parser() {
  static const DependencyParser parser = DependencyParser::Load(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models" / "parser.model");
  return parser;
}

Span Locate(std::string_view text, std::string_view part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string_view::npos) << part;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// One line per event: "TYPE trigger agent=a partner=b patient=c time=T place=P", and
// " negated" for a denied one.
std::string Describe(const Event& event) {
  std::string line = event.type + " " + event.trigger;
  for (const EventActor& actor : event.actors) line += " " + actor.role + "=" + actor.entity;
  line += " time=" + event.time.value_or("-");
  line += " place=" + event.place.value_or("-");
  if (event.negated) line += " negated";
  return line;
}

std::vector<Event> FindAll(std::string_view text, std::vector<EntitySpec> entity_specs,
                           std::vector<TimeSpec> time_specs = {},
                           std::vector<std::string_view> full_quotes = {}, bool with_tags = true,
                           std::vector<std::string_view> partial_quotes = {},
                           bool with_parse = false) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  if (with_tags) Tagger().Tag(text, tokens, tags);
  std::vector<Dependency> deps;
  if (with_parse) Parser().Parse(text, tokens, tags, deps);
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
  for (std::string_view quote : partial_quotes) {
    quotes.push_back({Locate(text, quote), std::string(quote), std::nullopt, std::nullopt, true});
  }
  std::sort(quotes.begin(), quotes.end(),
            [](const Quote& a, const Quote& b) { return a.span.start < b.span.start; });
  return FindEvents(text, tokens, tags, deps, entities, times, quotes);
}

std::vector<std::string> Find(std::string_view text, std::vector<EntitySpec> entity_specs,
                              std::vector<TimeSpec> time_specs = {},
                              std::vector<std::string_view> full_quotes = {}, bool with_tags = true,
                              std::vector<std::string_view> partial_quotes = {}) {
  std::vector<std::string> lines;
  for (const Event& event :
       FindAll(text, entity_specs, time_specs, full_quotes, with_tags, partial_quotes)) {
    EXPECT_EQ(text.substr(event.span.start, event.span.end - event.span.start), event.trigger);
    lines.push_back(Describe(event));
  }
  return lines;
}

using Lines = std::vector<std::string>;

// The events of `text` with the sentence parsed, as Find describes them.
Lines FindParsed(std::string_view text, std::vector<EntitySpec> entity_specs,
                 std::vector<TimeSpec> time_specs = {}) {
  Lines lines;
  for (const Event& event : FindAll(text, entity_specs, time_specs, {}, true, {}, true)) {
    lines.push_back(Describe(event));
  }
  return lines;
}

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

std::string_view ContentOf(std::string_view text, const Event& event) {
  if (!event.content) return "-";
  return text.substr(event.content->start, event.content->end - event.content->start);
}

TEST(EventFinder, StatementsReportWhatWasSaid) {
  const EntitySpec hamas{"Hamas", "ORG", "hamas"};
  const std::string_view after =
      "Hamas said on Friday that the proposal meets Netanyahu's demands.";
  std::vector<Event> events =
      FindAll(after, {hamas, kNetanyahu}, {{"Friday", "DATE", "2024-08-16"}});
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(Describe(events[0]), "STATEMENT said agent=hamas time=2024-08-16 place=-");
  EXPECT_EQ(ContentOf(after, events[0]), "the proposal meets Netanyahu's demands");

  const std::string_view before =
      "Vice President Harris also joined the call, the White House said.";
  events = FindAll(before, {{"Harris", "PERSON", "kamala-harris"}, {"White House", "ORG", "wh"}});
  ASSERT_EQ(events.size(), 2u);  // the call Harris joined, and the statement
  EXPECT_EQ(Describe(events[1]), "STATEMENT said agent=wh time=- place=-");
  EXPECT_EQ(ContentOf(before, events[1]), "Vice President Harris also joined the call");

  // A fronted time is not what was said; an addressee before "that" is skipped.
  const std::string_view told =
      "On Tuesday, Osama Hamdan told Al Jazeera that Hamas has no demands.";
  events = FindAll(
      told,
      {{"Osama Hamdan", "PERSON", "osama-hamdan"}, {"Al Jazeera", "ORG", "al-jazeera"}, hamas},
      {{"Tuesday", "DATE", "2024-02-13"}});
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(Describe(events[0]).substr(0, 50),
            "STATEMENT told agent=osama-hamdan time=2024-02-13 ");
  EXPECT_EQ(ContentOf(told, events[0]), "Hamas has no demands");

  // A time inside what was said dates the words, not the statement.
  const std::string_view inside =
      "The team reviewed the response Hamas sent earlier this week, "
      "the White House said.";
  events = FindAll(inside, {hamas, {"White House", "ORG", "wh"}},
                   {{"earlier this week", "DATE", "2024-W27"}});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Describe(events[0]), "STATEMENT said agent=wh time=- place=-");
  EXPECT_FALSE(FindAll("Hamas met Israel.", {hamas, {"Israel", "PLACE", "israel"}})[0].content);
}

TEST(EventFinder, OneStatementPerSpeakerAndSentenceAndNoneInsideQuotations) {
  const std::string_view text =
      "Hamas said the newly announced \"proposal meets his refusal of a permanent cease-fire and a "
      "withdrawal from Gaza,\" Hamas said in a statement.";
  EXPECT_EQ(
      Find(text, {{"Hamas", "ORG", "hamas"}, {"Gaza", "PLACE", "gaza"}}, {}, {}, true,
           {"proposal meets his refusal of a permanent cease-fire and a withdrawal from Gaza,"}),
      (Lines{"STATEMENT said agent=hamas time=- place=-"}));
}

TEST(EventFinder, TimesAndPlacesGoToTheTriggerOfTheirClause) {
  EXPECT_EQ(Find("Israel has destroyed 150 tunnels in Rafah, Yoav Gallant said Wednesday.",
                 {{"Israel", "PLACE", "israel"},
                  {"Rafah", "PLACE", "rafah"},
                  {"Yoav Gallant", "PERSON", "yoav-gallant"}},
                 {{"Wednesday", "DATE", "2024-08-21"}}),
            (Lines{"ATTACK destroyed agent=israel time=- place=rafah",
                   "STATEMENT said agent=yoav-gallant time=2024-08-21 place=-"}));
  EXPECT_EQ(Find("Earlier this month, Hamas proposed a six-week ceasefire.",
                 {{"Hamas", "ORG", "hamas"}}, {{"Earlier this month", "DATE", "2024-04"}}),
            (Lines{"PROPOSE proposed agent=hamas time=2024-04 place=-"}));
  // A trailing clause without a trigger of its own lends nothing.
  EXPECT_EQ(Find("Hamas rejected the plan, saying its fighters will remain in Gaza.",
                 {{"Hamas", "ORG", "hamas"}, {"Gaza", "PLACE", "gaza"}}),
            (Lines{"REJECT rejected agent=hamas time=- place=-"}));
  // Two triggers of one clause: each date goes to the nearer one.
  EXPECT_EQ(Find("Israel continued after a Hamas attack on Oct. 7, 2023, despite a resolution "
                 "calling for a cease-fire.",
                 {{"Hamas", "ORG", "hamas"}}, {{"Oct. 7, 2023", "DATE", "2023-10-07"}}),
            (Lines{"ATTACK attack agent=hamas time=2023-10-07 place=-"}));
}

TEST(EventFinder, AnEventInASentenceThatPointsBackToADatedAnnouncementTakesItsDate) {
  const std::vector<EntitySpec> entities = {
      {"White House", "ORG", "wh"}, kBiden, {"Netanyahu", "PERSON", "benjamin-netanyahu"}};
  EXPECT_EQ(
      Find("The White House announced on Thursday a breakthrough. The announcement was made "
           "after Biden held a phone call with Netanyahu.",
           entities, {{"Thursday", "DATE", "2024-07-04"}}),
      (Lines{"STATEMENT announced agent=wh time=2024-07-04 place=-",
             "CALL call agent=joe-biden partner=benjamin-netanyahu time=2024-07-04 place=-"}));
  // Without the pointing noun the call stays undated: no guessing.
  EXPECT_EQ(Find("The White House announced on Thursday a breakthrough. Earlier, Biden held a "
                 "phone call with Netanyahu.",
                 entities, {{"Thursday", "DATE", "2024-07-04"}}),
            (Lines{"STATEMENT announced agent=wh time=2024-07-04 place=-",
                   "CALL call agent=joe-biden partner=benjamin-netanyahu time=- place=-"}));
}

TEST(EventFinder, MarksPlannedEvents) {
  const auto planned = [](std::string_view text) {
    const std::vector<Event> events = FindAll(text, {kBiden, kNetanyahu});
    EXPECT_EQ(events.size(), 1u) << text;
    return !events.empty() && events[0].planned;
  };
  EXPECT_TRUE(planned("Biden will speak by phone with Netanyahu."));
  EXPECT_TRUE(planned("Biden is scheduled to visit Netanyahu."));
  EXPECT_TRUE(planned("Biden has an upcoming meeting with Netanyahu."));
  EXPECT_FALSE(planned("Biden spoke by phone with Netanyahu."));
  EXPECT_FALSE(planned("Biden has met Netanyahu."));
}

// A strike is an attack unless workers walk out.
TEST(EventFinder, LabourStrikesAreNoAttacks) {
  const EntitySpec israel{"Israel", "PLACE", "israel"};
  const EntitySpec guild{"Dockworkers' Guild", "ORG", "guild"};
  const auto attacks = [](const Lines& lines) {
    return std::count_if(lines.begin(), lines.end(),
                         [](const std::string& line) { return line.starts_with("ATTACK"); });
  };
  EXPECT_EQ(
      attacks(Find("Israel carried out strikes on Rafah.", {israel, {"Rafah", "PLACE", "rafah"}})),
      1);
  EXPECT_EQ(attacks(Find("Israel launched a drone strike on the port of Hodeidah.", {israel})), 1);
  // Workers in the sentence, but people were hurt: still an attack.
  EXPECT_EQ(attacks(Find("An Israel strike on the convoy wounded three aid workers.", {israel})),
            1);
  EXPECT_EQ(attacks(Find("The Dockworkers' Guild began a general strike.", {guild})), 0);
  EXPECT_EQ(attacks(Find("The Dockworkers' Guild extended its port strike.", {guild})), 0);
  EXPECT_EQ(
      attacks(Find("The Dockworkers' Guild ended its strike and the workers went back.", {guild})),
      0);
  EXPECT_EQ(attacks(Find("The Dockworkers' Guild held a strike vote.", {guild})), 0);
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
  EXPECT_EQ(Find("Hamas is demanding the release of 100 prisoners.", {hamas}),
            (Lines{"DEMAND demanding agent=hamas time=- place=-"}));
  EXPECT_EQ(
      Find("Israel denies the July 31 assassination of a Hamas leader in Tehran.",
           {israel, hamas, {"Tehran", "PLACE", "tehran"}}, {{"July 31", "DATE", "2024-07-31"}}),
      (Lines{"ATTACK assassination patient=hamas time=2024-07-31 place=tehran"}));
  EXPECT_EQ(Find("Hamas's calls for a ceasefire in Gaza have grown louder.",
                 {hamas, {"Gaza", "PLACE", "gaza"}}),
            (Lines{"DEMAND calls agent=hamas time=- place=gaza"}));
}

TEST(EventFinder, ReportsDeniedEventsAsNegated) {
  EXPECT_EQ(Find("Netanyahu did not meet Biden.", {kNetanyahu, kBiden}),
            (Lines{"MEET meet agent=benjamin-netanyahu partner=joe-biden time=- place=- negated"}));
  EXPECT_EQ(
      Find("Biden never called Netanyahu.", {kBiden, kNetanyahu}),
      (Lines{"CALL called agent=joe-biden partner=benjamin-netanyahu time=- place=- negated"}));
  EXPECT_EQ(Find("Hamas has not released the hostages.", {{"Hamas", "ORG", "hamas"}}),
            (Lines{"RELEASE released agent=hamas time=- place=- negated"}));
  EXPECT_EQ(Find("Biden did not hold a call with Netanyahu.", {kBiden, kNetanyahu}),
            (Lines{"CALL call agent=joe-biden partner=benjamin-netanyahu time=- place=- negated"}));
  // A "not" outside the verb's auxiliaries denies something else.
  EXPECT_EQ(
      Find("Nobody knows whether or not Hamas accepted the offer.", {{"Hamas", "ORG", "hamas"}}),
      (Lines{"ACCEPT accepted agent=hamas time=- place=-"}));
  // Who did not join a call is no partner of it.
  EXPECT_EQ(Find("Biden spoke with Netanyahu. Harris did not join the call.",
                 {kBiden, kNetanyahu, {"Harris", "PERSON", "kamala-harris"}}),
            (Lines{"CALL spoke agent=joe-biden partner=benjamin-netanyahu time=- place=-",
                   "CALL call agent=kamala-harris time=- place=- negated"}));
}

TEST(EventFinder, PronounSubjectsAndPossessivesTakeTheirAntecedents) {
  const EntitySpec blinken{"Blinken", "PERSON", "antony-blinken"};
  EXPECT_EQ(Find("Blinken landed in Tel Aviv. He spoke with Netanyahu on Monday.",
                 {blinken, {"Tel Aviv", "PLACE", "tel-aviv"}, kNetanyahu},
                 {{"Monday", "DATE", "2024-08-19"}}),
            (Lines{"CALL spoke agent=antony-blinken partner=benjamin-netanyahu time=2024-08-19 "
                   "place=-"}));
  EXPECT_EQ(
      Find("Egypt and Qatar hosted the delegations. They met in Doha on Sunday.",
           {{"Egypt", "PLACE", "egypt"}, {"Qatar", "PLACE", "qatar"}, {"Doha", "PLACE", "doha"}},
           {{"Sunday", "DATE", "2024-08-18"}}),
      (Lines{"MEET met agent=egypt partner=qatar time=2024-08-18 place=doha"}));
  const std::string_view said =
      "The European Commission reviewed the plan. It said the proposal needs more work.";
  const std::vector<Event> events = FindAll(said, {{"European Commission", "ORG", "ec"}});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Describe(events[0]), "STATEMENT said agent=ec time=- place=-");
  EXPECT_EQ(ContentOf(said, events[0]), "the proposal needs more work");
  EXPECT_EQ(Find("Israel said on Monday that its strikes on Rafah would go on.",
                 {{"Israel", "PLACE", "israel"}, {"Rafah", "PLACE", "rafah"}},
                 {{"Monday", "DATE", "2024-05-06"}}),
            (Lines{"STATEMENT said agent=israel time=2024-05-06 place=-",
                   "ATTACK strikes agent=israel patient=rafah time=- place=-"}));
  // Two people equally near: no agent, so no statement.
  EXPECT_EQ(Find("Biden and Netanyahu met on Monday. He said the talks went well.",
                 {kBiden, kNetanyahu}, {{"Monday", "DATE", "2024-08-19"}}),
            (Lines{"MEET met agent=joe-biden partner=benjamin-netanyahu time=2024-08-19 "
                   "place=-"}));
}

TEST(EventFinder, SkipsWishedForAndNonEventReadings) {
  // Only the demand happened; the acceptance is asked for.
  EXPECT_EQ(Find("Qatar urged Hamas to accept the deal.",
                 {{"Qatar", "PLACE", "qatar"}, {"Hamas", "ORG", "hamas"}}),
            (Lines{"DEMAND urged agent=qatar patient=hamas time=- place=-"}));
  EXPECT_EQ(Find("The plan meets Israel's demands.", {{"Israel", "PLACE", "israel"}}),
            (Lines{"DEMAND demands agent=israel time=- place=-"}));
  // Aid workers are no aid; their death is a happening of its own.
  EXPECT_EQ(Find("Two aid workers died in Gaza.", {{"Gaza", "PLACE", "gaza"}}),
            Lines{"OTHER died time=- place=gaza"});
  EXPECT_EQ(Find("Biden spoke to reporters.", {kBiden}), Lines{});
  EXPECT_EQ(Find("Hamas pulls back on its new conditions.", {{"Hamas", "ORG", "hamas"}}), Lines{});
  EXPECT_EQ(Find("Microsoft released a new browser on Tuesday.",
                 {{"Microsoft", "ORG", "microsoft"}}, {{"Tuesday", "DATE", "2013-09-17"}}),
            Lines{});
  EXPECT_EQ(Find("Microsoft released a new browser on Tuesday.",
                 {{"Microsoft", "ORG", "microsoft"}}, {{"Tuesday", "DATE", "2013-09-17"}}),
            Lines{});
}

// After a determiner a trigger word heads a noun phrase, whatever the tagger says: the
// meeting is not something Axios was met at, and "the proposed exchange" proposes nothing.
TEST(EventFinder, ATriggerAfterADeterminerIsANoun) {
  EXPECT_EQ(
      Find("Three sources with knowledge of the meeting told Axios.", {{"Axios", "ORG", "axios"}}),
      Lines{});
  EXPECT_EQ(Find("Marsh will discuss the proposed prisoner exchange with Ferreira.",
                 {{"Marsh", "PERSON", "julian-marsh"}, {"Ferreira", "PERSON", "nadia-ferreira"}}),
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
    for (const Event& event : FindEvents(text, tokens, tags, {}, entities, times, quotes)) {
      EXPECT_LE(event.span.end, text.size());
    }
  }
  TokenizedText broken;
  broken.tokens = {{0, 3}, {4, 400}};
  broken.sentences = {{0, 9}, {1, 0}, {0, 2}};
  EXPECT_TRUE(FindEvents("met x", broken, {}, {}, {}, {}, {}).empty());
}

// With a parse, the subject of a verb counts when words stand between them that the
// position rules do not skip: a time ("on Monday"), an apposition, a relative clause.
TEST(EventFinder, ParseFindsSubjectsBeyondTheWordsBeforeTheVerb) {
  constexpr EntitySpec kUnion{"The Northern Farmers Union", "ORG", "northern-farmers-union"};
  const TimeSpec monday{"Monday", "DATE", "2025-03-03"};
  EXPECT_EQ(Find("The Northern Farmers Union on Monday rejected the offer.", {kUnion}, {monday}),
            (Lines{"REJECT rejected time=2025-03-03 place=-"}));
  EXPECT_EQ(
      FindParsed("The Northern Farmers Union on Monday rejected the offer.", {kUnion}, {monday}),
      (Lines{"REJECT rejected agent=northern-farmers-union time=2025-03-03 place=-"}));
  constexpr EntitySpec kBrennan{"Helena Brennan", "PERSON", "helena-brennan"};
  const std::string_view apposition =
      "Helena Brennan, chief negotiator for the shipping association, said the employers would "
      "bring new ideas.";
  // A person who opens the sentence before a comma is its subject by position too.
  EXPECT_EQ(Find(apposition, {kBrennan}),
            (Lines{"STATEMENT said agent=helena-brennan time=- place=-"}));
  EXPECT_EQ(FindParsed(apposition, {kBrennan}),
            (Lines{"STATEMENT said agent=helena-brennan time=- place=-"}));
  EXPECT_EQ(FindParsed("Mayor Elena Ruiz, who met Okafor on Wednesday, said she was hopeful.",
                       {{"Elena Ruiz", "PERSON", "elena-ruiz"}, {"Okafor", "PERSON", "okafor"}},
                       {{"Wednesday", "DATE", "2025-03-05"}}),
            (Lines{"MEET met agent=elena-ruiz partner=okafor time=2025-03-05 place=-",
                   "STATEMENT said agent=elena-ruiz time=- place=-"}));
}

// A dateline the parser joins to the subject is no actor, nor is the noun a present-tense
// relative clause describes, and a place inside a relative clause is not the event's.
TEST(EventFinder, ParseKeepsDatelinesAndRelativeClausesOut) {
  EXPECT_EQ(FindParsed("GENEVA, Switzerland — Iran on Friday accepted the proposal.",
                       {{"GENEVA", "PLACE", "geneva"},
                        {"Switzerland", "PLACE", "switzerland"},
                        {"Iran", "PLACE", "iran"}},
                       {{"Friday", "DATE", "2025-03-07"}}),
            (Lines{"ACCEPT accepted time=2025-03-07 place=-"}));
  EXPECT_EQ(FindParsed("The Red Cross, which visits prisoners in both countries, said the talks "
                       "had stalled.",
                       {{"The Red Cross", "ORG", "red-cross"}}),
            Lines{});
  EXPECT_EQ(FindParsed("Qatar, which has a large base in Doha, declared its support for the plan.",
                       {{"Qatar", "PLACE", "qatar"}, {"Doha", "PLACE", "doha"}}),
            (Lines{"STATEMENT declared agent=qatar time=- place=-"}));
}

// Crime news names its happening with its own words: shootings, stabbings and murders
// are attacks, and the subject of a passive is who was attacked, never the attacker.
TEST(EventFinder, ShootingsAreAttacksOnTheirVictims) {
  constexpr EntitySpec kWilson{"Javon Wilson", "PERSON", "javon-wilson"};
  const TimeSpec friday{"Friday", "DATE", "2016-11-18"};
  EXPECT_EQ(
      Find("Javon Wilson was shot and killed inside his home on Friday.", {kWilson}, {friday}),
      (Lines{"ATTACK shot patient=javon-wilson time=2016-11-18 place=-"}));
  EXPECT_EQ(FindParsed("Javon Wilson was shot and killed inside his home on Friday.", {kWilson},
                       {friday}),
            (Lines{"ATTACK shot patient=javon-wilson time=2016-11-18 place=-"}));
  EXPECT_EQ(Find("Dakota Schriefer was accidentally shot in the chest by William Dabill.",
                 {{"Dakota Schriefer", "PERSON", "dakota-schriefer"},
                  {"William Dabill", "PERSON", "william-dabill"}}),
            (Lines{"ATTACK shot agent=william-dabill patient=dakota-schriefer time=- place=-"}));
  EXPECT_EQ(Find("Police say Steven Dolan shot his wife Brenda on Tuesday.",
                 {{"Steven Dolan", "PERSON", "steven-dolan"}, {"Brenda", "PERSON", "brenda"}},
                 {{"Tuesday", "DATE", "2016-06-28"}}),
            (Lines{"ATTACK shot agent=steven-dolan patient=brenda time=2016-06-28 place=-"}));
  EXPECT_EQ(Find("The shooting in Kokomo on Sunday sent four people to the hospital.",
                 {{"Kokomo", "PLACE", "kokomo"}}, {{"Sunday", "DATE", "2014-06-15"}}),
            (Lines{"ATTACK shooting time=2014-06-15 place=kokomo"}));
  // Named by no one and on no day, the harm done is still the happening.
  EXPECT_EQ(Find("A 3-year-old girl was shot and killed while riding in a car.", {}),
            (Lines{"ATTACK shot time=- place=-"}));
  EXPECT_EQ(Find("Kenneth Murphy was charged with the shooting death of Christopher Rodriguez.",
                 {{"Kenneth Murphy", "PERSON", "kenneth-murphy"},
                  {"Christopher Rodriguez", "PERSON", "christopher-rodriguez"}}),
            (Lines{"ATTACK shooting patient=christopher-rodriguez time=- place=-"}));
  EXPECT_EQ(Find("An accidental shooting left a 12-year-old boy dead.", {}),
            (Lines{"ATTACK shooting time=- place=-"}));
  EXPECT_EQ(Find("Dakota Schriefer died Sunday from a gunshot wound.",
                 {{"Dakota Schriefer", "PERSON", "dakota-schriefer"}},
                 {{"Sunday", "DATE", "2016-08-28"}}),
            (Lines{"OTHER died patient=dakota-schriefer time=2016-08-28 place=-"}));
  EXPECT_EQ(Find("Gary Gomes was accused of stabbing his mother on Tuesday.",
                 {{"Gary Gomes", "PERSON", "gary-gomes"}}, {{"Tuesday", "DATE", "2008-12-23"}}),
            (Lines{"ATTACK stabbing time=2008-12-23 place=-"}));
  EXPECT_EQ(Find("Riots followed Kimani Gray's shooting by police.",
                 {{"Kimani Gray", "PERSON", "kimani-gray"}}),
            (Lines{"ATTACK shooting patient=kimani-gray time=- place=-"}));
  EXPECT_EQ(Find("A girl in Detroit died on Sunday.", {{"Detroit", "PLACE", "detroit"}},
                 {{"Sunday", "DATE", "2016-05-22"}}),
            (Lines{"OTHER died time=2016-05-22 place=detroit"}));
  EXPECT_EQ(Find("Two youngsters accessed guns and shot themselves.", {}),
            (Lines{"ATTACK shot time=- place=-"}));
  // A name that only modifies the subject is not the victim.
  EXPECT_EQ(Find("The grandson of Rep. Danny Davis was fatally shot on Friday.",
                 {{"Danny Davis", "PERSON", "danny-davis"}}, {friday}),
            (Lines{"ATTACK shot time=2016-11-18 place=-"}));
}

// "Shot" is an attack only on someone; "shooting" only as the act of firing.
TEST(EventFinder, ShotAtNothingIsNoAttack) {
  constexpr EntitySpec kApple{"Apple", "ORG", "apple"};
  const TimeSpec monday{"Monday", "DATE", "2019-11-18"};
  EXPECT_EQ(Find("Apple shot a new video on Monday.", {kApple}, {monday}), Lines{});
  EXPECT_EQ(Find("Apple shares shot up 5% on Monday.", {kApple}, {monday}), Lines{});
  EXPECT_EQ(Find("Apple opened a shooting range on Monday.", {kApple}, {monday}), Lines{});
}

// Disasters and accidents hurt without an attacker: OTHER, with the place they struck.
TEST(EventFinder, DisastersAreNoAttacks) {
  const TimeSpec monday{"Monday", "DATE", "2013-11-25"};
  // The fire that did it is the happening; what it did folds into it.
  EXPECT_EQ(Find("The fire destroyed 20 homes on Monday.", {}, {monday}),
            (Lines{"OTHER fire time=2013-11-25 place=-"}));
  EXPECT_EQ(
      Find("Firefighters fought the blaze, which destroyed the store on Monday.", {}, {monday}),
      (Lines{"OTHER destroyed time=2013-11-25 place=-"}));
  EXPECT_EQ(Find("Two soldiers were killed in a helicopter crash in Afghanistan on Monday.",
                 {{"Afghanistan", "PLACE", "afghanistan"}}, {monday}),
            (Lines{"OTHER killed time=2013-11-25 place=afghanistan"}));
  EXPECT_EQ(Find("A church was devastated by fire.", {}), (Lines{"OTHER fire time=- place=-"}));
  EXPECT_EQ(Find("The church came under fire from critics.", {}), Lines{});
  EXPECT_EQ(Find("A quake struck southern Iran on Monday.", {{"Iran", "PLACE", "iran"}}, {monday}),
            (Lines{"OTHER quake patient=iran time=2013-11-25 place=-"}));
  EXPECT_EQ(Find("Over 300 pilgrims have been killed in a stampede on Monday.", {}, {monday}),
            (Lines{"OTHER killed time=2013-11-25 place=-"}));
  // A time between the disaster and its verb: still the fire's doing, one event.
  EXPECT_EQ(Find("A fire on Monday destroyed the historic dairy building.", {}, {monday}),
            (Lines{"OTHER fire time=2013-11-25 place=-"}));
}

// Idioms built on event words report no event.
TEST(EventFinder, IdiomsAreNoEvents) {
  const TimeSpec monday{"Monday", "DATE", "2024-04-29"};
  EXPECT_EQ(Find("Biden shelled out $300 million on Monday.", {kBiden}, {monday}), Lines{});
  EXPECT_EQ(Find("Biden attacks the problem head-on.", {kBiden}), Lines{});
  EXPECT_EQ(Find("Biden called Netanyahu reckless on Monday.", {kBiden, kNetanyahu}, {monday}),
            Lines{});
  EXPECT_EQ(Find("Call the Netanyahu campaign office on Monday.", {kNetanyahu}, {monday}), Lines{});
  EXPECT_EQ(Find("The quarter (originally called New Julfa) was built by the Shah.",
                 {{"New Julfa", "PLACE", "new-julfa"}}),
            Lines{});
  EXPECT_EQ(Find("The company was formerly called Tallgrass Hemp.",
                 {{"Tallgrass Hemp", "ORG", "tallgrass-hemp"}}),
            Lines{});
  EXPECT_EQ(Find("Biden delivered a speech to the court on Monday.", {kBiden}, {monday}), Lines{});
  EXPECT_EQ(Find("Netanyahu came under fire on Monday.", {kNetanyahu}, {monday}), Lines{});
  EXPECT_EQ(Find("He came under intense enemy fire.", {}), Lines{});
  EXPECT_EQ(Find("Banks that have destroyed the global economy.", {}), Lines{});
  EXPECT_EQ(Find("Parrying an attack in most action games is a major moment.", {}), Lines{});
  EXPECT_EQ(Find("Netanyahu was under near-constant attack.", {kNetanyahu}), Lines{});
  EXPECT_EQ(Find("Worries over global demand next year sent prices lower.", {},
                 {{"next year", "DATE", "2025"}}),
            Lines{});
  EXPECT_EQ(Find("Biden offers almost all models locally.", {kBiden}), Lines{});
  EXPECT_EQ(Find("His family suggested he may have been murdered.", {}), Lines{});
  EXPECT_EQ(Find("Aides called it not a car crash, but a disaster.", {}), Lines{});
  EXPECT_EQ(Find("The origin of the fire is not an electrical fire.", {}), Lines{});
  // The events themselves still count.
  EXPECT_EQ(Find("Biden called Netanyahu on Monday.", {kBiden, kNetanyahu}, {monday}),
            (Lines{"CALL called agent=joe-biden partner=benjamin-netanyahu time=2024-04-29 "
                   "place=-"}));
  EXPECT_EQ(Find("Biden delivered food to Gaza on Monday.", {kBiden}, {monday}),
            (Lines{"AID delivered agent=joe-biden time=2024-04-29 place=-"}));
}

// A death the text reports as a state is a death (OTHER), and the dead are its patients;
// whoever found or left them is no actor of it.
TEST(EventFinder, DeathsReportedAsStatesAreDeaths) {
  constexpr EntitySpec kRoe{"John Roe", "PERSON", "john-roe"};
  const TimeSpec monday{"Monday", "DATE", "2016-11-07"};
  EXPECT_EQ(Find("John Roe was found dead in his home on Monday.", {kRoe}, {monday}),
            (Lines{"OTHER dead patient=john-roe time=2016-11-07 place=-"}));
  EXPECT_EQ(Find("The body of John Roe was discovered in a field on Monday.", {kRoe}, {monday}),
            (Lines{"OTHER body patient=john-roe time=2016-11-07 place=-"}));
  EXPECT_EQ(Find("The body of a man was discovered on Monday.", {}, {monday}),
            (Lines{"OTHER body time=2016-11-07 place=-"}));
  EXPECT_EQ(Find("John Roe fell to his death on Monday.", {kRoe}, {monday}),
            (Lines{"OTHER death patient=john-roe time=2016-11-07 place=-"}));
  EXPECT_EQ(Find("He watched his brother fall to his death.", {}),
            (Lines{"OTHER death time=- place=-"}));
  EXPECT_EQ(Find("John Roe has been presumed dead after falling from the ridge.", {kRoe}),
            (Lines{"OTHER dead patient=john-roe time=- place=-"}));
  // What a harm left is the harm: one event, with the dead as its patient.
  EXPECT_EQ(Find("A shooting on Monday left John Roe dead.", {kRoe}, {monday}),
            (Lines{"ATTACK shooting patient=john-roe time=2016-11-07 place=-"}));
  // Found alive, or dead only in a figure of speech: no death.
  EXPECT_EQ(Find("Police found John Roe in his car on Monday.", {kRoe}, {monday}), Lines{});
  EXPECT_EQ(Find("The proposal is dead on arrival.", {}), Lines{});
  EXPECT_EQ(Find("Nobody has a body like John Roe.", {kRoe}), Lines{});
}

// A road accident is no attack: struck "by" a vehicle, a car as the subject, a hit and
// run; a person shot "in" a vehicle is still attacked.
TEST(EventFinder, RoadAccidentsAreNoAttacks) {
  constexpr EntitySpec kQueens{"Queens", "PLACE", "queens"};
  const TimeSpec friday{"Friday", "DATE", "2013-09-13"};
  EXPECT_EQ(Find("A woman was struck by a vehicle in Queens on Friday.", {kQueens}, {friday}),
            (Lines{"OTHER struck time=2013-09-13 place=queens"}));
  EXPECT_EQ(Find("Police arrested the driver who killed a woman in Queens on Friday.", {kQueens},
                 {friday}),
            (Lines{"OTHER killed time=2013-09-13 place=queens"}));
  EXPECT_EQ(Find("A hit and run accident killed a woman in Queens on Friday.", {kQueens}, {friday}),
            (Lines{"OTHER hit time=2013-09-13 place=queens"}));
  EXPECT_EQ(Find("A girl was shot while in a vehicle on Friday.", {}, {friday}),
            (Lines{"ATTACK shot time=2013-09-13 place=-"}));
  EXPECT_EQ(
      Find("Police have a suspect after an accident that killed a woman in Queens.", {kQueens}),
      (Lines{"OTHER killed time=- place=queens"}));
}

// The victim named in apposition is the patient: after an object that describes a
// person, or as the person the sentence opens with.
TEST(EventFinder, AppositiveVictimsArePatients) {
  constexpr EntitySpec kCaron{"Daniel Caron", "PERSON", "daniel-caron"};
  constexpr EntitySpec kWilson{"Javon Wilson", "PERSON", "javon-wilson"};
  constexpr EntitySpec kWeikel{"Brennan Weikel", "PERSON", "brennan-weikel"};
  EXPECT_EQ(Find("He shot his friend, 63-year-old Daniel Caron, in the driveway.", {kCaron}),
            (Lines{"ATTACK shot patient=daniel-caron time=- place=-"}));
  EXPECT_EQ(
      Find("Javon Wilson, 15, U.S. Rep. Danny Davis' grandson, was shot on Friday.",
           {kWilson, {"Danny Davis", "PERSON", "danny-davis"}}, {{"Friday", "DATE", "2016-11-18"}}),
      (Lines{"ATTACK shot patient=javon-wilson time=2016-11-18 place=-"}));
  EXPECT_EQ(Find("Football player Brennan Weikel, 17, was killed while hunting.", {kWeikel}),
            (Lines{"ATTACK killed patient=brennan-weikel time=- place=-"}));
  // A name after a comma that describes no person, or after a clause, is not the victim.
  EXPECT_EQ(Find("He shot the video, Daniel Caron said.", {kCaron}),
            (Lines{"STATEMENT said agent=daniel-caron time=- place=-"}));
  EXPECT_EQ(Find("Daniel Caron, who saw the crash, was shot on Friday.", {kCaron},
                 {{"Friday", "DATE", "2016-11-18"}}),
            (Lines{"ATTACK shot time=2016-11-18 place=-"}));
}

// Headlines: Title Case and lines without a stop are read with their words' own tags;
// web addresses give no events.
TEST(EventFinder, HeadlinesAreRead) {
  constexpr EntitySpec kQueens{"Queens", "PLACE", "queens"};
  constexpr EntitySpec kCook{"Mt Cook", "PLACE", "mt-cook"};
  EXPECT_EQ(Find("Woman Killed In Queens Crash, Driver Charged", {kQueens}),
            (Lines{"OTHER Killed time=- place=queens"}));
  EXPECT_EQ(Find("Second climber dies at Mt Cook\nTwo men died on the mountain.", {kCook}),
            (Lines{"OTHER dies time=- place=mt-cook", "OTHER died time=- place=-"}));
  // A headline's verb of saying repeats the article's statement: no event of its own.
  EXPECT_EQ(Find("White House Announces Breakthrough In Queens Talks",
                 {{"White House", "ORG", "white-house"}, kQueens}),
            Lines{});
  EXPECT_EQ(Find("Teen Killed By Police In Queens", {kQueens}),
            (Lines{"ATTACK Killed time=- place=queens"}));
  EXPECT_EQ(
      Find("http: / / www. news. com / local / teen - killed - in - queens\nA quiet day.", {}),
      Lines{});
}

// A town is not the agent of its police.
TEST(EventFinder, TownPoliceSpeakForThemselves) {
  EXPECT_EQ(Find("Hamilton police say the man was shot on Friday.",
                 {{"Hamilton", "PLACE", "hamilton"}}, {{"Friday", "DATE", "2016-11-18"}}),
            (Lines{"ATTACK shot time=2016-11-18 place=-"}));
}

// Whoever shoots himself is who the shooting was done to.
TEST(EventFinder, ShootingOneselfMakesThePatient) {
  constexpr EntitySpec kBarnes{"Jerry Barnes", "PERSON", "jerry-barnes"};
  EXPECT_EQ(Find("Jerry Barnes shot himself in the head.", {kBarnes}),
            (Lines{"ATTACK shot patient=jerry-barnes time=- place=-"}));
  EXPECT_EQ(Find("Jerry Barnes Shot Self In Fort Worth", {kBarnes}),
            (Lines{"ATTACK Shot patient=jerry-barnes time=- place=-"}));
}

// A participle after the comma continues the harm of its clause: "opened fire, killing
// one man" is one attack, done.
TEST(EventFinder, ParticipleClausesContinueTheHarm) {
  const TimeSpec friday{"Friday", "DATE", "2008-12-12"};
  EXPECT_EQ(Find("A former employee opened fire at an office party on Friday, killing one man.", {},
                 {friday}),
            (Lines{"ATTACK fire time=2008-12-12 place=-"}));
  EXPECT_EQ(Find("A bomb exploded on Friday at a bank, killing a Woodburn police officer.",
                 {{"Woodburn", "PLACE", "woodburn"}}, {friday}),
            (Lines{"ATTACK killing time=2008-12-12 place=-"}));
  // The participle's subject is the clause's, not a place that ends before its comma.
  EXPECT_EQ(Find("A bomb exploded at a bank in Woodburn, Oregon, killing two officers.",
                 {{"Woodburn", "PLACE", "woodburn"}, {"Oregon", "PLACE", "oregon"}}),
            (Lines{"ATTACK killing time=- place=woodburn"}));
  // A present participle in a clause of its own is no harm done.
  EXPECT_EQ(Find("He spends his days killing time.", {}), Lines{});
}

// "die" reports a death like "died"; a headline tells it in the present.
TEST(EventFinder, DeathsInThePresentOfHeadlines) {
  EXPECT_EQ(Find("Three die in Bronx fire", {{"Bronx", "PLACE", "bronx"}}),
            (Lines{"OTHER die time=- place=bronx"}));
  // In prose a bare "die" is wished or ordered, not reported.
  EXPECT_EQ(Find("The jury recommended that Jose Orozco die for his crimes.",
                 {{"Jose Orozco", "PERSON", "jose-orozco"}}),
            Lines{});
}

// The bodies found are those of every person named before the verb.
TEST(EventFinder, BodiesOfSeveralPeople) {
  EXPECT_EQ(Find("The bodies of Alice McMeekin, 58, and Kathryn Jenkin, 20, were found at a "
                 "house on Saturday.",
                 {{"Alice McMeekin", "PERSON", "alice-mcmeekin"},
                  {"Kathryn Jenkin", "PERSON", "kathryn-jenkin"}}),
            (Lines{"OTHER bodies patient=alice-mcmeekin patient=kathryn-jenkin time=- place=-"}));
  // Whoever the sentence names after "by" or in a relative clause is no owner.
  EXPECT_EQ(Find("The body of a woman who was stabbed by John Roe was found.",
                 {{"John Roe", "PERSON", "john-roe"}}),
            (Lines{"OTHER body time=- place=-", "ATTACK stabbed agent=john-roe time=- place=-"}));
}

// The victim the police identify, in the sentence of the harm or the next one, is its
// patient; a suspect identified is not.
TEST(EventFinder, IdentifiedVictimsArePatients) {
  constexpr EntitySpec kNunez{"Jose Nunez", "PERSON", "jose-nunez"};
  constexpr EntitySpec kPolice{"Stockton Police", "ORG", "stockton-police"};
  EXPECT_EQ(Find("Stockton Police have identified the man shot and killed on Tuesday as "
                 "32-year-old Jose Nunez.",
                 {kPolice, kNunez}),
            (Lines{"ATTACK shot patient=jose-nunez time=- place=-"}));
  EXPECT_EQ(Find("A man was shot and killed on Tuesday. Police identified the victim as "
                 "Jose Nunez.",
                 {kNunez}),
            (Lines{"ATTACK shot patient=jose-nunez time=- place=-"}));
  EXPECT_EQ(Find("A man was shot and killed on Tuesday. Police identified the suspect as "
                 "Jose Nunez.",
                 {kNunez}),
            (Lines{"ATTACK shot time=- place=-"}));
  EXPECT_EQ(Find("Four men were shot on Sunday. Authorities identified the victims as Darell "
                 "Brown, 28, and Dominique Davis, 25, all from Toledo.",
                 {{"Darell Brown", "PERSON", "darell-brown"},
                  {"Dominique Davis", "PERSON", "dominique-davis"},
                  {"Toledo", "PLACE", "toledo"}}),
            (Lines{"ATTACK shot patient=darell-brown patient=dominique-davis time=- place=-"}));
  EXPECT_EQ(Find("A man was shot on Sunday. The victim, identified as Jahliek Dieudonne, died.",
                 {{"Dieudonne", "PERSON", "dieudonne"}}),
            (Lines{"ATTACK shot patient=dieudonne time=- place=-", "OTHER died time=- place=-"}));
  EXPECT_EQ(Find("A boy shot a girl on Monday. The victim, Emma Colmenares, is hospitalized.",
                 {{"Emma Colmenares", "PERSON", "emma-colmenares"}}),
            (Lines{"ATTACK shot patient=emma-colmenares time=- place=-"}));
  EXPECT_EQ(Find("A man was shot on Sunday. Police identified the victim as John Roe's brother.",
                 {{"John Roe", "PERSON", "john-roe"}}),
            (Lines{"ATTACK shot time=- place=-"}));
}

// A disaster that is the subject of what it did is a happening: "the fire broke out".
TEST(EventFinder, DisastersThatActHappened) {
  EXPECT_EQ(Find("The blaze broke out on the roof of the store.", {}),
            (Lines{"OTHER blaze time=- place=-"}));
  EXPECT_EQ(Find("The fire has destroyed the store.", {}), (Lines{"OTHER fire time=- place=-"}));
  // A fire only talked about is not.
  EXPECT_EQ(Find("The fire is a risk to the store.", {}), Lines{});
  EXPECT_EQ(Find("The quake was centred near Qeshm Island.", {}), Lines{});
}

// A fire or explosion named in a noun phrase happened: "after a huge fire at a store".
TEST(EventFinder, FiresAndBlastsNamedInANounPhrase) {
  constexpr EntitySpec kWaitrose{"Waitrose", "ORG", "waitrose"};
  EXPECT_EQ(Find("Police are investigating after a huge fire at a store.", {}),
            (Lines{"OTHER fire time=- place=-"}));
  EXPECT_EQ(Find("Crews tackled a blaze at a supermarket.", {}),
            (Lines{"OTHER blaze time=- place=-"}));
  EXPECT_EQ(Find("A blast at the plant killed three workers.", {}),
            (Lines{"OTHER blast time=- place=-"}));
  EXPECT_EQ(Find("A bomb blast at the market killed three people.", {}),
            (Lines{"ATTACK killed time=- place=-"}));
  // A headline leaves the article out; the store that burned did nothing.
  EXPECT_EQ(
      Find("Waitrose fire in town centre tackled\nCrews worked through the night.", {kWaitrose}),
      (Lines{"OTHER fire time=- place=-"}));
  // Shooting at someone, and idioms, are no blaze or blast.
  EXPECT_EQ(Find("Soldiers were ordered to fire on the crowd.", {}), Lines{});
  EXPECT_EQ(Find("The children had a blast at the party.", {}), Lines{});
  EXPECT_EQ(Find("The album is a blast from the past.", {}), Lines{});
  EXPECT_EQ(Find("The garden is an explosion of colour.", {}), Lines{});
}

// The dead of a quake, storm or flood are the disaster's, not an attacker's.
TEST(EventFinder, NaturalDisastersKillWithoutAttackers) {
  EXPECT_EQ(Find("Ten people were killed and 50 injured when an earthquake razed villages.", {}),
            (Lines{"OTHER killed time=- place=-", "OTHER earthquake time=- place=-"}));
  EXPECT_EQ(Find("Rescuers helped survivors of a powerful earthquake on a Gulf island that "
                 "killed 10 people.",
                 {}),
            (Lines{"OTHER earthquake time=- place=-"}));
  EXPECT_EQ(Find("Earthquake Levels Villages on Island\nTen people are killed and 50 hurt.", {}),
            (Lines{"OTHER Earthquake time=- place=-", "OTHER killed time=- place=-"}));
  // An attacker named after the disaster did the killing.
  EXPECT_EQ(Find("Earthquake Levels Villages on Island\nTen people were killed by a gunman.", {}),
            (Lines{"OTHER Earthquake time=- place=-", "ATTACK killed time=- place=-"}));
  EXPECT_EQ(Find("A man was killed when a gunman opened fire.", {}),
            (Lines{"ATTACK killed time=- place=-"}));
}

// "he" or "she" as the subject of a passive harm is the person it stands for.
TEST(EventFinder, PronounSubjectsOfPassiveHarmsArePatients) {
  constexpr EntitySpec kOrtiz{"Jerry Ortiz", "PERSON", "jerry-ortiz"};
  EXPECT_EQ(Find("Deputy Jerry Ortiz had gone to the home when he was attacked.", {kOrtiz}),
            (Lines{"ATTACK attacked patient=jerry-ortiz time=- place=-"}));
  EXPECT_EQ(Find("Jerry Ortiz knocked on doors. He was shot in the head.", {kOrtiz}),
            (Lines{"ATTACK shot patient=jerry-ortiz time=- place=-"}));
  // No antecedent, no patient.
  EXPECT_EQ(Find("He was shot in the head.", {}), (Lines{"ATTACK shot time=- place=-"}));
}

// A harm someone is charged with or accused of was done, to whom the charge names; the
// accused is no agent of it.
TEST(EventFinder, HarmsChargedAreDoneByNoOneNamed) {
  constexpr EntitySpec kOrtiz{"Luis Gerardo Ortiz", "PERSON", "luis-gerardo-ortiz"};
  constexpr EntitySpec kRoe{"John Roe", "PERSON", "john-roe"};
  EXPECT_EQ(Find("John Roe is accused of gunning down Deputy Luis Gerardo Ortiz.", {kRoe, kOrtiz}),
            (Lines{"ATTACK gunning patient=luis-gerardo-ortiz time=- place=-"}));
  EXPECT_EQ(Find("John Roe, 23, has been charged with the murders of Alice McMeekin.",
                 {kRoe, {"Alice McMeekin", "PERSON", "alice-mcmeekin"}}),
            (Lines{"ATTACK murders patient=alice-mcmeekin time=- place=-"}));
  EXPECT_EQ(Find("A man was arrested in the slayings of two women.", {}),
            (Lines{"ATTACK slayings time=- place=-"}));
  // A crime charged by its name is no act of its own.
  EXPECT_EQ(Find("He was charged with three counts of criminal vehicular homicide.", {}), Lines{});
  // Only a charge makes a gerund a harm done.
  EXPECT_EQ(Find("He is thinking of shooting a film about his mother.", {}), Lines{});
}

// A harm's victim may be described at length ("his former high school wrestling
// teammate"), a headline may tell it in the present ("Man shoots 8-year-old boy"), a
// crime noun may follow its modifiers ("after an early morning shooting") or name its
// victim after "of" ("The shooting of a 15-year-old boy"): each is a harm done.
TEST(EventFinder, HarmsOnPeopleDescribedAtLength) {
  EXPECT_EQ(Find("A Camden teenager has been charged with shooting his former high school "
                 "wrestling teammate dead.",
                 {}),
            (Lines{"ATTACK shooting time=- place=-"}));
  EXPECT_EQ(Find("Lakewood HS grad shot his ex - wrestling teammate to death, cops say\n"
                 "Officers were called to the house.",
                 {}),
            (Lines{"ATTACK shot time=- place=-"}));
  EXPECT_EQ(Find("Riverside man shoots 8-year - old boy, then himself, police say\n"
                 "Officers were called to an apartment.",
                 {}),
            (Lines{"ATTACK shoots time=- place=-"}));
  EXPECT_EQ(Find("Three people were taken to the hospital after an early morning shooting "
                 "outside a lounge.",
                 {}),
            (Lines{"ATTACK shooting time=- place=-"}));
  EXPECT_EQ(Find("The shooting of a 15-year-old boy by police unleashed a wave of unrest.", {}),
            (Lines{"ATTACK shooting time=- place=-"}));
  EXPECT_EQ(Find("Teen Arrested in Shooting of Hero Brooklyn Mom\nThe police made an arrest.",
                 {{"Hero Brooklyn Mom", "ORG", "hero-brooklyn-mom"}}),
            (Lines{"ATTACK Shooting patient=hero-brooklyn-mom time=- place=-"}));
  EXPECT_EQ(Find("Police seek a man accused in the deadly shooting of a 17-year - old on "
                 "Saturday.",
                 {}, {{"Saturday", "DATE", "2016-05-07"}}),
            (Lines{"ATTACK shooting time=2016-05-07 place=-"}));
  EXPECT_EQ(Find("She was charged with the shooting of her co - workers on Saturday.", {},
                 {{"Saturday", "DATE", "2016-05-07"}}),
            (Lines{"ATTACK shooting time=2016-05-07 place=-"}));
  // Not on people: plants, films.
  EXPECT_EQ(Find("Bamboo shoots grow fast in spring\nGardeners were pleased.", {}), Lines{});
  EXPECT_EQ(Find("The shooting of a music video drew crowds.", {}), Lines{});
  EXPECT_EQ(Find("Fans watched an early morning shooting of the film.", {}), Lines{});
}

// A place is where a harm happened, not who did or suffered it; a country may still
// attack or be attacked.
TEST(EventFinder, PlacesAreWhereNotWho) {
  constexpr EntitySpec kGreece{"Greece", "PLACE", "greece"};
  EXPECT_EQ(Find("A gunman in Greece killed three people.", {kGreece}),
            (Lines{"ATTACK killed time=- place=greece"}));
  EXPECT_EQ(Find("A bomb attack on a bank in Greece killed at least three people.", {kGreece}),
            (Lines{"ATTACK killed time=- place=greece"}));
  EXPECT_EQ(Find("Powerful Quake in Iran Kills 10\nThe tremor shook Oman.",
                 {{"Iran", "PLACE", "iran"}, {"Oman", "PLACE", "oman"}}),
            (Lines{"OTHER Quake time=- place=iran"}));
  EXPECT_EQ(Find("Police are investigating a blaze at a supermarket in Surrey.",
                 {{"Surrey", "PLACE", "surrey"}}),
            (Lines{"OTHER blaze time=- place=surrey"}));
  EXPECT_EQ(Find("Israel attacked Gaza on Monday.",
                 {{"Israel", "PLACE", "israel"}, {"Gaza", "PLACE", "gaza"}},
                 {{"Monday", "DATE", "2024-05-06"}}),
            (Lines{"ATTACK attacked agent=israel patient=gaza time=2024-05-06 place=-"}));
}

// Who speaks after a clause about the dead is no victim named in apposition.
TEST(EventFinder, SpeakersAfterTheDeadAreNoVictims) {
  constexpr EntitySpec kWilking{"Greg Wilking", "PERSON", "greg-wilking"};
  EXPECT_EQ(Find("A man shot a boy in a murder-suicide on Tuesday. The boy was later pronounced "
                 "dead, Greg Wilking said.",
                 {kWilking}, {{"Tuesday", "DATE", "2016-07-26"}}),
            (Lines{"ATTACK shot time=2016-07-26 place=-", "OTHER dead time=- place=-",
                   "STATEMENT said agent=greg-wilking time=- place=-"}));
  constexpr EntitySpec kColmenares{"Emma Colmenares", "PERSON", "emma-colmenares"};
  EXPECT_EQ(Find("A woman was shot on Tuesday. The victim, Emma Colmenares, is hospitalized.",
                 {kColmenares}, {{"Tuesday", "DATE", "2016-07-26"}}),
            (Lines{"ATTACK shot patient=emma-colmenares time=2016-07-26 place=-"}));
}

// A blast that points back to a bomb is the bomb's attack; one named anew keeps its own
// type.
TEST(EventFinder, BlastsAfterABombAreAttacks) {
  EXPECT_EQ(Find("An officer was killed after a bomb exploded at a bank on Friday. The "
                 "explosion happened just before 5:30 p.m.",
                 {}, {{"Friday", "DATE", "2008-12-12"}}),
            (Lines{"ATTACK killed time=2008-12-12 place=-", "ATTACK explosion time=- place=-"}));
  EXPECT_EQ(Find("Two workers were killed on Friday. The explosion happened at noon.", {},
                 {{"Friday", "DATE", "2008-12-12"}}),
            (Lines{"ATTACK killed time=2008-12-12 place=-", "OTHER explosion time=- place=-"}));
}

// "Executed" is a killing only of people named as its object; what a camera shoots is no
// attack.
TEST(EventFinder, ExecutionsOfPeopleAndShotsOfFilms) {
  EXPECT_EQ(Find("A worker returned with a handgun and executed two of them with a single "
                 "bullet each.",
                 {}),
            (Lines{"ATTACK executed time=- place=-"}));
  const TimeSpec monday{"Monday", "DATE", "2016-05-09"};
  EXPECT_EQ(Find("The plan was executed on Monday.", {}, {monday}), Lines{});
  EXPECT_EQ(Find("Police executed a search warrant on Monday.", {}, {monday}), Lines{});
  EXPECT_EQ(
      Find("The film was shot in Toronto on Monday.", {{"Toronto", "PLACE", "toronto"}}, {monday}),
      Lines{});
  // Still idioms: no event in what is heard of or called reckless.
  EXPECT_EQ(Find("If you haven't heard of Biden, you will on Monday.", {kBiden}, {monday}),
            Lines{});
  EXPECT_EQ(Find("Biden called the plan reckless on Monday.", {kBiden}, {monday}), Lines{});
}

// A victim is no agent: a past form coordinated with a participle without object is
// passive ("X shot and killed in a gang shooting"), and a person's "shooting" is done to
// them even when the name was typed as a place.
TEST(EventFinder, VictimsAreNoAgents) {
  constexpr EntitySpec kHorton{"Zurana Horton", "PERSON", "zurana-horton"};
  EXPECT_EQ(Find("Zurana Horton shot and killed in a gang shooting", {kHorton}),
            (Lines{"ATTACK shot patient=zurana-horton time=- place=-"}));
  // After "of" the name may only modify what was harmed: no patient, and no agent.
  EXPECT_EQ(
      Find("Video of Zurana Horton shot and killed in a gang shooting was revealed.", {kHorton}),
      (Lines{"ATTACK shot time=- place=-"}));
  EXPECT_EQ(Find("Footage Of Brooklyn Mother's Fatal Shooting Released During Trial\nThe "
                 "video was shown.",
                 {{"Brooklyn Mother", "PLACE", "brooklyn-mother"}}),
            (Lines{"ATTACK Shooting patient=brooklyn-mother time=- place=-"}));
  // An object still makes the shooter the agent.
  EXPECT_EQ(Find("Zurana Horton shot and killed a man in a gang shooting.", {kHorton}),
            (Lines{"ATTACK shot agent=zurana-horton time=- place=-"}));
}

// The victim is often named a sentence after the harm, introduced by an apposition; an
// offender, a witness or a person of another age is not the victim.
TEST(EventFinder, VictimsNamedInTheNextSentence) {
  constexpr EntitySpec kSchriefer{"Dakota Schriefer", "PERSON", "dakota-schriefer"};
  const TimeSpec sunday{"Sunday", "DATE", "2016-08-28"};
  EXPECT_EQ(Find("A Woodville man died Sunday from a gunshot wound. Dakota Schriefer, 22, was "
                 "comparing handguns with his brother-in-law.",
                 {kSchriefer}, {sunday}),
            (Lines{"OTHER died patient=dakota-schriefer time=2016-08-28 place=-"}));
  constexpr EntitySpec kGreen{"Jane Green", "PERSON", "jane-green"};
  EXPECT_EQ(Find("Police say a teenager was shot while hunting on Sunday. Police say Jane Green, "
                 "16, was hunting in a blind.",
                 {kGreen}, {sunday}),
            (Lines{"ATTACK shot patient=jane-green time=2016-08-28 place=-"}));
  constexpr EntitySpec kRoe{"John Roe", "PERSON", "john-roe"};
  EXPECT_EQ(
      Find("A man was shot on Sunday. John Roe, 18, was charged with murder.", {kRoe}, {sunday}),
      (Lines{"ATTACK shot time=2016-08-28 place=-"}));
  EXPECT_EQ(Find("A man was shot on Sunday. John Roe, 45, said he heard shots.", {kRoe}, {sunday}),
            (Lines{"ATTACK shot time=2016-08-28 place=-",
                   "STATEMENT said agent=john-roe time=- place=-"}));
  EXPECT_EQ(Find("A 22-year-old man died Sunday. John Roe, 45, was with him.", {kRoe}, {sunday}),
            (Lines{"OTHER died time=2016-08-28 place=-"}));
  // The one named after a harm someone is described doing, or is charged with, did it.
  EXPECT_EQ(Find("The man who police say killed his wife on Sunday wrote two books. John Roe, "
                 "54, was a mortgage consultant.",
                 {kRoe}, {sunday}),
            (Lines{"ATTACK killed time=2016-08-28 place=-"}));
  EXPECT_EQ(Find("A man has been charged with arson after a fire on Sunday. John Roe, 24, is "
                 "due to appear in court.",
                 {kRoe}, {sunday}),
            (Lines{"OTHER fire time=2016-08-28 place=-"}));
}

// A suicide is a death (OTHER) whose patient is its subject; a death named by its noun
// is one too, when it names the dead; "who died" is the death of the person before it.
TEST(EventFinder, DeathsWithoutAVerbOfHarm) {
  constexpr EntitySpec kRoe{"John Roe", "PERSON", "john-roe"};
  constexpr EntitySpec kDoe{"Jane Doe", "PERSON", "jane-doe"};
  const TimeSpec tuesday{"Tuesday", "DATE", "2008-12-16"};
  EXPECT_EQ(Find("John Roe hanged himself in his prison cell on Tuesday.", {kRoe}, {tuesday}),
            (Lines{"OTHER hanged patient=john-roe time=2008-12-16 place=-"}));
  EXPECT_EQ(Find("John Roe was arrested. Guards checked on him before he hanged himself.", {kRoe}),
            (Lines{"OTHER hanged patient=john-roe time=- place=-"}));
  EXPECT_EQ(Find("A suspected Mafia boss committed suicide on Tuesday.",
                 {{"Mafia", "ORG", "mafia"}}, {tuesday}),
            (Lines{"OTHER suicide time=2008-12-16 place=-"}));
  EXPECT_EQ(
      Find("A Mafia leader died in prison on Tuesday.", {{"Mafia", "ORG", "mafia"}}, {tuesday}),
      (Lines{"OTHER died time=2008-12-16 place=-"}));
  EXPECT_EQ(Find("Jane Doe took her own life on Tuesday.", {kDoe}, {tuesday}),
            (Lines{"OTHER took patient=jane-doe time=2008-12-16 place=-"}));
  EXPECT_EQ(Find("The Senate adjourned over the deaths of John Roe and Jane Doe.", {kRoe, kDoe}),
            (Lines{"OTHER deaths patient=john-roe patient=jane-doe time=- place=-"}));
  EXPECT_EQ(Find("The gun went off, striking John Roe, who died at the scene.", {kRoe}),
            (Lines{"OTHER died patient=john-roe time=- place=-"}));
  EXPECT_EQ(Find("Police shot John Roe, 16, who was killed on Tuesday.", {kRoe}, {tuesday}),
            (Lines{"ATTACK shot patient=john-roe time=- place=-",
                   "ATTACK killed patient=john-roe time=2008-12-16 place=-"}));
  // No death: a harm noun's death is the harm's, an anniversary remembers one, a death of
  // no one named, a hanging of pictures, a suicide only feared.
  EXPECT_EQ(Find("He was charged in the shooting death of John Roe.", {kRoe}),
            (Lines{"ATTACK shooting patient=john-roe time=- place=-"}));
  EXPECT_EQ(
      Find("They marked the anniversary of the death of John Roe on Tuesday.", {kRoe}, {tuesday}),
      Lines{});
  EXPECT_EQ(Find("The death of democracy is near.", {}), Lines{});
  EXPECT_EQ(Find("John Roe hanged the pictures himself.", {kRoe}), Lines{});
  EXPECT_EQ(Find("Police feared John Roe may have committed suicide.", {kRoe}), Lines{});
}

// The victim of a passive is its patient, though the tagger took the participle for an
// adjective at the end of a sentence; a region after a town's comma is where, not who.
TEST(EventFinder, PassiveVictimsAndTownsWithTheirRegion) {
  constexpr EntitySpec kJohnson{"Johnson", "PERSON", "luann-johnson"};
  EXPECT_EQ(Find("Johnson was walking outside when she was struck.", {kJohnson}),
            (Lines{"ATTACK struck patient=luann-johnson time=- place=-"}));
  EXPECT_EQ(Find("The Wasilla Bible Church in Wasilla, Alaska was attacked by an arsonist.",
                 {{"Alaska", "PLACE", "alaska"}}),
            (Lines{"ATTACK attacked time=- place=-"}));
}

// A death seen is a death: "seeing his brother plunge to his death".
TEST(EventFinder, FallsSeenToTheirDeath) {
  constexpr EntitySpec kVinar{"Miles Vinar", "PERSON", "miles-vinar"};
  EXPECT_EQ(Find("Miles Vinar spoke about seeing his brother plunge to his death on Thursday.",
                 {kVinar}, {{"Thursday", "DATE", "2013-09-12"}}),
            (Lines{"OTHER death time=2013-09-12 place=-"}));
}

}  // namespace
}  // namespace storyline
