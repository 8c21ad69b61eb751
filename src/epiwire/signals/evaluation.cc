// SPDX-License-Identifier: MIT
// The evaluation harness (see evaluation.h): the official series, the simulated
// news stream, the known events and the scores.
#include "epiwire/signals/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace epiwire::signals {
namespace {

// Days an alert may come before the onset it matches (reports round the onset day).
constexpr int64_t kEarlyDays = 3;
// How long after a first imported case an alert still counts as finding it.
constexpr int64_t kFirstImportDays = 14;
// A quiet day has no new case this many days either side.
constexpr int64_t kQuietMargin = 3;

// SplitMix64: a small generator whose output is the same on every platform (the
// standard distributions are not), so a seed gives the same stream everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // In [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // In [0, n).
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  // Knuth's multiplication method: fine for the small means used here.
  int Poisson(double mean) {
    const double limit = std::exp(-mean);
    int k = 0;
    for (double product = Uniform(); product > limit; product *= Uniform()) ++k;
    return k;
  }

 private:
  uint64_t state_;
};

std::string PlaceOf(const std::string& country, const std::string& subdivision) {
  return subdivision.empty() ? country : subdivision;
}

// The place's name for people (and for extraction, when the stream is written out).
std::string PlaceName(const OfficialSeries& series, const StreamOptions& options) {
  auto found = options.place_names.find(series.place);
  return found == options.place_names.end() ? series.place : found->second;
}

Place MakePlace(const OfficialSeries& series, const StreamOptions& options) {
  Place place;
  place.name = PlaceName(series, options);
  place.country = series.country;
  place.subdivision = series.subdivision;
  place.level = series.subdivision.empty() ? PlaceLevel::kCountry : PlaceLevel::kSubdivision;
  return place;
}

// One figure of an article.
struct Report {
  const OfficialSeries* series = nullptr;
  Date day;        // the day the figure is for
  Date published;  // when the article came out
  Aggregation aggregation = Aggregation::kNew;
  int64_t count = 0;
};

// An article on one place and day: the figure of all cases, and the imported one.
struct Article {
  Date published;
  int outlet = 0;
  std::vector<Report> reports;
};

// A misread figure: a digit too many, a number near the true one, or the other
// figure of the day (the running total read as the day's new cases, or the reverse).
int64_t Misread(int64_t count, int64_t other, Random& random) {
  const int kind = count > 0 ? random.Below(3) : 2;
  if (kind == 0) return count * 10 + random.Below(10);
  if (kind == 1) {
    const int64_t spread = std::max<int64_t>(count / 2, 1);
    return std::max<int64_t>(0, count - spread + random.Below(static_cast<int>(2 * spread + 1)));
  }
  return other;
}

std::string Quote(const Report& report, const StreamOptions& options) {
  std::string what = report.series->imported ? " imported case" : " case";
  if (report.count != 1) what += "s";
  return PlaceName(*report.series, options) + " reported " + std::to_string(report.count) +
         (report.aggregation == Aggregation::kNew ? " new" + what + " of COVID-19 on "
                                                  : what + " of COVID-19 in total as of ") +
         report.day.ToIso() + ".";
}

// Trailing sums of the last `days` days ending at each index.
std::vector<int64_t> TrailingSums(const std::vector<int64_t>& values, size_t days) {
  std::vector<int64_t> sums(values.size(), 0);
  int64_t sum = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    sum += values[i];
    if (i >= days) sum -= values[i - days];
    sums[i] = sum;
  }
  return sums;
}

// Surge onsets and ends in one series (see TruthOptions).
std::vector<KnownEvent> Surges(const OfficialSeries& series, const TruthOptions& options) {
  std::vector<KnownEvent> out;
  const std::vector<int64_t>& x = series.new_cases;
  const std::vector<int64_t> weekly = TrailingSums(x, 7);
  const size_t history = static_cast<size_t>(std::max(options.history_days, 1));
  for (size_t t = history; t + 7 <= x.size(); ++t) {
    if (x[t] <= 0) continue;
    const int64_t ahead = weekly[t + 6];
    int64_t before = 0;
    for (size_t i = t - history; i < t; ++i) before += x[i];
    const double usual = static_cast<double>(before) * 7.0 / static_cast<double>(history);
    if (ahead < options.min_week ||
        static_cast<double>(ahead) < options.growth * usual + options.min_week / 2.0) {
      continue;
    }
    // Active while the weekly sum stays at a quarter of its peak and above min_week / 2.
    int64_t peak = 0;
    size_t end = t + 6;
    for (size_t j = t + 6; j < x.size(); ++j) {
      peak = std::max(peak, weekly[j]);
      if (4 * weekly[j] < peak || 2 * weekly[j] < options.min_week) break;
      end = j;
    }
    KnownEvent event;
    event.kind = "surge";
    event.place = series.place;
    event.series = series.imported ? "imported" : "all";
    event.onset = series.first.AddDays(static_cast<int64_t>(t));
    event.end = series.first.AddDays(static_cast<int64_t>(end));
    out.push_back(event);
    t = end;  // the next surge starts after this one
  }
  return out;
}

// New cases after a quiet stretch (see TruthOptions::min_cluster).
std::vector<KnownEvent> Clusters(const OfficialSeries& series, const TruthOptions& options) {
  std::vector<KnownEvent> out;
  const std::vector<int64_t>& x = series.new_cases;
  const size_t history = static_cast<size_t>(std::max(options.history_days, 1));
  size_t quiet = 0;  // days without a new case before t
  for (size_t t = 0; t < x.size(); ++t) {
    if (x[t] == 0) {
      ++quiet;
      continue;
    }
    int64_t week = 0;
    for (size_t i = t; i < x.size() && i < t + 7; ++i) week += x[i];
    if (quiet >= history && t >= history && week >= options.min_cluster) {
      const Date onset = series.first.AddDays(static_cast<int64_t>(t));
      out.push_back(KnownEvent{"cluster", series.place, "all", onset, onset.AddDays(kFirstImportDays)});
    }
    quiet = 0;
  }
  return out;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

bool Within(Date day, Date from, Date to) { return !(day < from) && !(to < day); }

// The window in which an alert matches an event.
std::pair<Date, Date> Window(const KnownEvent& event) {
  const Date end =
      event.kind == "surge" ? event.end : event.onset.AddDays(kFirstImportDays);
  return {event.onset.AddDays(-kEarlyDays), end};
}

std::string AlertPlace(const Alert& alert) {
  return PlaceOf(alert.key.country, alert.key.subdivision);
}

// Scores `alerts` against the events of `kinds` (recall) while any known event of the
// alert's place makes it a true alert (precision).
Score ScoreAlerts(const std::string& name, const std::vector<Alert>& alerts,
                  const std::vector<KnownEvent>& truth, const std::set<std::string>& kinds,
                  Date from, Date to, const std::map<std::string, std::set<int64_t>>& quiet) {
  Score score;
  score.name = name;
  for (const auto& [place, days] : quiet) score.quiet_days += static_cast<int64_t>(days.size());
  std::vector<std::vector<double>> delays(truth.size());
  for (const Alert& alert : alerts) {
    if (!Within(alert.first_date, from, to)) continue;
    ++score.alerts;
    bool matched = false;
    bool only_clusters = true;
    for (size_t e = 0; e < truth.size(); ++e) {
      const KnownEvent& event = truth[e];
      if (event.place != AlertPlace(alert)) continue;
      const auto [begin, end] = Window(event);
      if (!Within(alert.first_date, begin, end)) continue;
      matched = true;
      only_clusters = only_clusters && event.kind == "cluster";
      if (kinds.count(event.kind) == 0) continue;
      const Date raised = alert.raised.value_or(alert.first_date);
      delays[e].push_back(static_cast<double>(raised.ToDays() - event.onset.ToDays()));
    }
    if (matched) {
      ++score.true_alerts;
      if (only_clusters) ++score.cluster_alerts;
      continue;
    }
    auto days = quiet.find(AlertPlace(alert));
    if (days != quiet.end() && days->second.count(alert.first_date.ToDays()) > 0) {
      ++score.false_alerts;
    } else {
      ++score.minor_alerts;
    }
  }
  std::vector<double> first_delays;
  for (size_t e = 0; e < truth.size(); ++e) {
    if (kinds.count(truth[e].kind) == 0 || !Within(truth[e].onset, from, to)) continue;
    ++score.events;
    if (delays[e].empty()) continue;
    ++score.detected;
    first_delays.push_back(*std::min_element(delays[e].begin(), delays[e].end()));
  }
  if (score.alerts > 0) {
    score.precision =
        static_cast<double>(score.true_alerts) / static_cast<double>(score.alerts);
    score.strict_precision = static_cast<double>(score.true_alerts - score.cluster_alerts) /
                             static_cast<double>(score.alerts);
  }
  score.recall = score.events == 0 ? 0 : static_cast<double>(score.detected) /
                                             static_cast<double>(score.events);
  score.median_delay = Median(first_delays);
  score.false_per_1000 = score.quiet_days == 0 ? 0
                                               : 1000.0 * static_cast<double>(score.false_alerts) /
                                                     static_cast<double>(score.quiet_days);
  return score;
}

// The quiet days of each place in [from, to]: from the first day it is in the news
// (its first official row), outside every known event's window, and with no new case
// in the official series of all its cases within kQuietMargin days either side.
std::map<std::string, std::set<int64_t>> QuietDays(const std::vector<OfficialSeries>& official,
                                                   const std::vector<KnownEvent>& truth,
                                                   Date from, Date to) {
  std::map<std::string, std::set<int64_t>> quiet;
  for (const OfficialSeries& series : official) {
    if (series.imported) continue;  // all cases include the imported ones
    std::set<int64_t> busy;
    for (const KnownEvent& event : truth) {
      if (event.place != series.place) continue;
      const auto [begin, end] = Window(event);
      for (int64_t d = begin.ToDays(); d <= end.ToDays(); ++d) busy.insert(d);
    }
    const int64_t first = series.first.ToDays();
    for (size_t i = 0; i < series.new_cases.size(); ++i) {
      if (series.new_cases[i] == 0) continue;
      for (int64_t d = -kQuietMargin; d <= kQuietMargin; ++d) {
        busy.insert(first + static_cast<int64_t>(i) + d);
      }
    }
    std::set<int64_t>& days = quiet[series.place];
    const int64_t begin = std::max(first + static_cast<int64_t>(series.reported_from), from.ToDays());
    for (int64_t d = begin; d <= to.ToDays(); ++d) {
      if (busy.count(d) == 0) days.insert(d);
    }
  }
  return quiet;
}

}  // namespace

std::vector<OfficialSeries> GatherOfficial(const std::vector<store::OfficialValue>& values) {
  // place key -> day -> running total
  using Key = std::tuple<std::string, std::string, bool>;
  std::map<Key, std::map<int64_t, int64_t>> rows;
  std::optional<int64_t> first_imported;
  std::optional<int64_t> first_day;
  std::optional<int64_t> last_day;
  for (const store::OfficialValue& value : values) {
    if (value.status != CaseStatus::kConfirmed || value.imported == false) continue;
    const bool imported = value.imported == true;
    const int64_t day = value.date.ToDays();
    rows[{value.country, value.subdivision, imported}][day] = value.cumulative;
    if (imported && (!first_imported || day < *first_imported)) first_imported = day;
    if (!last_day || *last_day < day) last_day = day;
    if (!first_day || day < *first_day) first_day = day;
  }
  std::vector<OfficialSeries> out;
  for (const auto& [key, days] : rows) {
    OfficialSeries series;
    series.country = std::get<0>(key);
    series.subdivision = std::get<1>(key);
    series.imported = std::get<2>(key);
    series.place = PlaceOf(series.country, series.subdivision);
    // A place's rows start with its first case (imported cases were counted from one
    // day on): before, it had none. The series starts with those zeros, from the
    // file's first day (imported: the first day any place had a row of them).
    const int64_t begin = series.imported ? *first_imported : *first_day;
    series.first = Date::FromDays(begin);
    series.reported_from = static_cast<size_t>(days.begin()->first - begin);
    int64_t running = 0;
    auto next = days.begin();
    for (int64_t day = begin; day <= *last_day; ++day) {
      int64_t today = running;
      if (next != days.end() && next->first == day) {
        today = next->second;
        ++next;
      }
      series.new_cases.push_back(std::max<int64_t>(0, today - running));
      series.cumulative.push_back(today);
      running = today;
    }
    out.push_back(std::move(series));
  }
  return out;
}

SimulatedStream SimulateNews(const std::vector<OfficialSeries>& official,
                             const StreamOptions& options) {
  SimulatedStream stream;
  Random random(options.seed);
  // Each place's series of all cases and of imported cases.
  std::map<std::string, std::pair<const OfficialSeries*, const OfficialSeries*>> places;
  for (const OfficialSeries& series : official) {
    auto& pair = places[series.place];
    (series.imported ? pair.second : pair.first) = &series;
  }
  std::vector<Article> articles;
  for (const auto& [place, pair] : places) {
    const OfficialSeries* all = pair.first;
    const OfficialSeries* imported = pair.second;
    if (all == nullptr) continue;
    for (size_t i = all->reported_from; i < all->new_cases.size(); ++i) {
      const Date day = all->first.AddDays(static_cast<int64_t>(i));
      const double today = static_cast<double>(all->new_cases[i]);
      double before = 0;
      for (size_t j = i >= 14 ? i - 14 : 0; j < i; ++j) {
        before += static_cast<double>(all->new_cases[j]);
      }
      before /= 14;
      const double mean = options.quiet_rate + options.case_rate * std::log1p(today) +
                          options.rise_rate * std::max(0.0, std::log((1 + today) / (1 + before)));
      // The imported series' index of this day, when the place had rows of them.
      const int64_t at = imported ? day.ToDays() - imported->first.ToDays() : -1;
      const bool has_imported = imported && at >= static_cast<int64_t>(imported->reported_from) &&
                                at < static_cast<int64_t>(imported->new_cases.size());
      const int count = random.Poisson(mean);
      for (int a = 0; a < count; ++a) {
        Article article;
        double delay = random.Uniform();
        int days_late = 0;
        while (days_late < 2 && delay >= options.delay_shares[days_late]) {
          delay -= options.delay_shares[days_late];
          ++days_late;
        }
        article.published = day.AddDays(days_late);
        article.outlet = random.Below(std::max(options.outlets, 1));
        const bool cumulative = random.Uniform() < options.cumulative_share;
        // The day's figure of all cases, and the imported one when there are imported
        // cases that day (or, on half the articles, when the place counts them at all).
        const auto add = [&](const OfficialSeries& series, size_t index) {
          Report report;
          report.series = &series;
          report.day = day;
          report.published = article.published;
          report.aggregation = cumulative ? Aggregation::kCumulative : Aggregation::kNew;
          report.count = cumulative ? series.cumulative[index] : series.new_cases[index];
          if (random.Uniform() < options.wrong_share) {
            report.count = Misread(report.count,
                                   cumulative ? series.new_cases[index] : series.cumulative[index],
                                   random);
            ++stream.wrong_figures;
          }
          article.reports.push_back(report);
        };
        add(*all, i);
        if (has_imported) {
          const size_t index = static_cast<size_t>(at);
          if (imported->new_cases[index] > 0 || random.Uniform() < 0.5) add(*imported, index);
        }
        if (articles.empty() || article.published < stream.first) stream.first = article.published;
        if (articles.empty() || stream.last < article.published) stream.last = article.published;
        articles.push_back(std::move(article));
      }
    }
  }
  // The store's facts: one per figure key and count, each article a source.
  std::map<std::pair<std::string, int64_t>, size_t> fact_index;
  for (size_t r = 0; r < articles.size(); ++r) {
    const Article& article = articles[r];
    char id[32];
    std::snprintf(id, sizeof id, "sim-%06zu", r + 1);
    char outlet[32];
    std::snprintf(outlet, sizeof outlet, "outlet-%02d.example", article.outlet + 1);
    stream.source_of[id] = outlet;
    for (size_t f = 0; f < article.reports.size(); ++f) {
      const Report& report = article.reports[f];
      Event event;
      event.type = EventType::kCases;
      event.disease = "covid-19";
      event.place = MakePlace(*report.series, options);
      event.count = report.count;
      event.aggregation = report.aggregation;
      if (report.series->imported) event.imported = true;
      event.period = report.aggregation == Aggregation::kNew ? Period::Day(report.day)
                                                             : Period{std::nullopt, report.day};
      event.evidence.quote = Quote(report, options);
      event.evidence.end = event.evidence.quote.size();
      const std::string key = FactKey(event);
      auto [it, inserted] =
          fact_index.emplace(std::make_pair(key, report.count), stream.facts.size());
      if (inserted) {
        Fact fact;
        fact.id = static_cast<int64_t>(stream.facts.size()) + 1;
        fact.key = key;
        fact.event = event;
        stream.facts.push_back(std::move(fact));
      }
      stream.facts[it->second].sources.push_back(
          FactSource{id, static_cast<int>(f), event.evidence, article.published});
    }
  }
  stream.articles = articles.size();
  return stream;
}

std::vector<KnownEvent> KnownEvents(const std::vector<OfficialSeries>& official,
                                    const TruthOptions& options) {
  std::map<std::string, std::vector<KnownEvent>> surges;  // by place
  std::vector<KnownEvent> out;
  for (const OfficialSeries& series : official) {
    for (KnownEvent& event : Surges(series, options)) surges[series.place].push_back(event);
    if (!series.imported) {
      for (const KnownEvent& cluster : Clusters(series, options)) out.push_back(cluster);
      continue;
    }
    if (series.subdivision.empty()) continue;
    // The first imported case, when a day without any precedes it (else it happened
    // before the series began).
    for (size_t i = 0; i < series.cumulative.size(); ++i) {
      if (series.cumulative[i] <= 0) continue;
      if (i > 0) {
        const Date onset = series.first.AddDays(static_cast<int64_t>(i));
        out.push_back(KnownEvent{"first_imported_case", series.place, "imported", onset,
                                 onset.AddDays(kFirstImportDays)});
      }
      break;
    }
  }
  // A surge in imported cases and one in all cases of the same place that overlap are
  // one event.
  for (auto& [place, events] : surges) {
    std::sort(events.begin(), events.end(),
              [](const KnownEvent& a, const KnownEvent& b) { return a.onset < b.onset; });
    std::vector<KnownEvent> merged;
    for (const KnownEvent& event : events) {
      if (!merged.empty() && !(merged.back().end < event.onset.AddDays(-kEarlyDays))) {
        merged.back().end = std::max(merged.back().end, event.end);
        continue;
      }
      merged.push_back(event);
    }
    out.insert(out.end(), merged.begin(), merged.end());
  }
  // A cluster that starts a surge is that surge.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const KnownEvent& cluster) {
                             if (cluster.kind != "cluster") return false;
                             for (const KnownEvent& surge : surges[cluster.place]) {
                               const auto [begin, end] = Window(surge);
                               if (Within(cluster.onset, begin, end)) return true;
                             }
                             return false;
                           }),
            out.end());
  std::sort(out.begin(), out.end(), [](const KnownEvent& a, const KnownEvent& b) {
    return std::tie(a.onset, a.place, a.kind) < std::tie(b.onset, b.place, b.kind);
  });
  return out;
}

namespace {

// The scored period: from the first day any place is in the news, after the
// history a surge needs, to the last publication.
void SetPeriod(const std::vector<OfficialSeries>& official, Date first, Date last,
               const TruthOptions& truth, Evaluation& evaluation) {
  for (const OfficialSeries& series : official) {
    first = std::min(first, series.first.AddDays(static_cast<int64_t>(series.reported_from)));
  }
  evaluation.from = first.AddDays(truth.history_days);
  evaluation.to = last;
}

void ScoreFacts(const std::vector<OfficialSeries>& official, const std::vector<Fact>& facts,
                const series::SourceFunction& source_of, const SignalOptions& signal_options,
                Evaluation& evaluation);

}  // namespace

Evaluation Evaluate(const std::vector<store::OfficialValue>& values, const StreamOptions& stream,
                    const TruthOptions& truth, const SignalOptions& signal_options) {
  Evaluation evaluation;
  const std::vector<OfficialSeries> official = GatherOfficial(values);
  evaluation.stream = SimulateNews(official, stream);
  evaluation.truth = KnownEvents(official, truth);
  const SimulatedStream& news = evaluation.stream;
  SetPeriod(official, news.first, news.last, truth, evaluation);
  const auto source_of = [&news](const std::string& id) {
    auto found = news.source_of.find(id);
    return found == news.source_of.end() ? std::string() : found->second;
  };
  ScoreFacts(official, news.facts, source_of, signal_options, evaluation);
  return evaluation;
}

Evaluation EvaluateFacts(const std::vector<store::OfficialValue>& values,
                         const std::vector<Fact>& facts, const series::SourceFunction& source_of,
                         const TruthOptions& truth, const SignalOptions& signal_options) {
  Evaluation evaluation;
  const std::vector<OfficialSeries> official = GatherOfficial(values);
  evaluation.truth = KnownEvents(official, truth);
  std::optional<Date> first;
  std::optional<Date> last;
  for (const Fact& fact : facts) {
    for (const FactSource& source : fact.sources) {
      if (!source.published) continue;
      if (!first || *source.published < *first) first = source.published;
      if (!last || *last < *source.published) last = source.published;
    }
  }
  if (!first) return evaluation;
  SetPeriod(official, *first, *last, truth, evaluation);
  ScoreFacts(official, facts, source_of, signal_options, evaluation);
  return evaluation;
}

namespace {

void ScoreFacts(const std::vector<OfficialSeries>& official, const std::vector<Fact>& facts,
                const series::SourceFunction& source_of, const SignalOptions& signal_options,
                Evaluation& evaluation) {
  const std::vector<Signal> found = FindSignals(
      series::BuildSeries(facts),
      signal_options.volume ? series::BuildVolumeSeries(facts, source_of)
                            : std::vector<series::VolumeSeries>(),
      facts, signal_options);
  evaluation.alerts = RaiseAlerts(found);
  const auto quiet = QuietDays(official, evaluation.truth, evaluation.from, evaluation.to);
  const auto score_subset = [&](const std::string& name, const auto& keep) {
    std::vector<Signal> subset;
    for (const Signal& signal : found) {
      if (signal.kind == "aberration" && keep(signal)) subset.push_back(signal);
    }
    return ScoreAlerts(name, MergeSignals(subset), evaluation.truth, {"surge"}, evaluation.from,
                       evaluation.to, quiet);
  };
  for (Method method : signal_options.methods) {
    evaluation.scores.push_back(score_subset(
        MethodName(method), [&](const Signal& signal) { return signal.method == MethodName(method); }));
  }
  evaluation.scores.push_back(
      score_subset("cases only", [](const Signal& signal) { return signal.measure == "cases"; }));
  evaluation.scores.push_back(score_subset(
      "articles only", [](const Signal& signal) { return signal.measure == "articles"; }));
  evaluation.scores.push_back(score_subset("any method", [](const Signal&) { return true; }));
  std::vector<Alert> first_imports;
  std::vector<Alert> rises;
  for (const Alert& alert : evaluation.alerts) {
    if (alert.kind == "first_imported_case") first_imports.push_back(alert);
    if (alert.kind == "aberration") rises.push_back(alert);
  }
  evaluation.scores.push_back(ScoreAlerts("merged", rises, evaluation.truth, {"surge"},
                                          evaluation.from, evaluation.to, quiet));
  evaluation.scores.push_back(ScoreAlerts("first imported case", first_imports, evaluation.truth,
                                          {"first_imported_case"}, evaluation.from,
                                          evaluation.to, quiet));
  std::vector<Alert> all;
  for (const Alert& alert : evaluation.alerts) {
    if (alert.kind != "new_importation_route") all.push_back(alert);
  }
  for (const KnownEvent& event : evaluation.truth) {
    std::optional<Date> first;
    const std::string kind = event.kind == "surge" ? "aberration" : event.kind;
    const auto [begin, end] = Window(event);
    for (const Alert& alert : evaluation.alerts) {
      if (alert.kind != kind || AlertPlace(alert) != event.place ||
          !Within(alert.first_date, begin, end)) {
        continue;
      }
      const Date raised = alert.raised.value_or(alert.first_date);
      if (!first || raised < *first) first = raised;
    }
    evaluation.found.push_back(first);
  }
  evaluation.scores.push_back(ScoreAlerts("all alerts", all, evaluation.truth,
                                          {"surge", "first_imported_case"}, evaluation.from,
                                          evaluation.to, quiet));
}

}  // namespace

std::string StreamToJsonLines(const SimulatedStream& stream) {
  struct Line {
    Date published;
    std::string id;
    std::string text;
  };
  // An article's sentences in their order.
  std::map<std::string, std::map<int, std::pair<Date, std::string>>> articles;
  for (const Fact& fact : stream.facts) {
    for (const FactSource& source : fact.sources) {
      articles[source.document_id][source.event_index] = {source.published.value_or(Date{}),
                                                          source.evidence.quote};
    }
  }
  std::vector<Line> lines;
  for (const auto& [id, sentences] : articles) {
    Line line{sentences.begin()->second.first, id, ""};
    for (const auto& [index, sentence] : sentences) {
      line.text += (line.text.empty() ? "" : " ") + sentence.second;
    }
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.published, a.id) < std::tie(b.published, b.id);
  });
  std::string out;
  for (const Line& line : lines) {
    auto outlet = stream.source_of.find(line.id);
    nlohmann::json record = {
        {"id", line.id},
        {"published", line.published.ToIso()},
        {"url", "https://" + (outlet == stream.source_of.end() ? std::string("news.example")
                                                               : outlet->second) +
                    "/" + line.id},
        {"text", line.text}};
    out += record.dump() + "\n";
  }
  return out;
}

std::string ScoreTable(const Evaluation& evaluation, const std::string& format) {
  const bool markdown = format == "markdown";
  std::string out;
  char line[320];
  if (markdown) {
    out += "| alerts of | alerts | on known events | of them on clusters only | on minor activity "
           "| precision | strict precision | events | found | recall | median delay (days) "
           "| false in quiet | quiet place-days | false per 1,000 |\n";
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  } else {
    std::snprintf(line, sizeof line,
                  "%-20s %6s %5s %7s %5s %9s %6s %6s %5s %6s %6s %6s %6s %8s\n", "alerts of",
                  "alerts", "true", "cluster", "minor", "precision", "strict", "events", "found",
                  "recall", "delay", "false", "quiet", "false/1k");
    out += line;
  }
  for (const Score& s : evaluation.scores) {
    std::snprintf(
        line, sizeof line,
        markdown ? "| %s | %zu | %zu | %zu | %zu | %.2f | %.2f | %zu | %zu | %.2f | %.1f | %zu | "
                   "%lld | %.2f |\n"
                 : "%-20s %6zu %5zu %7zu %5zu %9.2f %6.2f %6zu %5zu %6.2f %6.1f %6zu %6lld %8.2f\n",
        s.name.c_str(), s.alerts, s.true_alerts, s.cluster_alerts, s.minor_alerts, s.precision,
        s.strict_precision, s.events, s.detected, s.recall, s.median_delay, s.false_alerts,
        static_cast<long long>(s.quiet_days), s.false_per_1000);
    out += line;
  }
  return out;
}

}  // namespace epiwire::signals
