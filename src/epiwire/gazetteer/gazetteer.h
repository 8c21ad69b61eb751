// SPDX-License-Identifier: MIT
// Gazetteer and geocoding: finds the places a text names (countries and their
// aliases and demonyms, ISO 3166-2 subdivisions, cities, regions) and resolves
// each to the place the text means, using population and the other places in the
// same document ("Moscow" next to "Russia" is Moscow, RU). Tables are built at
// setup by scripts/build_gazetteer.py from GeoNames and iso-codes. Tested by gazetteer_test.cc.
#ifndef EPIWIRE_GAZETTEER_GAZETTEER_H_
#define EPIWIRE_GAZETTEER_GAZETTEER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/place.h"

namespace epiwire::gazetteer {

enum class MentionKind {
  kName,     // "Russia", "Heilongjiang Province", "Fushun City", "Moscow"
  kAlias,    // "DPRK", "the US", "U.K.", "mainland China"
  kDemonym,  // "Russian", "North Korean", "Chinese": an adjective or people of a country
};

struct PlaceMention {
  size_t start = 0;  // byte offsets into the text given to FindPlaces
  size_t end = 0;
  Place place;
  MentionKind kind = MentionKind::kName;
};

class Gazetteer {
 public:
  // Loads the tables in `dir` (data/gazetteer). Fails with a message naming the
  // missing or malformed file and line.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;
  ~Gazetteer();

  // All place mentions in `text`, in order, non-overlapping, longest match first
  // ("North Korean" is one demonym, not "Korean"). Names are matched case-sensitively
  // on their capitalised form, so common words ("may", "reading") do not match.
  // Ambiguous names are resolved against the countries and subdivisions that the
  // same text names unambiguously, then by population. Thread-safe.
  std::vector<PlaceMention> FindPlaces(std::string_view text) const;

  // The country with ISO 3166-1 alpha-2 `code` ("RU"); nullopt if unknown.
  std::optional<Place> Country(std::string_view code) const;
  // The subdivision with ISO 3166-2 `code` ("CN-HL"); nullopt if unknown.
  std::optional<Place> Subdivision(std::string_view code) const;
  // Best place for one name, preferring `context_countries` (ISO alpha-2 codes).
  std::optional<Place> Lookup(std::string_view name,
                              const std::vector<std::string>& context_countries = {}) const;

  size_t size() const;  // number of names indexed

 private:
  struct Tables;
  explicit Gazetteer(std::unique_ptr<Tables> tables);
  std::unique_ptr<Tables> tables_;
};

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_H_
