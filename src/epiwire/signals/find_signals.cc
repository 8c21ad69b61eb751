// SPDX-License-Identifier: MIT
// FindSignals: aberrations over the daily series and importation signals over the
// facts, with messages for people. Tested by signals_test.cc.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "epiwire/signals/signals.h"

namespace epiwire::signals {
namespace {

std::string Number(double value) {
  char buffer[64];
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
  }
  return buffer;
}

// "Heilongjiang (CN-HL)", "Russia (RU)", or whichever of the two is known.
std::string PlaceLabel(const std::string& name, const std::string& code) {
  if (name.empty()) return code.empty() ? "an unknown place" : code;
  if (code.empty() || code == name) return name;
  return name + " (" + code + ")";
}

// "EARS C1", "CUSUM", "epitweetr".
std::string MethodTitle(Method method) {
  switch (method) {
    case Method::kEarsC1:
      return "EARS C1";
    case Method::kEarsC2:
      return "EARS C2";
    case Method::kEarsC3:
      return "EARS C3";
    case Method::kCusum:
      return "CUSUM";
    case Method::kEpitweetr:
      return "epitweetr (ECDC)";
  }
  return "";
}

std::string WhatCounted(const series::SeriesKey& key) {
  std::string what(CaseStatusName(key.status));
  if (key.imported) what = (*key.imported ? "imported " : "local ") + what;
  what += " cases";
  if (!key.disease.empty()) what += " of " + key.disease;
  return what;
}

std::string SeriesPlace(const series::SeriesKey& key) {
  return PlaceLabel(key.place_name, key.subdivision.empty() ? key.country : key.subdivision);
}

void AddAberrations(const series::DailySeries& one, Method method, std::vector<Signal>& out) {
  std::vector<double> counts;
  counts.reserve(one.points.size());
  for (const series::DailyPoint& point : one.points) {
    counts.push_back(static_cast<double>(point.new_count.value_or(0)));
  }
  for (const Alarm& alarm : Detect(counts, method, 7, DefaultAlpha(method))) {
    const series::DailyPoint& point = one.points[alarm.index];
    Signal signal;
    signal.kind = "aberration";
    signal.method = MethodName(method);
    signal.key = one.key;
    signal.date = point.date;
    signal.value = alarm.value;
    signal.threshold = alarm.threshold;
    signal.fact_ids = point.fact_ids;
    const std::string count = Number(counts[alarm.index]) + " new " + WhatCounted(one.key) +
                              " in " + SeriesPlace(one.key) + " on " + point.date.ToIso();
    if (method == Method::kEarsC3) {
      signal.message = "EARS C3: " + count + "; the two days before were together " +
                       Number(alarm.statistic) + " standard deviations above their baseline " +
                       "(alarm above " + Number(alarm.threshold) + ")";
    } else {
      signal.message = MethodTitle(method) + ": " + count + ", above the upper bound of " +
                       Number(alarm.threshold);
    }
    out.push_back(std::move(signal));
  }
}

// An importation fact reduced to what the signals need.
struct Importation {
  Date day;
  std::string origin;  // ISO code of the origin country, else its name
  std::string origin_name;
  std::string destination;  // ISO 3166-2 when known, else the country
  const Fact* fact = nullptr;
};

std::vector<Importation> Importations(const std::vector<Fact>& facts) {
  std::vector<Importation> out;
  for (const Fact& fact : facts) {
    const Event& event = fact.event;
    if (event.type != EventType::kCases || event.imported != true || !event.origin ||
        !event.place) {
      continue;
    }
    const std::optional<Date> day = series::FactDay(fact);
    Importation item;
    item.origin = event.origin->country.empty() ? event.origin->name : event.origin->country;
    item.origin_name = event.origin->name;
    item.destination =
        event.place->subdivision.empty() ? event.place->country : event.place->subdivision;
    if (!day || item.origin.empty() || item.destination.empty() ||
        item.origin == item.destination) {
      continue;
    }
    item.day = *day;
    item.fact = &fact;
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const Importation& a, const Importation& b) {
    return std::tie(a.day, a.fact->id) < std::tie(b.day, b.fact->id);
  });
  return out;
}

// Keeps, for each key, the first day's importations.
template <typename Key>
std::map<Key, std::vector<const Importation*>> FirstDays(
    const std::vector<Importation>& items,
    const std::function<std::vector<Key>(const Importation&)>& keys_of) {
  std::map<Key, std::vector<const Importation*>> first;
  for (const Importation& item : items) {
    for (const Key& key : keys_of(item)) {
      std::vector<const Importation*>& seen = first[key];
      if (seen.empty() || seen.front()->day == item.day) seen.push_back(&item);
    }
  }
  return first;
}

Signal ImportationSignal(const std::string& kind, const std::vector<const Importation*>& items,
                         const std::string& route_text) {
  const Importation& head = *items.front();
  const Event& event = head.fact->event;
  Signal signal;
  signal.kind = kind;
  signal.key.place_name = event.place->name;
  signal.key.country = event.place->country;
  signal.key.subdivision = event.place->subdivision;
  signal.key.geonameid = event.place->geonameid;
  signal.key.level = event.place->level;
  signal.key.disease = event.disease;
  signal.key.status = event.status;
  signal.key.imported = true;
  signal.date = head.day;
  std::set<int64_t> ids;
  // New figures of that day add up; a running total is not added to them ("12 new,
  // 386 so far" is 12 new cases, not 398).
  double new_sum = 0;
  double cumulative_max = 0;
  bool any_new = false;
  for (const Importation* item : items) {
    const Event& e = item->fact->event;
    const double count = static_cast<double>(e.count);
    if (e.aggregation == Aggregation::kCumulative) {
      cumulative_max = std::max(cumulative_max, count);
    } else {
      new_sum += count;
      any_new = true;
    }
    ids.insert(item->fact->id);
  }
  signal.value = any_new ? new_sum : cumulative_max;
  signal.fact_ids.assign(ids.begin(), ids.end());
  signal.message = route_text + ": " + Number(signal.value) + " " + WhatCounted(signal.key) +
                   (any_new ? " reported for " : " in total as of ") + head.day.ToIso();
  return signal;
}

void AddImportations(const std::vector<Fact>& facts, std::vector<Signal>& out) {
  const std::vector<Importation> items = Importations(facts);
  using Pair = std::pair<std::string, std::string>;
  const auto pairs = FirstDays<Pair>(items, [](const Importation& item) {
    return std::vector<Pair>{{item.origin, item.destination}};
  });
  for (const auto& [pair, first] : pairs) {
    const Importation& head = *first.front();
    out.push_back(ImportationSignal("first_imported_case", first,
                                    "first imported case from " +
                                        PlaceLabel(head.origin_name, pair.first) + " into " +
                                        PlaceLabel(head.fact->event.place->name, pair.second)));
  }
  using Route = std::tuple<std::string, std::string, std::string>;
  const auto routes = FirstDays<Route>(items, [](const Importation& item) {
    std::vector<Route> keys;
    for (TravelMode mode : item.fact->event.modes) {
      keys.emplace_back(item.origin, item.destination, std::string(TravelModeName(mode)));
    }
    if (keys.empty()) keys.emplace_back(item.origin, item.destination, "unknown");
    return keys;
  });
  for (const auto& [route, first] : routes) {
    const Importation& head = *first.front();
    const std::string& mode = std::get<2>(route);
    // A report that names no mode is a new route only when the pair itself is new.
    const Pair pair{std::get<0>(route), std::get<1>(route)};
    if (mode == "unknown" && pairs.at(pair).front()->day < head.day) continue;
    out.push_back(ImportationSignal(
        "new_importation_route", first,
        "new importation route " + PlaceLabel(head.origin_name, std::get<0>(route)) + " -> " +
            PlaceLabel(head.fact->event.place->name, std::get<1>(route)) +
            (mode == "unknown" ? " (travel mode not given)" : " by " + mode)));
    out.back().method.clear();
  }
}

}  // namespace

std::string MethodName(Method method) {
  switch (method) {
    case Method::kEarsC1:
      return "ears_c1";
    case Method::kEarsC2:
      return "ears_c2";
    case Method::kEarsC3:
      return "ears_c3";
    case Method::kCusum:
      return "cusum";
    case Method::kEpitweetr:
      return "epitweetr";
  }
  return "";
}

std::optional<Method> ParseMethod(const std::string& name) {
  for (Method method :
       {Method::kEarsC1, Method::kEarsC2, Method::kEarsC3, Method::kCusum, Method::kEpitweetr}) {
    if (MethodName(method) == name) return method;
  }
  return std::nullopt;
}

std::vector<Signal> FindSignals(const std::vector<series::DailySeries>& series,
                                const std::vector<Fact>& facts,
                                const std::vector<Method>& methods) {
  std::vector<Signal> out;
  for (const series::DailySeries& one : series) {
    for (Method method : methods) AddAberrations(one, method, out);
  }
  AddImportations(facts, out);
  std::stable_sort(out.begin(), out.end(), [](const Signal& a, const Signal& b) {
    return std::tie(a.date, a.kind, a.method, a.key.country, a.key.subdivision, a.key.place_name,
                    a.message) < std::tie(b.date, b.kind, b.method, b.key.country,
                                          b.key.subdivision, b.key.place_name, b.message);
  });
  return out;
}

}  // namespace epiwire::signals
