// SPDX-License-Identifier: MIT
// The aberration detectors behind Detect() (see signals.h for each method's rule).
// EARS C1/C2/C3 follow surveillance::earsC 1.20 line by line, including how a zero
// standard deviation and 0/0 statistics behave (R: Inf and NaN, never an alarm from
// NaN). Tested by signals_test.cc and, against R, by tests/signals_r_test.sh.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "epiwire/signals/signals.h"
#include "epiwire/signals/statistics.h"

namespace epiwire::signals {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The baseline of day t: `length` days ending `guard` days before t.
struct Baseline {
  double mean = 0;
  double sd = 0;
};

Baseline BaselineOf(const std::vector<double>& x, size_t t, size_t length, size_t guard) {
  const double* first = x.data() + (t - guard - length);
  return Baseline{Mean(first, length), SampleSd(first, length)};
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

// C1 (guard 0) and C2 (guard 2).
std::vector<Alarm> EarsC1C2(const std::vector<double>& x, Method method, size_t length,
                            size_t guard, double z) {
  std::vector<Alarm> alarms;
  for (size_t t = length + guard; t < x.size(); ++t) {
    const Baseline b = BaselineOf(x, t, length, guard);
    const double upper = b.mean + z * b.sd;
    if (x[t] > upper) alarms.push_back(Alarm{method, t, x[t], upper, Standardised(x[t], b)});
  }
  return alarms;
}

std::vector<Alarm> EarsC3(const std::vector<double>& x, size_t length, double z) {
  std::vector<Alarm> alarms;
  for (size_t t = length + 4; t < x.size(); ++t) {
    const double lag2 = PositivePart(Standardised(x[t - 2], BaselineOf(x, t - 2, length, 2)) - 1);
    const double lag1 = PositivePart(Standardised(x[t - 1], BaselineOf(x, t - 1, length, 2)) - 1);
    const double statistic = lag2 + lag1;
    const double sd = BaselineOf(x, t, length, 2).sd;
    const double upper = PositivePart(x[t] + sd * (z - statistic));
    if (x[t] > upper) alarms.push_back(Alarm{Method::kEarsC3, t, statistic, z, statistic});
  }
  return alarms;
}

std::vector<Alarm> Cusum(const std::vector<double>& x, size_t length) {
  std::vector<Alarm> alarms;
  double sum = 0;
  for (size_t t = length + 2; t < x.size(); ++t) {
    Baseline b = BaselineOf(x, t, length, 2);
    b.sd = std::max(b.sd, 1.0);
    const double reach = b.mean + b.sd * (kCusumH + kCusumK - sum);
    sum = std::max(0.0, sum + (x[t] - b.mean) / b.sd - kCusumK);
    if (sum > kCusumH) {
      alarms.push_back(Alarm{Method::kCusum, t, x[t], reach, sum});
      sum = 0;
    }
  }
  return alarms;
}

// epitweetr's reweighted EARS: see signals.h.
std::vector<Alarm> Epitweetr(const std::vector<double>& x, size_t length, double alpha) {
  constexpr double kOutlierAlpha = 0.05;
  constexpr double kDecay = 4;
  const double n = static_cast<double>(length);
  const double outlier = StudentTQuantile(1 - kOutlierAlpha, n - 1);
  const double quantile = StudentTQuantile(1 - alpha, n - 1);
  std::vector<Alarm> alarms;
  std::vector<double> weights(length);
  for (size_t t = length; t < x.size(); ++t) {
    const double* y = x.data() + (t - length);
    const Baseline b{Mean(y, length), SampleSd(y, length)};
    double weight_sum = 0;
    double weighted = 0;
    for (size_t i = 0; i < length; ++i) {
      const double residual = b.sd > 0 ? (y[i] - b.mean) / b.sd : 0;
      weights[i] = residual > outlier ? std::pow(residual / outlier, -kDecay) : 1.0;
      weight_sum += weights[i];
      weighted += weights[i] * y[i];
    }
    const double mean = weighted / weight_sum;
    double squares = 0;
    for (size_t i = 0; i < length; ++i) squares += weights[i] * (y[i] - mean) * (y[i] - mean);
    const double sd = std::sqrt(squares / (n - 1));
    const double upper = mean + quantile * sd * std::sqrt(1 + 1 / n);
    if (x[t] > upper) {
      alarms.push_back(Alarm{Method::kEpitweetr, t, x[t], upper, sd > 0 ? (x[t] - mean) / sd : 0});
    }
  }
  return alarms;
}

}  // namespace

double DefaultAlpha(Method method) {
  return method == Method::kEarsC3 || method == Method::kEpitweetr ? 0.025 : 0.001;
}

std::vector<Alarm> Detect(const std::vector<double>& counts, Method method, int baseline,
                          double alpha) {
  const size_t length = static_cast<size_t>(std::max(baseline, 3));
  if (!(alpha > 0 && alpha < 1)) alpha = DefaultAlpha(method);
  const double z = NormalQuantile(1 - alpha);
  switch (method) {
    case Method::kEarsC1:
      return EarsC1C2(counts, method, length, 0, z);
    case Method::kEarsC2:
      return EarsC1C2(counts, method, length, 2, z);
    case Method::kEarsC3:
      return EarsC3(counts, length, z);
    case Method::kCusum:
      return Cusum(counts, length);
    case Method::kEpitweetr:
      return Epitweetr(counts, length, alpha);
  }
  return {};
}

}  // namespace epiwire::signals
