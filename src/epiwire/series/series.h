// SPDX-License-Identifier: MIT
// Time series: daily series per place, disease, status and importation, built from
// facts; official series read from the JHU CSSE CSV layout; and the comparison that
// flags news figures at odds with official ones. Pure functions over plain data.
// Tested by series_test.cc.
#ifndef EPIWIRE_SERIES_SERIES_H_
#define EPIWIRE_SERIES_SERIES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/date.h"
#include "epiwire/model/fact.h"
#include "epiwire/store/event_store.h"

namespace epiwire::series {

// One series: which figures it gathers.
struct SeriesKey {
  std::string place_name;
  std::string country;
  std::string subdivision;
  int64_t geonameid = 0;
  std::string disease;
  CaseStatus status = CaseStatus::kConfirmed;
  std::optional<bool> imported;
  bool operator==(const SeriesKey&) const = default;
};

struct DailyPoint {
  Date date;
  std::optional<int64_t> new_count;   // new cases that day (sum of "new" figures ending that day,
                                      // or the rise of the cumulative figure)
  std::optional<int64_t> cumulative;  // running total known on that day
  std::vector<int64_t> fact_ids;      // where the figures came from
};

struct DailySeries {
  SeriesKey key;
  std::vector<DailyPoint> points;  // sorted by date, one per day from first to last, gaps filled
                                   // with new_count = 0 only between known cumulative values
};

// Builds daily series from case facts (measures are ignored).
std::vector<DailySeries> BuildSeries(const std::vector<Fact>& facts);

// Reads a JHU CSSE time-series CSV (header "Province/State,Country/Region,Lat,Long,1/22/20,..."
// or "Province,Country,Lat,Lon,1/22/2020,..."); `status` is what the file counts.
// Country names are mapped to ISO codes with `country_code` (returns empty when unknown;
// such rows are reported in `skipped`).
Result<std::vector<store::OfficialValue>> ReadJhuCsv(
    std::string_view content, const std::string& source, CaseStatus status,
    const std::function<std::string(std::string_view)>& country_code,
    std::vector<std::string>* skipped);

struct Discrepancy {
  SeriesKey key;
  Date date;
  int64_t news = 0;
  int64_t official = 0;
  double relative = 0;  // |news - official| / max(official, 1)
  std::vector<int64_t> fact_ids;
};

// News cumulative figures more than `tolerance` (relative) away from the official
// cumulative figure of the same place, status and day.
std::vector<Discrepancy> CompareWithOfficial(const std::vector<DailySeries>& news,
                                             const std::vector<store::OfficialValue>& official,
                                             double tolerance = 0.1);

// CSV and JSON renderings of series (for `epiwire series`).
std::string SeriesToCsv(const std::vector<DailySeries>& series);
std::string SeriesToJson(const std::vector<DailySeries>& series);

}  // namespace epiwire::series

#endif  // EPIWIRE_SERIES_SERIES_H_
