// Classes of quotations whose speaker issue 13's fourth round read on news nobody developed
// on: relayed speech, names the recognizer or the linker got half right, descriptors, verbs
// and phrases of saying the lexicon lacked, and statements that go on past their
// attribution.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/quotes/quote_finder.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

// A name the recognizer found: every occurrence of `text` is a mention, of `type`, with
// the linker's canonical `name` when it ran.
struct Named {
  Named(const char* text, const char* type = "PERSON", const char* name = "")
      : text(text), type(type), name(name) {}
  std::string text;
  std::string type;
  std::string name;
};

std::vector<Quote> Find(const std::string& text, const std::vector<Named>& names = {}) {
  std::vector<EntityMention> entities;
  for (const Named& n : names) {
    for (size_t at = text.find(n.text); at != std::string::npos; at = text.find(n.text, at + 1)) {
      // Whole words only: "Ortiz" is no mention inside "Jeremy Ortiz" when both are named.
      const bool inside = std::any_of(names.begin(), names.end(), [&](const Named& other) {
        if (other.text.size() <= n.text.size()) return false;
        for (size_t o = text.find(other.text); o != std::string::npos;
             o = text.find(other.text, o + 1)) {
          if (o <= at && at + n.text.size() <= o + other.text.size()) return true;
        }
        return false;
      });
      if (inside) continue;
      EntityMention mention;
      mention.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + n.text.size())};
      mention.text = n.text;
      mention.type = n.type;
      if (!n.name.empty()) {
        mention.name = n.name;
        std::string id = n.name;
        std::replace(id.begin(), id.end(), ' ', '-');
        std::transform(id.begin(), id.end(), id.begin(), ::tolower);
        mention.entity = id;
      }
      entities.push_back(mention);
    }
  }
  std::sort(entities.begin(), entities.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  return FindQuotes(text, tokens, {}, {}, entities);
}

// "the staff member recalled that he said, “...”" was the class; a speech verb that
// introduces the quotation says whose words they are even when an attribution follows
// them: the one after names who relays them.
TEST(QuoteSpeakerClassesTest, WordsAVerbIntroducesAreNotTheRelayers) {
  const std::vector<Quote> quotes = Find(
      "She fired at an employee who had followed her in and had yelled, \"Hide, she's got a "
      "gun!\" Frank Vanore said.",
      {{"Frank Vanore"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_FALSE(quotes[0].speaker.has_value());
  // So does one with a short object ("telling her,"); nor is "and told" coordinated with
  // "according to", which is no verb.
  const std::vector<Quote> telling = Find(
      "In 2005 John Roe was convicted of beating her, and telling her, \"you're never going to "
      "leave me,\" according to court records.\nIn 2004 he was charged, according to court "
      "records, which indicate he held a knife and told her, \"You will pay for this.\"",
      {{"John Roe"}});
  ASSERT_EQ(telling.size(), 2u);
  EXPECT_FALSE(telling[0].speaker.has_value());
  EXPECT_FALSE(telling[1].speaker.has_value());
}

// "one woman in Qeshm told AFP": the place completes the descriptor, as "one user on
// Weibo" does; so does "Officials in Washington".
TEST(QuoteSpeakerClassesTest, PlaceAfterInCompletesADescriptor) {
  const std::vector<Quote> woman = Find("\"I saw an injured person,\" one woman in Qeshm told AFP.",
                                        {{"Qeshm", "PLACE"}, {"AFP", "ORG"}});
  ASSERT_EQ(woman.size(), 1u);
  EXPECT_EQ(woman[0].speaker, "one woman in Qeshm");
  const std::vector<Quote> officials =
      Find("Officials in Washington said: \"We are watching closely.\"", {{"Washington", "PLACE"}});
  ASSERT_EQ(officials.size(), 1u);
  EXPECT_EQ(officials[0].speaker, "Officials in Washington");
}

// "the judge" is the judge named just before, not an earlier "sentencing judge" of another
// trial (two judges named in between leave that one a descriptor).
TEST(QuoteSpeakerClassesTest, DescriptorTakesThePersonJustCalledSo) {
  const std::vector<Quote> quotes = Find(
      "The sentencing judge said he would have imposed a longer sentence.\n"
      "In 1996 Judge Eugene Nickerson ruled that the defendant was competent.\n"
      "In 1997 Judge Jack Weinstein reflected on the career of the defendant.\n"
      "\"He is a shadow of his former self,\" the judge said.",
      {{"Eugene Nickerson"}, {"Jack Weinstein"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Jack Weinstein");
}

// "Chela Ortiz" where the recognizer found "Ortiz" and the linker made it her stepson.
TEST(QuoteSpeakerClassesTest, FirstNameTheRecognizerLeftOutIsNotAnotherPersons) {
  const std::string text =
      "Chela Ortiz, who married the deputy three weeks before he was killed, told the court, "
      "\"You did not break our family.\"\nHer stepson, Jeremy Ortiz, wrote a letter.";
  const std::vector<Quote> quotes =
      Find(text, {{"Ortiz", "PERSON", "Jeremy Ortiz"}, {"Jeremy Ortiz", "PERSON", "Jeremy Ortiz"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Chela Ortiz");
  // A title the article writes before other names stays a title.
  const std::vector<Quote> titled = Find(
      "Undersheriff Larry Waldie spoke on Friday. Undersheriff Waldie said, \"He did not want "
      "to wait.\"",
      {{"Larry Waldie", "PERSON", "Larry Waldie"}, {"Waldie", "PERSON", "Larry Waldie"}});
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_EQ(titled[0].speaker, "Larry Waldie");
}

// A surname two people share is the one named in this sentence or the one before, else
// the surname as written, whichever full name the linker chose.
TEST(QuoteSpeakerClassesTest, SharedSurnameIsTheOneNamedJustBefore) {
  const std::string text =
      "Makaeo Williams was arrested on Monday.\n"
      "But City Councilman Jumaane Williams blasted outsiders.\n"
      "\"Please stay out of our community,\" Williams said.\n"
      "The vigil went on.\nThe crowd left at midnight.\n"
      "\"We will be back,\" Williams said.";
  const std::vector<Quote> quotes = Find(text, {{"Makaeo Williams", "PERSON", "Makaeo Williams"},
                                                {"Jumaane Williams", "PERSON", "Jumaane Williams"},
                                                {"Williams", "PERSON", "Makaeo Williams"}});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Jumaane Williams");
  EXPECT_EQ(quotes[1].speaker, "Williams");

  // The recognizer found only "Williams" of "Councilman Jumaane Williams"; the linker made
  // every "Williams" the other one. A word opening the sentence is no first name.
  const std::string left_out =
      "Makaeo Williams was arrested on Monday.\n"
      "But City Councilman Jumaane Williams blasted outsiders.\n"
      "\"Please stay out of our community,\" Williams said.\n"
      "Ironically Williams had asked for calm.";
  const std::vector<Quote> found = Find(left_out, {{"Makaeo Williams", "PERSON", "Makaeo Williams"},
                                                   {"Williams", "PERSON", "Makaeo Williams"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].speaker, "Jumaane Williams");
}

// ... also when the recognizer missed the other full name altogether.
TEST(QuoteSpeakerClassesTest, SharedSurnameTheRecognizerMissedOnce) {
  const std::string text =
      "Assistant manager Tony DiLeo will coach the team.\n"
      "His son, T.J. DiLeo, is a guard and he was excited.\n"
      "\"My dad is ready to step in,\" DiLeo said.";
  std::vector<EntityMention> entities;
  for (const auto& [from, name] : std::vector<std::pair<size_t, std::string>>{
           {0, "Tony DiLeo"}, {text.rfind("DiLeo"), "DiLeo"}}) {
    const size_t at = text.find(name, from);
    EntityMention mention;
    mention.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    mention.text = name;
    mention.type = "PERSON";
    mention.name = "Tony DiLeo";
    mention.entity = "tony-dileo";
    entities.push_back(mention);
  }
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  const std::vector<Quote> quotes = FindQuotes(text, tokens, {}, {}, entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "T.J. DiLeo");
}

// "a man who said", "the woman who called police said\": the relative clause tells of the
// subject before it; "a gang who police say" keeps its subject.
TEST(QuoteSpeakerClassesTest, SubjectOfARelativeClauseIsItsAntecedent) {
  const std::vector<Quote> man = Find("Police stopped a man who said, \"I did nothing wrong.\"");
  ASSERT_EQ(man.size(), 1u);
  EXPECT_EQ(man[0].speaker, "a man");
  const std::vector<Quote> police =
      Find("He joined a gang known as \"8 Block,\" who police say are in a turf war.");
  ASSERT_EQ(police.size(), 1u);
  EXPECT_EQ(police[0].speaker, "police");
}

// "he was quoted as saying", "he went on to say": the subject of the first verb.
TEST(QuoteSpeakerClassesTest, VerbPhrasesEndingInASpeechVerb) {
  const std::vector<Quote> quotes = Find(
      "Steven Hargrove was at home when the storm hit. \"The roof was gone,\" Hargrove was "
      "quoted as saying. He went on to say, \"We will rebuild the house.\"",
      {{"Steven Hargrove"}, {"Hargrove", "PERSON", "Steven Hargrove"}});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Steven Hargrove");
  EXPECT_EQ(quotes[1].speaker, "Steven Hargrove");
}

// Verbs of saying and head nouns the lexicon lacked: "joked", "yelled"; "her rep", "her
// agent", and documents the article names ("the sheriff's records state").
TEST(QuoteSpeakerClassesTest, MoreVerbsAndHeadNouns) {
  const std::vector<Quote> joked =
      Find("Mayor Tom Bell spoke at the ceremony. \"I hope the weather holds,\" he joked.",
           {{"Tom Bell"}});
  ASSERT_EQ(joked.size(), 1u);
  EXPECT_EQ(joked[0].speaker, "Tom Bell");
  const std::vector<Quote> rep =
      Find("\"She has checked herself into a treatment center,\" her rep told reporters.");
  ASSERT_EQ(rep.size(), 1u);
  EXPECT_EQ(rep[0].speaker, "her rep");
  const std::vector<Quote> records =
      Find("The sheriff's records state: \"The suspect fled on foot toward the river.\"");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].speaker, "the sheriff's records");
}

// "her agent, Mark Roesler, said": the name in apposition to a descriptor.
TEST(QuoteSpeakerClassesTest, NameInAppositionToADescriptorSpeaks) {
  const std::vector<Quote> quotes =
      Find("Page died on Thursday. \"We are so sad,\" her agent, Mark Roesler, said.",
           {{"Mark Roesler"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Mark Roesler");
}

// "X released a statement" says whose the quotation after it is, in its sentence or the
// next; "said Capt. John Roe Sr. of the county police" ends the name before the suffix.
TEST(QuoteSpeakerClassesTest, ReleasedStatementAndSuffixBeforeAPreposition) {
  const std::vector<Quote> released = Find(
      "Vincent Jackson released a statement through the team on Tuesday.\n\"Yesterday I was "
      "stopped by an officer for speeding.\"",
      {{"Vincent Jackson"}});
  ASSERT_EQ(released.size(), 1u);
  EXPECT_EQ(released[0].speaker, "Vincent Jackson");
  const std::vector<Quote> suffix = Find(
      "\"Stay away from the area,\" said Capt. John Roe Sr. of the county police.", {{"John Roe"}});
  ASSERT_EQ(suffix.size(), 1u);
  EXPECT_EQ(suffix[0].speaker, "John Roe");
}

// Some tokenized corpora write `` for the closing mark too: before an attribution it closes.
TEST(QuoteSpeakerClassesTest, BacktickMarkBeforeAnAttributionCloses) {
  const std::vector<Quote> quotes = Find(
      "``I never dreamed I'd be the leading scorer, ``Tyler Hansbrough said at midcourt.\n"
      "``This is a great honor to be here tonight.''",
      {{"Tyler Hansbrough"}});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "I never dreamed I'd be the leading scorer,");
  EXPECT_EQ(quotes[0].speaker, "Tyler Hansbrough");
  EXPECT_EQ(quotes[1].speaker, "Tyler Hansbrough");
}

// A statement goes on past narration the sentence splitter made of an abbreviation's
// number ("Ch. 4."), and past a few paragraphs whose opening marks the writer left out after
// a quotation left open; not past a sentence of narration otherwise.
TEST(QuoteSpeakerClassesTest, StatementGoesOnPastUnmarkedParagraphs) {
  const std::vector<Quote> channel = Find(
      "``It was horrible to see,'' said Angela Benson, a managing editor at WCCO-TV, Ch. 4.\n"
      "``He took off like a bullet.''",
      {{"Angela Benson"}});
  ASSERT_EQ(channel.size(), 2u);
  EXPECT_EQ(channel[1].speaker, "Angela Benson");

  const std::vector<Quote> open = Find(
      "\"It is a totally different team,\" Greg Roe said after the game.\n"
      "\"We do not resemble the team that we are when he is not playing like that.\n"
      "He is so active.\nHe made plays on several possessions.\n"
      "\"I am really proud of him, because it is hard to get the switch flipped.\"",
      {{"Greg Roe"}});
  ASSERT_EQ(open.size(), 3u);
  EXPECT_EQ(open[2].speaker, "Greg Roe");

  const std::vector<Quote> closed = Find(
      "\"It is a totally different team,\" Greg Roe said after the game.\n"
      "The team flew home on Sunday.\n"
      "\"I am really proud of him, because it is hard to get the switch flipped.\"",
      {{"Greg Roe"}});
  ASSERT_EQ(closed.size(), 2u);
  EXPECT_FALSE(closed[1].speaker.has_value());
}

// A quotation whose later paragraph names its speaker is that speaker's, even right after
// another's statement: ``Nothing ...,'' Kempthorne told reporters. Huh? ``If ...\n We
// would ...,'' said Rick McGuire.
TEST(QuoteSpeakerClassesTest, LaterPartsAttributionWinsOverTheStatementBefore) {
  const std::vector<Quote> quotes = Find(
      "``Nothing in this rule harms a species,'' Dirk Kempthorne told reporters.\n"
      "``If this rule had been in place, builders could have done anything.\n"
      "We would not be seeing the improvements,'' said Rick McGuire of the coalition.",
      {{"Dirk Kempthorne"}, {"Rick McGuire"}});
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[1].speaker, "Rick McGuire");
  EXPECT_EQ(quotes[2].speaker, "Rick McGuire");
}

// "According to" opening its sentence; a noun before its number ("Juror No. 8"); a name
// the recognizer missed after a descriptor's noun ("resident Suri Charanjit"); a
// participle ending the head ("a man wearing ski goggles"); advice or a message given
// before a colon.
TEST(QuoteSpeakerClassesTest, DescriptorsAndCuesOpeningTheirSentence) {
  const std::vector<Quote> according =
      Find("According to the minister, \"We have no idea what caused it.\"");
  ASSERT_EQ(according.size(), 1u);
  EXPECT_EQ(according[0].speaker, "the minister");
  const std::vector<Quote> juror =
      Find("\"Everyone was respectful,\" said Juror No. 8, one of six women on the panel.");
  ASSERT_EQ(juror.size(), 1u);
  EXPECT_EQ(juror[0].speaker, "Juror No. 8");
  const std::vector<Quote> resident =
      Find("\"The husband and wife came to visit,\" said Richmond Hill resident Suri Charanjit.",
           {{"Richmond Hill", "PLACE"}});
  ASSERT_EQ(resident.size(), 1u);
  EXPECT_EQ(resident[0].speaker, "Suri Charanjit");
  const std::vector<Quote> wearing =
      Find("\"I do feel bad,\" said a man wearing ski goggles and a dark blue jacket.");
  ASSERT_EQ(wearing.size(), 1u);
  EXPECT_EQ(wearing[0].speaker, "a man wearing ski goggles and a dark blue jacket");
  const std::vector<Quote> advice = Find(
      "The judge had advice for anyone who deals with the defendant:\n\"Do not trust him ever "
      "again.\"");
  ASSERT_EQ(advice.size(), 1u);
  EXPECT_EQ(advice[0].speaker, "the judge");
  const std::vector<Quote> from =
      Find("The soldier had a letter from his mother:\n\"Come home safe, we all miss you.\"");
  ASSERT_EQ(from.size(), 1u);
  EXPECT_FALSE(from[0].speaker.has_value());
}

// "the star" is not whom the article calls "the star's rep".
TEST(QuoteSpeakerClassesTest, PossessiveDescriptorCallsTheNameOtherwise) {
  const std::vector<Quote> quotes = Find(
      "The star's rep Jack Ketsoyan confirmed the news.\nEarlier this year, the star said she "
      "was now a \"social drinker.\"",
      {{"Jack Ketsoyan"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "the star");
}

// Issue 13's list, each still as it should be: the named spokesperson, not her office.
TEST(QuoteSpeakerClassesTest, NamedSpokespersonBeforeHerOffice) {
  const std::vector<Quote> quotes = Find(
      "\"We have the suspect in custody,\" Ann Lee, spokesperson for the county sheriff's "
      "office, said.",
      {{"Ann Lee"}});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Ann Lee");
}

// Issue 13 round 5: "she" after a descriptor's speech and a person named since is no
// descriptor's ("an assistant state attorney general" for Olson's "she wrote"), whether or
// not a name in between opens its sentence; a descriptor that is the only candidate and
// fits still is one, but not one of the other gender.
TEST(QuoteSpeakerClassesTest, PronounIsNoDescriptorWhenAPersonIsNamedSince) {
  const std::vector<Quote> quotes = Find(
      "\"Dissolution of the corporation has taken four years,\" an official said "
      "Tuesday.\nIn a letter, Karen Olson blames the state for the problems.\n"
      "\"We have been a victim of our own idealism,\" she wrote.",
      {{"Karen Olson"}});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "an official");
  EXPECT_NE(quotes[1].speaker, "an official");
  const std::vector<Quote> only = Find(
      "\"The fire was set,\" a police spokeswoman said.\n\"We have no suspect yet,\" she added.");
  ASSERT_EQ(only.size(), 2u);
  EXPECT_EQ(only[1].speaker, "a police spokeswoman");
  // A name before a possessive is no other candidate: it names whose relation speaks.
  const std::vector<Quote> possessive = Find(
      "\"He was a good boy,\" his mother said.\nAs she came in, Nichols' mother looked at the "
      "reporters.\n"
      "\"We just want to fade into obscurity,\" she said.",
      {{"Nichols"}});
  ASSERT_EQ(possessive.size(), 2u);
  EXPECT_EQ(possessive[1].speaker, "his mother");
  const std::vector<Quote> other = Find(
      "\"The fire was set,\" a police spokesman said.\n\"We have no suspect yet,\" she added.");
  ASSERT_EQ(other.size(), 2u);
  EXPECT_FALSE(other[1].speaker.has_value());
}

}  // namespace
}  // namespace storyline
