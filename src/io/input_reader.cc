#include "io/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>
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

constexpr std::string_view kReadableKinds =
    ".jsonl, .json, .ndjson, .txt, .html, .htm, .warc, each optionally .gz";

// A file named explicitly with an extension no reader knows is read when its first
// bytes show a kind a reader handles (WARC, JSON, markup: a page saved as .shtml or
// .php); one without an extension (a pipe, /dev/stdin) may also be plain text. Anything
// else (notes in .md, a .pdf, a .png) is kUnknown: not an article.
InputFormat SniffFormat(const std::string& path) {
  CompressedFile file(path);  // an unreadable file's error surfaces later, from the reader
  std::string head(512, '\0');
  head.resize(file.Read(head.data(), head.size()));
  if (head.find('\0') != std::string::npos) return InputFormat::kUnknown;
  const bool may_be_text = fs::path(path).extension().empty();
  const size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos) return may_be_text ? InputFormat::kText : InputFormat::kUnknown;
  if (head.compare(first, 5, "WARC/") == 0) return InputFormat::kWarc;
  if (head[first] == '{') return InputFormat::kJsonLines;
  if (head[first] == '<') return InputFormat::kHtml;
  return may_be_text ? InputFormat::kText : InputFormat::kUnknown;
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
      if (const InputFormat sniffed = SniffFormat(file.path); sniffed != InputFormat::kUnknown) {
        return ReadFile(file, sniffed, options, on_article, on_error);
      }
      return on_error({file.path, "not an article: no reader handles this kind of file (" +
                                      std::string(kReadableKinds) + ")"});
  }
}

// Every file under `dir` with a known extension, in sorted order so runs are repeatable;
// the others, but hidden ones, are added to `skipped`.
// A folder that cannot be read, `dir` itself or one met on the way, is an error naming
// it; everything else is still read. Symbolic links to folders are not followed, so a
// link cycle cannot make the walk endless.
std::vector<std::string> FilesUnder(const std::string& dir, const ErrorSink& on_error,
                                    std::vector<std::string>& skipped) {
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
      } else if (it->is_regular_file(type_ec)) {
        const bool readable = FormatOfPath(it->path().string()) != InputFormat::kUnknown;
        // Hidden files (.DS_Store, .gitignore) are the system's, not the user's to hear of.
        const bool hidden = it->path().filename().string().starts_with('.');
        if (readable) {
          files.push_back(it->path().string());
        } else if (!hidden) {
          skipped.push_back(it->path().string());
        }
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

// True when `text` holds nothing but white space (ASCII, no-break and the other Unicode
// spaces a page may pad with).
bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
      ++i;
      continue;
    }
    bool space = false;
    for (const std::string_view unicode_space :
         {"\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
          "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u200b",
          "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"}) {
      if (text.substr(i).starts_with(unicode_space)) {
        i += unicode_space.size();
        space = true;
        break;
      }
    }
    if (!space) return false;
  }
  return true;
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

ReadSummary ReadInputs(std::span<const std::string> paths, const ReadOptions& options,
                       const ArticleSink& on_article, const ErrorSink& on_error) {
  ReadSummary summary;
  IdStems stems;
  const ArticleSink with_language = [&](Article&& article) {
    // Nothing to analyze, search or place: an empty record is a broken one, whatever the
    // format it came in.
    if (IsBlank(article.text)) return on_error({article.origin, "empty text: no article"});
    if (options.detect_language) article.language = DetectLanguage(article.title, article.text);
    on_article(std::move(article));
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> skipped;
      for (const std::string& file : FilesUnder(path, on_error, skipped)) {
        const std::string stem =
            stems.Claim(RelativeStem(file, path), StemWithExtension(file, path));
        ReadFile({file, stem}, FormatOfPath(file), options, with_language, on_error);
      }
      std::sort(skipped.begin(), skipped.end());
      summary.skipped.insert(summary.skipped.end(), skipped.begin(), skipped.end());
    } else if (!fs::exists(path, ec)) {
      on_error({path, ec ? "cannot read: " + ec.message() : "no such file or directory"});
    } else {
      const std::string stem = stems.Claim(InputStem(path), StemWithExtension(path));
      ReadFile({path, stem}, FormatOfPath(path), options, with_language, on_error);
    }
  }
  return summary;
}

}  // namespace storyline
