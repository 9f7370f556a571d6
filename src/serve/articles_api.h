// The API's article resources (serve/api.h): one stored article, and the store's counts.
#pragma once

#include <string>

#include "serve/api_request.h"
#include "serve/api_snapshot.h"
#include "store/store.h"

namespace storyline::api {

// GET articles/{id}[?versions=1]: article --json; ApiError 404 when there is none.
OrderedJson ArticleJson(Store& store, const std::string& id, const ApiParams& params);

// GET stats: counts, the store's version, "changed" (when the store's files were last
// written, UTC) and "last_stored" (the article stored last: {"id", "title", "source",
// "published"}, null in an empty store). The store keeps no time of ingest; these two
// are what it can say honestly about the last one.
Json Stats(Store& store, const Api::Snapshot& snapshot, const std::string& db,
           const ApiParams& params);

}  // namespace storyline::api
