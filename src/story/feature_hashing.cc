#include "story/feature_hashing.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <istream>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>

#include "core/binary_io.h"

namespace storyline {
namespace {

constexpr std::string_view kFileKind = "document frequencies";  // for errors

}  // namespace

uint32_t FeatureId(std::string_view feature) {
  return static_cast<uint32_t>(XXH3_64bits(feature.data(), feature.size()) >>
                               (64 - kFeatureIdBits));
}

HashedDocumentFrequencies::HashedDocumentFrequencies() : document_frequency_(kFeatureIds, 0) {}

void HashedDocumentFrequencies::Add(uint32_t id, uint64_t count) {
  uint32_t& df = document_frequency_[id];
  ids_used_ += df == 0 && count > 0;
  // Saturates: past 2^32 documents a feature is as common as any.
  df = static_cast<uint32_t>(std::min<uint64_t>(df + count, std::numeric_limits<uint32_t>::max()));
}

void HashedDocumentFrequencies::CountDocument(std::span<const uint32_t> ids) {
  ++documents_;
  for (const uint32_t id : ids) Add(id, 1);
}

float HashedDocumentFrequencies::Idf(uint32_t id) const {
  const double df = std::max<uint32_t>(document_frequency_[id], 1);
  return static_cast<float>(
      std::log1p(static_cast<double>(std::max<uint64_t>(documents_, 1)) / df));
}

void HashedDocumentFrequencies::AddBackground(std::istream& in) {
  std::string line;
  uint64_t documents = 0;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    const size_t tab = line.rfind('\t');
    uint64_t count = 0;
    if (tab == std::string::npos ||
        std::from_chars(line.data() + tab + 1, line.data() + line.size(), count).ec !=
            std::errc()) {
      throw std::runtime_error("background counts line " + std::to_string(line_number) +
                               ": expected feature<TAB>count");
    }
    const std::string_view feature(line.data(), tab);
    if (line_number == 1) {
      if (feature != "documents") {
        throw std::runtime_error("background counts line 1: expected documents<TAB>N");
      }
      documents = count;
      continue;
    }
    Add(FeatureId(feature), count);
  }
  documents_ += documents;
}

void HashedDocumentFrequencies::Save(std::ostream& out) const {
  WritePod<uint32_t>(out, kFeatureIdBits);
  WritePod<uint64_t>(out, documents_);
  WritePod<uint64_t>(out, ids_used_);
  for (uint32_t id = 0; id < kFeatureIds; ++id) {
    if (document_frequency_[id] != 0) WritePod(out, id), WritePod(out, document_frequency_[id]);
  }
}

void HashedDocumentFrequencies::Load(std::istream& in) {
  if (ReadPod<uint32_t>(in, kFileKind) != kFeatureIdBits) {
    throw std::runtime_error("document frequencies hashed to another number of ids");
  }
  HashedDocumentFrequencies loaded;
  loaded.documents_ = ReadPod<uint64_t>(in, kFileKind);
  const auto used = ReadPod<uint64_t>(in, kFileKind);
  if (used > kFeatureIds) throw std::runtime_error("malformed document frequencies");
  for (uint64_t i = 0; i < used; ++i) {
    const auto id = ReadPod<uint32_t>(in, kFileKind);
    const auto df = ReadPod<uint32_t>(in, kFileKind);
    if (id >= kFeatureIds || df == 0 || loaded.document_frequency_[id] != 0) {
      throw std::runtime_error("malformed document frequencies");
    }
    loaded.Add(id, df);
  }
  *this = std::move(loaded);
}

}  // namespace storyline
