// SPDX-License-Identifier: MIT
#include "epiwire/queue/jetstream.h"

#include <nats/nats.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace epiwire::queue {
namespace {

natsMsg* AsMsg(void* msg) { return static_cast<natsMsg*>(msg); }

constexpr int64_t kNanosPerMilli = 1000000;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What the connection callbacks see. The client may call them from its own
// threads even while a connection closes, so they live as long as the process.
struct CallbackState {
  std::string who;
  std::atomic<bool> closing{false};
};

CallbackState* NewCallbackState(const std::string& who) {
  static std::mutex mu;
  static std::vector<std::unique_ptr<CallbackState>> states;
  std::lock_guard lock(mu);
  states.push_back(std::make_unique<CallbackState>());
  states.back()->who = who;
  return states.back().get();
}

void Disconnected(natsConnection* /*nc*/, void* closure) {
  const auto* state = static_cast<CallbackState*>(closure);
  if (state->closing.load()) return;
  std::fprintf(stderr, "%s: lost the NATS connection; reconnecting\n", state->who.c_str());
}

void Reconnected(natsConnection* /*nc*/, void* closure) {
  std::fprintf(stderr, "%s: NATS connection back\n",
               static_cast<CallbackState*>(closure)->who.c_str());
}

}  // namespace

std::optional<StreamNames> StreamNames::For(const std::string& stream) {
  if (stream.empty() || stream.size() > 64) return std::nullopt;
  for (char c : stream) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return std::nullopt;
  }
  StreamNames names;
  names.stream = stream;
  names.subject = Lower(stream);
  for (char& c : names.subject) c = c == '_' ? '.' : c;
  names.dead_stream = stream + "_DEAD";
  names.dead_subject = names.subject + ".dead";
  names.consumer = "workers";
  names.tries = stream + "_TRIES";
  return names;
}

Message::Message(void* msg) : msg_(msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, AsMsg(msg_)) == NATS_OK && meta != nullptr) {
    deliveries_ = meta->NumDelivered;
    stream_sequence_ = meta->Sequence.Stream;
    jsMsgMetaData_Destroy(meta);
  }
}

Message::Message(Message&& other) noexcept
    : msg_(other.msg_), deliveries_(other.deliveries_), stream_sequence_(other.stream_sequence_) {
  other.msg_ = nullptr;
}

Message& Message::operator=(Message&& other) noexcept {
  if (this != &other) {
    natsMsg_Destroy(AsMsg(msg_));
    msg_ = other.msg_;
    deliveries_ = other.deliveries_;
    stream_sequence_ = other.stream_sequence_;
    other.msg_ = nullptr;
  }
  return *this;
}

Message::~Message() { natsMsg_Destroy(AsMsg(msg_)); }

std::string_view Message::data() const {
  const char* data = natsMsg_GetData(AsMsg(msg_));
  return data != nullptr ? std::string_view(data, static_cast<size_t>(natsMsg_GetDataLength(AsMsg(msg_))))
                         : std::string_view();
}

std::optional<std::string> Message::Header(const char* name) const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(AsMsg(msg_), name, &value) != NATS_OK || value == nullptr) {
    return std::nullopt;
  }
  return std::string(value);
}

namespace {

Status AckStatus(natsStatus status, const char* what) {
  if (status == NATS_OK) return Status::Ok();
  return Status::IoError(std::string("NATS: cannot ") + what + ": " + natsStatus_GetText(status));
}

}  // namespace

Status Message::Ack() { return AckStatus(natsMsg_Ack(AsMsg(msg_), nullptr), "acknowledge"); }

Status Message::Nak(std::chrono::milliseconds delay) {
  return AckStatus(natsMsg_NakWithDelay(AsMsg(msg_), delay.count(), nullptr), "ask redelivery");
}

Status Message::Term() { return AckStatus(natsMsg_Term(AsMsg(msg_), nullptr), "terminate"); }

Result<std::unique_ptr<JetStream>> JetStream::Connect(const std::string& url,
                                                      const std::string& who) {
  std::unique_ptr<JetStream> js(new JetStream());
  js->url_ = url;
  js->who_ = who;
  natsOptions* options = nullptr;
  natsStatus status = natsOptions_Create(&options);
  if (status == NATS_OK) status = natsOptions_SetURL(options, url.c_str());
  if (status == NATS_OK) status = natsOptions_SetName(options, who.c_str());
  if (status == NATS_OK) status = natsOptions_SetTimeout(options, 5000);
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(options, -1);  // forever
  if (status == NATS_OK) status = natsOptions_SetReconnectWait(options, 250);
  // Acknowledgements sent while disconnected wait here (up to 8 MiB) and go out on
  // reconnection; any lost are redeliveries, which the store takes as unchanged.
  if (status == NATS_OK) status = natsOptions_SetReconnectBufSize(options, 8 << 20);
  js->callbacks_ = NewCallbackState(who);
  if (status == NATS_OK) status = natsOptions_SetDisconnectedCB(options, Disconnected, js->callbacks_);
  if (status == NATS_OK) status = natsOptions_SetReconnectedCB(options, Reconnected, js->callbacks_);
  natsConnection* connection = nullptr;
  if (status == NATS_OK) status = natsConnection_Connect(&connection, options);
  natsOptions_Destroy(options);
  if (status != NATS_OK) return js->Error("cannot connect", status, 0);
  js->connection_ = connection;
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = 10000;
  jsCtx* context = nullptr;
  status = natsConnection_JetStream(&context, connection, &js_options);
  if (status != NATS_OK) return js->Error("no JetStream context", status, 0);
  js->js_ = context;
  return js;
}

JetStream::~JetStream() {
  if (callbacks_ != nullptr) static_cast<CallbackState*>(callbacks_)->closing.store(true);
  kvStore_Destroy(static_cast<kvStore*>(tries_));
  natsSubscription_Destroy(static_cast<natsSubscription*>(subscription_));
  jsCtx_Destroy(static_cast<jsCtx*>(js_));
  natsConnection_Destroy(static_cast<natsConnection*>(connection_));
}

Status JetStream::Error(const std::string& what, int status, int js_code) const {
  std::string message = "NATS " + url_ + ": " + what + ": " +
                        natsStatus_GetText(static_cast<natsStatus>(status));
  natsStatus last = NATS_OK;
  const char* detail = nats_GetLastError(&last);
  if (detail != nullptr && *detail != '\0' && message.find(detail) == std::string::npos) {
    message += std::string(" (") + detail + ")";
  }
  if (js_code != 0) message += " [JetStream error " + std::to_string(js_code) + "]";
  return Status::IoError(message);
}

int64_t JetStream::max_payload() const {
  return natsConnection_GetMaxPayload(static_cast<natsConnection*>(connection_));
}

Status JetStream::EnsureStreams(const StreamNames& names, const StreamLimits& limits) {
  jsCtx* js = static_cast<jsCtx*>(js_);
  const struct {
    const std::string& name;
    const std::string& subject;
    jsRetentionPolicy retention;
    int64_t max_bytes;
  } streams[] = {{names.stream, names.subject, js_WorkQueuePolicy, limits.max_bytes},
                 {names.dead_stream, names.dead_subject, js_LimitsPolicy, limits.dead_max_bytes}};
  for (const auto& stream : streams) {
    jsStreamInfo* info = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    natsStatus status = js_GetStreamInfo(&info, js, stream.name.c_str(), nullptr, &code);
    jsStreamInfo_Destroy(info);
    if (status == NATS_OK) continue;
    if (status != NATS_NOT_FOUND && code != JSStreamNotFoundErr) {
      return Error("cannot read stream " + stream.name, status, code);
    }
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = stream.name.c_str();
    const char* subjects[] = {stream.subject.c_str()};
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    config.Retention = stream.retention;
    config.MaxBytes = stream.max_bytes;
    config.MaxMsgSize = static_cast<int32_t>(max_payload());
    config.Discard = js_DiscardNew;
    config.Storage = js_FileStorage;
    config.Duplicates = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            limits.duplicate_window).count();
    code = static_cast<jsErrCode>(0);
    status = js_AddStream(&info, js, &config, nullptr, &code);
    jsStreamInfo_Destroy(info);
    // Another process may have made it in the meantime.
    if (status != NATS_OK && code != JSStreamNameExistErr) {
      return Error("cannot create stream " + stream.name, status, code);
    }
  }
  return Status::Ok();
}

Result<PublishAck> JetStream::Publish(
    const std::string& subject, std::string_view data, const std::string& message_id,
    const std::vector<std::pair<std::string, std::string>>& headers, PublishFailure* failure) {
  *failure = PublishFailure::kNone;
  natsMsg* msg = nullptr;
  natsStatus status = natsMsg_Create(&msg, subject.c_str(), nullptr, data.data(),
                                     static_cast<int>(data.size()));
  for (const auto& [name, value] : headers) {
    if (status == NATS_OK) status = natsMsgHeader_Set(msg, name.c_str(), value.c_str());
  }
  if (status != NATS_OK) {
    natsMsg_Destroy(msg);
    *failure = PublishFailure::kRejected;
    return Error("cannot make a message", status, 0);
  }
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MsgId = message_id.c_str();
  options.MaxWait = 10000;
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  status = js_PublishMsg(&ack, static_cast<jsCtx*>(js_), msg, &options, &code);
  natsMsg_Destroy(msg);
  if (status != NATS_OK) {
    // A full stream answers "maximum bytes/messages exceeded" (a store failure).
    *failure = code == JSStreamStoreFailedErr || code == JSStreamLimitsErr
                   ? PublishFailure::kStreamFull
               : code == JSStreamMessageExceedsMaximumErr || status == NATS_MAX_PAYLOAD ||
                       status == NATS_INVALID_ARG
                   ? PublishFailure::kRejected
                   : PublishFailure::kUnavailable;
    return Error("cannot publish to " + subject, status, code);
  }
  PublishAck result{ack->Sequence, ack->Duplicate};
  jsPubAck_Destroy(ack);
  return result;
}

Status JetStream::Subscribe(const StreamNames& names, const ConsumerSettings& settings) {
  jsCtx* js = static_cast<jsCtx*>(js_);
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Durable = names.consumer.c_str();
  config.AckPolicy = js_AckExplicit;
  config.AckWait = settings.ack_wait.count() * kNanosPerMilli;
  config.MaxDeliver = -1;  // the workers move poisoned messages aside themselves
  config.MaxAckPending = settings.max_ack_pending;
  config.FilterSubject = names.subject.c_str();
  config.DeliverPolicy = js_DeliverAll;
  jsConsumerInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus status = js_AddConsumer(&info, js, names.stream.c_str(), &config, nullptr, &code);
  jsConsumerInfo_Destroy(info);
  info = nullptr;
  if (status != NATS_OK) {
    // It exists with other settings: this worker's settings become the consumer's.
    code = static_cast<jsErrCode>(0);
    status = js_UpdateConsumer(&info, js, names.stream.c_str(), &config, nullptr, &code);
    jsConsumerInfo_Destroy(info);
    if (status != NATS_OK) {
      std::fprintf(stderr, "%s: %s; using the consumer as it is\n", who_.c_str(),
                   Error("cannot update consumer " + names.consumer, status, code).message().c_str());
    }
  }
  jsSubOptions sub_options;
  jsSubOptions_Init(&sub_options);
  sub_options.Stream = names.stream.c_str();
  sub_options.Consumer = names.consumer.c_str();
  sub_options.ManualAck = true;
  natsSubscription* subscription = nullptr;
  code = static_cast<jsErrCode>(0);
  status = js_PullSubscribe(&subscription, js, names.subject.c_str(), names.consumer.c_str(),
                            nullptr, &sub_options, &code);
  if (status != NATS_OK) return Error("cannot subscribe to " + names.consumer, status, code);
  subscription_ = subscription;
  return Status::Ok();
}

Status JetStream::OpenTries(const StreamNames& names) {
  kvStore* kv = nullptr;
  natsStatus status = js_KeyValue(&kv, static_cast<jsCtx*>(js_), names.tries.c_str());
  if (status != NATS_OK) {
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = names.tries.c_str();
    config.History = 1;
    config.TTL = int64_t{7} * 24 * 3600 * 1000 * kNanosPerMilli;
    config.MaxBytes = int64_t{64} << 20;
    config.StorageType = js_FileStorage;
    status = js_CreateKeyValue(&kv, static_cast<jsCtx*>(js_), &config);
    if (status != NATS_OK) {
      // Another worker may have made it in the meantime.
      status = js_KeyValue(&kv, static_cast<jsCtx*>(js_), names.tries.c_str());
    }
  }
  if (status != NATS_OK) return Error("cannot open the key-value bucket " + names.tries, status, 0);
  tries_ = kv;
  return Status::Ok();
}

Result<int> JetStream::Tries(uint64_t sequence) {
  kvEntry* entry = nullptr;
  natsStatus status = kvStore_Get(&entry, static_cast<kvStore*>(tries_),
                                  std::to_string(sequence).c_str());
  if (status == NATS_NOT_FOUND) return 0;
  if (status != NATS_OK) return Error("cannot read the tries of " + std::to_string(sequence), status, 0);
  const int tries = std::atoi(kvEntry_ValueString(entry));
  kvEntry_Destroy(entry);
  return tries;
}

Status JetStream::SetTries(uint64_t sequence, int tries) {
  natsStatus status = kvStore_PutString(nullptr, static_cast<kvStore*>(tries_),
                                        std::to_string(sequence).c_str(),
                                        std::to_string(tries).c_str());
  if (status != NATS_OK) return Error("cannot count a try", status, 0);
  return Status::Ok();
}

void JetStream::ClearTries(uint64_t sequence) {
  (void)kvStore_Delete(static_cast<kvStore*>(tries_), std::to_string(sequence).c_str());
}

Result<std::vector<Message>> JetStream::Fetch(int batch, std::chrono::milliseconds timeout) {
  std::vector<Message> messages;
  // No pull request while the connection is away: libnats would keep it in the
  // reconnect buffer and send it, with every other one made meanwhile, once the
  // server is back, and the messages they bring come after their Fetch is over.
  if (natsConnection_Status(static_cast<natsConnection*>(connection_)) !=
      NATS_CONN_STATUS_CONNECTED) {
    std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(250)));
    return messages;
  }
  auto* subscription = static_cast<natsSubscription*>(subscription_);
  // Messages already delivered to the subscription (for a pull request whose
  // Fetch had ended: a late reply, or requests sent at reconnection) are taken
  // one at a time. libnats 3.4.1's natsSubscription_Fetch takes those first and,
  // when they are more than half the batch but not all of it, asks the server
  // for the rest and then stops only at a count it has already passed: it keeps
  // storing messages past the end of its `batch`-sized array (a heap overflow;
  // seen as 45 messages for a batch of 32, then tcmalloc crashing in a later
  // free). With a batch of 1 that cannot happen. (A batch of as many as wait is not
  // safe: status messages among them, such as a late request time-out, are not
  // taken as messages, and the count may again stop between half and all.)
  int queued = 0;
  if (natsSubscription_GetPending(subscription, &queued, nullptr) == NATS_OK && queued > 0) {
    batch = 1;
  }
  natsMsgList list{};
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus status = natsSubscription_Fetch(&list, subscription, batch, timeout.count(), &code);
  if (status == NATS_TIMEOUT || status == NATS_NOT_FOUND) return messages;
  if (status != NATS_OK) {
    natsMsgList_Destroy(&list);
    return Error("cannot fetch", status, code);
  }
  if (list.Count > batch) {
    // The overflow above happened anyway: the heap is corrupt, so stop here
    // rather than crash somewhere later; the messages are redelivered.
    std::fprintf(stderr, "%s: libnats returned %d messages for a batch of %d (heap overflow in "
                 "natsSubscription_Fetch); aborting\n", who_.c_str(), list.Count, batch);
    std::abort();
  }
  messages.reserve(static_cast<size_t>(list.Count));
  for (int i = 0; i < list.Count; ++i) {
    messages.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;
  }
  natsMsgList_Destroy(&list);
  return messages;
}

Result<std::optional<StreamState>> JetStream::Stream(const std::string& stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus status =
      js_GetStreamInfo(&info, static_cast<jsCtx*>(js_), stream.c_str(), nullptr, &code);
  if (status == NATS_NOT_FOUND || code == JSStreamNotFoundErr) {
    jsStreamInfo_Destroy(info);
    return std::optional<StreamState>();
  }
  if (status != NATS_OK) return Error("cannot read stream " + stream, status, code);
  StreamState state{info->State.Msgs, info->State.Bytes, info->State.FirstSeq,
                    info->State.LastSeq};
  jsStreamInfo_Destroy(info);
  return std::optional<StreamState>(state);
}

Result<std::optional<StoredMessage>> JetStream::Get(const std::string& stream,
                                                     uint64_t sequence) {
  natsMsg* msg = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus status =
      js_GetMsg(&msg, static_cast<jsCtx*>(js_), stream.c_str(), sequence, nullptr, &code);
  if (status == NATS_NOT_FOUND || code == JSNoMessageFoundErr) {
    natsMsg_Destroy(msg);
    return std::optional<StoredMessage>();
  }
  if (status != NATS_OK) return Error("cannot read message " + std::to_string(sequence), status, code);
  StoredMessage stored;
  stored.sequence = sequence;
  Message view(msg);  // owns msg from here
  stored.data = std::string(view.data());
  const char** keys = nullptr;
  int count = 0;
  if (natsMsgHeader_Keys(msg, &keys, &count) == NATS_OK) {
    for (int i = 0; i < count; ++i) {
      if (auto value = view.Header(keys[i])) stored.headers.emplace_back(keys[i], *value);
    }
    free(static_cast<void*>(keys));
  }
  return std::optional<StoredMessage>(std::move(stored));
}

Result<std::optional<ConsumerState>> JetStream::Consumer(const std::string& stream,
                                                         const std::string& consumer) {
  jsConsumerInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus status = js_GetConsumerInfo(&info, static_cast<jsCtx*>(js_), stream.c_str(),
                                         consumer.c_str(), nullptr, &code);
  if (status == NATS_NOT_FOUND || code == JSConsumerNotFoundErr || code == JSStreamNotFoundErr) {
    jsConsumerInfo_Destroy(info);
    return std::optional<ConsumerState>();
  }
  if (status != NATS_OK) return Error("cannot read consumer " + consumer, status, code);
  ConsumerState state;
  state.pending = info->NumPending;
  state.ack_pending = info->NumAckPending;
  state.redelivered = info->NumRedelivered;
  state.delivered = info->Delivered.Consumer;
  state.waiting = info->NumWaiting;
  jsConsumerInfo_Destroy(info);
  return std::optional<ConsumerState>(state);
}

}  // namespace epiwire::queue
