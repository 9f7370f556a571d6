// Labelled dependency parser (Universal Dependencies relations).
//
// Greedy transition-based parsing in the arc-hybrid system (Kuhlmann et al. 2011): a
// stack, a buffer, and three transitions (SHIFT; LEFT: the stack top becomes a
// dependent of the buffer front; RIGHT: the stack top becomes a dependent of the item
// below it). An averaged perceptron over hashed word, tag, child and distance features
// (after Zhang & Nivre 2011) picks the transition; a second perceptron labels each arc
// when it is made, seeing the dependent's finished subtree. One pass, linear time.
//
// Training uses the dynamic oracle of Goldberg & Nivre (2013): at every step the cost
// of each transition (gold arcs it makes unreachable) is known, so after the first
// iteration the parser follows its own predictions, mistakes included, and learns to
// recover from them. Arc-hybrid only builds projective trees: non-projective training
// trees are projectivized first by lifting (each non-projective arc is re-attached to
// the head's head until the tree is projective; Nivre & Nilsson 2005, without label
// encoding), so the parser never predicts the few crossing arcs of English.
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

struct DependencyParserTrainingOptions {
  int iterations = 12;
  int action_hash_bits = 18;
  int label_hash_bits = 17;
  uint32_t seed = 1;  // sentence order and exploration; training is deterministic for a seed
  // From this iteration on (0-based), the parser follows its own predicted transition
  // with probability explore_probability, even when it is wrong.
  int explore_from_iteration = 1;
  double explore_probability = 0.9;
};

class DependencyParser {
 public:
  // Throws std::runtime_error("path: what") for a missing or malformed model file.
  static DependencyParser Load(const std::filesystem::path& path);
  static DependencyParser Load(std::istream& in);

  // Trains on the gold trees of `sentences`, with `tags[s]` the tags of sentence s's
  // words (gold, or better, predicted by a tagger that did not see the sentence).
  // Throws std::runtime_error("file:line: what") for a relation outside kDeprels or a
  // sentence that is not one tree.
  static DependencyParser Train(const std::vector<ConlluSentence>& sentences,
                                const std::vector<std::vector<PosTag>>& tags,
                                const DependencyParserTrainingOptions& options,
                                const std::function<void(std::string_view)>& progress = {});

  void Save(const std::filesystem::path& path) const;
  void Save(std::ostream& out) const;

  // Parses every sentence of `tokens` (from the tokenizer, for `text`) given one tag per
  // token (std::invalid_argument otherwise); `out` gets one dependency per token, heads
  // as token indices. Thread-safe.
  void Parse(std::string_view text, const TokenizedText& tokens, std::span<const PosTag> tags,
             std::vector<Dependency>& out) const;

  // Parses one sentence; `out` must hold words.size() entries, heads as positions in
  // `words` (-1 at the root). Thread-safe.
  void ParseSentence(std::span<const std::string_view> words, std::span<const PosTag> tags,
                     std::span<Dependency> out) const;

 private:
  class Trainer;

  DependencyParser() = default;

  AveragedPerceptron actions_;
  AveragedPerceptron labels_;  // classes are positions in kDeprels
};

}  // namespace storyline
