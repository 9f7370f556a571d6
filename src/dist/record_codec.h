// The bytes of the messages a distributed ingest passes through NATS (dist/nats_*.h):
// an article as `produce` read it, and the same article once a worker analyzed it
// (PreparedArticle less its entity links, which the one applier computes in order).
//
// The first byte is the format's version, the second the record's kind; integers are
// little-endian whatever the machine, so producers and workers on different machines
// read each other's records. A record of another version, or cut short, is refused with
// RecordCodecError rather than read wrong: every process of one deployment must run a
// build that speaks the version on the stream.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/article.h"
#include "store/store.h"

namespace storyline {

inline constexpr uint8_t kRecordCodecVersion = 1;

class RecordCodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class RecordKind : uint8_t {
  kArticle = 1,   // read, not analyzed yet (stream ARTICLES)
  kAnalyzed = 2,  // analyzed: article, analysis, content hash and fingerprint
  kKnown = 3,     // the store held it when the worker looked: nothing to analyze
  // A worker could not read the article's record (another format version): its turn
  // passes with nothing stored; `origin` says why.
  kUnreadable = 4,
};

struct DistRecord {
  RecordKind kind = RecordKind::kArticle;
  // Only `article` is set for kArticle, kKnown and kUnreadable; entity_links is always empty.
  PreparedArticle prepared;
};

std::string EncodeArticleRecord(const Article& article, RecordKind kind = RecordKind::kArticle);
std::string EncodeAnalyzedRecord(const PreparedArticle& prepared);

// Throws RecordCodecError for bytes no encoder of this version wrote.
DistRecord DecodeRecord(std::string_view bytes);

}  // namespace storyline
