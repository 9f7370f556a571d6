#include "dist/nats_worker.h"

#include <fmt/format.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include "core/ordered_parallel.h"
#include "dist/nats_client.h"
#include "dist/ordered_applier.h"
#include "dist/record_codec.h"
#include "extract/article_analyzer.h"
#include "pipeline/ingest_pipeline.h"

namespace storyline {
namespace {

using SubscriptionPtr = std::unique_ptr<natsSubscription, decltype(&natsSubscription_Destroy)>;

int64_t Nanoseconds(std::chrono::seconds seconds) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(seconds).count();
}

// The stream sequence of a message a JetStream consumer delivered.
uint64_t StreamSequence(natsMsg* message) {
  jsMsgMetaData* meta = nullptr;
  const natsStatus status = natsMsg_GetMetaData(&meta, message);
  if (status != NATS_OK) throw NatsError(NatsMessage("message without JetStream metadata", status));
  const uint64_t sequence = meta->Sequence.Stream;
  jsMsgMetaData_Destroy(meta);
  return sequence;
}

// The Storyline-Source-Seq header of a message in ANALYSES; 0 when absent or not a number.
uint64_t SourceSequence(natsMsg* message) {
  const char* value = nullptr;
  if (natsMsgHeader_Get(message, kSourceSeqHeader, &value) != NATS_OK) return 0;
  try {
    return std::stoull(value);
  } catch (const std::exception&) {
    return 0;
  }
}

// The applier half of a worker: a thread that takes the stories' claim when it can, then
// applies ANALYSES in order until stopped.
class ApplierThread {
 public:
  ApplierThread(NatsClient& nats, const NatsWorkerOptions& options,
                std::shared_ptr<const ArticleAnalyzer> analyzer, std::string position)
      : nats_(nats),
        options_(options),
        analyzer_(std::move(analyzer)),
        position_(std::move(position)) {}
  ~ApplierThread() { Stop(); }

  void Start() {
    thread_ = std::thread([this] { Run(); });
  }
  void Stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }
  // Set when the store or NATS failed the applier; read after Stop, or to decide to.
  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }
  size_t applied() const { return applied_; }

 private:
  void Run() {
    std::string last_refusal;
    while (!stopping_) {
      std::unique_ptr<IngestPipeline> pipeline;
      try {
        IngestPipelineOptions pipeline_options;
        pipeline_options.db = options_.db;
        pipeline_options.models_dir = options_.models_dir;
        pipeline_options.analyzer = analyzer_;
        pipeline_options.lock_timeout = std::chrono::seconds(0);
        pipeline = std::make_unique<IngestPipeline>(std::move(pipeline_options));
      } catch (const std::exception& e) {
        if (e.what() != last_refusal) Note(fmt::format("analyzing only for now: {}", e.what()));
        last_refusal = e.what();
        Sleep(std::chrono::seconds(1));
        continue;
      }
      Note("applying: this worker holds the stories' claim");
      try {
        Apply(*pipeline);
      } catch (const std::exception& e) {
        error_ = e.what();
        failed_ = true;
      }
      return;
    }
  }

  void Apply(IngestPipeline& pipeline) {
    OrderedApplier applier(pipeline, position_, options_.apply_batch);
    jsSubOptions sub_options;
    jsSubOptions_Init(&sub_options);
    sub_options.Ordered = true;
    sub_options.Config.DeliverPolicy = js_DeliverByStartSequence;
    sub_options.Config.OptStartSeq = applier.resume_from();
    natsSubscription* raw = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus status =
        js_SubscribeSync(&raw, nats_.jetstream(), kAnalysesSubject, nullptr, &sub_options, &code);
    if (status != NATS_OK) throw NatsError(NatsMessage("cannot read ANALYSES", status, code));
    SubscriptionPtr subscription(raw, &natsSubscription_Destroy);
    uint64_t purged_below = applier.resume_from();
    const auto save = [&] {
      if (const auto error = applier.Commit()) throw StoreError(*error);
    };
    while (!stopping_) {
      natsMsg* message = nullptr;
      const natsStatus next = natsSubscription_NextMsg(&message, subscription.get(), 200);
      if (next == NATS_TIMEOUT) {
        if (applier.unsaved() > 0) save();
      } else if (next != NATS_OK) {
        throw NatsError(NatsMessage("reading ANALYSES", next));
      } else {
        Take(applier, message);
      }
      applied_ = pipeline.tally().read;
      // What is applied leaves the stream, a batch at a time.
      if (applier.saved().resume_from >= purged_below + options_.apply_batch) {
        nats_.PurgeBelow(kAnalysesStream, applier.saved().resume_from);
        purged_below = applier.saved().resume_from;
      }
    }
    save();
  }

  void Take(OrderedApplier& applier, natsMsg* message) {
    std::unique_ptr<natsMsg, decltype(&natsMsg_Destroy)> owned(message, &natsMsg_Destroy);
    const uint64_t stream_seq = StreamSequence(message);
    const uint64_t source_seq = SourceSequence(message);
    if (source_seq == 0) {
      Note(
          fmt::format("ANALYSES sequence {}: no {} header, skipped", stream_seq, kSourceSeqHeader));
      return;
    }
    DistRecord record;
    try {
      record = DecodeRecord(std::string_view(natsMsg_GetData(message),
                                             static_cast<size_t>(natsMsg_GetDataLength(message))));
    } catch (const RecordCodecError& e) {
      // Its turn must pass, or every later article waits for it.
      Note(fmt::format("ARTICLES sequence {}: analysis unreadable, not stored: {}", source_seq,
                       e.what()));
      record = DistRecord{RecordKind::kUnreadable, {}};
    }
    if (!applier.Take(source_seq, stream_seq, std::move(record))) {
      throw StoreError(applier.Commit().value_or("the store failed"));
    }
  }

  void Sleep(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!stopping_ && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  void Note(const std::string& line) {
    if (options_.on_note) options_.on_note(line);
  }

  NatsClient& nats_;
  const NatsWorkerOptions& options_;
  std::shared_ptr<const ArticleAnalyzer> analyzer_;
  const std::string position_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> failed_{false};
  std::atomic<size_t> applied_{0};
  std::string error_;
  std::thread thread_;
};

// An article pulled from ARTICLES, on its way through the analysis threads.
struct Job {
  natsMsg* message = nullptr;  // acked and destroyed once its analysis is published
  uint64_t sequence = 0;
  Article article;
};

struct Analyzed {
  natsMsg* message = nullptr;
  uint64_t sequence = 0;
  std::string record;
};

// True when every article in ARTICLES was analyzed and acked and, unless `analyzed_only`,
// the applier saved a position past the last of them.
bool StreamDone(NatsClient& nats, Store& store, const std::string& position, bool analyzed_only) {
  jsConsumerInfo* info = nullptr;
  jsErrCode code = jsErrCode(0);
  const natsStatus status = js_GetConsumerInfo(&info, nats.jetstream(), kArticlesStream,
                                               kWorkersConsumer, nullptr, &code);
  if (status != NATS_OK) throw NatsError(NatsMessage("cannot read consumer workers", status, code));
  const bool analyzed = info->NumPending == 0 && info->NumAckPending == 0;
  jsConsumerInfo_Destroy(info);
  if (!analyzed || analyzed_only) return analyzed;
  return store.LoadStreamPosition(position).applied_through >= nats.LastSequence(kArticlesStream);
}

}  // namespace

NatsWorkerTally RunNatsWorker(const NatsWorkerOptions& options, const std::function<bool()>& stop) {
  NatsClient nats(options.nats_url);
  const std::filesystem::path models_dir =
      options.models_dir.empty() ? DefaultModelsDir() : std::filesystem::path(options.models_dir);
  auto analyzer = std::make_shared<const ArticleAnalyzer>(models_dir);
  // The worker's own session, to skip articles the store has and to see the applier's
  // position; the applier's pipeline has another.
  std::unique_ptr<Store> store = OpenStore(options.db);

  jsSubOptions sub_options;
  jsSubOptions_Init(&sub_options);
  sub_options.Config.AckPolicy = js_AckExplicit;
  sub_options.Config.AckWait = Nanoseconds(options.ack_wait);
  sub_options.Config.MaxAckPending = options.max_ack_pending;
  natsSubscription* raw = nullptr;
  jsErrCode code = jsErrCode(0);
  natsStatus status = js_PullSubscribe(&raw, nats.jetstream(), kArticlesSubject, kWorkersConsumer,
                                       nullptr, &sub_options, &code);
  if (status != NATS_OK) throw NatsError(NatsMessage("cannot consume ARTICLES", status, code));
  SubscriptionPtr subscription(raw, &natsSubscription_Destroy);

  NatsWorkerTally tally;
  const std::string position = nats.PositionName();
  ApplierThread applier(nats, options, analyzer, position);
  if (options.apply) applier.Start();

  const auto publish = [&](uint64_t sequence, const std::string& record, natsMsg* message) {
    nats.Publish(kAnalysesSubject, record, std::to_string(sequence), sequence);
    natsMsg_Ack(message, nullptr);
    natsMsg_Destroy(message);
  };
  std::optional<std::string> publish_error;
  using AnalysisMap = OrderedParallelMap<Job, Analyzed>;
  const auto new_map = [&] {
    return std::make_unique<AnalysisMap>(
        options.threads,
        [&](Job& job) {
          return Analyzed{job.message, job.sequence,
                          EncodeAnalyzedRecord(AnalyzeArticle(*analyzer, std::move(job.article)))};
        },
        [&](Analyzed&& analyzed) {
          // Never throws: the sink also runs in the map's destructor. An article whose
          // analysis was not published stays unacked and goes to another worker.
          try {
            publish(analyzed.sequence, analyzed.record, analyzed.message);
            ++tally.analyzed;
          } catch (const NatsError& e) {
            if (!publish_error) publish_error = e.what();
            natsMsg_Destroy(analyzed.message);
          }
        });
  };
  std::unique_ptr<AnalysisMap> analysis;

  while (!stop() && !applier.failed() && !publish_error) {
    natsMsgList list{};
    status = natsSubscription_Fetch(&list, subscription.get(), options.fetch, 500, &code);
    if (status == NATS_TIMEOUT || (status == NATS_OK && list.Count == 0)) {
      natsMsgList_Destroy(&list);
      // Idle: what is in flight is published and acked before anything else is asked.
      if (analysis) analysis->Finish();
      analysis.reset();
      if (options.until_done && StreamDone(nats, *store, position, !options.apply)) break;
      continue;
    }
    if (status != NATS_OK) {
      natsMsgList_Destroy(&list);
      throw NatsError(NatsMessage("cannot fetch from ARTICLES", status, code));
    }
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* message = list.Msgs[i];
      list.Msgs[i] = nullptr;
      const uint64_t sequence = StreamSequence(message);
      DistRecord record;
      try {
        record = DecodeRecord(std::string_view(
            natsMsg_GetData(message), static_cast<size_t>(natsMsg_GetDataLength(message))));
      } catch (const RecordCodecError& e) {
        if (options.on_note) {
          options.on_note(fmt::format("ARTICLES sequence {}: {}: not stored", sequence, e.what()));
        }
        Article why;
        why.origin = e.what();
        publish(sequence, EncodeArticleRecord(why, RecordKind::kUnreadable), message);
        ++tally.unreadable;
        continue;
      }
      if (store->Contains(HashArticleContent(record.prepared.article))) {
        publish(sequence, EncodeArticleRecord(record.prepared.article, RecordKind::kKnown),
                message);
        ++tally.known;
        continue;
      }
      if (!analysis) analysis = new_map();
      analysis->Push(Job{message, sequence, std::move(record.prepared.article)});
    }
    natsMsgList_Destroy(&list);
  }
  if (analysis) analysis->Finish();
  applier.Stop();
  tally.applied = applier.applied();
  if (applier.failed()) throw StoreError(applier.error());
  if (publish_error) throw NatsError(*publish_error);
  return tally;
}

}  // namespace storyline
