// SPDX-License-Identifier: MIT
// Ingest throughput into SQLite: N synthetic documents made from the bundled
// example articles (each a new id, figures varied so some facts are new and some
// are shared) are stored in a fresh database. BM_StorePut times the store alone
// on extractions made beforehand; BM_ExtractAndStore times extraction plus store
// on one thread. Both report documents/s (items_per_second).
// Run: build/release/bench/bench_ingest
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "epiwire/base/file.h"
#include "epiwire/pipeline/pipeline.h"
#include "epiwire/store/event_store.h"

namespace {

const epiwire::pipeline::Pipeline& SharedPipeline() {
  static const auto pipeline = [] {
    auto created = epiwire::pipeline::Pipeline::Create(EPIWIRE_SOURCE_DIR "/data");
    if (!created.ok()) std::abort();
    return std::move(created).value();
  }();
  return *pipeline;
}

std::vector<std::string> ExampleTexts() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(EPIWIRE_SOURCE_DIR "/data/examples")) {
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& path : paths) {
    auto content = epiwire::ReadFile(path.string());
    if (content.ok()) texts.push_back(std::move(content).value());
  }
  if (texts.empty()) std::abort();
  return texts;
}

// Document i: example i % k with its own id and a text that differs by its number.
epiwire::Document SyntheticDocument(const std::vector<std::string>& texts, size_t i) {
  epiwire::Document doc;
  doc.id = "synthetic-" + std::to_string(i);
  doc.text = texts[i % texts.size()] + "\n(" + std::to_string(i) + ")\n";
  doc.published = epiwire::Date{2022, 1, 1}.AddDays(static_cast<int64_t>(i % 365));
  doc.published_source = epiwire::PublishedSource::kGiven;
  doc.format = "text";
  return doc;
}

// The example extractions once, then copied with new ids and varied counts.
std::vector<epiwire::Extraction> SyntheticExtractions(size_t n) {
  const std::vector<std::string> texts = ExampleTexts();
  std::vector<epiwire::Extraction> bases;
  for (size_t i = 0; i < texts.size(); ++i) {
    bases.push_back(SharedPipeline().Extract(SyntheticDocument(texts, i)));
  }
  std::vector<epiwire::Extraction> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    epiwire::Extraction x = bases[i % bases.size()];
    x.document = SyntheticDocument(texts, i);
    for (epiwire::Event& event : x.events) event.count += static_cast<int64_t>(i % 5);
    out.push_back(std::move(x));
  }
  return out;
}

std::string FreshDatabase() {
  static int round = 0;
  const std::string dir = std::filesystem::temp_directory_path().string() + "/epiwire_bench_" +
                          std::to_string(getpid());
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/store-" + std::to_string(++round) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

void RemoveDatabases() {
  std::error_code ignored;
  std::filesystem::remove_all(std::filesystem::temp_directory_path().string() +
                                  "/epiwire_bench_" + std::to_string(getpid()),
                              ignored);
}

void BM_StorePut(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<epiwire::Extraction> extractions = SyntheticExtractions(n);
  for (auto _ : state) {
    state.PauseTiming();
    auto store = epiwire::store::EventStore::Open(FreshDatabase());
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    state.ResumeTiming();
    for (const epiwire::Extraction& x : extractions) {
      auto outcome = store.value()->Put(x);
      if (!outcome.ok()) {
        state.SkipWithError(outcome.status().message().c_str());
        return;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
  RemoveDatabases();
}
BENCHMARK(BM_StorePut)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ExtractAndStore(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<std::string> texts = ExampleTexts();
  for (auto _ : state) {
    state.PauseTiming();
    auto store = epiwire::store::EventStore::Open(FreshDatabase());
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    state.ResumeTiming();
    for (size_t i = 0; i < n; ++i) {
      auto outcome = store.value()->Put(SharedPipeline().Extract(SyntheticDocument(texts, i)));
      if (!outcome.ok()) {
        state.SkipWithError(outcome.status().message().c_str());
        return;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
  RemoveDatabases();
}
BENCHMARK(BM_ExtractAndStore)->Arg(300)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
