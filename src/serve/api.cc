#include "serve/api.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <vector>

#include "report/article_view.h"
#include "report/entity_filter.h"
#include "report/search_json.h"
#include "story/stories_json.h"
#include "synth/comparison_json.h"
#include "synth/quotes_by_speaker.h"
#include "synth/story_comparison.h"
#include "synth/story_summary.h"
#include "synth/synth_json.h"

namespace storyline {

// The stories as of one version of the store, with the entity index built from their
// events: loading them is the costly part of most requests, so it happens once a change.
struct Api::Snapshot {
  struct EntityCount {
    int events = 0;
    std::set<int> stories;
  };
  std::string version;
  std::vector<Story> stories;  // by id
  std::map<std::string, EntityCount> entities;
};

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr size_t kMaxParameterBytes = 1000;

// A request the API refuses: its status and a sentence saying why.
struct ApiError : std::runtime_error {
  ApiError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
  int status;
};

template <typename J>
std::string Dump(const J& json) {
  return json.dump(-1, ' ', false, J::error_handler_t::replace);
}

ApiResponse ErrorResponse(int status, const std::string& message) {
  return {status, Dump(Json{{"error", {{"status", status}, {"message", message}}}})};
}

// The query parameters of one request, each read at most once; a parameter the endpoint
// does not know, given twice or too long is a bad request rather than silently ignored.
class Params {
 public:
  Params(const ApiParams& params, std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : params) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw ApiError(400, "unknown parameter: " + name.substr(0, 40));
      }
      if (params.count(name) > 1) throw ApiError(400, "parameter given twice: " + name);
      if (value.size() > kMaxParameterBytes) throw ApiError(400, "parameter too long: " + name);
      values_[name] = value;
    }
  }

  std::optional<std::string> Text(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }

  std::optional<int> Int(const std::string& name, int min, int max) const {
    const std::optional<std::string> text = Text(name);
    if (!text) return std::nullopt;
    return ParseInt(name, *text, min, max);
  }

  int Int(const std::string& name, int min, int max, int fallback) const {
    return Int(name, min, max).value_or(fallback);
  }

  std::optional<std::string> Date(const std::string& name) const {
    std::optional<std::string> date = Text(name);
    if (date && !IsDate(*date)) throw ApiError(400, name + " is not a date as YYYY-MM-DD");
    return date;
  }

  std::string OneOf(const std::string& name,
                    std::initializer_list<std::string_view> choices) const {
    const std::optional<std::string> value = Text(name);
    if (!value) return std::string(*choices.begin());
    if (std::find(choices.begin(), choices.end(), *value) == choices.end()) {
      throw ApiError(400, name + " must be one of: " + fmt::format("{}", fmt::join(choices, ", ")));
    }
    return *value;
  }

  bool Flag(const std::string& name) const {
    return OneOf(name, {"0", "1", "false", "true"}) == "1" ||
           OneOf(name, {"0", "1", "false", "true"}) == "true";
  }

  static int ParseInt(const std::string& name, std::string_view text, int min, int max) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
      throw ApiError(400, name + " is not a whole number");
    }
    if (value < min || value > max) {
      throw ApiError(400, fmt::format("{} must be from {} to {}", name, min, max));
    }
    return value;
  }

  static bool IsDate(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (size_t i = 0; i < date.size(); ++i) {
      if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(date[i]))) return false;
    }
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    const int day = (date[8] - '0') * 10 + (date[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

 private:
  std::map<std::string, std::string> values_;
};

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

const Story& FindStory(const std::vector<Story>& stories, int id) {
  const auto it = std::lower_bound(stories.begin(), stories.end(), id,
                                   [](const Story& s, int id) { return s.id < id; });
  if (it == stories.end() || it->id != id) throw ApiError(404, fmt::format("no story {}", id));
  return *it;
}

int StoryId(const std::string& text) { return Params::ParseInt("story id", text, 1, 1 << 30); }

void SortEvents(std::vector<StoryEvent>& events) {
  std::stable_sort(events.begin(), events.end(), [](const StoryEvent& a, const StoryEvent& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    return a.date != b.date ? *a.date < *b.date : a.id < b.id;
  });
}

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

Json Paged(Json json, size_t total, int limit, int offset) {
  json["total"] = total;
  json["limit"] = limit;
  json["offset"] = offset;
  return json;
}

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
  std::set<std::string> outlets;
  size_t unknown_source_articles = 0;
  for (const std::string& article : story.articles) {
    if (std::optional<StoredArticle> stored = store.FindArticle(article)) {
      const std::string& source = stored->article.source;
      source.empty() ? ++unknown_source_articles : (outlets.insert(source), 0);
      articles.push_back(std::move(*stored));
    }
  }
  QuoteQuery quotes;
  quotes.story = id;
  Json json = StoryToJson(story);
  json["summary"] = SummaryToJson(SummarizeStory(articles));
  json["quotes_by_speaker"] = QuotesBySpeakerToJson(GroupQuotesBySpeaker(store.LoadQuotes(quotes)));
  json["outlets"] = StoryOutlets(story, store.ArticleSources(story.articles));
  json["unknown_source_articles"] = unknown_source_articles;
  json["sources"] = store.ArticleSources(story.articles);
  return Json{{"story", std::move(json)}};
}

Json CompareOne(Store& store, const Api::Snapshot& snapshot, int id, const ApiParams& raw) {
  const Params params(raw, {});
  const Story& story = FindStory(snapshot.stories, id);
  return ComparisonToJson(CompareStory(story, LoadStoryArticles(store, story)));
}

Json Events(const Api::Snapshot& snapshot, const ApiParams& raw) {
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
  Json list = Json::array();
  for (size_t i = offset; i < events.size() && i < static_cast<size_t>(offset) + limit; ++i) {
    list.push_back(EventToJson(events[i]));
  }
  return Paged(Json{{"events", std::move(list)}}, events.size(), limit, offset);
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

Json Entities(const Api::Snapshot& snapshot, const ApiParams& raw) {
  const Params params(raw, {"limit", "offset", "q"});
  const int limit = params.Int("limit", 1, 1'000, 100);
  const int offset = params.Int("offset", 0, 1'000'000, 0);
  const std::string key = params.Text("q") ? EntityKey(*params.Text("q")) : "";
  std::vector<std::pair<std::string, const Api::Snapshot::EntityCount*>> ranked;
  for (const auto& [id, count] : snapshot.entities) {
    if (!key.empty() && !EntityIdMatches(id, key)) {
      continue;
    }
    ranked.emplace_back(id, &count);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second->events != b.second->events) return a.second->events > b.second->events;
    return a.second->stories.size() > b.second->stories.size();
  });
  Json list = Json::array();
  for (size_t i = offset; i < ranked.size() && i < static_cast<size_t>(offset) + limit; ++i) {
    list.push_back({{"id", ranked[i].first},
                    {"events", ranked[i].second->events},
                    {"stories", ranked[i].second->stories.size()}});
  }
  return Paged(Json{{"entities", std::move(list)}}, ranked.size(), limit, offset);
}

Json OneEntity(Store& store, const Api::Snapshot& snapshot, const std::string& id,
               const ApiParams& raw) {
  const Params params(raw, {});
  const auto found = snapshot.entities.find(id);
  if (found == snapshot.entities.end()) throw ApiError(404, "no entity " + id.substr(0, 80));
  std::vector<StoryEvent> events;
  std::map<std::string, int> co_occurring;
  Json stories = Json::array();
  const Story* busiest = nullptr;
  size_t busiest_events = 0;
  for (const int story_id : found->second.stories) {
    const Story& story = FindStory(snapshot.stories, story_id);
    size_t named = 0;
    for (const StoryEvent& event : story.events) {
      const bool names =
          std::find(event.actors.begin(), event.actors.end(), id) != event.actors.end() ||
          event.place == id;
      if (!names) continue;
      ++named;
      events.push_back(event);
      for (const std::string& actor : event.actors) {
        if (actor != id) ++co_occurring[actor];
      }
      if (event.place && *event.place != id) ++co_occurring[*event.place];
    }
    if (named > busiest_events) busiest = &story, busiest_events = named;
    stories.push_back({{"id", story.id},
                       {"label", story.label},
                       {"first", story.first ? Json(*story.first) : Json()},
                       {"last", story.last ? Json(*story.last) : Json()},
                       {"articles", story.articles.size()},
                       {"events", named}});
  }
  SortEvents(events);
  Json event_list = Json::array();
  for (const StoryEvent& event : events) event_list.push_back(EventToJson(event));
  std::vector<std::pair<std::string, int>> others(co_occurring.begin(), co_occurring.end());
  std::stable_sort(others.begin(), others.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (others.size() > 30) others.resize(30);
  Json co = Json::array();
  for (const auto& [other, count] : others) co.push_back({{"id", other}, {"events", count}});
  QuoteQuery quotes;
  quotes.speaker = id;
  quotes.limit = 200;
  // How outlets describe it, in the story that names it most (compare's framing).
  Json framing = nullptr;
  if (busiest) {
    const Json comparison =
        ComparisonToJson(CompareStory(*busiest, LoadStoryArticles(store, *busiest)));
    for (const Json& entry : comparison["framing"]) {
      if (entry["entity"] == id) {
        framing = entry;
        framing["story"] = busiest->id;
      }
    }
  }
  return Json{{"entity",
               {{"id", id},
                {"stories", std::move(stories)},
                {"events", std::move(event_list)},
                {"quotes", QuotesToJson(store.LoadQuotes(quotes))["quotes"]},
                {"co_occurring", std::move(co)},
                {"framing", std::move(framing)}}}};
}

OrderedJson ArticleJson(Store& store, const std::string& id, const ApiParams& raw) {
  const Params params(raw, {"versions"});
  const bool versions = params.Flag("versions");
  const std::optional<ArticleView> view = LoadArticleView(store, id);
  if (!view) throw ApiError(404, "no article " + id.substr(0, 80));
  return ArticleViewToJson(*view, versions);
}

OrderedJson Search(Store& store, const ApiParams& raw) {
  const Params params(raw,
                      {"q", "limit", "offset", "sort", "from", "to", "source", "entity", "story"});
  SearchRequest request;
  const std::optional<std::string> query = params.Text("q");
  if (!query) throw ApiError(400, "q is required: the words to search for");
  request.query = *query;
  request.limit = params.Int("limit", 1, 100, 10);
  request.offset = params.Int("offset", 0, 10'000, 0);
  request.newest_first = params.OneOf("sort", {"relevance", "date"}) == "date";
  request.from = params.Date("from");
  request.to = params.Date("to");
  request.source = params.Text("source");
  request.entity = params.Text("entity");
  request.story = params.Int("story", 1, 1 << 30);
  try {
    return SearchHitsToJson(store.Search(request));
  } catch (const SearchQueryError& e) {
    throw ApiError(400, e.what());
  }
}

Json Stats(Store& store, const Api::Snapshot& snapshot, const std::string& db,
           const ApiParams& raw) {
  const Params params(raw, {});
  const StoreCounts counts = store.Counts();
  size_t events = 0;
  for (const Story& story : snapshot.stories) events += story.events.size();
  Json changed = nullptr;
  std::error_code error;
  const auto time = std::filesystem::last_write_time(db, error);
  if (!error) {
    const auto system = std::chrono::file_clock::to_sys(time);
    changed = fmt::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(system));
  }
  return {{"articles", counts.articles}, {"stories", snapshot.stories.size()},
          {"outlets", counts.sources},   {"events", events},
          {"quotes", counts.quotes},     {"version", snapshot.version},
          {"changed", changed}};
}

// "stories/12/compare" -> {"stories", "12", "compare"}.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

}  // namespace

Api::Api(const std::string& db) : pool_(db) {}

Api::~Api() = default;

std::string Api::Version() const {
  // The database and its write-ahead log: an ingest beside the server writes the log
  // first and folds it into the database at checkpoints.
  std::string version;
  for (const std::string& path : {pool_.db(), pool_.db() + "-wal"}) {
    std::error_code error;
    const auto time = std::filesystem::last_write_time(path, error);
    const auto size = std::filesystem::file_size(path, error);
    version += fmt::format("{:x}.{:x}.",
                           error ? 0 : static_cast<uint64_t>(time.time_since_epoch().count()),
                           error ? 0 : size);
  }
  version.pop_back();
  return version;
}

std::shared_ptr<const Api::Snapshot> Api::Current(Store& store) {
  const std::string version = Version();
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && snapshot_->version == version) return snapshot_;
  }
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->version = version;
  snapshot->stories = store.LoadStories();
  std::sort(snapshot->stories.begin(), snapshot->stories.end(),
            [](const Story& a, const Story& b) { return a.id < b.id; });
  for (const Story& story : snapshot->stories) {
    for (const StoryEvent& event : story.events) {
      std::set<std::string> named(event.actors.begin(), event.actors.end());
      if (event.place) named.insert(*event.place);
      for (const std::string& entity : named) {
        Snapshot::EntityCount& count = snapshot->entities[entity];
        ++count.events;
        count.stories.insert(story.id);
      }
    }
  }
  std::lock_guard lock(mutex_);
  snapshot_ = snapshot;
  return snapshot;
}

ApiResponse Api::Handle(const std::string& path, const ApiParams& params) {
  if (path == "changes") return Answer(path, params);
  const std::string version = Version();
  std::string key = path;
  for (const auto& [name, value] : params) key += '\0' + name + '=' + value;
  {
    std::lock_guard lock(mutex_);
    if (answers_version_ != version) {
      answers_.clear();
      answers_version_ = version;
    }
    const auto cached = answers_.find(key);
    if (cached != answers_.end()) return cached->second;
  }
  ApiResponse answer = Answer(path, params);
  // Only answers that can change with the store are kept; a failure of the store is not.
  if (answer.status == 503) return answer;
  std::lock_guard lock(mutex_);
  if (answers_version_ == version && answers_.size() < kCachedAnswers) answers_[key] = answer;
  return answer;
}

ApiResponse Api::Answer(const std::string& path, const ApiParams& params) {
  try {
    // An article id may hold '/' (a crawled page's path): all of the rest is the id.
    if (path.starts_with("articles/") && path.size() > 9) {
      StorePool::Lease store = pool_.Borrow();
      return {200, Dump(ArticleJson(*store, path.substr(9), params))};
    }
    std::vector<std::string> segments = Segments(path);
    if (segments.empty()) throw ApiError(404, "no such API path");
    if (segments[0] == "timeline") segments[0] = "events";
    const std::string& what = segments[0];
    if (what == "changes" && segments.size() == 1) {
      Params(params, {});
      return {200, Dump(Json{{"version", Version()}})};
    }
    StorePool::Lease store = pool_.Borrow();
    const std::shared_ptr<const Snapshot> snapshot = Current(*store);
    if (what == "stories" && segments.size() == 1) {
      return {200, Dump(ListStories(*store, *snapshot, params))};
    }
    if (what == "stories" && segments.size() == 2) {
      return {200, Dump(OneStory(*store, *snapshot, StoryId(segments[1]), params))};
    }
    if (what == "stories" && segments.size() == 3 && segments[2] == "compare") {
      return {200, Dump(CompareOne(*store, *snapshot, StoryId(segments[1]), params))};
    }
    if (what == "events" && segments.size() == 1) return {200, Dump(Events(*snapshot, params))};
    if (what == "quotes" && segments.size() == 1) {
      return {200, Dump(Quotes(*store, *snapshot, params))};
    }
    if (what == "entities" && segments.size() == 1) {
      return {200, Dump(Entities(*snapshot, params))};
    }
    if (what == "entities" && segments.size() == 2) {
      return {200, Dump(OneEntity(*store, *snapshot, segments[1], params))};
    }
    if (what == "search" && segments.size() == 1) return {200, Dump(Search(*store, params))};
    if (what == "stats" && segments.size() == 1) {
      return {200, Dump(Stats(*store, *snapshot, pool_.db(), params))};
    }
    throw ApiError(404, "no such API path");
  } catch (const ApiError& e) {
    return ErrorResponse(e.status, e.what());
  } catch (const StoreError& e) {
    return ErrorResponse(503, std::string("the store cannot be read: ") + e.what());
  }
}

}  // namespace storyline
