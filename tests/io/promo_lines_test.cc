#include "io/promo_lines.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(PromoLinesTest, TeaserListsGoWithTheirHeading) {
  EXPECT_EQ(WithoutPromoLines("The plague was confirmed in two patients on Tuesday.\n"
                              "DON'T MISS\n"
                              "CDC names eight deadly diseases [WARNING]\n"
                              "Holidaymakers die after eating marmot\n"
                              "Health officials said the risk of spread was low, and the two "
                              "patients were isolated.\n"
                              "You may also like...\n"
                              "Who will make the Rock Hall in 2020?\n"
                              "25 worst inductees ever"),
            "The plague was confirmed in two patients on Tuesday.\n"
            "Health officials said the risk of spread was low, and the two patients were "
            "isolated.");
}

TEST(PromoLinesTest, LeadsTagsCapitalsAndFurniture) {
  EXPECT_EQ(WithoutPromoLines("First paragraph of the story.\n"
                              "READ MORE: China plague outbreak confirmed in Beijing\n"
                              "Plane passengers quarantined after outbreak [NEWS]\n"
                              "CLICK HERE TO GET THE FOX NEWS APP\n"
                              "Sign up for our morning newsletter\n"
                              "Posted in Open thread | Permalink | 10 Comments\n"
                              "Comments are closed.\n"
                              "Last paragraph of the story."),
            "First paragraph of the story.\nLast paragraph of the story.");
}

TEST(PromoLinesTest, ArticleLinesThatLookAlikeStay) {
  const std::string text =
      "More than 40 people were hurt.\n"
      "NASA said the launch [of the rocket] would wait.\n"
      "The FBI and the CIA declined to comment.\n"
      "\"WE WILL NOT BACK DOWN,\" THE SIGNS READ.\n"
      "WHAT YOU NEED TO MAKE JAM\n"
      "Related coverage of the trial is on page 4.\n"
      "Comments from residents were mixed.";
  EXPECT_EQ(WithoutPromoLines(text), text);
}

TEST(PromoLinesTest, ProseEndsATeaserList) {
  EXPECT_EQ(WithoutPromoLines("Related\nTeaser one\nTeaser two\nThe mayor said the new budget "
                              "would pass next week without changes."),
            "The mayor said the new budget would pass next week without changes.");
}

}  // namespace
}  // namespace storyline
