#include "story/tfidf_vocabulary.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <ostream>
#include <stdexcept>

#include "core/binary_io.h"

namespace storyline {
namespace {

constexpr std::string_view kFileKind = "vocabulary";  // for errors

}  // namespace

uint32_t TfIdfVocabulary::Intern(std::string_view feature) {
  const auto [it, added] = ids_.try_emplace(std::string(feature), names_.size());
  if (added) {
    names_.emplace_back(feature);
    document_frequency_.push_back(0);
  }
  return it->second;
}

void TfIdfVocabulary::CountDocument(std::span<const uint32_t> ids) {
  ++documents_;
  for (const uint32_t id : ids) ++document_frequency_[id];
}

float TfIdfVocabulary::Idf(uint32_t id) const {
  const double df = std::max<uint32_t>(document_frequency_[id], 1);
  return static_cast<float>(
      std::log1p(static_cast<double>(std::max<uint64_t>(documents_, 1)) / df));
}

void TfIdfVocabulary::WriteCounts(std::ostream& out) const {
  out << "documents\t" << documents_ << "\n";
  std::vector<uint32_t> order(names_.size());
  for (uint32_t id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
  for (const uint32_t id : order) {
    if (document_frequency_[id] > 0) out << names_[id] << "\t" << document_frequency_[id] << "\n";
  }
}

void TfIdfVocabulary::Save(std::ostream& out) const {
  WritePod<uint64_t>(out, documents_);
  WritePod<uint64_t>(out, names_.size());
  for (size_t id = 0; id < names_.size(); ++id) {
    WritePod<uint32_t>(out, static_cast<uint32_t>(names_[id].size()));
    out.write(names_[id].data(), static_cast<std::streamsize>(names_[id].size()));
    WritePod<uint32_t>(out, document_frequency_[id]);
  }
}

void TfIdfVocabulary::Load(std::istream& in) {
  TfIdfVocabulary loaded;
  loaded.documents_ = ReadPod<uint64_t>(in, kFileKind);
  const auto count = ReadPod<uint64_t>(in, kFileKind);
  for (uint64_t i = 0; i < count; ++i) {
    std::string name(ReadPod<uint32_t>(in, kFileKind), '\0');
    if (!in.read(name.data(), static_cast<std::streamsize>(name.size()))) {
      throw std::runtime_error("truncated vocabulary");
    }
    const uint32_t id = loaded.Intern(name);
    loaded.document_frequency_[id] = ReadPod<uint32_t>(in, kFileKind);
  }
  *this = std::move(loaded);
}

float Dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += i->second * j->second;
      ++i, ++j;
    }
  }
  return sum;
}

float SquaredNorm(const SparseVector& v) {
  float sum = 0;
  for (const auto& [id, weight] : v) sum += weight * weight;
  return sum;
}

void Normalize(SparseVector& v) {
  const float norm = std::sqrt(SquaredNorm(v));
  if (norm == 0) return;
  for (auto& [id, weight] : v) weight /= norm;
}

}  // namespace storyline
