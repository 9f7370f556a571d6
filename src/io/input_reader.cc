#include "io/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "io/compressed_file.h"
#include "io/document_file_reader.h"
#include "io/input_path.h"
#include "io/jsonl_reader.h"
#include "io/language_detector.h"
#include "io/warc_reader.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

// A file named explicitly with an unknown extension is sniffed from its first bytes.
InputFormat SniffFormat(const std::string& path) {
  CompressedFile file(path);  // an unreadable file's error surfaces later, from the reader
  std::string head(512, '\0');
  head.resize(file.Read(head.data(), head.size()));
  const size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos) return InputFormat::kText;
  if (head.compare(first, 5, "WARC/") == 0) return InputFormat::kWarc;
  if (head[first] == '{') return InputFormat::kJsonLines;
  if (head[first] == '<') return InputFormat::kHtml;
  return InputFormat::kText;
}

void ReadFile(const std::string& path, InputFormat format, const ReadOptions& options,
              const ArticleSink& on_article, const ErrorSink& on_error) {
  switch (format) {
    case InputFormat::kJsonLines:
      return ReadJsonLines(path, options, on_article, on_error);
    case InputFormat::kText:
      return ReadTextFile(path, options, on_article, on_error);
    case InputFormat::kHtml:
      return ReadHtmlFile(path, options, on_article, on_error);
    case InputFormat::kWarc:
      return ReadWarc(path, options, on_article, on_error);
    case InputFormat::kUnknown:
      return ReadFile(path, SniffFormat(path), options, on_article, on_error);
  }
}

// Every file under `dir` with a known extension, in sorted order so runs are repeatable.
std::vector<std::string> FilesUnder(const std::string& dir, const ErrorSink& on_error) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && FormatOfPath(it->path().string()) != InputFormat::kUnknown) {
      files.push_back(it->path().string());
    }
  }
  if (ec) on_error({dir, "cannot walk directory: " + ec.message()});
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void ReadInputs(std::span<const std::string> paths, const ReadOptions& options,
                const ArticleSink& on_article, const ErrorSink& on_error) {
  const ArticleSink with_language = [&](Article&& article) {
    if (options.detect_language) article.language = DetectLanguage(article.title, article.text);
    on_article(std::move(article));
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const std::string& file : FilesUnder(path, on_error)) {
        ReadFile(file, FormatOfPath(file), options, with_language, on_error);
      }
    } else if (!fs::exists(path, ec)) {
      on_error({path, "no such file or directory"});
    } else {
      ReadFile(path, FormatOfPath(path), options, with_language, on_error);
    }
  }
}

}  // namespace storyline
