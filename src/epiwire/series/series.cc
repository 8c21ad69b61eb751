// SPDX-License-Identifier: MIT
// BuildSeries and the CSV/JSON renderings of series. Tested by series_test.cc.
#include "epiwire/series/series.h"

#include <algorithm>
#include <map>
#include <memory>
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

// Conflicting readings of one figure: the reading most sources agree on, the
// largest on a tie.
struct Reading {
  int64_t count = 0;
  size_t sources = 0;
  void Offer(int64_t other_count, size_t other_sources) {
    if (other_sources > sources || (other_sources == sources && other_count > count)) {
      count = other_count;
      sources = other_sources;
    }
  }
};

// What the facts of one series say about one day.
struct DayFacts {
  std::map<std::string, Reading> new_by_key;  // "new" figures by FactKey
  std::optional<Reading> cumulative;
  std::set<int64_t> fact_ids;
  bool multi_day = false;
  std::optional<Date> first_published;  // of the day's figures
};

struct Gathered {
  SeriesKey key;
  std::map<int64_t, DayFacts> days;  // by Date::ToDays()
};

void AddFact(const Fact& fact, Date day, DayFacts& facts) {
  const Event& event = fact.event;
  const size_t sources = std::max<size_t>(fact.sources.size(), 1);
  facts.fact_ids.insert(fact.id);
  for (const FactSource& source : fact.sources) {
    if (source.published && (!facts.first_published || *source.published < *facts.first_published)) {
      facts.first_published = source.published;
    }
  }
  if (*event.aggregation == Aggregation::kCumulative) {
    if (!facts.cumulative) facts.cumulative = Reading{event.count, sources};
    facts.cumulative->Offer(event.count, sources);
    return;
  }
  auto [it, inserted] = facts.new_by_key.emplace(fact.key, Reading{event.count, sources});
  if (!inserted) it->second.Offer(event.count, sources);
  if (event.period && event.period->start && *event.period->start < day) facts.multi_day = true;
}

// Indices of the reported running totals that can be trusted: a total out of line
// with both neighbours (a misreading such as 10,000 between 1,000 and 1,010, or 100
// between them) is left out; a fall that its neighbours do not explain stays.
std::vector<size_t> TrustedTotals(const std::vector<DailyPoint>& points) {
  std::vector<size_t> totals;
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].cumulative_reported) totals.push_back(i);
  }
  std::vector<size_t> trusted;
  for (size_t k = 0; k < totals.size(); ++k) {
    if (k > 0 && k + 1 < totals.size()) {
      const int64_t before = *points[totals[k - 1]].cumulative;
      const int64_t here = *points[totals[k]].cumulative;
      const int64_t after = *points[totals[k + 1]].cumulative;
      if ((here > after || here < before) && before <= after) continue;
    }
    trusted.push_back(totals[k]);
  }
  return trusted;
}

// A day's new figure far above the rise of the trusted running totals around it (the
// last one before the day, and the first on or after it) cannot be right: the running
// total read as the day's new cases, or a digit too many. "Far": more than twice the
// rise plus one, so that totals and new figures counted at other hours still agree. It
// is dropped, and the day is filled from the totals as a day without a figure of its
// own would be.
void DropContradictedFigures(std::vector<DailyPoint>& points, const std::vector<size_t>& trusted) {
  size_t next = 0;  // the first trusted total at or after day j
  for (size_t j = 0; j < points.size(); ++j) {
    while (next < trusted.size() && trusted[next] < j) ++next;
    DailyPoint& point = points[j];
    if (next == 0 || next == trusted.size() || !point.new_count || point.multi_day) continue;
    const DailyPoint& before = points[trusted[next - 1]];
    const DailyPoint& after = points[trusted[next]];
    const int64_t rise = *after.cumulative - *before.cumulative;
    if (rise < 0 || *point.new_count <= 2 * rise + 1) continue;
    DailyPoint::Dropped dropped{*point.new_count, point.known_on, after.known_on};
    if (dropped.dropped_on && before.known_on) {
      dropped.dropped_on = std::max(*dropped.dropped_on, *before.known_on);
    }
    point.dropped = dropped;
    point.new_count.reset();
  }
}

// Spreads the rise between the reported totals at `from` and `to` over the days in
// (from, to] that have no "new" figure of their own.
void Interpolate(std::vector<DailyPoint>& points, size_t from, size_t to) {
  int64_t rest = *points[to].cumulative - *points[from].cumulative;
  std::vector<size_t> open;
  for (size_t j = from + 1; j <= to; ++j) {
    if (points[j].new_count) {
      rest -= *points[j].new_count;
    } else {
      open.push_back(j);
    }
  }
  if (rest < 0 || open.empty()) return;
  // A share of the rise is known once both totals are.
  std::optional<Date> known = points[to].known_on;
  if (known && points[from].known_on) known = std::max(*known, *points[from].known_on);
  const int64_t n = static_cast<int64_t>(open.size());
  int64_t running = *points[from].cumulative;
  size_t next_open = 0;
  for (size_t j = from + 1; j <= to; ++j) {
    DailyPoint& point = points[j];
    if (next_open < open.size() && open[next_open] == j) {
      const int64_t k = static_cast<int64_t>(++next_open);
      // Shares of the rise that add up to it exactly: floor(rest*k/n) - floor(rest*(k-1)/n).
      point.new_count = rest * k / n - rest * (k - 1) / n;
      point.interpolated = open.size() > 1;
      point.known_on = known;
    }
    running += *point.new_count;
    if (!point.cumulative_reported) point.cumulative = running;
  }
}

// Turns the facts of one series into one point a day, first to last.
DailySeries MakeSeries(Gathered gathered) {
  DailySeries series;
  series.key = std::move(gathered.key);
  const int64_t last = gathered.days.rbegin()->first;
  // A stray date years away must not make a series of millions of days.
  const int64_t first = std::max(gathered.days.begin()->first, last - (kMaxSeriesDays - 1));
  std::vector<DailyPoint>& points = series.points;
  points.resize(static_cast<size_t>(last - first + 1));
  for (size_t i = 0; i < points.size(); ++i) {
    DailyPoint& point = points[i];
    point.date = Date::FromDays(first + static_cast<int64_t>(i));
    auto found = gathered.days.find(first + static_cast<int64_t>(i));
    if (found == gathered.days.end()) continue;
    const DayFacts& facts = found->second;
    point.reported = true;
    point.known_on = facts.first_published;
    point.fact_ids.assign(facts.fact_ids.begin(), facts.fact_ids.end());
    point.multi_day = facts.multi_day;
    if (!facts.new_by_key.empty()) {
      int64_t sum = 0;
      for (const auto& [key, reading] : facts.new_by_key) sum += reading.count;
      point.new_count = sum;
    }
    if (facts.cumulative) {
      point.cumulative = facts.cumulative->count;
      point.cumulative_reported = true;
    }
  }
  const std::vector<size_t> trusted = TrustedTotals(points);
  DropContradictedFigures(points, trusted);
  for (size_t k = 1; k < trusted.size(); ++k) Interpolate(points, trusted[k - 1], trusted[k]);
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

std::string UrlSource(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host;
  for (char c : rest) host += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

namespace {

// The ids of the case facts that report new cases: a positive "new" figure (or one of
// unknown aggregation), or a running total above every total of its series reported
// for an earlier day. "No new cases" and a total repeated on a quiet day are not news
// of cases.
std::set<int64_t> FactsReportingNewCases(const std::vector<Fact>& facts) {
  std::set<int64_t> out;
  std::map<SortKey, std::vector<std::pair<int64_t, const Fact*>>> totals;  // by day
  for (const Fact& fact : facts) {
    const Event& event = fact.event;
    if (event.type != EventType::kCases || event.count <= 0) continue;
    if (event.aggregation != Aggregation::kCumulative) {
      out.insert(fact.id);
      continue;
    }
    if (const std::optional<Date> day = FactDay(fact)) {
      totals[MakeSortKey(KeyOf(event))].emplace_back(day->ToDays(), &fact);
    }
  }
  for (auto& [key, list] : totals) {
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    int64_t before = 0;  // the highest total of the earlier days
    for (size_t i = 0; i < list.size();) {
      size_t j = i;
      int64_t today = before;
      for (; j < list.size() && list[j].first == list[i].first; ++j) {
        const Fact* fact = list[j].second;
        if (fact->event.count > before) out.insert(fact->id);
        today = std::max(today, fact->event.count);
      }
      before = today;
      i = j;
    }
  }
  return out;
}

}  // namespace

Result<SourceFunction> StoreSources(store::EventStore& store, const std::vector<Fact>& facts) {
  std::set<std::string> ids;
  for (const Fact& fact : facts) {
    for (const FactSource& source : fact.sources) ids.insert(source.document_id);
  }
  auto urls = store.DocumentUrls(std::vector<std::string>(ids.begin(), ids.end()));
  if (!urls.ok()) return urls.status();
  auto sources = std::make_shared<std::map<std::string, std::string>>();
  for (const auto& [id, url] : urls.value()) {
    std::string source = UrlSource(url);
    if (!source.empty()) sources->emplace(id, std::move(source));
  }
  return SourceFunction([sources](const std::string& id) {
    auto found = sources->find(id);
    return found == sources->end() ? std::string() : found->second;
  });
}

std::vector<VolumeSeries> BuildVolumeSeries(const std::vector<Fact>& facts,
                                            const SourceFunction& source_of,
                                            std::optional<Date> first, std::optional<Date> last) {
  struct Day {
    std::set<std::string> documents;
    std::set<int64_t> fact_ids;
  };
  struct Volume {
    SeriesKey key;
    bool named = false;  // key.place_name comes from a fact at the place's own level
    std::map<int64_t, Day> days;
  };
  // country, subdivision, disease, imported: the place's name does not split a series.
  std::map<std::tuple<std::string, std::string, std::string, bool>, Volume> gathered;
  std::optional<Date> earliest;
  std::optional<Date> latest;
  const auto add = [&](const SeriesKey& key, bool named, const FactSource& source,
                       int64_t fact_id) {
    Volume& volume =
        gathered[{key.country, key.subdivision, key.disease, key.imported.has_value()}];
    if (volume.days.empty() || (named && !volume.named)) {
      volume.key = key;
      volume.named = named;
    }
    Day& day = volume.days[source.published->ToDays()];
    day.documents.insert(source.document_id);
    day.fact_ids.insert(fact_id);
  };
  const std::set<int64_t> rising = FactsReportingNewCases(facts);
  for (const Fact& fact : facts) {
    const Event& event = fact.event;
    if (event.type != EventType::kCases || !event.place || event.place->country.empty() ||
        rising.count(fact.id) == 0) {
      continue;
    }
    SeriesKey key;
    key.country = event.place->country;
    key.subdivision = event.place->subdivision;
    key.disease = event.disease;
    key.level = key.subdivision.empty() ? PlaceLevel::kCountry : PlaceLevel::kSubdivision;
    // One series a place: the subdivision when known, else the country.
    const bool named = event.place->level == key.level;
    key.place_name = named ? event.place->name
                           : (key.subdivision.empty() ? key.country : key.subdivision);
    key.geonameid = named ? event.place->geonameid : 0;
    SeriesKey imported = key;
    imported.imported = true;
    for (const FactSource& source : fact.sources) {
      if (!source.published) continue;
      if (!earliest || *source.published < *earliest) earliest = source.published;
      if (!latest || *latest < *source.published) latest = source.published;
      add(key, named, source, fact.id);
      if (event.imported == true) add(imported, named, source, fact.id);
    }
  }
  if (!first) first = earliest;
  if (!last) last = latest;
  std::vector<VolumeSeries> out;
  if (!first || !last || *last < *first) return out;
  const int64_t end = last->ToDays();
  const int64_t begin = std::max(first->ToDays(), end - (kMaxSeriesDays - 1));
  for (auto& [map_key, volume] : gathered) {
    VolumeSeries series;
    series.key = volume.key;
    series.points.resize(static_cast<size_t>(end - begin + 1));
    for (size_t i = 0; i < series.points.size(); ++i) {
      series.points[i].date = Date::FromDays(begin + static_cast<int64_t>(i));
    }
    for (const auto& [day, seen] : volume.days) {
      if (day < begin || day > end) continue;
      VolumePoint& point = series.points[static_cast<size_t>(day - begin)];
      point.articles = static_cast<int>(seen.documents.size());
      std::set<std::string> sources;
      for (const std::string& id : seen.documents) {
        std::string source = source_of ? source_of(id) : std::string();
        sources.insert(source.empty() ? "document:" + id : source);
      }
      point.sources = static_cast<int>(sources.size());
      point.document_ids.assign(seen.documents.begin(), seen.documents.end());
      point.fact_ids.assign(seen.fact_ids.begin(), seen.fact_ids.end());
    }
    out.push_back(std::move(series));
  }
  return out;
}

std::string SeriesToCsv(const std::vector<DailySeries>& series) {
  std::string out =
      "country,subdivision,place,geonameid,disease,status,imported,date,new,cumulative,"
      "fact_ids,reported,interpolated\n";
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
      out += ',';
      out += JoinIds(point.fact_ids);
      out += point.reported ? ",true" : ",false";
      out += point.interpolated ? ",true\n" : ",false\n";
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
           {"reported", point.reported},
           {"cumulative_reported", point.cumulative_reported},
           {"interpolated", point.interpolated},
           {"multi_day", point.multi_day},
           {"known_on", point.known_on ? nlohmann::json(point.known_on->ToIso()) : nullptr},
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
