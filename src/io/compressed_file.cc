#include "io/compressed_file.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace storyline {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;
constexpr size_t kInputBytes = size_t{256} << 10;
constexpr size_t kInflateBytes = size_t{256} << 10;
// Inflated bytes are held back until their member's CRC checks out, or until this many
// newer bytes follow them: a damaged member then loses at most its last few MiB (all of
// it when smaller), and no garbage decoded from the damage reaches a reader.
constexpr size_t kUnverifiedBytes = size_t{4} << 20;
constexpr size_t kGzipHeaderBytes = 10;

// A gzip member header as writers make them: magic, deflate, no reserved flag bits. When
// resynchronising inside damaged bytes, `strict` also wants a known extra-flags value
// and operating system, so that compressed data rarely passes for a header.
bool LooksLikeGzipHeader(const unsigned char* bytes, size_t size, bool strict) {
  if (size < kGzipHeaderBytes || bytes[0] != 0x1f || bytes[1] != 0x8b || bytes[2] != 8 ||
      (bytes[3] & 0xe0) != 0) {
    return false;
  }
  if (!strict) return true;
  const unsigned char extra_flags = bytes[8], os = bytes[9];
  return (extra_flags == 0 || extra_flags == 2 || extra_flags == 4) && (os <= 13 || os == 255);
}

}  // namespace

CompressedFile::CompressedFile(const std::string& path, DamageSink on_damage)
    : on_damage_(std::move(on_damage)) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    error_ = std::string("cannot open: ") + std::strerror(errno);
    return;
  }
  input_.resize(kInputBytes);
  stream_.next_in = input_.data();
  stream_.avail_in = 0;
  while (stream_.avail_in < 2 && FillInput()) {
  }
  gzip_ = stream_.avail_in >= 2 && input_[0] == 0x1f && input_[1] == 0x8b;
  if (gzip_) {
    // 15 + 16: gzip wrapper only; each member is checked against its CRC and length.
    stream_ready_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
    if (!stream_ready_) error_ = "cannot start zlib";
  }
}

CompressedFile::~CompressedFile() {
  if (stream_ready_) inflateEnd(&stream_);
  if (file_ != nullptr) std::fclose(file_);
}

bool CompressedFile::FillInput() {
  if (input_end_ || !ok()) return false;
  const size_t consumed = stream_.next_in - input_.data();
  std::memmove(input_.data(), stream_.next_in, stream_.avail_in);
  input_start_ += consumed;
  const size_t kept = stream_.avail_in;
  const size_t n = std::fread(input_.data() + kept, 1, input_.size() - kept, file_);
  if (n == 0) {
    if (std::ferror(file_)) {
      error_ = std::string("read error: ") + std::strerror(errno);
    } else {
      input_end_ = true;
    }
  }
  stream_.next_in = input_.data();
  stream_.avail_in = static_cast<uInt>(kept + n);
  return n > 0;
}

uint64_t CompressedFile::InputOffset() const {
  return input_start_ + static_cast<uint64_t>(stream_.next_in - input_.data());
}

void CompressedFile::Damage(std::string what) {
  if (!on_damage_) {
    error_ = std::move(what);
    return;
  }
  on_damage_(what);
}

// At a member boundary: starts inflating the member at the current offset, or skips
// what is no gzip data to the next header and reports the damage that ends there.
bool CompressedFile::StartMember() {
  while (true) {
    while (stream_.avail_in < kGzipHeaderBytes && FillInput()) {
    }
    if (!ok()) return false;
    const bool resyncing = !pending_damage_.empty();
    if (stream_.avail_in == 0) {
      // Zero bytes after the last member are padding some writers add, not damage.
      if (resyncing && skipped_nonzero_) {
        Damage(pending_damage_ + "; no gzip member after it");
        break_ = !stretch_broken_;
      }
      pending_damage_.clear();
      end_ = true;
      return false;
    }
    if (LooksLikeGzipHeader(stream_.next_in, stream_.avail_in, resyncing) ||
        (member_ == 0 && stream_.next_in[0] == 0x1f)) {
      if (resyncing && skipped_nonzero_) {
        Damage(pending_damage_ + "; read on from the next member at byte " +
               std::to_string(InputOffset()));
        break_ = !stretch_broken_;
      }
      pending_damage_.clear();
      inflateReset(&stream_);
      in_member_ = true;
      ++member_;
      member_start_ = InputOffset();
      if (break_) return false;
      return true;
    }
    if (!resyncing) {
      pending_damage_ = "bytes from " + std::to_string(InputOffset()) + " after gzip member " +
                        std::to_string(member_) + " are not gzip data";
      skipped_nonzero_ = false;
      stretch_broken_ = false;
      if (!on_damage_) {
        Damage(pending_damage_);
        return false;
      }
    }
    // Skip to the next possible magic byte; keep the bytes a header there would need.
    const unsigned char* start = stream_.next_in;
    const auto* magic =
        static_cast<const unsigned char*>(std::memchr(start + 1, 0x1f, stream_.avail_in - 1));
    const size_t skip = magic != nullptr ? size_t(magic - start) : stream_.avail_in;
    skipped_nonzero_ = skipped_nonzero_ ||
                       std::any_of(start, start + skip, [](unsigned char c) { return c != 0; });
    stream_.next_in += skip;
    stream_.avail_in -= static_cast<uInt>(skip);
  }
}

size_t CompressedFile::Read(char* buffer, size_t size) {
  if (!ok() || break_ || size == 0) return 0;
  if (!gzip_) {
    if (end_ || (stream_.avail_in == 0 && !FillInput())) return 0;
    const size_t n = std::min<size_t>(size, stream_.avail_in);
    std::memcpy(buffer, stream_.next_in, n);
    stream_.next_in += n;
    stream_.avail_in -= static_cast<uInt>(n);
    position_ += n;
    return n;
  }
  while (true) {
    if (deliverable_ > 0) {
      const size_t n = std::min(size, deliverable_);
      std::memcpy(buffer, held_.data() + held_pos_, n);
      held_pos_ += n;
      deliverable_ -= n;
      position_ += n;
      return n;
    }
    if (held_pos_ > 0 && held_pos_ >= held_.size() - held_pos_) {
      held_.erase(0, held_pos_);
      held_pos_ = 0;
    }
    if (break_after_held_) {
      break_after_held_ = false;
      break_ = true;
      return 0;
    }
    if (end_ || (!in_member_ && !StartMember())) return 0;
    if (stream_.avail_in == 0 && !FillInput()) {
      if (!ok()) return 0;
      // What came before the cut decoded right; only the member's end is missing.
      Damage("truncated gzip data: member " + std::to_string(member_) + " at byte " +
             std::to_string(member_start_) + " ends early");
      deliverable_ = held_.size() - held_pos_;
      break_after_held_ = true;
      end_ = true;
      continue;
    }
    const size_t old = held_.size();
    held_.resize(old + kInflateBytes);
    stream_.next_out = reinterpret_cast<Bytef*>(held_.data() + old);
    stream_.avail_out = static_cast<uInt>(kInflateBytes);
    const int code = inflate(&stream_, Z_NO_FLUSH);
    held_.resize(held_.size() - stream_.avail_out);
    const size_t undelivered = held_.size() - held_pos_;
    if (code == Z_STREAM_END) {
      in_member_ = false;
      deliverable_ = undelivered;
    } else if (code == Z_OK || code == Z_BUF_ERROR) {
      if (undelivered > kUnverifiedBytes) deliverable_ = undelivered - kUnverifiedBytes;
    } else {
      // Damaged data decodes to garbage before zlib notices, and a wrong CRC is noticed
      // only at the member's end: the bytes held back unverified are dropped with it.
      // The search for the next member starts right after this one's first byte, since
      // inflating may have run past its real end into the next.
      held_.clear();
      held_pos_ = 0;
      pending_damage_ = "corrupt gzip member " + std::to_string(member_) + " at byte " +
                        std::to_string(member_start_) + " (" +
                        (stream_.msg != nullptr ? stream_.msg : "bad data") + ")";
      skipped_nonzero_ = true;
      stretch_broken_ = true;
      in_member_ = false;
      break_ = true;
      if (!on_damage_) {
        Damage(pending_damage_);
        return 0;
      }
      if (fseeko(file_, static_cast<off_t>(member_start_ + 1), SEEK_SET) == 0) {
        input_start_ = member_start_ + 1;
        input_end_ = false;
        stream_.next_in = input_.data();
        stream_.avail_in = 0;
      }
      return 0;
    }
  }
}

bool CompressedFile::TakeBreak() {
  const bool had_break = break_;
  break_ = false;
  return had_break;
}

void ChunkReader::Drop() {
  buffer_.clear();
  pos_ = 0;
  line_start_before_buffer_ = true;
  break_pending_ = false;
}

ChunkReader::Fill ChunkReader::FillBuffer() {
  if (break_pending_) return Fill::kBreak;
  if (pos_ > 0) {
    line_start_before_buffer_ = buffer_[pos_ - 1] == '\n';
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunkBytes);
  const size_t n = file_.Read(buffer_.data() + old, kChunkBytes);
  buffer_.resize(old + n);
  if (n > 0) return Fill::kMore;
  if (!file_.ok()) return Fill::kError;
  if (file_.TakeBreak()) {
    break_pending_ = true;
    return Fill::kBreak;
  }
  return Fill::kEnd;
}

bool ChunkReader::AtLineStart() const {
  return pos_ > 0 ? buffer_[pos_ - 1] == '\n' : line_start_before_buffer_;
}

void ChunkReader::SkipByteOrderMark() {
  if (Peek(3) == "\xEF\xBB\xBF") pos_ += 3;
}

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
    if (buffer_.size() - pos_ > max_) return SkipLongLine();
    scanned = buffer_.size() - pos_;  // FillBuffer moves the unread bytes to the front
    switch (FillBuffer()) {
      case Fill::kMore:
        break;
      case Fill::kError:
        return Status::kError;
      case Fill::kBreak: {
        // The line lost its end to the damage; what follows the break starts afresh.
        const bool partial = pos_ < buffer_.size();
        Drop();
        if (partial) return Status::kBroken;
        scanned = 0;
        break;
      }
      case Fill::kEnd:
        if (pos_ >= buffer_.size()) return Status::kEnd;
        line.assign(buffer_, pos_, std::string::npos);
        pos_ = buffer_.size();
        return line.size() > max_ ? Status::kTooLong : Status::kOk;
    }
  }
}

// Drops a line that has passed the limit, without keeping it, up to its end.
ChunkReader::Status ChunkReader::SkipLongLine() {
  while (true) {
    pos_ = buffer_.size();
    switch (FillBuffer()) {
      case Fill::kMore:
        break;
      case Fill::kError:
        return Status::kError;
      case Fill::kBreak:
        Drop();
        return Status::kTooLong;
      case Fill::kEnd:
        return Status::kTooLong;
    }
    const void* newline = std::memchr(buffer_.data(), '\n', buffer_.size());
    if (newline != nullptr) {
      pos_ = static_cast<const char*>(newline) - buffer_.data() + 1;
      return Status::kTooLong;
    }
  }
}

ChunkReader::Status ChunkReader::Read(size_t size, std::string& out) {
  if (size > max_) return Status::kTooLong;
  while (buffer_.size() - pos_ < size) {
    const Fill fill = FillBuffer();
    if (fill == Fill::kMore) continue;
    if (fill == Fill::kError) return Status::kError;
    out.assign(buffer_, pos_, std::string::npos);
    if (fill == Fill::kBreak) {
      Drop();
      return Status::kBroken;
    }
    pos_ = buffer_.size();
    return Status::kEnd;
  }
  out.assign(buffer_, pos_, size);
  pos_ += size;
  return Status::kOk;
}

ChunkReader::Status ChunkReader::SkipBlank(size_t& newlines) {
  newlines = 0;
  size_t skipped = 0;
  while (true) {
    for (; pos_ < buffer_.size(); ++pos_) {
      const char c = buffer_[pos_];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return Status::kOk;
      if (++skipped > max_) return Status::kTooLong;
      newlines += c == '\n';
    }
    switch (FillBuffer()) {
      case Fill::kMore:
        break;
      case Fill::kError:
        return Status::kError;
      case Fill::kBreak:
        Drop();
        break;
      case Fill::kEnd:
        return Status::kEnd;
    }
  }
}

ChunkReader::Status ChunkReader::SkipToLine(std::string_view prefix, uint64_t limit,
                                            uint64_t& skipped) {
  skipped = 0;
  auto next_line_start = [&](size_t from) {
    const size_t newline = buffer_.find('\n', from);
    return newline == std::string::npos ? std::string::npos : newline + 1;
  };
  while (true) {
    // The first line start in the buffer that could begin with `prefix`; where there are
    // too few bytes to tell, the search waits there for more.
    size_t candidate = AtLineStart() ? pos_ : next_line_start(pos_);
    while (candidate != std::string::npos && candidate - pos_ <= limit - skipped &&
           buffer_.size() - candidate >= prefix.size()) {
      if (buffer_.compare(candidate, prefix.size(), prefix) == 0) {
        skipped += candidate - pos_;
        pos_ = candidate;
        return Status::kOk;
      }
      candidate = next_line_start(candidate);
    }
    const size_t keep_from = candidate == std::string::npos ? buffer_.size() : candidate;
    if (keep_from - pos_ > limit - skipped) {
      pos_ += limit - skipped;
      skipped = limit;
      return Status::kTooLong;
    }
    skipped += keep_from - pos_;
    pos_ = keep_from;
    switch (FillBuffer()) {
      case Fill::kMore:
        break;
      case Fill::kError:
        return Status::kError;
      case Fill::kBreak:
      case Fill::kEnd: {
        const uint64_t rest = std::min<uint64_t>(buffer_.size() - pos_, limit - skipped);
        skipped += rest;
        pos_ += rest;
        if (skipped == limit && pos_ < buffer_.size()) return Status::kTooLong;
        if (break_pending_) {
          Drop();
          break;
        }
        return Status::kEnd;
      }
    }
  }
}

std::string_view ChunkReader::Peek(size_t size) {
  while (buffer_.size() - pos_ < size && FillBuffer() == Fill::kMore) {
  }
  return std::string_view(buffer_).substr(pos_, size);
}

void ChunkReader::PushBack(std::string_view bytes) {
  buffer_.replace(0, pos_, bytes);
  pos_ = 0;
  line_start_before_buffer_ = true;
}

}  // namespace storyline
