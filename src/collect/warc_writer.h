// The archive of what `follow` fetched, as ISO 28500 WARC/1.1, so a researcher can show
// exactly what was analysed and rebuild the analysis from it (`storyline ingest` reads
// these files back; so do warcio and pywb).
//
// Each file starts with a warcinfo record; each fetch adds a request record and a
// response record (WARC-Concurrent-To links them) holding the HTTP messages as received,
// with WARC-Target-URI, WARC-Date, WARC-Block-Digest and WARC-Payload-Digest (SHA-1 in
// base32, the convention crawlers share). Every record is its own gzip member and is
// flushed before WriteExchange returns, so a process killed mid-run loses at most the
// record being written, and readers resynchronise past that one. A file is closed and
// the next one started once it passes `max_file_bytes`: DIR/storyline-<UTC time>-<n>.warc.gz.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace storyline {

// One HTTP fetch as it went over the wire.
struct HttpExchange {
  std::string url;            // the address requested (after no redirect: one exchange each)
  std::string fetched_at;     // UTC, "2024-08-21T10:00:00Z"
  std::string ip_address;     // the server's address, empty if unknown
  std::string request_head;   // request line and headers, ending in an empty line
  std::string response_head;  // status line and headers, ending in an empty line
  std::string response_body;  // the payload as received (content-encoding kept)
};

class WarcWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WarcWriter {
 public:
  // Creates `dir` if needed. Throws WarcWriteError when it cannot.
  explicit WarcWriter(std::filesystem::path dir, uint64_t max_file_bytes = uint64_t{1} << 30);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Appends the request and response records of one fetch. Throws WarcWriteError on a
  // write failure (a full disk), leaving the file's earlier records intact.
  void WriteExchange(const HttpExchange& exchange);

  // The file being written, empty before the first exchange.
  const std::filesystem::path& current_file() const { return path_; }

 private:
  void StartFile(std::string_view date);
  void WriteRecord(std::string_view header, std::string_view block);

  std::filesystem::path dir_;
  uint64_t max_file_bytes_;
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  uint64_t file_bytes_ = 0;
  int files_started_ = 0;
};

// "sha1:" and the base32 SHA-1 of `bytes`, as WARC digests are written.
std::string WarcSha1Digest(std::string_view bytes);

}  // namespace storyline
