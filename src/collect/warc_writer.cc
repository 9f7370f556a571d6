#include "collect/warc_writer.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <random>

namespace storyline {
namespace {

constexpr std::string_view kVersion = "WARC/1.1\r\n";

std::string Base32(const unsigned char* bytes, size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < size; ++i) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::string NewRecordId() {
  static thread_local std::mt19937_64 random(std::random_device{}());
  std::array<uint8_t, 16> bytes{};
  for (size_t i = 0; i < bytes.size(); i += 8) {
    const uint64_t value = random();
    std::memcpy(bytes.data() + i, &value, 8);
  }
  bytes[6] = (bytes[6] & 0x0F) | 0x40;  // version 4: random
  bytes[8] = (bytes[8] & 0x3F) | 0x80;  // RFC 4122 variant
  std::string hex;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", bytes[i]);
  }
  return "<urn:uuid:" + hex + ">";
}

// One gzip member holding `parts` in order.
std::string GzipMember(std::initializer_list<std::string_view> parts) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw WarcWriteError("cannot start gzip compression");
  }
  std::string out;
  std::array<unsigned char, 64 * 1024> chunk{};
  const auto pump = [&](std::string_view input, int flush) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    do {
      stream.next_out = chunk.data();
      stream.avail_out = chunk.size();
      deflate(&stream, flush);
      out.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - stream.avail_out);
    } while (stream.avail_out == 0);
  };
  for (const std::string_view part : parts) {
    // zlib counts input in 32-bit units: feed a large part in pieces.
    for (size_t at = 0; at < part.size(); at += 1u << 30)
      pump(part.substr(at, 1u << 30), Z_NO_FLUSH);
  }
  pump({}, Z_FINISH);
  deflateEnd(&stream);
  return out;
}

// "20240821100000" from "2024-08-21T10:00:00Z", for file names.
std::string CompactDate(std::string_view date) {
  std::string out;
  for (const char c : date) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out.substr(0, 14);
}

}  // namespace

std::string WarcSha1Digest(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha1(), nullptr) != 1) {
    throw WarcWriteError("cannot compute SHA-1");
  }
  return "sha1:" + Base32(digest.data(), size);
}

WarcWriter::WarcWriter(std::filesystem::path dir, uint64_t max_file_bytes)
    : dir_(std::move(dir)), max_file_bytes_(max_file_bytes) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error || !std::filesystem::is_directory(dir_)) {
    throw WarcWriteError(fmt::format("{}: cannot create the WARC folder: {}", dir_.string(),
                                     error ? error.message() : "not a folder"));
  }
}

WarcWriter::~WarcWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void WarcWriter::StartFile(std::string_view date) {
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  // "x": never open a file another writer (or an earlier run) made; take the next number.
  for (int attempt = 0; file_ == nullptr; ++attempt) {
    path_ = dir_ / fmt::format("storyline-{}-{:05d}-{}.warc.gz", CompactDate(date),
                               ++files_started_, getpid());
    file_ = std::fopen(path_.c_str(), "wbx");
    if (file_ == nullptr && (errno != EEXIST || attempt > 1000)) {
      throw WarcWriteError(fmt::format("{}: {}", path_.string(), std::strerror(errno)));
    }
  }
  file_bytes_ = 0;
  const std::string info =
      "software: storyline/0.1.0\r\nformat: WARC File Format 1.1\r\n"
      "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/"
      "warc-1.1/\r\n";
  WriteRecord(fmt::format("WARC-Type: warcinfo\r\nWARC-Record-ID: {}\r\nWARC-Date: {}\r\n"
                          "WARC-Filename: {}\r\nContent-Type: application/warc-fields\r\n",
                          NewRecordId(), date, path_.filename().string()),
              info);
}

void WarcWriter::WriteRecord(std::string_view header, std::string_view block) {
  const std::string length = fmt::format("Content-Length: {}\r\n\r\n", block.size());
  const std::string member = GzipMember({kVersion, header, length, block, "\r\n\r\n"});
  const bool written = std::fwrite(member.data(), 1, member.size(), file_) == member.size() &&
                       std::fflush(file_) == 0;
  if (!written) {
    const int error = errno;
    // Cut the partial member off, so the file ends with its last whole record.
    std::clearerr(file_);
    if (ftruncate(fileno(file_), static_cast<off_t>(file_bytes_)) == 0) {
      std::fseek(file_, static_cast<long>(file_bytes_), SEEK_SET);
    }
    throw WarcWriteError(fmt::format("{}: {}", path_.string(), std::strerror(error)));
  }
  file_bytes_ += member.size();
}

void WarcWriter::WriteExchange(const HttpExchange& exchange) {
  if (file_ == nullptr || file_bytes_ >= max_file_bytes_) StartFile(exchange.fetched_at);
  const std::string response_id = NewRecordId();
  const std::string common =
      fmt::format("WARC-Target-URI: {}\r\nWARC-Date: {}\r\n", exchange.url, exchange.fetched_at);
  const std::string response = exchange.response_head + exchange.response_body;
  std::string response_header =
      fmt::format("WARC-Type: response\r\nWARC-Record-ID: {}\r\n{}", response_id, common);
  if (!exchange.ip_address.empty()) {
    response_header += fmt::format("WARC-IP-Address: {}\r\n", exchange.ip_address);
  }
  response_header += fmt::format(
      "WARC-Payload-Digest: {}\r\nWARC-Block-Digest: {}\r\n"
      "Content-Type: application/http;msgtype=response\r\n",
      WarcSha1Digest(exchange.response_body), WarcSha1Digest(response));
  // The response first: a run killed between the two keeps the page.
  WriteRecord(response_header, response);
  WriteRecord(
      fmt::format("WARC-Type: request\r\nWARC-Record-ID: {}\r\n{}"
                  "WARC-Concurrent-To: {}\r\nWARC-Block-Digest: {}\r\n"
                  "Content-Type: application/http;msgtype=request\r\n",
                  NewRecordId(), common, response_id, WarcSha1Digest(exchange.request_head)),
      exchange.request_head);
}

}  // namespace storyline
