// Turns a fetched web page into an article: main text and metadata from the HTML
// extractor, with --source/--published as fallbacks. Shared by the .html and WARC readers.
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"
#include "io/input_reader.h"

namespace storyline {

// Fills everything but `id` and `origin`. `address`: where the page was fetched from,
// when known; it names the outlet and may date the page when the page names no address
// of its own (`url` stays the page's own). Returns an error text (e.g. a page with no
// article text), empty on success.
std::string ArticleFromWebPage(std::string_view html, const ReadOptions& options, Article& article,
                               std::string_view address = {});

}  // namespace storyline
