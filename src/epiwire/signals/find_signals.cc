// SPDX-License-Identifier: MIT
// FindSignals: aberrations over the case and volume series and importation signals
// over the facts, with messages for people. Tested by signals_test.cc.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "epiwire/signals/rises.h"
#include "epiwire/signals/signals.h"
#include "epiwire/signals/wording.h"

namespace epiwire::signals {
namespace {

// Statuses whose rise is an outbreak signal (recoveries and tests are not).
bool CanRise(CaseStatus status) {
  return status != CaseStatus::kRecovered && status != CaseStatus::kTested;
}

// The earliest publication of each fact's sources.
std::map<int64_t, Date> FirstPublished(const std::vector<Fact>& facts) {
  std::map<int64_t, Date> out;
  for (const Fact& fact : facts) {
    for (const FactSource& source : fact.sources) {
      if (!source.published) continue;
      auto [it, inserted] = out.emplace(fact.id, *source.published);
      if (!inserted && *source.published < it->second) it->second = *source.published;
    }
  }
  return out;
}

std::optional<Date> EarliestOf(const std::vector<int64_t>& fact_ids,
                               const std::map<int64_t, Date>& published) {
  std::optional<Date> earliest;
  for (int64_t id : fact_ids) {
    auto found = published.find(id);
    if (found != published.end() && (!earliest || found->second < *earliest)) {
      earliest = found->second;
    }
  }
  return earliest;
}

// "baseline 6 of 7 days reported, 1 interpolated" (case counts) or "baseline 7 days".
std::string BaselineText(const Alarm& alarm, int length, bool counts) {
  if (!counts) return "baseline " + std::to_string(alarm.baseline_days) + " days";
  std::string text = "baseline " + std::to_string(alarm.baseline_observed) + " of " +
                     std::to_string(length) + " days reported";
  const int interpolated = alarm.baseline_days - alarm.baseline_observed;
  if (interpolated > 0) text += ", " + std::to_string(interpolated) + " interpolated";
  return text;
}

Signal AberrationSignal(const Alarm& alarm, const series::SeriesKey& key, Date date,
                        const std::string& measure, const std::string& what_happened,
                        int length) {
  Signal signal;
  signal.kind = "aberration";
  signal.method = MethodName(alarm.method);
  signal.measure = measure;
  signal.key = key;
  signal.date = date;
  signal.value = alarm.value;
  signal.threshold = alarm.threshold;
  signal.baseline_days = alarm.baseline_days;
  signal.baseline_observed = alarm.baseline_observed;
  const std::string baseline = BaselineText(alarm, length, measure == "cases");
  if (alarm.method == Method::kEarsC3) {
    signal.message = "EARS C3: " + what_happened + "; the two days before were together " +
                     Number(alarm.statistic) + " standard deviations above their baseline " +
                     "(alarm above " + Number(alarm.threshold) + "; " + baseline + ")";
  } else {
    signal.message = MethodTitle(alarm.method) + ": " + what_happened +
                     ", above the upper bound of " + Number(alarm.threshold) + " (" + baseline +
                     ")";
  }
  return signal;
}

void AddCaseAberrations(const series::DailySeries& one, const SignalOptions& options,
                        const std::map<int64_t, Date>& published, std::vector<Signal>& out) {
  if (!CanRise(one.key.status)) return;
  Observations observations;
  observations.values.reserve(one.points.size());
  observations.observed.reserve(one.points.size());
  for (const series::DailyPoint& point : one.points) {
    // A figure of several days is no day's value.
    const bool known = point.new_count.has_value() && !point.multi_day;
    observations.values.push_back(known ? static_cast<double>(*point.new_count)
                                        : std::numeric_limits<double>::quiet_NaN());
    observations.observed.push_back(known && point.reported);
  }
  for (Method method : options.methods) {
    const DetectOptions detect{options.baseline, DefaultAlpha(method), options.min_observed};
    for (const Alarm& alarm : DetectObserved(observations, method, detect)) {
      const series::DailyPoint& point = one.points[alarm.index];
      const std::string what = Number(observations.values[alarm.index]) + " new " +
                               WhatCounted(one.key) + " in " + SeriesPlace(one.key) + " on " +
                               point.date.ToIso();
      Signal signal =
          AberrationSignal(alarm, one.key, point.date, "cases", what, options.baseline);
      signal.fact_ids = point.fact_ids;
      signal.published = EarliestOf(point.fact_ids, published);
      out.push_back(std::move(signal));
    }
  }
}

void AddVolumeAberrations(const series::VolumeSeries& one, const SignalOptions& options,
                          std::vector<Signal>& out) {
  Observations observations;
  observations.values.reserve(one.points.size());
  for (const series::VolumePoint& point : one.points) {
    observations.values.push_back(point.articles);
  }
  observations.observed.assign(one.points.size(), true);
  std::string about = one.key.disease.empty() ? "a disease" : one.key.disease;
  if (one.key.imported == true) about = "imported cases of " + about;
  for (Method method : options.methods) {
    // Dense: every baseline day must be there (the first days of the span are not).
    const DetectOptions detect{options.baseline, DefaultAlpha(method), 0};
    for (const Alarm& alarm : DetectObserved(observations, method, detect)) {
      const series::VolumePoint& point = one.points[alarm.index];
      if (point.articles < options.min_articles || point.sources < options.min_sources) continue;
      const std::string what = std::to_string(point.articles) + " articles from " +
                               std::to_string(point.sources) + " sources on " + about + " in " +
                               SeriesPlace(one.key) + " on " + point.date.ToIso();
      Signal signal =
          AberrationSignal(alarm, one.key, point.date, "articles", what, options.baseline);
      signal.sources = point.sources;
      signal.published = point.date;
      signal.fact_ids = point.fact_ids;
      signal.document_ids = point.document_ids;
      out.push_back(std::move(signal));
    }
  }
}

// An importation fact reduced to what the signals need.
struct Importation {
  Date day;
  std::string disease;
  std::string origin;  // ISO code of the origin country, else its name; empty: not given
  std::string origin_name;
  std::string destination;  // ISO 3166-2 when known, else the country
  const Fact* fact = nullptr;
};

std::vector<Importation> Importations(const std::vector<Fact>& facts) {
  std::vector<Importation> out;
  for (const Fact& fact : facts) {
    const Event& event = fact.event;
    if (event.type != EventType::kCases || event.imported != true || !event.place ||
        event.count <= 0) {
      continue;  // "no imported cases" is no importation
    }
    const std::optional<Date> day = series::FactDay(fact);
    Importation item;
    item.disease = event.disease;
    if (event.origin) {
      item.origin = event.origin->country.empty() ? event.origin->name : event.origin->country;
      item.origin_name = event.origin->name;
    }
    item.destination =
        event.place->subdivision.empty() ? event.place->country : event.place->subdivision;
    if (!day || item.destination.empty() || item.origin == item.destination) continue;
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
                         const std::string& route_text, const std::map<int64_t, Date>& published) {
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
  signal.origin = head.origin;
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
  signal.published = EarliestOf(signal.fact_ids, published);
  signal.message = route_text + ": " + Number(signal.value) + " " + WhatCounted(signal.key) +
                   (any_new ? " reported for " : " in total as of ") + head.day.ToIso();
  return signal;
}

void AddImportations(const std::vector<Fact>& facts, const std::map<int64_t, Date>& published,
                     std::vector<Signal>& out) {
  const std::vector<Importation> items = Importations(facts);
  // The first imported case into a place at all, when its first report names no origin
  // (a report that names one gives the pair's signal below).
  using Place = std::pair<std::string, std::string>;  // disease, destination
  const auto places = FirstDays<Place>(items, [](const Importation& item) {
    return std::vector<Place>{{item.disease, item.destination}};
  });
  for (const auto& [place, first] : places) {
    const bool named = std::any_of(first.begin(), first.end(),
                                   [](const Importation* item) { return !item->origin.empty(); });
    if (named) continue;
    const Importation& head = *first.front();
    out.push_back(ImportationSignal("first_imported_case", first,
                                    "first imported case into " +
                                        PlaceLabel(head.fact->event.place->name, place.second) +
                                        " (origin not given)",
                                    published));
  }
  using Pair = std::tuple<std::string, std::string, std::string>;  // disease, origin, destination
  const auto pairs = FirstDays<Pair>(items, [](const Importation& item) {
    if (item.origin.empty()) return std::vector<Pair>{};
    return std::vector<Pair>{{item.disease, item.origin, item.destination}};
  });
  for (const auto& [pair, first] : pairs) {
    const Importation& head = *first.front();
    out.push_back(ImportationSignal(
        "first_imported_case", first,
        "first imported case from " + PlaceLabel(head.origin_name, std::get<1>(pair)) + " into " +
            PlaceLabel(head.fact->event.place->name, std::get<2>(pair)),
        published));
  }
  using Route = std::tuple<std::string, std::string, std::string, std::string>;
  const auto routes = FirstDays<Route>(items, [](const Importation& item) {
    std::vector<Route> keys;
    if (item.origin.empty()) return keys;
    for (TravelMode mode : item.fact->event.modes) {
      keys.emplace_back(item.disease, item.origin, item.destination,
                        std::string(TravelModeName(mode)));
    }
    if (keys.empty()) keys.emplace_back(item.disease, item.origin, item.destination, "unknown");
    return keys;
  });
  for (const auto& [route, first] : routes) {
    const Importation& head = *first.front();
    const std::string& mode = std::get<3>(route);
    // A report that names no mode is a new route only when the pair itself is new.
    const Pair pair{std::get<0>(route), std::get<1>(route), std::get<2>(route)};
    if (mode == "unknown" && pairs.at(pair).front()->day < head.day) continue;
    out.push_back(ImportationSignal(
        "new_importation_route", first,
        "new importation route " + PlaceLabel(head.origin_name, std::get<1>(route)) + " -> " +
            PlaceLabel(head.fact->event.place->name, std::get<2>(route)) +
            (mode == "unknown" ? " (travel mode not given)" : " by " + mode),
        published));
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

std::vector<Method> AllMethods() {
  return {Method::kEarsC1, Method::kEarsC2, Method::kEarsC3, Method::kCusum, Method::kEpitweetr};
}

std::optional<Method> ParseMethod(const std::string& name) {
  for (Method method : AllMethods()) {
    if (MethodName(method) == name) return method;
  }
  return std::nullopt;
}

Result<std::vector<Method>> ParseMethodList(const std::string& text) {
  std::vector<Method> methods;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string name = text.substr(start, comma - start);
    if (!name.empty()) {
      std::optional<Method> method = ParseMethod(name);
      if (!method) {
        return Status::InvalidInput("unknown method '" + name.substr(0, 64) +
                                    "' (want ears_c1, ears_c2, ears_c3, cusum, epitweetr)");
      }
      if (std::find(methods.begin(), methods.end(), *method) == methods.end()) {
        methods.push_back(*method);
      }
    }
    start = comma + 1;
  }
  return methods;
}

std::vector<Signal> FindSignals(const std::vector<series::DailySeries>& series,
                                const std::vector<series::VolumeSeries>& volume,
                                const std::vector<Fact>& facts, const SignalOptions& options) {
  std::vector<Signal> out;
  const std::map<int64_t, Date> published = FirstPublished(facts);
  for (const series::DailySeries& one : series) AddCaseAberrations(one, options, published, out);
  if (options.volume) {
    for (const series::VolumeSeries& one : volume) AddVolumeAberrations(one, options, out);
  }
  std::vector<Signal> rises = FindRises(series, volume, out, options.rise);
  out.insert(out.end(), std::make_move_iterator(rises.begin()), std::make_move_iterator(rises.end()));
  AddImportations(facts, published, out);
  std::stable_sort(out.begin(), out.end(), [](const Signal& a, const Signal& b) {
    return std::tie(a.date, a.kind, a.method, a.measure, a.key.country, a.key.subdivision,
                    a.key.place_name, a.message) < std::tie(b.date, b.kind, b.method, b.measure,
                                                            b.key.country, b.key.subdivision,
                                                            b.key.place_name, b.message);
  });
  return out;
}

}  // namespace epiwire::signals
