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
  // The place's level (a place has one, so it never splits a series); decides
  // which official rows a series is compared with.
  PlaceLevel level = PlaceLevel::kOther;
  bool operator==(const SeriesKey&) const = default;
};

struct DailyPoint {
  Date date;
  std::optional<int64_t> new_count;   // new cases that day (sum of "new" figures ending that day,
                                      // or the rise of the cumulative figure)
  std::optional<int64_t> cumulative;  // running total known on that day
  std::vector<int64_t> fact_ids;      // where the figures came from
  // True when a cumulative figure was reported for this very day (not carried
  // over a gap); only such days are compared with official figures.
  bool cumulative_reported = false;
  // True when new_count gathers cases of several days (a "new" figure whose
  // period spans several days, or a cumulative rise over a gap).
  bool multi_day = false;
};

struct DailySeries {
  SeriesKey key;
  std::vector<DailyPoint> points;  // sorted by date, one per day from first to last, gaps filled
                                   // with new_count = 0 only between known cumulative values
};

// Builds daily series from case facts (measures are ignored).
// A fact's day is the end of its period, else its start, else the earliest
// publication date of its sources; facts with none are left out, and so are facts
// whose aggregation is unknown (neither a new figure nor a running total).
// On one day: new_count sums the "new" facts, taking the largest of facts that
// share a FactKey (conflicting readings of one figure); cumulative is the largest
// cumulative figure. Without a "new" figure, new_count is the rise of the
// cumulative figure since the previous reported one (a rise over a gap goes to the
// day it was reported, the days between get 0; a fall gives no new_count).
// Series are sorted by country, subdivision, place, disease, status, imported. A
// series spans at most kMaxSeriesDays days, ending on its last day (facts of a
// series older than that are left out).
inline constexpr int64_t kMaxSeriesDays = 3660;
std::vector<DailySeries> BuildSeries(const std::vector<Fact>& facts);

// The day BuildSeries files a fact under; nullopt when it has none.
std::optional<Date> FactDay(const Fact& fact);

// Maps (ISO country code, province or state name) to an ISO 3166-2 code;
// returns empty when unknown (the row is then kept with an empty subdivision).
using SubdivisionCodeFunction =
    std::function<std::string(std::string_view country, std::string_view province)>;

// Reads a JHU CSSE time-series CSV (header "Province/State,Country/Region,Lat,Long,1/22/20,..."
// or "Province,Country,Lat,Lon,1/22/2020,..."); `status` is what the file counts.
// Country names are mapped to ISO codes with `country_code` (returns empty when unknown;
// such rows are reported in `skipped`).
Result<std::vector<store::OfficialValue>> ReadJhuCsv(
    std::string_view content, const std::string& source, CaseStatus status,
    const std::function<std::string(std::string_view)>& country_code,
    std::vector<std::string>* skipped);

// As above, also mapping province rows to subdivisions. Each skipped row
// gives "line N: reason" in `skipped` (may be null). A country that has only
// province rows also gets a country total row per day (sum of its provinces,
// place_name = the country name). Fails only when the header is not JHU's.
Result<std::vector<store::OfficialValue>> ReadJhuCsv(
    std::string_view content, const std::string& source, CaseStatus status,
    const std::function<std::string(std::string_view)>& country_code,
    const SubdivisionCodeFunction& subdivision_code, std::vector<std::string>* skipped);

// A news figure next to the official one of the same place, status and day.
struct Comparison {
  SeriesKey key;
  Date date;
  int64_t news = 0;
  int64_t official = 0;
  std::vector<int64_t> fact_ids;
};

// Every reported news cumulative figure that has an official counterpart.
// Country-level news (no subdivision) is compared with the largest official value
// of that country and day among rows without subdivision (the national row or the
// province total); subdivision news with the row of that subdivision. Series of
// imported cases only are not compared (official totals include local cases).
std::vector<Comparison> MatchOfficial(const std::vector<DailySeries>& news,
                                      const std::vector<store::OfficialValue>& official);

struct Discrepancy {
  SeriesKey key;
  Date date;
  int64_t news = 0;
  int64_t official = 0;
  double relative = 0;  // |news - official| / max(official, 1)
  std::vector<int64_t> fact_ids;
};

// News cumulative figures more than `tolerance` (relative) away from the official
// cumulative figure of the same place, status and day (matched as MatchOfficial).
std::vector<Discrepancy> CompareWithOfficial(const std::vector<DailySeries>& news,
                                             const std::vector<store::OfficialValue>& official,
                                             double tolerance = 0.1);

// CSV and JSON renderings of series (for `epiwire series`). CSV: one row per point,
// columns country,subdivision,place,geonameid,disease,status,imported,date,new,
// cumulative,fact_ids (ids joined by ';'; empty cells for unknown values).
std::string SeriesToCsv(const std::vector<DailySeries>& series);
std::string SeriesToJson(const std::vector<DailySeries>& series);

}  // namespace epiwire::series

#endif  // EPIWIRE_SERIES_SERIES_H_
