#include "extract/events/pronoun_antecedents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "mention_test_support.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

struct Name {
  std::string_view text;  // every occurrence in the text is a mention
  std::string_view type;
  std::string_view id;
};

struct Quoted {
  std::string_view text;
  std::optional<std::string> speaker;
  std::optional<std::string> speaker_entity;
};

// The entity ids the pronoun that starts `at` (the first occurrence of that text)
// stands for, joined by ","; "-" for none.
std::string Antecedent(std::string_view text, std::string_view at, const std::vector<Name>& names,
                       const std::vector<Quoted>& quoted = {}) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<PosTag> tags;
  testing::CommittedTagger().Tag(text, tokens, tags);
  std::vector<EntityMention> entities;
  for (const Name& name : names) {
    for (size_t from = text.find(name.text); from != std::string_view::npos;
         from = text.find(name.text, from + 1)) {
      EntityMention& mention = entities.emplace_back();
      mention.span = {static_cast<uint32_t>(from), static_cast<uint32_t>(from + name.text.size())};
      mention.text = name.text;
      mention.type = name.type;
      mention.entity = name.id;
    }
  }
  std::sort(entities.begin(), entities.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  std::vector<Quote> quotes;
  for (const Quoted& q : quoted) {
    const size_t start = text.find(q.text);
    EXPECT_NE(start, std::string_view::npos) << q.text;
    quotes.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(start + q.text.size())},
                      std::string(q.text),
                      q.speaker,
                      q.speaker_entity,
                      false});
  }
  const EventWords words(text, tokens, tags, entities, {});
  const PronounAntecedents antecedents(text, tokens, words, entities, quotes);
  const size_t offset = text.find(at);
  EXPECT_NE(offset, std::string_view::npos) << at;
  int pronoun = -1;
  for (size_t t = 0; t < tokens.tokens.size(); ++t) {
    if (tokens.tokens[t].start == offset) pronoun = static_cast<int>(t);
  }
  EXPECT_GE(pronoun, 0) << at;
  std::string ids;
  for (int m : antecedents.Resolve(pronoun)) ids += (ids.empty() ? "" : ",") + entities[m].entity;
  return ids.empty() ? "-" : ids;
}

const Name kMacron{"Macron", "PERSON", "emmanuel-macron"};
const Name kScholz{"Scholz", "PERSON", "olaf-scholz"};

TEST(PronounAntecedents, HeAndSheTakeTheOnePersonBefore) {
  EXPECT_EQ(Antecedent("Macron flew to Berlin on Monday. He said the visit was overdue.", "He said",
                       {kMacron, {"Berlin", "PLACE", "berlin"}}),
            "emmanuel-macron");
  EXPECT_EQ(Antecedent("Scholz told reporters that she would resign.", "she",
                       {{"Scholz", "PERSON", "olaf-scholz"}}),
            "olaf-scholz");
}

TEST(PronounAntecedents, AmongSeveralPeopleTheSubjectWinsAndTwoSubjectsAreAmbiguous) {
  EXPECT_EQ(Antecedent("Macron received Scholz at the Elysee. He said the talks were useful.",
                       "He said", {kMacron, kScholz}),
            "emmanuel-macron");
  EXPECT_EQ(Antecedent("Macron and Scholz met at the Elysee. He said the talks were useful.",
                       "He said", {kMacron, kScholz}),
            "-");
}

TEST(PronounAntecedents, TheyTakesACoordinationOrAnOrganization) {
  EXPECT_EQ(Antecedent("Macron and Scholz met at the Elysee. They agreed on a budget.", "They",
                       {kMacron, kScholz}),
            "emmanuel-macron,olaf-scholz");
  EXPECT_EQ(Antecedent("Greenpeace activists blocked the port. They demanded a ban.", "They",
                       {{"Greenpeace", "ORG", "greenpeace"}}),
            "greenpeace");
}

TEST(PronounAntecedents, ItTakesAnOrganizationOrAPlaceThatActsNotOnlyWhereThingsHappen) {
  EXPECT_EQ(Antecedent("The talks with Macron ended. The Bundesbank objected. It said rates "
                       "must rise.",
                       "It said", {kMacron, {"Bundesbank", "ORG", "bundesbank"}}),
            "bundesbank");
  EXPECT_EQ(Antecedent("France rejected the plan. It said the terms were unfair.", "It said",
                       {{"France", "PLACE", "france"}}),
            "france");
  EXPECT_EQ(Antecedent("Talks resumed in Geneva on Sunday. It said the terms were unfair.",
                       "It said", {{"Geneva", "PLACE", "geneva"}}),
            "-");
}

TEST(PronounAntecedents, ADescriptionThePronounMayMeanLeavesItUnresolved) {
  EXPECT_EQ(Antecedent("The official met Macron on Friday. He said the talks were useful.",
                       "He said", {kMacron}),
            "-");
  EXPECT_EQ(Antecedent("Macron met Scholz. The two leaders agreed. They will meet again.", "They",
                       {kMacron, kScholz}),
            "-");
}

TEST(PronounAntecedents, LooksBackTwoSentencesAndNeverIntoQuotations) {
  EXPECT_EQ(Antecedent("Macron spoke first. Prices rose. Markets fell. Bonds slid. He left.",
                       "He left", {kMacron}),
            "-");
  // "Scholz" inside the quotation is the writer's source's word, not an antecedent.
  EXPECT_EQ(Antecedent("Macron arrived on Monday. \"Scholz is wrong,\" the paper wrote. He met "
                       "bankers.",
                       "He met", {kMacron, kScholz}, {{"Scholz is wrong,", std::nullopt, {}}}),
            "emmanuel-macron");
}

TEST(PronounAntecedents, AcrossAParagraphOnlyWhenAQuotationBetweenHasTheSameSpeaker) {
  const std::vector<Name> names = {kMacron};
  EXPECT_EQ(Antecedent("Macron visited Berlin.\n\"We are ready,\" Macron said.\nHe met bankers.",
                       "He met", names,
                       {{"We are ready,", std::string("Macron"), std::string("emmanuel-macron")}}),
            "emmanuel-macron");
  EXPECT_EQ(Antecedent("Macron visited Berlin.\n\"We are ready,\" the host said.\nHe met bankers.",
                       "He met", names, {{"We are ready,", std::string("the host"), std::nullopt}}),
            "-");
}

TEST(PronounAntecedents, OtherWordsAndGarbageResolveToNothing) {
  EXPECT_EQ(Antecedent("Macron met bankers.", "bankers", {kMacron}), "-");
  EXPECT_FALSE(IsResolvablePronoun("him"));
  EXPECT_TRUE(IsResolvablePronoun("their"));
  const TokenizedText tokens = Tokenizer().Tokenize("He said.");
  const EventWords words("He said.", tokens, {}, {}, {});
  const PronounAntecedents antecedents("He said.", tokens, words, {}, {});
  EXPECT_TRUE(antecedents.Resolve(0).empty());
  EXPECT_TRUE(antecedents.Resolve(-1).empty());
  EXPECT_TRUE(antecedents.Resolve(99).empty());
}

}  // namespace
}  // namespace storyline
