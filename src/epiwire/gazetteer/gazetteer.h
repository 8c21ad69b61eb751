// SPDX-License-Identifier: MIT
// Gazetteer and geocoding: finds the places a text names (countries and their
// aliases and demonyms, ISO 3166-2 subdivisions, cities, regions) and resolves
// each to the place the text means, using population and the other places in the
// same document ("Moscow" next to "Russia" is Moscow, RU). Tables live in
// data/gazetteer: countries/subdivisions/cities.tsv are generated from GeoNames and
// iso-codes by scripts/build_gazetteer.py and committed, with names in Chinese, Russian,
// French and Spanish; aliases, demonyms, regions, stopnames and place_nouns are
// hand-written; small_places.tsv is optional. Tested by gazetteer_test.cc.
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
  kName,      // "Russia", "Heilongjiang Province", "Fushun City", "Moscow"
  kAlias,     // "DPRK", "the US", "U.K.", "mainland China"
  kDemonym,   // "Russian", "North Korean", "Chinese": an adjective or people of a country
  kDivision,  // "Zorbaville County": a division no table knows, named by its noun
};

struct PlaceMention {
  size_t start = 0;  // byte offsets into the text given to FindPlaces
  size_t end = 0;
  Place place;
  MentionKind kind = MentionKind::kName;
};

class Gazetteer {
 public:
  // Loads the tables in `dir` (data/gazetteer). small_places.tsv is read when present.
  // The tables read are kept in `dir`/tables.snapshot, when `dir` can be written, and
  // later loads map that file instead while the tables and this code stay as they were.
  // Fails with kNotFound naming the path of a missing table, or kInvalidInput naming
  // "file:line" of a malformed row or an alias whose target is unknown.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;
  ~Gazetteer();

  // All place mentions in `text`, in order, non-overlapping, longest match first
  // ("North Korean" is one demonym, not "Korean"), at most six words. Names are
  // matched case-sensitively and start at a capitalised word (or "the" before one,
  // for aliases like "the DPRK"); a possessive ("China's") ends before the
  // apostrophe; one following place noun joins the mention ("Heilongjiang Province",
  // "Fushun City") and picks the subdivision or city reading. Words listed in
  // stopnames.tsv ("May", "Reading") never match alone, nor does a name followed by a
  // disease word ("Lassa fever"). Ambiguous names are resolved against the countries
  // and subdivisions that the same text names unambiguously (a country's reading
  // loses only to one elsewhere with 20 times the people), then by population.
  // Places under 15,000 people count only when their country is in that context (and,
  // where the text names regions of that country, their own region is among them), and
  // towns (under 200,000) of another country are none where the text names a region
  // ("cases in Kent" beside "England" is not Kent, Washington).
  // Chinese names are found anywhere in a run of Chinese characters (longest first, an
  // administrative suffix joining: "Heilongjiang Sheng"); Russian ones in any case form,
  // by stems ("Moskovskoy oblasti"); French and Spanish ones also without accents and
  // after articles and elisions ("d'Italie").
  // Offsets are bytes into `text`. Thread-safe: the tables are read-only.
  std::vector<PlaceMention> FindPlaces(std::string_view text) const;

  // The country with ISO 3166-1 alpha-2 `code` ("RU"); nullopt if unknown.
  std::optional<Place> Country(std::string_view code) const;
  // The capital city of the country with alpha-2 `code`; nullopt if unknown.
  std::optional<Place> Capital(std::string_view code) const;
  // The subdivision with ISO 3166-2 `code` ("CN-HL"); nullopt if unknown.
  std::optional<Place> Subdivision(std::string_view code) const;
  // Best place for one name (exact table spelling, case-sensitive; a Cyrillic name in
  // its nominative, matched by stems), preferring any
  // reading in `context_countries` (ISO alpha-2 codes) whatever its population;
  // nullopt if the name is unknown. Stop names are not filtered here.
  std::optional<Place> Lookup(std::string_view name,
                              const std::vector<std::string>& context_countries = {}) const;

  // The reading of `name` at `level` in `country` (the largest if several); nullopt if
  // the name has no such reading. "Sao Paulo" as a subdivision is BR-SP.
  std::optional<Place> LookupLevel(std::string_view name, std::string_view country,
                                   PlaceLevel level) const;

  size_t size() const;  // number of distinct names indexed

 private:
  struct Tables;
  explicit Gazetteer(std::unique_ptr<Tables> tables);
  std::unique_ptr<Tables> tables_;
};

}  // namespace epiwire::gazetteer

#endif  // EPIWIRE_GAZETTEER_GAZETTEER_H_
