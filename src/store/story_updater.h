// Runs story clustering during ingest: resumes the clusterer from the state the store
// keeps, places each newly stored article in arrival order, and saves the state with the
// stories and events it changed in one transaction.
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
  // Claims the store's stories (Store::ClaimStories, waiting for another process that
  // holds them), then loads the saved state, or starts a new clusterer seeded with the
  // background counts at `background` when that file exists. Throws StoreError when the
  // saved state or the background file is malformed.
  StoryUpdater(Store& store, const std::filesystem::path& background,
               StoryClustererOptions options = {});

  StoryPlacement Add(const Article& article, const Analysis& analysis) {
    return clusterer_.Add(article, analysis);
  }

  // Writes the state and the clusterer's changes since the last save (or since loading);
  // a no-op when nothing was added since. Throws StoreError when the store refuses them:
  // the store then holds the previous save, and the changes taken are lost to this
  // updater, so it must not save again (a new one resumes from the store).
  void Save();

  const StoryClusterer& clusterer() const { return clusterer_; }

 private:
  Store& store_;
  StoryClusterer clusterer_;
  size_t saved_articles_ = 0;
};

}  // namespace storyline
