// SPDX-License-Identifier: MIT
// Throughput of extraction on realistic news: the bundled example articles and,
// when ../shared is there, the seed articles, each document whole; and the real pages
// of ../shared repeated to 20 MB (BM_ExtractRealPages, one thread). Reports MB/s
// (bytes_per_second) and documents/s (items_per_second) for the whole pipeline
// and for its most expensive stages. Run: build/release/bench/bench_extract
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>

#include "epiwire/base/file.h"
#include "epiwire/clean/cleaner.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/pipeline/pipeline.h"
#include "real_pages.h"
#include "require.h"

namespace {

std::vector<std::string> LoadArticles() {
  std::vector<std::string> articles;
  for (const char* dir : {EPIWIRE_SOURCE_DIR "/data/examples", EPIWIRE_SHARED_DIR "/seeds"}) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) continue;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      auto content = epiwire::ReadFile(path.string());
      if (content.ok()) articles.push_back(std::move(content).value());
    }
  }
  return articles;
}

const std::vector<std::string>& Articles() {
  static const std::vector<std::string> articles = LoadArticles();
  return articles;
}

size_t TotalBytes() {
  size_t bytes = 0;
  for (const std::string& a : Articles()) bytes += a.size();
  return bytes;
}

const epiwire::pipeline::Pipeline& SharedPipeline() {
  static const auto pipeline = [] {
    auto created = epiwire::pipeline::Pipeline::Create(EPIWIRE_SOURCE_DIR "/data");
    epiwire::bench::Require(created.status(), "creating the pipeline from data/");
    return std::move(created).value();
  }();
  return *pipeline;
}

void BM_ExtractDocuments(benchmark::State& state) {
  const auto& pipeline = SharedPipeline();
  for (auto _ : state) {
    for (const std::string& article : Articles()) {
      epiwire::Document doc;
      doc.id = "bench";
      doc.text = article;
      doc.published = epiwire::Date{2020, 4, 20};
      auto extraction = pipeline.Extract(std::move(doc));
      benchmark::DoNotOptimize(extraction);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Articles().size()));
}
BENCHMARK(BM_ExtractDocuments)->Unit(benchmark::kMillisecond);

// Extracts each of `pages` whole on one thread, an iteration for them all.
// The first document of each language builds what a process or a thread builds once
// (the cleaner's matchers, ICU's transliterator, the stemmers: some 290 million
// instructions, 70 ms), which is no cost of reading the pages: up to 128 KB of them are
// read once before the timing starts.
void ExtractEach(benchmark::State& state, const std::vector<epiwire::Document>& pages) {
  if (pages.empty()) {
    state.SkipWithError("no real pages: ../shared is absent");
    return;
  }
  const auto& pipeline = SharedPipeline();
  constexpr size_t kWarmUpBytes = size_t{128} << 10;
  for (size_t i = 0, bytes = 0; i < pages.size() && bytes < kWarmUpBytes; ++i) {
    benchmark::DoNotOptimize(pipeline.Extract(pages[i]));
    bytes += pages[i].text.size();
  }
  for (auto _ : state) {
    for (const epiwire::Document& page : pages) {
      auto extraction = pipeline.Extract(page);
      benchmark::DoNotOptimize(extraction);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * epiwire::bench::TextBytes(pages)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}

// The real pages of ../shared (dev, real, multilingual corpora and the seeds) over and
// over to 20 MB of text, ids made unique, each extracted whole on one thread.
void BM_ExtractRealPages(benchmark::State& state) {
  static const std::vector<epiwire::Document> pages = epiwire::bench::RepeatToSize(
      epiwire::bench::LoadRealPages(EPIWIRE_SHARED_DIR), size_t{20} << 20);
  ExtractEach(state, pages);
}
BENCHMARK(BM_ExtractRealPages)->Unit(benchmark::kMillisecond)->Iterations(1);

// Cost against document size: pages of 1 KB, 10 KB, 100 KB and 1 MB made of the
// real pages, 4 MB of each. Linear cost shows as equal MB/s at every size; a
// quadratic step (duplicate finder, story splitter) as MB/s falling with size.
void BM_ExtractBySize(benchmark::State& state) {
  const size_t size = static_cast<size_t>(state.range(0));
  ExtractEach(state, epiwire::bench::PagesOfSize(epiwire::bench::LoadRealPages(EPIWIRE_SHARED_DIR),
                                                 size, size_t{4} << 20));
}
BENCHMARK(BM_ExtractBySize)
    ->Arg(1 << 10)
    ->Arg(10 << 10)
    ->Arg(100 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_CleanText(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& article : Articles()) {
      benchmark::DoNotOptimize(epiwire::clean::CleanText(article));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Articles().size()));
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);

void BM_FindPlaces(benchmark::State& state) {
  static const auto gazetteer = [] {
    auto loaded = epiwire::gazetteer::Gazetteer::Load(EPIWIRE_SOURCE_DIR "/data/gazetteer");
    epiwire::bench::Require(loaded.status(), "loading data/gazetteer");
    return std::move(loaded).value();
  }();
  for (auto _ : state) {
    for (const std::string& article : Articles()) {
      benchmark::DoNotOptimize(gazetteer->FindPlaces(article));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Articles().size()));
}
BENCHMARK(BM_FindPlaces)->Unit(benchmark::kMillisecond);

void BM_LoadData(benchmark::State& state) {
  for (auto _ : state) {
    auto created = epiwire::pipeline::Pipeline::Create(EPIWIRE_SOURCE_DIR "/data");
    benchmark::DoNotOptimize(created);
  }
}
BENCHMARK(BM_LoadData)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
