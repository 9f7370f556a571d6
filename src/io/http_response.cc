#include "io/http_response.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>

#include "text/ascii.h"

namespace storyline {
namespace {

std::string Dechunk(std::string_view body, std::string& out) {
  out.clear();
  while (true) {
    const size_t line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) return "truncated chunked body";
    std::string_view size_text = TrimAsciiSpace(body.substr(0, body.find_first_of(";\r")));
    size_t size = 0;
    auto [ptr, ec] =
        std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (ec != std::errc() || size_text.empty()) return "malformed chunk size";
    body.remove_prefix(line_end + 2);
    if (size == 0) return {};
    if (size > body.size()) return "truncated chunked body";
    out.append(body.substr(0, size));
    body.remove_prefix(std::min(body.size(), size + 2));
  }
}

std::string TooLarge(size_t max_bytes) {
  return "compressed HTTP body inflates past the limit of " + std::to_string(max_bytes) + " bytes";
}

std::string Inflate(std::string_view data, size_t max_bytes, std::string& out) {
  z_stream stream{};
  // 15 + 32: accept both zlib and gzip headers.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) return "cannot start zlib";
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = unsigned(data.size());
  out.clear();
  char buffer[1 << 15];
  int code = Z_OK;
  bool too_large = false;
  while (code == Z_OK && !too_large) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    code = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    too_large = out.size() > max_bytes;
  }
  inflateEnd(&stream);
  if (too_large) {
    out.clear();
    return TooLarge(max_bytes);
  }
  if (code != Z_STREAM_END) return "corrupt compressed HTTP body";
  return {};
}

// Brotli ("br"), which servers send browsers and `follow` asks for as they do.
std::string Unbrotli(std::string_view data, size_t max_bytes, std::string& out) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) return "cannot start brotli";
  size_t available_in = data.size();
  const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
  out.clear();
  uint8_t buffer[1 << 15];
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT && out.size() <= max_bytes) {
    size_t available_out = sizeof buffer;
    uint8_t* next_out = buffer;
    result = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out,
                                           &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - available_out);
  }
  BrotliDecoderDestroyInstance(state);
  if (out.size() > max_bytes) {
    out.clear();
    return TooLarge(max_bytes);
  }
  if (result != BROTLI_DECODER_RESULT_SUCCESS) return "corrupt compressed HTTP body";
  return {};
}

}  // namespace

std::string ParseHttpResponse(std::string_view raw, size_t max_bytes, HttpResponse& response) {
  const size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return "HTTP response without a header end";
  std::string_view head = raw.substr(0, head_end);
  std::string_view body = raw.substr(head_end + 4);

  const size_t status_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, status_end);
  if (!status_line.starts_with("HTTP/")) return "not an HTTP response";
  const size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return "malformed HTTP status line";
  std::from_chars(status_line.data() + space + 1, status_line.data() + status_line.size(),
                  response.status);

  bool chunked = false;
  std::string content_encoding;
  head.remove_prefix(status_end == std::string_view::npos ? head.size() : status_end + 2);
  while (!head.empty()) {
    const size_t end = head.find("\r\n");
    std::string_view line = head.substr(0, end);
    head.remove_prefix(end == std::string_view::npos ? head.size() : end + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
    const std::string value = AsciiLower(TrimAsciiSpace(line.substr(colon + 1)));
    if (name == "content-type") response.content_type = value;
    if (name == "transfer-encoding") chunked = value.find("chunked") != std::string::npos;
    if (name == "content-encoding") content_encoding = value;
  }

  std::string dechunked;
  if (chunked) {
    if (std::string error = Dechunk(body, dechunked); !error.empty()) return error;
    body = dechunked;
  }
  if (content_encoding == "gzip" || content_encoding == "x-gzip" || content_encoding == "deflate") {
    return Inflate(body, max_bytes, response.body);
  }
  if (content_encoding == "br") return Unbrotli(body, max_bytes, response.body);
  if (body.size() > max_bytes) {
    return "HTTP body larger than the limit of " + std::to_string(max_bytes) + " bytes";
  }
  response.body.assign(body);
  return {};
}

}  // namespace storyline
