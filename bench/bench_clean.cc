// SPDX-License-Identifier: MIT
// Throughput of the clean stage (boilerplate, duplicates, stories, relevance), one
// thread. Reports MB/s (bytes_per_second) and documents/s (items_per_second) on:
//   BM_CleanRealPages   the real pages of ../shared repeated to 20 MB (ids unique);
//   BM_CleanPageSize/N  the same text cut into pages of N bytes: the cost must be
//                       linear in the size, so MB/s stays about the same;
//   BM_CleanShape/...   1 MB pages of shapes that would expose a quadratic path:
//                       10,000 short lines sharing a head, one 1 MB line, link lists,
//                       video titles (our own text).
// Run: build/release/bench/bench_clean [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "epiwire/clean/cleaner.h"
#include "real_pages.h"

namespace {

constexpr size_t kCorpusBytes = 20u << 20;

const std::vector<epiwire::Document>& RealPages() {
  static const auto* pages = new std::vector<epiwire::Document>(
      epiwire::bench::RepeatToSize(epiwire::bench::LoadRealPages(EPIWIRE_SHARED_DIR), kCorpusBytes));
  return *pages;
}

void CleanAll(benchmark::State& state, const std::vector<std::string>& pages) {
  size_t bytes = 0;
  for (const std::string& page : pages) bytes += page.size();
  for (auto _ : state) {
    for (const std::string& page : pages) {
      benchmark::DoNotOptimize(epiwire::clean::CleanText(page));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}

void BM_CleanRealPages(benchmark::State& state) {
  if (RealPages().empty()) {
    state.SkipWithError("no pages in " EPIWIRE_SHARED_DIR);
    return;
  }
  std::vector<std::string> texts;
  for (const epiwire::Document& page : RealPages()) texts.push_back(page.text);
  CleanAll(state, texts);
}
BENCHMARK(BM_CleanRealPages)->Unit(benchmark::kMillisecond)->MinTime(2);

// The real text, line by line, cut into pages of about `size` bytes; 4 MB in all.
std::vector<std::string> PagesOfSize(size_t size) {
  std::vector<std::string> pages(1);
  size_t total = 0;
  for (const epiwire::Document& page : RealPages()) {
    size_t pos = 0;
    while (pos < page.text.size() && total < (4u << 20)) {
      size_t end = page.text.find('\n', pos);
      end = end == std::string::npos ? page.text.size() : end + 1;
      pages.back().append(page.text, pos, end - pos);
      total += end - pos;
      pos = end;
      if (pages.back().size() >= size) pages.emplace_back();
    }
  }
  if (pages.back().empty()) pages.pop_back();
  return pages;
}

void BM_CleanPageSize(benchmark::State& state) {
  if (RealPages().empty()) {
    state.SkipWithError("no pages in " EPIWIRE_SHARED_DIR);
    return;
  }
  CleanAll(state, PagesOfSize(static_cast<size_t>(state.range(0))));
}
BENCHMARK(BM_CleanPageSize)
    ->Arg(1 << 10)
    ->Arg(10 << 10)
    ->Arg(100 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

constexpr size_t kShapeBytes = 1u << 20;

// Lines made by `line(i)` until 1 MB.
template <typename MakeLine>
std::string PageOfLines(MakeLine line) {
  std::string page;
  for (size_t i = 0; page.size() < kShapeBytes; ++i) page += line(i) + "\n";
  return page;
}

// ~100-byte paragraphs with the same first 80 bytes and tails of varied length:
// every one is looked up as the possible start of the longer ones before it.
void BM_CleanShape_SharedHeads(benchmark::State& state) {
  CleanAll(state, {PageOfLines([](size_t i) {
             std::string line =
                 "Officials in the northern province said on Tuesday that the count in district ";
             line.append(std::to_string(i)).append(1, ' ').append(1 + i % 40, 'a');
             return line;
           })});
}
BENCHMARK(BM_CleanShape_SharedHeads)->Unit(benchmark::kMillisecond);

void BM_CleanShape_OneLine(benchmark::State& state) {
  std::string page;
  for (size_t i = 0; page.size() < kShapeBytes; ++i) {
    page += "Health officials confirmed " + std::to_string(i) +
            " new cases of cholera on Tuesday in the northern province. ";
  }
  CleanAll(state, {page});
}
BENCHMARK(BM_CleanShape_OneLine)->Unit(benchmark::kMillisecond);

// "Related stories" after every headline: each list runs on to the end of the page.
void BM_CleanShape_LinkLists(benchmark::State& state) {
  CleanAll(state, {PageOfLines([](size_t i) {
             return i % 2 == 0 ? std::string("Related stories")
                               : "Clinic opens in district " + std::to_string(i);
           })});
}
BENCHMARK(BM_CleanShape_LinkLists)->Unit(benchmark::kMillisecond);

// Titles, then video lines repeating them with a duration.
void BM_CleanShape_VideoTitles(benchmark::State& state) {
  CleanAll(state, {PageOfLines([](size_t i) {
             const std::string title = "Park closed in district " + std::to_string(i / 2);
             return i % 2 == 0 ? title : title + " 01:44";
           })});
}
BENCHMARK(BM_CleanShape_VideoTitles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
