// Search queries as people type them (store/search_query.h): punctuation inside words is
// text, the familiar operators work, spelling variants meet, and only a query with no
// word to search for is refused, in a plain sentence.
#include "store/search_query.h"

#include <gtest/gtest.h>

#include <set>

#include "store/store.h"

namespace storyline {
namespace {

// An index that holds the phrases in `phrases` ("cease fire") and no others.
PhraseOccurs IndexWith(std::set<std::string> phrases) {
  return [phrases = std::move(phrases)](std::string_view first, std::string_view second) {
    return phrases.count(std::string(first) + " " + std::string(second)) > 0;
  };
}

const PhraseOccurs kEmptyIndex = IndexWith({});

TEST(SearchQueryTest, PunctuationInsideAWordIsText) {
  EXPECT_EQ(ToFts5Query("U.S.", kEmptyIndex), R"("U.S.")");
  EXPECT_EQ(ToFts5Query("AT&T", kEmptyIndex), R"("AT&T")");
  EXPECT_EQ(ToFts5Query("Biden's call", kEmptyIndex), R"("Biden's" AND "call")");
  EXPECT_EQ(ToFts5Query("$9 billion", kEmptyIndex), R"("$9" AND "billion")");
  EXPECT_EQ(ToFts5Query("50%", kEmptyIndex), R"("50%")");
  EXPECT_EQ(ToFts5Query("9:30", kEmptyIndex), R"("9:30")");
  EXPECT_EQ(ToFts5Query("#hashtag @handle", kEmptyIndex), R"("#hashtag" AND "@handle")");
}

TEST(SearchQueryTest, AHyphenatedCompoundAlsoFindsItsClosedForm) {
  EXPECT_EQ(ToFts5Query("cease-fire", kEmptyIndex), R"(("cease-fire" OR "ceasefire"))");
  EXPECT_EQ(ToFts5Query("e-mail", kEmptyIndex), R"(("e-mail" OR "email"))");
  EXPECT_EQ(ToFts5Query("3-year-old", kEmptyIndex), R"(("3-year-old" OR "3yearold"))");
}

TEST(SearchQueryTest, AClosedCompoundAlsoFindsTheOpenFormTheIndexHolds) {
  EXPECT_EQ(ToFts5Query("ceasefire", IndexWith({"cease fire"})),
            R"(("ceasefire" OR "cease fire"))");
  EXPECT_EQ(ToFts5Query("ceasefire", kEmptyIndex), R"("ceasefire")");
  // Quoted, a word is taken as written.
  EXPECT_EQ(ToFts5Query("\"ceasefire\"", IndexWith({"cease fire"})), R"("ceasefire")");
}

TEST(SearchQueryTest, OperatorsPeopleKnowKeepWorking) {
  EXPECT_EQ(ToFts5Query("\"cease-fire deal\" Biden", kEmptyIndex),
            R"("cease-fire deal" AND "Biden")");
  EXPECT_EQ(ToFts5Query("Biden OR Harris", kEmptyIndex), R"("Biden" OR "Harris")");
  EXPECT_EQ(ToFts5Query("truce -Gaza", kEmptyIndex), R"(("truce") NOT "Gaza")");
  EXPECT_EQ(ToFts5Query("negot*", kEmptyIndex), R"("negot" *)");
  EXPECT_EQ(ToFts5Query("-\"West Bank\" truce", kEmptyIndex), R"(("truce") NOT "West Bank")");
}

TEST(SearchQueryTest, AnUnbalancedQuoteIsClosedAtTheEnd) {
  EXPECT_EQ(ToFts5Query("\"hostage deal", kEmptyIndex), R"("hostage deal")");
  EXPECT_EQ(ToFts5Query("say \"it's", kEmptyIndex), R"("say" AND "it's")");
}

TEST(SearchQueryTest, QuotesInsideAWordCannotEscapeThePhrase) {
  EXPECT_EQ(ToFts5Query("a\"b", kEmptyIndex), R"("a" AND "b")");
  EXPECT_EQ(ToFts5Query("NEAR(a b)", kEmptyIndex), R"x("NEAR(a" AND "b)")x");
}

TEST(SearchQueryTest, ControlCharactersSeparateWords) {
  // A NUL would end the FTS5 string early (found by fuzz/search_fuzzer).
  EXPECT_EQ(ToFts5Query(std::string("?8\0\0\0\0\0\x08", 8), kEmptyIndex), R"("?8")");
  EXPECT_EQ(ToFts5Query("truce\tGaza\nIsrael", kEmptyIndex), R"("truce" AND "Gaza" AND "Israel")");
}

TEST(SearchQueryTest, OnlyAQueryWithNoWordToFindIsRefused) {
  for (const char* query : {"", "   ", "&", "- -", "\"\"", "-Gaza", "-Gaza -Israel", "OR"}) {
    SCOPED_TRACE(query);
    try {
      ToFts5Query(query, kEmptyIndex);
      ADD_FAILURE() << "accepted";
    } catch (const SearchQueryError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.find('\n'), std::string::npos);
      EXPECT_EQ(message.find("fts5"), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace storyline
