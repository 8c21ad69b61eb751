// SPDX-License-Identifier: MIT
// Latency of the HTTP API over a SQLite store of 1M synthetic case events
// (synthetic_store.h): GET /api/events and /api/facts with and without filters,
// through a real socket and a keep-alive client. Reports p50/p99 per request
// (counters, microseconds). The filled store is cached in $TMPDIR so reruns skip
// the fill.
// Run: build/release/bench/bench_api [--benchmark_min_time=2]
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "epiwire/serve/server.h"
#include "epiwire/store/event_store.h"
#include "require.h"
#include "synthetic_store.h"

namespace {

// One server over the filled store for the whole run.
struct Fixture {
  Fixture() {
    auto opened = epiwire::store::EventStore::Open(epiwire::bench::FilledStorePath(1000000));
    epiwire::bench::Require(opened.status(), "opening the filled store");
    store = std::move(opened).value();
    epiwire::serve::ServerOptions options;
    options.port = 0;
    server = std::make_unique<epiwire::serve::Server>(*store, options);
    std::promise<int> ready;
    thread = std::thread([&] {
      Status status = server->Run([&](int bound) { ready.set_value(bound); });
      epiwire::bench::Require(status, "serving the store");
    });
    port = ready.get_future().get();
  }
  ~Fixture() {
    server->Stop();
    thread.join();
  }
  using Status = epiwire::Status;
  std::unique_ptr<epiwire::store::EventStore> store;
  std::unique_ptr<epiwire::serve::Server> server;
  std::thread thread;
  int port = 0;
};

Fixture& SharedFixture() {
  static Fixture* fixture = new Fixture();  // lives until exit: the server thread keeps running
  return *fixture;
}

// Times GET `path` per iteration; reports p50/p99 in microseconds and bytes/s.
void MeasureGet(benchmark::State& state, const std::string& path) {
  httplib::Client client("127.0.0.1", SharedFixture().port);
  client.set_keep_alive(true);
  std::vector<double> micros;
  size_t bytes = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    httplib::Result res = client.Get(path.c_str());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!res || res->status != 200) {
      state.SkipWithError(("GET " + path + " failed").c_str());
      break;
    }
    bytes += res->body.size();
    micros.push_back(seconds * 1e6);
    state.SetIterationTime(seconds);
  }
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) {
    return micros[std::min(micros.size() - 1, static_cast<size_t>(q * micros.size()))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

#define EPIWIRE_API_BENCH(name, path)                                        \
  void name(benchmark::State& state) { MeasureGet(state, path); }           \
  BENCHMARK(name)->UseManualTime()->Unit(benchmark::kMicrosecond)

EPIWIRE_API_BENCH(BM_EventsFirstPage, "/api/events?limit=100");
EPIWIRE_API_BENCH(BM_EventsByCountry, "/api/events?country=MW&limit=100");
EPIWIRE_API_BENCH(BM_EventsByCountryDiseaseDates,
                  "/api/events?country=PE&disease=measles&from=2021-01-01&to=2021-03-31&limit=100");
EPIWIRE_API_BENCH(BM_EventsMaxPage, "/api/events?limit=5000");
EPIWIRE_API_BENCH(BM_EventsDeepOffset, "/api/events?limit=100&offset=900000");
EPIWIRE_API_BENCH(BM_FactsFirstPage, "/api/facts?limit=100");
EPIWIRE_API_BENCH(BM_FactsByCountryDisease, "/api/facts?country=CN&disease=covid-19&limit=100");
EPIWIRE_API_BENCH(BM_FactsByDates, "/api/facts?from=2021-06-01&to=2021-06-07&limit=100");
EPIWIRE_API_BENCH(BM_Document, "/api/documents/bench-500");

}  // namespace

BENCHMARK_MAIN();
