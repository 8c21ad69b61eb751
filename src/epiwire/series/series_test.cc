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
      {"a rise over a gap goes to the day it was reported",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)}, {2, kCumulative, 130, std::nullopt, D(4, 4)}},
       "-/100 0/100 0/100 30/130"},
      {"a new figure wins over the cumulative rise on its day",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kCumulative, 110, std::nullopt, D(4, 2)},
        {3, kNew, 12, D(4, 2), D(4, 2)}},
       "-/100 12/110"},
      {"new figures inside a gap are not counted twice",
       {{1, kCumulative, 100, std::nullopt, D(4, 1)},
        {2, kNew, 4, D(4, 2), D(4, 2)},
        {3, kCumulative, 110, std::nullopt, D(4, 3)}},
       "-/100 4/100 6/110"},
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
            "fact_ids\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-01,,100,1\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-02,0,100,\n"
            "CN,CN-HL,Heilongjiang,2036965,covid-19,confirmed,,2020-04-03,30,130,2\n");
  const nlohmann::json json = nlohmann::json::parse(SeriesToJson(series));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["subdivision"], "CN-HL");
  ASSERT_EQ(json[0]["points"].size(), 3u);
  EXPECT_TRUE(json[0]["points"][0]["new"].is_null());
  EXPECT_EQ(json[0]["points"][2]["new"], 30);
  EXPECT_EQ(json[0]["points"][2]["cumulative_reported"], true);
  EXPECT_EQ(json[0]["points"][1]["cumulative_reported"], false);
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

}  // namespace
}  // namespace epiwire::series
