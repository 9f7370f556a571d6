#include "store/story_updater.h"

#include <fstream>
#include <sstream>

namespace storyline {

StoryUpdater::StoryUpdater(Store& store, const std::filesystem::path& background,
                           StoryClustererOptions options)
    : store_(store), clusterer_(options) {
  store_.ClaimStories({});
  const std::string state = store_.LoadStoryState();
  try {
    if (!state.empty()) {
      std::istringstream in(state);
      clusterer_.Load(in);
    } else if (std::ifstream counts(background); counts) {
      clusterer_.AddBackground(counts);
    }
  } catch (const std::runtime_error& e) {
    throw StoreError(state.empty() ? background.string() + ": " + e.what()
                                   : std::string("saved story state: ") + e.what());
  }
  saved_articles_ = clusterer_.articles();
}

void StoryUpdater::Save() {
  if (clusterer_.articles() == saved_articles_) return;
  // Taken first: the state saved is the one after the changes were handed out.
  const StoryChanges changes = clusterer_.TakeChanges();
  std::ostringstream state;
  clusterer_.Save(state);
  store_.SaveStoryChanges(state.str(), changes);
  saved_articles_ = clusterer_.articles();
}

}  // namespace storyline
