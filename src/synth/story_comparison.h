// `storyline compare`: one story read across its outlets. Numbers the outlets give for
// the same thing (and where they disagree), statements that contradict each other, who
// reported each event first, and the words each outlet uses for the story's entities.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"
#include "story/story.h"
#include "synth/contradictions.h"
#include "synth/first_reports.h"
#include "synth/framing.h"
#include "synth/number_claims.h"

namespace storyline {

struct StoryComparison {
  Story story;
  std::vector<std::string> outlets;    // named outlets, in order of first article
  size_t unknown_source_articles = 0;  // articles that name no outlet (no outlet of their own)
  std::vector<NumberClaim> numbers;
  std::vector<Contradiction> contradictions;
  FirstReports first_reports;
  std::vector<EntityFraming> framing;
};

// The story's articles as stored, in the story's order; ids the store lacks are skipped.
std::vector<StoredArticle> LoadStoryArticles(Store& store, const Story& story);

StoryComparison CompareStory(const Story& story, const std::vector<StoredArticle>& articles);

}  // namespace storyline
