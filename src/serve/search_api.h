// The API's search resource (serve/api.h).
#pragma once

#include "serve/api_request.h"
#include "store/store.h"

namespace storyline::api {

// GET search: search --json; ApiError 400 without q or for a query the index cannot read.
OrderedJson Search(Store& store, const ApiParams& params);

}  // namespace storyline::api
