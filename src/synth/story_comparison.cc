#include "synth/story_comparison.h"

#include <algorithm>
#include <map>

#include "synth/article_tokens.h"
#include "synth/citation.h"

namespace storyline {

std::vector<StoredArticle> LoadStoryArticles(Store& store, const Story& story) {
  std::vector<StoredArticle> articles;
  for (const std::string& id : story.articles) {
    if (std::optional<StoredArticle> stored = store.FindArticle(id)) {
      articles.push_back(std::move(*stored));
    }
  }
  return articles;
}

StoryComparison CompareStory(const Story& story, const std::vector<StoredArticle>& articles) {
  StoryComparison comparison;
  comparison.story = story;
  std::map<std::string, const StoredArticle*> by_id;
  for (const StoredArticle& stored : articles) {
    by_id.emplace(stored.article.id, &stored);
    const std::string outlet = OutletOf(stored.article);
    if (!IsKnownOutlet(outlet)) {
      ++comparison.unknown_source_articles;
    } else if (std::find(comparison.outlets.begin(), comparison.outlets.end(), outlet) ==
               comparison.outlets.end()) {
      comparison.outlets.push_back(outlet);
    }
  }
  const std::vector<ArticleTokens> tokenized = TokenizeArticles(articles);
  comparison.numbers = FindNumberClaims(tokenized, story.events);
  comparison.contradictions = FindContradictions(tokenized);
  comparison.first_reports = FindFirstReports(story, by_id);
  comparison.framing = FindFraming(tokenized);
  return comparison;
}

}  // namespace storyline
