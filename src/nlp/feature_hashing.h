// Hashed features for the tagger and the parser, built without strings.
//
// Each word's strings (lower case, shape, affixes) are hashed once per token; a feature
// is then a template number mixed with one to three such hashes. Mixing is a 64-bit
// finalizer (from SplitMix64), so every bit of the result, including the low bits that
// pick a perceptron row, depends on every input bit. Everything here is fixed
// arithmetic: the same word gives the same hash on every platform and run, as model
// files require.
#pragma once

#include <cstdint>
#include <string_view>

namespace storyline {

constexpr uint64_t MixBits(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr uint64_t Feature(uint64_t template_id, uint64_t a) {
  return MixBits(MixBits(template_id + 0x9e3779b97f4a7c15ULL) ^ a);
}
constexpr uint64_t Feature(uint64_t template_id, uint64_t a, uint64_t b) {
  return MixBits(Feature(template_id, a) ^ b);
}
constexpr uint64_t Feature(uint64_t template_id, uint64_t a, uint64_t b, uint64_t c) {
  return MixBits(Feature(template_id, a, b) ^ c);
}

// The per-word hashes that features are built from.
struct WordHashes {
  static constexpr int kAffixes = 4;
  uint64_t form = 0;               // exact form
  uint64_t lower = 0;              // ASCII letters lower-cased
  uint64_t shape = 0;              // Xxxx / dd,ddd / X.X. with runs cut to four, as WordShape()
  uint64_t prefix[kAffixes] = {};  // first 1..4 bytes of the form
  uint64_t suffix[kAffixes] = {};  // last 1..4 bytes of the lower-cased form
  uint64_t flags = 0;              // has a digit, a hyphen, an upper-case letter; all upper case
};

WordHashes HashWord(std::string_view word);

// Stand-ins for the positions before the first word and after the last one.
WordHashes BoundaryWordHashes(uint64_t marker);

}  // namespace storyline
