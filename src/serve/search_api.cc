#include "serve/search_api.h"

#include "report/search_json.h"

namespace storyline::api {

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

}  // namespace storyline::api
