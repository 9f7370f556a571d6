#include "story/near_duplicate.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>
#include <vector>

namespace storyline {
namespace {

bool IsWordCodePoint(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:  // combining marks stay inside their word
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

// Joins the word runs of already-mapped UTF-8 with single spaces. Invalid bytes are
// treated as separators so that a stray byte never merges two words.
std::string JoinWords(std::string_view mapped) {
  std::string out;
  out.reserve(mapped.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(mapped.data());
  const auto size = static_cast<utf8proc_ssize_t>(mapped.size());
  bool in_word = false;
  for (utf8proc_ssize_t i = 0; i < size;) {
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + i, size - i, &c);
    if (n <= 0) {
      n = 1;
      c = -1;
    }
    if (c >= 0 && IsWordCodePoint(c)) {
      if (!in_word && !out.empty()) out.push_back(' ');
      out.append(mapped.substr(i, n));
      in_word = true;
    } else {
      in_word = false;
    }
    i += n;
  }
  return out;
}

// splitmix64's finalizer: a cheap, well-mixed way to derive many hash functions from one.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::array<uint64_t, kMinHashSlots> MakeSlotSeeds() {
  std::array<uint64_t, kMinHashSlots> seeds{};
  for (int i = 0; i < kMinHashSlots; ++i) seeds[i] = Mix(0x9e3779b97f4a7c15ULL * (i + 1));
  return seeds;
}

}  // namespace

std::string NormalizeForDuplicates(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  if (n < 0) return JoinWords(text);  // invalid UTF-8: keep the bytes, split on them
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return JoinWords(std::string_view(reinterpret_cast<const char*>(mapped), n));
}

MinHashSignature ComputeMinHash(std::string_view normalized_text, int shingle_words) {
  static const std::array<uint64_t, kMinHashSlots> kSeeds = MakeSlotSeeds();
  std::vector<size_t> word_starts;
  for (size_t i = 0; i < normalized_text.size(); ++i) {
    if (i == 0 || normalized_text[i - 1] == ' ') word_starts.push_back(i);
  }
  std::array<uint64_t, kMinHashSlots> mins;
  mins.fill(std::numeric_limits<uint64_t>::max());
  // A text shorter than one shingle is a single shingle of all its words.
  const size_t words = word_starts.size();
  const size_t shingles =
      words <= static_cast<size_t>(shingle_words) ? 1 : words - shingle_words + 1;
  for (size_t s = 0; s < shingles && words > 0; ++s) {
    const size_t begin = word_starts[s];
    const size_t last = s + shingle_words;
    const size_t end = last < words ? word_starts[last] - 1 : normalized_text.size();
    const uint64_t h = XXH3_64bits(normalized_text.data() + begin, end - begin);
    for (int i = 0; i < kMinHashSlots; ++i) mins[i] = std::min(mins[i], Mix(h ^ kSeeds[i]));
  }
  MinHashSignature signature;
  for (int i = 0; i < kMinHashSlots; ++i) signature[i] = static_cast<uint32_t>(mins[i]);
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  int equal = 0;
  for (int i = 0; i < kMinHashSlots; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / kMinHashSlots;
}

DuplicateFingerprint FingerprintText(std::string_view text) {
  DuplicateFingerprint fingerprint;
  const std::string normalized = NormalizeForDuplicates(text);
  fingerprint.normalized_hash = XXH3_64bits(normalized.data(), normalized.size());
  if (normalized.empty()) return fingerprint;
  fingerprint.has_signature = true;
  fingerprint.signature = ComputeMinHash(normalized);
  for (int band = 0; band < kLshBands; ++band) {
    fingerprint.band_keys[band] =
        XXH3_64bits_withSeed(&fingerprint.signature[band * kLshRowsPerBand],
                             kLshRowsPerBand * sizeof(uint32_t), static_cast<uint64_t>(band));
  }
  return fingerprint;
}

}  // namespace storyline
