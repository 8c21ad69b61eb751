// SPDX-License-Identifier: MIT
// Three stages run at once: this thread reads documents, worker threads extract
// them, and one writer thread stores the extractions in input order, a batch a
// transaction (the store is written from one thread only), while the next batch
// is extracted. A window bounds how far reading runs ahead.
#include "ingest_command.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "input_options.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/store/event_store.h"

namespace epiwire::apps {
namespace {

struct IngestOptions {
  InputOptions input;
  std::string db = "epiwire.db";
  bool quiet = false;
};

struct Tally {
  size_t read = 0;
  size_t extracted = 0;
  size_t inserted = 0;
  size_t unchanged = 0;
  size_t replaced = 0;
  size_t events = 0;
  size_t transactions = 0;  // committed
  ProblemTally problems;
};

class Ingest {
 public:
  // The window also holds at most this much text (one document always fits), so
  // that a run of large documents does not hold a window's worth of them.
  static constexpr size_t kMostBytesInFlight = size_t{256} << 20;
  // A batch is full at the store's count of documents or at this much text, whichever
  // comes first: large documents would fill the window's bytes before a batch's count,
  // and the writer would wait for all of them to be extracted.
  static constexpr size_t kMostBytesABatch = size_t{32} << 20;

  Ingest(const pipeline::Pipeline& pipeline, store::EventStore& store, unsigned jobs,
         bool progress)
      : pipeline_(pipeline), store_(store), jobs_(jobs), progress_(progress),
        batch_(std::max<size_t>(1, store.PreferredBatch())),
        window_(2 * batch_ + 8 * static_cast<size_t>(jobs)) {}

  void Start() {
    started_ = std::chrono::steady_clock::now();
    for (unsigned i = 0; i < jobs_; ++i) workers_.emplace_back([this] { ExtractLoop(); });
    writer_ = std::thread([this] { WriteLoop(); });
  }

  // Called from the reading thread; blocks while the window is full.
  void Add(Document&& document) {
    std::unique_lock lock(mu_);
    ++tally_.read;
    const size_t bytes = document.text.size();
    room_cv_.wait(lock, [&] {
      return fatal_ || (next_read_ - next_write_ < window_ &&
                        (next_read_ == next_write_ || bytes_in_flight_ + bytes <= kMostBytesInFlight));
    });
    if (fatal_) return;
    bytes_in_flight_ += bytes;
    sizes_.push_back(bytes);
    pending_.emplace_back(next_read_++, std::move(document));
    work_cv_.notify_one();
  }

  void Problem(const ingest::InputProblem& problem) {
    std::lock_guard lock(mu_);
    Print(problem.where + ": " + problem.what + (problem.skipped ? " (skipped)" : ""));
    tally_.problems.Count(problem);
  }

  // Waits for every document read so far to be stored. Returns false after a store failure.
  bool Finish() {
    {
      std::lock_guard lock(mu_);
      reading_done_ = true;
      work_cv_.notify_all();
      write_cv_.notify_one();
    }
    for (std::thread& worker : workers_) worker.join();
    writer_.join();
    if (progress_) {
      ShowProgress(std::chrono::steady_clock::now());  // the final figures stay on screen
      std::fputc('\n', stderr);
    }
    return !fatal_;
  }

  const Tally& tally() const { return tally_; }

 private:
  void ExtractLoop() {
    for (;;) {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return fatal_ || !pending_.empty() || reading_done_; });
      if (fatal_ || pending_.empty()) return;
      auto [sequence, document] = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      std::vector<std::string> limits_hit;
      Extraction extraction = pipeline_.Extract(std::move(document), &limits_hit);
      lock.lock();
      for (const std::string& limit : limits_hit) {
        const Document& doc = extraction.document;
        ingest::InputProblem problem{doc.origin.empty() ? doc.id : doc.origin, limit, false};
        Print(problem.where + ": " + problem.what);
        tally_.problems.Count(problem);
      }
      extracted_bytes_ += extraction.document.text.size();
      extracted_.emplace(sequence, std::move(extraction));
      ++tally_.extracted;
      MaybeShowProgress();
      if (BatchReady()) write_cv_.notify_one();
    }
  }

  // What is ready is stored in input order, up to batch_ documents a transaction.
  // The writer waits for a full batch while documents read are still being
  // extracted: a commit writes every page the batch touched, and the indexes' pages
  // are touched by any batch, so that small ones cost most of a large one. (It had
  // stored what there was at each wake: 83 documents a transaction on average when
  // extraction is the slower, and a log of 312 MB for a store of 120 MB.) Once all
  // that was read is extracted (the input is slower, or over), it stores what there
  // is. A batch the store refuses is stored one by one, so that only a bad document
  // is skipped.
  void WriteLoop() {
    for (;;) {
      std::unique_lock lock(mu_);
      write_cv_.wait(lock, [&] {
        return fatal_ || BatchReady() ||
               (reading_done_ && pending_.empty() && next_write_ == next_read_);
      });
      if (fatal_ || extracted_.count(next_write_) == 0) return;
      std::vector<Extraction> batch;
      size_t batch_bytes = 0;
      for (size_t at = next_write_;
           batch.size() < batch_ && batch_bytes < kMostBytesABatch && extracted_.count(at) > 0;
           ++at) {
        batch.push_back(std::move(extracted_.extract(at).mapped()));
        batch_bytes += batch.back().document.text.size();
      }
      extracted_bytes_ -= batch_bytes;
      lock.unlock();
      size_t commits = 0;
      std::vector<Result<store::PutOutcome>> outcomes = Store(batch, commits);
      lock.lock();
      tally_.transactions += commits;
      for (size_t i = 0; i < outcomes.size(); ++i) Record(batch[i], outcomes[i]);
      next_write_ += batch.size();
      for (size_t i = 0; i < batch.size(); ++i) {
        bytes_in_flight_ -= sizes_.front();
        sizes_.pop_front();
      }
      room_cv_.notify_one();
      if (fatal_) {
        room_cv_.notify_all();
        work_cv_.notify_all();
      }
    }
  }

  // Called with mu_ held: whether the writer has a batch to store, a full one or, once
  // all that was read is extracted, what there is.
  bool BatchReady() const {
    const bool all_extracted = extracted_.size() == next_read_ - next_write_;
    const bool full = extracted_.size() >= batch_ || extracted_bytes_ >= kMostBytesABatch;
    return extracted_.count(next_write_) > 0 && (full || all_extracted);
  }

  // One outcome a document, up to the first failure of the store itself; `commits`
  // counts the transactions committed.
  std::vector<Result<store::PutOutcome>> Store(const std::vector<Extraction>& batch,
                                               size_t& commits) {
    std::vector<Result<store::PutOutcome>> outcomes;
    if (batch.size() > 1) {
      auto all = store_.PutBatch(batch);
      if (all.ok()) {
        ++commits;
        outcomes.assign(all->begin(), all->end());
        return outcomes;
      }
      if (all.status().code() != StatusCode::kInvalidInput) return {all.status()};
    }
    for (const Extraction& extraction : batch) {
      outcomes.push_back(store_.Put(extraction));
      if (outcomes.back().ok()) ++commits;
      if (!outcomes.back().ok() && outcomes.back().status().code() != StatusCode::kInvalidInput) {
        break;
      }
    }
    return outcomes;
  }

  // Called with mu_ held.
  void Record(const Extraction& extraction, const Result<store::PutOutcome>& outcome) {
    const Document& doc = extraction.document;
    if (!outcome.ok()) {
      Print((doc.origin.empty() ? doc.id : doc.origin) + ": not stored: " +
            outcome.status().message() +
            (outcome.status().code() == StatusCode::kInvalidInput ? " (skipped)" : ""));
      if (outcome.status().code() == StatusCode::kInvalidInput) {
        tally_.problems.Count(ingest::InputProblem{extraction.document.origin,
                                                   "not storable: " + outcome.status().message(),
                                                   true});
      } else {
        fatal_ = true;  // the store itself failed: stop reading and extracting
      }
      return;
    }
    switch (outcome.value()) {
      case store::PutOutcome::kInserted: ++tally_.inserted; break;
      case store::PutOutcome::kUnchanged: ++tally_.unchanged; break;
      case store::PutOutcome::kReplaced: ++tally_.replaced; break;
    }
    if (outcome.value() != store::PutOutcome::kUnchanged) tally_.events += extraction.events.size();
    MaybeShowProgress();
  }

  // Called with mu_ held, as documents are extracted and stored: at most ten lines a
  // second. (Documents are stored a batch at a time: the extracted move on between.)
  void MaybeShowProgress() {
    const auto now = std::chrono::steady_clock::now();
    if (progress_ && now - last_progress_ > std::chrono::milliseconds(100)) {
      last_progress_ = now;
      ShowProgress(now);
    }
  }

  void ShowProgress(std::chrono::steady_clock::time_point now) {
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const size_t stored = tally_.inserted + tally_.unchanged + tally_.replaced;
    const double rate = seconds > 0 ? static_cast<double>(tally_.extracted) / seconds : 0.0;
    static constexpr int kWidth = 20;
    const int filled = static_cast<int>(tally_.extracted % (2 * kWidth));
    const int at = filled < kWidth ? filled : 2 * kWidth - filled;  // a bouncing marker
    std::string bar(kWidth, ' ');
    bar[static_cast<size_t>(std::min(at, kWidth - 1))] = '#';
    std::fprintf(stderr,
                 "\r\x1b[Kepiwire ingest [%s] %zu documents extracted, %zu stored, %zu events, "
                 "%.1f docs/s",
                 bar.c_str(), tally_.extracted, stored, tally_.events, rate);
    std::fflush(stderr);
  }

  // Called with mu_ held: one message line, clearing the progress line first.
  void Print(const std::string& line) {
    if (progress_) std::fputs("\r\x1b[K", stderr);
    std::fprintf(stderr, "epiwire ingest: %s\n", line.c_str());
  }

  const pipeline::Pipeline& pipeline_;
  store::EventStore& store_;
  const unsigned jobs_;
  const bool progress_;
  // Documents a transaction, as the store prefers: a batch's statements carry hundreds
  // of rows each, and the larger the batch, the fewer round trips and commits a
  // document costs, up to what the store gains from.
  const size_t batch_;
  const size_t window_;

  // Each wait is woken only by what can end it: the reader's by room in the window (a
  // batch stored), the extraction threads' by a document read or the input's end, the
  // writer's by a batch ready. (One for all woke the writer and the reader at every
  // document extracted: a quarter of the writer thread's time went to those wakes.)
  std::mutex mu_;
  std::condition_variable room_cv_;
  std::condition_variable work_cv_;
  std::condition_variable write_cv_;
  std::deque<std::pair<size_t, Document>> pending_;
  std::map<size_t, Extraction> extracted_;
  size_t next_read_ = 0;
  size_t next_write_ = 0;
  size_t bytes_in_flight_ = 0;       // text of the documents read and not yet stored
  size_t extracted_bytes_ = 0;       // text of those extracted and not yet taken to store
  std::deque<size_t> sizes_;         // the text size of each of them, in input order
  bool reading_done_ = false;
  bool fatal_ = false;
  Tally tally_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_progress_;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

void PrintSummary(const Tally& tally, const std::string& db, store::EventStore& store,
                  double seconds) {
  const auto documents = store.CountDocuments();
  const auto events = store.CountEvents();
  const auto facts = store.CountFacts();
  const size_t stored = tally.inserted + tally.unchanged + tally.replaced;
  std::fprintf(stderr,
               "epiwire ingest: %zu documents stored in %.1f s (%.1f docs/s, %zu transaction%s): "
               "%zu inserted, %zu unchanged, %zu replaced; %zu events written; %zu skipped, %zu "
               "read with problems\n",
               stored, seconds, seconds > 0 ? static_cast<double>(stored) / seconds : 0.0,
               tally.transactions, tally.transactions == 1 ? "" : "s", tally.inserted,
               tally.unchanged, tally.replaced, tally.events, tally.problems.skipped,
               tally.problems.repaired);
  tally.problems.PrintReasons(stderr);
  if (documents.ok() && events.ok() && facts.ok()) {
    std::fprintf(stderr, "epiwire ingest: %s now holds %lld documents, %lld events, %lld facts\n",
                 db.c_str(), static_cast<long long>(documents.value()),
                 static_cast<long long>(events.value()), static_cast<long long>(facts.value()));
  }
}

int RunIngest(const IngestOptions& options) {
  const std::optional<ingest::ReadOptions> read_options = MakeReadOptions(options.input, "ingest");
  if (!read_options) return 2;
  auto opened = store::EventStore::Open(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "epiwire ingest: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::EventStore& store = *opened.value();
  const std::unique_ptr<pipeline::Pipeline> pipeline = LoadPipeline(options.input, "ingest");
  if (!pipeline) return 2;
  const unsigned jobs = WorkerCount(options.input);
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  const Result<bool> deferred = store.DeferListIndexes();
  if (!deferred.ok()) {
    std::fprintf(stderr, "epiwire ingest: %s\n", deferred.status().message().c_str());
    return 2;
  }

  Ingest run(*pipeline, store, jobs, progress);
  run.Start();
  bool unreadable = false;
  for (const std::string& input : options.input.inputs) {
    Status status = ingest::ReadPath(
        input, *read_options, [&](Document&& document) { run.Add(std::move(document)); },
        [&](const ingest::InputProblem& problem) { run.Problem(problem); });
    if (!status.ok()) {
      std::fprintf(stderr, "epiwire ingest: %s\n", status.message().c_str());
      unreadable = true;
    }
  }
  bool stored_all = run.Finish();
  if (deferred.value()) {
    if (progress) std::fputs("epiwire ingest: building the indexes of the event lists\n", stderr);
    if (Status built = store.BuildListIndexes(); !built.ok()) {
      std::fprintf(stderr, "epiwire ingest: %s\n", built.message().c_str());
      stored_all = false;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!options.quiet) PrintSummary(run.tally(), StoreName(options.db), store, seconds);
  if (!stored_all) return 2;
  return unreadable || run.tally().problems.skipped > 0 ? 1 : 0;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Read news documents, extract their case and measure events, and store documents,\n"
      "stories, events (with evidence) and the facts they make across articles in a database.\n"
      "Idempotent: a document stored before with the same id and text is left unchanged; the\n"
      "same id with another text replaces it.");
  AddInputOptions(command, options->input,
                  "Extraction threads (default: one per core); the store is written by one");
  command->add_option("--db", options->db,
                      "Store: a SQLite file (FILE or sqlite:FILE, created if needed) or a\n"
                      "PostgreSQL URL (postgresql://user@host/db). Default: epiwire.db");
  command->add_flag("-q,--quiet", options->quiet, "No progress and no summary on standard error");
  command->footer(
      "A progress line (documents extracted and stored, events, docs/s) is shown when standard\n"
      "error is a terminal; a summary (inserted, unchanged, replaced, events, transactions,\n"
      "skipped with reasons) closes the run.\n"
      "Into an empty store, the indexes the API lists events by are built once, at the end.\n"
      "Exit status: 0 all input stored; 1 some input skipped or unreadable (each problem is named\n"
      "on standard error, the rest is stored); 2 bad usage, data, or a store that failed.");
  command->callback([options, exit_code] { *exit_code = RunIngest(*options); });
}

}  // namespace epiwire::apps
