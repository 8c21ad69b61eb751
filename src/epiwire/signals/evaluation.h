// SPDX-License-Identifier: MIT
// The evaluation harness: alerts measured against known outbreaks. From official
// daily series (running totals per place, imported cases as series of their own) it
// builds a simulated news stream -- reports of a day's new or cumulative figure for a
// place, most days unreported, more reports when counts rise, published with delays,
// a few figures wrong -- and takes the truth from the same official series: the onset
// of each surge and each place's first imported case. It then runs the signals on the
// stream and scores, for each method alone and for the merged alerts, precision,
// recall, the median delay from onset to alert and the false alerts per 1,000 quiet
// place-days. Deterministic for a seed. Tested by evaluation_test.cc and, on the
// mainland China file, by tests/evaluate_signals_test.sh.
#ifndef EPIWIRE_SIGNALS_EVALUATION_H_
#define EPIWIRE_SIGNALS_EVALUATION_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "epiwire/model/date.h"
#include "epiwire/model/fact.h"
#include "epiwire/signals/signals.h"
#include "epiwire/store/event_store.h"

namespace epiwire::signals {

// How the simulated news reports the official series.
struct StreamOptions {
  uint64_t seed = 20200405;
  // Expected articles a day on one series, with n the day's new cases and m their
  // mean over the 14 days before: quiet_rate + case_rate * ln(1 + n) +
  // rise_rate * max(0, ln((1 + n) / (1 + m))). News follows what is new: a rise draws
  // more reports than a steady count of the same size.
  double quiet_rate = 0.15;
  double case_rate = 0.5;
  double rise_rate = 1.0;
  // Share of articles that give the running total (the others give the day's new
  // cases).
  double cumulative_share = 0.5;
  // Share of figures misread: a digit too many, a number near the true one, or the
  // day's other figure (the running total given as new cases, or the reverse).
  double wrong_share = 0.03;
  // Publication delay in days: 0, 1, 2 with these shares (they add up to 1).
  double delay_shares[3] = {0.5, 0.35, 0.15};
  int outlets = 15;  // distinct sources
  // Names of places by code ("CN-HL" -> "Heilongjiang"); a place without one is
  // named by its code.
  std::map<std::string, std::string> place_names;
};

// A known outbreak in the official series.
struct KnownEvent {
  std::string kind;   // "surge", "first_imported_case" or "cluster"
  std::string place;  // ISO 3166-2 code, else the country code
  std::string series;  // "all" or "imported": which official series showed it first
  Date onset;
  Date end;  // surges: last day of the active period; others: onset + 14
};

// What the truth is made of.
struct TruthOptions {
  // A surge starts on day t (a day with new cases) when the 7 days from t hold at
  // least `min_week` new cases and at least `growth` times the weekly mean of the 14
  // days before t plus `min_week` / 2. It lasts while the trailing 7-day sum stays at
  // or above a quarter of its highest value and above `min_week` / 2.
  int64_t min_week = 10;
  double growth = 4;
  int history_days = 14;  // days of series before a surge can be told
  // A cluster: new cases in a place after `history_days` days without any, at least
  // `min_cluster` in the 7 days from the first. Alerts on clusters are true alerts,
  // but an alert system is not required to find every cluster (recall counts surges).
  int64_t min_cluster = 3;
};

// The simulated stream: case facts as the store would hold them (one Fact per
// figure and count, with every article reporting it as a source).
struct SimulatedStream {
  std::vector<Fact> facts;
  std::map<std::string, std::string> source_of;  // document id -> outlet
  Date first;
  Date last;
  size_t articles = 0;
  size_t wrong_figures = 0;
};

// One row of the score table.
struct Score {
  std::string name;  // "ears_c1", ..., "merged", "first imported case"
  size_t alerts = 0;
  size_t true_alerts = 0;     // matching a known event (a surge, first imported case, cluster)
  size_t cluster_alerts = 0;  // of them, matching only clusters
  size_t events = 0;
  size_t detected = 0;
  double precision = 0;         // true_alerts / alerts
  double strict_precision = 0;  // (true_alerts - cluster_alerts) / alerts
  double recall = 0;
  double median_delay = 0;  // days from onset to the first alert, over detected events
  size_t minor_alerts = 0;  // matching no known event, on days with some cases nearby
  size_t false_alerts = 0;  // matching no known event, on quiet days
  int64_t quiet_days = 0;   // place-days outside every known event, no case within 3 days
  double false_per_1000 = 0;
};

struct Evaluation {
  SimulatedStream stream;
  std::vector<KnownEvent> truth;
  std::vector<Alert> alerts;  // the alerts on the stream (RaiseAlerts)
  // For each known event, when the first alert matching it was raised (surges:
  // aberration alerts; first imported cases: their alerts; clusters: none).
  std::vector<std::optional<Date>> found;
  // Each method alone, "cases only" and "articles only" (the methods on one measure),
  // "any method" (every aberration an alert, MergeSignals), "merged" (the rise alerts
  // an analyst is shown, RaiseAlerts), "first imported case" and "all alerts".
  std::vector<Score> scores;
  Date from;                  // the scored period
  Date to;
};

// The official series the harness reads: the confirmed running totals of `values`
// per place (country and subdivision) and kind (all cases, imported cases).
struct OfficialSeries {
  std::string place;  // ISO 3166-2 code, else the country code
  std::string country;
  std::string subdivision;
  bool imported = false;
  Date first;
  size_t reported_from = 0;  // the place's first row: the news report from that day on
  std::vector<int64_t> new_cases;   // a day each from `first` (falls count as 0)
  std::vector<int64_t> cumulative;  // carried over days without a row
};
std::vector<OfficialSeries> GatherOfficial(const std::vector<store::OfficialValue>& values);

SimulatedStream SimulateNews(const std::vector<OfficialSeries>& official,
                             const StreamOptions& options);
std::vector<KnownEvent> KnownEvents(const std::vector<OfficialSeries>& official,
                                    const TruthOptions& options);

// Simulates, finds the alerts (SignalOptions as given) and scores them. An alert
// matches a surge of its place when its first day falls in [onset - 3, end]; a first
// imported case alert matches when its day falls in [onset - 3, onset + 14]; its delay
// is the day it could be raised (the earliest publication behind it) minus the onset.
// Events and alerts before the first `history_days` of the stream are not scored.
Evaluation Evaluate(const std::vector<store::OfficialValue>& values, const StreamOptions& stream,
                    const TruthOptions& truth, const SignalOptions& signal_options);

// As Evaluate, scoring the alerts found on `facts` (a store's facts, e.g. of the
// simulated stream written out and read by `epiwire ingest`) instead of a simulation.
// evaluation.stream stays empty; the scored period runs from the facts' first
// publication (after the history a surge needs) to their last.
Evaluation EvaluateFacts(const std::vector<store::OfficialValue>& values,
                         const std::vector<Fact>& facts, const series::SourceFunction& source_of,
                         const TruthOptions& truth, const SignalOptions& signal_options);

// The stream as JSON Lines documents (id, published, url, text: the report's
// sentence), one a line, in publication order: input for `epiwire ingest`.
std::string StreamToJsonLines(const SimulatedStream& stream);

// The score table: "text" (aligned columns) or "markdown".
std::string ScoreTable(const Evaluation& evaluation, const std::string& format);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_EVALUATION_H_
