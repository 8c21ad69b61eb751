// SPDX-License-Identifier: MIT
#include "epiwire/series/official_names.h"

#include <string>
#include <vector>

#include "epiwire/base/file.h"

namespace epiwire::series {
namespace {

// ASCII case folding: the tables and JHU names are ASCII (variants with accents just
// do not fold, which only costs a miss).
std::string Fold(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> SplitBars(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t bar = text.find('|', start);
    const size_t end = bar == std::string_view::npos ? text.size() : bar;
    if (end > start) out.push_back(text.substr(start, end - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

void OfficialNames::AddCountry(std::string_view name, std::string_view code) {
  countries_.emplace(Fold(name), std::string(code));  // the first table wins
}

void OfficialNames::AddSubdivision(std::string_view country, std::string_view name,
                                   std::string_view code) {
  subdivisions_.emplace(std::make_pair(std::string(country), Fold(name)), std::string(code));
}

std::string OfficialNames::CountryCode(std::string_view name) const {
  auto found = countries_.find(Fold(name));
  return found == countries_.end() ? "" : found->second;
}

std::string OfficialNames::PlaceCode(std::string_view country, std::string_view name) const {
  std::string code = SubdivisionCode(country, name);
  if (!code.empty()) return code;
  code = CountryCode(name);
  return code == country ? "" : code;
}

std::string OfficialNames::SubdivisionCode(std::string_view country, std::string_view name) const {
  auto found = subdivisions_.find({std::string(country), Fold(name)});
  return found == subdivisions_.end() ? "" : found->second;
}

Result<OfficialNames> OfficialNames::Load(const std::string& data_dir) {
  OfficialNames names;
  Status status = ForEachTsvRow(
      data_dir + "/official_names.tsv", [&](int, const std::vector<std::string_view>& fields) {
        const bool subdivision = fields.size() >= 2 && fields[1].size() >= 4 && fields[1][2] == '-';
        if (fields.size() < 2 || (fields[1].size() != 2 && !subdivision)) {
          return Status::InvalidInput("want name<TAB>ISO 3166-1 alpha-2 or ISO 3166-2 code");
        }
        if (subdivision) {
          names.AddSubdivision(fields[1].substr(0, 2), fields[0], fields[1]);
        } else {
          names.AddCountry(fields[0], fields[1]);
        }
        return Status::Ok();
      });
  if (!status.ok()) return status;
  // countries.tsv: iso2, name, geonameid, lat, lon, population, alternative names (|).
  status = ForEachTsvRow(data_dir + "/gazetteer/countries.tsv",
                         [&](int line, const std::vector<std::string_view>& fields) {
                           if (line == 1 || fields.size() < 2) return Status::Ok();  // header
                           names.AddCountry(fields[1], fields[0]);
                           if (fields.size() >= 7) {
                             for (std::string_view other : SplitBars(fields[6])) {
                               names.AddCountry(other, fields[0]);
                             }
                           }
                           return Status::Ok();
                         });
  if (!status.ok()) return status;
  // subdivisions.tsv: iso3166_2, admin1, name, geonameid, country, lat, lon, population,
  // variants (|).
  status = ForEachTsvRow(data_dir + "/gazetteer/subdivisions.tsv",
                         [&](int line, const std::vector<std::string_view>& fields) {
                           if (line == 1 || fields.size() < 5) return Status::Ok();
                           names.AddSubdivision(fields[4], fields[2], fields[0]);
                           if (fields.size() >= 9) {
                             for (std::string_view other : SplitBars(fields[8])) {
                               names.AddSubdivision(fields[4], other, fields[0]);
                             }
                           }
                           return Status::Ok();
                         });
  if (!status.ok()) return status;
  return names;
}

}  // namespace epiwire::series
