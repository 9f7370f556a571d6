#include "report/article_view.h"

#include <algorithm>

#include "io/article_json.h"
#include "story/stories_json.h"

namespace storyline {
namespace {

using Json = nlohmann::ordered_json;

// An article's fields and facts, in extract's and analyze's shapes.
Json VersionJson(const StoredArticle& stored) {
  Json json = Json::parse(ArticleJsonLine(stored.article));
  Json facts = Json::parse(AnalysisJsonLine(stored.article, stored.analysis));
  for (auto& [key, value] : facts.items()) json[key] = std::move(value);
  return json;
}

}  // namespace

std::optional<ArticleView> LoadArticleView(Store& store, std::string_view id) {
  std::optional<StoredArticle> latest = store.FindArticle(id);
  if (!latest) return std::nullopt;
  ArticleView view;
  view.latest = std::move(*latest);
  view.versions = store.ArticleVersions(id);
  view.story = store.StoryOfArticle(id);
  if (view.story) {
    for (const StoryEvent& event : view.story->events) {
      if (std::find(event.articles.begin(), event.articles.end(), id) != event.articles.end()) {
        view.story_events.push_back(event);
      }
    }
  }
  // Earlier versions of this article belong to its family too (an update is most often a
  // near-duplicate of what it replaces); only other articles are its duplicates.
  const std::vector<std::string> family = store.FamilyMembers(view.latest.family_id);
  for (const std::string& member : family) {
    if (member != id) view.near_duplicates.push_back(member);
  }
  if (view.latest.dup_of && !family.empty() && family.front() != id) {
    view.duplicate_of = family.front();
  }
  std::vector<std::string> named = view.near_duplicates;
  for (const StoryEvent& event : view.story_events) {
    named.insert(named.end(), event.articles.begin(), event.articles.end());
  }
  view.sources = store.ArticleSources(named);
  return view;
}

Json ArticleViewToJson(const ArticleView& view, bool with_versions) {
  Json article = VersionJson(view.latest);
  article["origin"] = view.latest.article.origin;
  article["version"] = view.versions.size();
  if (view.story) {
    Json events = Json::array();
    for (const StoryEvent& event : view.story_events) events.push_back(Json(EventToJson(event)));
    article["story"] = Json{{"id", view.story->id},
                            {"label", view.story->label},
                            {"first", view.story->first ? Json(*view.story->first) : Json()},
                            {"last", view.story->last ? Json(*view.story->last) : Json()},
                            {"events", std::move(events)}};
  } else {
    article["story"] = nullptr;
  }
  article["duplicate_of"] = view.duplicate_of ? Json(*view.duplicate_of) : Json();
  article["near_duplicates"] = view.near_duplicates;
  if (with_versions) {
    Json versions = Json::array();
    for (size_t i = 0; i < view.versions.size(); ++i) {
      Json version{{"version", i + 1}};
      Json fields = VersionJson(view.versions[i]);
      for (auto& [key, value] : fields.items()) version[key] = std::move(value);
      versions.push_back(std::move(version));
    }
    article["versions"] = std::move(versions);
  }
  return Json{{"article", std::move(article)}};
}

}  // namespace storyline
