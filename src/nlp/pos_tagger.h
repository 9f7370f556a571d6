// Part-of-speech tagger: Universal (UPOS) and Penn Treebank (XPOS) tags together.
//
// A greedy left-to-right averaged perceptron (Collins 2002) with the classic feature set:
// the word, its lower case, shape, prefixes and suffixes of one to four bytes, the
// neighbouring words and their suffixes, and the two tags already predicted before it.
// Each class is one (XPOS, UPOS) pair seen in training, so the pair is always
// consistent ("VBZ" with "AUX" for "is", with "VERB" for "says"). Words that are frequent
// and almost always take one tag in training get it from a small tag dictionary without
// scoring.
//
// Trained on the gold words of a UD treebank (GUM); at run time it tags the tokenizer's
// tokens, which follow the same UD conventions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/averaged_perceptron.h"
#include "nlp/conllu_reader.h"
#include "nlp/syntax.h"
#include "text/token.h"

namespace storyline {

struct PosTaggerTrainingOptions {
  int iterations = 8;
  int hash_bits = 18;
  uint32_t seed = 1;  // sentence order shuffling; training is deterministic for a seed
  // A word enters the tag dictionary when seen this often with one tag this share of
  // the time.
  int dictionary_min_count = 20;
  double dictionary_min_share = 0.97;
};

class PosTagger {
 public:
  // Throws std::runtime_error("path: what") for a missing or malformed model file.
  static PosTagger Load(const std::filesystem::path& path);
  static PosTagger Load(std::istream& in);

  // Throws std::runtime_error("file:line: what") for a tag outside the tag sets of
  // syntax.h. `progress`, when set, receives one line per iteration.
  static PosTagger Train(const std::vector<ConlluSentence>& sentences,
                         const PosTaggerTrainingOptions& options,
                         const std::function<void(std::string_view)>& progress = {});

  void Save(const std::filesystem::path& path) const;
  void Save(std::ostream& out) const;

  // Tags every token of `tokens` (from the tokenizer, for `text`), sentence by
  // sentence; `out` gets one tag per token. Thread-safe.
  void Tag(std::string_view text, const TokenizedText& tokens, std::vector<PosTag>& out) const;

  // Tags one sentence's words; `out` must hold words.size() tags. Thread-safe.
  void TagSentence(std::span<const std::string_view> words, std::span<PosTag> out) const;

 private:
  // A frequent, unambiguous word's tag, looked up by the hash of its form.
  class TagDictionary {
   public:
    void Build(const std::vector<std::pair<uint64_t, uint16_t>>& entries);
    // The class of the word with form hash `key`, or -1.
    int Find(uint64_t key) const;
    const std::vector<std::pair<uint64_t, uint16_t>>& entries() const { return entries_; }

   private:
    std::vector<std::pair<uint64_t, uint16_t>> entries_;  // sorted by key, as saved
    std::vector<uint64_t> keys_;                          // open addressing; 0 is empty
    std::vector<uint16_t> classes_;
  };

  PosTagger() = default;
  template <typename Predict>
  void TagWithPredictor(std::span<const std::string_view> words, std::span<int> classes,
                        Predict&& predict) const;

  std::vector<PosTag> classes_;  // class index -> tag pair
  TagDictionary dictionary_;
  AveragedPerceptron model_;
};

}  // namespace storyline
