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
  size_t index = 0;       // into the counts given
  double value = 0;       // the count (C3: the statistic)
  double threshold = 0;   // upper bound of the method at that day
  double statistic = 0;
};

// Alarms for each day of `counts` that has a full baseline. Defaults follow
// surveillance::earsC (baseline 7, alpha 0.001 for C1/C2; C3 threshold 2) and
// epitweetr (baseline 7 days, alpha 0.025, with downweighting of outliers).
std::vector<Alarm> Detect(const std::vector<double>& counts, Method method, int baseline = 7,
                          double alpha = 0.001);

struct Signal {
  std::string kind;        // "aberration", "new_importation_route", "first_imported_case"
  std::string method;      // "ears_c1", ..., or empty for importation signals
  series::SeriesKey key;
  Date date;
  double value = 0;
  double threshold = 0;
  std::string message;     // for people: "first imported case from RU into CN-HL"
  std::vector<int64_t> fact_ids;
};

// All signals over the series and the facts (importation routes need the facts).
std::vector<Signal> FindSignals(const std::vector<series::DailySeries>& series,
                                const std::vector<Fact>& facts, const std::vector<Method>& methods);

std::string MethodName(Method method);
std::optional<Method> ParseMethod(const std::string& name);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_SIGNALS_H_
