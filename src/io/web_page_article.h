// Turns a fetched web page into an article: main text and metadata from the HTML
// extractor, with --source/--published as fallbacks. Shared by the .html and WARC readers.
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"
#include "io/input_reader.h"

namespace storyline {

// Fills everything but `id` and `origin`. Returns an error text (e.g. a page with no
// article text), empty on success.
std::string ArticleFromWebPage(std::string_view html, const ReadOptions& options, Article& article);

}  // namespace storyline
