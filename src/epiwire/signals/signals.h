// SPDX-License-Identifier: MIT
// Signals: aberration detection on daily count series (EARS C1, C2, C3 as in R's
// surveillance::earsC, CUSUM, and the ECDC epitweetr method), and importation
// signals ("new importation route", "first imported case from X into Y").
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

struct Alarm {
  Method method = Method::kEarsC1;
  size_t index = 0;      // into the counts given
  double value = 0;      // the count (C3: the statistic)
  double threshold = 0;  // upper bound of the method at that day
  double statistic = 0;
};

// Alarms for each day of `counts` that has a full baseline. Defaults follow
// surveillance::earsC (baseline 7, alpha 0.001 for C1/C2; C3 threshold 2) and
// epitweetr (baseline 7 days, alpha 0.025, with downweighting of outliers).
// `alpha` is used as given for every method; DefaultAlpha() gives each method's own
// default (FindSignals uses it); an alpha outside (0, 1) means that default.
// `baseline` below 3 is taken as 3 (earsC's minimum).
//
// The methods, day t, x the counts, z = NormalQuantile(1 - alpha), sd the sample sd:
// - kEarsC1: baseline x[t-7..t-1]; alarm when x[t] > mean + z * sd (sd 0: x[t] > mean).
//   statistic (x[t] - mean) / sd.
// - kEarsC2: as C1 on x[t-9..t-3] (two guard days).
// - kEarsC3: exactly surveillance::earsC 1.20: with C2(u) the C2 statistic of day u,
//   S = max(0, C2(t-2) - 1) + max(0, C2(t-1) - 1); upper bound
//   max(0, x[t] + sd_t * (z - S)); alarm when x[t] exceeds it (so when S > z if
//   sd_t > 0; a 0/0 statistic never alarms). value = statistic = S, threshold = z.
//   R's default alpha for C3 is 0.025 (z 1.96), see DefaultAlpha. (The CDC's own C3,
//   a three-day sum compared with 2, is not what surveillance computes; we follow R.)
// - kCusum: standardised with the mean and sd of the C2 baseline (sd below 1 taken as
//   1), S(t) = max(0, S(t-1) + (x[t] - mean) / sd - k), k = 0.5; alarm when S(t) > h,
//   h = 4, then S restarts at 0. threshold = the count that would reach h.
// - kEpitweetr: ECDC's EARS variant from the epitweetr package: baseline x[t-7..t-1],
//   upward outliers downweighted (residual r_i = (x_i - mean) / sd above
//   c = t quantile(0.95, n - 1) gets weight (r_i / c)^-4), then the weighted mean m_w
//   and sd_w = sqrt(sum w (x - m_w)^2 / (n - 1)); alarm when
//   x[t] > m_w + t quantile(1 - alpha, n - 1) * sd_w * sqrt(1 + 1/n).
//   This follows epitweetr's ears_t_reweighted (outlier alpha 0.05, decay 4); the R
//   package is not installed here, so it is checked by hand-computed cases only.
std::vector<Alarm> Detect(const std::vector<double>& counts, Method method, int baseline = 7,
                          double alpha = 0.001);

// surveillance::earsC's and epitweetr's defaults: 0.001 for C1 and C2, 0.025 for C3
// and epitweetr; CUSUM ignores alpha.
double DefaultAlpha(Method method);

inline constexpr double kCusumK = 0.5;
inline constexpr double kCusumH = 4.0;

struct Signal {
  std::string kind;    // "aberration", "new_importation_route", "first_imported_case"
  std::string method;  // "ears_c1", ..., or empty for importation signals
  series::SeriesKey key;
  Date date;
  double value = 0;
  double threshold = 0;
  std::string message;  // for people: "first imported case from RU into CN-HL"
  std::vector<int64_t> fact_ids;
};

// All signals over the series and the facts (importation routes need the facts).
// Aberrations: each method (with DefaultAlpha, baseline 7) on each series' new_count
// (unknown days count as 0). Importation: facts with imported = true and an origin
// country; "first_imported_case" on the first day a case from origin X is reported
// in place Y (the subdivision when known, else the country), and
// "new_importation_route" on the first day of each (X, Y, travel mode) route (a
// report naming no mode makes the route "unknown", which counts only when the pair
// X, Y itself is new). Signals are sorted by date, kind, method and
// place; fact_ids are sorted.
std::vector<Signal> FindSignals(const std::vector<series::DailySeries>& series,
                                const std::vector<Fact>& facts, const std::vector<Method>& methods);

std::string MethodName(Method method);
std::optional<Method> ParseMethod(const std::string& name);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_SIGNALS_H_
