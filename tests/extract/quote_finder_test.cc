#include "extract/quotes/quote_finder.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "extract/quotes/quote_speaker.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

std::vector<Quote> Find(const std::string& text, const std::vector<EntityMention>& entities = {}) {
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  return FindQuotes(text, tokens, {}, {}, entities);
}

struct ExpectedQuote {
  std::string text;  // the quoted words; must occur once in the article (exact span)
  std::optional<std::string> speaker;
  bool partial = false;
};

struct Case {
  std::string name;
  std::string article;
  std::vector<ExpectedQuote> quotes;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class QuoteCaseTest : public testing::TestWithParam<Case> {};

TEST_P(QuoteCaseTest, FindsSpansSpeakersAndKinds) {
  const Case& c = GetParam();
  const std::vector<Quote> quotes = Find(c.article);
  ASSERT_EQ(quotes.size(), c.quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const ExpectedQuote& want = c.quotes[i];
    const size_t at = c.article.find(want.text);
    ASSERT_NE(at, std::string::npos) << want.text;
    EXPECT_EQ(quotes[i].span.start, at) << want.text;
    EXPECT_EQ(quotes[i].span.end, at + want.text.size()) << want.text;
    EXPECT_EQ(quotes[i].text, want.text);
    EXPECT_EQ(quotes[i].speaker, want.speaker) << want.text;
    EXPECT_EQ(quotes[i].partial, want.partial) << want.text;
    if (want.speaker) {
      EXPECT_TRUE(quotes[i].speaker_entity.has_value() ||
                  want.speaker->find(' ') != std::string::npos);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Requirements, QuoteCaseTest,
    testing::Values(
        Case{"StraightMarksSpeakerAfter",
             "\"We are close,\" Blinken said.",
             {{"We are close,", "Blinken"}}},
        Case{"CurlyMarksSplitAroundVerbSameSpeakerFullestName",
             "Secretary of State Antony Blinken arrived on Monday.\n"
             "\xE2\x80\x9CWe are close,\xE2\x80\x9D Blinken said. \xE2\x80\x9C"
             "But not there yet.\xE2\x80\x9D",
             {{"We are close,", "Antony Blinken"}, {"But not there yet.", "Antony Blinken"}}},
        Case{"SplitInsideOneSentence",
             "\"We are close,\" Blinken said, \"but we are not there yet.\"",
             {{"We are close,", "Blinken"}, {"but we are not there yet.", "Blinken"}}},
        Case{"MultiSentenceQuoteInvertedVerb",
             "\"We are close. We are not there yet,\" said John Kirby in Washington.",
             {{"We are close. We are not there yet,", "John Kirby"}}},
        Case{"NestedSingleInsideDouble",
             "\"He called it 'a bridge too far' again,\" Kirby said.",
             {{"He called it 'a bridge too far' again,", "Kirby"},
              {"a bridge too far", std::nullopt, true}}},
        Case{"ParagraphSpanningQuote",
             "\"The first paragraph ends without a closing mark.\n"
             "\"The second one closes it,\" Kirby said.",
             {{"The first paragraph ends without a closing mark.", "Kirby"},
              {"The second one closes it,", "Kirby"}}},
        Case{"PronounTakesLatestPerson",
             "Senator Jane Smith spoke on Monday. \"We will vote,\" she said.",
             {{"We will vote,", "Jane Smith"}}},
        Case{"DescriptorKeptAsGiven",
             "\"It is clear,\" a senior administration official told reporters.",
             {{"It is clear,", "a senior administration official"}}},
        Case{"AppositiveBetweenNameAndVerb",
             "\"We disagree,\" Kirby, the White House spokesman, said.",
             {{"We disagree,", "Kirby"}}},
        Case{"AccordingTo",
             "\"The talks failed on Friday,\" according to a source familiar with the plans.",
             {{"The talks failed on Friday,", "a source familiar with the plans"}}},
        Case{"SpeakerBeforeColon",
             "Kirby said: \"We are close to a deal.\"",
             {{"We are close to a deal.", "Kirby"}}},
        Case{"ScareQuoteWithoutCue",
             "The talks ended with a \"final bridging proposal\" for both sides.",
             {{"final bridging proposal", std::nullopt, true}}},
        Case{"PartialQuoteTakesTheSentenceSpeaker",
             "Hamas said the new \"proposal meets his conditions\" on Friday.",
             {{"proposal meets his conditions", "Hamas", true}}},
        Case{"StandaloneQuoteContinuesPreviousSpeaker",
             "\"It is clear,\" a senior administration official told reporters.\n"
             "\"We do believe there is a pretty significant opening here.\"",
             {{"It is clear,", "a senior administration official"},
              {"We do believe there is a pretty significant opening here.",
               "a senior administration official"}}},
        Case{"UnclosedQuoteStopsAtParagraphEnd",
             "He said \"this never ends\nThe next paragraph has a \"short phrase\" in it.",
             {{"this never ends", std::nullopt, true}, {"short phrase", std::nullopt, true}}},
        Case{"ApostrophesAreNotQuotes",
             "Hamas' leaders didn't meet in the '90s, the group's officials said.",
             {}},
        // Text rebuilt from tokens puts a space before closing marks.
        Case{"StraightMarkClosesWhateverItsSpacing",
             "\"We need your help, \"said Kari Thompson, a police spokesperson.",
             {{"We need your help,", "Kari Thompson"}}},
        Case{"StraightMarkOpeningAnAttributionQuotesNothing",
             "It was a long night for all of us.\nWe made it through, \"he said.",
             {}},
        // ... but after a quotation the line before left open, it closes that one.
        Case{"StraightMarkBeforeAnAttributionClosesALineBrokenQuotation",
             "\"It was a long night for all of us.\nWe made it through, \"he said.",
             {{"It was a long night for all of us.", std::nullopt},
              {"We made it through,", std::nullopt}}},
        // Organisations and groups speak too: services, papers, juries.
        Case{"OrganisationNounSpeaks",
             "The boats surrendered.\n\"Twenty-three personnel surrendered on boarding,\" the navy "
             "said.\n\"If nothing is done, it will sweep everything away,\" the paper said.",
             {{"Twenty-three personnel surrendered on boarding,", "the navy"},
              {"If nothing is done, it will sweep everything away,", "the paper"}}},
        Case{"MemberOfAGroupSpeaks",
             "\"I had to hear that tape again,\" one juror said.\n"
             "\"He can't harm anyone anymore,\" the jury said in a statement.",
             {{"I had to hear that tape again,", "one juror"},
              {"He can't harm anyone anymore,", "the jury"}}},
        Case{"TimePhraseBeforeTheVerbIsNoPartOfTheSpeaker",
             "The army in November said it had sunk a \"mother ship\" at sea.\n"
             "\"We will not stop,\" the ministry on Monday said.",
             {{"mother ship", "the army", true}, {"We will not stop,", "the ministry"}}},
        Case{"TimeWordBeforeADescriptorIsNoPartOfIt",
             "Yesterday a neighbour said: \"I heard the screams of a dog.\"",
             {{"I heard the screams of a dog.", "a neighbour"}}},
        Case{
            "CoordinatedNamesSpeakTogether",
            "Media reported that Qatar and Egypt have warned there is \"little chance\" of a deal.",
            {{"little chance", "Qatar and Egypt", true}}},
        Case{"PronounAfterAParaphraseWithItsSpeakerLast",
             "The lounge has led to trouble in the past, said Lt. Joe Heffernan, department "
             "spokesman.\n\"We are working to get it in compliance or shut it down,\" he said.",
             {{"We are working to get it in compliance or shut it down,", "Joe Heffernan"}}},
        Case{"NameAfterAPrepositionCompletesADescriptor",
             "Later one user on Weibo, a social network, posted: \"How did these two come to "
             "Beijing at all?\"",
             {{"How did these two come to Beijing at all?", "one user on Weibo"}}},
        Case{"GroupPronounAfterAnotherOrganizationBecameTheSubjectIsAmbiguous",
             "\"We sold the catalog last year,\" Ithaca Holdings said.\nBig Machine have "
             "denied any wrongdoing.\n\"At no point did we block her special,\" they said.",
             {{"We sold the catalog last year,", "Ithaca Holdings"},
              {"At no point did we block her special,", std::nullopt}}},
        Case{"QuotationAfterADetachedAttributionContinuesIt",
             "\"He has done a wonderful job!\" Trump tweeted before Election Day. \"Matt has my "
             "complete endorsement.\"",
             {{"He has done a wonderful job!", "Trump"},
              {"Matt has my complete endorsement.", "Trump"}}},
        Case{"SpeechVerbReadAsANounHasNoSpeaker",
             "In a Tumblr post the label denied it.\n\"At no point did we block her special "
             "at all,\" they said.",
             {{"At no point did we block her special at all,", std::nullopt}}},
        Case{"TokenizedCorpusMarks",
             "``We appreciate your respect for her privacy,'' her rep Jack Ketsoyan said.",
             {{"We appreciate your respect for her privacy,", "Jack Ketsoyan"}}},
        Case{"NameInAppositionAfterInvertedDescriptor",
             "\"He was the sweetest boy,\" said the boy's grandmother, Jane Roe.",
             {{"He was the sweetest boy,", "Jane Roe"}}},
        Case{"NameOpeningTheClauseBeforeALongAppositive",
             "\"We got out more than we put in,\" Dylan Nelson, a fellow at the institute in "
             "Munich, Germany, and co-author of the study, said.",
             {{"We got out more than we put in,", "Dylan Nelson"}}},
        Case{"GenerationalSuffixIsNoSpeaker",
             "\"Stay away from the area,\" said Capt. John Roe Sr.",
             {{"Stay away from the area,", "John Roe"}}},
        Case{"PrepositionAfterANameEndsTheSpeaker",
             "\"This baby had nothing to do with it,\" said Pat Clarke with People's Action "
             "Committee.",
             {{"This baby had nothing to do with it,", "Pat Clarke"}}},
        Case{"ListenersOfAPassiveVerbAreNoSpeaker",
             "\"We are done here and will not come back,\" reporters were later told.",
             {{"We are done here and will not come back,", std::nullopt}}},
        Case{"ParticipleAfterACommaHasNoSubjectOfItsOwn",
             "\"We all miss him so much these days,\" Benioff weighed in, telling Cook.",
             {{"We all miss him so much these days,", std::nullopt}}},
        Case{"AttributionCutOffAfterAQuestionMark",
             "\"How many more deaths do we need?\" Worthy said, at the time.",
             {{"How many more deaths do we need?", "Worthy"}}},
        Case{"NewsAfterAQuestionMarkIsNoAttribution",
             "\"How many more deaths do we need?\" Police said the suspect fled.",
             {{"How many more deaths do we need?", std::nullopt}}},
        Case{"CoordinatedSpeechVerbSharesTheSpeaker",
             "Volker said he never used the term and added, \"I frankly cringe when I hear it.\"",
             {{"I frankly cringe when I hear it.", "Volker"}}},
        Case{"PronounInRelayedSpeechIsNotTheRelayer",
             "The staff member recalled that he said, \"I will hurt her if she ever comes "
             "back.\"",
             {{"I will hurt her if she ever comes back.", std::nullopt}}},
        Case{"PronounAfterAnotherPersonBecameTheSubjectIsAmbiguous",
             "\"We will find them,\" Capt. Dan Roe said. John Doe, 25, died at the scene.\n"
             "\"He was a good kid who loved his family,\" he said.",
             {{"We will find them,", "Dan Roe"},
              {"He was a good kid who loved his family,", std::nullopt}}},
        Case{"AgeDescriptorTakesThePersonOfThatAge",
             "John Roe, 56, was arrested on Friday. \"I did nothing wrong,\" the 56-year-old "
             "said.",
             {{"I did nothing wrong,", "John Roe"}}},
        Case{"RoleDescriptorTakesThePersonSoCalled",
             "Amanda Reid, a neighbor, saw the boy. \"It was awful to watch,\" the neighbor said.",
             {{"It was awful to watch,", "Amanda Reid"}}},
        Case{"DescriptorTiedToTwoPeopleStaysADescriptor",
             "Amanda Reid, a neighbor, and Ross Manche, a neighbor, came out. \"It was awful to "
             "watch,\" the neighbor said.",
             {{"It was awful to watch,", "the neighbor"}}}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

EntityMention Mention(const std::string& text, const std::string& name, size_t from = 0) {
  const size_t at = text.find(name, from);
  return {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())}, name, "PERSON", ""};
}

TEST(QuoteFinderTest, EntityMentionsGiveCanonicalNamesAndIds) {
  const std::string text =
      "Israeli Prime Minister Benjamin Netanyahu spoke. \"We will win,\" Netanyahu said. "
      "\"We will not stop,\" he added.";
  const std::vector<EntityMention> entities = {Mention(text, "Benjamin Netanyahu"),
                                               Mention(text, "Netanyahu", 45)};
  const std::vector<Quote> quotes = Find(text, entities);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Benjamin Netanyahu");
  EXPECT_EQ(quotes[0].speaker_entity, "benjamin-netanyahu");
  EXPECT_EQ(quotes[1].speaker, "Benjamin Netanyahu");
}

TEST(QuoteFinderTest, SurnameTheRecognizerMissedTakesTheFullName) {
  const std::string text =
      "Dr. Luz Contreras Arroyo signed the letter. \"These are people as well,\" Arroyo added.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Luz Contreras Arroyo")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Luz Contreras Arroyo");
  EXPECT_EQ(quotes[0].speaker_entity, "luz-contreras-arroyo");
}

// The fuller form of a surname comes from the people the article names, however often
// each is written; two people of that surname leave it as written.
TEST(QuoteFinderTest, SurnameTakesTheOneFullNameOfThatSurname) {
  const std::string text =
      "Dr. Luz Contreras Arroyo signed the letter. Luz Contreras Arroyo also wrote to "
      "Maria Lopez. \"These are people as well,\" Arroyo added.";
  const std::vector<Quote> quotes =
      Find(text, {Mention(text, "Luz Contreras Arroyo"), Mention(text, "Luz Contreras Arroyo", 40),
                  Mention(text, "Maria Lopez")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Luz Contreras Arroyo");

  const std::string two =
      "Dr. Luz Contreras Arroyo and Ana Arroyo signed the letter. \"These are people as "
      "well,\" Arroyo added.";
  const std::vector<Quote> unresolved =
      Find(two, {Mention(two, "Luz Contreras Arroyo"), Mention(two, "Ana Arroyo")});
  ASSERT_EQ(unresolved.size(), 1u);
  EXPECT_EQ(unresolved[0].speaker, "Arroyo");
}

TEST(QuoteFinderTest, RecognizedNameRunIntoAPrepositionIsCut) {
  const std::string text =
      "\"Organics are very important,\" said geologist Rosaly Lopes of NASA's laboratory.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Rosaly Lopes of NASA")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Rosaly Lopes");
}

TEST(QuoteFinderTest, PronounWithoutAnyEarlierPersonStaysUnknown) {
  const std::vector<Quote> quotes = Find("\"We will see,\" he said.");
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_FALSE(quotes[0].speaker.has_value());
}

// Random mixes of quotation marks, apostrophes, words and line breaks: every span lies
// inside the text, holds its own text and never crosses a line break.
TEST(QuoteFinderTest, GarbageMarksNeverCrashOrRunAway) {
  const std::vector<std::string> pieces = {"\"",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "'",
                                           "\xE2\x80\x98",
                                           "\xE2\x80\x99",
                                           " ",
                                           "\n",
                                           "said",
                                           "Kirby",
                                           ",",
                                           ".",
                                           "he",
                                           "\xE2\x80"};
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    for (const Quote& q : Find(text)) {
      ASSERT_LE(q.span.start, q.span.end) << text;
      ASSERT_LE(q.span.end, text.size()) << text;
      const std::string inside = text.substr(q.span.start, q.span.end - q.span.start);
      ASSERT_EQ(q.text, inside);
      ASSERT_EQ(inside.find('\n'), std::string::npos) << text;
    }
  }
}

// Text with one sentence a line breaks quotations too: the next line's closing mark
// ends the quotation, and its attribution names who said both parts.
TEST(QuoteFinderTest, LineBreakInsideAQuotation) {
  const std::string text =
      "Fire chief James Steele said the blaze was arson.\n"
      "``It's hard to say at this point.\n"
      "Everything is just speculation,'' he said.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "James Steele")});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "It's hard to say at this point.");
  EXPECT_EQ(quotes[0].speaker, "James Steele");
  EXPECT_FALSE(quotes[0].partial);
  EXPECT_EQ(quotes[1].text, "Everything is just speculation,");
  EXPECT_EQ(quotes[1].speaker, "James Steele");
}

// "Interior Minister Wolfgang Peschorn, who ..., said": titles before the name, a
// relative clause after it.
TEST(QuoteFinderTest, TitledNameWithARelativeClauseBeforeTheVerb) {
  const std::string text =
      "The ministry spoke first.\n"
      "\"The house should send an unmistakable signal,\" Interior Minister Wolfgang "
      "Peschorn, who serves in a provisional government of civil servants, said in the "
      "statement.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Wolfgang Peschorn")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Wolfgang Peschorn");
}

// "Mr Steele" is the surname with a title: the full name the article gave.
TEST(QuoteFinderTest, TitleAndSurnameTakeTheFullName) {
  const std::string text =
      "No one was hurt, said the fire chief, James Steele. \"We have no motive,\" Mr Steele "
      "said.";
  // As the linker gives them: "Mr Steele" is an entity of its own.
  EntityMention full = Mention(text, "James Steele");
  full.entity = "james-steele";
  full.name = "James Steele";
  EntityMention titled = Mention(text, "Mr Steele");
  titled.entity = "mr-steele";
  titled.name = "Mr Steele";
  const std::vector<Quote> quotes = Find(text, {full, titled});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "James Steele");
  EXPECT_EQ(quotes[0].speaker_entity, "james-steele");
}

// "would not say", "declined to comment": a verb reporting that nothing was said gives
// no speaker, and does not hide the quotation's own attribution.
TEST(QuoteFinderTest, UnsaidVerbsGiveNoSpeaker) {
  const std::string text =
      "He had been dismissed last week, the police said. Though they would not say why, "
      "\"it doesn't appear it was random,\" the Troy police chief, Charles Craft, said. A "
      "spokesman declined to comment on the \"allegations\" on Friday.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Charles Craft")});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Charles Craft");
  EXPECT_FALSE(quotes[1].speaker.has_value());
}

// "Nichols ... spoke for the first time": who speaks now, so "he said" is Nichols, not
// the judge quoted before.
TEST(QuoteFinderTest, SpokeMakesTheSpeakerAPronounTakes) {
  const std::string text =
      "\"If there was more I could give you, I would,\" the judge said. Nichols, who argued "
      "he was insane, spoke for the first time in court on Saturday. \"I am sorry,\" he "
      "said.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Nichols")});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "the judge");
  EXPECT_EQ(quotes[1].speaker, "Nichols");
}

// A quotation left open swallows its own attribution: the speaker before is not its.
TEST(QuoteFinderTest, OpenQuotationEndingInItsAttributionInheritsNobody) {
  const std::string text =
      "\"Patch now,\" Paul Henry said.\n"
      "\"It's important to note that all versions are affected, Tyler Reguly, a manager at "
      "Tripwire, says.";
  const std::vector<Quote> quotes =
      Find(text, {Mention(text, "Paul Henry"), Mention(text, "Tyler Reguly")});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Paul Henry");
  EXPECT_FALSE(quotes[1].speaker.has_value());
  // A speech verb's form that ends no attribution: "a weakened state".
  const std::string state =
      "\"We are in crisis,\" Kyrtsos said.\n\"But there is also a weakened state.\n";
  const std::vector<Quote> continued = Find(state, {Mention(state, "Kyrtsos")});
  ASSERT_EQ(continued.size(), 2u);
  EXPECT_EQ(continued[1].speaker, "Kyrtsos");
}

// A single-mark quotation in the part after a line break is nested in the double one.
TEST(QuoteFinderTest, SingleMarksAfterALineBreakInsideAQuotationAreNested) {
  const std::string text =
      "``She changed our attitudes.\n"
      "She became a 'rebel' figure for many,'' Roesler said.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Roesler")});
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[2].text, "rebel");
  EXPECT_TRUE(quotes[2].partial);
}

// "Dist. Atty.", "Det.": titles whose period ends no sentence, so the name after them
// is the speaker.
TEST(QuoteFinderTest, AbbreviatedTitlesBeforeTheSpeakersName) {
  const std::string text =
      "\"This is the crime the death penalty was made for,\" said Dist. Atty. Steve Cooley.";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Steve Cooley")});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Steve Cooley");
}

// Text rebuilt from tokens puts a space before the closing mark after a line break too.
TEST(QuoteFinderTest, LineBreakInsideAQuotationClosedByASpacedStraightMark) {
  const std::string text =
      "\"The warship challenged them.\n"
      "While two of them escaped, the ship intercepted three, \"said Captain Manohar Nambiar.\n"
      "He said, \"We will stay.\"";
  const std::vector<Quote> quotes = Find(text, {Mention(text, "Manohar Nambiar")});
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "Manohar Nambiar");
  EXPECT_EQ(quotes[1].text, "While two of them escaped, the ship intercepted three,");
  EXPECT_EQ(quotes[1].speaker, "Manohar Nambiar");
  EXPECT_EQ(quotes[2].text, "We will stay.");
}

TEST(QuoteSpeakerTest, IdsAndNameWords) {
  EXPECT_EQ(SpeakerEntityId("Antony Blinken"), "antony-blinken");
  EXPECT_EQ(SpeakerEntityId("U.S. State Department"), "us-state-department");
  const std::vector<std::string_view> words = NameWords("Secretary of State Antony Blinken");
  EXPECT_EQ(words, (std::vector<std::string_view>{"Antony", "Blinken"}));
  EXPECT_EQ(NameWords("U.S. President Joe Biden's"),
            (std::vector<std::string_view>{"Joe", "Biden"}));
  EXPECT_EQ(NameWords("Prime Minister"), (std::vector<std::string_view>{"Prime", "Minister"}));
  EXPECT_EQ(CanonicalName("Biden",
                          {"President Biden", "U.S. President Joe Biden", "Biden administration"}),
            "Joe Biden");
  // Two people share the surname: it stays as written.
  EXPECT_EQ(CanonicalName("Davis", {"Frederick Davis", "Mariah Davis"}), "Davis");
  EXPECT_FALSE(FullerName("Davis", {"Frederick Davis", "Mariah Davis"}).has_value());
  EXPECT_EQ(FullerName("Davis", {"Davis", "Frederick Davis", "Fred Davis"}), std::nullopt);
  EXPECT_EQ(FullerName("Davis", {"Frederick Davis", "Frederick J. Davis"}), "Frederick J. Davis");
}

}  // namespace
}  // namespace storyline
