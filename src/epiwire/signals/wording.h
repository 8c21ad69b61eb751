// SPDX-License-Identifier: MIT
// Internal to the signals stage (see signals.h): how signals and alerts word
// numbers, places, methods and series for people. Tested through signals_test.cc.
#ifndef EPIWIRE_SIGNALS_WORDING_H_
#define EPIWIRE_SIGNALS_WORDING_H_

#include <string>

#include "epiwire/series/series.h"
#include "epiwire/signals/signals.h"

namespace epiwire::signals {

// "12", or "3.25" for a number with a fraction.
std::string Number(double value);
// "Heilongjiang (CN-HL)", "Russia (RU)", or whichever of the two is known.
std::string PlaceLabel(const std::string& name, const std::string& code);
// "EARS C1", "CUSUM", "epitweetr (ECDC)".
std::string MethodTitle(Method method);
// "imported confirmed cases of covid-19".
std::string WhatCounted(const series::SeriesKey& key);
// The series' place: its name and its subdivision or country code.
std::string SeriesPlace(const series::SeriesKey& key);

}  // namespace epiwire::signals

#endif  // EPIWIRE_SIGNALS_WORDING_H_
