#include "io/warc_reader.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "io/compressed_file.h"
#include "io/http_response.h"
#include "io/web_page_article.h"
#include "text/ascii.h"

namespace storyline {
namespace {

using Headers = std::map<std::string, std::string>;

enum class HeaderStatus { kOk, kEnd, kError };

// Reads a record's version line and named fields, up to the blank line. Leading blank
// lines (the separator after the previous record) are skipped.
HeaderStatus ReadRecordHeader(ChunkReader& reader, Headers& headers, std::string& error) {
  std::string line;
  headers.clear();
  do {
    ChunkReader::Status status = reader.NextLine(line);
    if (status == ChunkReader::Status::kEnd) return HeaderStatus::kEnd;
    if (status != ChunkReader::Status::kOk) {
      error = "unreadable WARC header";
      return HeaderStatus::kError;
    }
  } while (TrimAsciiSpace(line).empty());
  if (!line.starts_with("WARC/")) {
    error = "not a WARC record (no \"WARC/\" version line)";
    return HeaderStatus::kError;
  }
  while (true) {
    ChunkReader::Status status = reader.NextLine(line);
    if (status != ChunkReader::Status::kOk) {
      error = "truncated WARC header";
      return HeaderStatus::kError;
    }
    if (TrimAsciiSpace(line).empty()) return HeaderStatus::kOk;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    headers[AsciiLower(TrimAsciiSpace(std::string_view(line).substr(0, colon)))] =
        std::string(TrimAsciiSpace(std::string_view(line).substr(colon + 1)));
  }
}

// "<urn:uuid:1234>" -> "1234".
std::string RecordId(std::string id) {
  if (id.starts_with("<") && id.ends_with(">")) id = id.substr(1, id.size() - 2);
  if (id.starts_with("urn:uuid:")) id = id.substr(9);
  return id;
}

bool IsHtml(const HttpResponse& response) {
  if (!response.content_type.empty()) {
    return response.content_type.find("html") != std::string::npos;
  }
  const size_t first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<';
}

}  // namespace

void ReadWarc(const std::string& path, const ReadOptions& options, const ArticleSink& on_article,
              const ErrorSink& on_error) {
  CompressedFile file(path);
  if (!file.ok()) return on_error({path, file.error()});
  ChunkReader reader(file, options.max_record_bytes);
  Headers headers;
  std::string body;
  for (size_t record = 1;; ++record) {
    const std::string where = path + "#" + std::to_string(record);
    std::string error;
    const HeaderStatus header_status = ReadRecordHeader(reader, headers, error);
    if (header_status == HeaderStatus::kEnd) {
      if (record == 1) on_error({path, file.ok() ? "empty file: no WARC records" : file.error()});
      return;
    }
    if (header_status == HeaderStatus::kError) {
      return on_error({where, file.ok() ? error : file.error()});
    }
    size_t length = 0;
    const std::string& length_text = headers["content-length"];
    auto [ptr, ec] = std::from_chars(length_text.data(), length_text.data() + length_text.size(),
                                     length);
    if (ec != std::errc() || length_text.empty()) {
      return on_error({where, "WARC record without a valid Content-Length"});
    }
    const ChunkReader::Status status = reader.ReadExactly(length, body);
    if (status == ChunkReader::Status::kTooLong) {
      on_error({where, "record larger than the limit of " +
                           std::to_string(options.max_record_bytes) + " bytes, skipped"});
      continue;
    }
    if (status != ChunkReader::Status::kOk) {
      return on_error({where, file.ok() ? "truncated WARC record" : file.error()});
    }
    if (AsciiLower(headers["warc-type"]) != "response" ||
        AsciiLower(headers["content-type"]).find("application/http") == std::string::npos) {
      continue;
    }
    HttpResponse response;
    if (std::string http_error = ParseHttpResponse(body, options.max_record_bytes, response);
        !http_error.empty()) {
      on_error({where, http_error});
      continue;
    }
    if (response.status != 200 || !IsHtml(response)) continue;
    Article article;
    if (!ArticleFromWebPage(response.body, options, article).empty()) continue;
    if (article.url.empty()) article.url = headers["warc-target-uri"];
    article.id = RecordId(headers["warc-record-id"]);
    if (article.id.empty()) article.id = std::to_string(record);
    article.origin = where;
    on_article(std::move(article));
  }
}

}  // namespace storyline
