#include "dist/ordered_applier.h"

#include <algorithm>

namespace storyline {

OrderedApplier::OrderedApplier(IngestPipeline& pipeline, std::string stream, size_t batch)
    : pipeline_(pipeline), stream_(std::move(stream)), batch_(std::max<size_t>(batch, 1)) {
  saved_ = pipeline_.store().LoadStreamPosition(stream_);
  next_ = saved_.applied_through + 1;
  stream_seen_ = saved_.resume_from - 1;
}

bool OrderedApplier::Take(uint64_t source_seq, uint64_t stream_seq, DistRecord&& record) {
  if (error_) return false;
  stream_seen_ = std::max(stream_seen_, stream_seq);
  if (source_seq < next_ || held_.contains(source_seq)) return true;
  if (source_seq > next_) {
    held_.emplace(source_seq, Held{stream_seq, std::move(record)});
    return true;
  }
  if (!Apply(std::move(record))) return false;
  for (auto it = held_.begin(); it != held_.end() && it->first == next_; it = held_.erase(it)) {
    if (!Apply(std::move(it->second.record))) return false;
  }
  return true;
}

bool OrderedApplier::Apply(DistRecord&& record) {
  bool taken = true;
  switch (record.kind) {
    case RecordKind::kAnalyzed:
      taken = pipeline_.AddAnalyzed(std::move(record.prepared));
      break;
    case RecordKind::kKnown:
    case RecordKind::kArticle:
      // Known to the store when the worker looked, so skipped here (the pipeline checks
      // again, and analyzes it itself in the unlikely case the store lost it).
      taken = pipeline_.Add(std::move(record.prepared.article));
      break;
    case RecordKind::kUnreadable:
      // The worker could not read it and said so: nothing to apply but its turn.
      break;
  }
  if (!taken) {
    error_ = pipeline_.StoreTaken();
    return false;
  }
  ++next_;
  if (++unsaved_ >= batch_) return !Save(false);
  return true;
}

std::optional<std::string> OrderedApplier::Commit() { return Save(true); }

std::optional<std::string> OrderedApplier::Save(bool stories) {
  if (error_) return error_;
  error_ = stories ? pipeline_.Commit() : pipeline_.StoreTaken();
  if (error_) return error_;
  StreamPosition position;
  position.applied_through = next_ - 1;
  // The first message a restart must read again: the earliest held one, else the next.
  position.resume_from = stream_seen_ + 1;
  for (const auto& [source_seq, held] : held_) {
    position.resume_from = std::min(position.resume_from, held.stream_seq);
  }
  try {
    pipeline_.store().SaveStreamPosition(stream_, position);
  } catch (const StoreError& e) {
    error_ = e.what();
    return error_;
  }
  saved_ = position;
  unsaved_ = 0;
  return std::nullopt;
}

}  // namespace storyline
