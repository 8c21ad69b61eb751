// SPDX-License-Identifier: MIT
// MergeSignals and FindAlerts: the signals of one event become one alert with a
// severity, a stable id and a sentence of evidence. Tested by signals_test.cc.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "epiwire/signals/signals.h"
#include "epiwire/signals/wording.h"

namespace epiwire::signals {
namespace {

// FNV-1a, 64 bits: a stable id from the alert's identity (not a secret).
std::string StableId(const std::string& identity) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : identity) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016" PRIx64, hash);
  return buffer;
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// Gathers `signals` into the alert; its dates (first, last, raised) come from those
// for which `dates` holds.
template <typename Dates>
void Collect(const std::vector<const Signal*>& signals, Alert& alert, const Dates& dates) {
  std::set<int64_t> facts;
  std::set<std::string> documents;
  std::set<Method> methods;
  bool dated = false;
  for (const Signal* signal : signals) {
    alert.signals.push_back(*signal);
    facts.insert(signal->fact_ids.begin(), signal->fact_ids.end());
    documents.insert(signal->document_ids.begin(), signal->document_ids.end());
    if (std::optional<Method> method = ParseMethod(signal->method)) methods.insert(*method);
    if (!dates(*signal)) continue;
    alert.first_date = dated ? std::min(alert.first_date, signal->date) : signal->date;
    alert.last_date = dated ? std::max(alert.last_date, signal->date) : signal->date;
    dated = true;
    const Date known = signal->published.value_or(signal->date);
    if (!alert.raised || known < *alert.raised) alert.raised = known;
  }
  alert.fact_ids.assign(facts.begin(), facts.end());
  alert.document_ids.assign(documents.begin(), documents.end());
  for (Method method : AllMethods()) {
    if (methods.count(method) > 0) alert.methods.push_back(MethodName(method));
  }
}

// The alert's place: a signal at the place's own level names it; a city's signal
// gives its subdivision (or country) by code.
series::SeriesKey PlaceKey(const std::vector<const Signal*>& signals) {
  const series::SeriesKey& first = signals.front()->key;
  const PlaceLevel level = first.subdivision.empty() ? PlaceLevel::kCountry
                                                     : PlaceLevel::kSubdivision;
  for (const Signal* signal : signals) {
    if (signal->key.level == level && signal->measure == "cases") return signal->key;
  }
  for (const Signal* signal : signals) {
    if (signal->key.level == level) return signal->key;
  }
  series::SeriesKey key = first;
  key.place_name = first.subdivision.empty() ? first.country : first.subdivision;
  key.geonameid = 0;
  key.level = level;
  return key;
}

// An alert on a rise in cases or a burst of reports in one place: `signals` sorted by
// date; its dates from those for which `dates` holds.
template <typename Dates>
Alert AberrationAlert(const std::vector<const Signal*>& signals, const Dates& dates) {
  Alert alert;
  alert.kind = "aberration";
  alert.key = PlaceKey(signals);
  Collect(signals, alert, dates);
  bool cases = false;     // case counts rose (a rise needs enough cases)
  bool articles = false;  // and reporting
  // The title, from the signals that date the alert.
  bool dated_cases = false;
  bool imported_cases = false;
  bool only_imported_articles = true;
  for (const Signal* signal : signals) {
    const bool on_cases = signal->kind == "rise" || signal->measure == "cases";
    const bool on_articles = signal->measure == "articles";
    cases = cases || on_cases;
    articles = articles || on_articles;
    if (dates(*signal)) {
      dated_cases = dated_cases || on_cases;
      if (on_cases) imported_cases = imported_cases || signal->key.imported == true;
      if (on_articles) {
        only_imported_articles = only_imported_articles && signal->key.imported == true;
      }
    }
    if (signal->kind == "aberration" && signal->measure == "cases" &&
        (alert.baseline_observed < 0 || signal->baseline_observed < alert.baseline_observed)) {
      alert.baseline_observed = signal->baseline_observed;
      alert.baseline_days = signal->baseline_days;
    }
  }
  const size_t methods = alert.methods.size();
  alert.severity = methods >= 3 && cases && articles         ? "high"
                   : methods >= 2 || (cases && articles)     ? "medium"
                                                             : "low";
  std::string what = dated_cases ? std::string("Rise in ") + (imported_cases ? "imported " : "") + "cases"
                                 : std::string("Burst of reports") +
                                 (only_imported_articles ? " on imported cases" : "");
  if (!alert.key.disease.empty()) what += " of " + alert.key.disease;
  alert.title = what + " in " + SeriesPlace(alert.key);
  alert.message = alert.first_date.ToIso() +
                  (alert.last_date == alert.first_date ? "" : " to " + alert.last_date.ToIso()) +
                  ": " + std::to_string(signals.size()) +
                  (signals.size() == 1 ? " signal" : " signals");
  std::string names;
  for (Method method : AllMethods()) {
    if (std::find(alert.methods.begin(), alert.methods.end(), MethodName(method)) ==
        alert.methods.end()) {
      continue;
    }
    names += (names.empty() ? "" : ", ") + MethodTitle(method);
  }
  const auto first = std::find_if(signals.begin(), signals.end(),
                                  [&](const Signal* signal) { return dates(*signal); });
  alert.message += (names.empty() ? "" : " (" + names + ")") + ". First: " +
                   (first == signals.end() ? signals.front() : *first)->message;
  if (alert.baseline_observed >= 0) {
    alert.message += ". Case counts stood on baselines of at least " +
                     std::to_string(alert.baseline_observed) + " reported days";
  }
  alert.id = StableId("aberration|" + alert.key.disease + "|" + alert.key.country + "|" +
                      alert.key.subdivision + "|" + alert.first_date.ToIso());
  return alert;
}

Alert ImportationAlert(const std::vector<const Signal*>& signals) {
  Alert alert;
  const bool first = std::any_of(signals.begin(), signals.end(), [](const Signal* signal) {
    return signal->kind == "first_imported_case";
  });
  alert.kind = first ? "first_imported_case" : "new_importation_route";
  alert.severity = first ? "medium" : "low";
  alert.key = signals.front()->key;
  Collect(signals, alert, [](const Signal&) { return true; });
  for (const Signal* signal : signals) {
    const std::string& text = signal->message;
    if (alert.title.empty()) alert.title = Capitalised(text.substr(0, text.find(": ")));
    alert.message += (alert.message.empty() ? "" : "; ") + text;
  }
  const std::string destination =
      alert.key.subdivision.empty() ? alert.key.country : alert.key.subdivision;
  alert.id = StableId(alert.kind + "|" + alert.key.disease + "|" + signals.front()->origin + "|" +
                      destination + "|" + alert.first_date.ToIso());
  return alert;
}

using nlohmann::json;

json Finite(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json DateOrNull(const std::optional<Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

json ImportedJson(const std::optional<bool>& imported) {
  return imported ? json(*imported) : json(nullptr);
}

json SignalJson(const Signal& signal) {
  const bool rise = signal.kind == "rise";
  const bool burst = rise && signal.measure == "articles";
  return {{"kind", signal.kind},
          {"method", OrNull(signal.method)},
          {"measure", OrNull(signal.measure)},
          {"date", signal.date.ToIso()},
          {"published", DateOrNull(signal.published)},
          {"value", Finite(signal.value)},
          {"threshold", Finite(signal.threshold)},
          {"baseline_days", signal.kind == "aberration" ? json(signal.baseline_days) : json(nullptr)},
          {"baseline_observed",
           signal.kind == "aberration" && signal.measure == "cases" ? json(signal.baseline_observed)
                                                                    : json(nullptr)},
          {"sources", signal.measure == "articles" ? json(signal.sources) : json(nullptr)},
          {"articles", burst ? json(signal.articles) : json(nullptr)},
          {"expected_articles", burst ? Finite(signal.expected_articles) : json(nullptr)},
          {"chance", burst ? Finite(signal.chance) : json(nullptr)},
          {"usual_week", rise ? Finite(signal.usual_week) : json(nullptr)},
          {"place", signal.key.place_name},
          {"status", signal.measure == "articles" ? json(nullptr)
                                                  : json(std::string(CaseStatusName(signal.key.status)))},
          {"imported", ImportedJson(signal.key.imported)},
          {"origin", OrNull(signal.origin)},
          {"message", signal.message},
          {"fact_ids", signal.fact_ids},
          {"document_ids", signal.document_ids}};
}

json AlertObject(const Alert& alert) {
  json signals = json::array();
  for (const Signal& signal : alert.signals) signals.push_back(SignalJson(signal));
  const series::SeriesKey& key = alert.key;
  return {{"id", alert.id},
          {"kind", alert.kind},
          {"severity", alert.severity},
          {"first_date", alert.first_date.ToIso()},
          {"last_date", alert.last_date.ToIso()},
          {"raised", DateOrNull(alert.raised)},
          {"place",
           {{"name", key.place_name},
            {"country", OrNull(key.country)},
            {"subdivision", OrNull(key.subdivision)},
            {"geonameid", key.geonameid}}},
          {"disease", OrNull(key.disease)},
          {"status", std::string(CaseStatusName(key.status))},
          {"imported", ImportedJson(key.imported)},
          {"methods", alert.methods},
          {"baseline_observed",
           alert.baseline_observed < 0 ? json(nullptr) : json(alert.baseline_observed)},
          {"baseline_days", alert.baseline_days < 0 ? json(nullptr) : json(alert.baseline_days)},
          {"title", alert.title},
          {"message", alert.message},
          {"fact_ids", alert.fact_ids},
          {"document_ids", alert.document_ids},
          {"signals", std::move(signals)}};
}

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string AlertToJson(const Alert& alert) { return Dump(AlertObject(alert)); }

std::string AlertsToJson(const std::vector<Alert>& alerts) {
  std::string out = "[";
  for (size_t i = 0; i < alerts.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out += AlertToJson(alerts[i]);
  }
  return out + "\n]\n";
}

namespace {

using Place = std::tuple<std::string, std::string, std::string>;  // disease, country, subdivision

// Signals split into aberrations and rises by place (sorted by date), and importation
// alerts.
struct Sorted {
  std::map<Place, std::vector<const Signal*>> aberrations;
  std::map<Place, std::vector<const Signal*>> rises;
  std::vector<Alert> importations;
};

Sorted SortSignals(const std::vector<Signal>& signals) {
  Sorted sorted;
  using Arrival = std::tuple<std::string, std::string, std::string, int64_t>;  // + origin, day
  std::map<Arrival, std::vector<const Signal*>> importations;
  for (const Signal& signal : signals) {
    const series::SeriesKey& key = signal.key;
    const Place place{key.disease, key.country, key.subdivision};
    if (signal.kind == "aberration") {
      sorted.aberrations[place].push_back(&signal);
    } else if (signal.kind == "rise") {
      sorted.rises[place].push_back(&signal);
    } else {
      const std::string destination = key.subdivision.empty() ? key.country : key.subdivision;
      importations[{key.disease, signal.origin, destination, signal.date.ToDays()}].push_back(
          &signal);
    }
  }
  const auto by_date = [](const Signal* a, const Signal* b) { return a->date < b->date; };
  for (auto& [place, list] : sorted.aberrations) std::stable_sort(list.begin(), list.end(), by_date);
  for (auto& [place, list] : sorted.rises) std::stable_sort(list.begin(), list.end(), by_date);
  for (const auto& [arrival, list] : importations) {
    sorted.importations.push_back(ImportationAlert(list));
  }
  return sorted;
}

// Splits signals sorted by date into episodes: runs at most kEpisodeGapDays apart.
std::vector<std::vector<const Signal*>> Episodes(const std::vector<const Signal*>& list) {
  std::vector<std::vector<const Signal*>> episodes;
  for (const Signal* signal : list) {
    if (episodes.empty() ||
        signal->date.ToDays() - episodes.back().back()->date.ToDays() > kEpisodeGapDays) {
      episodes.emplace_back();
    }
    episodes.back().push_back(signal);
  }
  return episodes;
}

std::vector<Alert> SortedAlerts(std::vector<Alert> alerts) {
  std::sort(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.first_date, a.id) < std::tie(b.first_date, b.id);
  });
  return alerts;
}

}  // namespace

std::vector<Alert> MergeSignals(const std::vector<Signal>& signals) {
  Sorted sorted = SortSignals(signals);
  // Rises join the aberrations of their place.
  for (auto& [place, rises] : sorted.rises) {
    std::vector<const Signal*>& list = sorted.aberrations[place];
    list.insert(list.end(), rises.begin(), rises.end());
    std::stable_sort(list.begin(), list.end(),
                     [](const Signal* a, const Signal* b) { return a->date < b->date; });
  }
  std::vector<Alert> alerts = std::move(sorted.importations);
  for (const auto& [place, list] : sorted.aberrations) {
    for (const auto& episode : Episodes(list)) {
      alerts.push_back(AberrationAlert(episode, [](const Signal&) { return true; }));
    }
  }
  return SortedAlerts(std::move(alerts));
}

std::vector<Alert> RaiseAlerts(const std::vector<Signal>& signals) {
  Sorted sorted = SortSignals(signals);
  std::vector<Alert> alerts = std::move(sorted.importations);
  for (const auto& [place, rises] : sorted.rises) {
    const std::vector<const Signal*>& aberrations = sorted.aberrations[place];
    for (const auto& episode : Episodes(rises)) {
      // The place's aberrations from kEpisodeGapDays before the first rise to the last.
      const int64_t from = episode.front()->date.ToDays() - kEpisodeGapDays;
      const int64_t to = episode.back()->date.ToDays();
      std::vector<const Signal*> all = episode;
      for (const Signal* signal : aberrations) {
        const int64_t day = signal->date.ToDays();
        if (day >= from && day <= to) all.push_back(signal);
      }
      std::stable_sort(all.begin(), all.end(),
                       [](const Signal* a, const Signal* b) { return a->date < b->date; });
      Alert alert =
          AberrationAlert(all, [](const Signal& signal) { return signal.kind == "rise"; });
      if (alert.severity == "low") alert.severity = "medium";
      alerts.push_back(std::move(alert));
    }
  }
  return SortedAlerts(std::move(alerts));
}

std::vector<Alert> FindAlerts(const std::vector<Fact>& facts, const series::SourceFunction& source_of,
                              const SignalOptions& options) {
  const std::vector<series::DailySeries> series = series::BuildSeries(facts);
  std::vector<series::VolumeSeries> volume;
  if (options.volume) volume = series::BuildVolumeSeries(facts, source_of);
  return RaiseAlerts(FindSignals(series, volume, facts, options));
}

}  // namespace epiwire::signals
