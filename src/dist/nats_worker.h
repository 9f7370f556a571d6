// `storyline worker`: one process of a distributed ingest, on any machine, any number of
// them. Each worker
//
//   - pulls articles from ARTICLES through the durable consumer `workers` (explicit acks;
//     at most `max_ack_pending` articles in flight over all workers, `fetch` per fetch),
//     analyzes them on `threads` threads, publishes each analysis to ANALYSES and then
//     acks the article: an article whose worker dies unacked is delivered again after
//     `ack_wait`, so none is lost, and its analysis, published twice, is applied once;
//   - tries, every second, to take the stories' claim on the store (Store::ClaimStories:
//     a PostgreSQL advisory lock, which the server drops when the holder's session ends,
//     however it ends). The one worker that holds it is also the applier: it reads
//     ANALYSES and applies them in ARTICLES order (dist/ordered_applier.h), so the store
//     ends as a single-process ingest of the same order leaves it. Clustering is online
//     and order-dependent, so one applier at a time is what keeps it so; when it dies,
//     another worker takes the claim and resumes from the saved stream position.
//
// A record the worker cannot read (another format version) is reported on stderr and
// its turn passed with an unreadable marker, so the applier does not wait for it.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace storyline {

struct NatsWorkerOptions {
  std::string nats_url;
  std::string db;  // OpenStore's argument; every worker of a deployment names the same
  std::string models_dir;
  int threads = 1;
  int fetch = 32;              // articles asked for at a time
  int max_ack_pending = 1024;  // the consumer's bound on unacked articles, all workers
  std::chrono::seconds ack_wait{30};
  bool apply = true;         // false: never takes the claim, only analyzes
  size_t apply_batch = 256;  // articles applied between two saves of the stream position
  // Exit once every article in ARTICLES is analyzed and applied (tests, backfills; with
  // apply false, once every one is analyzed); else run until `stop` says so.
  bool until_done = false;
  // Told what the worker does (claim taken, waiting for it, records it cannot read).
  std::function<void(const std::string& line)> on_note;
};

struct NatsWorkerTally {
  size_t analyzed = 0;  // analyses this worker published
  size_t known = 0;     // articles it found stored and passed on unanalyzed
  size_t unreadable = 0;
  size_t applied = 0;  // records it applied while it held the claim
};

// Runs a worker until `stop()` is true or, with until_done, the stream is applied.
// Throws std::exception (NatsError, StoreError, a model's error) when it cannot start or
// the store fails.
NatsWorkerTally RunNatsWorker(const NatsWorkerOptions& options, const std::function<bool()>& stop);

}  // namespace storyline
