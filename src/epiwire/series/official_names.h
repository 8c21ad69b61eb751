// SPDX-License-Identifier: MIT
// Names used by official series (JHU CSSE "Korea, South", "Taiwan*", "Hubei"; the
// Chinese province names of the mainland China file) mapped to ISO 3166 codes, from
// data/official_names.tsv and the gazetteer's country and subdivision tables (with
// their alternate names, so a name the gazetteer learns needs no line of ours).
// Tested by series_test.cc.
#ifndef EPIWIRE_SERIES_OFFICIAL_NAMES_H_
#define EPIWIRE_SERIES_OFFICIAL_NAMES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "epiwire/base/status.h"

namespace epiwire::series {

class OfficialNames {
 public:
  // Reads `data_dir`/official_names.tsv ("name<TAB>ISO alpha-2" for a country,
  // "name<TAB>ISO 3166-2" for a subdivision), and the names and variants of
  // `data_dir`/gazetteer/countries.tsv and subdivisions.tsv; the first table naming a
  // name wins. Fails naming the file when one is missing or malformed.
  static Result<OfficialNames> Load(const std::string& data_dir);

  // Adds a country name or a subdivision name (for tests and callers with own tables).
  void AddCountry(std::string_view name, std::string_view code);
  void AddSubdivision(std::string_view country, std::string_view name, std::string_view code);

  // ISO alpha-2 code of a country name (case-insensitive); empty when unknown.
  std::string CountryCode(std::string_view name) const;
  // ISO 3166-2 code of a province name within `country`; empty when unknown.
  std::string SubdivisionCode(std::string_view country, std::string_view name) const;
  // A province-level row of `country`'s own file: its ISO 3166-2 code, else the
  // alpha-2 code of the place when it is a country of its own (the Chinese file's
  // Hong Kong row is HK); empty when unknown.
  std::string PlaceCode(std::string_view country, std::string_view name) const;

 private:
  std::map<std::string, std::string> countries_;  // folded name -> code
  std::map<std::pair<std::string, std::string>, std::string> subdivisions_;
};

}  // namespace epiwire::series

#endif  // EPIWIRE_SERIES_OFFICIAL_NAMES_H_
