#include "io/input_path.h"

#include <algorithm>
#include <filesystem>

namespace storyline {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The path without a trailing ".gz".
std::filesystem::path WithoutGzip(const std::string& path) {
  std::filesystem::path p(path);
  if (Lower(p.extension().string()) == ".gz") p.replace_extension();
  return p;
}

}  // namespace

InputFormat FormatOfPath(const std::string& path) {
  const std::string ext = Lower(WithoutGzip(path).extension().string());
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
