// Runs story clustering during ingest: resumes the clusterer from the state the store
// keeps, places each newly stored article in the order stored, and saves the state with
// the stories and events it changed in one transaction.
//
//   StoryUpdater stories(*store, DefaultModelsDir() / "story-background.tsv");
//   for each AddBatch result that is kAdded:
//     stories.Add(result.article_id, result.previous_version, article, analysis);
//   stories.SaveIfDue();  // after each batch
//   stories.Save();       // at the end
//
// Placement is as durable as the articles: the saved state records the last stored
// article it placed, and an updater first places, from what the store holds, every
// article stored after it (an ingest that was killed, or stopped by a full disk, before
// its save). So however a run ends, the next one leaves every stored article in exactly
// one story, as one uninterrupted run would have.
#pragma once

#include <filesystem>

#include "store/store.h"
#include "story/story_clusterer.h"

namespace storyline {

class StoryUpdater {
 public:
  // Claims the store's stories (Store::ClaimStories, waiting without limit for another
  // process that holds them unless the caller claimed them before), then loads the saved
  // state, or starts a new clusterer seeded with the background counts at `background`
  // when that file exists, and places the stored articles the state has not. Throws
  // StoreError when the saved state or the background file is malformed.
  StoryUpdater(Store& store, const std::filesystem::path& background,
               StoryClustererOptions options = {});

  // Places the article the store holds as `article_id` (AddBatch's result); articles are
  // placed in the order they were stored. A new version of a stored article
  // (`previous_version`) is placed by its own text: the version before it is withdrawn
  // from its story first (StoryClusterer::Withdraw), so that the story that takes the new
  // one lists it once. When the clusterer can no longer withdraw it (its story retired),
  // the new version keeps that placement instead, listed there once all the same.
  void Add(int64_t article_id, std::optional<int64_t> previous_version, const Article& article,
           const Analysis& analysis);
  // Places an article the store does not hold (tests, benchmarks): its placement is saved,
  // but an interrupted run cannot replay it.
  StoryPlacement Add(const Article& article, const Analysis& analysis) {
    return clusterer_.Add(article, analysis);
  }

  // Writes the state and the clusterer's changes since the last save (or since loading);
  // a no-op when nothing was added since. Throws StoreError when the store refuses them:
  // the store then holds the previous save, and the changes taken are lost to this
  // updater, so it must not save again (a new one resumes from the store).
  void Save();
  // Saves when enough articles wait: at least `min_unsaved`, and a quarter of those
  // already saved, so that saving, which writes the whole state, costs a bounded share
  // of the run, while an interrupted run leaves at most that many to place again.
  void SaveIfDue(size_t min_unsaved = 4096);

  // How many stored articles the constructor placed because an earlier run had not.
  size_t replayed() const { return replayed_; }
  const StoryClusterer& clusterer() const { return clusterer_; }

 private:
  // Withdraws stored version `version` of article `id` from the stories; false when the
  // clusterer cannot.
  bool Withdraw(int64_t version, const std::string& id);

  Store& store_;
  StoryClusterer clusterer_;
  size_t saved_articles_ = 0;
  int64_t placed_through_ = 0;
  size_t replayed_ = 0;
};

}  // namespace storyline
