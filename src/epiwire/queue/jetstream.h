// SPDX-License-Identifier: MIT
// A small C++ face over Debian's NATS C client (libnats) for what epiwire needs of
// JetStream: the document stream and its dead-letter stream, publishing with a
// message id, one durable pull consumer with explicit acknowledgement, and the
// state of both for `status`. The connection reconnects by itself, forever, when
// the server goes away. Exercised by tests/scaleout (it needs a running server).
#ifndef EPIWIRE_QUEUE_JETSTREAM_H_
#define EPIWIRE_QUEUE_JETSTREAM_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "epiwire/base/status.h"

namespace epiwire::queue {

// The names of the streams, their subjects and the workers' consumer. All derive
// from the document stream's name.
struct StreamNames {
  std::string stream;        // "EPIWIRE_DOCS"
  std::string subject;       // "epiwire.docs"
  std::string dead_stream;   // "EPIWIRE_DOCS_DEAD"
  std::string dead_subject;  // "epiwire.docs.dead"
  std::string consumer;      // "workers"
  std::string tries;         // "EPIWIRE_DOCS_TRIES", a key-value bucket

  // Nullopt unless `stream` is 1-64 of A-Z, a-z, 0-9, '_' and '-'.
  static std::optional<StreamNames> For(const std::string& stream);
};

inline constexpr char kDefaultStream[] = "EPIWIRE_DOCS";
inline constexpr char kDefaultUrl[] = "nats://127.0.0.1:4222";

// Limits of a stream made by EnsureStreams. Both streams refuse new messages when
// full rather than dropping old ones: nothing unread is ever thrown away, and the
// publisher waits instead.
struct StreamLimits {
  int64_t max_bytes = int64_t{4} << 30;
  int64_t dead_max_bytes = int64_t{256} << 20;
  std::chrono::seconds duplicate_window{20 * 60};
};

struct ConsumerSettings {
  std::chrono::milliseconds ack_wait{60000};  // redelivered when not acknowledged by then
  int64_t max_ack_pending = 1024;             // delivered but unacknowledged, all workers
};

struct StreamState {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t first_sequence = 0;
  uint64_t last_sequence = 0;
};

// A message read back from a stream by its sequence (the dead letters).
struct StoredMessage {
  uint64_t sequence = 0;
  std::string data;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ConsumerState {
  uint64_t pending = 0;      // in the stream, not delivered yet
  int64_t ack_pending = 0;   // delivered, not acknowledged yet
  int64_t redelivered = 0;   // delivered more than once and not acknowledged yet
  uint64_t delivered = 0;    // deliveries so far (consumer sequence)
  int64_t waiting = 0;       // pull requests waiting
};

// Why a publish failed: worth waiting (the stream is full), worth trying again
// (no server, a time-out), or never going to succeed (too large, refused).
enum class PublishFailure { kNone, kStreamFull, kUnavailable, kRejected };

struct PublishAck {
  uint64_t sequence = 0;
  bool duplicate = false;  // the server had this message id within its window
};

// A message pulled from the document stream. Owns it; movable.
class Message {
 public:
  explicit Message(void* msg);
  Message(Message&& other) noexcept;
  Message& operator=(Message&& other) noexcept;
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;
  ~Message();

  std::string_view data() const;
  uint64_t deliveries() const { return deliveries_; }  // 1 the first time
  uint64_t stream_sequence() const { return stream_sequence_; }
  std::optional<std::string> Header(const char* name) const;

  Status Ack();
  // Asks for redelivery after `delay`.
  Status Nak(std::chrono::milliseconds delay);
  // Never again (it went to the dead letters).
  Status Term();

 private:
  void* msg_;
  uint64_t deliveries_ = 1;
  uint64_t stream_sequence_ = 0;
};

class JetStream {
 public:
  // Connects to the server(s) in `url` (comma-separated). `who` starts the lines
  // printed on standard error when the connection is lost and found again.
  static Result<std::unique_ptr<JetStream>> Connect(const std::string& url, const std::string& who);
  ~JetStream();
  JetStream(const JetStream&) = delete;
  JetStream& operator=(const JetStream&) = delete;

  // Creates the document stream (work-queue retention: a message goes once it is
  // acknowledged) and the dead-letter stream when missing; existing ones are used
  // as they are.
  Status EnsureStreams(const StreamNames& names, const StreamLimits& limits);

  Result<PublishAck> Publish(const std::string& subject, std::string_view data,
                             const std::string& message_id,
                             const std::vector<std::pair<std::string, std::string>>& headers,
                             PublishFailure* failure);

  // Creates (or updates to `settings`) the durable consumer and subscribes to it.
  Status Subscribe(const StreamNames& names, const ConsumerSettings& settings);
  // How often each redelivered document was tried, by stream sequence, in a
  // key-value bucket that every worker shares (created when missing; entries
  // expire after a week). A redelivery alone does not say it: a worker that dies
  // takes with it documents it never began.
  Status OpenTries(const StreamNames& names);
  Result<int> Tries(uint64_t sequence);
  Status SetTries(uint64_t sequence, int tries);
  void ClearTries(uint64_t sequence);

  // Up to `batch` messages, waiting at most `timeout`; none when there are none.
  Result<std::vector<Message>> Fetch(int batch, std::chrono::milliseconds timeout);

  // Nullopt when the stream or consumer does not exist.
  Result<std::optional<StreamState>> Stream(const std::string& stream);
  Result<std::optional<ConsumerState>> Consumer(const std::string& stream,
                                                const std::string& consumer);

  // Nullopt when there is no message with that sequence (any more).
  Result<std::optional<StoredMessage>> Get(const std::string& stream, uint64_t sequence);

  // The largest message the server takes.
  int64_t max_payload() const;
  const std::string& url() const { return url_; }

 private:
  JetStream() = default;
  Status Error(const std::string& what, int status, int js_code) const;

  std::string url_;
  std::string who_;
  void* connection_ = nullptr;
  void* js_ = nullptr;
  void* subscription_ = nullptr;
  void* callbacks_ = nullptr;  // kept for the process's life (see jetstream.cc)
  void* tries_ = nullptr;
};

}  // namespace epiwire::queue

#endif  // EPIWIRE_QUEUE_JETSTREAM_H_
