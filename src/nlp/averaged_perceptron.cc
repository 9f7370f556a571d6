#include "nlp/averaged_perceptron.h"

#include <algorithm>
#include <cstring>
#include <istream>
#include <ostream>
#include <stdexcept>

#include "core/binary_io.h"

namespace storyline {
namespace {

constexpr std::string_view kFileKind = "perceptron model";  // for errors

constexpr uint32_t kMagic = 0x50415453;  // "STAP"
// Version 2: sparse rows, stored as whole arrays so that loading is a few bulk reads.
constexpr uint32_t kVersion = 2;
constexpr int kMaxHashBits = 26;
constexpr int kMaxClasses = 65536;

template <typename T>
void WriteArray(std::ostream& out, const std::vector<T>& values) {
  out.write(reinterpret_cast<const char*>(values.data()),
            std::streamsize(sizeof(T) * values.size()));
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
  if (dense_width_ > 0) {
    AddDenseScores(features, scores);
  } else if (!slots_.empty()) {
    AddSlotScores(features, scores);
  }
}

namespace {

// Four floats added lane by lane in one instruction, each lane exactly as a scalar add.
using Float4 = float __attribute__((vector_size(16)));

Float4 LoadFloat4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Adds the kWidth-float rows of `features` to `sums`. The sums stay in registers and
// every class is summed in feature order, so the result equals scalar addition.
template <int kWidth, typename RowOf>
void SumDenseRows(std::span<const uint64_t> features, RowOf&& row_of, float* sums) {
  constexpr int kLanes = kWidth / 4;
  Float4 acc[kLanes];
  for (int j = 0; j < kLanes; ++j) acc[j] = LoadFloat4(sums + 4 * j);
  // Asking for a batch of rows before reading any lets their cache misses overlap.
  constexpr size_t kBatch = 16;
  const float* rows[kBatch];
  for (size_t first = 0; first < features.size(); first += kBatch) {
    const size_t n = std::min(kBatch, features.size() - first);
    for (size_t i = 0; i < n; ++i) {
      rows[i] = row_of(features[first + i]);
      __builtin_prefetch(rows[i]);
    }
    for (size_t i = 0; i < n; ++i) {
#pragma GCC unroll 4
      for (int j = 0; j < kLanes; ++j) acc[j] += LoadFloat4(rows[i] + 4 * j);
    }
  }
  for (int j = 0; j < kLanes; ++j) std::memcpy(sums + 4 * j, &acc[j], sizeof acc[j]);
}

// sums[0..16) += line[0..16): four vector adds.
void AddLine(float* sums, const float* line) {
#pragma GCC unroll 4
  for (int j = 0; j < 4; ++j) {
    const Float4 sum = LoadFloat4(sums + 4 * j) + LoadFloat4(line + 4 * j);
    std::memcpy(sums + 4 * j, &sum, sizeof sum);
  }
}

}  // namespace

void AveragedPerceptron::AddDenseScores(std::span<const uint64_t> features,
                                        std::span<float> scores) const {
  const auto row_of = [this](uint64_t feature) {
    const size_t first = Row(feature) * size_t(dense_width_);
    return dense_[first / 16].weight + first % 16;
  };
  float sums[16] = {};
  std::copy(scores.begin(), scores.begin() + num_classes_, sums);
  if (dense_width_ == 4) {
    SumDenseRows<4>(features, row_of, sums);
  } else {
    SumDenseRows<16>(features, row_of, sums);
  }
  std::copy(sums, sums + num_classes_, scores.begin());
}

void AveragedPerceptron::AddSlotScores(std::span<const uint64_t> features,
                                       std::span<float> scores) const {
  if (row_width_ == 0) {
    AddSlotRows(features, scores.data());
    return;
  }
  // Whole rows are added a cache line at a time: the sums need room for the padding.
  alignas(64) float sums[kMaxWholeRowClasses];
  std::copy(scores.begin(), scores.begin() + num_classes_, sums);
  std::fill(sums + num_classes_, sums + row_width_, 0.0f);
  AddSlotRows(features, sums);
  std::copy(sums, sums + num_classes_, scores.begin());
}

void AveragedPerceptron::AddSlotRows(std::span<const uint64_t> features, float* sums) const {
  constexpr size_t kBatch = 32;
  const Slot* slots[kBatch];
  float* const sums_end = sums + row_width_;
  for (size_t first = 0; first < features.size(); first += kBatch) {
    const size_t n = std::min(kBatch, features.size() - first);
    for (size_t i = 0; i < n; ++i) {
      slots[i] = &slots_[Row(features[first + i])];
      __builtin_prefetch(slots[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      const Slot& slot = *slots[i];
      if (slot.overflow_count == kWholeRow) {
        const CacheLine* line = &whole_rows_[slot.overflow_begin];
        for (float* s = sums; s != sums_end; s += 16, ++line) AddLine(s, line->weight);
        continue;
      }
      for (int k = 0; k < slot.inline_count; ++k) sums[slot.class_index[k]] += slot.weight[k];
      const Entry* overflow = overflow_.data() + slot.overflow_begin;
      for (int k = 0; k < slot.overflow_count; ++k) {
        sums[overflow[k].class_index] += overflow[k].weight;
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

void AveragedPerceptron::Adjust(std::span<const uint64_t> features, int c, float delta) {
  if (weights_.empty()) throw std::logic_error("perceptron: update after training ended");
  for (uint64_t f : features) {
    const size_t index = Row(f) * num_classes_ + c;
    Touch(index);
    weights_[index] += delta;
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
  BuildScoringForm(TrainingRows());
  weights_.clear();
  weights_.shrink_to_fit();
  totals_.clear();
  totals_.shrink_to_fit();
  stamps_.clear();
  stamps_.shrink_to_fit();
}

AveragedPerceptron::SparseRows AveragedPerceptron::TrainingRows() const {
  const size_t rows = row_mask_ + 1;
  SparseRows sparse;
  sparse.row_begin.assign(rows + 1, 0);
  for (size_t r = 0; r < rows; ++r) {
    sparse.row_begin[r] = uint32_t(sparse.entries.size());
    const float* row = &weights_[r * num_classes_];
    for (int c = 0; c < num_classes_; ++c) {
      if (row[c] != 0.0f) sparse.entries.push_back({uint32_t(c), row[c]});
    }
  }
  sparse.row_begin[rows] = uint32_t(sparse.entries.size());
  return sparse;
}

AveragedPerceptron::SparseRows AveragedPerceptron::ScoringRows() const {
  const size_t rows = dense_width_ > 0 || !slots_.empty() ? row_mask_ + 1 : 0;
  SparseRows sparse;
  sparse.row_begin.assign(rows + 1, 0);
  for (size_t r = 0; r < rows; ++r) {
    sparse.row_begin[r] = uint32_t(sparse.entries.size());
    if (dense_width_ > 0) {
      const size_t first = r * size_t(dense_width_);
      const float* row = dense_[first / 16].weight + first % 16;
      for (int c = 0; c < num_classes_; ++c) {
        if (row[c] != 0.0f) sparse.entries.push_back({uint32_t(c), row[c]});
      }
      continue;
    }
    const Slot& slot = slots_[r];
    if (slot.overflow_count == kWholeRow) {
      const float* row = whole_rows_[slot.overflow_begin].weight;
      for (int c = 0; c < num_classes_; ++c) {
        if (row[c] != 0.0f) sparse.entries.push_back({uint32_t(c), row[c]});
      }
      continue;
    }
    for (int k = 0; k < slot.inline_count; ++k) {
      sparse.entries.push_back({slot.class_index[k], slot.weight[k]});
    }
    sparse.entries.insert(sparse.entries.end(), overflow_.begin() + slot.overflow_begin,
                          overflow_.begin() + slot.overflow_begin + slot.overflow_count);
  }
  sparse.row_begin[rows] = uint32_t(sparse.entries.size());
  return sparse;
}

bool AveragedPerceptron::IsAscendingNonZero(const Entry* entries, uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) {
    if (entries[i].weight == 0.0f) return false;
    if (i > 0 && entries[i].class_index <= entries[i - 1].class_index) return false;
  }
  return true;
}

void AveragedPerceptron::BuildScoringForm(const SparseRows& sparse) {
  const size_t rows = sparse.row_begin.size() - 1;
  dense_width_ = 0;
  dense_.clear();
  slots_.clear();
  overflow_.clear();
  row_width_ = 0;
  whole_rows_.clear();
  if (num_classes_ <= kMaxDenseClasses) {
    dense_width_ = num_classes_ <= 4 ? 4 : 16;
    dense_.assign((rows * dense_width_ + 15) / 16, CacheLine{});
    for (size_t r = 0; r < rows; ++r) {
      const size_t first = r * size_t(dense_width_);
      float* row = dense_[first / 16].weight + first % 16;
      for (uint32_t i = sparse.row_begin[r]; i < sparse.row_begin[r + 1]; ++i) {
        row[sparse.entries[i].class_index] = sparse.entries[i].weight;
      }
    }
    return;
  }
  row_width_ = num_classes_ <= kMaxWholeRowClasses ? (num_classes_ + 15) / 16 * 16 : 0;
  slots_.assign(rows, Slot{});
  for (size_t r = 0; r < rows; ++r) {
    Slot& slot = slots_[r];
    const Entry* entries = sparse.entries.data() + sparse.row_begin[r];
    const uint32_t count = sparse.row_begin[r + 1] - sparse.row_begin[r];
    if (row_width_ > 0 && count * kWholeRowShare >= uint32_t(num_classes_) &&
        IsAscendingNonZero(entries, count)) {
      slot.overflow_count = kWholeRow;
      slot.overflow_begin = uint32_t(whole_rows_.size());
      whole_rows_.resize(whole_rows_.size() + row_width_ / 16);
      float* row = whole_rows_[slot.overflow_begin].weight;
      for (uint32_t i = 0; i < count; ++i) row[entries[i].class_index] = entries[i].weight;
      continue;
    }
    slot.inline_count = uint16_t(std::min<uint32_t>(count, kInlineEntries));
    for (int k = 0; k < slot.inline_count; ++k) {
      slot.class_index[k] = uint16_t(entries[k].class_index);
      slot.weight[k] = entries[k].weight;
    }
    if (count <= uint32_t(kInlineEntries)) continue;
    slot.overflow_begin = uint32_t(overflow_.size());
    slot.overflow_count = uint16_t(count - kInlineEntries);
    overflow_.insert(overflow_.end(), entries + kInlineEntries, entries + count);
  }
}

void AveragedPerceptron::Save(std::ostream& out) const {
  const SparseRows sparse = weights_.empty() ? ScoringRows() : TrainingRows();
  const std::vector<uint32_t>& row_begin = sparse.row_begin;
  const std::vector<Entry>& entries = sparse.entries;

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
  if (ReadPod<uint32_t>(in, kFileKind) != kMagic)
    throw std::runtime_error("perceptron model: bad magic");
  if (ReadPod<uint32_t>(in, kFileKind) != kVersion) {
    throw std::runtime_error("perceptron model: unsupported version");
  }
  const uint32_t num_classes = ReadPod<uint32_t>(in, kFileKind);
  const uint64_t rows = ReadPod<uint64_t>(in, kFileKind);
  const uint64_t used_rows = ReadPod<uint64_t>(in, kFileKind);
  const uint64_t num_entries = ReadPod<uint64_t>(in, kFileKind);
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

  SparseRows sparse{std::move(row_begin), std::vector<Entry>(num_entries)};
  for (uint64_t i = 0; i < num_entries; ++i) {
    if (classes[i] >= num_classes) throw std::runtime_error("perceptron model: class out of range");
    sparse.entries[i] = {classes[i], weights[i]};
  }
  num_classes_ = int(num_classes);
  row_mask_ = rows - 1;
  BuildScoringForm(sparse);
  weights_.clear();
  totals_.clear();
  stamps_.clear();
}

}  // namespace storyline
