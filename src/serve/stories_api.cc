#include "serve/stories_api.h"

#include <algorithm>
#include <set>
#include <vector>

#include "report/entity_filter.h"
#include "serve/entities_api.h"
#include "story/stories_json.h"
#include "synth/comparison_json.h"
#include "synth/quotes_by_speaker.h"
#include "synth/story_comparison.h"
#include "synth/story_summary.h"
#include "synth/synth_json.h"

namespace storyline::api {
namespace {

// Outlets of a story's articles, each once, in first-report order.
std::vector<std::string> StoryOutlets(const Story& story,
                                      const std::map<std::string, std::string>& sources) {
  std::vector<std::string> outlets;
  for (const std::string& article : story.articles) {
    const auto source = sources.find(article);
    if (source != sources.end() &&
        std::find(outlets.begin(), outlets.end(), source->second) == outlets.end()) {
      outlets.push_back(source->second);
    }
  }
  return outlets;
}

std::map<std::string, std::string> SourcesOf(Store& store,
                                             const std::vector<const Story*>& stories) {
  std::vector<std::string> articles;
  for (const Story* story : stories) {
    articles.insert(articles.end(), story->articles.begin(), story->articles.end());
  }
  return store.ArticleSources(articles);
}

}  // namespace

int StoryId(const std::string& text) { return Params::ParseInt("story id", text, 1, 1 << 30); }

Json ListStories(Store& store, const Api::Snapshot& snapshot, const ApiParams& raw) {
  const Params params(raw, {"sort", "since", "until", "outlet", "entity", "q", "limit", "offset"});
  const std::string sort = params.OneOf("sort", {"id", "articles", "date"});
  const std::optional<std::string> since = params.Date("since");
  const std::optional<std::string> until = params.Date("until");
  const std::optional<std::string> outlet = params.Text("outlet");
  const std::optional<std::string> entity = params.Text("entity");
  const std::optional<std::string> query = params.Text("q");
  const int limit = params.Int("limit", 1, 500, 50);
  const int offset = params.Int("offset", 0, 1'000'000, 0);

  std::vector<const Story*> stories;
  const std::string entity_key = entity ? EntityKey(*entity) : "";
  const std::string query_key = query ? Lower(*query) : "";
  for (const Story& story : snapshot.stories) {
    // ISO days compare as strings; an undated story has no day in any range.
    if (since && (!story.last || story.last->substr(0, 10) < *since)) continue;
    if (until && (!story.first || story.first->substr(0, 10) > *until)) continue;
    if (entity && std::none_of(story.events.begin(), story.events.end(),
                               [&](const StoryEvent& e) { return EventInvolves(e, entity_key); })) {
      continue;
    }
    if (query && Lower(story.label).find(query_key) == std::string::npos) continue;
    stories.push_back(&story);
  }
  if (outlet) {
    const std::map<std::string, std::string> sources = SourcesOf(store, stories);
    const std::string wanted = Lower(*outlet);
    std::erase_if(stories, [&](const Story* story) {
      return std::none_of(story->articles.begin(), story->articles.end(), [&](const auto& a) {
        const auto source = sources.find(a);
        return source != sources.end() && Lower(source->second) == wanted;
      });
    });
  }
  if (sort == "articles") {
    std::stable_sort(stories.begin(), stories.end(), [](const Story* a, const Story* b) {
      return a->articles.size() > b->articles.size();
    });
  } else if (sort == "date") {
    std::stable_sort(stories.begin(), stories.end(), [](const Story* a, const Story* b) {
      if (a->last.has_value() != b->last.has_value()) return a->last.has_value();
      return a->last && *a->last > *b->last;
    });
  }
  const size_t total = stories.size();
  std::vector<const Story*> page(
      stories.begin() + std::min<size_t>(offset, total),
      stories.begin() + std::min<size_t>(static_cast<size_t>(offset) + limit, total));
  const std::map<std::string, std::string> sources = SourcesOf(store, page);
  Json list = Json::array();
  for (const Story* story : page) {
    Json json = StoryToJson(*story);
    json["outlets"] = StoryOutlets(*story, sources);
    list.push_back(std::move(json));
  }
  return Paged(Json{{"stories", std::move(list)}}, total, limit, offset);
}

Json OneStory(Store& store, const Api::Snapshot& snapshot, int id, const ApiParams& raw) {
  const Params params(raw, {});
  const Story& story = FindStory(snapshot.stories, id);
  std::vector<StoredArticle> articles;
  size_t unknown_source_articles = 0;
  for (const std::string& article : story.articles) {
    if (std::optional<StoredArticle> stored = store.FindArticle(article)) {
      if (stored->article.source.empty()) ++unknown_source_articles;
      articles.push_back(std::move(*stored));
    }
  }
  QuoteQuery quotes;
  quotes.story = id;
  const std::map<std::string, std::string> sources = store.ArticleSources(story.articles);
  Json json = StoryToJson(story);
  json["summary"] = SummaryToJson(SummarizeStory(articles));
  json["quotes_by_speaker"] = QuotesBySpeakerToJson(GroupQuotesBySpeaker(store.LoadQuotes(quotes)));
  json["outlets"] = StoryOutlets(story, sources);
  json["unknown_source_articles"] = unknown_source_articles;
  json["sources"] = sources;
  json["entity_names"] = EntityNamesOf(store, story.events);
  return Json{{"story", std::move(json)}};
}

Json CompareOne(Store& store, const Api::Snapshot& snapshot, int id, const ApiParams& raw) {
  const Params params(raw, {});
  const Story& story = FindStory(snapshot.stories, id);
  return ComparisonToJson(CompareStory(story, LoadStoryArticles(store, story)));
}

Json Events(Store& store, const Api::Snapshot& snapshot, const ApiParams& raw) {
  const Params params(raw, {"story", "entity", "limit", "offset"});
  const std::optional<int> story = params.Int("story", 1, 1 << 30);
  const std::optional<std::string> entity = params.Text("entity");
  const int limit = params.Int("limit", 1, 10'000, 1'000);
  const int offset = params.Int("offset", 0, 1'000'000, 0);
  if (story) FindStory(snapshot.stories, *story);
  const std::string key = entity ? EntityKey(*entity) : "";
  std::vector<StoryEvent> events;
  for (const Story& s : snapshot.stories) {
    if (story && s.id != *story) continue;
    for (const StoryEvent& event : s.events) {
      if (key.empty() || EventInvolves(event, key)) events.push_back(event);
    }
  }
  SortEvents(events);
  const size_t total = events.size();
  events.erase(events.begin(), events.begin() + std::min<size_t>(offset, total));
  events.resize(std::min<size_t>(events.size(), limit));
  Json list = Json::array();
  for (const StoryEvent& event : events) list.push_back(EventToJson(event));
  Json json = Paged(Json{{"events", std::move(list)}}, total, limit, offset);
  json["entity_names"] = EntityNamesOf(store, events);
  return json;
}

Json Quotes(Store& store, const Api::Snapshot& snapshot, const ApiParams& raw) {
  const Params params(raw, {"speaker", "story", "limit"});
  QuoteQuery query;
  query.speaker = params.Text("speaker").value_or("");
  query.story = params.Int("story", 1, 1 << 30);
  query.limit = params.Int("limit", 1, 10'000, 1'000);
  if (query.story) FindStory(snapshot.stories, *query.story);
  return QuotesToJson(store.LoadQuotes(query));
}

}  // namespace storyline::api
