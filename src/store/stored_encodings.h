// How both back ends write the values they store in their own encodings, so a PostgreSQL
// store and a SQLite store hold the same bytes and match the same words.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace storyline {

// The content hash as 16 big-endian bytes (high half first).
std::array<uint8_t, 16> HashBytes(const ContentHash& hash);

// A near-duplicate signature as little-endian 32-bit slots, so a store reads the same on
// any host; nullopt for bytes of another length.
std::vector<uint8_t> SignatureBytes(const MinHashSignature& signature);
std::optional<MinHashSignature> SignatureFromBytes(std::span<const uint8_t> bytes);

// A speaker name or id as lower-case words separated by single spaces: "Antony Blinken",
// "antony-blinken" and " ANTONY  blinken" all become "antony blinken".
std::string SpeakerWords(std::string_view name);

// SQL for SpeakerWords(column) padded with spaces, in the SQL both engines share; lower()
// folds ASCII only there, as AsciiLower does.
std::string SqlSpeakerWords(std::string_view column);

}  // namespace storyline
