#include "store/stored_encodings.h"

#include <fmt/format.h>

#include "text/ascii.h"

namespace storyline {

std::array<uint8_t, 16> HashBytes(const ContentHash& hash) {
  std::array<uint8_t, 16> bytes{};
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<uint8_t>(hash.high >> (56 - 8 * i));
    bytes[8 + i] = static_cast<uint8_t>(hash.low >> (56 - 8 * i));
  }
  return bytes;
}

std::vector<uint8_t> SignatureBytes(const MinHashSignature& signature) {
  std::vector<uint8_t> bytes;
  bytes.reserve(signature.size() * 4);
  for (uint32_t slot : signature) {
    for (int shift = 0; shift < 32; shift += 8) {
      bytes.push_back(static_cast<uint8_t>(slot >> shift));
    }
  }
  return bytes;
}

std::optional<MinHashSignature> SignatureFromBytes(std::span<const uint8_t> bytes) {
  MinHashSignature signature;
  if (bytes.size() != signature.size() * 4) return std::nullopt;
  for (size_t i = 0; i < signature.size(); ++i) {
    signature[i] = uint32_t{bytes[4 * i]} | uint32_t{bytes[4 * i + 1]} << 8 |
                   uint32_t{bytes[4 * i + 2]} << 16 | uint32_t{bytes[4 * i + 3]} << 24;
  }
  return signature;
}

std::string SpeakerWords(std::string_view name) {
  std::string words;
  for (const char c : AsciiLower(name)) {
    const bool separator = c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
    if (!separator) {
      words.push_back(c);
    } else if (!words.empty() && words.back() != ' ') {
      words.push_back(' ');
    }
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

std::string SqlSpeakerWords(std::string_view column) {
  return fmt::format("' ' || lower(replace(replace(coalesce({}, ''), '-', ' '), '_', ' ')) || ' '",
                     column);
}

}  // namespace storyline
