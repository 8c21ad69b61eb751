// SPDX-License-Identifier: MIT
// /api/series and /api/alerts: daily series built from case facts
// (series::BuildSeries) and the signals found on them (signals::FindSignals).
// Answer 501 when those stages are not built into this binary.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "epiwire/serve/api.h"
#include "epiwire/serve/json_view.h"
#ifdef EPIWIRE_SERVE_HAVE_SERIES
#include "epiwire/series/series.h"
#endif
#ifdef EPIWIRE_SERVE_HAVE_SIGNALS
#include "epiwire/signals/signals.h"
#endif

namespace epiwire::serve {
namespace {

using nlohmann::json;

[[maybe_unused]] constexpr size_t kDefaultSeries = 20;
[[maybe_unused]] constexpr size_t kDefaultAlerts = 100;
[[maybe_unused]] constexpr size_t kMaxPlaceNameBytes = 128;
[[maybe_unused]] constexpr size_t kMaxMethods = 5;

// Reuses the filter grammar for the shared names, then drops its limit/offset
// (aggregates scan every matching fact and cut their own output).
[[maybe_unused]] Result<store::EventFilter> AggregateFilter(const QueryParams& params,
                                                            size_t max_results,
                                                            size_t default_limit) {
  QueryParams shared;
  for (const auto& [name, value] : params) {
    if (name != "place" && name != "status" && name != "method") shared.emplace(name, value);
  }
  return ParseFilter(shared, max_results, default_limit);
}

#ifdef EPIWIRE_SERVE_HAVE_SERIES
json SeriesKeyJson(const series::SeriesKey& key) {
  return {{"place_name", key.place_name},
          {"country", key.country.empty() ? json(nullptr) : json(key.country)},
          {"subdivision", key.subdivision.empty() ? json(nullptr) : json(key.subdivision)},
          {"geonameid", key.geonameid},
          {"disease", key.disease.empty() ? json(nullptr) : json(key.disease)},
          {"status", std::string(CaseStatusName(key.status))},
          {"imported", key.imported ? json(*key.imported) : json(nullptr)}};
}

json SeriesJson(const series::DailySeries& daily) {
  json points = json::array();
  for (const series::DailyPoint& point : daily.points) {
    points.push_back({{"date", point.date.ToIso()},
                      {"new", point.new_count ? json(*point.new_count) : json(nullptr)},
                      {"cumulative", point.cumulative ? json(*point.cumulative) : json(nullptr)},
                      {"fact_ids", point.fact_ids}});
  }
  return {{"key", SeriesKeyJson(daily.key)}, {"points", std::move(points)}};
}
#endif

}  // namespace

ApiResponse Api::Series(const QueryParams& params) {
  Status names = CheckParamNames(params, {"disease", "country", "subdivision", "place", "status",
                                          "from", "to", "limit"});
  if (!names.ok()) return Error(400, names.message());
#ifndef EPIWIRE_SERVE_HAVE_SERIES
  return Error(501, "series are not available: this binary was built without the series stage");
#else
  auto filter = AggregateFilter(params, max_results_, kDefaultSeries);
  if (!filter.ok()) return Error(400, filter.status().message());
  const std::string place = Param(params, "place");
  if (place.size() > kMaxPlaceNameBytes) return Error(400, "place: longer than 128 bytes");
  std::optional<CaseStatus> status;
  if (!Param(params, "status").empty()) {
    status = ParseCaseStatus(Param(params, "status"));
    if (!status) return Error(400, "status: want a case status such as confirmed or deaths");
  }
  bool truncated = false;
  auto facts = ScanFacts(filter.value(), &truncated);
  if (!facts.ok()) return Error(500, "store: " + facts.status().message());
  json list = json::array();
  bool more = false;
  for (const series::DailySeries& daily : series::BuildSeries(facts.value())) {
    if (!place.empty() && daily.key.place_name != place) continue;
    if (status && daily.key.status != *status) continue;
    if (list.size() == filter->limit) {
      more = true;
      break;
    }
    list.push_back(SeriesJson(daily));
  }
  return ApiResponse{200, json{{"series", std::move(list)},
                               {"has_more", more},
                               {"truncated", truncated}}
                              .dump(-1, ' ', false, json::error_handler_t::replace)};
#endif
}

ApiResponse Api::Alerts(const QueryParams& params) {
  Status names = CheckParamNames(params, {"method", "disease", "country", "subdivision", "from",
                                          "to", "limit"});
  if (!names.ok()) return Error(400, names.message());
#if !defined(EPIWIRE_SERVE_HAVE_SERIES) || !defined(EPIWIRE_SERVE_HAVE_SIGNALS)
  return Error(501, "alerts are not available: this binary was built without the signals stage");
#else
  auto filter = AggregateFilter(params, max_results_, kDefaultAlerts);
  if (!filter.ok()) return Error(400, filter.status().message());
  std::vector<signals::Method> methods;
  std::string method_list = Param(params, "method").empty() ? "ears_c2" : Param(params, "method");
  size_t begin = 0;
  while (begin <= method_list.size()) {
    const size_t comma = std::min(method_list.find(',', begin), method_list.size());
    const std::string name = method_list.substr(begin, comma - begin);
    std::optional<signals::Method> method = signals::ParseMethod(name);
    if (!method || methods.size() == kMaxMethods) {
      return Error(400, "method: want up to 5 of ears_c1, ears_c2, ears_c3, cusum, epitweetr");
    }
    if (std::find(methods.begin(), methods.end(), *method) == methods.end()) {
      methods.push_back(*method);
    }
    begin = comma + 1;
  }
  bool truncated = false;
  auto facts = ScanFacts(filter.value(), &truncated);
  if (!facts.ok()) return Error(500, "store: " + facts.status().message());
  std::vector<signals::Signal> found =
      signals::FindSignals(series::BuildSeries(facts.value()), facts.value(), methods);
  std::stable_sort(found.begin(), found.end(),
                   [](const signals::Signal& a, const signals::Signal& b) { return b.date < a.date; });
  json list = json::array();
  for (size_t i = 0; i < found.size() && i < filter->limit; ++i) {
    const signals::Signal& signal = found[i];
    list.push_back({{"kind", signal.kind},
                    {"method", signal.method.empty() ? json(nullptr) : json(signal.method)},
                    {"date", signal.date.ToIso()},
                    {"value", signal.value},
                    {"threshold", signal.threshold},
                    {"message", signal.message},
                    {"key", SeriesKeyJson(signal.key)},
                    {"fact_ids", signal.fact_ids}});
  }
  json method_names = json::array();
  for (signals::Method method : methods) method_names.push_back(signals::MethodName(method));
  return ApiResponse{200, json{{"alerts", std::move(list)},
                               {"methods", std::move(method_names)},
                               {"has_more", found.size() > filter->limit},
                               {"truncated", truncated}}
                              .dump(-1, ' ', false, json::error_handler_t::replace)};
#endif
}

}  // namespace epiwire::serve
