// SPDX-License-Identifier: MIT
#include "epiwire/signals/evaluation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace epiwire::signals {
namespace {

Date Day(int month, int day) { return Date{2020, month, day}; }

// Running totals from daily new cases, one official row a day from `first`.
void AddRows(const std::string& subdivision, std::optional<bool> imported, Date first,
             const std::vector<int64_t>& new_cases, std::vector<store::OfficialValue>& out) {
  int64_t total = 0;
  for (size_t i = 0; i < new_cases.size(); ++i) {
    total += new_cases[i];
    store::OfficialValue value;
    value.country = "CN";
    value.subdivision = subdivision;
    value.place_name = subdivision;
    value.date = first.AddDays(static_cast<int64_t>(i));
    value.cumulative = total;
    value.imported = imported;
    value.source = "test.csv";
    out.push_back(value);
  }
}

// Two provinces over March and April: Heilongjiang quiet, then a surge of imported
// cases from April 1; Inner Mongolia quiet throughout but for one case.
std::vector<store::OfficialValue> Provinces() {
  std::vector<int64_t> surge(61, 0);
  const int64_t april[] = {4, 1, 2, 13, 20, 20, 25, 40, 28, 22, 21, 49, 79, 14, 16, 8, 13};
  for (size_t i = 0; i < std::size(april); ++i) surge[31 + i] = april[i];
  std::vector<int64_t> quiet(61, 0);
  quiet[40] = 1;
  std::vector<store::OfficialValue> values;
  AddRows("CN-HL", std::nullopt, Day(3, 1), surge, values);
  AddRows("CN-HL", true, Day(3, 1), surge, values);
  AddRows("CN-NM", std::nullopt, Day(3, 1), quiet, values);
  return values;
}

TEST(GatherOfficial, MakesDailySeriesFromRunningTotals) {
  std::vector<store::OfficialValue> values;
  AddRows("CN-HL", std::nullopt, Day(3, 1), {1, 0, 2}, values);
  AddRows("CN-HL", true, Day(3, 2), {0, 2}, values);
  values.erase(values.begin() + 1);  // a day without a row carries the total over
  store::OfficialValue deaths = values.front();
  deaths.status = CaseStatus::kDeaths;
  values.push_back(deaths);  // only confirmed cases are read
  const std::vector<OfficialSeries> series = GatherOfficial(values);
  ASSERT_EQ(series.size(), 2u);
  EXPECT_FALSE(series[0].imported);
  EXPECT_EQ(series[0].place, "CN-HL");
  EXPECT_EQ(series[0].first, Day(3, 1));
  EXPECT_EQ(series[0].new_cases, (std::vector<int64_t>{1, 0, 2}));
  EXPECT_EQ(series[0].cumulative, (std::vector<int64_t>{1, 1, 3}));
  EXPECT_TRUE(series[1].imported);
  EXPECT_EQ(series[1].first, Day(3, 2));
  EXPECT_EQ(series[1].new_cases, (std::vector<int64_t>{0, 2}));
}

TEST(KnownEvents, FindsSurgeOnsetsFirstImportedCasesAndClusters) {
  const std::vector<OfficialSeries> official = GatherOfficial(Provinces());
  const std::vector<KnownEvent> truth = KnownEvents(official, TruthOptions());
  ASSERT_EQ(truth.size(), 2u);
  // The surges of all and of imported cases are one event; one case is no cluster.
  EXPECT_EQ(truth[0].kind, "first_imported_case");
  EXPECT_EQ(truth[0].place, "CN-HL");
  EXPECT_EQ(truth[0].onset, Day(4, 1));
  EXPECT_EQ(truth[1].kind, "surge");
  EXPECT_EQ(truth[1].onset, Day(4, 1));
  EXPECT_LT(Day(4, 10), truth[1].end);
  TruthOptions clusters;
  clusters.min_cluster = 1;
  const std::vector<KnownEvent> more = KnownEvents(official, clusters);
  ASSERT_EQ(more.size(), 3u);
  EXPECT_EQ(more[2].kind, "cluster");
  EXPECT_EQ(more[2].place, "CN-NM");
  EXPECT_EQ(more[2].onset, Day(4, 10));
}

TEST(SimulateNews, IsTheSameStreamForTheSameSeed) {
  const std::vector<OfficialSeries> official = GatherOfficial(Provinces());
  StreamOptions options;
  const SimulatedStream once = SimulateNews(official, options);
  const SimulatedStream again = SimulateNews(official, options);
  EXPECT_EQ(StreamToJsonLines(once), StreamToJsonLines(again));
  options.seed += 1;
  EXPECT_NE(StreamToJsonLines(SimulateNews(official, options)), StreamToJsonLines(once));
  EXPECT_GT(once.articles, 20u);
  EXPECT_EQ(once.source_of.size(), once.articles);
  for (const Fact& fact : once.facts) {
    const Date day = *fact.event.period->end;
    for (const FactSource& source : fact.sources) {
      const int64_t late = source.published->ToDays() - day.ToDays();
      EXPECT_TRUE(late >= 0 && late <= 2) << fact.key;
    }
  }
  // Each line is a document ingest can read.
  std::istringstream lines(StreamToJsonLines(once));
  std::string line;
  size_t count = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    EXPECT_TRUE(record["text"].is_string());
    EXPECT_EQ(record["url"].get<std::string>().rfind("https://outlet-", 0), 0u);
    ++count;
  }
  EXPECT_EQ(count, once.articles);
}

TEST(SimulateNews, ReportsMoreWhenCountsRise) {
  const std::vector<OfficialSeries> official = GatherOfficial(Provinces());
  const SimulatedStream stream = SimulateNews(official, StreamOptions());
  size_t quiet = 0;
  size_t surge = 0;
  for (const Fact& fact : stream.facts) {
    if (fact.event.place->subdivision != "CN-HL" || fact.event.imported) continue;
    const Date day = *fact.event.period->end;
    (day < Day(4, 1) ? quiet : surge) += fact.sources.size();
  }
  // 31 quiet days against 17 days of surge.
  EXPECT_GT(surge, 2 * quiet);
}

TEST(Evaluate, ScoresEachMethodAndTheMergedAlerts) {
  const Evaluation evaluation =
      Evaluate(Provinces(), StreamOptions(), TruthOptions(), SignalOptions());
  ASSERT_EQ(evaluation.found.size(), evaluation.truth.size());
  std::vector<std::string> names;
  for (const Score& score : evaluation.scores) {
    names.push_back(score.name);
    EXPECT_GE(score.precision, score.strict_precision);
    EXPECT_LE(score.true_alerts, score.alerts);
    EXPECT_LE(score.detected, score.events);
    EXPECT_GT(score.quiet_days, 0);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"ears_c1", "ears_c2", "ears_c3", "cusum",
                                             "epitweetr", "cases only", "articles only",
                                             "any method", "merged", "first imported case",
                                             "all alerts"}));
  // The surge of Heilongjiang is found within days.
  for (size_t i = 0; i < evaluation.truth.size(); ++i) {
    if (evaluation.truth[i].kind != "surge") continue;
    ASSERT_TRUE(evaluation.found[i].has_value());
    EXPECT_LE(evaluation.found[i]->ToDays() - evaluation.truth[i].onset.ToDays(), 5);
  }
  const std::string table = ScoreTable(evaluation, "markdown");
  EXPECT_EQ(table.rfind("| alerts of | alerts |", 0), 0u);
  EXPECT_NE(table.find("| merged |"), std::string::npos);
}

TEST(EvaluateFacts, ScoresAStoreOfTheStreamAsTheStreamItself) {
  const Evaluation simulated =
      Evaluate(Provinces(), StreamOptions(), TruthOptions(), SignalOptions());
  const SimulatedStream& stream = simulated.stream;
  const Evaluation stored = EvaluateFacts(
      Provinces(), stream.facts,
      [&](const std::string& id) { return stream.source_of.at(id); }, TruthOptions(),
      SignalOptions());
  EXPECT_EQ(ScoreTable(stored, "text"), ScoreTable(simulated, "text"));
  EXPECT_TRUE(stored.stream.facts.empty());
  EXPECT_TRUE(
      EvaluateFacts(Provinces(), {}, nullptr, TruthOptions(), SignalOptions()).scores.empty());
}

}  // namespace
}  // namespace epiwire::signals
