// Story features hashed into a fixed id space, with their document frequencies in an
// array of fixed size, so that neither the ids nor the counts grow with the corpus.
//
// A feature's id is the top `kFeatureIdBits` bits of a 64-bit hash (XXH3) of its string:
// no dictionary, the same id in every run and for background counts. Two features that
// share an id count as one (bench/story_scale/README.md gives the share measured as the
// corpus grows); a collision between two rare features only matters when both occur in
// the two vectors compared, one chance in 2^23 per pair.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>
#include <vector>

namespace storyline {

constexpr int kFeatureIdBits = 23;
constexpr uint32_t kFeatureIds = uint32_t{1} << kFeatureIdBits;

uint32_t FeatureId(std::string_view feature);

class HashedDocumentFrequencies {
 public:
  HashedDocumentFrequencies();

  // Counts one more document holding each of `ids` (each id once).
  void CountDocument(std::span<const uint32_t> ids);

  // Adds document frequencies counted on a background corpus (TfIdfVocabulary::
  // WriteCounts format: a line "documents<TAB>N", then "feature<TAB>df" lines), each
  // feature counted under its id. Throws std::runtime_error naming a malformed line.
  void AddBackground(std::istream& in);

  uint64_t documents() const { return documents_; }
  uint32_t DocumentFrequency(uint32_t id) const { return document_frequency_[id]; }
  // Ids counted at least once: a bound on distinct features seen.
  size_t ids_used() const { return ids_used_; }

  // ln(1 + N / df), as TfIdfVocabulary::Idf: a feature not yet counted is seen once.
  float Idf(uint32_t id) const;

  // Compact binary form (the counted ids only). Load throws std::runtime_error on
  // malformed input.
  void Save(std::ostream& out) const;
  void Load(std::istream& in);

 private:
  void Add(uint32_t id, uint64_t count);

  std::vector<uint32_t> document_frequency_;  // kFeatureIds counters
  uint64_t documents_ = 0;
  size_t ids_used_ = 0;
};

}  // namespace storyline
