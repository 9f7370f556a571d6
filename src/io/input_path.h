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

// The stem within a walked directory: the path relative to `dir`, with '/' between
// folders, without ".gz" and the format extension: "dir/a/index.html" -> "a/index".
std::string RelativeStem(const std::string& path, const std::string& dir);

// `path` as given, or relative to `dir` when one is given, without ".gz" but with its
// format extension: the longer stem that settles a clash ("a.html" beside "a.txt").
std::string StemWithExtension(const std::string& path, const std::string& dir = "");

// A file to read and the stem the ids of its articles derive from: InputStem for a
// file named on the command line (for a page x.html the id is x), RelativeStem for one
// found in a directory, so that two "index.html" in different folders of one input
// give different ids.
struct InputFile {
  std::string path;
  std::string id_stem;
};

}  // namespace storyline
