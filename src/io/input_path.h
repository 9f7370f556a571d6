// What an input path is: its format by extension, and the id it gives an article.
#pragma once

#include <string>

namespace storyline {

enum class InputFormat { kJsonLines, kText, kHtml, kWarc, kUnknown };

// By extension, ignoring a trailing ".gz": x.jsonl.gz -> kJsonLines.
InputFormat FormatOfPath(const std::string& path);

// The file name without directories, ".gz" and the format extension:
// "dir/x.html.gz" -> "x".
std::string InputStem(const std::string& path);

}  // namespace storyline
