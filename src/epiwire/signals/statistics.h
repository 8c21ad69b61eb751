// SPDX-License-Identifier: MIT
// Internal to the signals stage (see signals.h): the few statistics the detectors
// need -- normal and Student t quantiles, a negative binomial tail, mean and sample
// standard deviation.
// Tested by signals_test.cc against values printed by R.
#ifndef EPIWIRE_SIGNALS_STATISTICS_H_
#define EPIWIRE_SIGNALS_STATISTICS_H_

#include <cstddef>
#include <cstdint>

namespace epiwire::signals {

// The p-quantile of the standard normal distribution (Wichura's AS 241, as R's qnorm),
// for 0 < p < 1.
double NormalQuantile(double p);

// P(T <= t) for Student's t with `df` degrees of freedom.
double StudentTCdf(double t, double df);

// The p-quantile of Student's t with `df` degrees of freedom (0 < p < 1), found by
// bisection on StudentTCdf to 1e-12.
double StudentTQuantile(double p, double df);

// P(X >= x) for a negative binomial X with this mean and size (shape): the count of a
// Poisson whose rate has a gamma distribution of that shape and mean (variance
// mean + mean^2 / size). 1 for x <= 0.
double NegativeBinomialUpperTail(int64_t x, double mean, double size);

// Mean and sample standard deviation (n - 1) of values[0..n), two-pass as R's sd.
double Mean(const double* values, size_t n);
double SampleSd(const double* values, size_t n);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_STATISTICS_H_
