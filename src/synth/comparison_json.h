// The JSON of `storyline compare --json`:
//
// {"story": {"id", "label", "articles": [ids]},
//  "outlets": [names], "unknown_source_articles": n,
//  "numbers": [{"unit", "context": [words], "disagreement": bool, "same_day": bool,
//               "reports": [{cite..., "value", "approximate", "sentence"}]}],
//  "contradictions": [{"entity", "name", "shared": [words],
//                      "denial": {cite...}, "assertion": {cite...}}],
//  "first_reports": {"events": [{"id", "type", "date", "summary", "first": [outlets],
//                                "reports": [{"source", "article", "published"}]}],
//                    "outlets": [{"source", "events": [ids], "first": n}]},
//  "framing": [{"entity", "name", "type",
//               "descriptors": [{"text", "kind",
//                                "outlets": [{"source", "count", "example": {cite...}}]}]}]}
//
// where a cite is {"source", "article", "published", "start", "end", "text"}: UTF-8 byte
// offsets into the article's text, end exclusive; "published" null when unknown; "source"
// "(unknown source)" when the article names none (never one of "outlets", which names
// only known outlets; "unknown_source_articles" counts those articles).
#pragma once

#include <nlohmann/json.hpp>

#include "synth/story_comparison.h"

namespace storyline {

nlohmann::json CitationToJson(const Citation& citation);
nlohmann::json ComparisonToJson(const StoryComparison& comparison);

}  // namespace storyline
