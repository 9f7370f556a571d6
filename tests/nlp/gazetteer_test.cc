#include "nlp/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/test_paths.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

constexpr GazetteerCategories Bit(GazetteerCategory c) { return CategoryBit(c); }

const Gazetteer& Committed() {
  static const Gazetteer gazetteer = Gazetteer::Load(
      std::filesystem::path(storyline::test_paths::SourceDir()) / "models" / "gazetteer.tsv");
  return gazetteer;
}

TEST(GazetteerTest, CommittedListsHoldKnownNames) {
  const Gazetteer& g = Committed();
  EXPECT_GT(g.size(), 50000u);
  EXPECT_TRUE(g.Lookup("France") & Bit(GazetteerCategory::kCountry));
  EXPECT_TRUE(g.Lookup("Egypt") & Bit(GazetteerCategory::kCountry));
  EXPECT_TRUE(g.Lookup("California") & Bit(GazetteerCategory::kSubdivision));
  EXPECT_TRUE(g.Lookup("Cairo") & Bit(GazetteerCategory::kCity));
  EXPECT_TRUE(g.Lookup("Doha") & Bit(GazetteerCategory::kCity));
  EXPECT_TRUE(g.Lookup("Mary") & Bit(GazetteerCategory::kFirstName));
  EXPECT_TRUE(g.Lookup("Inc.") & Bit(GazetteerCategory::kOrgWord));
  EXPECT_TRUE(g.Lookup("President") & Bit(GazetteerCategory::kTitle));
  EXPECT_TRUE(g.Lookup("Israeli") & Bit(GazetteerCategory::kDemonym));
  EXPECT_TRUE(g.Lookup("house") & Bit(GazetteerCategory::kCommon));
  EXPECT_FALSE(g.Lookup("Israeli") & Bit(GazetteerCategory::kCountry));
  EXPECT_EQ(g.Lookup("Xqzzyville"), 0);
}

TEST(GazetteerTest, LookupIgnoresCaseAndSpaces) {
  Gazetteer g;
  g.Add("New York", Bit(GazetteerCategory::kCity));
  EXPECT_EQ(g.Lookup("new york"), Bit(GazetteerCategory::kCity));
  EXPECT_EQ(g.Lookup("NewYork"), Bit(GazetteerCategory::kCity));
  EXPECT_EQ(g.Lookup("New"), 0);
}

TEST(GazetteerTest, FindsMultiTokenNamesWhateverTheTokenSplit) {
  Gazetteer g;
  g.Add("New York City", Bit(GazetteerCategory::kCity));
  g.Add("New York", Bit(GazetteerCategory::kSubdivision));
  g.Add("St. Louis", Bit(GazetteerCategory::kCity));
  const std::string text = "She moved from St. Louis to New York City in May.";
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  std::vector<GazetteerMatch> matches;
  g.FindMatches(text, tokens.tokens, 0, uint32_t(tokens.tokens.size()), &matches);
  std::vector<std::pair<std::string, GazetteerCategories>> found;
  for (const GazetteerMatch& m : matches) {
    const uint32_t start = tokens.tokens[m.first_token].start;
    const uint32_t end = tokens.tokens[m.end_token - 1].end;
    found.emplace_back(text.substr(start, end - start), m.categories);
  }
  const std::vector<std::pair<std::string, GazetteerCategories>> expected = {
      {"St. Louis", Bit(GazetteerCategory::kCity)},
      {"New York", Bit(GazetteerCategory::kSubdivision)},
      {"New York City", Bit(GazetteerCategory::kCity)}};
  EXPECT_EQ(found, expected);
}

TEST(GazetteerTest, MalformedFileNamesFileAndLine) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "storyline_gazetteer_test.tsv";
  {
    std::ofstream out(path);
    out << "# comment\nParis\tcity\nLyon\tmetropolis\n";
  }
  try {
    Gazetteer::Load(path);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ":3: unknown category 'metropolis'");
  }
  {
    std::ofstream out(path);
    out << "Paris city\n";
  }
  EXPECT_THROW(Gazetteer::Load(path), std::runtime_error);
  std::filesystem::remove(path);
  EXPECT_THROW(Gazetteer::Load(path), std::runtime_error);
}

}  // namespace
}  // namespace storyline
