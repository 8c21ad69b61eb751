// SPDX-License-Identifier: MIT
// Rises (see RiseOptions in signals.h): the days a place has both evidence that the
// day is unusual -- a burst of reporting against the place's own history, or an
// aberration on reported counts -- and enough new cases reported in the week.
// Tested by signals_test.cc; measured by evaluation.cc.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "epiwire/signals/rises.h"
#include "epiwire/signals/statistics.h"
#include "epiwire/signals/wording.h"

namespace epiwire::signals {
namespace {

// A place (country and subdivision; a city joins its subdivision) and disease, with
// its imported cases apart.
using PlaceKind = std::tuple<std::string, std::string, std::string, bool>;

PlaceKind KindOf(const series::SeriesKey& key) {
  return {key.disease, key.country, key.subdivision, key.imported == true};
}

// What makes a day unusual in one place.
struct Evidence {
  std::optional<Date> known_by;  // when all of it was published
  const series::VolumeSeries* volume = nullptr;  // a burst
  size_t volume_index = 0;
  double expected = 0;
  double chance = 1;
  std::vector<const Signal*> aberrations;  // of the methods
};

// The new cases reported in the week to a day and in a usual week, as known by a day.
struct Week {
  int64_t cases = 0;
  double usual = 0;
};

Week CaseWeek(const series::DailySeries& one, Date day, Date known_by, const RiseOptions& options) {
  Week week;
  if (one.points.empty()) return week;
  const int64_t first = one.points.front().date.ToDays();
  const int64_t at = day.ToDays() - first;
  const int64_t week_days = std::max(options.week_days, 1);
  const int64_t usual_days = std::max(options.usual_days, 0);
  const auto value = [&](int64_t i) -> std::optional<int64_t> {
    if (i < 0 || i >= static_cast<int64_t>(one.points.size())) return std::nullopt;
    const series::DailyPoint& point = one.points[static_cast<size_t>(i)];
    if (point.multi_day) return std::nullopt;
    // A figure later found wrong still counted until that was known.
    if (point.dropped && point.dropped->dropped_on && known_by < *point.dropped->dropped_on) {
      const std::optional<Date>& known_on = point.dropped->known_on;
      if (known_on && known_by < *known_on) return std::nullopt;
      return point.dropped->count;
    }
    if (!point.new_count) return std::nullopt;
    if (point.known_on && known_by < *point.known_on) return std::nullopt;
    return *point.new_count;
  };
  for (int64_t i = at - week_days + 1; i <= at; ++i) {
    if (std::optional<int64_t> v = value(i)) week.cases += *v;
  }
  int64_t sum = 0;
  int values = 0;
  for (int64_t i = at - week_days - usual_days + 1; i <= at - week_days; ++i) {
    if (std::optional<int64_t> v = value(i)) {
      sum += *v;
      ++values;
    }
  }
  if (values > 0 && values >= options.min_usual_values) {
    week.usual = static_cast<double>(sum) / values * static_cast<double>(week_days);
  }
  return week;
}

// "0.0004", "3e-06".
std::string Chance(double p) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1g", p);
  return buffer;
}

// Bursts of reporting in one volume series, added to `evidence` by day.
void AddBursts(const series::VolumeSeries& volume, const RiseOptions& options,
               std::map<int64_t, Evidence>& evidence) {
  const size_t history = static_cast<size_t>(std::max(options.history_days, 1));
  const double prior_articles = options.prior_rate * options.prior_days;
  int64_t sum = 0;  // articles of the history window
  for (size_t i = 0; i < volume.points.size(); ++i) {
    if (i > history) sum -= volume.points[i - history - 1].articles;
    const size_t days = std::min(i, history);
    const series::VolumePoint& point = volume.points[i];
    if (i > 0) sum += volume.points[i - 1].articles;
    if (point.articles < options.min_articles || point.sources < options.min_sources) continue;
    // Gamma(prior + articles, prior_days + days) for the daily rate: the next day's
    // count is negative binomial with that shape and mean.
    const double shape = prior_articles + static_cast<double>(sum);
    const double expected = shape / (options.prior_days + static_cast<double>(days));
    const double chance = NegativeBinomialUpperTail(point.articles, expected, shape);
    if (!(chance < options.alpha)) continue;
    Evidence& day = evidence[point.date.ToDays()];
    day.volume = &volume;
    day.volume_index = i;
    day.expected = expected;
    day.chance = chance;
    day.known_by = point.date;
  }
}

std::string EvidenceText(const Evidence& evidence, Date date) {
  std::string text;
  if (evidence.volume != nullptr) {
    const series::VolumePoint& point = evidence.volume->points[evidence.volume_index];
    text = std::to_string(point.articles) + " articles from " + std::to_string(point.sources) +
           " sources on " + date.ToIso() + " where " + Number(std::round(evidence.expected * 100) / 100) +
           " a day were usual (chance " + Chance(evidence.chance) + ")";
  }
  std::set<Method> methods;
  for (const Signal* signal : evidence.aberrations) {
    if (std::optional<Method> method = ParseMethod(signal->method)) methods.insert(*method);
  }
  if (!methods.empty()) {
    std::string names;
    for (Method method : methods) names += (names.empty() ? "" : ", ") + MethodTitle(method);
    text += (text.empty() ? "" : "; ") + names + " on the counts of " + date.ToIso();
  }
  return text;
}

}  // namespace

std::vector<Signal> FindRises(const std::vector<series::DailySeries>& series,
                              const std::vector<series::VolumeSeries>& volume,
                              const std::vector<Signal>& aberrations, const RiseOptions& options) {
  std::vector<Signal> out;
  if (!options.enabled) return out;
  std::map<PlaceKind, std::map<int64_t, Evidence>> evidence;
  if (options.reporting_bursts) {
    for (const series::VolumeSeries& one : volume) AddBursts(one, options, evidence[KindOf(one.key)]);
  }
  for (const Signal& signal : aberrations) {
    if (signal.kind != "aberration") continue;
    const bool counts = signal.measure == "cases";
    if (counts ? !options.count_aberrations : !options.article_aberrations) continue;
    Evidence& day = evidence[KindOf(signal.key)][signal.date.ToDays()];
    day.aberrations.push_back(&signal);
    const Date known = signal.published.value_or(signal.date);
    if (!day.known_by || known < *day.known_by) day.known_by = known;
  }
  // The case series of each place and disease that can rise.
  std::map<PlaceKind, std::vector<const series::DailySeries*>> counts;
  for (const series::DailySeries& one : series) {
    if (one.key.status == CaseStatus::kRecovered || one.key.status == CaseStatus::kTested) continue;
    counts[KindOf(one.key)].push_back(&one);
  }
  for (const auto& [kind, days] : evidence) {
    auto found = counts.find(kind);
    if (found == counts.end()) continue;
    for (const auto& [day_number, day] : days) {
      const Date date = Date::FromDays(day_number);
      // The burst's own day (known that day) or the aberration's publication.
      const Date known_by = day.known_by.value_or(date);
      // The series whose week rose most above what it needed.
      const series::DailySeries* best = nullptr;
      Week best_week;
      double best_margin = 0;
      for (const series::DailySeries* one : found->second) {
        Week week = CaseWeek(*one, date, known_by, options);
        const double needed = options.min_cases + options.growth * week.usual;
        const double margin = static_cast<double>(week.cases) - needed;
        if (margin < 0 || (best != nullptr && margin <= best_margin)) continue;
        best = one;
        best_week = std::move(week);
        best_margin = margin;
      }
      if (best == nullptr) continue;
      Signal signal;
      signal.kind = "rise";
      signal.measure = day.volume != nullptr ? "articles" : "cases";
      signal.key = best->key;
      signal.date = date;
      signal.published = known_by;
      signal.value = static_cast<double>(best_week.cases);
      signal.threshold = options.min_cases + options.growth * best_week.usual;
      signal.usual_week = best_week.usual;
      // The reports of the day itself come with it (the message gives the week).
      std::set<int64_t> facts;
      const int64_t at = date.ToDays() - best->points.front().date.ToDays();
      if (at >= 0 && at < static_cast<int64_t>(best->points.size())) {
        const std::vector<int64_t>& ids = best->points[static_cast<size_t>(at)].fact_ids;
        facts.insert(ids.begin(), ids.end());
      }
      if (day.volume != nullptr) {
        const series::VolumePoint& point = day.volume->points[day.volume_index];
        signal.articles = point.articles;
        signal.sources = point.sources;
        signal.expected_articles = day.expected;
        signal.chance = day.chance;
        signal.document_ids = point.document_ids;
        facts.insert(point.fact_ids.begin(), point.fact_ids.end());
      }
      for (const Signal* aberration : day.aberrations) {
        facts.insert(aberration->fact_ids.begin(), aberration->fact_ids.end());
      }
      signal.fact_ids.assign(facts.begin(), facts.end());
      signal.message = "Rise: " + EvidenceText(day, date) + "; " +
                       Number(signal.value) + " new " + WhatCounted(signal.key) + " in " +
                       SeriesPlace(signal.key) + " reported in the week to " + date.ToIso() +
                       " (a usual week: " + Number(std::round(best_week.usual * 10) / 10) + ")";
      out.push_back(std::move(signal));
    }
  }
  return out;
}

}  // namespace epiwire::signals
