// SPDX-License-Identifier: MIT
// The worker's loop. This thread pulls a batch from the durable consumer,
// extracts it on the extraction pool and hands it to the writer thread, which
// stores it in one transaction and only then acknowledges its messages; while one
// batch is written the next is extracted. A message that comes back (its worker
// died, or its extraction failed) is extracted alone, so that a document that
// kills its worker takes no other with it more than once; after --max-deliver
// tries (counted in a key-value bucket all workers share) it goes to the
// dead-letter stream with its reason, and the stream flows on.
// SIGTERM or SIGINT: no new batch is pulled, the current one is finished,
// stored and acknowledged, and the worker exits.
#include "worker_command.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "input_options.h"
#include "queue_options.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/queue/document_message.h"
#include "epiwire/queue/extraction_pool.h"
#include "epiwire/queue/jetstream.h"
#include "epiwire/store/event_store.h"

namespace epiwire::apps {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int /*signal*/) { g_stop.store(true); }

struct WorkerOptions {
  QueueOptions queue;
  std::string db = "epiwire.db";
  std::string data_dir;
  unsigned jobs = 0;
  int batch = 64;
  int max_deliver = 5;
  double extract_timeout = 60;
  double ack_wait = 60;
  int64_t max_ack_pending = 1024;
  double report_every = 10;
  bool until_empty = false;
  bool quiet = false;
};

// What a worker did; printed as it goes and at the end.
struct Counts {
  size_t fetched = 0;
  size_t inserted = 0;
  size_t unchanged = 0;
  size_t replaced = 0;
  size_t events = 0;
  size_t redelivered = 0;  // messages that came more than once
  size_t retried = 0;      // sent back for another try
  size_t dead = 0;         // moved to the dead letters
  size_t batches = 0;
  size_t store_errors = 0;
  double write_seconds = 0;  // in the store's transactions
};

// Test hooks (the fault tests): a document whose text holds the marker in
// $EPIWIRE_TEST_CRASH_MARKER kills the worker; one holding
// $EPIWIRE_TEST_STALL_MARKER never finishes its extraction.
struct TestHooks {
  std::string crash = Env("EPIWIRE_TEST_CRASH_MARKER");
  std::string stall = Env("EPIWIRE_TEST_STALL_MARKER");

  static std::string Env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
  }
  void Apply(const Document& document) const {
    if (!crash.empty() && document.text.find(crash) != std::string::npos) std::abort();
    if (!stall.empty() && document.text.find(stall) != std::string::npos) {
      std::this_thread::sleep_for(std::chrono::hours(1));
    }
  }
};

struct Pulled {
  queue::Message message;
  std::optional<Extraction> extraction;
};

class Worker {
 public:
  Worker(const WorkerOptions& options, QueueConnection& queue,
         std::unique_ptr<store::EventStore> store, const pipeline::Pipeline& pipeline,
         unsigned jobs, bool progress)
      : options_(options), queue_(queue), store_(std::move(store)), progress_(progress),
        pool_([&pipeline, hooks = TestHooks()](Document document) {
                hooks.Apply(document);
                return pipeline.Extract(std::move(document));
              },
              jobs),
        started_(Clock::now()), last_report_(started_) {
    writer_ = std::thread([this] { WriteLoop(); });
  }

  // Runs until SIGTERM (or, with --until-empty, until the stream is drained).
  void Run() {
    bool said_fetch_error = false;
    while (!g_stop.load()) {
      auto fetched = queue_.js->Fetch(options_.batch, std::chrono::milliseconds(1000));
      if (!fetched.ok()) {
        if (!said_fetch_error) Print(fetched.status().message() + "; trying again");
        said_fetch_error = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        continue;
      }
      said_fetch_error = false;
      Report(false);
      if (fetched->empty()) {
        if (options_.until_empty && Drained()) break;
        continue;
      }
      std::vector<queue::Message> fresh;
      std::vector<queue::Message> again;
      for (queue::Message& message : fetched.value()) {
        (message.deliveries() > 1 ? again : fresh).push_back(std::move(message));
      }
      {
        std::lock_guard lock(mu_);
        counts_.fetched += fresh.size() + again.size();
        counts_.redelivered += again.size();
      }
      Process(std::move(fresh), false);
      // One at a time, with nothing else being extracted: if it kills the worker
      // again, it goes alone.
      for (queue::Message& message : again) {
        WaitForWriter();
        std::vector<queue::Message> one;
        one.push_back(std::move(message));
        Process(std::move(one), true);
      }
    }
    WaitForWriter();
    {
      std::lock_guard lock(mu_);
      writer_done_ = true;
      cv_.notify_all();
    }
    writer_.join();
    Report(true);
  }

  Counts counts() {
    std::lock_guard lock(mu_);
    return counts_;
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }
  size_t given_up_threads() const { return pool_.given_up(); }

 private:
  // Decodes and extracts `messages`; the extracted go to the writer as one batch.
  // `alone`: one redelivered message, whose tries are counted in the shared bucket.
  void Process(std::vector<queue::Message> messages, bool alone) {
    std::vector<Pending> pending;
    std::vector<queue::ExtractionPool::Job> jobs;
    for (queue::Message& message : messages) {
      auto document = queue::DecodeDocument(message.data());
      if (!document.ok()) {
        DeadLetter(message, "not a document: " + document.status().message());
        continue;
      }
      int try_number = 1;
      if (alone) {
        // Its first try was in a batch; the bucket counts those made alone. Without
        // the bucket the deliveries stand in (they also count documents lost with
        // a dying worker before they were tried).
        auto counted = queue_.js->Tries(message.stream_sequence());
        const int before = counted.ok() ? 1 + counted.value()
                                        : static_cast<int>(message.deliveries()) - 1;
        if (before >= options_.max_deliver ||
            message.deliveries() > 10 * static_cast<uint64_t>(options_.max_deliver)) {
          DeadLetter(message, "tried " + std::to_string(before) +
                                  " times without being stored: each try crashed or stopped "
                                  "the worker holding it, or ran out of time");
          continue;
        }
        try_number = before + 1;
        (void)queue_.js->SetTries(message.stream_sequence(), before);
      }
      jobs.push_back(queue::ExtractionPool::Job{std::move(document).value(), std::nullopt, ""});
      pending.push_back(Pending{std::move(message), try_number});
    }
    if (jobs.empty()) return;
    pool_.Run(jobs, std::chrono::milliseconds(static_cast<int64_t>(options_.extract_timeout * 1000)));
    std::vector<Pulled> batch;
    for (size_t i = 0; i < jobs.size(); ++i) {
      queue::Message& message = pending[i].message;
      if (!jobs[i].extraction) {
        Fail(message, jobs[i].error, pending[i].try_number);
        continue;
      }
      batch.push_back(Pulled{std::move(message), std::move(jobs[i].extraction)});
    }
    if (batch.empty()) return;
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !writer_batch_; });  // one batch waits while one is written
    writer_batch_ = std::move(batch);
    cv_.notify_all();
  }

  struct Pending {
    queue::Message message;
    int try_number;
  };

  // A failed try: another later, or the dead letters after the last one.
  void Fail(queue::Message& message, const std::string& reason, int try_number) {
    if (try_number >= options_.max_deliver) {
      DeadLetter(message, reason + " (try " + std::to_string(try_number) + " of " +
                              std::to_string(options_.max_deliver) + ")");
      return;
    }
    Print("stream message " + std::to_string(message.stream_sequence()) + ": " + reason +
          "; it will be tried again");
    const auto delay =
        std::chrono::milliseconds(std::min<int64_t>(30000, 500 * static_cast<int64_t>(try_number)));
    (void)message.Nak(delay);
    std::lock_guard lock(mu_);
    ++counts_.retried;
  }

  void DeadLetter(queue::Message& message, std::string reason) {
    for (char& c : reason) {
      if (c == '\r' || c == '\n') c = ' ';
    }
    if (reason.size() > 2000) reason.resize(2000);
    const std::string sequence = std::to_string(message.stream_sequence());
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Epiwire-Reason", reason},
        {"Epiwire-Deliveries", std::to_string(message.deliveries())},
        {"Epiwire-Stream-Sequence", sequence}};
    queue::PublishFailure failure = queue::PublishFailure::kNone;
    // The id makes a dead letter published twice (a worker dying in between) one.
    auto published = queue_.js->Publish(queue_.names.dead_subject, message.data(),
                                        "dead:" + queue_.names.stream + ":" + sequence, headers,
                                        &failure);
    if (!published.ok()) {
      Print("stream message " + sequence + ": cannot move it to the dead letters: " +
            published.status().message() + "; it will be tried again");
      (void)message.Nak(std::chrono::seconds(5));
      return;
    }
    (void)message.Term();
    if (message.deliveries() > 1) queue_.js->ClearTries(message.stream_sequence());
    Print("stream message " + sequence + ": moved to " + queue_.names.dead_subject + ": " + reason);
    std::lock_guard lock(mu_);
    ++counts_.dead;
  }

  void WaitForWriter() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !writer_batch_ && !writing_; });
  }

  void WriteLoop() {
    for (;;) {
      std::vector<Pulled> batch;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return writer_batch_.has_value() || writer_done_; });
        if (!writer_batch_) return;
        batch = std::move(*writer_batch_);
        writer_batch_.reset();
        writing_ = true;
        cv_.notify_all();
      }
      Write(batch);
      std::lock_guard lock(mu_);
      writing_ = false;
      cv_.notify_all();
    }
  }

  // One transaction for the batch, then the acknowledgements. A batch the store
  // refuses as a whole is stored document by document to find the one at fault.
  void Write(std::vector<Pulled>& batch) {
    std::vector<Extraction> extractions;
    extractions.reserve(batch.size());
    for (Pulled& pulled : batch) extractions.push_back(std::move(*pulled.extraction));
    const auto started = Clock::now();
    auto outcomes = store_->PutBatch(extractions);
    {
      std::lock_guard lock(mu_);
      counts_.write_seconds += std::chrono::duration<double>(Clock::now() - started).count();
    }
    if (outcomes.ok()) {
      Stored(batch, extractions, outcomes.value());
      return;
    }
    if (outcomes.status().code() != StatusCode::kInvalidInput) {
      StoreFailed(batch, outcomes.status());
      return;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      auto outcome = store_->Put(extractions[i]);
      if (outcome.ok()) {
        std::vector<Pulled> one;
        one.push_back(std::move(batch[i]));
        Stored(one, {extractions[i]}, {outcome.value()});
      } else if (outcome.status().code() == StatusCode::kInvalidInput) {
        DeadLetter(batch[i].message, "not storable: " + outcome.status().message());
      } else {
        std::vector<Pulled> one;
        one.push_back(std::move(batch[i]));
        StoreFailed(one, outcome.status());
      }
    }
  }

  void Stored(std::vector<Pulled>& batch, const std::vector<Extraction>& extractions,
              const std::vector<store::PutOutcome>& outcomes) {
    for (Pulled& pulled : batch) {
      (void)pulled.message.Ack();
      if (pulled.message.deliveries() > 1) queue_.js->ClearTries(pulled.message.stream_sequence());
    }
    std::lock_guard lock(mu_);
    consecutive_store_errors_ = 0;
    ++counts_.batches;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      switch (outcomes[i]) {
        case store::PutOutcome::kInserted: ++counts_.inserted; break;
        case store::PutOutcome::kUnchanged: ++counts_.unchanged; break;
        case store::PutOutcome::kReplaced: ++counts_.replaced; break;
      }
      if (outcomes[i] != store::PutOutcome::kUnchanged) counts_.events += extractions[i].events.size();
    }
  }

  // The store failed (connection lost, server down): nothing is acknowledged, the
  // messages come back; after a few failures in a row the store is opened anew.
  void StoreFailed(std::vector<Pulled>& batch, const Status& status) {
    Print("store " + StoreName(options_.db) + ": " + status.message() +
          "; the batch will be tried again");
    for (Pulled& pulled : batch) (void)pulled.message.Nak(std::chrono::seconds(2));
    size_t errors = 0;
    {
      std::lock_guard lock(mu_);
      ++counts_.store_errors;
      errors = ++consecutive_store_errors_;
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    if (errors >= 3) {
      auto reopened = store::EventStore::Open(options_.db);
      if (reopened.ok()) {
        store_ = std::move(reopened).value();
        Print("store " + StoreName(options_.db) + " opened again");
      }
    }
  }

  // No message left to deliver nor waiting for an acknowledgement (any worker's).
  bool Drained() {
    auto consumer = queue_.js->Consumer(queue_.names.stream, queue_.names.consumer);
    return consumer.ok() && consumer->has_value() && consumer->value().pending == 0 &&
           consumer->value().ack_pending == 0;
  }

  void Report(bool final) {
    if (options_.quiet) return;
    const auto now = Clock::now();
    const auto every = std::chrono::duration<double>(progress_ ? 0.2 : options_.report_every);
    if (!final && now - last_report_ < every) return;
    last_report_ = now;
    const Counts c = counts();
    const size_t stored = c.inserted + c.unchanged + c.replaced;
    const double seconds = Seconds();
    std::string line = std::to_string(stored) + " documents stored (" +
                       std::to_string(c.inserted) + " new, " + std::to_string(c.unchanged) +
                       " unchanged), " + std::to_string(c.redelivered) + " redelivered, " +
                       std::to_string(c.dead) + " dead letters";
    char rate[64];
    std::snprintf(rate, sizeof rate, ", %.1f docs/s", seconds > 0 ? stored / seconds : 0.0);
    line += rate;
    std::lock_guard lock(print_mu_);
    if (progress_) {
      std::fprintf(stderr, "\r\x1b[Kepiwire worker: %s%s", line.c_str(), final ? "\n" : "");
    } else if (!final) {
      std::fprintf(stderr, "epiwire worker: %s\n", line.c_str());
    }
    std::fflush(stderr);
  }

  void Print(const std::string& line) {
    std::lock_guard lock(print_mu_);
    if (progress_) std::fputs("\r\x1b[K", stderr);
    std::fprintf(stderr, "epiwire worker: %s\n", line.c_str());
  }

  const WorkerOptions& options_;
  QueueConnection& queue_;
  std::unique_ptr<store::EventStore> store_;  // used by the writer thread only
  const bool progress_;
  queue::ExtractionPool pool_;
  const Clock::time_point started_;
  Clock::time_point last_report_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<std::vector<Pulled>> writer_batch_;
  bool writing_ = false;
  bool writer_done_ = false;
  Counts counts_;
  size_t consecutive_store_errors_ = 0;
  std::mutex print_mu_;
  std::thread writer_;
};

int RunWorker(const WorkerOptions& options) {
  auto opened = store::EventStore::Open(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "epiwire worker: %s\n", opened.status().message().c_str());
    return 2;
  }
  InputOptions input;
  input.data_dir = options.data_dir;
  input.jobs = options.jobs;
  const std::unique_ptr<pipeline::Pipeline> pipeline = LoadPipeline(input, "worker");
  if (!pipeline) return 2;
  std::optional<QueueConnection> queue = ConnectQueue(options.queue, "worker", true);
  if (!queue) return 2;
  queue::ConsumerSettings settings;
  settings.ack_wait = std::chrono::milliseconds(static_cast<int64_t>(options.ack_wait * 1000));
  settings.max_ack_pending = options.max_ack_pending;
  if (Status status = queue->js->OpenTries(queue->names); !status.ok()) {
    std::fprintf(stderr, "epiwire worker: %s\n", status.message().c_str());
    return 2;
  }
  if (Status status = queue->js->Subscribe(queue->names, settings); !status.ok()) {
    std::fprintf(stderr, "epiwire worker: %s\n", status.message().c_str());
    return 2;
  }
  std::signal(SIGTERM, OnStopSignal);
  std::signal(SIGINT, OnStopSignal);
  const unsigned jobs = WorkerCount(input);
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  auto worker = std::make_unique<Worker>(options, *queue, std::move(opened).value(), *pipeline,
                                         jobs, progress);
  worker->Run();
  const Counts c = worker->counts();
  const double seconds = worker->Seconds();
  const size_t stored = c.inserted + c.unchanged + c.replaced;
  if (!options.quiet) {
    std::fprintf(stderr,
                 "epiwire worker: %zu documents stored in %.1f s (%.1f docs/s, %u extraction "
                 "threads) in %zu batches: %zu inserted, %zu unchanged, %zu replaced; %zu events "
                 "written; %zu redelivered, %zu sent back for another try, %zu dead letters, %zu "
                 "store errors\n",
                 stored, seconds, seconds > 0 ? static_cast<double>(stored) / seconds : 0.0, jobs,
                 c.batches, c.inserted, c.unchanged, c.replaced, c.events, c.redelivered,
                 c.retried, c.dead, c.store_errors);
    std::fprintf(stderr,
                 "epiwire worker: counts fetched=%zu inserted=%zu unchanged=%zu replaced=%zu "
                 "redelivered=%zu retried=%zu dead=%zu store_errors=%zu seconds=%.2f "
                 "write_seconds=%.2f\n",
                 c.fetched, c.inserted, c.unchanged, c.replaced, c.redelivered, c.retried, c.dead,
                 c.store_errors, seconds, c.write_seconds);
  }
  std::fflush(stderr);
  if (worker->given_up_threads() > 0) {
    // A given-up extraction may still be running over the pipeline: end here,
    // without destroying what it uses. Everything is stored and acknowledged.
    std::_Exit(0);
  }
  return 0;
}

}  // namespace

void AddWorkerCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* command = app.add_subcommand(
      "worker",
      "Pull documents published by `epiwire publish` from the NATS JetStream stream, extract\n"
      "them and store them (a batch per transaction), acknowledging each message only after\n"
      "its batch is committed. Run as many workers, on as many machines, as the stream needs:\n"
      "they share one durable consumer. A document stored before is left unchanged, so a\n"
      "redelivery never counts twice.");
  AddQueueOptions(command, options->queue);
  command->add_option("--db", options->db,
                      "Store: a PostgreSQL URL (postgresql://user@host/db) for several workers,\n"
                      "or a SQLite file for one. Default: epiwire.db");
  command->add_option("--data-dir", options->data_dir,
                      "Directory with lexicon/ and gazetteer/ (default: the installed data)");
  command->add_option("-j,--jobs", options->jobs,
                      "Extraction threads (default: one per core); one more thread writes");
  command->add_option("--batch", options->batch,
                      "Documents pulled, and stored in one transaction, at a time (default 64)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--max-deliver", options->max_deliver,
                      "Tries before a document goes to the dead letters (default 5): its\n"
                      "extraction failed or timed out, or it crashed the worker")
      ->check(CLI::Range(1, 100));
  command->add_option("--extract-timeout", options->extract_timeout,
                      "Seconds one document's extraction may take before it counts as a failed\n"
                      "try (default 60)")
      ->check(CLI::Range(0.1, 86400.0));
  command->add_option("--ack-wait", options->ack_wait,
                      "Seconds before the server redelivers an unacknowledged message, e.g. a\n"
                      "dead worker's (default 60; the consumer takes the last worker's value)")
      ->check(CLI::Range(1.0, 86400.0));
  command->add_option("--max-ack-pending", options->max_ack_pending,
                      "Back-pressure: messages delivered to all workers and not yet acknowledged\n"
                      "(default 1024)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 20));
  command->add_option("--report-every", options->report_every,
                      "Seconds between throughput lines when standard error is not a terminal\n"
                      "(default 10)")
      ->check(CLI::Range(0.1, 86400.0));
  command->add_flag("--until-empty", options->until_empty,
                    "Exit once the stream has nothing left to deliver or acknowledge");
  command->add_flag("-q,--quiet", options->quiet, "No progress and no summary on standard error");
  command->footer(
      "SIGTERM or SIGINT stops the worker gracefully: the batch in hand is finished, stored and\n"
      "acknowledged. A summary with the throughput closes the run.\n"
      "Exit status: 0 stopped; 2 bad usage, data, or no store or server at the start.");
  command->callback([options, exit_code] { *exit_code = RunWorker(*options); });
}

}  // namespace epiwire::apps
