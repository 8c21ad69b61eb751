// SPDX-License-Identifier: MIT
#include "epiwire/series/series.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "epiwire/series/official_names.h"

namespace epiwire::series {
namespace {

Date D(int month, int day) { return Date{2020, month, day}; }

Place Heilongjiang() {
  Place place;
  place.name = "Heilongjiang";
  place.country = "CN";
  place.subdivision = "CN-HL";
  place.geonameid = 2036965;
  place.level = PlaceLevel::kSubdivision;
  return place;
}

Place Country(const std::string& name, const std::string& code) {
  Place place;
  place.name = name;
  place.country = code;
  place.level = PlaceLevel::kCountry;
  return place;
}

struct FactSpec {
  int64_t id;
  std::optional<Aggregation> aggregation;
  int64_t count;
  std::optional<Date> start;
  std::optional<Date> end;
  std::optional<Date> published = std::nullopt;
};

Fact MakeFact(const FactSpec& spec, const Place& place = Heilongjiang(),
              CaseStatus status = CaseStatus::kConfirmed) {
  Fact fact;
  fact.id = spec.id;
  fact.event.type = EventType::kCases;
  fact.event.disease = "covid-19";
  fact.event.place = place;
  fact.event.status = status;
  fact.event.count = spec.count;
  fact.event.aggregation = spec.aggregation;
  if (spec.start || spec.end) fact.event.period = Period{spec.start, spec.end};
  fact.sources.push_back(FactSource{"doc" + std::to_string(spec.id), 0, {}, spec.published});
  fact.key = FactKey(fact.event);
  return fact;
}

constexpr auto kNew = Aggregation::kNew;
constexpr auto kCumulative = Aggregation::kCumulative;

// new_count and cumulative of each point, "-" for unknown: "3/10 5/.." compact form.
std::string Describe(const DailySeries& series) {
  std::string out;
  for (const DailyPoint& point : series.points) {
    if (!out.empty()) out += ' ';
    out += point.new_count ? std::to_string(*point.new_count) : "-";
    out += '/';
    out += point.cumulative ? std::to_string(*point.cumulative) : "-";
  }
  return out;
}

TEST(BuildSeries, BuildsOnePointADayFromNewAndCumulativeMixes) {
  struct Case {
    const char* name;
    std::vector<FactSpec> facts;
    const char* expected;  // new/cumulative per day from the first to the last day
  };
  const std::vector<Case> cases = {
      {"new figures only, gap stays unknown",
       {{1, kNew, 5, D(4, 1), D(4, 1)}, {2, kNew, 7, D(4, 3), D(4, 3)}},
       "5/- -/- 7/-"},
      {"cumulative rises give new counts",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kCumulative, 110, std::nullopt, D(4, 2)},
        {3, kCumulative, 125, std::nullopt, D(4, 3)}},
       "-/100 10/110 15/125"},
      {"a rise over a gap is spread over the gap's days",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kCumulative, 130, std::nullopt, D(4, 4)}},
       "-/100 10/110 10/120 10/130"},
      {"shares of a rise add up to it",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kCumulative, 110, std::nullopt, D(4, 4)}},
       "-/100 3/103 3/106 4/110"},
      {"a gap not bracketed by two running totals stays unknown",
       {{1, kNew, 5, D(4, 1), D(4, 1)}, {2, kCumulative, 130, std::nullopt, D(4, 4)}},
       "5/- -/- -/- -/130"},
      {"a misread running total between two that agree gives no rise",
       {{1, kCumulative, 1000, std::nullopt, D(4, 1)},
        {2, kCumulative, 10000, std::nullopt, D(4, 2)},
        {3, kCumulative, 1010, std::nullopt, D(4, 3)}},
       "-/1000 5/10000 5/1010"},
      {"a running total misread low between two that agree gives no rise",
       {{1, kCumulative, 1000, std::nullopt, D(4, 1)},
        {2, kCumulative, 100, std::nullopt, D(4, 2)},
        {3, kCumulative, 1010, std::nullopt, D(4, 3)}},
       "-/1000 5/100 5/1010"},
      {"a new figure wins over the cumulative rise on its day",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kCumulative, 110, std::nullopt, D(4, 2)},
        {3, kNew, 12, D(4, 2), D(4, 2)}},
       "-/100 12/110"},
      {"new figures inside a gap are not counted twice",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 4, D(4, 2), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 4/104 6/110"},
      {"a new figure far above the rise of the totals around it is a misreading",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 100, D(4, 2), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 5/105 5/110"},
      {"a new figure up to twice the rise of the totals around it plus one stays",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 21, D(4, 2), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 21/- -/110"},
      {"one more than twice the rise plus one is a misreading",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 22, D(4, 2), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 5/105 5/110"},
      {"a new figure with no running total after it stays",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kNew, 500, D(4, 2), D(4, 2)}},
       "-/100 500/-"},
      {"a new figure of several days is not taken for a misreading",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 100, D(3, 26), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 100/- -/110"},
      {"a new figure a digit too long between totals that do not move",
       {{1, kCumulative, 12, std::nullopt, D(4, 1)},
        {2, kNew, 31, D(4, 2), D(4, 2)},
        {3, kCumulative, 12, std::nullopt, D(4, 2)}},
       "-/12 0/12"},
      {"conflicting cumulative figures: the largest",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kCumulative, 96, std::nullopt, D(4, 1)}},
       "-/100"},
      {"a falling cumulative figure gives no new count",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kCumulative, 90, std::nullopt, D(4, 2)}},
       "-/100 -/90"},
      {"distinct new figures of one day add up",
       {{1, kNew, 5, D(4, 1), D(4, 1)}, {2, kNew, 3, D(3, 30), D(4, 1)}},
       "8/-"},
      {"conflicting readings of one new figure: the largest",
       {{1, kNew, 5, D(4, 1), D(4, 1)}, {2, kNew, 6, D(4, 1), D(4, 1)}},
       "6/-"},
      {"published date when there is no period",
       {{1, kCumulative, 50, std::nullopt, std::nullopt, D(4, 2)},
        {2, kCumulative, 58, std::nullopt, D(4, 3)}},
       "-/50 8/58"},
      {"no date and no aggregation: left out",
       {{1, kNew, 5, D(4, 1), D(4, 1)},
        {2, kNew, 9, std::nullopt, std::nullopt},
        {3, std::nullopt, 40, D(4, 2), D(4, 2)}},
       "5/-"},
  };
  for (const Case& c : cases) {
    std::vector<Fact> facts;
    for (const FactSpec& spec : c.facts) facts.push_back(MakeFact(spec));
    const std::vector<DailySeries> series = BuildSeries(facts);
    ASSERT_EQ(series.size(), 1u) << c.name;
    EXPECT_EQ(Describe(series[0]), c.expected) << c.name;
  }
}

TEST(BuildSeries, RecordsMultiDayFiguresAndFactIds) {
  const std::vector<Fact> facts = {MakeFact({7, kNew, 60, D(4, 1), D(4, 7)}),
                                   MakeFact({3, kNew, 2, D(4, 8), D(4, 8)})};
  const std::vector<DailySeries> series = BuildSeries(facts);
  ASSERT_EQ(series.size(), 1u);
  ASSERT_EQ(series[0].points.size(), 2u);
  EXPECT_EQ(series[0].points[0].date, D(4, 7));
  EXPECT_TRUE(series[0].points[0].multi_day);
  EXPECT_EQ(series[0].points[0].fact_ids, std::vector<int64_t>{7});
  EXPECT_FALSE(series[0].points[1].multi_day);
}

TEST(BuildSeries, TellsReportedDaysFromGapsAndInterpolatedOnes) {
  const std::vector<DailySeries> series =
      BuildSeries({MakeFact({1, kNew, 5, D(4, 1), D(4, 1)}),
                   MakeFact({2, kCumulative, 100, std::nullopt, D(4, 3)}),
                   MakeFact({3, kCumulative, 100, std::nullopt, D(4, 4)}),
                   MakeFact({4, kCumulative, 110, std::nullopt, D(4, 6)})});
  ASSERT_EQ(series.size(), 1u);
  const std::vector<DailyPoint>& points = series[0].points;
  ASSERT_EQ(points.size(), 6u);
  const bool reported[] = {true, false, true, true, false, true};
  const bool interpolated[] = {false, false, false, false, true, true};
  for (size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].reported, reported[i]) << i;
    EXPECT_EQ(points[i].interpolated, interpolated[i]) << i;
  }
  EXPECT_FALSE(points[1].new_count.has_value()) << "a gap is unknown, not zero";
  EXPECT_EQ(points[3].new_count, std::optional<int64_t>(0)) << "a repeated total is a real zero";
}

TEST(BuildSeries, EachValueSaysWhenItCouldBeKnown) {
  Fact early = MakeFact({1, kCumulative, 100, std::nullopt, D(4, 1), D(4, 1)});
  early.sources.push_back(FactSource{"later", 0, {}, D(4, 3)});
  const std::vector<DailySeries> series =
      BuildSeries({early, MakeFact({2, kNew, 4, D(4, 2), D(4, 2), D(4, 2)}),
                   MakeFact({3, kCumulative, 130, std::nullopt, D(4, 5), D(4, 7)})});
  ASSERT_EQ(series.size(), 1u);
  const std::vector<DailyPoint>& points = series[0].points;
  ASSERT_EQ(points.size(), 5u);
  EXPECT_EQ(points[0].known_on, std::optional<Date>(D(4, 1))) << "its first publication";
  EXPECT_EQ(points[1].known_on, std::optional<Date>(D(4, 2)));
  // The rise from 100 to 130, less the 4 of April 2, spread over April 3 to 5: known
  // once the total of April 5 was published.
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(points[i].new_count, std::optional<int64_t>(i == 2 ? 8 : 9)) << i;
    EXPECT_EQ(points[i].known_on, std::optional<Date>(D(4, 7))) << i;
  }
  EXPECT_FALSE(BuildSeries({MakeFact({4, kNew, 5, D(4, 1), D(4, 1)})})[0].points[0].known_on)
      << "no publication date, no known_on";
  const nlohmann::json json = nlohmann::json::parse(SeriesToJson(series));
  EXPECT_EQ(json[0]["points"][0]["known_on"], "2020-04-01");
  EXPECT_EQ(json[0]["points"][2]["known_on"], "2020-04-07");
  EXPECT_TRUE(nlohmann::json::parse(SeriesToJson(BuildSeries({MakeFact(
                  {4, kNew, 5, D(4, 1), D(4, 1)})})))[0]["points"][0]["known_on"]
                  .is_null());
}

TEST(BuildSeries, AShareOfARiseIsKnownOnceBothTotalsAre) {
  // The earlier total was published last: the shares wait for it.
  const std::vector<DailySeries> series =
      BuildSeries({MakeFact({1, kCumulative, 100, std::nullopt, D(4, 1), D(4, 9)}),
                   MakeFact({2, kCumulative, 120, std::nullopt, D(4, 3), D(4, 4)})});
  ASSERT_EQ(series.size(), 1u);
  const std::vector<DailyPoint>& points = series[0].points;
  ASSERT_EQ(points.size(), 3u);
  EXPECT_TRUE(points[1].interpolated);
  EXPECT_EQ(points[1].known_on, std::optional<Date>(D(4, 9)));
  EXPECT_EQ(points[2].known_on, std::optional<Date>(D(4, 9)))
      << "the closing day's share needs the earlier total too";
}

TEST(BuildSeries, KeepsAMisreadFigureWithWhenItWasFoundWrong) {
  const std::vector<DailySeries> series =
      BuildSeries({MakeFact({1, kCumulative, 500, std::nullopt, D(4, 1), D(4, 1)}),
                   MakeFact({2, kNew, 510, D(4, 2), D(4, 2), D(4, 2)}),
                   MakeFact({3, kCumulative, 510, std::nullopt, D(4, 3), D(4, 4)})});
  ASSERT_EQ(series.size(), 1u);
  const DailyPoint& misread = series[0].points[1];
  ASSERT_TRUE(misread.dropped.has_value()) << "the running total read as new cases";
  EXPECT_EQ(misread.dropped->count, 510);
  EXPECT_EQ(misread.dropped->known_on, std::optional<Date>(D(4, 2)));
  EXPECT_EQ(misread.dropped->dropped_on, std::optional<Date>(D(4, 4)));
  EXPECT_EQ(misread.new_count, std::optional<int64_t>(5));
  EXPECT_TRUE(misread.reported);
  EXPECT_FALSE(series[0].points[2].dropped.has_value());
  // Found wrong only once both totals around it were known: here the earlier one, published
  // last.
  const std::vector<DailySeries> late_total =
      BuildSeries({MakeFact({1, kCumulative, 500, std::nullopt, D(4, 1), D(4, 6)}),
                   MakeFact({2, kNew, 510, D(4, 2), D(4, 2), D(4, 2)}),
                   MakeFact({3, kCumulative, 510, std::nullopt, D(4, 3), D(4, 4)})});
  ASSERT_EQ(late_total.size(), 1u);
  ASSERT_TRUE(late_total[0].points[1].dropped.has_value());
  EXPECT_EQ(late_total[0].points[1].dropped->dropped_on, std::optional<Date>(D(4, 6)));
  // A figure that fits the totals is kept as it is.
  const std::vector<DailySeries> fits =
      BuildSeries({MakeFact({1, kCumulative, 500, std::nullopt, D(4, 1), D(4, 1)}),
                   MakeFact({2, kNew, 9, D(4, 2), D(4, 2), D(4, 2)}),
                   MakeFact({3, kCumulative, 510, std::nullopt, D(4, 3), D(4, 4)})});
  ASSERT_EQ(fits.size(), 1u);
  EXPECT_FALSE(fits[0].points[1].dropped.has_value());
  EXPECT_EQ(fits[0].points[1].new_count, std::optional<int64_t>(9));
}

TEST(BuildSeries, ConflictingReadingsTakeTheOneMostSourcesGive) {
  Fact agreed = MakeFact({1, kNew, 5, D(4, 1), D(4, 1)});
  agreed.sources.push_back(FactSource{"other", 0, {}, std::nullopt});
  Fact misread = MakeFact({2, kNew, 50, D(4, 1), D(4, 1)});
  const std::vector<DailySeries> series = BuildSeries({agreed, misread});
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(Describe(series[0]), "5/-");
}

TEST(BuildSeries, SplitsByPlaceStatusImportedAndSortsDeterministically) {
  std::vector<Fact> facts = {
      MakeFact({1, kNew, 5, D(4, 1), D(4, 1)}, Country("Russia", "RU")),
      MakeFact({2, kNew, 3, D(4, 1), D(4, 1)}),
      MakeFact({3, kNew, 1, D(4, 1), D(4, 1)}, Heilongjiang(), CaseStatus::kDeaths),
      MakeFact({4, kNew, 2, D(4, 1), D(4, 1)}),
  };
  facts[3].event.imported = true;
  facts[3].key = FactKey(facts[3].event);
  Fact measure = MakeFact({5, kNew, 9, D(4, 1), D(4, 1)});
  measure.event.type = EventType::kMeasure;
  facts.push_back(measure);
  std::vector<Fact> reversed(facts.rbegin(), facts.rend());
  const std::vector<DailySeries> a = BuildSeries(facts);
  const std::vector<DailySeries> b = BuildSeries(reversed);
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(b.size(), 4u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].key, b[i].key);
  EXPECT_EQ(a[0].key.subdivision, "CN-HL");
  EXPECT_EQ(a[0].key.status, CaseStatus::kConfirmed);
  EXPECT_FALSE(a[0].key.imported.has_value());
  EXPECT_EQ(a[1].key.imported, std::optional<bool>(true));
  EXPECT_EQ(a[2].key.status, CaseStatus::kDeaths);
  EXPECT_EQ(a[3].key.country, "RU");
}

TEST(BuildSeries, KeepsAStrayOldDateFromMakingAHugeSeries) {
  const std::vector<DailySeries> series =
      BuildSeries({MakeFact({1, kNew, 5, Date{1900, 1, 1}, Date{1900, 1, 1}}),
                   MakeFact({2, kNew, 7, D(4, 1), D(4, 1)})});
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].points.size(), static_cast<size_t>(kMaxSeriesDays));
  EXPECT_EQ(series[0].points.back().new_count, std::optional<int64_t>(7));
}

TEST(SeriesOutput, CsvAndJsonCarryEveryPoint) {
  const std::vector<DailySeries> series =
      BuildSeries({MakeFact({1, kCumulative, 100, std::nullopt, D(4, 1)}),
                   MakeFact({2, kCumulative, 130, std::nullopt, D(4, 3)})});
  const std::string csv = SeriesToCsv(series);
  EXPECT_EQ(csv,
            "country,subdivision,place,geonameid,disease,status,imported,date,new,cumulative,"
            "fact_ids,reported,interpolated\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-01,,100,1,true,false\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-02,15,115,,false,true\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-03,15,130,2,true,true\n");
  const nlohmann::json json = nlohmann::json::parse(SeriesToJson(series));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["subdivision"], "CN-HL");
  ASSERT_EQ(json[0]["points"].size(), 3u);
  EXPECT_TRUE(json[0]["points"][0]["new"].is_null());
  EXPECT_EQ(json[0]["points"][2]["new"], 15);
  EXPECT_EQ(json[0]["points"][2]["cumulative_reported"], true);
  EXPECT_EQ(json[0]["points"][1]["cumulative_reported"], false);
  EXPECT_EQ(json[0]["points"][1]["reported"], false);
  EXPECT_EQ(json[0]["points"][1]["interpolated"], true);
}

std::string TestCountryCode(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> codes = {
      {"Korea, South", "KR"}, {"China", "CN"}, {"Russia", "RU"}, {"Canada", "CA"}};
  auto found = codes.find(name);
  return found == codes.end() ? "" : found->second;
}

std::string TestSubdivisionCode(std::string_view country, std::string_view province) {
  if (country == "CN" && province == "Hubei") return "CN-HB";
  if (country == "CN" && province == "Heilongjiang") return "CN-HL";
  return "";
}

TEST(ReadJhuCsv, ReadsBothHeaderVariantsAndDateForms) {
  const std::vector<std::string> files = {
      "Province/State,Country/Region,Lat,Long,4/1/20,4/2/20\n"
      ",Russia,61.5,105.3,2777,3548\n"
      ",\"Korea, South\",35.9,127.8,9887,9976\n",
      "Province,Country,Lat,Lon,4/1/2020,4/2/2020\r\n"
      ",Russia,61.5,105.3,2777,3548\r\n"
      ",\"Korea, South\",35.9,127.8,9887,9976\r\n",
  };
  for (const std::string& file : files) {
    std::vector<std::string> skipped;
    auto values = ReadJhuCsv(file, "test.csv", CaseStatus::kConfirmed, TestCountryCode, &skipped);
    ASSERT_TRUE(values.ok()) << values.status().message();
    EXPECT_TRUE(skipped.empty());
    ASSERT_EQ(values->size(), 4u);
    EXPECT_EQ(values.value()[1].country, "RU");
    EXPECT_EQ(values.value()[1].date, D(4, 2));
    EXPECT_EQ(values.value()[1].cumulative, 3548);
    EXPECT_EQ(values.value()[1].source, "test.csv");
    EXPECT_EQ(values.value()[2].country, "KR");
    EXPECT_EQ(values.value()[2].place_name, "Korea, South");
    EXPECT_EQ(values.value()[2].cumulative, 9887);
  }
}

TEST(ReadJhuCsv, ReportsBadRowsWithLineNumbersAndKeepsTheRest) {
  const std::string file =
      "Province/State,Country/Region,Lat,Long,4/1/20,4/2/20\n"
      ",Russia,61.5,105.3,2777,3548\n"
      ",Diamond Princess,0,0,712,712\n"
      ",China,30,112,12,\n"  // empty last cell: no value that day
      ",Canada,56,-106,10\n"
      ",Russia,61.5,105.3,abc,3\n"
      "\n";
  std::vector<std::string> skipped;
  auto values = ReadJhuCsv(file, "x.csv", CaseStatus::kDeaths, TestCountryCode, &skipped);
  ASSERT_TRUE(values.ok());
  ASSERT_EQ(skipped.size(), 3u);
  EXPECT_EQ(skipped[0], "line 3: unknown country 'Diamond Princess'");
  EXPECT_EQ(skipped[1], "line 5: 5 fields, the header has 6");
  EXPECT_EQ(skipped[2], "line 6: column 5: 'abc' is not a count");
  ASSERT_EQ(values->size(), 3u);
  EXPECT_EQ(values.value()[2].country, "CN");
  EXPECT_EQ(values.value()[2].cumulative, 12);
  EXPECT_EQ(values.value()[2].status, CaseStatus::kDeaths);
}

TEST(ReadJhuCsv, MapsProvincesAndAddsCountryTotals) {
  const std::string file =
      "Province/State,Country/Region,Lat,Long,4/1/20\n"
      "Hubei,China,30.9,112.2,67802\n"
      "Heilongjiang,China,47.8,127.7,500\n"
      "Unknown,China,0,0,2\n";
  auto values = ReadJhuCsv(file, "x.csv", CaseStatus::kConfirmed, TestCountryCode,
                           TestSubdivisionCode, nullptr);
  ASSERT_TRUE(values.ok());
  ASSERT_EQ(values->size(), 4u);
  EXPECT_EQ(values.value()[0].subdivision, "CN-HB");
  EXPECT_EQ(values.value()[0].place_name, "Hubei");
  EXPECT_EQ(values.value()[2].subdivision, "");
  EXPECT_EQ(values.value()[2].place_name, "Unknown");
  EXPECT_EQ(values.value()[3].place_name, "China");
  EXPECT_EQ(values.value()[3].subdivision, "");
  EXPECT_EQ(values.value()[3].cumulative, 68304);
}

TEST(ReadJhuCsv, RejectsOtherLayouts) {
  const std::vector<std::string> bad = {"", "date,country,confirmed\n2020-04-01,CN,5\n",
                                        "Province,Country,Lat,Lon,April 1\n,China,1,1,5\n",
                                        "Province,Country,Lat,Lon\n"};
  for (const std::string& file : bad) {
    auto values = ReadJhuCsv(file, "x.csv", CaseStatus::kConfirmed, TestCountryCode, nullptr);
    EXPECT_FALSE(values.ok()) << file;
  }
}

TEST(ReadJhuCsv, ReadsTheRealFilesWhenPresent) {
  const std::string dir = std::string(EPIWIRE_SHARED_DIR) + "/data/official/";
  auto names = OfficialNames::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(names.ok()) << names.status().message();
  for (const char* file :
       {"time_series_covid19_confirmed_global.csv", "time_series_covid19_deaths_global.csv"}) {
    std::ifstream in(dir + file, std::ios::binary);
    if (!in) {
      GTEST_SKIP() << dir << file << " is absent";
    }
    std::stringstream content;
    content << in.rdbuf();
    std::vector<std::string> skipped;
    auto values = ReadJhuCsv(
        content.str(), file, CaseStatus::kConfirmed,
        [&](std::string_view name) { return names->CountryCode(name); },
        [&](std::string_view country, std::string_view province) {
          return names->SubdivisionCode(country, province);
        },
        &skipped);
    ASSERT_TRUE(values.ok()) << values.status().message();
    // Ships and the Olympics only.
    EXPECT_LE(skipped.size(), 5u);
    for (const std::string& why : skipped) {
      EXPECT_NE(why.find("unknown country"), std::string::npos) << why;
    }
    bool hubei = false;
    bool korea = false;
    for (const store::OfficialValue& value : values.value()) {
      if (value.subdivision == "CN-HB" && value.date == D(4, 1)) hubei = value.cumulative > 60000;
      if (value.country == "KR" && value.date == D(4, 1)) korea = true;
    }
    if (std::string(file).find("confirmed") != std::string::npos) {
      EXPECT_TRUE(hubei);
    }
    EXPECT_TRUE(korea);
  }
}

TEST(OfficialNames, MapsJhuSpellingsAndProvinces) {
  auto names = OfficialNames::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_EQ(names->CountryCode("Korea, South"), "KR");
  EXPECT_EQ(names->CountryCode("Taiwan*"), "TW");
  EXPECT_EQ(names->CountryCode("US"), "US");
  EXPECT_EQ(names->CountryCode("russia"), "RU");
  EXPECT_EQ(names->CountryCode("Diamond Princess"), "");
  EXPECT_EQ(names->SubdivisionCode("CN", "Hubei"), "CN-HB");
  EXPECT_EQ(names->SubdivisionCode("CA", "Ontario"), "CA-ON");
  EXPECT_EQ(names->SubdivisionCode("CA", "Hubei"), "");
  EXPECT_FALSE(OfficialNames::Load("/nonexistent/dir").ok());
}

store::OfficialValue Official(const std::string& country, const std::string& subdivision, Date date,
                              int64_t cumulative) {
  store::OfficialValue value;
  value.country = country;
  value.subdivision = subdivision;
  value.date = date;
  value.cumulative = cumulative;
  return value;
}

TEST(CompareWithOfficial, FlagsFiguresBeyondTheTolerance) {
  Fact russia_a = MakeFact({1, kCumulative, 2777, std::nullopt, D(4, 1)}, Country("Russia", "RU"));
  Fact russia_b = MakeFact({2, kCumulative, 5000, std::nullopt, D(4, 2)}, Country("Russia", "RU"));
  Fact russia_c = MakeFact({3, kCumulative, 4000, std::nullopt, D(4, 5)}, Country("Russia", "RU"));
  Fact hl = MakeFact({4, kCumulative, 400, std::nullopt, D(4, 2)});
  Fact imported = MakeFact({5, kCumulative, 9999, std::nullopt, D(4, 2)}, Country("Russia", "RU"));
  imported.event.imported = true;
  Place city = Heilongjiang();
  city.name = "Suifenhe";
  city.level = PlaceLevel::kCity;
  Fact city_fact = MakeFact({6, kCumulative, 3, std::nullopt, D(4, 2)}, city);
  const std::vector<DailySeries> news =
      BuildSeries({russia_a, russia_b, russia_c, hl, imported, city_fact});
  const std::vector<store::OfficialValue> official = {
      Official("RU", "", D(4, 1), 2800), Official("RU", "", D(4, 2), 3548),
      Official("RU", "", D(4, 3), 4149),  // a gap day in the news: not compared
      Official("CN", "CN-HL", D(4, 2), 500), Official("CN", "", D(4, 2), 82000)};
  const std::vector<Comparison> matched = MatchOfficial(news, official);
  // Russia 4/1 and 4/2, Heilongjiang 4/2; not the imported series, not the city.
  ASSERT_EQ(matched.size(), 3u);
  const std::vector<Discrepancy> off = CompareWithOfficial(news, official, 0.1);
  ASSERT_EQ(off.size(), 2u);
  EXPECT_EQ(off[0].key.subdivision, "CN-HL");
  EXPECT_EQ(off[0].news, 400);
  EXPECT_EQ(off[0].official, 500);
  EXPECT_DOUBLE_EQ(off[0].relative, 0.2);
  EXPECT_EQ(off[0].fact_ids, std::vector<int64_t>{4});
  EXPECT_EQ(off[1].key.country, "RU");
  EXPECT_EQ(off[1].date, D(4, 2));
  EXPECT_EQ(off[1].news, 5000);
  EXPECT_EQ(CompareWithOfficial(news, official, 0.5).size(), 0u);
}

TEST(CompareWithOfficial, UsesTheLargerOfNationalRowAndProvinceTotal) {
  const std::vector<DailySeries> news = BuildSeries(
      {MakeFact({1, kCumulative, 1000, std::nullopt, D(4, 1)}, Country("France", "FR"))});
  // France's national row and a small overseas territory row, both without subdivision.
  const std::vector<store::OfficialValue> official = {Official("FR", "", D(4, 1), 1010),
                                                      Official("FR", "", D(4, 1), 40)};
  EXPECT_TRUE(CompareWithOfficial(news, official, 0.1).empty());
}

TEST(CompareWithOfficial, ComparesLikeWithLike) {
  // Cholera news is not compared with COVID-19 figures; imported cases only with
  // official imported rows; local cases with nothing.
  Fact cholera = MakeFact({1, kCumulative, 23217, std::nullopt, D(4, 1)}, Country("Malawi", "MW"));
  cholera.event.disease = "cholera";
  Fact imported = MakeFact({2, kCumulative, 300, std::nullopt, D(4, 1)});
  imported.event.imported = true;
  Fact local = MakeFact({3, kCumulative, 50, std::nullopt, D(4, 1)});
  local.event.imported = false;
  Fact all = MakeFact({4, kCumulative, 700, std::nullopt, D(4, 1)});
  for (Fact* fact : {&cholera, &imported, &local, &all}) fact->key = FactKey(fact->event);
  const std::vector<DailySeries> news = BuildSeries({cholera, imported, local, all});
  store::OfficialValue official_imported = Official("CN", "CN-HL", D(4, 1), 340);
  official_imported.imported = true;
  const std::vector<store::OfficialValue> official = {
      Official("MW", "", D(4, 1), 17), official_imported, Official("CN", "CN-HL", D(4, 1), 750)};
  const std::vector<Comparison> matched = MatchOfficial(news, official);
  ASSERT_EQ(matched.size(), 2u);
  for (const Comparison& match : matched) {
    if (match.key.imported == true) {
      EXPECT_EQ(match.news, 300);
      EXPECT_EQ(match.official, 340);
    } else {
      EXPECT_FALSE(match.key.imported.has_value());
      EXPECT_EQ(match.news, 700);
      EXPECT_EQ(match.official, 750);
    }
  }
  store::OfficialValue cholera_row = Official("MW", "", D(4, 1), 23000);
  cholera_row.disease = "cholera";
  EXPECT_EQ(MatchOfficial(news, {cholera_row}).size(), 1u);
}

// A province file of our own, in the layout of the mainland China file.
std::string ChinaFile() {
  return "date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,"
         "cured,dead\n"
         "2020-04-01,\u4e2d\u56fd,CN,,,,,81589,0,76408,3318\n"
         "2020-04-01,\u4e2d\u56fd,CN,\u9ed1\u9f99\u6c5f\u7701,230000,,,484,0,468,13\n"
         "2020-04-01,\u4e2d\u56fd,CN,\u9ed1\u9f99\u6c5f\u7701,230000,"
         "\u5883\u5916\u8f93\u5165,,2,0,0,0\n"
         "2020-04-01,\u4e2d\u56fd,CN,\u5185\u8499\u53e4\u81ea\u6cbb\u533a,150000,"
         "\u5883\u5916\u8f93\u5165,,36,0,1,0\n"
         "2020-04-02,\u4e2d\u56fd,CN,\u9ed1\u9f99\u6c5f\u7701,230000,"
         "\u5883\u5916\u8f93\u5165,,6,0,0,0\n"
         "2020-04-02,\u4e2d\u56fd,CN,\u9999\u6e2f\u7279\u522b\u884c\u653f\u533a,810000,,,"
         "802,0,208,4\n"
         "2020-04-02,\u4e2d\u56fd,CN,\u706b\u661f\u7701,990000,,,1,0,0,0\n"
         "2020-04-02,\u4e2d\u56fd,CN,\u9ed1\u9f99\u6c5f\u7701,230000,Harbin,,1,0,0,0\n"
         "2020-04-02,\u4e2d\u56fd,CN,\u9ed1\u9f99\u6c5f\u7701,230000,,,many,0,0,0\n";
}

TEST(ReadChinaProvinceCsv, ReadsProvincesImportedRowsAndStatuses) {
  auto names = OfficialNames::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_EQ(OfficialLayout(ChinaFile()), "china_province");
  EXPECT_EQ(OfficialLayout("Province/State,Country/Region,Lat,Long,4/1/20\n"), "jhu");
  EXPECT_EQ(OfficialLayout("a,b,c\n"), "");
  std::vector<std::string> skipped;
  auto values = ReadChinaProvinceCsv(
      ChinaFile(), "china.csv",
      [&](std::string_view country, std::string_view province) {
        return names->PlaceCode(country, province);
      },
      &skipped);
  ASSERT_TRUE(values.ok()) << values.status().message();
  // Line 8: an unknown province; line 9: a city row; line 10: a bad count.
  ASSERT_EQ(skipped.size(), 3u);
  EXPECT_EQ(skipped[0].rfind("line 8: unknown province", 0), 0u) << skipped[0];
  EXPECT_EQ(skipped[1], "line 9: city rows are not read");
  EXPECT_EQ(skipped[2].rfind("line 10: column 8: 'many' is not a count", 0), 0u) << skipped[2];
  std::map<std::string, int64_t> found;
  for (const store::OfficialValue& value : values.value()) {
    EXPECT_EQ(value.source, "china.csv");
    const std::string key = value.country + "/" + value.subdivision + "/" +
                            std::string(CaseStatusName(value.status)) + "/" +
                            (value.imported ? "imported" : "all") + "/" + value.date.ToIso();
    found[key] = value.cumulative;
  }
  EXPECT_EQ(found["CN//confirmed/all/2020-04-01"], 81589);
  EXPECT_EQ(found["CN//deaths/all/2020-04-01"], 3318);
  EXPECT_EQ(found["CN//recovered/all/2020-04-01"], 76408);
  EXPECT_EQ(found["CN/CN-HL/confirmed/all/2020-04-01"], 484);
  EXPECT_EQ(found["CN/CN-HL/confirmed/imported/2020-04-02"], 6);
  EXPECT_EQ(found["HK//confirmed/all/2020-04-02"], 802) << "Hong Kong is a place of its own";
  // The country's imported total: Heilongjiang and Inner Mongolia, the latter carried
  // over the day it has no row.
  EXPECT_EQ(found["CN//confirmed/imported/2020-04-01"], 38);
  EXPECT_EQ(found["CN//confirmed/imported/2020-04-02"], 42);
  EXPECT_FALSE(ReadChinaProvinceCsv("date,country\n", "x.csv", nullptr, nullptr).ok());
}

TEST(OfficialNames, MapsChineseProvinceNames) {
  auto names = OfficialNames::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_EQ(names->PlaceCode("CN", "\u9ed1\u9f99\u6c5f\u7701"), "CN-HL");
  EXPECT_EQ(names->PlaceCode("CN", "\u5185\u8499\u53e4\u81ea\u6cbb\u533a"), "CN-NM");
  EXPECT_EQ(names->PlaceCode("CN", "\u9999\u6e2f\u7279\u522b\u884c\u653f\u533a"), "HK");
  EXPECT_EQ(names->PlaceCode("CN", "Heilongjiang"), "CN-HL") << "gazetteer names work too";
  EXPECT_EQ(names->PlaceCode("CN", "\u4e2d\u56fd"), "") << "the country is no province";
  EXPECT_EQ(names->CountryCode("\u4e2d\u56fd"), "CN");
  // A name the gazetteer learns as an alternate name needs no line of ours.
  OfficialNames more = names.value();
  more.AddSubdivision("CN", "\u706b\u661f\u7701", "CN-XZ");
  EXPECT_EQ(more.PlaceCode("CN", "\u706b\u661f\u7701"), "CN-XZ");
}

TEST(ReadChinaProvinceCsv, ARowDecadesApartGivesNoMoreThanTheSeriesWindow) {
  // Imported rows of one province in 1900 and 2020 (a typo): the country's imported
  // total is given for kMaxSeriesDays days at most, not for 120 years.
  const std::string imported = "\xe5\xa2\x83\xe5\xa4\x96\xe8\xbe\x93\xe5\x85\xa5";
  const std::string file =
      "date,country,countryCode,province,provinceCode,city,cityCode,confirmed,suspected,cured,"
      "dead\n1900-01-01,C,CN,P,420000," + imported + ",,1,0,0,0\n2020-01-23,C,CN,P,420000," +
      imported + ",,9223372036854775807,0,0,0\n";
  auto values = ReadChinaProvinceCsv(
      file, "x.csv", [](std::string_view, std::string_view) { return std::string("CN-HB"); },
      nullptr);
  ASSERT_TRUE(values.ok()) << values.status().message();
  size_t country_totals = 0;
  for (const store::OfficialValue& value : values.value()) {
    if (value.subdivision.empty() && value.imported == true) {
      ++country_totals;
      EXPECT_GE(value.cumulative, 0) << "saturates instead of overflowing";
    }
  }
  EXPECT_GT(country_totals, 0u);
  EXPECT_LE(country_totals, static_cast<size_t>(kMaxSeriesDays) * 3);
}

TEST(ReadChinaProvinceCsv, ReadsTheRealFileWhenPresent) {
  std::ifstream in(std::string(EPIWIRE_SHARED_DIR) +
                       "/data/official/china_province_and_imported_daily.csv",
                   std::ios::binary);
  if (!in) GTEST_SKIP() << "the mainland China file is absent";
  std::stringstream content;
  content << in.rdbuf();
  auto names = OfficialNames::Load(std::string(EPIWIRE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(names.ok()) << names.status().message();
  std::vector<std::string> skipped;
  auto values = ReadChinaProvinceCsv(
      content.str(), "china.csv",
      [&](std::string_view country, std::string_view province) {
        return names->PlaceCode(country, province);
      },
      &skipped);
  ASSERT_TRUE(values.ok()) << values.status().message();
  EXPECT_TRUE(skipped.empty()) << skipped.front();
  int64_t heilongjiang_imported = 0;
  for (const store::OfficialValue& value : values.value()) {
    if (value.subdivision == "CN-HL" && value.imported == true &&
        value.status == CaseStatus::kConfirmed && value.date == D(4, 30)) {
      heilongjiang_imported = value.cumulative;
    }
  }
  EXPECT_EQ(heilongjiang_imported, 386);
}

TEST(UrlSource, IsTheWebSite) {
  EXPECT_EQ(UrlSource("https://www.Example.org/news/1?x=2"), "example.org");
  EXPECT_EQ(UrlSource("http://user:secret@news.example:8080/a"), "news.example");
  EXPECT_EQ(UrlSource("no url"), "");
  EXPECT_EQ(UrlSource(""), "");
}

Fact Published(int64_t id, Aggregation aggregation, int64_t count, Date day,
               const std::vector<std::pair<std::string, Date>>& documents) {
  Fact fact = MakeFact({id, aggregation, count, aggregation == kNew ? std::optional<Date>(day)
                                                                    : std::nullopt,
                        day});
  fact.sources.clear();
  for (const auto& [document, published] : documents) {
    fact.sources.push_back(FactSource{document, 0, {}, published});
  }
  return fact;
}

TEST(BuildVolumeSeries, CountsArticlesAndSourcesThatReportNewCases) {
  const std::vector<Fact> facts = {
      Published(1, kNew, 12, D(4, 1), {{"a", D(4, 1)}, {"b", D(4, 1)}}),
      // The same article reporting a second figure counts once.
      Published(2, kCumulative, 100, D(4, 1), {{"a", D(4, 1)}}),
      Published(3, kNew, 0, D(4, 2), {{"c", D(4, 3)}}),         // no new cases
      Published(4, kCumulative, 100, D(4, 3), {{"d", D(4, 3)}}),  // a repeated total
      Published(5, kCumulative, 120, D(4, 4), {{"e", D(4, 4)}, {"f", D(4, 4)}}),
  };
  const SourceFunction source = [](const std::string& id) {
    return id == "a" || id == "e" || id == "f" ? std::string("one.example") : std::string();
  };
  const std::vector<VolumeSeries> volume = BuildVolumeSeries(facts, source);
  ASSERT_EQ(volume.size(), 1u);
  EXPECT_EQ(volume[0].key.subdivision, "CN-HL");
  EXPECT_EQ(volume[0].key.place_name, "Heilongjiang");
  ASSERT_EQ(volume[0].points.size(), 4u);  // dense: 4/1 to 4/4
  const int articles[] = {2, 0, 0, 2};
  const int sources[] = {2, 0, 0, 1};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(volume[0].points[i].articles, articles[i]) << i;
    EXPECT_EQ(volume[0].points[i].sources, sources[i]) << i;
  }
  EXPECT_EQ(volume[0].points[0].document_ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(volume[0].points[0].fact_ids, (std::vector<int64_t>{1, 2}));
}

TEST(BuildVolumeSeries, CountsImportedCasesApartAndCitiesInTheirProvince) {
  Fact imported = Published(1, kNew, 3, D(4, 1), {{"a", D(4, 1)}});
  imported.event.imported = true;
  Place city = Heilongjiang();
  city.name = "Suifenhe";
  city.level = PlaceLevel::kCity;
  Fact in_city = Published(2, kNew, 1, D(4, 2), {{"b", D(4, 2)}});
  in_city.event.place = city;
  const std::vector<VolumeSeries> volume =
      BuildVolumeSeries({in_city, imported}, nullptr, D(3, 30), D(4, 2));
  ASSERT_EQ(volume.size(), 2u);
  EXPECT_FALSE(volume[0].key.imported.has_value());
  EXPECT_EQ(volume[0].key.place_name, "Heilongjiang") << "named by the province's own fact";
  EXPECT_EQ(volume[0].points.size(), 4u);
  EXPECT_EQ(volume[0].points[2].articles, 1);
  EXPECT_EQ(volume[0].points[3].articles, 1);
  EXPECT_EQ(volume[1].key.imported, std::optional<bool>(true));
  EXPECT_EQ(volume[1].points[2].articles, 1);
  EXPECT_EQ(volume[1].points[3].articles, 0);
}

}  // namespace
}  // namespace epiwire::series
