// JSON Lines articles: one object per line, the shape of CONTRACT.md. Only "text" is
// required; "id" defaults to "<file stem>-<line>". Blank lines are skipped.
#pragma once

#include <string>

#include "io/input_reader.h"

namespace storyline {

void ReadJsonLines(const std::string& path, const ReadOptions& options,
                   const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace storyline
