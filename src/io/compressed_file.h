// A file read sequentially, gzip-compressed or not (the first two bytes say which), in
// chunks. Multi-member gzip (as .warc.gz uses, one member per record) reads as one
// stream, and a damaged member loses only itself: the members before it are kept, and
// reading resumes at the next gzip header (1f 8b 08) after it. Inflated bytes are held
// back until their member's CRC checks out (at most the last 4 MiB of a larger member),
// so what a damaged member decodes to never reaches a reader; a truncated last member
// gives everything before the cut. The damage is reported
// once, naming the member and its byte offset, and the stream shows a break there (see
// TakeBreak) so that no reader joins the bytes on either side into one record.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

class CompressedFile {
 public:
  // Told about each damaged stretch that reading skipped: a corrupt or truncated gzip
  // member, or bytes between members that are no gzip data. One line, no file name.
  using DamageSink = std::function<void(const std::string&)>;

  // Check ok() after construction; error() says why opening failed. Without a
  // DamageSink, damage is an error that ends reading (a short file is never silent).
  explicit CompressedFile(const std::string& path, DamageSink on_damage = nullptr);
  ~CompressedFile();
  CompressedFile(const CompressedFile&) = delete;
  CompressedFile& operator=(const CompressedFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Reads up to `size` bytes; returns 0 at the end of the data, on error (see ok()) and
  // at a break (see TakeBreak).
  size_t Read(char* buffer, size_t size);

  // After Read returned 0: whether it stopped at a damaged stretch rather than at the end
  // of the data. The bytes before and after a break do not join up; the next Read goes
  // on after the damage. Taking the break clears it.
  bool TakeBreak();

  // Uncompressed bytes delivered so far.
  uint64_t position() const { return position_; }

 private:
  bool FillInput();
  uint64_t InputOffset() const;
  bool StartMember();
  void Damage(std::string what);

  std::FILE* file_ = nullptr;
  std::string error_;
  DamageSink on_damage_;
  uint64_t position_ = 0;

  bool gzip_ = false;
  z_stream stream_{};
  bool stream_ready_ = false;
  std::vector<unsigned char> input_;  // compressed bytes; stream_.next_in points into it
  uint64_t input_start_ = 0;          // file offset of input_[0]
  bool input_end_ = false;            // the file has no more bytes
  bool in_member_ = false;
  int member_ = 0;                 // number of the member being inflated, from 1
  uint64_t member_start_ = 0;      // its file offset
  std::string pending_damage_;     // reported once reading knows where it resumes
  bool skipped_nonzero_ = false;   // the stretch being skipped holds more than zero padding
  bool stretch_broken_ = false;    // the break for that stretch has been given
  std::string held_;               // inflated bytes not yet delivered (see kUnverifiedBytes)
  size_t held_pos_ = 0;            // where the undelivered ones start
  size_t deliverable_ = 0;         // how many of them may be delivered
  bool break_after_held_ = false;  // give a break once they are
  bool break_ = false;
  bool end_ = false;
};

// Reads one record-sized unit at a time: lines (for JSON Lines), exact byte counts (for
// WARC blocks), runs of blank lines, or up to a line that starts a record, over a
// CompressedFile, with a size limit per unit.
class ChunkReader {
 public:
  ChunkReader(CompressedFile& file, size_t max_unit_bytes) : file_(file), max_(max_unit_bytes) {}

  // kBroken: the unit was cut by a damaged stretch of the file (already reported by the
  // file's DamageSink); reading goes on with the bytes after it.
  enum class Status { kOk, kEnd, kTooLong, kError, kBroken };

  // Skips a UTF-8 byte-order mark at the current position, if there is one.
  void SkipByteOrderMark();

  // The next line without its '\n' (a trailing '\r' is kept for the caller to judge).
  // kTooLong: the line exceeded the limit and was skipped up to its end.
  Status NextLine(std::string& line);

  // Up to `size` bytes into `out`: kOk when all of them came, kEnd or kBroken with the
  // bytes before the end or the break; kTooLong, reading nothing, past the limit.
  Status Read(size_t size, std::string& out);

  // Skips spaces, tabs and line ends; `newlines` counts the '\n' among them. kTooLong:
  // more than the limit of them in a row (a bomb of blank lines), stopped there.
  Status SkipBlank(size_t& newlines);

  // Skips to the start of the next line that begins with `prefix` (the current position
  // counts when a line starts there), but never more than `limit` bytes (kTooLong, having
  // skipped exactly `limit`). A break counts as a line start. `skipped` counts the bytes.
  Status SkipToLine(std::string_view prefix, uint64_t limit, uint64_t& skipped);

  // Up to `size` bytes ahead, without consuming them; fewer at the end or a break.
  std::string_view Peek(size_t size);

  // Puts `bytes`, which start a line, back in front of what is still to be read.
  void PushBack(std::string_view bytes);

  const CompressedFile& file() const { return file_; }

 private:
  enum class Fill { kMore, kEnd, kBreak, kError };
  Fill FillBuffer();
  // Forgets the bytes before a break, which belong to no complete unit.
  void Drop();
  Status SkipLongLine();
  bool AtLineStart() const;

  CompressedFile& file_;
  size_t max_;
  std::string buffer_;
  size_t pos_ = 0;
  bool line_start_before_buffer_ = true;  // whether the byte before buffer_ ended a line
  bool break_pending_ = false;            // buffer_ ends at a break: fill no more until Drop
};

}  // namespace storyline
