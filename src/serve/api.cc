#include "serve/api.h"

#include <fmt/format.h>

#include <vector>

#include "serve/api_request.h"
#include "serve/api_snapshot.h"
#include "serve/articles_api.h"
#include "serve/entities_api.h"
#include "serve/search_api.h"
#include "serve/stories_api.h"

namespace storyline {
namespace {

using api::ApiError;
using api::Dump;
using api::Json;

ApiResponse ErrorResponse(int status, const std::string& message) {
  return {status,
          EncodedBody::Make(Dump(Json{{"error", {{"status", status}, {"message", message}}}}))};
}

template <typename J>
ApiResponse Ok(const J& json) {
  return {200, EncodedBody::Make(Dump(json))};
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

std::string Api::Version() {
  try {
    StorePool::Lease store = pool_.Borrow();
    return store->ChangeToken();
  } catch (const StoreError&) {
    // A token of its own while the store cannot be read: the answers are 503s, which are
    // not kept, and the token of the store read again clears what was.
    return "unreadable";
  }
}

std::shared_ptr<const Api::Snapshot> Api::Current(Store& store) {
  const std::string version = Version();
  auto current = [&]() -> std::shared_ptr<const Snapshot> {
    std::lock_guard lock(mutex_);
    if (snapshot_ && snapshot_->version == version) return snapshot_;
    return nullptr;
  };
  if (auto snapshot = current()) return snapshot;
  std::lock_guard loading(snapshot_loading_);
  if (auto snapshot = current()) return snapshot;  // loaded while this one waited
  auto snapshot = std::make_shared<const Snapshot>(Snapshot::Load(store, version));
  std::lock_guard lock(mutex_);
  snapshot_ = snapshot;
  return snapshot;
}

ApiResponse Api::Handle(const std::string& path, const ApiParams& params) {
  if (path == "changes") return Answer(path, params);
  const std::string version = Version();
  std::string key = path;
  for (const auto& [name, value] : params) {
    key.append(1, '\0').append(name).append(1, '=').append(value);
  }
  std::promise<ApiResponse> promise;
  {
    std::unique_lock lock(mutex_);
    if (answers_version_ != version) {
      answers_.clear();
      answers_version_ = version;
    }
    const auto cached = answers_.find(key);
    if (cached != answers_.end()) return cached->second;
    const auto computing = in_flight_.find(key);
    if (computing != in_flight_.end()) {
      const std::shared_future<ApiResponse> answer = computing->second;
      lock.unlock();
      return answer.get();
    }
    in_flight_.emplace(key, promise.get_future().share());
  }
  ApiResponse answer;
  try {
    answer = Answer(path, params);
  } catch (...) {
    std::lock_guard lock(mutex_);
    in_flight_.erase(key);
    promise.set_exception(std::current_exception());
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    in_flight_.erase(key);
    // Only answers that can change with the store are kept; a failure of the store is not.
    if (answer.status != 503 && answers_version_ == version && answers_.size() < kCachedAnswers) {
      answers_[key] = answer;
    }
  }
  promise.set_value(answer);
  return answer;
}

ApiResponse Api::Answer(const std::string& path, const ApiParams& params) {
  try {
    // An article id may hold '/' (a crawled page's path): all of the rest is the id.
    if (path.starts_with("articles/") && path.size() > 9) {
      StorePool::Lease store = pool_.Borrow();
      return Ok(api::ArticleJson(*store, path.substr(9), params));
    }
    std::vector<std::string> segments = Segments(path);
    if (segments.empty()) throw ApiError(404, "no such API path");
    if (segments[0] == "timeline") segments[0] = "events";
    const std::string& what = segments[0];
    if (what == "changes" && segments.size() == 1) {
      api::Params(params, {});
      return Ok(Json{{"version", Version()}});
    }
    StorePool::Lease store = pool_.Borrow();
    const std::shared_ptr<const Snapshot> snapshot = Current(*store);
    if (what == "stories" && segments.size() == 1) {
      return Ok(api::ListStories(*store, *snapshot, params));
    }
    if (what == "stories" && segments.size() == 2) {
      return Ok(api::OneStory(*store, *snapshot, api::StoryId(segments[1]), params));
    }
    if (what == "stories" && segments.size() == 3 && segments[2] == "compare") {
      return Ok(api::CompareOne(*store, *snapshot, api::StoryId(segments[1]), params));
    }
    if (what == "events" && segments.size() == 1) {
      return Ok(api::Events(*store, *snapshot, params));
    }
    if (what == "quotes" && segments.size() == 1) {
      return Ok(api::Quotes(*store, *snapshot, params));
    }
    if (what == "entities" && segments.size() == 1) {
      return Ok(api::Entities(*store, *snapshot, params));
    }
    if (what == "entities" && segments.size() == 2) {
      return Ok(api::OneEntity(*store, *snapshot, segments[1], params));
    }
    if (what == "search" && segments.size() == 1) return Ok(api::Search(*store, params));
    if (what == "stats" && segments.size() == 1) {
      return Ok(api::Stats(*store, *snapshot, pool_.db(), params));
    }
    throw ApiError(404, "no such API path");
  } catch (const ApiError& e) {
    return ErrorResponse(e.status, e.what());
  } catch (const StoreError& e) {
    return ErrorResponse(503, std::string("the store cannot be read: ") + e.what());
  }
}

}  // namespace storyline
