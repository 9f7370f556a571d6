#include "io/warc_reader.h"

#include <charconv>
#include <cstdint>
#include <map>

#include "io/canonical_url.h"
#include "io/compressed_file.h"
#include "io/http_response.h"
#include "io/web_page_article.h"
#include "text/ascii.h"

namespace storyline {
namespace {

using Headers = std::map<std::string, std::string>;

enum class HeaderStatus { kOk, kBad, kError, kBroken };

// Reads a record's version line and named fields, up to the blank line, at most the
// record limit of them. kBad: `error` says what is wrong.
HeaderStatus ReadRecordHeader(ChunkReader& reader, size_t max_bytes, Headers& headers,
                              std::string& error) {
  std::string line;
  headers.clear();
  size_t bytes = 0;
  for (bool first = true;; first = false) {
    switch (reader.NextLine(line)) {
      case ChunkReader::Status::kOk:
        break;
      case ChunkReader::Status::kError:
        return HeaderStatus::kError;
      case ChunkReader::Status::kBroken:
        return HeaderStatus::kBroken;
      case ChunkReader::Status::kTooLong:
        error = "WARC header line longer than the limit";
        return HeaderStatus::kBad;
      case ChunkReader::Status::kEnd:
        error = "truncated WARC header";
        return HeaderStatus::kBad;
    }
    if (first) {
      if (line.starts_with("WARC/")) continue;
      error = "not a WARC record (no \"WARC/\" version line)";
      return HeaderStatus::kBad;
    }
    if (TrimAsciiSpace(line).empty()) return HeaderStatus::kOk;
    if ((bytes += line.size()) > max_bytes) {
      error = "WARC header larger than the limit";
      return HeaderStatus::kBad;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    headers[AsciiLower(TrimAsciiSpace(std::string_view(line).substr(0, colon)))] =
        std::string(TrimAsciiSpace(std::string_view(line).substr(colon + 1)));
  }
}

// Content-Length as the standard writes it: decimal digits only ("12abc", "-5" and ""
// are not lengths).
bool ParseLength(std::string_view text, uint64_t& length) {
  if (text.empty() || text.size() > 18) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
  return ec == std::errc() && end == text.data() + text.size() && text[0] != '+';
}

// Whether what follows a record's block is what the standard puts there: line ends, then
// the next record or the end of the file.
bool AtRecordEnd(ChunkReader& reader) {
  const std::string_view ahead = reader.Peek(64);
  const size_t first = ahead.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos || ahead.compare(first, 5, "WARC/") == 0;
}

// The offset in `block` of its first line, after the first, that starts a record
// ("WARC/"), or npos.
size_t NextRecordStart(std::string_view block) {
  const size_t newline = block.find("\nWARC/");
  return newline == std::string_view::npos ? newline : newline + 1;
}

// "<urn:uuid:1234>" -> "1234".
std::string RecordId(std::string id) {
  if (id.starts_with("<") && id.ends_with(">")) id = id.substr(1, id.size() - 2);
  if (id.starts_with("urn:uuid:")) id = id.substr(9);
  return id;
}

// WARC/0.17 writers put the target URI in angle brackets; 1.0 and later do not.
std::string TargetUri(std::string uri) {
  if (uri.starts_with("<") && uri.ends_with(">")) uri = uri.substr(1, uri.size() - 2);
  return uri;
}

bool IsHtml(const HttpResponse& response) {
  if (!response.content_type.empty()) {
    return response.content_type.find("html") != std::string::npos;
  }
  const size_t first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<';
}

}  // namespace

void ReadWarc(const InputFile& input, const ReadOptions& options, const ArticleSink& on_article,
              const ErrorSink& on_error) {
  const std::string& path = input.path;
  CompressedFile file(path, [&](const std::string& what) { on_error({path, what}); });
  if (!file.ok()) return on_error({path, file.error()});
  ChunkReader reader(file, options.max_record_bytes);
  reader.SkipByteOrderMark();
  const std::string limit = std::to_string(options.max_record_bytes);
  // Skips to the next line that starts with "WARC/"; false at the end of the file.
  auto resynchronise = [&] {
    uint64_t skipped = 0;
    const ChunkReader::Status status = reader.SkipToLine("WARC/", UINT64_MAX, skipped);
    if (status == ChunkReader::Status::kError) on_error({path, file.error()});
    return status == ChunkReader::Status::kOk;
  };
  Headers headers;
  std::string body;
  for (size_t record = 1;; ++record) {
    const std::string where = path + "#" + std::to_string(record);
    size_t newlines = 0;
    switch (reader.SkipBlank(newlines)) {
      case ChunkReader::Status::kOk:
        break;
      case ChunkReader::Status::kTooLong:
        return on_error({where, "more than " + limit +
                                    " bytes of blank lines in a row, file not read further"});
      case ChunkReader::Status::kError:
        return on_error({path, file.error()});
      default:
        if (record == 1) on_error({path, "empty file: no WARC records"});
        return;
    }
    std::string error;
    switch (ReadRecordHeader(reader, options.max_record_bytes, headers, error)) {
      case HeaderStatus::kOk:
        break;
      case HeaderStatus::kError:
        return on_error({where, file.error()});
      case HeaderStatus::kBroken:  // damaged gzip data, reported by the file
        if (!resynchronise()) return;
        continue;
      case HeaderStatus::kBad:
        on_error({where, error});
        if (!resynchronise()) return;
        continue;
    }
    uint64_t length = 0;
    const std::string& length_text = headers["content-length"];
    if (!ParseLength(length_text, length)) {
      on_error({where, "WARC record without a valid Content-Length"});
      if (!resynchronise()) return;
      continue;
    }
    const std::string overrun =
        "Content-Length " + length_text + " runs past the end of the record, cut there";
    if (length > options.max_record_bytes) {
      uint64_t skipped = 0;
      const ChunkReader::Status status = reader.SkipToLine("WARC/", length, skipped);
      if (status == ChunkReader::Status::kError) return on_error({where, file.error()});
      if (status == ChunkReader::Status::kOk) {
        on_error({where, overrun});
        continue;
      }
      on_error({where, "record larger than the limit of " + limit + " bytes, skipped"});
      if (status == ChunkReader::Status::kEnd) return;
      continue;
    }
    const ChunkReader::Status status = reader.Read(length, body);
    if (status == ChunkReader::Status::kError) return on_error({where, file.error()});
    if (status == ChunkReader::Status::kBroken) {
      if (!resynchronise()) return;
      continue;
    }
    if (status == ChunkReader::Status::kEnd || !AtRecordEnd(reader)) {
      if (const size_t next = NextRecordStart(body); next != std::string::npos) {
        reader.PushBack(std::string_view(body).substr(next));
        on_error({where, overrun});
        continue;
      }
      if (status == ChunkReader::Status::kEnd) return on_error({where, "truncated WARC record"});
      on_error({where,
                "Content-Length " + length_text + " ends before the record does, record skipped"});
      if (!resynchronise()) return;
      continue;
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
    const std::string target = TargetUri(headers["warc-target-uri"]);
    if (!ArticleFromWebPage(response.body, options, article, target).empty()) continue;
    if (const std::string address = PageAddress(target, article.url); !address.empty()) {
      article.id = address;
      article.url = address;
    } else {
      article.id = RecordId(headers["warc-record-id"]);
      if (article.id.empty()) article.id = input.id_stem + "-" + std::to_string(record);
    }
    article.origin = where;
    on_article(std::move(article));
  }
}

}  // namespace storyline
