// WARC archives (.warc, .warc.gz; ISO 28500): every HTTP response record holding an
// HTML page with article text becomes an article, streamed record by record so an
// archive of any size never sits in memory. Other records (requests, metadata, images,
// non-200 responses, pages without article text) are skipped without complaint; a
// malformed or truncated record is an error naming its record number.
#pragma once

#include <string>

#include "io/input_reader.h"

namespace storyline {

void ReadWarc(const std::string& path, const ReadOptions& options,
              const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace storyline
