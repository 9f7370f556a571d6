// One stored article as `storyline article` and the web API show it: its latest
// version's fields and facts, its story with the story's events it reports, its
// near-duplicates and, on request, every stored version.
//
// JSON: {"article": {<extract's article fields>, "origin", "version" (the latest's number: how
// many are stored), <analyze's "entities", "times", "quantities", "quotes", "events">, "story":
// {"id", "label", "first", "last", "events": [events it reports, stories' event shape]} or null,
// "duplicate_of": id or null, "near_duplicates": [ids], and with versions "versions":
// [{"version", <extract's article fields>, <analyze's facts>}]}}.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "story/story.h"

namespace storyline {

// What the store holds about one article.
struct ArticleView {
  StoredArticle latest;
  std::vector<StoredArticle> versions;  // oldest first, the latest last
  std::optional<Story> story;
  std::vector<StoryEvent> story_events;  // the story's events this article reports
  std::optional<std::string> duplicate_of;
  std::vector<std::string> near_duplicates;
  std::map<std::string, std::string> sources;  // external id -> outlet, of those named
};

// The view of the article with this external id; nullopt when the store has none.
std::optional<ArticleView> LoadArticleView(Store& store, std::string_view id);

nlohmann::ordered_json ArticleViewToJson(const ArticleView& view, bool with_versions);

}  // namespace storyline
