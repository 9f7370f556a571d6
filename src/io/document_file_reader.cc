#include "io/document_file_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "io/compressed_file.h"
#include "io/web_page_article.h"

namespace storyline {

std::string ReadWholeFile(const std::string& path, size_t max_bytes, std::string& out) {
  std::string damage;
  CompressedFile file(path, [&](const std::string& what) {
    if (damage.empty()) damage = what;
  });
  if (!file.ok()) return file.error();
  out.clear();
  // Sized up front for a plain file, so the page is not held in a buffer twice its size.
  std::error_code ec;
  const uintmax_t file_bytes = std::filesystem::file_size(path, ec);
  if (!ec) out.reserve(std::min<uintmax_t>(file_bytes, max_bytes));
  std::string buffer(size_t{1} << 16, '\0');
  while (true) {
    const size_t n = file.Read(buffer.data(), buffer.size());
    if (n == 0 && !file.TakeBreak()) break;
    // Refused as soon as it passes the limit, so an oversized file is never loaded whole.
    if (out.size() + n > max_bytes) {
      return "file larger than the limit of " + std::to_string(max_bytes) + " bytes, skipped";
    }
    out.append(buffer, 0, n);
  }
  if (!file.ok()) return file.error();
  return damage;
}

void ReadTextFile(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
                  const ErrorSink& on_error) {
  Article article;
  if (std::string error = ReadWholeFile(file.path, options.max_record_bytes, article.text);
      !error.empty()) {
    return on_error({file.path, error});
  }
  if (article.text.starts_with("\xEF\xBB\xBF")) article.text.erase(0, 3);
  if (article.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return on_error({file.path, "empty file: no text"});
  }
  if (!simdjson::validate_utf8(article.text.data(), article.text.size())) {
    return on_error({file.path, "not valid UTF-8 text"});
  }
  article.id = file.id_stem;
  article.source = options.source;
  article.published = options.published;
  article.origin = file.path;
  on_article(std::move(article));
}

void ReadHtmlFile(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
                  const ErrorSink& on_error) {
  std::string html;
  if (std::string error = ReadWholeFile(file.path, options.max_record_bytes, html);
      !error.empty()) {
    return on_error({file.path, error});
  }
  Article article;
  if (std::string error = ArticleFromWebPage(html, options, article); !error.empty()) {
    return on_error({file.path, error});
  }
  article.id = file.id_stem;
  article.origin = file.path;
  on_article(std::move(article));
}

}  // namespace storyline
