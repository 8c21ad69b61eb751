// SPDX-License-Identifier: MIT
// The aberration detectors behind Detect() and DetectObserved() (see signals.h for
// each method's rule). On a series where every day is observed, EARS C1/C2/C3 follow
// surveillance::earsC 1.20 line by line, including how a zero standard deviation and
// 0/0 statistics behave (R: Inf and NaN, never an alarm from NaN). Tested by
// signals_test.cc and, against R, by tests/signals_r_test.sh.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "epiwire/signals/signals.h"
#include "epiwire/signals/statistics.h"

namespace epiwire::signals {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Fewer baseline values than this give no usable standard deviation (earsC's minimum).
constexpr size_t kMinBaselineValues = 3;

// What the detectors read: the series, the baseline length and how many of its days
// must have been observed.
struct Input {
  const Observations& x;
  size_t length;
  size_t min_observed;

  bool Known(size_t t) const { return !std::isnan(x.values[t]); }
  bool Testable(size_t t) const { return Known(t) && x.observed[t]; }
};

// The baseline of day t: the `length` days ending `guard` days before t, of which
// days before the series or without a value are left out.
struct Baseline {
  double mean = 0;
  double sd = 0;
  int days = 0;      // with a value
  int observed = 0;  // of them, observed
};

// Fills `b` (and `values` with the baseline's values); false when the baseline has
// fewer observed days than the rule asks.
bool BaselineOf(const Input& in, size_t t, size_t guard, Baseline* b,
                std::vector<double>* values) {
  values->clear();
  int observed = 0;
  for (size_t back = guard + in.length; back > guard; --back) {
    if (t < back) continue;
    const size_t day = t - back;
    if (!in.Known(day)) continue;
    values->push_back(in.x.values[day]);
    if (in.x.observed[day]) ++observed;
  }
  if (static_cast<size_t>(observed) < in.min_observed || values->size() < kMinBaselineValues) {
    return false;
  }
  b->mean = Mean(values->data(), values->size());
  b->sd = SampleSd(values->data(), values->size());
  b->days = static_cast<int>(values->size());
  b->observed = observed;
  return true;
}

// (x - mean) / sd with R's IEEE results for sd == 0.
double Standardised(double x, const Baseline& b) {
  const double difference = x - b.mean;
  if (b.sd > 0) return difference / b.sd;
  if (difference > 0) return kInfinity;
  if (difference < 0) return -kInfinity;
  return kNaN;
}

// R's pmax(0, v): NaN stays NaN.
double PositivePart(double v) { return std::isnan(v) ? v : std::max(0.0, v); }

Alarm MakeAlarm(Method method, size_t t, double value, double threshold, double statistic,
                const Baseline& b) {
  return Alarm{method, t, value, threshold, statistic, b.days, b.observed};
}

// C1 (guard 0) and C2 (guard 2).
std::vector<Alarm> EarsC1C2(const Input& in, Method method, size_t guard, double z) {
  std::vector<Alarm> alarms;
  std::vector<double> scratch;
  for (size_t t = 0; t < in.x.values.size(); ++t) {
    Baseline b;
    if (!in.Testable(t) || !BaselineOf(in, t, guard, &b, &scratch)) continue;
    const double x = in.x.values[t];
    const double upper = b.mean + z * b.sd;
    if (x > upper) alarms.push_back(MakeAlarm(method, t, x, upper, Standardised(x, b), b));
  }
  return alarms;
}

// C3: the C2 statistics of the two days before (which need a value and a baseline of
// their own) and the C2 baseline of the day itself.
std::vector<Alarm> EarsC3(const Input& in, double z) {
  std::vector<Alarm> alarms;
  std::vector<double> scratch;
  const auto lag_term = [&](size_t u, double* term) {
    Baseline b;
    if (!in.Known(u) || !BaselineOf(in, u, 2, &b, &scratch)) return false;
    *term = PositivePart(Standardised(in.x.values[u], b) - 1);
    return true;
  };
  for (size_t t = 2; t < in.x.values.size(); ++t) {
    Baseline b;
    double lag2 = 0;
    double lag1 = 0;
    if (!in.Testable(t) || !BaselineOf(in, t, 2, &b, &scratch) || !lag_term(t - 2, &lag2) ||
        !lag_term(t - 1, &lag1)) {
      continue;
    }
    const double x = in.x.values[t];
    const double statistic = lag2 + lag1;
    const double upper = PositivePart(x + b.sd * (z - statistic));
    if (x > upper) alarms.push_back(MakeAlarm(Method::kEarsC3, t, statistic, z, statistic, b));
  }
  return alarms;
}

// CUSUM on the C2 baseline. The sum carries over days that cannot be tested (not
// observed, or too thin a baseline) and restarts after a day with no value at all.
std::vector<Alarm> Cusum(const Input& in) {
  std::vector<Alarm> alarms;
  std::vector<double> scratch;
  double sum = 0;
  for (size_t t = 0; t < in.x.values.size(); ++t) {
    if (!in.Known(t)) {
      sum = 0;
      continue;
    }
    Baseline b;
    if (!in.Testable(t) || !BaselineOf(in, t, 2, &b, &scratch)) continue;
    b.sd = std::max(b.sd, 1.0);
    const double x = in.x.values[t];
    const double reach = b.mean + b.sd * (kCusumH + kCusumK - sum);
    sum = std::max(0.0, sum + (x - b.mean) / b.sd - kCusumK);
    if (sum > kCusumH) {
      alarms.push_back(MakeAlarm(Method::kCusum, t, x, reach, sum, b));
      sum = 0;
    }
  }
  return alarms;
}

// epitweetr's reweighted EARS: see signals.h. The t quantiles depend on the number
// of baseline values, which may vary on a sparse series.
std::vector<Alarm> Epitweetr(const Input& in, double alpha) {
  constexpr double kOutlierAlpha = 0.05;
  constexpr double kDecay = 4;
  std::map<size_t, std::pair<double, double>> quantiles;  // n -> (outlier, alarm)
  std::vector<Alarm> alarms;
  std::vector<double> y;
  std::vector<double> weights;
  for (size_t t = 0; t < in.x.values.size(); ++t) {
    Baseline b;
    if (!in.Testable(t) || !BaselineOf(in, t, 0, &b, &y)) continue;
    const size_t count = y.size();
    const double n = static_cast<double>(count);
    auto [found, inserted] = quantiles.try_emplace(count);
    if (inserted) {
      found->second = {StudentTQuantile(1 - kOutlierAlpha, n - 1),
                       StudentTQuantile(1 - alpha, n - 1)};
    }
    const auto [outlier, quantile] = found->second;
    weights.assign(count, 1.0);
    double weight_sum = 0;
    double weighted = 0;
    for (size_t i = 0; i < count; ++i) {
      const double residual = b.sd > 0 ? (y[i] - b.mean) / b.sd : 0;
      if (residual > outlier) weights[i] = std::pow(residual / outlier, -kDecay);
      weight_sum += weights[i];
      weighted += weights[i] * y[i];
    }
    const double mean = weighted / weight_sum;
    double squares = 0;
    for (size_t i = 0; i < count; ++i) squares += weights[i] * (y[i] - mean) * (y[i] - mean);
    const double sd = std::sqrt(squares / (n - 1));
    const double upper = mean + quantile * sd * std::sqrt(1 + 1 / n);
    const double x = in.x.values[t];
    if (x > upper) {
      alarms.push_back(
          MakeAlarm(Method::kEpitweetr, t, x, upper, sd > 0 ? (x - mean) / sd : 0, b));
    }
  }
  return alarms;
}

}  // namespace

double DefaultAlpha(Method method) {
  return method == Method::kEarsC3 || method == Method::kEpitweetr ? 0.025 : 0.001;
}

std::vector<Alarm> DetectObserved(const Observations& series, Method method,
                                  const DetectOptions& options) {
  const size_t length = static_cast<size_t>(std::max(options.baseline, 3));
  const size_t min_observed =
      options.min_observed <= 0 ? length
                                : std::min(length, static_cast<size_t>(options.min_observed));
  double alpha = options.alpha;
  if (!(alpha > 0 && alpha < 1)) alpha = DefaultAlpha(method);
  if (series.observed.size() != series.values.size()) return {};
  const Input in{series, length, min_observed};
  const double z = NormalQuantile(1 - alpha);
  switch (method) {
    case Method::kEarsC1:
      return EarsC1C2(in, method, 0, z);
    case Method::kEarsC2:
      return EarsC1C2(in, method, 2, z);
    case Method::kEarsC3:
      return EarsC3(in, z);
    case Method::kCusum:
      return Cusum(in);
    case Method::kEpitweetr:
      return Epitweetr(in, alpha);
  }
  return {};
}

std::vector<Alarm> Detect(const std::vector<double>& counts, Method method, int baseline,
                          double alpha) {
  const Observations all{counts, std::vector<bool>(counts.size(), true)};
  return DetectObserved(all, method, DetectOptions{baseline, alpha, 0});
}

}  // namespace epiwire::signals
