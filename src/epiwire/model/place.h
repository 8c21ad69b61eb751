// SPDX-License-Identifier: MIT
// A place the text means, as the output contract describes it: country,
// ISO 3166-2 subdivision, GeoNames id and level.
#ifndef EPIWIRE_MODEL_PLACE_H_
#define EPIWIRE_MODEL_PLACE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace epiwire {

enum class PlaceLevel { kCountry, kSubdivision, kCity, kOther };

std::string_view PlaceLevelName(PlaceLevel level);

struct Place {
  std::string name;         // the canonical English name ("Heilongjiang")
  std::string country;      // ISO 3166-1 alpha-2, empty when unknown (regions like "Europe")
  std::string subdivision;  // ISO 3166-2 ("CN-HL"), empty when unknown or not applicable
  int64_t geonameid = 0;    // 0 when unknown
  PlaceLevel level = PlaceLevel::kOther;
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;
  int64_t population = 0;

  bool SameAs(const Place& other) const {
    if (geonameid != 0 && other.geonameid != 0) return geonameid == other.geonameid;
    return name == other.name && country == other.country && level == other.level;
  }
};

}  // namespace epiwire

#endif  // EPIWIRE_MODEL_PLACE_H_
