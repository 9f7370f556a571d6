// The JSON Lines that `extract` and `analyze` print (shapes in CONTRACT.md).
#pragma once

#include <string>

#include "core/analysis.h"
#include "core/article.h"

namespace storyline {

// {"id","source","published","url","title","author","language","text"}, no newline.
std::string ArticleJsonLine(const Article& article);

// {"id","source","published","language","entities","times","quantities","quotes","events"}.
std::string AnalysisJsonLine(const Article& article, const Analysis& analysis);

}  // namespace storyline
