// SPDX-License-Identifier: MIT
// Each document is published with its message id (document id and text hash):
// a publish repeated within the stream's duplicate window is dropped by the
// server, so publishing again after a failure, or the same feed twice, is safe.
// When the stream is full the publisher waits for the workers; when the server
// is away it tries again for --retry-for seconds.
#include "publish_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "input_options.h"
#include "queue_options.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/queue/document_message.h"

namespace epiwire::apps {
namespace {

struct PublishOptions {
  InputOptions input;
  QueueOptions queue;
  int64_t stream_max_bytes = int64_t{4} << 30;
  int64_t duplicate_window = 20 * 60;
  int64_t retry_for = 60;
  bool quiet = false;
};

struct Tally {
  size_t read = 0;
  size_t published = 0;
  size_t duplicates = 0;
  size_t bytes = 0;
  ProblemTally problems;
};

class Publisher {
 public:
  Publisher(const PublishOptions& options, QueueConnection& queue, bool progress)
      : options_(options), queue_(queue), progress_(progress),
        started_(std::chrono::steady_clock::now()) {}

  // False when the server stays away (or refuses) past --retry-for: stop reading.
  bool Publish(const Document& document) {
    ++tally_.read;
    const std::string data = queue::EncodeDocument(document);
    const std::string where = document.origin.empty() ? document.id : document.origin;
    // Headers and framing take a little of the server's limit.
    if (static_cast<int64_t>(data.size()) + 1024 > queue_.js->max_payload()) {
      Problem(ingest::InputProblem{
          where,
          "larger than the server's max_payload: " + std::to_string(data.size()) + " bytes (raise "
          "max_payload in the nats-server configuration)",
          true});
      return true;
    }
    const std::string id = queue::MessageId(document);
    auto give_up_at = std::chrono::steady_clock::now() + std::chrono::seconds(options_.retry_for);
    bool said_full = false;
    for (;;) {
      queue::PublishFailure failure = queue::PublishFailure::kNone;
      auto ack = queue_.js->Publish(queue_.names.subject, data, id, {}, &failure);
      if (ack.ok()) {
        ++(ack->duplicate ? tally_.duplicates : tally_.published);
        tally_.bytes += data.size();
        ShowProgress(false);
        return true;
      }
      if (failure == queue::PublishFailure::kRejected) {
        Problem(ingest::InputProblem{where, "refused by the server: " + ack.status().message(), true});
        return true;
      }
      if (failure == queue::PublishFailure::kStreamFull) {
        // Back-pressure: the workers make room.
        if (!said_full) Print("the stream is full; waiting for the workers to make room");
        said_full = true;
        give_up_at = std::chrono::steady_clock::now() + std::chrono::seconds(options_.retry_for);
      } else if (std::chrono::steady_clock::now() > give_up_at) {
        Print(ack.status().message() + " (gave up after " + std::to_string(options_.retry_for) +
              " s)");
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  }

  void Problem(const ingest::InputProblem& problem) {
    Print(problem.where + ": " + problem.what + (problem.skipped ? " (skipped)" : ""));
    tally_.problems.Count(problem);
  }

  void ShowProgress(bool final) {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress_ < std::chrono::milliseconds(100)) return;
    last_progress_ = now;
    std::fprintf(stderr, "\r\x1b[Kepiwire publish: %zu documents, %zu duplicates, %.1f docs/s",
                 tally_.published, tally_.duplicates, Rate());
    if (final) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }
  double Rate() const {
    const double seconds = Seconds();
    return seconds > 0 ? static_cast<double>(tally_.published + tally_.duplicates) / seconds : 0.0;
  }
  const Tally& tally() const { return tally_; }

 private:
  void Print(const std::string& line) {
    if (progress_) std::fputs("\r\x1b[K", stderr);
    std::fprintf(stderr, "epiwire publish: %s\n", line.c_str());
  }

  const PublishOptions& options_;
  QueueConnection& queue_;
  const bool progress_;
  const std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_progress_;
  Tally tally_;
};

int RunPublish(const PublishOptions& options) {
  const std::optional<ingest::ReadOptions> read_options = MakeReadOptions(options.input, "publish");
  if (!read_options) return 2;
  queue::StreamLimits limits;
  limits.max_bytes = options.stream_max_bytes;
  limits.duplicate_window = std::chrono::seconds(options.duplicate_window);
  std::optional<QueueConnection> queue = ConnectQueue(options.queue, "publish", true, limits);
  if (!queue) return 2;
  Publisher publisher(options, *queue, !options.quiet && isatty(STDERR_FILENO));
  bool unreadable = false;
  bool server_lost = false;
  for (const std::string& input : options.input.inputs) {
    if (server_lost) break;
    Status status = ingest::ReadPath(
        input, *read_options,
        [&](Document&& document) {
          if (!server_lost && !publisher.Publish(document)) server_lost = true;
        },
        [&](const ingest::InputProblem& problem) { publisher.Problem(problem); });
    if (!status.ok()) {
      std::fprintf(stderr, "epiwire publish: %s\n", status.message().c_str());
      unreadable = true;
    }
  }
  publisher.ShowProgress(true);
  const Tally& tally = publisher.tally();
  if (!options.quiet) {
    std::fprintf(stderr,
                 "epiwire publish: %zu documents published to %s in %.1f s (%.1f docs/s, %.1f "
                 "MB): %zu new, %zu duplicates dropped by the server; %zu skipped, %zu read with "
                 "problems\n",
                 tally.published + tally.duplicates, queue->names.stream.c_str(),
                 publisher.Seconds(), publisher.Rate(), static_cast<double>(tally.bytes) / 1e6,
                 tally.published, tally.duplicates, tally.problems.skipped,
                 tally.problems.repaired);
    tally.problems.PrintReasons(stderr);
  }
  if (server_lost) return 2;
  return unreadable || tally.problems.skipped > 0 ? 1 : 0;
}

}  // namespace

void AddPublishCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<PublishOptions>();
  CLI::App* command = app.add_subcommand(
      "publish",
      "Read news documents (as `extract` does) and publish each to a NATS JetStream stream\n"
      "for `epiwire worker` processes to extract and store. The stream (and its dead-letter\n"
      "stream) is created when missing. Each message's id is the document id with a hash of\n"
      "its text: the server drops a repeated publish within its duplicate window.");
  AddInputOptions(command, options->input, "");
  AddQueueOptions(command, options->queue);
  command->add_option("--stream-max-bytes", options->stream_max_bytes,
                      "Size limit of a stream this command creates (default 4 GiB); a full\n"
                      "stream refuses new documents and the publisher waits for the workers");
  command->add_option("--duplicate-window", options->duplicate_window,
                      "Seconds the server remembers message ids, for a stream this command\n"
                      "creates (default 1200)")
      ->check(CLI::Range(int64_t{1}, int64_t{7 * 24 * 3600}));
  command->add_option("--retry-for", options->retry_for,
                      "Seconds to keep trying when the server does not answer (default 60)")
      ->check(CLI::Range(int64_t{0}, int64_t{24 * 3600}));
  command->add_flag("-q,--quiet", options->quiet, "No progress and no summary on standard error");
  command->footer(
      "A document larger than the server's max_payload (1 MB unless its configuration says\n"
      "otherwise) is skipped with a message. A progress line is shown when standard error is a\n"
      "terminal; a summary (new, duplicates, skipped with reasons) closes the run.\n"
      "Exit status: 0 all input published; 1 some input skipped or unreadable (each problem is\n"
      "named on standard error, the rest is published); 2 bad usage or no server.");
  command->callback([options, exit_code] { *exit_code = RunPublish(*options); });
}

}  // namespace epiwire::apps
