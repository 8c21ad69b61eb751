// SPDX-License-Identifier: MIT
// /api/series and /api/alerts: daily series built from case facts
// (series::BuildSeries) and the alerts found on them (signals::FindAlerts), with the
// reports behind each alert and the analyst's dismissals (POST
// /api/alerts/ID/dismiss, .../restore). Answer 501 when those stages are not built
// into this binary.
#include <algorithm>
#include <map>
#include <vector>
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
[[maybe_unused]] constexpr size_t kMaxEvidence = 20;

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

#ifdef EPIWIRE_SERVE_HAVE_SIGNALS
// The reports behind an alert: each fact's sources with their sentences, at most
// kMaxEvidence of them, the alert's first days first.
json AlertEvidence(const signals::Alert& alert, const std::map<int64_t, const Fact*>& fact_of) {
  json out = json::array();
  std::vector<int64_t> ids;  // the facts of its signals, in the signals' (date) order
  for (const signals::Signal& signal : alert.signals) {
    for (int64_t id : signal.fact_ids) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  for (int64_t id : ids) {
    auto found = fact_of.find(id);
    if (found == fact_of.end()) continue;
    const Fact& fact = *found->second;
    for (const FactSource& source : fact.sources) {
      if (out.size() == kMaxEvidence) return out;
      out.push_back({{"fact_id", fact.id},
                     {"document_id", source.document_id},
                     {"event_index", source.event_index},
                     {"published", DateJson(source.published)},
                     {"quote", source.evidence.quote},
                     {"count", fact.event.count},
                     {"status", std::string(CaseStatusName(fact.event.status))},
                     {"aggregation", fact.event.aggregation
                                         ? json(std::string(AggregationName(*fact.event.aggregation)))
                                         : json(nullptr)},
                     {"imported", fact.event.imported ? json(*fact.event.imported) : json(nullptr)},
                     {"place", PlaceJson(fact.event.place)}});
    }
  }
  return out;
}
#endif

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
                                          "to", "limit", "dismissed"});
  if (!names.ok()) return Error(400, names.message());
#if !defined(EPIWIRE_SERVE_HAVE_SERIES) || !defined(EPIWIRE_SERVE_HAVE_SIGNALS)
  return Error(501, "alerts are not available: this binary was built without the signals stage");
#else
  auto filter = AggregateFilter(params, max_results_, kDefaultAlerts);
  if (!filter.ok()) return Error(400, filter.status().message());
  const std::string dismissed = Param(params, "dismissed").empty() ? "hide"
                                                                   : Param(params, "dismissed");
  if (dismissed != "hide" && dismissed != "show" && dismissed != "only") {
    return Error(400, "dismissed: want hide, show or only");
  }
  signals::SignalOptions options;
  if (!Param(params, "method").empty()) {
    auto methods = signals::ParseMethodList(Param(params, "method"));
    if (!methods.ok() || methods->empty() || methods->size() > kMaxMethods) {
      return Error(400, "method: want up to 5 of ears_c1, ears_c2, ears_c3, cusum, epitweetr");
    }
    options.methods = methods.value();
  }
  // Baselines reach back before `from`: scan every date, then keep the alerts that
  // overlap [from, to].
  store::EventFilter scan = filter.value();
  scan.from.reset();
  scan.to.reset();
  bool truncated = false;
  auto facts = ScanFacts(scan, &truncated);
  if (!facts.ok()) return Error(500, "store: " + facts.status().message());
  Result<series::SourceFunction> sources = series::SourceFunction();
  Result<std::vector<store::AlertState>> states = std::vector<store::AlertState>();
  {
    auto store = stores_.Acquire();
    sources = series::StoreSources(*store, facts.value());
    states = store->AlertStates();
  }
  if (!sources.ok()) return Error(500, "store: " + sources.status().message());
  if (!states.ok()) return Error(500, "store: " + states.status().message());
  std::map<std::string, const store::AlertState*> state_of;
  for (const store::AlertState& state : states.value()) state_of[state.alert_id] = &state;
  std::map<int64_t, const Fact*> fact_of;
  for (const Fact& fact : facts.value()) fact_of[fact.id] = &fact;

  std::vector<signals::Alert> found = signals::FindAlerts(facts.value(), sources.value(), options);
  // Newest first.
  std::stable_sort(found.begin(), found.end(), [](const signals::Alert& a, const signals::Alert& b) {
    return b.last_date < a.last_date;
  });
  json list = json::array();
  size_t matching = 0;
  size_t dismissed_count = 0;
  for (const signals::Alert& alert : found) {
    if ((filter->from && alert.last_date < *filter->from) ||
        (filter->to && *filter->to < alert.first_date)) {
      continue;
    }
    auto state = state_of.find(alert.id);
    const bool is_dismissed = state != state_of.end() && state->second->state == "dismissed";
    if (is_dismissed) ++dismissed_count;
    if ((dismissed == "hide" && is_dismissed) || (dismissed == "only" && !is_dismissed)) continue;
    if (matching++ >= filter->limit) continue;
    json item = json::parse(signals::AlertToJson(alert));
    item["dismissed"] = is_dismissed;
    item["dismissed_at"] = is_dismissed ? json(state->second->updated_at) : json(nullptr);
    item["evidence"] = AlertEvidence(alert, fact_of);
    list.push_back(std::move(item));
  }
  json method_names = json::array();
  for (signals::Method method : options.methods) method_names.push_back(signals::MethodName(method));
  return ApiResponse{200, json{{"alerts", std::move(list)},
                               {"methods", std::move(method_names)},
                               {"min_observed", options.min_observed},
                               {"dismissed_count", dismissed_count},
                               {"has_more", matching > filter->limit},
                               {"truncated", truncated}}
                              .dump(-1, ' ', false, json::error_handler_t::replace)};
#endif
}

ApiResponse Api::Post(const std::string& path, const QueryParams& params) {
  static const std::string kAlerts = "/api/alerts/";
  Status names = CheckParamNames(params, {});
  if (!names.ok()) return Error(400, names.message());
  if (path.rfind(kAlerts, 0) != 0) return Error(405, "only GET is supported here");
  const std::string rest = path.substr(kAlerts.size());
  const size_t slash = rest.find('/');
  const std::string id = rest.substr(0, slash);
  const std::string action = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (action != "dismiss" && action != "restore") {
    return Error(404, "no such API endpoint: want POST /api/alerts/ID/dismiss or .../restore");
  }
  const bool hex = id.size() == 16 && std::all_of(id.begin(), id.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  if (!hex) return Error(400, "alert id: want 16 hexadecimal digits");
  Status done = [&] {
    auto store = stores_.Acquire();
    return store->SetAlertState(id, action == "dismiss" ? "dismissed" : "");
  }();
  if (!done.ok()) return Error(500, "store: " + done.message());
  return ApiResponse{200, json{{"id", id}, {"dismissed", action == "dismiss"}}.dump()};
}

}  // namespace epiwire::serve
