// The one applier of a distributed ingest: takes the analyses the workers publish, in
// whatever order they arrive, and feeds them to an IngestPipeline (link, store, cluster)
// in the order of the articles' source sequence, so that the store ends as a
// single-process ingest of the same articles in the same order leaves it.
//
// A record that arrives before its turn is held until the ones before it come; one of a
// sequence already applied or already held (a redelivery, a replay after a crash) is
// dropped. Every `batch` records applied, the pipeline stores what it took and the
// stream position (store.h, StreamPosition) is saved after it: a crash then replays at
// most the records after the saved position, and those the store has are skipped by
// content hash (IngestPipeline::AddAnalyzed), so the store takes each article once.
//
// No NATS here: dist/nats_worker.h reads the stream and calls Take.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "dist/record_codec.h"
#include "pipeline/ingest_pipeline.h"

namespace storyline {

class OrderedApplier {
 public:
  // `pipeline` holds the stories' claim and outlives the applier; `stream` names the
  // position in the store. Throws StoreError when the position cannot be read.
  OrderedApplier(IngestPipeline& pipeline, std::string stream, size_t batch = 256);

  // Takes the record of source sequence `source_seq`, read at sequence `stream_seq` of
  // the stream of analyses, and applies every record whose turn has come. False once the
  // store has failed (Commit says why).
  bool Take(uint64_t source_seq, uint64_t stream_seq, DistRecord&& record);

  // Stores what was applied, saves the stories and the position. Returns the store's
  // error, if any.
  std::optional<std::string> Commit();

  // The last source sequence applied (taken by the pipeline, maybe not stored yet).
  uint64_t applied_through() const { return next_ - 1; }
  // Where a reader of the stream of analyses starts, at construction: the saved position.
  uint64_t resume_from() const { return saved_.resume_from; }
  const StreamPosition& saved() const { return saved_; }
  size_t held() const { return held_.size(); }
  // Records applied since the last save.
  size_t unsaved() const { return unsaved_; }

 private:
  struct Held {
    uint64_t stream_seq = 0;
    DistRecord record;
  };

  bool Apply(DistRecord&& record);
  // Stores what the pipeline took and saves the position; `stories` saves them too.
  std::optional<std::string> Save(bool stories);

  IngestPipeline& pipeline_;
  const std::string stream_;
  const size_t batch_;
  StreamPosition saved_;
  uint64_t next_ = 1;              // the source sequence whose turn it is
  uint64_t stream_seen_ = 0;       // the highest stream sequence taken
  std::map<uint64_t, Held> held_;  // by source sequence
  size_t unsaved_ = 0;
  std::optional<std::string> error_;
};

}  // namespace storyline
