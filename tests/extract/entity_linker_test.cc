#include "extract/links/entity_linker.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

EntityMention Mention(std::string_view text, std::string_view surface, std::string type,
                      size_t from = 0) {
  EntityMention m;
  const size_t start = text.find(surface, from);
  m.span = {uint32_t(start), uint32_t(start + surface.size())};
  m.text = std::string(surface);
  m.type = std::move(type);
  return m;
}

TEST(EntityLinker, PeopleShareTheIdOfTheirFullNameAndKeepTheirTitles) {
  const std::string text =
      "U.S. President Joe Biden will speak with Israeli Prime Minister Benjamin Netanyahu. "
      "Biden has pressed Netanyahu's government, and Secretary of State Antony Blinken said "
      "so. Blinken left.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Joe Biden", "PERSON"),
      Mention(text, "Benjamin Netanyahu", "PERSON"),
      Mention(text, "Biden", "PERSON", text.find("Biden has")),
      Mention(text, "Netanyahu's", "PERSON", text.find("Netanyahu's")),
      Mention(text, "Secretary of State Antony Blinken", "PERSON"),
      Mention(text, "Blinken", "PERSON", text.find("Blinken left")),
  };
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[0].entity, "joe-biden");
  EXPECT_EQ(mentions[0].title, "U.S. President");
  EXPECT_EQ(mentions[1].entity, "benjamin-netanyahu");
  EXPECT_EQ(mentions[1].title, "Israeli Prime Minister");
  EXPECT_EQ(mentions[2].entity, "joe-biden");
  EXPECT_EQ(mentions[2].name, "Joe Biden");
  EXPECT_EQ(mentions[3].entity, "benjamin-netanyahu");
  EXPECT_EQ(mentions[3].text, "Netanyahu");
  EXPECT_EQ(mentions[4].entity, "antony-blinken");
  EXPECT_EQ(mentions[4].text, "Antony Blinken");
  EXPECT_EQ(mentions[4].title, "Secretary of State");
  EXPECT_EQ(text.substr(mentions[4].span.start, mentions[4].span.end - mentions[4].span.start),
            "Antony Blinken");
  EXPECT_EQ(mentions[5].entity, "antony-blinken");
}

TEST(EntityLinker, RanksOfPoliceAndSoldiersLeaveTheName) {
  const std::string text =
      "Cpl. Jane Roe and Det. Sgt. John Doe spoke. Sheriff Mary Major said Roe was hurt. The "
      "Sheriff said so. Officer Tom Lee and Coach Bill Lane came. A Professor of law.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Cpl. Jane Roe", "PERSON"),      Mention(text, "Det. Sgt. John Doe", "PERSON"),
      Mention(text, "Sheriff Mary Major", "PERSON"), Mention(text, "Roe", "PERSON", 60),
      Mention(text, "Sheriff", "PERSON", 75),        Mention(text, "Officer Tom Lee", "PERSON"),
      Mention(text, "Coach Bill Lane", "PERSON"),    Mention(text, "Professor of", "PERSON")};
  LinkEntitiesInArticle(text, mentions);
  ASSERT_EQ(mentions.size(), 6u);  // the lone "Sheriff" and "of" are no one's name
  EXPECT_EQ(mentions[0].entity, "jane-roe");
  EXPECT_EQ(mentions[0].title, "Cpl.");
  EXPECT_EQ(mentions[1].entity, "john-doe");
  EXPECT_EQ(mentions[1].title, "Det. Sgt.");
  EXPECT_EQ(mentions[2].entity, "mary-major");
  EXPECT_EQ(mentions[3].entity, "jane-roe");
  EXPECT_EQ(mentions[4].entity, "tom-lee");
  EXPECT_EQ(mentions[5].entity, "bill-lane");
}

TEST(EntityLinker, SurnameGoesToTheNearestPrecedingFullName) {
  const std::string text = "Hunter Biden met Joe Biden. Biden smiled.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Hunter Biden", "PERSON"),
      Mention(text, "Joe Biden", "PERSON"),
      Mention(text, "Biden", "PERSON", text.find("Biden smiled")),
  };
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[2].entity, "joe-biden");
}

TEST(EntityLinker, AcronymsTakeTheirExpansionsId) {
  const std::string text =
      "The Israel Defense Forces said the IDF struck. The U.S. and the United States agree.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Israel Defense Forces", "ORG"),
      Mention(text, "IDF", "ORG"),
      Mention(text, "U.S.", "PLACE"),
      Mention(text, "the United States", "PLACE"),
  };
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[1].entity, "israel-defense-forces");
  EXPECT_EQ(mentions[1].name, "Israel Defense Forces");
  EXPECT_EQ(mentions[2].entity, "united-states");
  EXPECT_EQ(mentions[3].name, "United States");
}

TEST(EntityLinker, SlugsFoldAccentsAndPunctuation) {
  EXPECT_EQ(EntitySlug("Joe Biden"), "joe-biden");
  EXPECT_EQ(EntitySlug("U.S."), "us");
  EXPECT_EQ(EntitySlug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
  EXPECT_EQ(EntitySlug("Mohammed bin Abdulrahman Al Thani"), "mohammed-bin-abdulrahman-al-thani");
  EXPECT_EQ(EntitySlug("  --  "), "");
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(EntityLinker, OneTypePerNameWithinAnArticle) {
  const std::string text = "Benjamin Netanyahu spoke. Netanyahu left Rafah for Rafah and Rafah.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Benjamin Netanyahu", "PERSON"),
      Mention(text, "Netanyahu", "PLACE", text.find("Netanyahu left")),
      Mention(text, "Rafah", "PLACE"),
      Mention(text, "Rafah", "PERSON", text.find("Rafah and")),
      Mention(text, "Rafah", "PLACE", text.find("Rafah.")),
  };
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[1].type, "PERSON");
  EXPECT_EQ(mentions[1].entity, "benjamin-netanyahu");
  EXPECT_EQ(mentions[3].type, "PLACE");
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(EntityLinker, FirstNamesThatLookLikeNationalitiesStayInTheName) {
  const std::string text =
      "Joan Woodson met Israeli Prime Minister Benjamin Netanyahu and Ryan Hinze.";
  std::vector<EntityMention> mentions = {
      Mention(text, "Joan Woodson", "PERSON"),
      Mention(text, "Benjamin Netanyahu", "PERSON"),
      Mention(text, "Hinze", "PERSON"),
  };
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[0].text, "Joan Woodson");
  EXPECT_EQ(mentions[0].title, "");
  EXPECT_EQ(mentions[1].title, "Israeli Prime Minister");
  EXPECT_EQ(mentions[2].title, "");
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

// A live blog: the same people and organizations named over and over. Each partial name
// takes the nearest full name before it (else the first after it), each acronym the
// nearest expansion, whatever the article's length.
TEST(EntityLinker, ALongArticleLinksEachMentionToItsNearestFullName) {
  constexpr int kUpdates = 3000;
  std::string text;
  std::vector<EntityMention> mentions;
  auto add = [&](const std::string& surface, const std::string& type) {
    const auto start = static_cast<uint32_t>(text.size());
    text += surface + " said. ";
    EntityMention& m = mentions.emplace_back();
    m.span = {start, start + static_cast<uint32_t>(surface.size())};
    m.text = surface;
    m.type = type;
  };
  add("Smith", "PERSON");  // before any full name: the first one after it
  for (int update = 0; update < kUpdates; ++update) {
    add(update % 2 == 0 ? "Anna Smith" : "John Smith", "PERSON");
    add("Smith", "PERSON");
    add("WHO", "ORG");
    add(update % 3 == 0 ? "World Health Organization" : "Worldwide Hospital Outreach", "ORG");
  }
  LinkEntitiesInArticle(text, mentions);
  EXPECT_EQ(mentions[0].name, "Anna Smith");
  for (int update = 0; update < kUpdates; ++update) {
    const size_t at = 1 + 4 * size_t(update);
    ASSERT_EQ(mentions[at + 1].name, update % 2 == 0 ? "Anna Smith" : "John Smith") << update;
    // The WHO of the first update has no expansion before it: the one right after.
    const int expansion = update == 0 ? 0 : update - 1;
    ASSERT_EQ(mentions[at + 2].name,
              expansion % 3 == 0 ? "World Health Organization" : "Worldwide Hospital Outreach")
        << update;
  }
}

TEST(EntityLinker, ATieBetweenTypesGoesToTheTypeSeenFirst) {
  const std::string text = "Jordan said. Jordan left. Jordan won. Jordan lost.";
  std::vector<EntityMention> mentions;
  size_t from = 0;
  for (const char* type : {"PLACE", "PERSON", "PERSON", "PLACE"}) {
    mentions.push_back(Mention(text, "Jordan", type, from));
    from = mentions.back().span.end;
  }
  LinkEntitiesInArticle(text, mentions);
  for (const EntityMention& m : mentions) EXPECT_EQ(m.type, "PLACE");
}

}  // namespace
}  // namespace storyline
