#include "nlp/feature_hashing.h"

#include <algorithm>

#include "nlp/averaged_perceptron.h"

namespace storyline {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; }

// Bytes of multi-byte UTF-8 characters count as lower-case letters: most are letters
// ("Zurbarán" -> "Xxxxx"), and a shape only needs to be consistent.
char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'x';
  return char(c);
}

}  // namespace

WordHashes HashWord(std::string_view word) {
  WordHashes h;
  h.form = FeatureHash(word);
  // Lower case and shape are hashed byte by byte, so no string is built.
  uint64_t lower = 0xcbf29ce484222325ULL;
  uint64_t shape = 0xcbf29ce484222325ULL;
  char previous_class = 0;
  int run = 0;
  bool digit = false, hyphen = false, upper = false, lower_letter = false;
  for (char c : word) {
    lower = (lower ^ static_cast<unsigned char>(AsciiLower(c))) * 0x100000001b3ULL;
    const char cls = ShapeClass(static_cast<unsigned char>(c));
    run = cls == previous_class ? run + 1 : 1;
    previous_class = cls;
    if (run <= 4) shape = (shape ^ static_cast<unsigned char>(cls)) * 0x100000001b3ULL;
    digit |= cls == 'd';
    hyphen |= c == '-';
    upper |= cls == 'X';
    lower_letter |= cls == 'x';
  }
  h.lower = lower;
  h.shape = shape;
  const size_t n = word.size();
  for (int k = 0; k < WordHashes::kAffixes; ++k) {
    const size_t len = std::min(n, size_t(k + 1));
    h.prefix[k] = FeatureHash(word.substr(0, len));
    uint64_t suffix = 0xcbf29ce484222325ULL;
    for (char c : word.substr(n - len)) {
      suffix = (suffix ^ static_cast<unsigned char>(AsciiLower(c))) * 0x100000001b3ULL;
    }
    h.suffix[k] = suffix;
  }
  h.flags = uint64_t(digit) | uint64_t(hyphen) << 1 | uint64_t(upper) << 2 |
            uint64_t(upper && !lower_letter) << 3;
  return h;
}

WordHashes BoundaryWordHashes(uint64_t marker) {
  WordHashes h;
  const uint64_t v = MixBits(marker);
  h.form = h.lower = h.shape = h.flags = v;
  std::fill(std::begin(h.prefix), std::end(h.prefix), v);
  std::fill(std::begin(h.suffix), std::end(h.suffix), v);
  return h;
}

}  // namespace storyline
