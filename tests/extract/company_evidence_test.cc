#include "extract/entities/company_evidence.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "mention_test_support.h"

namespace storyline {
namespace {

using testing::TextsAndTypes;

// Every whole-word occurrence of each name, in text order, typed as given; a name inside
// one listed before it is left out (list the longer names first).
std::vector<EntityMention> AllOccurrences(
    const std::string& text, const std::vector<std::pair<std::string, std::string>>& names) {
  std::vector<EntityMention> mentions;
  for (const auto& [words, type] : names) {
    for (size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
      const size_t end = at + words.size();
      if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
      if (std::any_of(mentions.begin(), mentions.end(), [&](const EntityMention& other) {
            return other.span.start <= at && end <= other.span.end;
          })) {
        continue;
      }
      EntityMention m;
      m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      m.text = words;
      m.type = type;
      mentions.push_back(m);
    }
  }
  std::sort(mentions.begin(), mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  return mentions;
}

TEST(CompanyEvidence, AModelYearMakesABrandOfEveryMention) {
  const std::string text =
      "Audi has revealed the 2020 Audi e-tron Sportback. Audi says the car is quiet.";
  std::vector<EntityMention> mentions = AllOccurrences(text, {{"Audi", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"Audi/ORG", "Audi/ORG", "Audi/ORG"}));
}

TEST(CompanyEvidence, ACorporateSuffixNamesTheCompanyAndItsShortName) {
  const std::string text =
      "Nissan still believes in sedans, said a vice president, Nissan Sales, at Nissan North "
      "America Inc. Nissan claims the engine is efficient.";
  std::vector<EntityMention> mentions = AllOccurrences(
      text, {{"Nissan North America", "PLACE"}, {"Nissan Sales", "PERSON"}, {"Nissan", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"Nissan/ORG", "Nissan Sales/ORG", "Nissan North America/ORG",
                                      "Nissan/ORG"}));
}

TEST(CompanyEvidence, AModelThatNeverSpeaksIsNoneOfTheTypes) {
  const std::string text =
      "Nissan took the covers off the 2020 Sentra. The Sentra gets a new grille, and Jane "
      "Roe drove it.";
  std::vector<EntityMention> mentions =
      AllOccurrences(text, {{"Jane Roe", "PERSON"}, {"Sentra", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Jane Roe/PERSON"}));
}

TEST(CompanyEvidence, APieceOfACompanysNameGoes) {
  const std::string text = "NASA chose SpaceX and Sierra Nevada Corp. to fly; Nevada cheered.";
  std::vector<EntityMention> mentions =
      AllOccurrences(text, {{"SpaceX", "ORG"}, {"Nevada", "PLACE"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"SpaceX/ORG", "Nevada/PLACE"}));
}

TEST(CompanyEvidence, HandlesAreLeftAlone) {
  const std::string text = "Vote for @MattBevin! said Trump, tagging @MattBevin's app post.";
  std::vector<EntityMention> mentions = AllOccurrences(text, {{"MattBevin", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions),
            (std::vector<std::string>{"MattBevin/PERSON", "MattBevin/PERSON"}));
}

TEST(CompanyEvidence, ACompanysPossessionsGiveItAway) {
  const std::string text = "Penrose's CEO resigned on Monday. Penrose said sales fell.";
  std::vector<EntityMention> mentions = AllOccurrences(text, {{"Penrose", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Penrose/ORG", "Penrose/ORG"}));
}

TEST(CompanyEvidence, ASurnameOrATitledNameStaysAPerson) {
  const std::string text =
      "Bill Ford spoke on Monday. Ford's CEO role ended in 2019. Mr. Penrose met the "
      "2020 Penrose committee, and Penrose's app was praised.";
  std::vector<EntityMention> mentions =
      AllOccurrences(text, {{"Bill Ford", "PERSON"}, {"Ford", "PERSON"}, {"Penrose", "PERSON"}});
  for (EntityMention& m : mentions) {
    if (m.text == "Penrose" && text.substr(m.span.start - 4, 3) == "Mr.") m.title = "Mr.";
  }
  const std::vector<std::string> before = TextsAndTypes(mentions);
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), before);
}

TEST(CompanyEvidence, AYearAfterAPrepositionIsNoModelYear) {
  const std::string text = "In 2020 Grant won the race. Grant's stock answer was a smile.";
  std::vector<EntityMention> mentions = AllOccurrences(text, {{"Grant", "PERSON"}});
  RetypeCompaniesReadAsPeople(text, mentions);
  EXPECT_EQ(TextsAndTypes(mentions), (std::vector<std::string>{"Grant/PERSON", "Grant/PERSON"}));
}

}  // namespace
}  // namespace storyline
