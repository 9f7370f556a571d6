#include "serve/encoded_body.h"

#include <fmt/format.h>
#include <xxhash.h>
#include <zlib.h>

#include <cctype>

namespace storyline {
namespace {

// Below this, the gzip header and the Content-Encoding line cost about what they save.
constexpr size_t kMinGzipBytes = 512;

// `content` as a gzip member at zlib's default level; empty when zlib fails.
std::string Gzip(std::string_view content) {
  z_stream stream{};
  // 15 + 16: the largest window, with a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return "";
  }
  std::string out(deflateBound(&stream, content.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  stream.avail_in = static_cast<uInt>(content.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return status == Z_STREAM_END ? out : "";
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::shared_ptr<const EncodedBody> EncodedBody::Make(std::string content) {
  auto body = std::make_shared<EncodedBody>();
  const uint64_t hash = XXH3_64bits(content.data(), content.size());
  body->etag = fmt::format("\"{:016x}\"", hash);
  body->gzip_etag = fmt::format("\"{:016x}-gzip\"", hash);
  if (content.size() >= kMinGzipBytes) {
    body->gzip = Gzip(content);
    if (body->gzip.size() >= content.size()) body->gzip.clear();
  }
  body->content = std::move(content);
  return body;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    std::string_view coding = accept_encoding.substr(0, comma);
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size()
                                                                  : comma + 1);
    std::string_view weight;
    if (const size_t semicolon = coding.find(';'); semicolon != std::string_view::npos) {
      weight = Trimmed(coding.substr(semicolon + 1));
      coding = coding.substr(0, semicolon);
    }
    coding = Trimmed(coding);
    if (coding != "gzip") continue;
    // q=0, q=0.0, q=0.00...: not acceptable.
    const bool refused =
        weight.starts_with("q=0") && weight.find_first_not_of("0.", 2) == std::string_view::npos;
    return !refused;
  }
  return false;
}

}  // namespace storyline
