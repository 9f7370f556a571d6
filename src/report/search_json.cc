#include "report/search_json.h"

namespace storyline {

nlohmann::ordered_json SearchHitsToJson(const std::vector<SearchHit>& hits) {
  nlohmann::ordered_json out;
  out["hits"] = nlohmann::ordered_json::array();
  for (const SearchHit& hit : hits) {
    out["hits"].push_back({{"article", hit.article},
                           {"score", hit.score},
                           {"snippet", hit.snippet},
                           {"title", hit.title},
                           {"source", hit.source}});
  }
  return out;
}

}  // namespace storyline
