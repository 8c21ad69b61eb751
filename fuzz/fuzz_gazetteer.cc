// SPDX-License-Identifier: MIT
// Fuzz target: the gazetteer look-up (Gazetteer::FindPlaces, Lookup) over the
// project's tables, loaded once. Mentions lie inside the text, in order and
// without overlap, start at a character boundary, and name places with a
// two-letter country code (or none) and coordinates on the globe.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/gazetteer/gazetteer.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;

namespace {

const epiwire::gazetteer::Gazetteer& TheGazetteer() {
  static const std::unique_ptr<epiwire::gazetteer::Gazetteer> gazetteer = [] {
    const char* env = std::getenv("EPIWIRE_DATA_DIR");
    const std::string dir = (env != nullptr && *env != '\0') ? env : EPIWIRE_FUZZ_DATA_DIR;
    auto loaded = epiwire::gazetteer::Gazetteer::Load(dir + "/gazetteer");
    Check(loaded.ok(), "the gazetteer loads (set EPIWIRE_DATA_DIR to the data directory)");
    return std::move(loaded).value();
  }();
  return *gazetteer;
}

void CheckPlace(const epiwire::Place& place) {
  Check(place.country.empty() || place.country.size() == 2, "country is an alpha-2 code");
  Check(place.subdivision.empty() || place.subdivision.rfind(place.country + "-", 0) == 0,
        "subdivision code starts with its country");
  if (place.has_coordinates) {
    Check(place.lat >= -90 && place.lat <= 90 && place.lon >= -180 && place.lon <= 180,
          "coordinates on the globe");
  }
  Check(place.population >= 0, "population is non-negative");
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheGazetteer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > epiwire::fuzz::kMaxInput) return 0;
  const std::string_view text = epiwire::fuzz::AsText(data, size);
  const epiwire::gazetteer::Gazetteer& gazetteer = TheGazetteer();

  size_t previous_end = 0;
  for (const epiwire::gazetteer::PlaceMention& mention : gazetteer.FindPlaces(text)) {
    epiwire::fuzz::CheckRange(mention.start, mention.end, text.size(), "mention inside the text");
    Check(mention.start < mention.end, "mention is not empty");
    Check(mention.start >= previous_end, "mentions in order, without overlap");
    Check(!IsContinuationByte(text[mention.start]), "mention starts at a character");
    previous_end = mention.end;
    CheckPlace(mention.place);
  }
  if (size <= 128) {
    if (auto place = gazetteer.Lookup(text)) CheckPlace(*place);
    if (auto place = gazetteer.Lookup(text, {"US", "CN"})) CheckPlace(*place);
    if (auto place = gazetteer.Subdivision(text)) CheckPlace(*place);
  }
  return 0;
}
