// The parts of an archived HTTP response a reader needs: status, headers, and the body
// with its transfer and content encodings (chunked, gzip, deflate, br) undone.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

struct HttpResponse {
  int status = 0;
  std::string content_type;  // lower-cased
  std::string body;          // decoded
};

// Returns an error text, empty on success. The decoded body is limited to `max_bytes`.
std::string ParseHttpResponse(std::string_view raw, size_t max_bytes, HttpResponse& response);

}  // namespace storyline
