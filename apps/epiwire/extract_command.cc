// SPDX-License-Identifier: MIT
#include "extract_command.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "input_options.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/output/json_output.h"
#include "epiwire/pipeline/pipeline.h"

namespace epiwire::apps {
namespace {

struct ExtractOptions {
  InputOptions input;
  std::string format = "jsonl";
  bool with_text = false;
  bool quiet = false;
};

struct Tally {
  size_t documents = 0;
  size_t cases = 0;
  size_t measures = 0;
  ProblemTally problems;
};

// A document read: its output line (or table) made by the thread that extracted it,
// and what the main thread says of it.
struct Extracted {
  std::string output;
  std::string where;  // the document's origin, else its id
  std::vector<std::string> limits_hit;
  size_t cases = 0;
  size_t measures = 0;
};

Extracted Extract(const pipeline::Pipeline& pipeline, Document&& document,
                  const ExtractOptions& options, const output::JsonOptions& json_options) {
  Extracted out;
  const Extraction x = pipeline.Extract(std::move(document), &out.limits_hit);
  out.where = x.document.origin.empty() ? x.document.id : x.document.origin;
  for (const Event& e : x.events) (e.type == EventType::kCases ? out.cases : out.measures)++;
  out.output = options.format == "table" ? output::ToTable(x) : output::ToJsonLine(x, json_options) + "\n";
  return out;
}

// Documents extracted on `jobs` threads as they are read, written in input order by
// the reading thread. The workers also format the output, so that only reading and
// writing stay on one thread. At most 16 documents a worker (and kMostBytes of text,
// one document always fitting) are between reading and writing.
//
// The reading thread, once the window is full, sleeps until half of the documents in
// flight are ready to write, in order, not until the next one is: a wake a document
// was a sleep and a wake of two threads each, which cost a tenth of the run's time
// in the kernel with two jobs.
class OrderedExtractor {
 public:
  static constexpr size_t kMostBytes = size_t{64} << 20;

  OrderedExtractor(const pipeline::Pipeline& pipeline, const ExtractOptions& options,
                   const output::JsonOptions& json_options, unsigned jobs,
                   std::function<void(Extracted&&)> emit)
      : pipeline_(pipeline), options_(options), json_options_(json_options), emit_(std::move(emit)),
        window_(16 * static_cast<size_t>(jobs)) {
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
  }
  OrderedExtractor(const OrderedExtractor&) = delete;
  OrderedExtractor& operator=(const OrderedExtractor&) = delete;
  ~OrderedExtractor() { Finish(); }

  // Called by the reading thread: writes what is ready, waits while the window is full.
  void Add(Document&& document) {
    std::unique_lock lock(mu_);
    const size_t bytes = document.text.size();
    for (;;) {
      EmitReady(lock);
      if (next_read_ - next_write_ < window_ &&
          (next_read_ == next_write_ || bytes_in_flight_ + bytes <= kMostBytes)) {
        break;
      }
      reader_waits_ = true;
      done_cv_.wait(lock, [&] { return EnoughReady(); });
      reader_waits_ = false;
    }
    bytes_in_flight_ += bytes;
    pending_.emplace_back(next_read_++, std::move(document));
    bytes_.push_back(bytes);
    if (idle_workers_ > 0) work_cv_.notify_one();
  }

  // Writes everything read, in order, and stops the workers.
  void Finish() {
    std::unique_lock lock(mu_);
    while (next_write_ < next_read_) {
      reader_waits_ = true;
      done_cv_.wait(lock, [&] { return EnoughReady(); });
      reader_waits_ = false;
      EmitReady(lock);
    }
    stop_ = true;
    work_cv_.notify_all();
    lock.unlock();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
  }

 private:
  void Work() {
    for (;;) {
      std::unique_lock lock(mu_);
      ++idle_workers_;
      work_cv_.wait(lock, [&] { return stop_ || !pending_.empty(); });
      --idle_workers_;
      if (pending_.empty()) return;
      auto [sequence, document] = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      Extracted extracted = Extract(pipeline_, std::move(document), options_, json_options_);
      lock.lock();
      done_.emplace(sequence, std::move(extracted));
      if (reader_waits_ && EnoughReady()) done_cv_.notify_one();
    }
  }

  // With the lock held: whether the reading thread has enough to write to be woken:
  // the next document and those after it, half of the documents in flight.
  bool EnoughReady() const {
    const size_t in_flight = next_read_ - next_write_;
    size_t ready = 0;
    while (done_.count(next_write_ + ready) > 0) ++ready;
    return ready > 0 && 2 * ready >= in_flight;
  }

  // Called with the lock held; emits without it, in input order.
  void EmitReady(std::unique_lock<std::mutex>& lock) {
    for (auto it = done_.find(next_write_); it != done_.end(); it = done_.find(next_write_)) {
      Extracted extracted = std::move(it->second);
      done_.erase(it);
      ++next_write_;
      bytes_in_flight_ -= bytes_.front();
      bytes_.pop_front();
      lock.unlock();
      emit_(std::move(extracted));
      lock.lock();
    }
  }

  const pipeline::Pipeline& pipeline_;
  const ExtractOptions& options_;
  const output::JsonOptions& json_options_;
  const std::function<void(Extracted&&)> emit_;
  const size_t window_;
  std::mutex mu_;
  std::condition_variable work_cv_;  // the workers wait for documents
  std::condition_variable done_cv_;  // the reading thread waits for the next to write
  std::deque<std::pair<size_t, Document>> pending_;
  std::map<size_t, Extracted> done_;
  std::deque<size_t> bytes_;  // text bytes of each document in flight, in input order
  size_t bytes_in_flight_ = 0;
  size_t next_read_ = 0;
  size_t next_write_ = 0;
  bool stop_ = false;
  bool reader_waits_ = false;  // the reading thread sleeps on done_cv_
  size_t idle_workers_ = 0;    // workers sleeping on work_cv_
  std::vector<std::thread> workers_;
};

int RunExtract(const ExtractOptions& options) {
  const std::optional<ingest::ReadOptions> read_options = MakeReadOptions(options.input, "extract");
  if (!read_options) return 2;
  const std::unique_ptr<pipeline::Pipeline> loaded = LoadPipeline(options.input, "extract");
  if (!loaded) return 2;
  const pipeline::Pipeline& pipeline = *loaded;
  const unsigned jobs = WorkerCount(options.input);
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  output::JsonOptions json_options;
  json_options.include_text = options.with_text;

  Tally tally;
  bool unreadable = false;
  const auto on_problem = [&](const ingest::InputProblem& problem) {
    if (progress) std::fputc('\n', stderr);
    std::fprintf(stderr, "epiwire extract: %s: %s%s\n", problem.where.c_str(), problem.what.c_str(),
                 problem.skipped ? " (skipped)" : "");
    tally.problems.Count(problem);
  };
  size_t written = 0;
  const auto emit = [&](Extracted&& extracted) {
    for (const std::string& limit : extracted.limits_hit) on_problem({extracted.where, limit, false});
    tally.cases += extracted.cases;
    tally.measures += extracted.measures;
    std::fwrite(extracted.output.data(), 1, extracted.output.size(), stdout);
    ++written;
    if (progress && written % 64 == 0) std::fprintf(stderr, "\repiwire extract: %zu documents", written);
  };
  // One job: everything on this thread, each document written as soon as it is read.
  std::optional<OrderedExtractor> pool;
  if (jobs > 1) pool.emplace(pipeline, options, json_options, jobs, emit);
  const auto on_document = [&](Document&& document) {
    ++tally.documents;
    if (pool) {
      pool->Add(std::move(document));
    } else {
      emit(Extract(pipeline, std::move(document), options, json_options));
    }
  };
  for (const std::string& input : options.input.inputs) {
    Status status = ingest::ReadPath(input, *read_options, on_document, on_problem);
    if (!status.ok()) {
      std::fprintf(stderr, "epiwire extract: %s\n", status.message().c_str());
      unreadable = true;
    }
  }
  if (pool) pool->Finish();
  if (progress) std::fprintf(stderr, "\repiwire extract: %zu documents", written);
  std::fflush(stdout);
  if (!options.quiet) {
    if (progress) std::fputc('\n', stderr);
    std::fprintf(stderr,
                 "epiwire extract: %zu documents, %zu case events, %zu measures; %zu skipped, "
                 "%zu read with problems\n",
                 tally.documents, tally.cases, tally.measures, tally.problems.skipped,
                 tally.problems.repaired);
    tally.problems.PrintReasons(stderr);
  }
  return unreadable || tally.problems.skipped > 0 ? 1 : 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Read news documents and print, for each, its stories, removed boilerplate and the case\n"
      "and measure events found, as JSON Lines: one object a document (docs/output.md).");
  AddInputOptions(command, options->input, "Worker threads (default: one per core)");
  command->add_option("--format", options->format, "Output: jsonl (default) or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  command->add_flag("--with-text", options->with_text, "Include each document's text in the output");
  command->add_flag("-q,--quiet", options->quiet, "No summary on standard error");
  command->footer(
      "Exit status: 0 all input read; 1 some input skipped or unreadable (the rest is still\n"
      "printed, and each problem is named on standard error); 2 bad usage or data.");
  command->callback([options, exit_code] { *exit_code = RunExtract(*options); });
}

}  // namespace epiwire::apps
