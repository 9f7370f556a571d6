// Reports that share only a place are different stories: a city's markets report, a
// protest in it and a company's listing there; two shootings in one city weeks apart.
// Two reports of one shooting, the second naming the victim, stay one story. Likewise
// reports that share a person but give them ages years apart, or that name two holders
// of one office.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../support/test_paths.h"
#include "story/story_clusterer.h"
#include "story/story_features.h"

namespace storyline {
namespace {

struct Name {
  std::string text;
  std::string type;
  std::string entity;
};

// An article and the analysis the analyzer gives it: a mention of each name wherever its
// text is written.
std::pair<Article, Analysis> Report(std::string id, std::string published, std::string title,
                                    std::string text, const std::vector<Name>& names) {
  Article article;
  article.id = std::move(id);
  article.published = std::move(published);
  article.title = std::move(title);
  article.text = std::move(text);
  Analysis analysis;
  for (const Name& name : names) {
    for (size_t at = article.text.find(name.text); at != std::string::npos;
         at = article.text.find(name.text, at + name.text.size())) {
      EntityMention mention;
      mention.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.text.size())};
      mention.text = name.text;
      mention.type = name.type;
      mention.entity = name.entity;
      mention.name = name.text;
      analysis.entities.push_back(std::move(mention));
    }
  }
  return {std::move(article), std::move(analysis)};
}

// The story id of each report, in order.
std::vector<int> Place(const std::vector<std::pair<Article, Analysis>>& reports) {
  StoryClusterer clusterer;
  // As ingest does: document frequencies of news at large, not of these few reports.
  std::ifstream background(std::string(storyline::test_paths::SourceDir()) +
                           "/models/story-background.tsv");
  EXPECT_TRUE(background);
  clusterer.AddBackground(background);
  std::vector<int> stories;
  for (const auto& [article, analysis] : reports) {
    stories.push_back(clusterer.Add(article, analysis).story);
  }
  // A later merge moves earlier reports; read every placement from the final stories.
  for (size_t i = 0; i < reports.size(); ++i) {
    for (const Story& story : clusterer.Stories()) {
      for (const std::string& id : story.articles) {
        if (id == reports[i].first.id) stories[i] = story.id;
      }
    }
  }
  return stories;
}

// The names every report of one city writes (the city in its text and its dateline),
// then the report's own.
std::vector<Name> With(std::vector<Name> city, const std::vector<Name>& own) {
  city.insert(city.end(), own.begin(), own.end());
  return city;
}

const std::vector<Name> kHongKong = {{"Hong Kong", "PLACE", "hong-kong"},
                                     {"HONG KONG", "PLACE", "hong-kong"}};

TEST(SharedPlaceTest, ReportsSharingOnlyACityAreSeparateStories) {
  const std::vector<Name> kMarketNames = {{"China", "PLACE", "china"},
                                          {"Hang Seng", "ORG", "hang-seng"},
                                          {"New World", "ORG", "new-world"}};
  const std::vector<std::pair<Article, Analysis>> reports = {
      Report("markets", "2024-05-13", "Hong Kong stocks slip as property shares weigh",
             "HONG KONG - Hong Kong stocks fell on Monday, dragged lower by property "
             "developers, as investors awaited fresh economic data from mainland China.\n"
             "The benchmark Hang Seng index closed down 1.2 percent at 18,963 points, while "
             "the Hang Seng China Enterprises index lost 1.4 percent.\nDevelopers led the "
             "decline, with New World Development down 5 percent. Turnover on the Hong Kong "
             "exchange was thin. Traders said sentiment remained fragile ahead of retail "
             "sales figures due later in the week.",
             With(kHongKong, kMarketNames)),
      Report("protest", "2024-05-15", "Hundreds march in Hong Kong over housing costs",
             "HONG KONG - Hundreds of people marched through central Hong Kong on Wednesday "
             "to protest against soaring rents and the shortage of public housing.\nThe "
             "demonstrators, many of them young families, carried banners demanding rent "
             "controls and walked from Victoria Park to government headquarters in "
             "Admiralty.\nPolice said about 800 people took part and that the march was "
             "peaceful. Organisers from the Society for Community Organization said the "
             "waiting time for a public flat had reached six years.",
             With(kHongKong, {{"Victoria Park", "PLACE", "victoria-park"},
                              {"Society for Community Organization", "ORG",
                               "society-for-community-organization"}})),
      Report("listing", "2024-05-17", "Tea chain Chagee makes Hong Kong trading debut",
             "HONG KONG - Shares of Chinese tea chain Chagee rose 20 percent in their Hong "
             "Kong trading debut on Friday after the company raised $400 million in its "
             "initial public offering.\nChagee, founded in 2017 in Yunnan, operates more "
             "than 4,000 stores. Chief executive Zhang Junjie said the money would pay for "
             "expansion in Southeast Asia.\nThe listing is one of the largest in Hong Kong "
             "this year, bankers said.",
             With(kHongKong, {{"Chagee", "ORG", "chagee"},
                              {"Yunnan", "PLACE", "yunnan"},
                              {"Zhang Junjie", "PERSON", "zhang-junjie"},
                              {"Southeast Asia", "PLACE", "southeast-asia"}})),
      Report("markets-next-day", "2024-05-14", "Hong Kong stocks rebound as developers recover",
             "HONG KONG - Hong Kong stocks rebounded on Tuesday as property developers "
             "recovered from the previous session's losses and investors bought back into "
             "technology shares.\nThe Hang Seng index rose 0.8 percent to 19,115 points, and "
             "the Hang Seng China Enterprises index gained 1.1 percent. New World Development "
             "climbed 3 percent. Turnover on the exchange remained thin.",
             With(kHongKong, kMarketNames)),
  };
  const std::vector<int> stories = Place(reports);
  EXPECT_NE(stories[0], stories[1]);
  EXPECT_NE(stories[0], stories[2]);
  EXPECT_NE(stories[1], stories[2]);
  // Two days of one market share its names and figures: one story.
  EXPECT_EQ(stories[0], stories[3]);
}

TEST(SharedPlaceTest, ShootingsInOneCityWeeksApartAreSeparateStories) {
  const std::vector<Name> toledo = {
      {"Toledo", "PLACE", "toledo"}, {"TOLEDO", "PLACE", "toledo"}, {"Ohio", "PLACE", "ohio"}};
  const std::vector<std::pair<Article, Analysis>> reports = {
      Report("bar-shooting", "2024-03-02", "Man shot dead outside Toledo bar",
             "TOLEDO, Ohio - A man was shot and killed outside a bar in west Toledo early "
             "Saturday, police said.\nOfficers were called to the 3000 block of Sylvania "
             "Avenue shortly after 2 a.m. and found the man with several gunshot wounds. He "
             "died at the scene.\nPolice did not release his name and said no arrests had "
             "been made. Anyone with information is asked to call Crime Stoppers.",
             With(toledo, {{"Sylvania Avenue", "PLACE", "sylvania-avenue"},
                           {"Stoppers", "ORG", "stoppers"}})),
      Report("bar-shooting-victim", "2024-03-03", "Victim of Toledo bar shooting identified",
             "TOLEDO, Ohio - The man killed in a shooting outside a west Toledo bar on "
             "Saturday was identified as Marcus Reed, 27, the Lucas County coroner said "
             "Sunday.\nReed was shot several times in the parking lot of a bar on Sylvania "
             "Avenue after an argument inside, police said. Detectives are looking for a man "
             "seen running from the scene. No arrests have been made.",
             With(toledo, {{"Marcus Reed", "PERSON", "marcus-reed"},
                           {"Lucas County", "PLACE", "lucas-county"},
                           {"Sylvania Avenue", "PLACE", "sylvania-avenue"}})),
      Report("drive-by", "2024-03-29", "Teen wounded in Toledo drive-by shooting",
             "TOLEDO, Ohio - A 16-year-old boy was wounded in a drive-by shooting in central "
             "Toledo on Friday evening, police said.\nThe boy, Jaylen Brooks, was standing on "
             "a porch on Dorr Street when someone in a passing car fired several shots, Lt. "
             "Karen Hughes said. He was taken to ProMedica Toledo Hospital with injuries "
             "that are not life-threatening. Police are searching for the car.",
             With(toledo, {{"Jaylen Brooks", "PERSON", "jaylen-brooks"},
                           {"Dorr Street", "PLACE", "dorr-street"},
                           {"Karen Hughes", "PERSON", "karen-hughes"},
                           {"Toledo Hospital", "ORG", "toledo-hospital"}})),
  };
  const std::vector<int> stories = Place(reports);
  EXPECT_EQ(stories[0], stories[1]);  // one death, first unnamed, then named
  EXPECT_NE(stories[0], stories[2]);
}

// Where and when are what two reports of one happening share when their wording does
// not: the first report of a murder-suicide names no one, the second is about the father's
// past. A shooting in the same city on the same day, somewhere else in it, stays apart.
TEST(SharedPlaceTest, ReportsFromOnePlaceOnOneDayOfOneDeathJoin) {
  const std::vector<Name> salt_lake = {{"Salt Lake City", "PLACE", "salt-lake-city"},
                                       {"SALT LAKE CITY", "PLACE", "salt-lake-city"}};
  const std::vector<std::pair<Article, Analysis>> reports = {
      Report("first-report", "2024-07-23", "Police: man shoots boy, then himself",
             "SALT LAKE CITY - Police say a 41-year-old man shot an 8-year-old boy and then "
             "himself in a "
             "murder-suicide Tuesday inside a Capitol Hill apartment in Salt Lake City.\n"
             "Officers were called to a report of gunfire shortly after 6 p.m. "
             "and found the man and the boy dead, Sgt. Greg Wilking said.\nPolice did not "
             "release their names. Neighbors said they heard several shots.",
             With(salt_lake, {{"Capitol Hill", "PLACE", "capitol-hill"},
                              {"Greg Wilking", "PERSON", "greg-wilking"}})),
      Report("father-history", "2024-07-24",
             "Father who killed son and himself had history of domestic violence",
             "SALT LAKE CITY - A father who fatally shot his young son before "
             "killing himself had a history of domestic violence, court records show.\nMoses "
             "Waters, 41, had been charged with assault twice in the past three years, and a "
             "protective order against him expired in May. His son Xavier was in second grade "
             "at Wasatch Elementary.\nThe assault cases were dismissed after Waters completed "
             "an anger management course ordered by a judge. A neighbour, Lisa Romero, said "
             "the family had moved into the building in March and kept to themselves.\nThe "
             "boy's mother was not home at the time. Relatives plan a vigil on Thursday at "
             "Liberty Park, where the boy played soccer every weekend.",
             With(salt_lake, {{"Moses Waters", "PERSON", "moses-waters"},
                              {"Greg Wilking", "PERSON", "greg-wilking"},
                              {"Waters", "PERSON", "moses-waters"},
                              {"Xavier", "PERSON", "xavier"},
                              {"Wasatch Elementary", "ORG", "wasatch-elementary"}})),
      Report("store-shooting", "2024-07-23", "Man wounded outside Rose Park store",
             "SALT LAKE CITY - A 19-year-old man was shot and wounded outside a convenience "
             "store in the Rose Park neighborhood of Salt Lake City on Tuesday night, police "
             "said.\nThe man was taken to a "
             "hospital in serious condition. Lt. Brandon Shearer said the gunman fled in a "
             "white pickup truck after an argument in the parking lot.",
             With(salt_lake, {{"Rose Park", "PLACE", "rose-park"},
                              {"Brandon Shearer", "PERSON", "brandon-shearer"}})),
  };
  const std::vector<int> stories = Place(reports);
  EXPECT_EQ(stories[0], stories[1]);
  EXPECT_NE(stories[0], stories[2]);
}

std::vector<std::pair<std::string, int>> AgesOf(const std::pair<Article, Analysis>& report) {
  return ExtractStoryFeatures(report.first, report.second).ages;
}

// Two title defences of one boxer four years apart, reported with no date: the same
// champion, belt and vocabulary, and what tells them apart is his age. A third report of
// the first fight gives his age a year off (a birthday between reports, a slip) and
// stays with it.
TEST(SharedPlaceTest, ReportsGivingOnePersonAgesYearsApartAreSeparateStories) {
  const std::vector<Name> champion = {{"Wladimir Klitschko", "PERSON", "wladimir-klitschko"},
                                      {"Klitschko", "PERSON", "wladimir-klitschko"},
                                      {"IBF", "ORG", "ibf"},
                                      {"WBO", "ORG", "wbo"}};
  const auto fights = [&](bool with_ages) {
    const auto age = [&](const std::string& given) { return with_ages ? given : ""; };
    return std::vector<std::pair<Article, Analysis>>{
        Report("first-fight", "", "Klitschko stops Rahman to keep his titles",
               "Wladimir Klitschko" + age(", 32,") +
                   " kept his IBF and WBO heavyweight titles on Saturday, stopping Hasim "
                   "Rahman in the seventh round in Mannheim.\nKlitschko dominated with his "
                   "jab from the opening bell, and the referee stopped the fight after a "
                   "flurry of punches left Rahman defenceless against the ropes.\n\"It was a "
                   "good night's work,\" Klitschko said.",
               With(champion, {{"Hasim Rahman", "PERSON", "hasim-rahman"},
                               {"Rahman", "PERSON", "hasim-rahman"},
                               {"Mannheim", "PLACE", "mannheim"}})),
        Report("second-fight", "", "Klitschko stops Thompson to keep his titles",
               "Wladimir Klitschko" + age(", 36,") +
                   " kept his IBF and WBO heavyweight titles on Saturday, stopping Tony "
                   "Thompson in the sixth round in Bern.\nKlitschko dominated with his jab "
                   "from the opening bell, and the referee stopped the fight after a flurry "
                   "of punches left Thompson defenceless against the ropes.\n\"It was a "
                   "good night's work,\" Klitschko said.",
               With(champion, {{"Tony Thompson", "PERSON", "tony-thompson"},
                               {"Thompson", "PERSON", "tony-thompson"},
                               {"Bern", "PLACE", "bern"}})),
        Report("first-fight-again", "", "Klitschko too strong for Rahman",
               "The" + age(" 33-year-old") +
                   " Wladimir Klitschko kept his IBF and WBO heavyweight titles, stopping "
                   "Hasim Rahman in the seventh round in Mannheim.\nKlitschko dominated with "
                   "his jab, and the referee stopped the fight with Rahman defenceless "
                   "against the ropes.",
               With(champion, {{"Hasim Rahman", "PERSON", "hasim-rahman"},
                               {"Rahman", "PERSON", "hasim-rahman"},
                               {"Mannheim", "PLACE", "mannheim"}})),
    };
  };
  const std::vector<std::pair<Article, Analysis>> with_ages = fights(true);
  using Ages = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(AgesOf(with_ages[0]), (Ages{{"e:wladimir-klitschko", 32}}));
  EXPECT_EQ(AgesOf(with_ages[1]), (Ages{{"e:wladimir-klitschko", 36}}));
  EXPECT_EQ(AgesOf(with_ages[2]), (Ages{{"e:wladimir-klitschko", 33}}));
  // Without the ages, nothing tells the fights apart: one story.
  const std::vector<int> undistinguished = Place(fights(false));
  EXPECT_EQ(undistinguished[0], undistinguished[1]);
  const std::vector<int> stories = Place(with_ages);
  EXPECT_NE(stories[0], stories[1]);
  EXPECT_EQ(stories[0], stories[2]);
}

// An office one person holds at a time, named with two holders by reports that do not
// name the other one: two terms of it. The same rule under each, reported with no date.
// A report that names both holders (the new one undoing the old one's rule) is no
// conflict.
TEST(SharedPlaceTest, ReportsNamingTwoHoldersOfOneOfficeAreSeparateStories) {
  const auto secretary = [](const std::string& first, const std::string& last) {
    Name name{first + " " + last, "PERSON", first + "-" + last};
    for (char& c : name.entity) c = static_cast<char>(std::tolower(c));
    return name;
  };
  const Name kempthorne = secretary("Dirk", "Kempthorne");
  const Name salazar = secretary("Ken", "Salazar");
  const auto report = [](std::string id, const std::string& holder, const std::string& extra,
                         std::vector<Name> names, bool titled) {
    auto result =
        Report(std::move(id), "", "Interior Department changes endangered species rule",
               "Interior Secretary " + holder +
                   " announced changes on Thursday to the rules of the Endangered Species Act, "
                   "deciding whether federal agencies must consult the Fish and Wildlife Service "
                   "before approving projects that could harm imperiled species.\nEnvironmental "
                   "groups said the consultations protect hundreds of species, and the Interior "
                   "Department said the change would take effect within 30 days." +
                   extra,
               With({{"Interior Department", "ORG", "interior-department"},
                     {"Fish and Wildlife Service", "ORG", "fish-and-wildlife-service"},
                     {"Endangered Species Act", "MISC", "endangered-species-act"}},
                    names));
    if (titled) {
      for (EntityMention& mention : result.second.entities) {
        if (mention.type == "PERSON" && mention.span.start == 19) {
          mention.title = "Interior Secretary";
        }
      }
    }
    return result;
  };
  const auto terms = [&](bool titled) {
    return std::vector<std::pair<Article, Analysis>>{
        report("bush-rule", "Dirk Kempthorne", "", {kempthorne}, titled),
        report("obama-reversal", "Ken Salazar", "", {salazar}, titled)};
  };
  const std::vector<std::pair<Article, Analysis>> titled = terms(true);
  using Offices = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(ExtractStoryFeatures(titled[0].first, titled[0].second).office_holders,
            (Offices{{"interior secretary|", "e:kempthorne"}}));
  // Without the office, nothing tells the terms apart: one story.
  const std::vector<int> undistinguished = Place(terms(false));
  EXPECT_EQ(undistinguished[0], undistinguished[1]);
  const std::vector<int> stories = Place(titled);
  EXPECT_NE(stories[0], stories[1]);
  const std::vector<int> naming_both =
      Place({titled[0], report("reversal-naming-both", "Ken Salazar",
                               " The rule had been announced by Dirk Kempthorne.",
                               {salazar, kempthorne}, true)});
  EXPECT_EQ(naming_both[0], naming_both[1]);
}

TEST(SharedPlaceTest, AnAgeIsWrittenBesideTheName) {
  const std::vector<Name> reid = {{"Tara Reid", "PERSON", "tara-reid"}};
  const auto ages = [&](const std::string& text) {
    return AgesOf(Report("a", "", "", text, reid));
  };
  using Ages = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(ages("Tara Reid (33) checked in."), (Ages{{"e:tara-reid", 33}}));
  EXPECT_EQ(ages("Tara Reid , 33 , checked in."), (Ages{{"e:tara-reid", 33}}));
  EXPECT_EQ(ages("the 33-year-old actress Tara Reid"), (Ages{{"e:tara-reid", 33}}));
  EXPECT_EQ(ages("the 33 - year - old Tara Reid"), (Ages{{"e:tara-reid", 33}}));
  // A number after the name that is no age; an age of someone else before it; two ages.
  EXPECT_TRUE(ages("Tara Reid, 33 films later, checked in.").empty());
  EXPECT_TRUE(ages("a 5-year-old boy and Tara Reid").empty());
  EXPECT_TRUE(ages("Tara Reid, 33, ... Tara Reid, 34, checked in.").empty());
}

}  // namespace
}  // namespace storyline
