// Runs story clustering during ingest: resumes the clusterer from the state the store
// keeps, places each newly stored article in arrival order, and saves state, stories
// and events back in one transaction.
//
//   StoryUpdater stories(*store, DefaultModelsDir() / "story-background.tsv");
//   for each article AddBatch reports as kAdded: stories.Add(article, analysis);
//   stories.Save();
#pragma once

#include <filesystem>

#include "store/store.h"
#include "story/story_clusterer.h"

namespace storyline {

class StoryUpdater {
 public:
  // Loads the saved state, or starts a new clusterer seeded with the background counts
  // at `background` when that file exists. Throws StoreError when the saved state or
  // the background file is malformed.
  StoryUpdater(Store& store, const std::filesystem::path& background,
               StoryClustererOptions options = {});

  StoryPlacement Add(const Article& article, const Analysis& analysis) {
    return clusterer_.Add(article, analysis);
  }

  // Writes the state and the stories; a no-op when nothing was added since loading.
  void Save();

  const StoryClusterer& clusterer() const { return clusterer_; }

 private:
  Store& store_;
  StoryClusterer clusterer_;
  size_t saved_articles_ = 0;
};

}  // namespace storyline
