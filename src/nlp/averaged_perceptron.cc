#include "nlp/averaged_perceptron.h"

#include <algorithm>
#include <istream>
#include <ostream>
#include <stdexcept>

namespace storyline {
namespace {

constexpr uint32_t kMagic = 0x50415453;  // "STAP"
// Version 2: sparse rows, stored as whole arrays so that loading is a few bulk reads.
constexpr uint32_t kVersion = 2;
constexpr int kMaxHashBits = 26;
constexpr int kMaxClasses = 65536;

template <typename T>
void WritePod(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void WriteArray(std::ostream& out, const std::vector<T>& values) {
  out.write(reinterpret_cast<const char*>(values.data()),
            std::streamsize(sizeof(T) * values.size()));
}

template <typename T>
T ReadPod(std::istream& in) {
  T value{};
  if (!in.read(reinterpret_cast<char*>(&value), sizeof(T))) {
    throw std::runtime_error("perceptron model: truncated file");
  }
  return value;
}

// Reads `count` values in bounded chunks, so that a corrupt count in the header fails
// as a truncated file instead of one huge allocation.
template <typename T>
std::vector<T> ReadArray(std::istream& in, uint64_t count) {
  constexpr uint64_t kChunk = uint64_t{1} << 20;
  std::vector<T> values;
  while (values.size() < count) {
    const size_t done = values.size();
    const size_t n = size_t(std::min(kChunk, count - done));
    values.resize(done + n);
    if (!in.read(reinterpret_cast<char*>(values.data() + done), std::streamsize(sizeof(T) * n))) {
      throw std::runtime_error("perceptron model: truncated file");
    }
  }
  return values;
}

}  // namespace

AveragedPerceptron::AveragedPerceptron(int num_classes, int hash_bits) {
  if (num_classes <= 0 || num_classes > kMaxClasses || hash_bits <= 0 || hash_bits > kMaxHashBits) {
    throw std::invalid_argument("perceptron: bad number of classes or hash bits");
  }
  num_classes_ = num_classes;
  row_mask_ = (uint64_t{1} << hash_bits) - 1;
  weights_.assign((size_t{1} << hash_bits) * num_classes, 0.0f);
}

void AveragedPerceptron::AddScores(std::span<const uint64_t> features,
                                   std::span<float> scores) const {
  if (!weights_.empty()) {
    for (uint64_t f : features) {
      const float* row = &weights_[Row(f) * num_classes_];
      for (int c = 0; c < num_classes_; ++c) scores[c] += row[c];
    }
    return;
  }
  if (row_begin_.empty()) return;
  // Each feature costs a cache miss or two in a large model. Looking up every row's
  // extent before reading any weights lets those misses overlap instead of queueing.
  constexpr size_t kBatch = 64;
  uint32_t begin[kBatch], end[kBatch];
  for (size_t first = 0; first < features.size(); first += kBatch) {
    const size_t n = std::min(kBatch, features.size() - first);
    for (size_t i = 0; i < n; ++i) {
      const size_t r = Row(features[first + i]);
      begin[i] = row_begin_[r];
      end[i] = row_begin_[r + 1];
      __builtin_prefetch(entries_.data() + begin[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      for (const Entry* e = entries_.data() + begin[i]; e != entries_.data() + end[i]; ++e) {
        scores[e->class_index] += e->weight;
      }
    }
  }
}

int AveragedPerceptron::Predict(std::span<const uint64_t> features) const {
  // Scores live on the stack for the usual class counts: prediction is the hot path.
  constexpr int kStackClasses = 512;
  float stack_scores[kStackClasses];
  std::vector<float> heap_scores;
  std::span<float> scores;
  if (num_classes_ <= kStackClasses) {
    scores = std::span<float>(stack_scores, num_classes_);
    std::fill(scores.begin(), scores.end(), 0.0f);
  } else {
    heap_scores.assign(num_classes_, 0.0f);
    scores = heap_scores;
  }
  AddScores(features, scores);
  int best = 0;
  for (int c = 1; c < num_classes_; ++c) {
    if (scores[c] > scores[best]) best = c;
  }
  return best;
}

void AveragedPerceptron::Touch(size_t index) {
  if (totals_.empty()) {
    totals_.assign(weights_.size(), 0.0);
    stamps_.assign(weights_.size(), 0);
  }
  totals_[index] += double(clock_ - stamps_[index]) * weights_[index];
  stamps_[index] = clock_;
}

void AveragedPerceptron::Update(std::span<const uint64_t> features, int truth, int guess) {
  if (weights_.empty()) throw std::logic_error("perceptron: update after training ended");
  ++clock_;
  if (truth == guess) return;
  for (uint64_t f : features) {
    const size_t row = Row(f) * num_classes_;
    Touch(row + truth);
    Touch(row + guess);
    weights_[row + truth] += 1.0f;
    weights_[row + guess] -= 1.0f;
  }
}

void AveragedPerceptron::Average() {
  if (weights_.empty()) return;
  if (!totals_.empty()) {
    for (size_t i = 0; i < weights_.size(); ++i) {
      const double total = totals_[i] + double(clock_ - stamps_[i]) * weights_[i];
      weights_[i] = float(total / clock_);
    }
  }
  BuildSparse(row_begin_, entries_);
  weights_.clear();
  weights_.shrink_to_fit();
  totals_.clear();
  totals_.shrink_to_fit();
  stamps_.clear();
  stamps_.shrink_to_fit();
}

void AveragedPerceptron::BuildSparse(std::vector<uint32_t>& row_begin,
                                     std::vector<Entry>& entries) const {
  const size_t rows = row_mask_ + 1;
  row_begin.assign(rows + 1, 0);
  entries.clear();
  for (size_t r = 0; r < rows; ++r) {
    row_begin[r] = uint32_t(entries.size());
    const float* row = &weights_[r * num_classes_];
    for (int c = 0; c < num_classes_; ++c) {
      if (row[c] != 0.0f) entries.push_back({uint32_t(c), row[c]});
    }
  }
  row_begin[rows] = uint32_t(entries.size());
}

void AveragedPerceptron::Save(std::ostream& out) const {
  std::vector<uint32_t> dense_row_begin;
  std::vector<Entry> dense_entries;
  if (!weights_.empty()) BuildSparse(dense_row_begin, dense_entries);
  const std::vector<uint32_t>& row_begin = weights_.empty() ? row_begin_ : dense_row_begin;
  const std::vector<Entry>& entries = weights_.empty() ? entries_ : dense_entries;

  std::vector<uint32_t> rows_used;
  std::vector<uint32_t> counts;
  for (size_t r = 0; r + 1 < row_begin.size(); ++r) {
    if (row_begin[r + 1] == row_begin[r]) continue;
    rows_used.push_back(uint32_t(r));
    counts.push_back(row_begin[r + 1] - row_begin[r]);
  }
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  classes.reserve(entries.size());
  weights.reserve(entries.size());
  for (const Entry& e : entries) {
    classes.push_back(uint16_t(e.class_index));
    weights.push_back(e.weight);
  }
  WritePod(out, kMagic);
  WritePod(out, kVersion);
  WritePod(out, uint32_t(num_classes_));
  WritePod(out, uint64_t(row_mask_ + 1));
  WritePod(out, uint64_t(rows_used.size()));
  WritePod(out, uint64_t(entries.size()));
  WriteArray(out, rows_used);
  WriteArray(out, counts);
  WriteArray(out, classes);
  WriteArray(out, weights);
}

void AveragedPerceptron::Load(std::istream& in) {
  if (ReadPod<uint32_t>(in) != kMagic) throw std::runtime_error("perceptron model: bad magic");
  if (ReadPod<uint32_t>(in) != kVersion) {
    throw std::runtime_error("perceptron model: unsupported version");
  }
  const uint32_t num_classes = ReadPod<uint32_t>(in);
  const uint64_t rows = ReadPod<uint64_t>(in);
  const uint64_t used_rows = ReadPod<uint64_t>(in);
  const uint64_t num_entries = ReadPod<uint64_t>(in);
  if (num_classes == 0 || num_classes > uint32_t(kMaxClasses) || rows == 0 ||
      (rows & (rows - 1)) != 0 || rows > (uint64_t{1} << kMaxHashBits) || used_rows > rows ||
      num_entries > used_rows * num_classes) {
    throw std::runtime_error("perceptron model: bad header");
  }
  const std::vector<uint32_t> rows_used = ReadArray<uint32_t>(in, used_rows);
  const std::vector<uint32_t> counts = ReadArray<uint32_t>(in, used_rows);
  const std::vector<uint16_t> classes = ReadArray<uint16_t>(in, num_entries);
  const std::vector<float> weights = ReadArray<float>(in, num_entries);

  std::vector<uint32_t> row_begin(rows + 1, 0);
  uint64_t next = 0;
  for (uint64_t i = 0; i < used_rows; ++i) {
    if (rows_used[i] >= rows || (i > 0 && rows_used[i] <= rows_used[i - 1]) || counts[i] == 0 ||
        counts[i] > num_classes) {
      throw std::runtime_error("perceptron model: bad row table");
    }
    next += counts[i];
    row_begin[rows_used[i] + 1] = uint32_t(next);
  }
  if (next != num_entries) throw std::runtime_error("perceptron model: bad row table");
  // Rows without entries start where the previous row ended.
  for (uint64_t r = 1; r <= rows; ++r) row_begin[r] = std::max(row_begin[r], row_begin[r - 1]);

  std::vector<Entry> entries(num_entries);
  for (uint64_t i = 0; i < num_entries; ++i) {
    if (classes[i] >= num_classes) throw std::runtime_error("perceptron model: class out of range");
    entries[i] = {classes[i], weights[i]};
  }
  num_classes_ = int(num_classes);
  row_mask_ = rows - 1;
  row_begin_ = std::move(row_begin);
  entries_ = std::move(entries);
  weights_.clear();
  totals_.clear();
  stamps_.clear();
}

}  // namespace storyline
