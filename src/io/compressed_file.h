// A file read sequentially, gzip-compressed or not (zlib detects which), in chunks.
// Multi-member gzip (as .warc.gz uses) reads as one stream. A truncated or corrupt
// gzip stream is reported as an error, never as a silently short file.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <string>

namespace storyline {

class CompressedFile {
 public:
  // Check ok() after construction; error() says why opening failed.
  explicit CompressedFile(const std::string& path);
  ~CompressedFile();
  CompressedFile(const CompressedFile&) = delete;
  CompressedFile& operator=(const CompressedFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Reads up to `size` bytes; returns 0 at the end of the data or on error (see ok()).
  size_t Read(char* buffer, size_t size);

  // Uncompressed bytes delivered so far.
  uint64_t position() const { return position_; }

 private:
  gzFile file_ = nullptr;
  std::string error_;
  uint64_t position_ = 0;
};

// Reads one record-sized unit at a time: lines (for JSON Lines) or exact byte counts
// (for WARC bodies), over a CompressedFile, with a size limit per unit.
class ChunkReader {
 public:
  ChunkReader(CompressedFile& file, size_t max_unit_bytes) : file_(file), max_(max_unit_bytes) {}

  enum class Status { kOk, kEnd, kTooLong, kError };

  // The next line without its '\n' (a trailing '\r' is kept for the caller to judge).
  // kTooLong: the line exceeded the limit and was skipped up to its end.
  Status NextLine(std::string& line);

  // Exactly `size` bytes. kTooLong: over the limit, skipped; kEnd: the file ended first.
  Status ReadExactly(size_t size, std::string& out);

  // Skips `size` bytes; false when the file ends first.
  bool Skip(size_t size);

  bool at_end();
  const CompressedFile& file() const { return file_; }

 private:
  bool Fill();

  CompressedFile& file_;
  size_t max_;
  std::string buffer_;
  size_t pos_ = 0;
};

}  // namespace storyline
