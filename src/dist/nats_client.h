// The NATS JetStream side of a distributed ingest (libnats, the C client): one connection
// and the two streams every process agrees on.
//
//   ARTICLES  subject storyline.articles: each article as `produce` (or `follow --nats`)
//             read it, with Nats-Msg-Id = its content hash, so publishing it again within
//             the duplicate window adds nothing; the stream sequence is the ingest order.
//             Work-queue retention: a message goes once a worker acked its analysis.
//   ANALYSES  subject storyline.analyses: each article's analysis, with the ARTICLES
//             sequence in header Storyline-Source-Seq and as Nats-Msg-Id (a redelivered
//             article analyzed twice is stored once); read by the one applier, which
//             purges what it has applied.
//
// Both are file-backed, so a restarted server keeps them. A Stream that exists already
// is used as it is (another process made it, or an operator with more replicas).
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/store.h"

namespace storyline {

inline constexpr const char* kArticlesStream = "ARTICLES";
inline constexpr const char* kArticlesSubject = "storyline.articles";
inline constexpr const char* kAnalysesStream = "ANALYSES";
inline constexpr const char* kAnalysesSubject = "storyline.analyses";
inline constexpr const char* kWorkersConsumer = "workers";
inline constexpr const char* kSourceSeqHeader = "Storyline-Source-Seq";
// How long JetStream remembers a message id: a produce run again within it adds nothing
// (after it, the workers find the articles stored and skip their analysis).
inline constexpr std::chrono::hours kDuplicateWindow{1};

class NatsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "what: the client's words for `status` (and JetStream's error code)".
std::string NatsMessage(std::string_view what, natsStatus status, jsErrCode code = jsErrCode(0));

// The message id of an article in ARTICLES: its content hash in 32 hex digits.
std::string ArticleMessageId(const ContentHash& hash);

class NatsClient {
 public:
  // Connects to `url` (nats://host:port, several comma-separated for a cluster) and makes
  // both streams when missing. Throws NatsError.
  explicit NatsClient(const std::string& url);
  ~NatsClient();
  NatsClient(const NatsClient&) = delete;
  NatsClient& operator=(const NatsClient&) = delete;

  // Publishes `data` to `subject` with message id `msg_id` (and, when `source_seq` is
  // not 0, the Storyline-Source-Seq header) and waits for the stream's acknowledgement.
  // True when the stream had the id already and kept the earlier message. Thread-safe.
  bool Publish(const char* subject, std::string_view data, const std::string& msg_id,
               uint64_t source_seq = 0);

  // The stream's last sequence (0 when it never held a message).
  uint64_t LastSequence(const char* stream);
  // When the stream was made, in nanoseconds since the epoch.
  int64_t Created(const char* stream);
  // The name of the applier's position in the store (Store::LoadStreamPosition): the two
  // streams with when each was made, so that streams deleted and made again (sequences
  // from 1 again) start a new position instead of skipping what the old one applied.
  std::string PositionName();
  // Removes the stream's messages below `sequence`.
  void PurgeBelow(const char* stream, uint64_t sequence);

  natsConnection* connection() { return connection_; }
  jsCtx* jetstream() { return js_; }

 private:
  void EnsureStream(const char* name, const char* subject, jsRetentionPolicy retention);

  natsConnection* connection_ = nullptr;
  jsCtx* js_ = nullptr;
};

}  // namespace storyline
