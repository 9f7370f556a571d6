#include "dist/nats_client.h"

#include <fmt/format.h>

namespace storyline {

std::string NatsMessage(std::string_view what, natsStatus status, jsErrCode code) {
  std::string message = fmt::format("{}: {}", what, natsStatus_GetText(status));
  if (code != 0) message += fmt::format(" (JetStream error {})", static_cast<int>(code));
  return message;
}

std::string ArticleMessageId(const ContentHash& hash) {
  return fmt::format("{:016x}{:016x}", hash.high, hash.low);
}

NatsClient::NatsClient(const std::string& url) {
  natsOptions* options = nullptr;
  natsStatus status = natsOptions_Create(&options);
  if (status == NATS_OK) status = natsOptions_SetURL(options, url.c_str());
  // Keep trying while a server of the cluster restarts, instead of failing the run.
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(options, -1);
  if (status == NATS_OK) status = natsConnection_Connect(&connection_, options);
  natsOptions_Destroy(options);
  if (status != NATS_OK) throw NatsError(NatsMessage("cannot connect to " + url, status));
  status = natsConnection_JetStream(&js_, connection_, nullptr);
  if (status != NATS_OK) {
    natsConnection_Destroy(connection_);
    throw NatsError(NatsMessage("no JetStream at " + url, status));
  }
  try {
    EnsureStream(kArticlesStream, kArticlesSubject, js_WorkQueuePolicy);
    EnsureStream(kAnalysesStream, kAnalysesSubject, js_LimitsPolicy);
  } catch (...) {
    jsCtx_Destroy(js_);
    natsConnection_Destroy(connection_);
    throw;
  }
}

NatsClient::~NatsClient() {
  jsCtx_Destroy(js_);
  natsConnection_FlushTimeout(connection_, 5000);
  natsConnection_Destroy(connection_);
}

void NatsClient::EnsureStream(const char* name, const char* subject, jsRetentionPolicy retention) {
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = name;
  const char* subjects[] = {subject};
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Retention = retention;
  config.Storage = js_FileStorage;
  config.Duplicates =
      std::chrono::duration_cast<std::chrono::nanoseconds>(kDuplicateWindow).count();
  jsStreamInfo* info = nullptr;
  jsErrCode code = jsErrCode(0);
  const natsStatus status = js_AddStream(&info, js_, &config, nullptr, &code);
  jsStreamInfo_Destroy(info);
  if (status == NATS_OK || code == JSStreamNameExistErr) return;
  throw NatsError(NatsMessage(fmt::format("cannot make stream {}", name), status, code));
}

bool NatsClient::Publish(const char* subject, std::string_view data, const std::string& msg_id,
                         uint64_t source_seq) {
  natsMsg* message = nullptr;
  natsStatus status =
      natsMsg_Create(&message, subject, nullptr, data.data(), static_cast<int>(data.size()));
  if (status == NATS_OK && source_seq != 0) {
    status = natsMsgHeader_Set(message, kSourceSeqHeader, std::to_string(source_seq).c_str());
  }
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MsgId = msg_id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode code = jsErrCode(0);
  if (status == NATS_OK) status = js_PublishMsg(&ack, js_, message, &options, &code);
  natsMsg_Destroy(message);
  const bool duplicate = ack != nullptr && ack->Duplicate;
  jsPubAck_Destroy(ack);
  if (status != NATS_OK) {
    throw NatsError(NatsMessage(fmt::format("cannot publish to {}", subject), status, code));
  }
  return duplicate;
}

namespace {

// `read`'s answer from the stream's info.
template <typename Read>
auto FromStreamInfo(jsCtx* js, const char* stream, Read read) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = jsErrCode(0);
  const natsStatus status = js_GetStreamInfo(&info, js, stream, nullptr, &code);
  if (status != NATS_OK) {
    throw NatsError(NatsMessage(fmt::format("cannot read stream {}", stream), status, code));
  }
  const auto value = read(*info);
  jsStreamInfo_Destroy(info);
  return value;
}

}  // namespace

uint64_t NatsClient::LastSequence(const char* stream) {
  return FromStreamInfo(js_, stream, [](const jsStreamInfo& info) { return info.State.LastSeq; });
}

int64_t NatsClient::Created(const char* stream) {
  return FromStreamInfo(js_, stream, [](const jsStreamInfo& info) { return info.Created; });
}

std::string NatsClient::PositionName() {
  return fmt::format("{}@{} {}@{}", kArticlesStream, Created(kArticlesStream), kAnalysesStream,
                     Created(kAnalysesStream));
}

void NatsClient::PurgeBelow(const char* stream, uint64_t sequence) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Stream.Purge.Sequence = sequence;
  jsErrCode code = jsErrCode(0);
  const natsStatus status = js_PurgeStream(js_, stream, &options, &code);
  if (status != NATS_OK) {
    throw NatsError(NatsMessage(fmt::format("cannot purge stream {}", stream), status, code));
  }
}

}  // namespace storyline
