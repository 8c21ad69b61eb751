// SPDX-License-Identifier: MIT
#include "epiwire/signals/signals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epiwire/signals/statistics.h"

namespace epiwire::signals {
namespace {

std::vector<size_t> AlarmDays(const std::vector<double>& counts, Method method, double alpha = -1) {
  std::vector<size_t> days;
  for (const Alarm& alarm : Detect(counts, method, 7, alpha < 0 ? DefaultAlpha(method) : alpha)) {
    EXPECT_EQ(alarm.method, method);
    days.push_back(alarm.index);
  }
  return days;
}

TEST(Statistics, QuantilesMatchR) {
  // Values printed by R 4.2: qnorm, qt and pt.
  EXPECT_NEAR(NormalQuantile(0.999), 3.0902323061678132, 1e-14);
  EXPECT_NEAR(NormalQuantile(0.975), 1.9599639845400536, 1e-14);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.3613409024040557, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.3), -0.52440051270804067, 1e-14);
  EXPECT_EQ(NormalQuantile(0.5), 0);
  EXPECT_NEAR(StudentTQuantile(0.975, 6), 2.4469118511449688, 1e-9);
  EXPECT_NEAR(StudentTQuantile(0.95, 6), 1.9431802805153024, 1e-9);
  EXPECT_NEAR(StudentTQuantile(0.999, 3), 10.214531852407383, 1e-8);
  EXPECT_NEAR(StudentTCdf(1.5, 6), 0.907859631929259, 1e-12);
  const double values[] = {2, 3, 2, 4, 3, 2, 3};
  EXPECT_NEAR(Mean(values, 7), 19.0 / 7, 1e-15);
  EXPECT_NEAR(SampleSd(values, 7), 0.7559289460184544, 1e-15);
}

TEST(Statistics, NegativeBinomialTailMatchesR) {
  // R 4.2: pnbinom(x - 1, size, mu = mean, lower.tail = FALSE).
  EXPECT_NEAR(NegativeBinomialUpperTail(5, 1.0 / 6, 0.5), 0.0002702957472546176, 1e-15);
  EXPECT_NEAR(NegativeBinomialUpperTail(2, 3.5 / 31, 3.5), 0.0072968978403391699, 1e-14);
  EXPECT_NEAR(NegativeBinomialUpperTail(10, 20.5 / 31, 20.5), 1.2463218740189663e-08, 1e-18);
  EXPECT_NEAR(NegativeBinomialUpperTail(3, 1.5, 1.5), 0.21555341462117383, 1e-13);
  EXPECT_EQ(NegativeBinomialUpperTail(0, 2, 1), 1);
  EXPECT_EQ(NegativeBinomialUpperTail(1, 0, 1), 0) << "no mean, no count";
}

// Alarm days (0-based) as R's surveillance::earsC 1.20.3 gives them (its 1-based days
// minus one), for C1 and C2 with alpha 0.001 and C3 with 0.025.
TEST(Detect, EarsMethodsRaiseTheAlarmsOfSurveillance) {
  struct Case {
    const char* name;
    std::vector<double> counts;
    std::vector<size_t> c1, c2, c3;
  };
  const std::vector<Case> cases = {
      {"one spike", {2, 3, 2, 4, 3, 2, 3, 3, 20, 3, 2, 3, 2, 2}, {8}, {}, {}},
      {"one case after zeros (sd 0)", {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, {7}, {}, {}},
      {"three high days",
       {5, 6, 5, 7, 6, 5, 6, 5, 6, 7, 6, 30, 35, 40, 6, 5, 6, 6},
       {11},
       {11, 12, 13},
       {12, 13, 14, 15}},
      {"a rise from a low level",
       {1, 0, 2, 1, 0, 1, 2, 1, 0, 1, 1, 2, 9, 12, 14, 3, 1, 0, 2},
       {12, 13},
       {12, 13, 14},
       {13, 14, 15, 16}},
      {"flat", std::vector<double>(20, 4), {}, {}, {}},
      {"too short for any baseline", {1, 50, 1}, {}, {}, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AlarmDays(c.counts, Method::kEarsC1), c.c1) << c.name;
    EXPECT_EQ(AlarmDays(c.counts, Method::kEarsC2), c.c2) << c.name;
    EXPECT_EQ(AlarmDays(c.counts, Method::kEarsC3), c.c3) << c.name;
  }
}

TEST(Detect, EarsC1ThresholdIsMeanPlusZTimesSd) {
  const std::vector<Alarm> alarms = Detect({2, 3, 2, 4, 3, 2, 3, 3, 20}, Method::kEarsC1, 7, 0.001);
  ASSERT_EQ(alarms.size(), 1u);
  const double mean = 20.0 / 7;
  const double sd = 0.6900655593423543;  // sd(c(3,2,4,3,2,3,3)) in R
  EXPECT_NEAR(alarms[0].threshold, mean + 3.0902323061678132 * sd, 1e-12);
  EXPECT_EQ(alarms[0].value, 20);
  EXPECT_NEAR(alarms[0].statistic, (20 - mean) / sd, 1e-12);
}

TEST(Detect, EarsC3NeverAlarmsOnZeroOverZero) {
  // A single case after a long run of zeros: C2 of that day is +Inf, and the days
  // after have 0/0 statistics; R gives NA (no alarm) there, and so do we.
  std::vector<double> counts(13, 0);
  counts.push_back(1);
  for (int i = 0; i < 6; ++i) counts.push_back(0);
  EXPECT_EQ(AlarmDays(counts, Method::kEarsC3), std::vector<size_t>{});
  EXPECT_EQ(AlarmDays(counts, Method::kEarsC2), std::vector<size_t>{13});
}

TEST(Detect, CusumAccumulatesAndRestartsAfterAnAlarm) {
  struct Case {
    const char* name;
    std::vector<double> counts;
    std::vector<size_t> alarms;
  };
  const std::vector<Case> cases = {
      {"one big day", {0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0}, {9}},
      {"two moderate days add up", {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 0}, {10}},
      {"restarts: a third moderate day alone is no alarm",
       {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3},
       {10}},
      {"flat", std::vector<double>(30, 10), {}},
      {"noise within the baseline", {5, 6, 5, 7, 6, 5, 6, 5, 6, 7, 6, 5, 6, 7}, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AlarmDays(c.counts, Method::kCusum), c.alarms) << c.name;
  }
  const std::vector<Alarm> alarms = Detect({0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3}, Method::kCusum);
  ASSERT_EQ(alarms.size(), 1u);
  EXPECT_DOUBLE_EQ(alarms[0].statistic, 5.0);
  EXPECT_DOUBLE_EQ(alarms[0].threshold, 2.0);  // 3 cases were more than the 2 needed
}

TEST(Detect, EpitweetrDownweightsOutliersInTheBaseline) {
  struct Case {
    const char* name;
    std::vector<double> counts;
    std::vector<size_t> alarms;
  };
  const std::vector<Case> cases = {
      // mean 2.71, sd 0.76: upper bound 2.71 + 2.447 * 0.76 * sqrt(8/7) = 4.69.
      {"above the bound", {2, 3, 2, 4, 3, 2, 3, 6}, {7}},
      {"below the bound", {2, 3, 2, 4, 3, 2, 3, 4}, {}},
      // The 15 is an outlier (residual 2.27 > 1.94): weight 0.54, bound 12.6 instead
      // of 16.8, so 14 alarms.
      {"outlier downweighted", {1, 1, 1, 1, 1, 1, 15, 14}, {7}},
      {"flat", std::vector<double>(10, 3), {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AlarmDays(c.counts, Method::kEpitweetr), c.alarms) << c.name;
  }
  const std::vector<Alarm> alarms = Detect({2, 3, 2, 4, 3, 2, 3, 6}, Method::kEpitweetr, 7, 0.025);
  ASSERT_EQ(alarms.size(), 1u);
  EXPECT_NEAR(alarms[0].threshold,
              19.0 / 7 + 2.4469118511449688 * 0.7559289460184544 * std::sqrt(8.0 / 7), 1e-9);
}

TEST(Methods, NamesRoundTrip) {
  for (Method method :
       {Method::kEarsC1, Method::kEarsC2, Method::kEarsC3, Method::kCusum, Method::kEpitweetr}) {
    EXPECT_EQ(ParseMethod(MethodName(method)), method);
  }
  EXPECT_EQ(MethodName(Method::kEarsC1), "ears_c1");
  EXPECT_FALSE(ParseMethod("c1").has_value());
  EXPECT_DOUBLE_EQ(DefaultAlpha(Method::kEarsC1), 0.001);
  EXPECT_DOUBLE_EQ(DefaultAlpha(Method::kEarsC3), 0.025);
}

Place MakePlace(const std::string& name, const std::string& country,
                const std::string& subdivision) {
  Place place;
  place.name = name;
  place.country = country;
  place.subdivision = subdivision;
  place.level = subdivision.empty() ? PlaceLevel::kCountry : PlaceLevel::kSubdivision;
  return place;
}

Fact Imported(int64_t id, Date day, int64_t count, const Place& origin,
              std::vector<TravelMode> modes) {
  Fact fact;
  fact.id = id;
  fact.event.type = EventType::kCases;
  fact.event.disease = "covid-19";
  fact.event.place = MakePlace("Heilongjiang", "CN", "CN-HL");
  fact.event.count = count;
  fact.event.aggregation = Aggregation::kNew;
  fact.event.imported = true;
  fact.event.origin = origin;
  fact.event.modes = std::move(modes);
  fact.event.period = Period::Day(day);
  fact.key = FactKey(fact.event);
  return fact;
}

// These methods' signals alone, without rises.
SignalOptions Only(std::vector<Method> methods) {
  SignalOptions options;
  options.methods = std::move(methods);
  options.rise.enabled = false;
  return options;
}

TEST(FindSignals, FirstImportationDoesNotAddARunningTotalToNewCases) {
  const Place russia = MakePlace("Russia", "RU", "");
  Fact fresh = Imported(1, Date{2020, 4, 20}, 12, russia, {});
  Fact total = Imported(2, Date{2020, 4, 20}, 386, russia, {});
  total.event.aggregation = Aggregation::kCumulative;
  total.event.period = Period{std::nullopt, Date{2020, 4, 20}};
  total.key = FactKey(total.event);
  const std::vector<Signal> signals = FindSignals({}, {}, {fresh, total}, Only({}));
  ASSERT_FALSE(signals.empty());
  EXPECT_EQ(signals[0].kind, "first_imported_case");
  EXPECT_EQ(signals[0].value, 12);
  Fact only_total = total;
  const std::vector<Signal> totals = FindSignals({}, {}, {only_total}, Only({}));
  ASSERT_FALSE(totals.empty());
  EXPECT_EQ(totals[0].value, 386);
  EXPECT_NE(totals[0].message.find("in total as of 2020-04-20"), std::string::npos);
}

TEST(FindSignals, ReportsFirstImportedCasesAndNewRoutes) {
  const Place russia = MakePlace("Russia", "RU", "");
  const Place usa = MakePlace("United States", "US", "");
  std::vector<Fact> facts = {
      Imported(1, Date{2020, 4, 1}, 3, russia, {TravelMode::kRoad}),
      Imported(9, Date{2020, 4, 1}, 1, russia, {TravelMode::kRoad}),
      Imported(2, Date{2020, 4, 3}, 2, russia, {TravelMode::kRoad}),
      Imported(3, Date{2020, 4, 5}, 1, russia, {TravelMode::kAir}),
      Imported(4, Date{2020, 4, 5}, 2, usa, {}),
  };
  // No mode named, pair already known: no new route.
  facts.push_back(Imported(8, Date{2020, 4, 6}, 4, russia, {}));
  Fact local = Imported(5, Date{2020, 4, 2}, 7, russia, {});
  local.event.imported = false;
  facts.push_back(local);
  // No origin, but imported cases into the place were reported before: no signal.
  Fact no_origin = Imported(6, Date{2020, 4, 2}, 7, russia, {});
  no_origin.event.origin.reset();
  facts.push_back(no_origin);

  const std::vector<Signal> signals = FindSignals({}, {}, facts, Only({Method::kEarsC1}));
  ASSERT_EQ(signals.size(), 5u);
  EXPECT_EQ(signals[0].kind, "first_imported_case");
  EXPECT_EQ(signals[0].date, (Date{2020, 4, 1}));
  EXPECT_EQ(signals[0].value, 4);
  EXPECT_EQ(signals[0].origin, "RU");
  EXPECT_EQ(signals[0].fact_ids, (std::vector<int64_t>{1, 9}));
  EXPECT_EQ(signals[0].message,
            "first imported case from Russia (RU) into Heilongjiang (CN-HL): 4 imported "
            "confirmed cases of covid-19 reported for 2020-04-01");
  EXPECT_EQ(signals[1].kind, "new_importation_route");
  EXPECT_TRUE(signals[1].method.empty());
  EXPECT_NE(signals[1].message.find("Russia (RU) -> Heilongjiang (CN-HL) by road"),
            std::string::npos);
  EXPECT_EQ(signals[2].kind, "first_imported_case");
  EXPECT_EQ(signals[2].date, (Date{2020, 4, 5}));
  EXPECT_NE(signals[2].message.find("from United States (US)"), std::string::npos);
  EXPECT_EQ(signals[3].kind, "new_importation_route");
  EXPECT_NE(signals[3].message.find("by air"), std::string::npos);
  EXPECT_EQ(signals[3].fact_ids, std::vector<int64_t>{3});
  EXPECT_NE(signals[4].message.find("(travel mode not given)"), std::string::npos);
  EXPECT_EQ(signals[4].key.subdivision, "CN-HL");
  EXPECT_EQ(signals[4].key.imported, std::optional<bool>(true));
}

TEST(FindSignals, FirstImportedCaseIntoAPlaceNeedsNoOrigin) {
  Fact first = Imported(1, Date{2020, 3, 19}, 1, MakePlace("Russia", "RU", ""), {});
  first.event.origin.reset();
  first.key = FactKey(first.event);
  Fact none = Imported(2, Date{2020, 3, 10}, 0, MakePlace("Russia", "RU", ""), {});
  none.event.origin.reset();
  none.key = FactKey(none.event);
  const std::vector<Signal> signals = FindSignals({}, {}, {first, none}, Only({}));
  ASSERT_EQ(signals.size(), 1u) << "\"no imported cases\" is no importation";
  EXPECT_EQ(signals[0].kind, "first_imported_case");
  EXPECT_EQ(signals[0].date, (Date{2020, 3, 19}));
  EXPECT_TRUE(signals[0].origin.empty());
  EXPECT_EQ(signals[0].message.rfind("first imported case into Heilongjiang (CN-HL) (origin not "
                                     "given)",
                                     0),
            0u)
      << signals[0].message;
}

series::SeriesKey HeilongjiangKey() {
  series::SeriesKey key;
  key.place_name = "Heilongjiang";
  key.country = "CN";
  key.subdivision = "CN-HL";
  key.level = PlaceLevel::kSubdivision;
  key.disease = "covid-19";
  return key;
}

series::DailySeries HeilongjiangSeries(const std::vector<std::optional<int64_t>>& counts,
                                       const std::vector<bool>& interpolated = {}) {
  series::DailySeries one;
  one.key = HeilongjiangKey();
  for (size_t i = 0; i < counts.size(); ++i) {
    series::DailyPoint point;
    point.date = Date{2020, 4, 1}.AddDays(static_cast<int64_t>(i));
    point.new_count = counts[i];
    point.interpolated = i < interpolated.size() && interpolated[i];
    point.reported = counts[i].has_value() && !point.interpolated;
    point.fact_ids = {static_cast<int64_t>(100 + i)};
    one.points.push_back(point);
  }
  return one;
}

TEST(FindSignals, ReportsAberrationsPerSeriesAndMethodWithTheirBaseline) {
  const series::DailySeries one =
      HeilongjiangSeries({2, 3, 2, 4, 3, std::nullopt, 3, 3, 20, 3});
  const std::vector<Signal> signals =
      FindSignals({one}, {}, {}, Only({Method::kEarsC1, Method::kEpitweetr}));
  ASSERT_EQ(signals.size(), 2u);
  EXPECT_EQ(signals[0].kind, "aberration");
  EXPECT_EQ(signals[0].method, "ears_c1");
  EXPECT_EQ(signals[0].measure, "cases");
  EXPECT_EQ(signals[0].date, (Date{2020, 4, 9}));
  EXPECT_EQ(signals[0].value, 20);
  // The unknown day is left out of the baseline, not taken as 0.
  EXPECT_EQ(signals[0].baseline_days, 6);
  EXPECT_EQ(signals[0].baseline_observed, 6);
  EXPECT_EQ(signals[0].fact_ids, std::vector<int64_t>{108});
  EXPECT_EQ(signals[0].message.rfind("EARS C1: 20 new confirmed cases of covid-19 in "
                                     "Heilongjiang (CN-HL) on 2020-04-09, above the upper bound of",
                                     0),
            0u)
      << signals[0].message;
  EXPECT_NE(signals[0].message.find("(baseline 6 of 7 days reported)"), std::string::npos)
      << signals[0].message;
  EXPECT_EQ(signals[1].method, "epitweetr");
  EXPECT_TRUE(FindSignals({one}, {}, {}, Only({})).empty());
}

TEST(FindSignals, NoAberrationOnFewerReportedBaselineDaysThanTheRule) {
  // A single report after days nobody reported on: no baseline, no alarm (zero
  // filling would make it an outbreak).
  std::vector<std::optional<int64_t>> sparse(12, std::nullopt);
  sparse[2] = 0;
  sparse[5] = 0;
  sparse[11] = 1036;
  EXPECT_TRUE(FindSignals({HeilongjiangSeries(sparse)}, {}, {}, SignalOptions()).empty());
  // Four of seven reported days are not enough; five are.
  std::vector<std::optional<int64_t>> four = {1, std::nullopt, 2, std::nullopt, 1, std::nullopt, 2,
                                              40};
  EXPECT_TRUE(FindSignals({HeilongjiangSeries(four)}, {}, {}, Only({Method::kEarsC1})).empty());
  std::vector<std::optional<int64_t>> five = {1, 2, 2, std::nullopt, 1, std::nullopt, 2, 40};
  const std::vector<Signal> found =
      FindSignals({HeilongjiangSeries(five)}, {}, {}, Only({Method::kEarsC1}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].baseline_observed, 5);
  // Interpolated days enter the baseline's statistics but are not reported days.
  const std::vector<Signal> interpolated = FindSignals(
      {HeilongjiangSeries({1, 2, 2, 1, 1, 2, 2, 40}, {false, false, true, true, false, false, false})},
      {}, {}, Only({Method::kEarsC1}));
  ASSERT_EQ(interpolated.size(), 1u);
  EXPECT_EQ(interpolated[0].baseline_days, 7);
  EXPECT_EQ(interpolated[0].baseline_observed, 5);
  SignalOptions stricter = Only({Method::kEarsC1});
  stricter.min_observed = 6;
  EXPECT_TRUE(FindSignals({HeilongjiangSeries(five)}, {}, {}, stricter).empty());
}

TEST(FindSignals, RecoveriesAndTestsRaiseNoAberration) {
  series::DailySeries one = HeilongjiangSeries({2, 3, 2, 4, 3, 2, 3, 3, 20});
  one.key.status = CaseStatus::kRecovered;
  EXPECT_TRUE(FindSignals({one}, {}, {}, SignalOptions()).empty());
  one.key.status = CaseStatus::kDeaths;
  EXPECT_FALSE(FindSignals({one}, {}, {}, SignalOptions()).empty());
}

series::VolumeSeries Volume(const std::vector<int>& articles, const std::vector<int>& sources) {
  series::VolumeSeries one;
  one.key = HeilongjiangKey();
  for (size_t i = 0; i < articles.size(); ++i) {
    series::VolumePoint point;
    point.date = Date{2020, 4, 1}.AddDays(static_cast<int64_t>(i));
    point.articles = articles[i];
    point.sources = sources[i];
    for (int a = 0; a < articles[i]; ++a) point.document_ids.push_back(std::to_string(a));
    one.points.push_back(point);
  }
  return one;
}

TEST(FindSignals, BurstsOfReportingNeedEnoughArticlesFromEnoughSources) {
  const std::vector<int> quiet = {0, 1, 0, 0, 1, 0, 0, 0};
  std::vector<int> articles = quiet;
  articles.push_back(5);
  std::vector<int> sources = quiet;
  sources.push_back(4);
  const std::vector<Signal> found =
      FindSignals({}, {Volume(articles, sources)}, {}, Only({Method::kEarsC1}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].measure, "articles");
  EXPECT_EQ(found[0].date, (Date{2020, 4, 9}));
  EXPECT_EQ(found[0].published, std::optional<Date>(Date{2020, 4, 9}));
  EXPECT_EQ(found[0].sources, 4);
  EXPECT_EQ(found[0].document_ids.size(), 5u);
  EXPECT_NE(found[0].message.find("5 articles from 4 sources on covid-19 in Heilongjiang (CN-HL)"),
            std::string::npos)
      << found[0].message;
  sources.back() = 1;  // one outlet writing five times is no burst
  EXPECT_TRUE(FindSignals({}, {Volume(articles, sources)}, {}, Only({Method::kEarsC1})).empty());
  articles.back() = 2;  // nor are two articles
  sources.back() = 2;
  EXPECT_TRUE(FindSignals({}, {Volume(articles, sources)}, {}, Only({Method::kEarsC1})).empty());
  SignalOptions no_volume = Only({Method::kEarsC1});
  no_volume.volume = false;
  articles.back() = 5;
  EXPECT_TRUE(FindSignals({}, {Volume(articles, sources)}, {}, no_volume).empty());
}

// Rises only: no method's signal is evidence (unless a test adds methods).
SignalOptions Rises() {
  SignalOptions options;
  options.methods = {};
  return options;
}

// A day each from 2020-04-01; known_on left unset (known on its day, as far as a rise
// can tell).
series::DailySeries Counts(const std::vector<int64_t>& counts) {
  std::vector<std::optional<int64_t>> values(counts.begin(), counts.end());
  return HeilongjiangSeries(values);
}

// `days` days of the place with `usual` articles from as many sources each.
series::VolumeSeries Days(size_t days, int usual = 0) {
  return Volume(std::vector<int>(days, usual), std::vector<int>(days, usual));
}

// The volume with one more day of `articles` from `sources`.
series::VolumeSeries WithLastDay(series::VolumeSeries volume, int articles, int sources) {
  std::vector<int> a;
  std::vector<int> s;
  for (const series::VolumePoint& point : volume.points) {
    a.push_back(point.articles);
    s.push_back(point.sources);
  }
  a.push_back(articles);
  s.push_back(sources);
  return Volume(a, s);
}

std::vector<Signal> RisesOf(const std::vector<Signal>& signals) {
  std::vector<Signal> rises;
  for (const Signal& signal : signals) {
    if (signal.kind == "rise") rises.push_back(signal);
  }
  return rises;
}

TEST(FindSignals, ARiseIsABurstOfReportsWithEnoughCases) {
  // Twenty quiet days, then three articles from three sources on the 20th day, when the
  // week's reports count 6 new cases where none were usual.
  std::vector<int64_t> counts(20, 0);
  counts[17] = 1;
  counts[18] = 2;
  counts[19] = 3;
  const series::VolumeSeries volume = WithLastDay(Days(19), 3, 3);
  const std::vector<Signal> found = FindSignals({Counts(counts)}, {volume}, {}, Rises());
  ASSERT_EQ(found.size(), 1u);
  const Signal& rise = found[0];
  EXPECT_EQ(rise.kind, "rise");
  EXPECT_EQ(rise.measure, "articles");
  EXPECT_TRUE(rise.method.empty());
  EXPECT_EQ(rise.date, (Date{2020, 4, 20}));
  EXPECT_EQ(rise.published, std::optional<Date>(Date{2020, 4, 20}));
  EXPECT_EQ(rise.value, 6);
  EXPECT_EQ(rise.threshold, 1) << "one case beyond four times a usual week of 0";
  EXPECT_EQ(rise.usual_week, 0);
  EXPECT_EQ(rise.articles, 3);
  EXPECT_EQ(rise.sources, 3);
  // A gamma prior of 1/6 article a day worth 3 days, and 19 days without any.
  const double expected = 0.5 / 22;
  EXPECT_NEAR(rise.expected_articles, expected, 1e-12);
  EXPECT_NEAR(rise.chance, NegativeBinomialUpperTail(3, expected, 0.5), 1e-15);
  EXPECT_LT(rise.chance, 0.01);
  EXPECT_EQ(rise.document_ids.size(), 3u);
  EXPECT_EQ(rise.fact_ids, std::vector<int64_t>{119}) << "the reports of its day";
  EXPECT_NE(rise.message.find("3 articles from 3 sources on 2020-04-20 where 0.02 a day were "
                              "usual (chance "),
            std::string::npos)
      << rise.message;
  EXPECT_NE(rise.message.find("6 new confirmed cases of covid-19 in Heilongjiang (CN-HL) "
                              "reported in the week to 2020-04-20 (a usual week: 0)"),
            std::string::npos)
      << rise.message;
  // The same burst on a week without cases is no rise; nor is a quiet day.
  EXPECT_TRUE(FindSignals({Counts(std::vector<int64_t>(20, 0))}, {volume}, {}, Rises()).empty());
  EXPECT_TRUE(FindSignals({Counts(counts)}, {Days(20)}, {}, Rises()).empty());
  SignalOptions off = Rises();
  off.rise.enabled = false;
  EXPECT_TRUE(FindSignals({Counts(counts)}, {volume}, {}, off).empty());
}

TEST(FindSignals, BurstsAreMeasuredAgainstThePlacesOwnHistory) {
  std::vector<int64_t> counts(29, 0);
  counts[28] = 10;
  const series::DailySeries cases = Counts(counts);
  // Six articles from five sources: a burst where nobody wrote, not where four
  // articles a day are usual.
  const series::VolumeSeries quiet = WithLastDay(Days(28), 6, 5);
  const series::VolumeSeries busy = WithLastDay(Days(28, 4), 6, 5);
  EXPECT_EQ(RisesOf(FindSignals({cases}, {quiet}, {}, Rises())).size(), 1u);
  EXPECT_TRUE(RisesOf(FindSignals({cases}, {busy}, {}, Rises())).empty());
  // Two articles need two sources.
  EXPECT_EQ(FindSignals({cases}, {WithLastDay(Days(28), 2, 2)}, {}, Rises()).size(), 1u);
  EXPECT_TRUE(FindSignals({cases}, {WithLastDay(Days(28), 2, 1)}, {}, Rises()).empty());
  EXPECT_TRUE(FindSignals({cases}, {WithLastDay(Days(28), 1, 1)}, {}, Rises()).empty());
}

TEST(FindSignals, ABurstOnAFewCasesWhereAsManyAreUsualIsNoRise) {
  // A case a day for four weeks: a usual week of 7. A week of 8 with a burst of reports
  // is minor activity; a week of 40 is a rise (it needs 1 + 4 * 7 = 29).
  std::vector<int64_t> counts(35, 1);
  counts[34] = 2;
  const series::VolumeSeries volume = WithLastDay(Days(34), 4, 4);
  EXPECT_TRUE(FindSignals({Counts(counts)}, {volume}, {}, Rises()).empty());
  counts[33] = 5;
  counts[34] = 30;
  const std::vector<Signal> found = FindSignals({Counts(counts)}, {volume}, {}, Rises());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, 40);
  EXPECT_EQ(found[0].usual_week, 7);
  EXPECT_EQ(found[0].threshold, 29);
}

TEST(FindSignals, ARiseCountsOnlyTheCasesKnownOnItsDay) {
  std::vector<int64_t> counts(20, 0);
  counts[19] = 12;
  series::DailySeries late = Counts(counts);
  // The day's figure was published two days after the burst: not known then.
  late.points[19].known_on = Date{2020, 4, 22};
  const series::VolumeSeries volume = WithLastDay(Days(19), 3, 3);
  EXPECT_TRUE(FindSignals({late}, {volume}, {}, Rises()).empty());
  late.points[19].known_on = Date{2020, 4, 20};
  EXPECT_EQ(FindSignals({late}, {volume}, {}, Rises()).size(), 1u);
  // A figure later found wrong still counted until the totals against it were known.
  series::DailySeries misread = Counts(std::vector<int64_t>(20, 0));
  misread.points[19].dropped = series::DailyPoint::Dropped{30, Date{2020, 4, 20}, Date{2020, 4, 21}};
  const std::vector<Signal> fooled = FindSignals({misread}, {volume}, {}, Rises());
  ASSERT_EQ(fooled.size(), 1u);
  EXPECT_EQ(fooled[0].value, 30);
  misread.points[19].dropped->dropped_on = Date{2020, 4, 20};
  EXPECT_TRUE(FindSignals({misread}, {volume}, {}, Rises()).empty());
  // Nor did it count before it was published.
  misread.points[19].dropped = series::DailyPoint::Dropped{30, Date{2020, 4, 21}, Date{2020, 4, 23}};
  EXPECT_TRUE(FindSignals({misread}, {volume}, {}, Rises()).empty());
}

TEST(FindSignals, AMethodOnCaseCountsIsEvidenceOfARiseToo) {
  const series::DailySeries spike = Counts({2, 3, 2, 4, 3, 2, 3, 3, 20});
  SignalOptions options = Rises();
  options.methods = {Method::kEarsC1};
  const std::vector<Signal> found = FindSignals({spike}, {}, {}, options);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, "aberration");
  const Signal& rise = found[1];
  EXPECT_EQ(rise.kind, "rise");
  EXPECT_EQ(rise.measure, "cases");
  EXPECT_EQ(rise.date, (Date{2020, 4, 9}));
  EXPECT_EQ(rise.value, 37) << "the week from 2020-04-03 to 2020-04-09";
  EXPECT_EQ(rise.chance, 1) << "no burst";
  EXPECT_NE(rise.message.find("EARS C1 on the counts of 2020-04-09"), std::string::npos)
      << rise.message;
  options.rise.count_aberrations = false;
  EXPECT_TRUE(RisesOf(FindSignals({spike}, {}, {}, options)).empty());
  // Recoveries do not rise.
  series::DailySeries recovered = spike;
  recovered.key.status = CaseStatus::kRecovered;
  options.rise.count_aberrations = true;
  EXPECT_TRUE(FindSignals({recovered}, {}, {}, options).empty());
}

Signal Aberration(const std::string& method, const std::string& measure, Date date,
                  std::optional<bool> imported = std::nullopt) {
  Signal signal;
  signal.kind = "aberration";
  signal.method = method;
  signal.measure = measure;
  signal.key = HeilongjiangKey();
  signal.key.imported = imported;
  signal.date = date;
  signal.published = date.AddDays(1);
  signal.baseline_days = 7;
  signal.baseline_observed = measure == "cases" ? 5 : 7;
  signal.message = method + " on " + date.ToIso();
  signal.fact_ids = {date.day};
  return signal;
}

TEST(MergeSignals, OneAlertPerEventWithItsMethodsSeverityAndBaseline) {
  const Date day{2020, 4, 5};
  const std::vector<Signal> signals = {
      Aberration("ears_c2", "cases", day, true),
      Aberration("ears_c1", "cases", day, true),
      Aberration("epitweetr", "articles", day.AddDays(-1)),
      Aberration("cusum", "cases", day.AddDays(3), true),
      // More than kEpisodeGapDays later: another alert.
      Aberration("ears_c1", "articles", day.AddDays(20)),
  };
  const std::vector<Alert> alerts = MergeSignals(signals);
  ASSERT_EQ(alerts.size(), 2u);
  const Alert& first = alerts[0];
  EXPECT_EQ(first.kind, "aberration");
  EXPECT_EQ(first.first_date, day.AddDays(-1));
  EXPECT_EQ(first.last_date, day.AddDays(3));
  EXPECT_EQ(first.raised, std::optional<Date>(day));
  EXPECT_EQ(first.methods, (std::vector<std::string>{"ears_c1", "ears_c2", "cusum", "epitweetr"}));
  EXPECT_EQ(first.severity, "high");
  EXPECT_EQ(first.baseline_observed, 5);
  EXPECT_EQ(first.signals.size(), 4u);
  EXPECT_EQ(first.fact_ids, (std::vector<int64_t>{4, 5, 8}));
  EXPECT_EQ(first.title, "Rise in imported cases of covid-19 in Heilongjiang (CN-HL)");
  EXPECT_EQ(first.id.size(), 16u);
  EXPECT_EQ(alerts[1].severity, "low");
  EXPECT_EQ(alerts[1].baseline_observed, -1);
  EXPECT_EQ(alerts[1].title, "Burst of reports of covid-19 in Heilongjiang (CN-HL)");
  EXPECT_NE(first.id, alerts[1].id);
}

TEST(MergeSignals, IdsAreStableAcrossRunsAndOrder) {
  const Date day{2020, 4, 5};
  std::vector<Signal> signals = {Aberration("ears_c1", "cases", day),
                                 Aberration("cusum", "articles", day.AddDays(1))};
  const std::vector<Alert> once = MergeSignals(signals);
  std::reverse(signals.begin(), signals.end());
  const std::vector<Alert> again = MergeSignals(signals);
  ASSERT_EQ(once.size(), 1u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(once[0].id, again[0].id);
  EXPECT_EQ(once[0].severity, "medium");  // two methods
  // A later signal extends the alert without changing its id.
  signals.push_back(Aberration("ears_c2", "cases", day.AddDays(4)));
  const std::vector<Alert> extended = MergeSignals(signals);
  ASSERT_EQ(extended.size(), 1u);
  EXPECT_EQ(extended[0].id, once[0].id);
  EXPECT_EQ(extended[0].last_date, day.AddDays(4));
  // Another place is another alert.
  Signal elsewhere = Aberration("ears_c1", "cases", day);
  elsewhere.key.subdivision = "CN-NM";
  EXPECT_NE(MergeSignals({elsewhere})[0].id, once[0].id);
}

TEST(MergeSignals, ImportationSignalsOfOneArrivalAreOneAlert) {
  const Place russia = MakePlace("Russia", "RU", "");
  const std::vector<Signal> signals = FindSignals(
      {}, {}, {Imported(1, Date{2020, 4, 1}, 3, russia, {TravelMode::kRoad})}, Only({}));
  ASSERT_EQ(signals.size(), 2u);
  const std::vector<Alert> alerts = MergeSignals(signals);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "first_imported_case");
  EXPECT_EQ(alerts[0].severity, "medium");
  EXPECT_EQ(alerts[0].title, "First imported case from Russia (RU) into Heilongjiang (CN-HL)");
  EXPECT_NE(alerts[0].message.find("; new importation route"), std::string::npos);
}

Signal Rise(Date date, const std::string& measure = "articles") {
  Signal signal;
  signal.kind = "rise";
  signal.measure = measure;
  signal.key = HeilongjiangKey();
  signal.date = date;
  signal.published = date;
  signal.value = 12;
  signal.threshold = 5;
  signal.usual_week = 1;
  if (measure == "articles") {
    signal.articles = 4;
    signal.sources = 3;
    signal.expected_articles = 0.25;
    signal.chance = 0.0001;
  }
  signal.message = "rise on " + date.ToIso();
  signal.fact_ids = {100 + date.day};
  return signal;
}

TEST(RaiseAlerts, OneAlertPerEpisodeOfRisesWithTheMethodsAroundIt) {
  const Date day{2020, 4, 10};
  const Place russia = MakePlace("Russia", "RU", "");
  std::vector<Signal> signals = FindSignals(
      {}, {}, {Imported(1, Date{2020, 4, 1}, 3, russia, {TravelMode::kRoad})}, Only({}));
  signals.push_back(Aberration("ears_c1", "cases", day.AddDays(-3)));
  signals.push_back(Rise(day));
  signals.push_back(Aberration("cusum", "cases", day.AddDays(1)));
  signals.push_back(Rise(day.AddDays(2), "cases"));
  signals.push_back(Rise(day.AddDays(20)));
  // Minor activity: aberrations no rise backs make no alert.
  signals.push_back(Aberration("ears_c2", "articles", day.AddDays(40)));
  const std::vector<Alert> alerts = RaiseAlerts(signals);
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(alerts[0].kind, "first_imported_case");
  const Alert& first = alerts[1];
  EXPECT_EQ(first.kind, "aberration");
  EXPECT_EQ(first.first_date, day) << "an alert starts on its first rise";
  EXPECT_EQ(first.raised, std::optional<Date>(day));
  EXPECT_EQ(first.last_date, day.AddDays(2));
  ASSERT_EQ(first.signals.size(), 4u);
  EXPECT_EQ(first.signals[0].method, "ears_c1") << "what led to it comes with it";
  EXPECT_EQ(first.methods, (std::vector<std::string>{"ears_c1", "cusum"}));
  EXPECT_EQ(first.baseline_observed, 5);
  EXPECT_EQ(first.severity, "medium");
  EXPECT_EQ(first.title, "Rise in cases of covid-19 in Heilongjiang (CN-HL)");
  EXPECT_NE(first.message.find("First: rise on 2020-04-10"), std::string::npos) << first.message;
  EXPECT_EQ(first.fact_ids, (std::vector<int64_t>{7, 11, 110, 112}));
  const Alert& second = alerts[2];
  EXPECT_EQ(second.first_date, day.AddDays(20));
  EXPECT_TRUE(second.methods.empty());
  EXPECT_EQ(second.baseline_observed, -1);
  EXPECT_EQ(second.severity, "medium");
  // The same signals, every aberration an alert: the minor activity too.
  EXPECT_EQ(MergeSignals(signals).size(), 4u);
}

TEST(RaiseAlerts, IdsAreStableAndSeverityNeedsMethodsOnBothMeasures) {
  const Date day{2020, 4, 10};
  std::vector<Signal> signals = {Rise(day), Aberration("ears_c1", "cases", day),
                                 Aberration("ears_c2", "cases", day),
                                 Aberration("epitweetr", "articles", day)};
  const std::vector<Alert> once = RaiseAlerts(signals);
  std::reverse(signals.begin(), signals.end());
  signals.push_back(Rise(day.AddDays(5)));  // a later rise extends the alert
  const std::vector<Alert> again = RaiseAlerts(signals);
  ASSERT_EQ(once.size(), 1u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(once[0].id, again[0].id);
  EXPECT_EQ(again[0].last_date, day.AddDays(5));
  EXPECT_EQ(once[0].severity, "high");
  // Rises on imported cases alone name them.
  Signal imported = Rise(day);
  imported.key.imported = true;
  EXPECT_EQ(RaiseAlerts({imported})[0].title,
            "Rise in imported cases of covid-19 in Heilongjiang (CN-HL)");
  EXPECT_EQ(FindAlerts({}, nullptr, SignalOptions()).size(), 0u);
}

TEST(AlertsToJson, ARiseSaysHowUnusualItsDayWas) {
  const nlohmann::json json = nlohmann::json::parse(AlertToJson(RaiseAlerts({Rise(Date{2020, 4, 10})})[0]));
  ASSERT_EQ(json["signals"].size(), 1u);
  const nlohmann::json& rise = json["signals"][0];
  EXPECT_EQ(rise["kind"], "rise");
  EXPECT_TRUE(rise["method"].is_null());
  EXPECT_EQ(rise["articles"], 4);
  EXPECT_EQ(rise["sources"], 3);
  EXPECT_EQ(rise["expected_articles"], 0.25);
  EXPECT_EQ(rise["chance"], 0.0001);
  EXPECT_EQ(rise["usual_week"], 1);
  EXPECT_EQ(rise["value"], 12);
  EXPECT_TRUE(rise["baseline_days"].is_null());
  EXPECT_TRUE(json["baseline_observed"].is_null());
  const nlohmann::json counts = nlohmann::json::parse(
      AlertToJson(RaiseAlerts({Rise(Date{2020, 4, 10}, "cases")})[0]))["signals"][0];
  EXPECT_TRUE(counts["articles"].is_null());
  EXPECT_TRUE(counts["chance"].is_null());
  EXPECT_EQ(counts["usual_week"], 1);
}

TEST(AlertsToJson, CarriesEverySignalWithItsBaseline) {
  const std::vector<Alert> alerts = MergeSignals(
      {Aberration("ears_c1", "cases", Date{2020, 4, 5}), Aberration("cusum", "articles",
                                                                    Date{2020, 4, 5})});
  const nlohmann::json json = nlohmann::json::parse(AlertsToJson(alerts));
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["id"], alerts[0].id);
  EXPECT_EQ(json[0]["severity"], "medium");
  EXPECT_EQ(json[0]["place"]["subdivision"], "CN-HL");
  EXPECT_EQ(json[0]["baseline_observed"], 5);
  ASSERT_EQ(json[0]["signals"].size(), 2u);
  for (const auto& signal : json[0]["signals"]) {
    EXPECT_EQ(signal["baseline_days"], 7);
    if (signal["measure"] == "cases") {
      EXPECT_EQ(signal["baseline_observed"], 5);
    } else {
      EXPECT_TRUE(signal["baseline_observed"].is_null());
    }
  }
}

}  // namespace
}  // namespace epiwire::signals
