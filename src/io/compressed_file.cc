#include "io/compressed_file.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace storyline {
namespace {
constexpr size_t kChunkBytes = size_t{1} << 20;
}

CompressedFile::CompressedFile(const std::string& path) {
  file_ = gzopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    error_ = std::string("cannot open: ") + std::strerror(errno);
    return;
  }
  gzbuffer(file_, 256 * 1024);
}

CompressedFile::~CompressedFile() {
  if (file_ != nullptr) gzclose(file_);
}

size_t CompressedFile::Read(char* buffer, size_t size) {
  if (!ok()) return 0;
  const int n = gzread(file_, buffer, unsigned(std::min<size_t>(size, INT_MAX)));
  // zlib may report a truncated stream as a short read with the error only in gzerror().
  int code = Z_OK;
  const char* message = gzerror(file_, &code);
  if (n < 0 || (n == 0 && code != Z_OK)) {
    error_ = std::string("corrupt or truncated gzip data (") + message + ")";
    return 0;
  }
  position_ += n;
  return size_t(n);
}

bool ChunkReader::Fill() {
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunkBytes);
  const size_t n = file_.Read(buffer_.data() + old, kChunkBytes);
  buffer_.resize(old + n);
  return n > 0;
}

bool ChunkReader::at_end() { return pos_ >= buffer_.size() && !Fill(); }

ChunkReader::Status ChunkReader::NextLine(std::string& line) {
  size_t scanned = pos_;
  while (true) {
    const char* start = buffer_.data() + scanned;
    const void* newline = std::memchr(start, '\n', buffer_.size() - scanned);
    if (newline != nullptr) {
      const size_t end = static_cast<const char*>(newline) - buffer_.data();
      line.assign(buffer_, pos_, end - pos_);
      pos_ = end + 1;
      return line.size() > max_ ? Status::kTooLong : Status::kOk;
    }
    if (buffer_.size() - pos_ > max_) {
      // Too long: drop what we have and skip to the end of the line without keeping it.
      while (true) {
        buffer_.clear();
        pos_ = 0;
        if (!Fill()) return file_.ok() ? Status::kTooLong : Status::kError;
        const void* nl = std::memchr(buffer_.data(), '\n', buffer_.size());
        if (nl != nullptr) {
          pos_ = static_cast<const char*>(nl) - buffer_.data() + 1;
          return Status::kTooLong;
        }
      }
    }
    scanned = buffer_.size() - pos_;  // Fill() moves the unread bytes to the front
    if (!Fill()) {
      if (!file_.ok()) return Status::kError;
      if (pos_ >= buffer_.size()) return Status::kEnd;
      line.assign(buffer_, pos_, std::string::npos);
      pos_ = buffer_.size();
      return line.size() > max_ ? Status::kTooLong : Status::kOk;
    }
  }
}

ChunkReader::Status ChunkReader::ReadExactly(size_t size, std::string& out) {
  if (size > max_) return Skip(size) ? Status::kTooLong : Status::kEnd;
  while (buffer_.size() - pos_ < size) {
    if (!Fill()) return file_.ok() ? Status::kEnd : Status::kError;
  }
  out.assign(buffer_, pos_, size);
  pos_ += size;
  return Status::kOk;
}

bool ChunkReader::Skip(size_t size) {
  while (size > 0) {
    if (pos_ >= buffer_.size() && !Fill()) return false;
    const size_t take = std::min(size, buffer_.size() - pos_);
    pos_ += take;
    size -= take;
  }
  return true;
}

}  // namespace storyline
