// SPDX-License-Identifier: MIT
#include "epiwire/signals/wording.h"

#include <cmath>
#include <cstdio>

namespace epiwire::signals {

std::string Number(double value) {
  char buffer[64];
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
  }
  return buffer;
}

std::string PlaceLabel(const std::string& name, const std::string& code) {
  if (name.empty()) return code.empty() ? "an unknown place" : code;
  if (code.empty() || code == name) return name;
  return name + " (" + code + ")";
}

std::string MethodTitle(Method method) {
  switch (method) {
    case Method::kEarsC1:
      return "EARS C1";
    case Method::kEarsC2:
      return "EARS C2";
    case Method::kEarsC3:
      return "EARS C3";
    case Method::kCusum:
      return "CUSUM";
    case Method::kEpitweetr:
      return "epitweetr (ECDC)";
  }
  return "";
}

std::string WhatCounted(const series::SeriesKey& key) {
  std::string what(CaseStatusName(key.status));
  if (key.imported) what = (*key.imported ? "imported " : "local ") + what;
  what += " cases";
  if (!key.disease.empty()) what += " of " + key.disease;
  return what;
}

std::string SeriesPlace(const series::SeriesKey& key) {
  return PlaceLabel(key.place_name, key.subdivision.empty() ? key.country : key.subdivision);
}

}  // namespace epiwire::signals
