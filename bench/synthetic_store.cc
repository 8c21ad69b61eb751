// SPDX-License-Identifier: MIT
#include "synthetic_store.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "epiwire/store/event_store.h"

namespace epiwire::bench {
namespace {

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

}  // namespace

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

std::string FilledStorePath(int64_t events) {
  const int documents = static_cast<int>((events + kEventsPerDocument - 1) / kEventsPerDocument);
  const int64_t kEvents = int64_t{documents} * kEventsPerDocument;
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("epiwire_bench_api_" + std::to_string(kEvents) + "_v1.db");
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
      std::fprintf(stderr, "synthetic store: %s\n", store.status().message().c_str());
      std::abort();
    }
    const auto start = std::chrono::steady_clock::now();
    for (int d = 0; d < documents; ++d) {
      auto put = store.value()->Put(SyntheticDocument(d));
      if (d % 50 == 49) {
        std::fprintf(stderr, "\rfilling %s: %d of %d documents", path.c_str(), d + 1, documents);
      }
      if (!put.ok()) {
        std::fprintf(stderr, "synthetic store: fill: %s\n", put.status().message().c_str());
        std::abort();
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "\nsynthetic store: filled %lld events in %.1f s (%.0f events/s) at %s\n",
                 static_cast<long long>(kEvents), seconds, kEvents / seconds, path.c_str());
  }
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  std::filesystem::rename(partial, path);
  return path.string();
}

}  // namespace epiwire::bench
