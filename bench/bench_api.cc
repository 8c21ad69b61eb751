// SPDX-License-Identifier: MIT
// Latency of the HTTP API over a SQLite store of 1M synthetic case events (1000
// documents of 1000 events, one Put each): GET /api/events and /api/facts with
// and without filters, through a real socket and a keep-alive client. Reports
// p50/p99 per request (counters, microseconds). The filled store is cached in
// $TMPDIR/epiwire_bench_api_1m_v1.db so reruns skip the fill.
// Run: build/release/bench/bench_api [--benchmark_min_time=2s]
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

namespace {

constexpr int kDocuments = 1000;
constexpr int kEventsPerDocument = 1000;
constexpr int64_t kEvents = int64_t{kDocuments} * kEventsPerDocument;
const char* const kDiseases[] = {"covid-19", "measles", "cholera", "mpox", "dengue"};

struct Country {
  const char* code;
  const char* name;
  double lat;
  double lon;
};
const Country kCountries[] = {
    {"CN", "China", 39.9, 116.4},      {"DE", "Germany", 52.5, 13.4},
    {"BR", "Brazil", -15.8, -47.9},    {"IN", "India", 28.6, 77.2},
    {"NG", "Nigeria", 9.1, 7.5},       {"US", "United States", 38.9, -77.0},
    {"RU", "Russia", 55.75, 37.62},    {"MW", "Malawi", -13.96, 33.79},
    {"PE", "Peru", -12.04, -77.03},    {"ID", "Indonesia", -6.2, 106.8},
    {"FR", "France", 48.86, 2.35},     {"ZA", "South Africa", -25.7, 28.2},
    {"MX", "Mexico", 19.43, -99.13},   {"EG", "Egypt", 30.04, 31.24},
    {"AU", "Australia", -35.3, 149.1}, {"JP", "Japan", 35.68, 139.69},
};
constexpr int kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);

epiwire::Place CountryPlace(const Country& country) {
  epiwire::Place place;
  place.name = country.name;
  place.country = country.code;
  place.level = epiwire::PlaceLevel::kCountry;
  place.geonameid = 1000 + (&country - kCountries);
  place.lat = country.lat;
  place.lon = country.lon;
  place.has_coordinates = true;
  return place;
}

// Document `d`: 1000 one-line sentences, each one case event. Counts and days
// vary so that most events are distinct facts and some repeat across documents.
epiwire::Extraction SyntheticDocument(int d) {
  epiwire::Extraction x;
  x.document.id = "bench-" + std::to_string(d);
  x.document.published = epiwire::Date{2020, 1, 1}.AddDays(d % 900);
  x.document.format = "text";
  for (int i = 0; i < kEventsPerDocument; ++i) {
    epiwire::Event event;
    const int country = (d * 7 + i) % kCountryCount;
    event.type = epiwire::EventType::kCases;
    event.disease = kDiseases[i % 5];
    event.place = CountryPlace(kCountries[country]);
    event.count = (i * 31 + d) % 500 + 1;
    event.aggregation = i % 3 == 0 ? epiwire::Aggregation::kCumulative : epiwire::Aggregation::kNew;
    event.period = epiwire::Period::Day(epiwire::Date{2020, 1, 1}.AddDays((d + i) % 900));
    if (i % 10 == 0) {
      event.imported = true;
      event.origin = CountryPlace(kCountries[(country + 3) % kCountryCount]);
    }
    const std::string sentence = "Officials in " + event.place->name + " reported " +
                                 std::to_string(event.count) + " cases of " + event.disease +
                                 " (item " + std::to_string(i) + ").";
    event.evidence.start = x.document.text.size();
    event.evidence.end = event.evidence.start + sentence.size();
    event.evidence.quote = sentence;
    x.document.text += sentence + "\n";
    x.events.push_back(std::move(event));
  }
  return x;
}

// The path of the filled store, filling it on the first run.
std::string FilledStorePath() {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "epiwire_bench_api_1m_v1.db";
  if (std::filesystem::exists(path)) {
    auto store = epiwire::store::EventStore::Open(path.string());
    if (store.ok() && store.value()->CountEvents().ok() &&
        store.value()->CountEvents().value() == kEvents) {
      return path.string();
    }
  }
  const std::filesystem::path partial = path.string() + ".partial";
  std::filesystem::remove(partial);
  std::filesystem::remove(partial.string() + "-wal");
  std::filesystem::remove(partial.string() + "-shm");
  {
    auto store = epiwire::store::EventStore::Open(partial.string());
    if (!store.ok()) {
      std::fprintf(stderr, "bench_api: %s\n", store.status().message().c_str());
      std::abort();
    }
    const auto start = std::chrono::steady_clock::now();
    for (int d = 0; d < kDocuments; ++d) {
      auto put = store.value()->Put(SyntheticDocument(d));
      if (!put.ok()) {
        std::fprintf(stderr, "bench_api: fill: %s\n", put.status().message().c_str());
        std::abort();
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "bench_api: filled %lld events in %.1f s (%.0f events/s) at %s\n",
                 static_cast<long long>(kEvents), seconds, kEvents / seconds, path.c_str());
  }
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  std::filesystem::rename(partial, path);
  return path.string();
}

// One server over the filled store for the whole run.
struct Fixture {
  Fixture() {
    auto opened = epiwire::store::EventStore::Open(FilledStorePath());
    if (!opened.ok()) std::abort();
    store = std::move(opened).value();
    epiwire::serve::ServerOptions options;
    options.port = 0;
    server = std::make_unique<epiwire::serve::Server>(*store, options);
    std::promise<int> ready;
    thread = std::thread([&] {
      Status status = server->Run([&](int bound) { ready.set_value(bound); });
      if (!status.ok()) std::abort();
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
