// A multi-class averaged perceptron over hashed features (Collins 2002), the learner
// behind the tagger, the parser and the entity recognizer.
//
// Features are 64-bit hashes of feature strings (see FeatureHash); the low bits pick one
// row of a table holding one weight per class, so scoring needs no dictionary.
// Collisions are rare enough at 2^18..2^20 rows to cost nothing measurable in accuracy.
//
// Two forms. While training, the table is dense (rows x classes) and keeps, per weight,
// the running total needed for averaging (the "lazy update" trick: a weight's
// contribution is added to its total only when it changes). Average() ends training and
// turns the table into its scoring form; Load() builds the scoring form directly from
// the file, which stores per row only the classes with a non-zero weight.
//
// Scoring is memory-bound (a model is megabytes, each feature a random row), so the
// scoring form is laid out for one cache miss per feature:
//  - at most 16 classes: every row in full, 4 or 16 floats, never straddling a cache
//    line (the parser's 3 actions: 16 bytes a row);
//  - more classes: one 32-byte slot per row holding its first few non-zero weights
//    inline; the rare longer rows continue in an overflow array, and the few rows that
//    hold a good share of the classes (the bias, the commonest contexts: the rows read
//    most) are stored whole, every class, and added with vector adds, which costs less
//    than a load, an add and a store per entry.
// All add each feature's weights in feature order, as the file's sparse rows would, and
// a class a row lacks gains 0.0f, which leaves a sum unchanged: scores are bit-for-bit
// those of the sparse form.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>
#include <vector>

namespace storyline {

// FNV-1a, 64 bit: stable across platforms and runs, so model files stay valid.
constexpr uint64_t FeatureHash(std::string_view s, uint64_t seed = 0xcbf29ce484222325ULL) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

class AveragedPerceptron {
 public:
  AveragedPerceptron() = default;
  // At most 65536 classes and 2^26 rows.
  AveragedPerceptron(int num_classes, int hash_bits);

  int num_classes() const { return num_classes_; }

  // scores[c] += sum of weights of every feature for class c. `scores` must hold
  // num_classes() values and is not cleared first.
  void AddScores(std::span<const uint64_t> features, std::span<float> scores) const;

  // The highest-scoring class; ties go to the lowest class index (deterministic).
  int Predict(std::span<const uint64_t> features) const;

  // One perceptron step: reward `truth`, penalise `guess` (no-op when equal).
  // Only before Average().
  void Update(std::span<const uint64_t> features, int truth, int guess);

  // A step of a structured update, for learners that score whole sequences (Collins
  // 2002): adds `delta` to class `c`'s weight of every feature. The steps of one example
  // make one update, so they do not advance the averaging clock; Tick() does, once per
  // example. Only before Average().
  void Adjust(std::span<const uint64_t> features, int c, float delta);
  void Tick() { ++clock_; }

  // Replaces the weights by their average over all updates and switches to the scoring
  // form. Ends training.
  void Average();

  // Compact binary format: header, then each non-zero row as its non-zero weights.
  void Save(std::ostream& out) const;
  // Throws std::runtime_error on a malformed or truncated file.
  void Load(std::istream& in);

 private:
  struct Entry {
    uint32_t class_index;
    float weight;
  };
  // Rows as the file stores them: row r's weights are entries[row_begin[r] ..
  // row_begin[r + 1]).
  struct SparseRows {
    std::vector<uint32_t> row_begin;
    std::vector<Entry> entries;
  };
  // A row of a model with more than kMaxDenseClasses classes: its first kInlineEntries
  // non-zero weights, then overflow_count more at overflow_[overflow_begin]; or, when
  // overflow_count is kWholeRow, no inline entries and the whole row at
  // whole_rows_[overflow_begin], row_width_ floats.
  static constexpr int kInlineEntries = 4;
  static constexpr uint16_t kWholeRow = 0xffff;
  struct alignas(32) Slot {
    uint16_t inline_count;
    uint16_t overflow_count;
    uint16_t class_index[kInlineEntries];
    float weight[kInlineEntries];
    uint32_t overflow_begin;
  };
  static_assert(sizeof(Slot) == 32);
  static constexpr int kMaxDenseClasses = 16;
  struct alignas(64) CacheLine {
    float weight[16];
  };
  // Whole rows only for models of at most this many classes (the scores are summed in a
  // buffer on the stack), and for rows with at least 1/kWholeRowShare of the classes.
  static constexpr int kMaxWholeRowClasses = 256;
  static constexpr int kWholeRowShare = 4;

  size_t Row(uint64_t feature) const { return feature & row_mask_; }
  void Touch(size_t index);
  SparseRows TrainingRows() const;
  SparseRows ScoringRows() const;
  void BuildScoringForm(const SparseRows& rows);
  // Whether a row read from a file is as the trainer writes rows (classes ascending,
  // weights non-zero), so that storing it whole and saving it again gives its bytes back.
  static bool IsAscendingNonZero(const Entry* entries, uint32_t count);
  void AddDenseScores(std::span<const uint64_t> features, std::span<float> scores) const;
  void AddSlotScores(std::span<const uint64_t> features, std::span<float> scores) const;
  void AddSlotRows(std::span<const uint64_t> features, float* sums) const;

  int num_classes_ = 0;
  uint64_t row_mask_ = 0;
  // Training form: rows x classes; empty once averaged or loaded.
  std::vector<float> weights_;
  // Training only: accumulated weight*time and the step of the last change.
  std::vector<double> totals_;
  std::vector<uint32_t> stamps_;
  uint32_t clock_ = 1;
  // Scoring form, one of: dense rows of dense_width_ floats packed in cache lines, or
  // slots with their overflow and whole rows (row_width_ floats each: num_classes_
  // rounded up to whole cache lines; 0 when the model has none).
  int dense_width_ = 0;
  std::vector<CacheLine> dense_;
  std::vector<Slot> slots_;
  std::vector<Entry> overflow_;
  int row_width_ = 0;
  std::vector<CacheLine> whole_rows_;
};

}  // namespace storyline
