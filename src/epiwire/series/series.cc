// SPDX-License-Identifier: MIT
// BuildSeries and the CSV/JSON renderings of series. Tested by series_test.cc.
#include "epiwire/series/series.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace epiwire::series {
namespace {

// Orders series: country, subdivision, place, geonameid, disease, status, imported.
using SortKey = std::tuple<std::string, std::string, std::string, int64_t, std::string, int, int>;

SortKey MakeSortKey(const SeriesKey& key) {
  const int imported = key.imported.has_value() ? (*key.imported ? 2 : 1) : 0;
  return {key.country,   key.subdivision, key.place_name,
          key.geonameid, key.disease,     static_cast<int>(key.status),
          imported};
}

SeriesKey KeyOf(const Event& event) {
  SeriesKey key;
  if (event.place) {
    key.place_name = event.place->name;
    key.country = event.place->country;
    key.subdivision = event.place->subdivision;
    key.geonameid = event.place->geonameid;
    key.level = event.place->level;
  }
  key.disease = event.disease;
  key.status = event.status;
  key.imported = event.imported;
  return key;
}

// What the facts of one series say about one day.
struct DayFacts {
  // "new" figures by FactKey: the largest count among conflicting readings.
  std::map<std::string, int64_t> new_by_key;
  std::optional<int64_t> cumulative;
  std::set<int64_t> fact_ids;
  bool multi_day = false;
};

struct Gathered {
  SeriesKey key;
  std::map<int64_t, DayFacts> days;  // by Date::ToDays()
};

void AddFact(const Fact& fact, Date day, DayFacts& facts) {
  const Event& event = fact.event;
  facts.fact_ids.insert(fact.id);
  if (*event.aggregation == Aggregation::kCumulative) {
    facts.cumulative = std::max(facts.cumulative.value_or(event.count), event.count);
    return;
  }
  auto [it, inserted] = facts.new_by_key.emplace(fact.key, event.count);
  if (!inserted) it->second = std::max(it->second, event.count);
  if (event.period && event.period->start && *event.period->start < day) facts.multi_day = true;
}

// Turns the facts of one series into one point a day, first to last.
DailySeries MakeSeries(Gathered gathered) {
  DailySeries series;
  series.key = std::move(gathered.key);
  const int64_t last = gathered.days.rbegin()->first;
  // A stray date years away must not make a series of millions of days.
  const int64_t first = std::max(gathered.days.begin()->first, last - (kMaxSeriesDays - 1));
  series.points.resize(static_cast<size_t>(last - first + 1));
  std::optional<size_t> previous_cumulative;  // index of the last reported cumulative figure
  for (size_t i = 0; i < series.points.size(); ++i) {
    DailyPoint& point = series.points[i];
    point.date = Date::FromDays(first + static_cast<int64_t>(i));
    auto found = gathered.days.find(first + static_cast<int64_t>(i));
    if (found == gathered.days.end()) continue;
    DayFacts& facts = found->second;
    point.fact_ids.assign(facts.fact_ids.begin(), facts.fact_ids.end());
    point.multi_day = facts.multi_day;
    if (!facts.new_by_key.empty()) {
      int64_t sum = 0;
      for (const auto& [key, count] : facts.new_by_key) sum += count;
      point.new_count = sum;
    }
    if (!facts.cumulative) continue;
    point.cumulative = facts.cumulative;
    point.cumulative_reported = true;
    if (previous_cumulative) {
      const size_t from = *previous_cumulative;
      // Cases already counted by "new" figures inside the gap are not counted twice.
      int64_t rise = *point.cumulative - *series.points[from].cumulative;
      for (size_t j = from + 1; j < i; ++j) {
        rise -= series.points[j].new_count.value_or(0);
      }
      if (!point.new_count && rise >= 0) {
        point.new_count = rise;
        if (i - from > 1) point.multi_day = true;
      }
      for (size_t j = from + 1; j < i; ++j) {
        DailyPoint& between = series.points[j];
        if (!between.new_count) between.new_count = 0;
        between.cumulative = series.points[from].cumulative;
      }
    }
    previous_cumulative = i;
  }
  return series;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ';';
    out += std::to_string(ids[i]);
  }
  return out;
}

// Quotes a CSV cell when it holds a comma, quote or line break.
std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ImportedName(const std::optional<bool>& imported) {
  if (!imported) return "";
  return *imported ? "true" : "false";
}

}  // namespace

std::optional<Date> FactDay(const Fact& fact) {
  const Event& event = fact.event;
  if (event.period) {
    if (event.period->end) return event.period->end;
    if (event.period->start) return event.period->start;
  }
  std::optional<Date> earliest;
  for (const FactSource& source : fact.sources) {
    if (source.published && (!earliest || *source.published < *earliest)) {
      earliest = source.published;
    }
  }
  return earliest;
}

std::vector<DailySeries> BuildSeries(const std::vector<Fact>& facts) {
  std::map<SortKey, Gathered> gathered;
  for (const Fact& fact : facts) {
    if (fact.event.type != EventType::kCases || !fact.event.aggregation) continue;
    const std::optional<Date> day = FactDay(fact);
    if (!day) continue;
    SeriesKey key = KeyOf(fact.event);
    Gathered& series = gathered[MakeSortKey(key)];
    if (series.days.empty()) series.key = std::move(key);
    AddFact(fact, *day, series.days[day->ToDays()]);
  }
  std::vector<DailySeries> out;
  out.reserve(gathered.size());
  for (auto& [sort_key, series] : gathered) out.push_back(MakeSeries(std::move(series)));
  return out;
}

std::string SeriesToCsv(const std::vector<DailySeries>& series) {
  std::string out =
      "country,subdivision,place,geonameid,disease,status,imported,date,new,cumulative,"
      "fact_ids\n";
  for (const DailySeries& one : series) {
    const SeriesKey& key = one.key;
    const std::string prefix =
        CsvCell(key.country) + "," + CsvCell(key.subdivision) + "," + CsvCell(key.place_name) +
        "," + std::to_string(key.geonameid) + "," + CsvCell(key.disease) + "," +
        std::string(CaseStatusName(key.status)) + "," + ImportedName(key.imported) + ",";
    for (const DailyPoint& point : one.points) {
      out += prefix + point.date.ToIso() + ",";
      if (point.new_count) out += std::to_string(*point.new_count);
      out += ",";
      if (point.cumulative) out += std::to_string(*point.cumulative);
      out += "," + JoinIds(point.fact_ids) + "\n";
    }
  }
  return out;
}

std::string SeriesToJson(const std::vector<DailySeries>& series) {
  nlohmann::json out = nlohmann::json::array();
  for (const DailySeries& one : series) {
    const SeriesKey& key = one.key;
    nlohmann::json points = nlohmann::json::array();
    for (const DailyPoint& point : one.points) {
      points.push_back(
          {{"date", point.date.ToIso()},
           {"new", point.new_count ? nlohmann::json(*point.new_count) : nullptr},
           {"cumulative", point.cumulative ? nlohmann::json(*point.cumulative) : nullptr},
           {"cumulative_reported", point.cumulative_reported},
           {"multi_day", point.multi_day},
           {"fact_ids", point.fact_ids}});
    }
    out.push_back({{"place", key.place_name},
                   {"country", key.country},
                   {"subdivision", key.subdivision},
                   {"geonameid", key.geonameid},
                   {"disease", key.disease},
                   {"status", std::string(CaseStatusName(key.status))},
                   {"imported", key.imported ? nlohmann::json(*key.imported) : nullptr},
                   {"points", std::move(points)}});
  }
  return out.dump() + "\n";
}

}  // namespace epiwire::series
