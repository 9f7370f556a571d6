#include "io/input_path.h"

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

std::string InputStem(const std::string& path) { return WithoutGzip(path).stem().string(); }

std::string StemWithExtension(const std::string& path, const std::string& dir) {
  std::filesystem::path stem = WithoutGzip(path).lexically_normal();
  if (!dir.empty()) {
    std::filesystem::path relative =
        stem.lexically_relative(std::filesystem::path(dir).lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") stem = std::move(relative);
  }
  return stem.generic_string();
}

std::string RelativeStem(const std::string& path, const std::string& dir) {
  return std::filesystem::path(StemWithExtension(path, dir)).replace_extension().generic_string();
}

}  // namespace storyline
