#include "io/document_file_reader.h"

#include <simdjson.h>

#include "io/compressed_file.h"
#include "io/input_path.h"
#include "io/web_page_article.h"

namespace storyline {

std::string ReadWholeFile(const std::string& path, size_t max_bytes, std::string& out) {
  CompressedFile file(path);
  if (!file.ok()) return file.error();
  out.clear();
  std::string buffer(size_t{1} << 16, '\0');
  while (const size_t n = file.Read(buffer.data(), buffer.size())) {
    // Refused as soon as it passes the limit, so an oversized file is never loaded whole.
    if (out.size() + n > max_bytes) {
      return "file larger than the limit of " + std::to_string(max_bytes) + " bytes, skipped";
    }
    out.append(buffer, 0, n);
  }
  return file.ok() ? std::string() : file.error();
}

void ReadTextFile(const std::string& path, const ReadOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error) {
  Article article;
  if (std::string error = ReadWholeFile(path, options.max_record_bytes, article.text);
      !error.empty()) {
    return on_error({path, error});
  }
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return on_error({path, "empty file: no text"});
  }
  if (!simdjson::validate_utf8(article.text.data(), article.text.size())) {
    return on_error({path, "not valid UTF-8 text"});
  }
  article.id = InputStem(path);
  article.source = options.source;
  article.published = options.published;
  article.origin = path;
  on_article(std::move(article));
}

void ReadHtmlFile(const std::string& path, const ReadOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error) {
  std::string html;
  if (std::string error = ReadWholeFile(path, options.max_record_bytes, html); !error.empty()) {
    return on_error({path, error});
  }
  Article article;
  if (std::string error = ArticleFromWebPage(html, options, article); !error.empty()) {
    return on_error({path, error});
  }
  article.id = InputStem(path);
  article.origin = path;
  on_article(std::move(article));
}

}  // namespace storyline
