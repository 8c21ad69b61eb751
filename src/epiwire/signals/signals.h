// SPDX-License-Identifier: MIT
// Signals: aberration detection on daily series (EARS C1, C2, C3 as in R's
// surveillance::earsC, CUSUM, and the ECDC epitweetr method) on reported case counts
// and on the volume of reporting, importation signals ("first imported case from X
// into Y", "new importation route"), and alerts: the signals of one event merged,
// with a severity and a stable id.
// Tested by signals_test.cc and, against R, by tests/signals_r_test.sh.
#ifndef EPIWIRE_SIGNALS_SIGNALS_H_
#define EPIWIRE_SIGNALS_SIGNALS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/model/date.h"
#include "epiwire/model/fact.h"
#include "epiwire/series/series.h"

namespace epiwire::signals {

enum class Method { kEarsC1, kEarsC2, kEarsC3, kCusum, kEpitweetr };

// Every method, in the order above.
std::vector<Method> AllMethods();

struct Alarm {
  Method method = Method::kEarsC1;
  size_t index = 0;      // into the series given
  double value = 0;      // the count (C3: the statistic)
  double threshold = 0;  // upper bound of the method at that day
  double statistic = 0;
  int baseline_days = 0;      // baseline days with a value (C3, CUSUM: of the C2 baseline)
  int baseline_observed = 0;  // of them, days observed (reported), not interpolated
};

// A daily series as the detectors see it: values[i] is NaN when day i is unknown;
// observed[i] is true when day i's value was reported for that very day (false for
// an interpolated value).
struct Observations {
  std::vector<double> values;
  std::vector<bool> observed;
};

struct DetectOptions {
  int baseline = 7;  // below 3 is taken as 3 (earsC's minimum)
  // Used as given for every method; outside (0, 1) means DefaultAlpha(method).
  double alpha = 0;
  // Fewest observed days in a baseline for a day to be tested; 0 (or more than
  // `baseline`) means every baseline day.
  int min_observed = 0;
};

// Alarms on the days of `series` that can be tested: a day is tested only when it
// was observed itself and its baseline (the `baseline` days before it, or before its
// guard days) holds at least `min_observed` observed days. Baseline statistics use
// the baseline days that have a value (observed or interpolated); unknown days and
// days before the series are left out, never taken as zero. On a series observed
// every day with min_observed = baseline this is exactly Detect() below.
//
// The methods, day t, x the values, z = NormalQuantile(1 - alpha), sd the sample sd
// of the baseline values (at least 3 of them):
// - kEarsC1: baseline x[t-7..t-1]; alarm when x[t] > mean + z * sd (sd 0: x[t] > mean).
//   statistic (x[t] - mean) / sd.
// - kEarsC2: as C1 on x[t-9..t-3] (two guard days).
// - kEarsC3: exactly surveillance::earsC 1.20: with C2(u) the C2 statistic of day u,
//   S = max(0, C2(t-2) - 1) + max(0, C2(t-1) - 1); upper bound
//   max(0, x[t] + sd_t * (z - S)); alarm when x[t] exceeds it (so when S > z if
//   sd_t > 0; a 0/0 statistic never alarms). value = statistic = S, threshold = z.
//   Days t-1 and t-2 need a value and a baseline of their own. R's default alpha for
//   C3 is 0.025 (z 1.96), see DefaultAlpha. (The CDC's own C3, a three-day sum
//   compared with 2, is not what surveillance computes; we follow R.)
// - kCusum: standardised with the mean and sd of the C2 baseline (sd below 1 taken as
//   1), S(t) = max(0, S(t-1) + (x[t] - mean) / sd - k), k = 0.5; alarm when S(t) > h,
//   h = 4, then S restarts at 0 (and after an unknown day). threshold = the count that
//   would reach h.
// - kEpitweetr: ECDC's EARS variant from the epitweetr package: baseline x[t-7..t-1],
//   upward outliers downweighted (residual r_i = (x_i - mean) / sd above
//   c = t quantile(0.95, n - 1) gets weight (r_i / c)^-4), then the weighted mean m_w
//   and sd_w = sqrt(sum w (x - m_w)^2 / (n - 1)); alarm when
//   x[t] > m_w + t quantile(1 - alpha, n - 1) * sd_w * sqrt(1 + 1/n).
//   This follows epitweetr's ears_t_reweighted (outlier alpha 0.05, decay 4); the R
//   package is not installed here, so it is checked by hand-computed cases only.
std::vector<Alarm> DetectObserved(const Observations& series, Method method,
                                  const DetectOptions& options);

// DetectObserved on a series observed every day (the defaults follow
// surveillance::earsC: baseline 7, every baseline day required). Used by the R check.
std::vector<Alarm> Detect(const std::vector<double>& counts, Method method, int baseline = 7,
                          double alpha = 0.001);

// surveillance::earsC's and epitweetr's defaults: 0.001 for C1 and C2, 0.025 for C3
// and epitweetr; CUSUM ignores alpha.
double DefaultAlpha(Method method);

inline constexpr double kCusumK = 0.5;
inline constexpr double kCusumH = 4.0;

// The rule for news series: a day is tested when at least 5 of the 7 baseline days
// were reported.
inline constexpr int kMinObservedDays = 5;

// When signals are worth an alert: a rise (see FindSignals). A method that fires on
// a day says the day is unusual; whether it matters to an analyst depends on how
// many cases there are. So a rise needs two things on one day:
// - evidence that the day is unusual: a burst of reporting (below), or an aberration
//   of a method on reported case counts (which only stands on well-reported
//   baselines, see kMinObservedDays), or, when asked, on article counts; and
// - enough cases: the new cases reported in the week to that day, as known on the
//   day the evidence was published, at least `growth` times a usual week of the place
//   plus `min_cases`. A burst of reports on a few cases in a place that usually has as
//   many is not a rise.
struct RiseOptions {
  bool enabled = true;
  // A burst of reporting, measured against the place's own history: the articles of
  // the day on a place (and disease; imported cases apart) have a chance below
  // `alpha` under a negative binomial predictive from the `history_days` days before
  // (a gamma prior of `prior_rate` articles a day, worth `prior_days` days, updated
  // with the articles of those days), and number at least `min_articles` from at
  // least `min_sources` sources. A place always in the news needs more articles.
  int history_days = 28;
  double prior_rate = 1.0 / 6;
  double prior_days = 3;
  double alpha = 0.01;
  int min_articles = 2;
  int min_sources = 2;
  // Enough cases: the week is the `week_days` days to the day; a usual week is the
  // mean of the values among the `usual_days` days before the week times
  // `week_days`, or 0 when fewer than `min_usual_values` of them have a value. Only
  // values known by the day the evidence was published count (DailyPoint::known_on).
  int week_days = 7;
  int usual_days = 21;
  int min_usual_values = 7;
  double min_cases = 1;
  double growth = 4;
  // Which evidence counts.
  bool reporting_bursts = true;
  bool count_aberrations = true;
  bool article_aberrations = false;
};

struct SignalOptions {
  std::vector<Method> methods = AllMethods();
  int baseline = 7;
  int min_observed = kMinObservedDays;  // for the case-count series (volume is dense)
  // A burst of reporting needs at least this many articles that day, from at least
  // this many distinct sources: on a quiet place one more article than usual is not
  // a signal.
  int min_articles = 3;
  int min_sources = 2;
  bool volume = true;  // run the methods on the volume series too
  RiseOptions rise;
};

struct Signal {
  // "aberration", "rise" (see RiseOptions), "first_imported_case" or
  // "new_importation_route".
  std::string kind;
  std::string method;   // "ears_c1", ..., or empty for rises and importation signals
  // Aberrations: "cases" (reported counts) or "articles" (volume). Rises: "articles"
  // when a burst of reporting is among their evidence, else "cases".
  std::string measure;
  // The series (aberrations) or the destination (importation). For article volume,
  // status is unused and imported = true means articles on imported cases.
  series::SeriesKey key;
  Date date;
  // The earliest publication of that day's evidence: when the signal could be known.
  std::optional<Date> published;
  // Aberrations: the count (C3: its statistic) and the method's upper bound. Rises:
  // the new cases reported in the week to the day, and the count the week needed.
  double value = 0;
  double threshold = 0;
  int baseline_days = 0;      // aberrations: baseline days with a value
  int baseline_observed = 0;  // aberrations: of them, reported days
  int sources = 0;            // articles: distinct sources that day
  // Rises: the articles of the day on the place, how many a day its history leads to
  // expect, the chance of at least as many (1 when the evidence is not a burst), and
  // the new cases of a usual week.
  int articles = 0;
  double expected_articles = 0;
  double chance = 1;
  double usual_week = 0;
  std::string origin;         // importation: origin country code (empty: not given)
  std::string message;        // for people: "first imported case from RU into CN-HL"
  // Sorted. Rises: the reports of the day counted (the figures of that day of the
  // series that rose, the burst's articles' figures, the methods' figures).
  std::vector<int64_t> fact_ids;
  std::vector<std::string> document_ids;   // articles: that day's articles, sorted
};

// Per-method signals over the case series, the volume series and the facts.
// Aberrations: each method on the new counts of each case series of a status that
// can rise in an outbreak (not recovered, not tested), testing only reported days
// whose baseline has options.min_observed reported days (series::BuildSeries leaves
// unreported days unknown or interpolates them between two running totals); and,
// when options.volume, on each volume series' article counts (every day observed),
// a day needing options.min_articles articles from options.min_sources sources.
// Importation: facts with imported = true; "first_imported_case" on the first day a
// case from origin X is reported in place Y (the subdivision when known, else the
// country), and on the first day of any imported case into Y when that first report
// names no origin; "new_importation_route" on the first day of each (X, Y, travel
// mode) route (a report naming no mode makes the route "unknown", which counts only
// when the pair X, Y itself is new).
// Rises (when options.rise.enabled): a "rise" signal on each day a place (country or
// subdivision, disease; its imported cases apart) has the evidence and the cases that
// RiseOptions asks for. Its date is the day of the evidence (a burst: the publication
// day; an aberration on counts: the day counted) and `published` the day it was all
// known. Sorted by date, kind, method and place.
std::vector<Signal> FindSignals(const std::vector<series::DailySeries>& series,
                                const std::vector<series::VolumeSeries>& volume,
                                const std::vector<Fact>& facts, const SignalOptions& options);

// One alert per event.
struct Alert {
  // Stable across runs over the same data: 16 hex digits of a hash of the kind, the
  // disease, the place (and the origin of an importation) and the first date.
  std::string id;
  // "aberration" (a rise in cases or a burst of reporting), "first_imported_case" or
  // "new_importation_route".
  std::string kind;
  std::string severity;  // "high", "medium" or "low"
  series::SeriesKey key;  // the place and disease (status and imported of the first signal)
  Date first_date;
  Date last_date;
  std::optional<Date> raised;  // the earliest publication among its signals
  std::vector<std::string> methods;  // the methods that fired, in AllMethods() order
  // The fewest reported baseline days any of its case-count signals stood on, and that
  // signal's baseline days with a value; -1 when it has none (volume, importation).
  int baseline_observed = -1;
  int baseline_days = -1;
  std::string title;    // "Rise in imported cases of covid-19 in Heilongjiang (CN-HL)"
  std::string message;  // the evidence in one sentence
  std::vector<Signal> signals;            // what it merges, by date
  std::vector<int64_t> fact_ids;          // of all its signals, sorted
  std::vector<std::string> document_ids;  // of its article signals, sorted
};

// Alarms in one place further apart than this are separate alerts.
inline constexpr int kEpisodeGapDays = 7;

// Merges signals into alerts, every aberration an alert (each method's own view;
// RaiseAlerts makes the alerts an analyst is shown). Aberrations and rises of one
// disease in one place (country and
// subdivision; a city's alarms join its subdivision's) whose days are at most
// kEpisodeGapDays apart are one alert, whatever the method, the series (status,
// imported, cases or articles) or the day. Importation signals of one day, origin and
// destination are one alert. Severity: "high" when three or more methods fired and
// both case counts and articles rose; "medium" for two methods or both measures;
// "low" otherwise; a first imported case is "medium", a new route alone "low".
// Sorted by first date, then id.
std::vector<Alert> MergeSignals(const std::vector<Signal>& signals);

// The alerts an analyst is shown: importation alerts as MergeSignals makes them, and
// one alert per episode of rises in a place (rises at most kEpisodeGapDays apart).
// Such an alert starts on its first rise (`first_date`, and `raised` the day that rise
// was known) and ends on its last; it also carries the aberrations of the place from
// kEpisodeGapDays before its first rise to its last (their methods, and the fewest
// reported baseline days of those on counts), so the analyst sees what led to it.
// Aberrations no rise backs make no alert: they remain signals (FindSignals).
// Severity: "high" when three or more methods fired and both case counts and articles
// rose, else "medium". Sorted by first date, then id.
std::vector<Alert> RaiseAlerts(const std::vector<Signal>& signals);

// BuildSeries, BuildVolumeSeries (over the facts' publication span), FindSignals and
// RaiseAlerts in one call.
std::vector<Alert> FindAlerts(const std::vector<Fact>& facts, const series::SourceFunction& source_of,
                              const SignalOptions& options);

// One alert as a JSON object: id, kind, severity, first_date, last_date, raised,
// place (name, country, subdivision, geonameid), disease, status, imported, methods,
// baseline_observed and baseline_days (null when none), title, message, fact_ids,
// document_ids, and signals (kind, method, measure, date, published, value,
// threshold, baseline_days, baseline_observed, sources, articles, expected_articles,
// chance, usual_week, status, imported, origin, message, fact_ids, document_ids; null
// where a kind has none). Numbers that are not finite are null.
std::string AlertToJson(const Alert& alert);
// A JSON array of AlertToJson objects, one a line.
std::string AlertsToJson(const std::vector<Alert>& alerts);

std::string MethodName(Method method);
std::optional<Method> ParseMethod(const std::string& name);
// "ears_c1,cusum" -> methods; an unknown name gives an error naming it.
Result<std::vector<Method>> ParseMethodList(const std::string& text);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_SIGNALS_H_
