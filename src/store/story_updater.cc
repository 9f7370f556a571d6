#include "store/story_updater.h"

#include <fstream>
#include <sstream>

namespace storyline {

StoryUpdater::StoryUpdater(Store& store, const std::filesystem::path& background,
                           StoryClustererOptions options)
    : store_(store), clusterer_(options) {
  store_.ClaimStories({}, std::chrono::seconds::max());
  const SavedStoryState saved = store_.LoadStoryState();
  try {
    if (!saved.blob.empty()) {
      std::istringstream in(saved.blob);
      clusterer_.Load(in);
    } else if (std::ifstream counts(background); counts) {
      clusterer_.AddBackground(counts);
    }
  } catch (const std::runtime_error& e) {
    throw StoreError(saved.blob.empty() ? background.string() + ": " + e.what()
                                        : std::string("saved story state: ") + e.what());
  }
  saved_articles_ = clusterer_.articles();
  placed_through_ = saved.placed_through;
  store_.ForEachArticleAfter(placed_through_, [this](StoredArticle&& stored) {
    Add(stored.id, stored.previous_version, stored.article, stored.analysis);
    ++replayed_;
  });
}

void StoryUpdater::Add(int64_t article_id, std::optional<int64_t> previous_version,
                       const Article& article, const Analysis& analysis) {
  if (!previous_version || Withdraw(*previous_version, article.id)) {
    clusterer_.Add(article, analysis);
  }
  placed_through_ = article_id;
}

bool StoryUpdater::Withdraw(int64_t version, const std::string& id) {
  for (const StoredArticle& stored : store_.ArticleVersions(id)) {
    if (stored.id == version) return clusterer_.Withdraw(stored.article, stored.analysis);
  }
  return false;
}

void StoryUpdater::Save() {
  if (clusterer_.articles() == saved_articles_) return;
  // Taken first: the state saved is the one after the changes were handed out.
  const StoryChanges changes = clusterer_.TakeChanges();
  SavedStoryState state;
  std::ostringstream blob;
  clusterer_.Save(blob);
  state.blob = std::move(blob).str();
  state.placed_through = placed_through_;
  store_.SaveStoryChanges(state, changes);
  saved_articles_ = clusterer_.articles();
}

void StoryUpdater::SaveIfDue(size_t min_unsaved) {
  const size_t unsaved = clusterer_.articles() - saved_articles_;
  if (unsaved >= min_unsaved && unsaved >= saved_articles_ / 4) Save();
}

}  // namespace storyline
