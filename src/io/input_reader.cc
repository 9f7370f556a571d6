#include "io/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>
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

void ReadFile(const InputFile& file, InputFormat format, const ReadOptions& options,
              const ArticleSink& on_article, const ErrorSink& on_error) {
  switch (format) {
    case InputFormat::kJsonLines:
      return ReadJsonLines(file, options, on_article, on_error);
    case InputFormat::kText:
      return ReadTextFile(file, options, on_article, on_error);
    case InputFormat::kHtml:
      return ReadHtmlFile(file, options, on_article, on_error);
    case InputFormat::kWarc:
      return ReadWarc(file, options, on_article, on_error);
    case InputFormat::kUnknown:
      return ReadFile(file, SniffFormat(file.path), options, on_article, on_error);
  }
}

// Every file under `dir` with a known extension, in sorted order so runs are repeatable.
// A folder that cannot be read, `dir` itself or one met on the way, is an error naming
// it; everything else is still read. Symbolic links to folders are not followed, so a
// link cycle cannot make the walk endless.
std::vector<std::string> FilesUnder(const std::string& dir, const ErrorSink& on_error) {
  std::vector<std::string> files;
  std::vector<InputError> errors;
  std::vector<fs::path> folders = {fs::path(dir)};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_symlink(type_ec) && it->is_directory(type_ec)) continue;
      if (it->is_directory(type_ec)) {
        folders.push_back(it->path());
      } else if (it->is_regular_file(type_ec) &&
                 FormatOfPath(it->path().string()) != InputFormat::kUnknown) {
        files.push_back(it->path().string());
      }
    }
    if (ec) errors.push_back({folder.string(), "cannot read directory: " + ec.message()});
  }
  std::sort(errors.begin(), errors.end(),
            [](const InputError& a, const InputError& b) { return a.where < b.where; });
  for (const InputError& error : errors) on_error(error);
  std::sort(files.begin(), files.end());
  return files;
}

// Hands out id stems so that no two files of one input share one: a stem met before
// gives way to the longer StemWithExtension ("a.html" beside "a.txt", or index.html
// named twice from different folders).
class IdStems {
 public:
  std::string Claim(std::string stem, std::string longer) {
    if (used_.insert(stem).second) return stem;
    used_.insert(longer);
    return longer;
  }

 private:
  std::set<std::string> used_;
};

}  // namespace

void ReadInputs(std::span<const std::string> paths, const ReadOptions& options,
                const ArticleSink& on_article, const ErrorSink& on_error) {
  IdStems stems;
  const ArticleSink with_language = [&](Article&& article) {
    if (options.detect_language) article.language = DetectLanguage(article.title, article.text);
    on_article(std::move(article));
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const std::string& file : FilesUnder(path, on_error)) {
        const std::string stem =
            stems.Claim(RelativeStem(file, path), StemWithExtension(file, path));
        ReadFile({file, stem}, FormatOfPath(file), options, with_language, on_error);
      }
    } else if (!fs::exists(path, ec)) {
      on_error({path, ec ? "cannot read: " + ec.message() : "no such file or directory"});
    } else {
      const std::string stem = stems.Claim(InputStem(path), StemWithExtension(path));
      ReadFile({path, stem}, FormatOfPath(path), options, with_language, on_error);
    }
  }
}

}  // namespace storyline
