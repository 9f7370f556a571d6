#include "io/input_path.h"

#include <algorithm>
#include <filesystem>

#include "text/ascii.h"

namespace storyline {
namespace {

// The path without a trailing ".gz".
std::filesystem::path WithoutGzip(const std::string& path) {
  std::filesystem::path p(path);
  if (AsciiLower(p.extension().string()) == ".gz") p.replace_extension();
  return p;
}

}  // namespace

InputFormat FormatOfPath(const std::string& path) {
  const std::string ext = AsciiLower(WithoutGzip(path).extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::kJsonLines;
  if (ext == ".txt" || ext == ".text") return InputFormat::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::kHtml;
  if (ext == ".warc") return InputFormat::kWarc;
  return InputFormat::kUnknown;
}

std::string InputStem(const std::string& path) {
  return WithoutGzip(path).stem().string();
}

}  // namespace storyline
