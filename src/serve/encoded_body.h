// A body as the server sends it: its bytes, their gzip form and an ETag for each, made
// once and shared by every request that gets them. cpp-httplib would otherwise compress
// each answer for each client that accepts it: brotli at its default quality cost some
// 600 ms of CPU per 128 KB story list, and gzip some 15 ms, on every request.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace storyline {

struct EncodedBody {
  std::string content;
  std::string gzip;  // empty when compressing does not make it smaller
  std::string etag;  // quoted, of `content`
  std::string gzip_etag;

  static std::shared_ptr<const EncodedBody> Make(std::string content);
};

// Whether an Accept-Encoding header value names gzip, not weighted q=0 (every browser
// names it; "*" alone is not taken as gzip).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace storyline
