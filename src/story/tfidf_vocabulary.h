// Feature strings interned to dense ids, with document frequencies counted online so
// that inverse document frequency always reflects the corpus seen so far.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace storyline {

// A sparse vector: (feature id, weight) sorted by id, ids unique.
using SparseVector = std::vector<std::pair<uint32_t, float>>;

class TfIdfVocabulary {
 public:
  // The id of `feature`, adding it (with document frequency 0) when new.
  uint32_t Intern(std::string_view feature);
  const std::string& Name(uint32_t id) const { return names_[id]; }

  // Counts one more document holding each of `ids` (each id once).
  void CountDocument(std::span<const uint32_t> ids);

  // Writes the counts so far as background counts: a line "documents<TAB>N", then
  // "feature<TAB>df" lines (HashedDocumentFrequencies::AddBackground reads them).
  void WriteCounts(std::ostream& out) const;

  uint64_t documents() const { return documents_; }
  size_t size() const { return names_.size(); }
  uint32_t DocumentFrequency(uint32_t id) const { return document_frequency_[id]; }

  // ln(1 + N / df): positive for every feature, largest for the rarest; a feature not
  // yet counted is treated as seen once.
  float Idf(uint32_t id) const;

  // Compact binary form, for resuming online counts in a later run. Load throws
  // std::runtime_error on malformed input.
  void Save(std::ostream& out) const;
  void Load(std::istream& in);

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
  std::vector<uint32_t> document_frequency_;
  uint64_t documents_ = 0;
};

// Dot product of two sparse vectors.
float Dot(const SparseVector& a, const SparseVector& b);
float SquaredNorm(const SparseVector& v);
// Scales `v` to unit length (no-op for the zero vector).
void Normalize(SparseVector& v);

}  // namespace storyline
