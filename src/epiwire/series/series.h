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
  // New cases that day: the sum of "new" figures ending that day, or a share of the
  // rise of the running total (see BuildSeries). nullopt: unknown, not zero.
  std::optional<int64_t> new_count;
  std::optional<int64_t> cumulative;  // running total known on that day
  std::vector<int64_t> fact_ids;      // where the figures came from
  // True when a figure (new or running total) was reported for this very day. A day
  // without is a gap: nothing was reported, which is not the same as no cases.
  bool reported = false;
  // True when a cumulative figure was reported for this very day (not carried or
  // interpolated over a gap); only such days are compared with official figures.
  bool cumulative_reported = false;
  // True when new_count (and cumulative) are a share of a rise of the running total
  // spread over the days between two reported totals, not a figure of that day.
  bool interpolated = false;
  // True when new_count gathers cases of several days (a "new" figure whose period
  // spans several days).
  bool multi_day = false;
  // A new figure of the day far above the rise of the trusted running totals around
  // it (see BuildSeries), so left out (new_count is then the day's share of that rise, or unknown); with
  // when it was first known and when the totals that contradict it were both known.
  // Until then a detector working as of a day would still have taken it.
  struct Dropped {
    int64_t count = 0;
    std::optional<Date> known_on;
    std::optional<Date> dropped_on;
  };
  std::optional<Dropped> dropped;
  // The first day new_count could be known: the earliest publication of the day's
  // own figures; for a share of a rise between two running totals, of the later of
  // what it needs (the two totals). nullopt when no source says when it was published.
  std::optional<Date> known_on;
};

struct DailySeries {
  SeriesKey key;
  std::vector<DailyPoint> points;  // sorted by date, one per day from the first to the last
};

// Builds daily series from case facts (measures are ignored).
// A fact's day is the end of its period, else its start, else the earliest
// publication date of its sources; facts with none are left out, and so are facts
// whose aggregation is unknown (neither a new figure nor a running total).
// On one day: new_count sums the "new" facts; facts that share a FactKey are
// conflicting readings of one figure, of which the one with most sources counts
// (the largest on a tie); the cumulative figure is chosen the same way.
// Days between two reported running totals get the rise spread evenly over the days
// that have no "new" figure of their own (the closing day included), minus the
// "new" figures inside the gap: interpolated, with an interpolated running total.
// Other days without a report stay unknown (no new_count). A "new" figure more than
// twice the rise of the trusted running totals around it, plus one (the last total
// before its day and the first on or after it), is taken as a misreading (the running
// total read as the day's new cases, a digit too many): it is left out
// (DailyPoint::dropped) and the day is filled from the totals. Each value says when it
// could first be known (DailyPoint::known_on), so that a detector run over the whole
// series can still say when its evidence was there. A running total that is
// out of line with both neighbours (above the next one or below the previous one
// while those two agree) is taken as a misreading: it is kept on its day (and
// compared with official figures) but gives no rise. A fall gives no new_count.
// Series are sorted by country, subdivision, place, disease, status, imported. A
// series spans at most kMaxSeriesDays days, ending on its last day (facts of a
// series older than that are left out).
inline constexpr int64_t kMaxSeriesDays = 3660;
std::vector<DailySeries> BuildSeries(const std::vector<Fact>& facts);

// The day BuildSeries files a fact under; nullopt when it has none.
std::optional<Date> FactDay(const Fact& fact);

// Article volume (as epitweetr and EIOS count messages): per day, how many articles
// report new cases of a disease in a place, and from how many distinct sources. Zero
// articles on a day is a real zero while articles are being collected, so the series
// is dense.
struct VolumePoint {
  Date date;
  int articles = 0;
  int sources = 0;
  std::vector<std::string> document_ids;  // sorted
  std::vector<int64_t> fact_ids;          // the case facts they reported, sorted
};

struct VolumeSeries {
  // place_name, country, subdivision, geonameid, level and disease; status is unused;
  // imported = true for the articles on imported cases into the place only.
  SeriesKey key;
  std::vector<VolumePoint> points;  // one a day from `first` to `last`
};

// Where a document came from ("example.org" for its web site); documents of one
// source count once in VolumePoint::sources. Empty: the document is its own source.
using SourceFunction = std::function<std::string(const std::string& document_id)>;

// Volume series from case facts: an article (a source document of a fact, on its
// publication date) counts once per disease and place among its facts that report
// new cases -- a positive "new" figure, or a running total above every total of its
// series reported for an earlier day ("no new cases" and a repeated total are not
// news of cases) -- at the place of the fact (its subdivision when known, else its
// country); articles that report imported cases into a place also count in that
// place's imported series. Series run
// from `first` to `last` (by default the earliest and latest publication date among
// the facts; at most kMaxSeriesDays days, ending on `last`); sorted by country,
// subdivision, disease and imported.
std::vector<VolumeSeries> BuildVolumeSeries(const std::vector<Fact>& facts,
                                            const SourceFunction& source_of,
                                            std::optional<Date> first = std::nullopt,
                                            std::optional<Date> last = std::nullopt);

// The web site of a URL, for SourceFunction: "https://www.example.org/a" ->
// "example.org"; empty when the URL has no host.
std::string UrlSource(std::string_view url);

// A SourceFunction over the web sites of the documents the facts cite, from the
// URLs the store keeps (store::EventStore::DocumentUrls).
Result<SourceFunction> StoreSources(store::EventStore& store, const std::vector<Fact>& facts);

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

// Reads the mainland China daily file (header date,country,countryCode,province,
// provinceCode,city,cityCode,confirmed,suspected,cured,dead; names in Chinese): the
// running totals of confirmed cases, deaths ("dead") and recoveries ("cured") per day
// of the country (rows without a province), of each province, and of each province's
// imported cases (rows whose city is the file's word for "imported from abroad"),
// which get OfficialValue::imported = true. `place_code` maps (country code, province
// name) to an ISO 3166-2 code or, for a place that is a country of its own (Hong
// Kong), its alpha-2 code; empty when unknown. The country gets an imported total per
// day: the sum of its provinces' (a province's last total carries over the days it
// has no row). Rows of other cities, unknown provinces and bad counts are skipped
// and named in `skipped` ("line N: reason"). Fails only when the header is not this.
Result<std::vector<store::OfficialValue>> ReadChinaProvinceCsv(
    std::string_view content, const std::string& source, const SubdivisionCodeFunction& place_code,
    std::vector<std::string>* skipped);

// The layout of an official file, from its header: "jhu", "china_province", or empty.
std::string OfficialLayout(std::string_view content);

// A news figure next to the official one of the same place, status and day.
struct Comparison {
  SeriesKey key;
  Date date;
  int64_t news = 0;
  int64_t official = 0;
  std::vector<int64_t> fact_ids;
};

// Every reported news running total that has an official counterpart that counts
// the same thing: same disease, same status, same aggregation (running totals on
// both sides), same place and the same cases (news on imported cases with official
// imported rows, news on all cases with official rows of all cases; news on local
// cases only has no counterpart). Country-level news (no subdivision) is compared
// with the largest official value of that country and day among rows without
// subdivision (the national row or the province total); subdivision news with the
// row of that subdivision.
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
// cumulative,fact_ids,reported,interpolated (ids joined by ';'; empty cells for
// unknown values; the last two true or false).
std::string SeriesToCsv(const std::vector<DailySeries>& series);
std::string SeriesToJson(const std::vector<DailySeries>& series);

}  // namespace epiwire::series

#endif  // EPIWIRE_SERIES_SERIES_H_
