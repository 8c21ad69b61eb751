// SPDX-License-Identifier: MIT
// Internal to the signals stage (see signals.h, RiseOptions): the rises FindSignals
// adds to its signals. Tested by signals_test.cc.
#ifndef EPIWIRE_SIGNALS_RISES_H_
#define EPIWIRE_SIGNALS_RISES_H_

#include <vector>

#include "epiwire/series/series.h"
#include "epiwire/signals/signals.h"

namespace epiwire::signals {

// Rise signals over the case series and the volume series, with `aberrations` (the
// methods' signals) as evidence of unusual days; unsorted.
std::vector<Signal> FindRises(const std::vector<series::DailySeries>& series,
                              const std::vector<series::VolumeSeries>& volume,
                              const std::vector<Signal>& aberrations, const RiseOptions& options);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_RISES_H_
