// SPDX-License-Identifier: MIT
// Ingest throughput of the store. The real pages of ../shared (corpus dev, real,
// multilingual and the seeds; the bundled example articles when ../shared is
// absent) are extracted once; BM_StoreBatches then stores N copies of them, each
// with an id of its own, in batches of 256 (one PutBatch a batch, as `epiwire
// ingest` does) into a fresh SQLite file, and BM_PostgresStoreBatches into a
// fresh schema of the PostgreSQL server named by EPIWIRE_BENCH_POSTGRES_URL
// (skipped when unset; scripts/start_postgres.sh starts one). Only the PutBatch
// calls and the building of the list indexes deferred to the end (as `epiwire
// ingest` does into an empty store) are timed: this is the store alone, without
// extraction.
// The first argument is the number of documents (20,000 or 100,000). The second
// varies the figures: 0 stores the pages unchanged (after the first copy every
// figure is a fact with one more source); V > 0 raises every count of copy r by
// r % V, so that a figure has up to V rival counts, each a fact of many sources
// (50, as bench/real_documents.py does by default). BM_ExtractAndStore times
// extraction and Put on one thread. All report documents/s (items_per_second).
// Run: build/release/bench/bench_ingest [--benchmark_filter='Store.*/20000/']
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/store/event_store.h"
#include "require.h"

namespace {

constexpr size_t kBatch = 256;

const epiwire::pipeline::Pipeline& SharedPipeline() {
  static const auto pipeline = [] {
    auto created = epiwire::pipeline::Pipeline::Create(EPIWIRE_SOURCE_DIR "/data");
    epiwire::bench::Require(created.status(), "creating the pipeline from data/");
    return std::move(created).value();
  }();
  return *pipeline;
}

// The real pages (each id once), or the example articles without ../shared.
std::vector<epiwire::Document> Pages() {
  std::vector<epiwire::Document> pages;
  std::vector<std::string> ids;
  const auto add = [&](epiwire::Document&& doc) {
    if (std::find(ids.begin(), ids.end(), doc.id) != ids.end()) return;
    ids.push_back(doc.id);
    pages.push_back(std::move(doc));
  };
  const std::string shared = EPIWIRE_SHARED_DIR;
  std::vector<std::string> inputs;
  for (const char* corpus : {"dev", "real", "multilingual"}) {
    inputs.push_back(shared + "/corpus/" + corpus + "/docs.jsonl");
  }
  inputs.push_back(shared + "/seeds");
  if (!std::filesystem::exists(shared + "/corpus")) inputs = {EPIWIRE_SOURCE_DIR "/data/examples"};
  for (const std::string& input : inputs) {
    if (!std::filesystem::exists(input)) continue;
    (void)epiwire::ingest::ReadPath(
        input, epiwire::ingest::ReadOptions{},
        [&](epiwire::Document&& doc) { add(std::move(doc)); },
        [](const epiwire::ingest::InputProblem&) {});
  }
  if (pages.empty()) std::abort();
  return pages;
}

const std::vector<epiwire::Extraction>& PageExtractions() {
  static const std::vector<epiwire::Extraction> extractions = [] {
    std::vector<epiwire::Extraction> out;
    for (epiwire::Document& page : Pages()) out.push_back(SharedPipeline().Extract(std::move(page)));
    return out;
  }();
  return extractions;
}

// Copy i: page i % k as copy r = i / k, its counts raised by r % vary.
epiwire::Extraction Copy(size_t i, size_t vary) {
  const std::vector<epiwire::Extraction>& pages = PageExtractions();
  const size_t copy = i / pages.size();
  epiwire::Extraction x = pages[i % pages.size()];
  x.document.id += '~';
  x.document.id += std::to_string(copy);
  if (vary > 0) {
    for (epiwire::Event& event : x.events) event.count += static_cast<int64_t>(copy % vary);
  }
  return x;
}

std::string FreshSqlite() {
  static int round = 0;
  const std::string dir = std::filesystem::temp_directory_path().string() + "/epiwire_bench_" +
                          std::to_string(getpid());
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/store-" + std::to_string(++round) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

void RemoveSqlite() {
  std::error_code ignored;
  std::filesystem::remove_all(std::filesystem::temp_directory_path().string() +
                                  "/epiwire_bench_" + std::to_string(getpid()),
                              ignored);
}

// Runs one statement on the server (the bench's own schema names only).
bool RunOnServer(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  bool ok = PQstatus(conn) == CONNECTION_OK;
  if (ok) {
    PGresult* result = PQexec(conn, sql.c_str());
    ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
  }
  PQfinish(conn);
  return ok;
}

// Stores state.range(0) copies in batches into the store `url` names; only the
// PutBatch calls count.
void StoreBatches(benchmark::State& state, const std::string& url) {
  const size_t n = static_cast<size_t>(state.range(0));
  const size_t vary = static_cast<size_t>(state.range(1));
  size_t events = 0;
  for (auto _ : state) {
    auto store = epiwire::store::EventStore::Open(url);
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    // As `epiwire ingest` does: into the empty store without the list indexes, which
    // are built at the end (and timed).
    auto deferred = store.value()->DeferListIndexes();
    if (!deferred.ok()) {
      state.SkipWithError(deferred.status().message().c_str());
      return;
    }
    double seconds = 0;
    for (size_t first = 0; first < n; first += kBatch) {
      std::vector<epiwire::Extraction> batch;
      for (size_t i = first; i < std::min(n, first + kBatch); ++i) {
        batch.push_back(Copy(i, vary));
        events += batch.back().events.size();
      }
      const auto start = std::chrono::steady_clock::now();
      auto outcomes = store.value()->PutBatch(batch);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!outcomes.ok()) {
        state.SkipWithError(outcomes.status().message().c_str());
        return;
      }
    }
    if (deferred.value()) {
      const auto start = std::chrono::steady_clock::now();
      epiwire::Status built = store.value()->BuildListIndexes();
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!built.ok()) {
        state.SkipWithError(built.message().c_str());
        return;
      }
    }
    state.SetIterationTime(seconds);
    auto facts = store.value()->CountFacts();
    state.counters["facts"] = facts.ok() ? static_cast<double>(facts.value()) : 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}

void BM_StoreBatches(benchmark::State& state) {
  StoreBatches(state, FreshSqlite());
  RemoveSqlite();
}
BENCHMARK(BM_StoreBatches)
    ->ArgsProduct({{20000, 100000}, {0, 50}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

void BM_PostgresStoreBatches(benchmark::State& state) {
  const char* base = std::getenv("EPIWIRE_BENCH_POSTGRES_URL");
  if (base == nullptr || *base == '\0') {
    state.SkipWithError("EPIWIRE_BENCH_POSTGRES_URL is not set");
    for (auto _ : state) {
    }
    return;
  }
  const std::string schema = "epiwire_bench_" + std::to_string(getpid()) + "_" +
                             std::to_string(state.range(1));
  if (!RunOnServer(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema)) {
    state.SkipWithError("cannot create a schema on EPIWIRE_BENCH_POSTGRES_URL");
    return;
  }
  const std::string url = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") +
                          "options=-csearch_path%3D" + schema;
  StoreBatches(state, url);
  (void)RunOnServer(base, "DROP SCHEMA " + schema + " CASCADE");
}
BENCHMARK(BM_PostgresStoreBatches)
    ->ArgsProduct({{20000, 100000}, {0, 50}})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

// Extraction and store on one thread, Put by Put.
void BM_ExtractAndStore(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<epiwire::Document> pages = Pages();
  for (auto _ : state) {
    state.PauseTiming();
    auto store = epiwire::store::EventStore::Open(FreshSqlite());
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    state.ResumeTiming();
    for (size_t i = 0; i < n; ++i) {
      epiwire::Document doc = pages[i % pages.size()];
      doc.id += '~';
      doc.id += std::to_string(i / pages.size());
      auto outcome = store.value()->Put(SharedPipeline().Extract(std::move(doc)));
      if (!outcome.ok()) {
        state.SkipWithError(outcome.status().message().c_str());
        return;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
  RemoveSqlite();
}
BENCHMARK(BM_ExtractAndStore)->Arg(300)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
