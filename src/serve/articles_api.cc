#include "serve/articles_api.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "report/article_view.h"

namespace storyline::api {
namespace {

// When the database or its write-ahead log (which an ingest beside the server writes
// first) was last written, as UTC; null when neither can be read.
Json LastWritten(const std::string& db) {
  std::optional<std::filesystem::file_time_type> newest;
  for (const std::string& path : {db, db + "-wal"}) {
    std::error_code error;
    const auto time = std::filesystem::last_write_time(path, error);
    if (!error && (!newest || time > *newest)) newest = time;
  }
  if (!newest) return nullptr;
  const auto system = std::chrono::file_clock::to_sys(*newest);
  return fmt::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(system));
}

}  // namespace

OrderedJson ArticleJson(Store& store, const std::string& id, const ApiParams& raw) {
  const Params params(raw, {"versions"});
  const bool versions = params.Flag("versions");
  const std::optional<ArticleView> view = LoadArticleView(store, id);
  if (!view) throw ApiError(404, "no article " + id.substr(0, 80));
  return ArticleViewToJson(*view, versions);
}

Json Stats(Store& store, const Api::Snapshot& snapshot, const std::string& db,
           const ApiParams& raw) {
  const Params params(raw, {});
  const StoreCounts counts = store.HeaderCounts();
  size_t events = 0;
  for (const Story& story : snapshot.stories) events += story.events.size();
  Json last_stored = nullptr;
  if (const std::optional<std::string> id = store.LastStoredArticle()) {
    if (const std::optional<StoredArticle> stored = store.FindArticle(*id)) {
      const Article& article = stored->article;
      last_stored = {{"id", article.id},
                     {"title", article.title},
                     {"source", article.source},
                     {"published", article.published ? Json(*article.published) : Json()}};
    }
  }
  return {{"articles", counts.articles}, {"stories", snapshot.stories.size()},
          {"outlets", counts.sources},   {"events", events},
          {"quotes", counts.quotes},     {"version", snapshot.version},
          {"changed", LastWritten(db)},  {"last_stored", std::move(last_stored)}};
}

}  // namespace storyline::api
