// SPDX-License-Identifier: MIT
// Official series: the JHU CSSE time-series CSV reader and the comparison of news
// cumulative figures with official ones. Tested by series_test.cc.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "epiwire/series/series.h"

namespace epiwire::series {
namespace {

struct CsvRecord {
  int line = 0;  // where the record starts, from 1
  std::vector<std::string> fields;
};

// Splits CSV text into records (RFC 4180 quoting: "Korea, South", "" for a quote).
// A record may span lines inside quotes; its line is the one it starts on.
std::vector<CsvRecord> ParseCsv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  bool quoted = false;
  bool record_started = false;
  int line = 1;
  record.line = 1;
  const auto end_record = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{};
    record_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!record_started) {
      record.line = line;
      record_started = true;
    }
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (record_started) end_record();
  return records;
}

// "1/22/20" or "1/22/2020" (month/day/year).
std::optional<Date> ParseJhuDate(std::string_view text) {
  int parts[3] = {0, 0, 0};
  size_t part = 0;
  size_t digits = 0;
  for (char c : text) {
    if (c == '/') {
      if (digits == 0 || ++part > 2) return std::nullopt;
      digits = 0;
    } else if (c >= '0' && c <= '9' && digits < 4) {
      parts[part] = parts[part] * 10 + (c - '0');
      ++digits;
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || digits == 0 || digits == 3) return std::nullopt;
  const int year = digits <= 2 ? 2000 + parts[2] : parts[2];
  if (!Date::IsValid(year, parts[0], parts[1])) return std::nullopt;
  return Date{year, parts[0], parts[1]};
}

std::optional<int64_t> ParseCount(const std::string& text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error == std::errc() && ptr == end && value >= 0) return value;
  // Some JHU copies write counts as "12.0".
  if (error == std::errc() && value >= 0 && end - ptr == 2 && ptr[0] == '.' && ptr[1] == '0') {
    return value;
  }
  return std::nullopt;
}

std::string Trimmed(std::string text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // BOM
  const size_t first = text.find_first_not_of(' ');
  const size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

Status CheckHeader(const std::vector<std::string>& header, std::vector<Date>* dates) {
  const auto is = [&](size_t i, const char* a, const char* b) {
    return header.size() > i && (Trimmed(header[i]) == a || Trimmed(header[i]) == b);
  };
  if (!is(0, "Province/State", "Province") || !is(1, "Country/Region", "Country") ||
      !is(2, "Lat", "Lat") || !is(3, "Long", "Lon")) {
    return Status::InvalidInput(
        "line 1: not a JHU CSSE time series (want Province/State,Country/Region,Lat,Long,dates... "
        "or Province,Country,Lat,Lon,dates...)");
  }
  for (size_t i = 4; i < header.size(); ++i) {
    std::optional<Date> date = ParseJhuDate(Trimmed(header[i]));
    if (!date) {
      return Status::InvalidInput("line 1, column " + std::to_string(i + 1) + ": '" + header[i] +
                                  "' is not a date (want M/D/YY or M/D/YYYY)");
    }
    dates->push_back(*date);
  }
  if (dates->empty()) return Status::InvalidInput("line 1: no date columns");
  return Status::Ok();
}

void Skip(std::vector<std::string>* skipped, int line, const std::string& why) {
  if (skipped != nullptr) skipped->push_back("line " + std::to_string(line) + ": " + why);
}

// Adds a total row per day for countries that have only province rows.
// Totals of counts that each fit in int64_t may not: they stop at its maximum.
int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t sum = 0;
  return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<int64_t>::max() : sum;
}

void AddCountryTotals(const std::map<std::string, std::string>& names,
                      const std::set<std::string>& with_country_row,
                      std::vector<store::OfficialValue>& values) {
  std::map<std::pair<std::string, int64_t>, store::OfficialValue> totals;
  for (const store::OfficialValue& value : values) {
    if (with_country_row.count(value.country) > 0) continue;
    store::OfficialValue& total = totals[{value.country, value.date.ToDays()}];
    if (total.country.empty()) {
      total = value;
      total.subdivision.clear();
      total.place_name = names.at(value.country);
      total.cumulative = 0;
    }
    total.cumulative = SaturatingAdd(total.cumulative, value.cumulative);
  }
  for (auto& [key, total] : totals) values.push_back(std::move(total));
}

double Relative(int64_t news, int64_t official) {
  return std::fabs(static_cast<double>(news - official)) /
         static_cast<double>(std::max<int64_t>(official, 1));
}

}  // namespace

Result<std::vector<store::OfficialValue>> ReadJhuCsv(
    std::string_view content, const std::string& source, CaseStatus status,
    const std::function<std::string(std::string_view)>& country_code,
    std::vector<std::string>* skipped) {
  return ReadJhuCsv(content, source, status, country_code, nullptr, skipped);
}

Result<std::vector<store::OfficialValue>> ReadJhuCsv(
    std::string_view content, const std::string& source, CaseStatus status,
    const std::function<std::string(std::string_view)>& country_code,
    const SubdivisionCodeFunction& subdivision_code, std::vector<std::string>* skipped) {
  std::vector<CsvRecord> records = ParseCsv(content);
  if (records.empty()) return Status::InvalidInput("empty file: no JHU CSSE header");
  std::vector<Date> dates;
  Status header = CheckHeader(records[0].fields, &dates);
  if (!header.ok()) return header;
  const size_t columns = records[0].fields.size();

  std::vector<store::OfficialValue> values;
  std::map<std::string, std::string> country_names;  // ISO code -> name in the file
  std::set<std::string> with_country_row;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != columns) {
      Skip(skipped, record.line,
           std::to_string(record.fields.size()) + " fields, the header has " +
               std::to_string(columns));
      continue;
    }
    const std::string province = Trimmed(record.fields[0]);
    const std::string country_name = Trimmed(record.fields[1]);
    const std::string country = country_code ? country_code(country_name) : "";
    if (country.empty()) {
      Skip(skipped, record.line, "unknown country '" + country_name + "'");
      continue;
    }
    std::vector<int64_t> counts(dates.size(), -1);  // -1: empty cell, no value that day
    std::string bad;
    for (size_t d = 0; d < dates.size() && bad.empty(); ++d) {
      const std::string cell = Trimmed(record.fields[d + 4]);
      if (cell.empty()) continue;
      std::optional<int64_t> count = ParseCount(cell);
      if (!count) {
        bad = "column " + std::to_string(d + 5) + ": '" + cell + "' is not a count";
      } else {
        counts[d] = *count;
      }
    }
    if (!bad.empty()) {
      Skip(skipped, record.line, bad);
      continue;
    }
    store::OfficialValue value;
    value.country = country;
    value.place_name = province.empty() ? country_name : province;
    if (!province.empty() && subdivision_code)
      value.subdivision = subdivision_code(country, province);
    value.status = status;
    value.source = source;
    if (province.empty()) with_country_row.insert(country);
    country_names.emplace(country, country_name);
    for (size_t d = 0; d < dates.size(); ++d) {
      if (counts[d] < 0) continue;
      value.date = dates[d];
      value.cumulative = counts[d];
      values.push_back(value);
    }
  }
  AddCountryTotals(country_names, with_country_row, values);
  return values;
}

namespace {

// The file's city value for rows of imported cases: jingwai shuru, "imported from
// abroad" (UTF-8; the file is in Chinese).
constexpr std::string_view kImportedCity = "\xe5\xa2\x83\xe5\xa4\x96\xe8\xbe\x93\xe5\x85\xa5";
constexpr const char* kChinaColumns[] = {"date",     "country", "countryCode", "province",
                                         "provinceCode", "city", "cityCode",   "confirmed"};

bool IsChinaHeader(const std::vector<std::string>& header) {
  for (size_t i = 0; i < std::size(kChinaColumns); ++i) {
    if (header.size() <= i || Trimmed(header[i]) != kChinaColumns[i]) return false;
  }
  return true;
}

// Sums each country's provinces' imported totals per day, carrying a province's last
// total over the days it has no row.
void AddImportedTotals(std::vector<store::OfficialValue>& values) {
  // (country, status) -> day -> (province -> total that day)
  std::map<std::pair<std::string, int>, std::map<int64_t, std::map<std::string, int64_t>>> rows;
  std::map<std::string, std::string> names;
  int64_t last_day = 0;
  for (const store::OfficialValue& value : values) {
    last_day = std::max(last_day, value.date.ToDays());
    if (value.imported != true || value.subdivision.empty()) {
      if (value.subdivision.empty() && !value.imported) names.emplace(value.country, value.place_name);
      continue;
    }
    rows[{value.country, static_cast<int>(value.status)}][value.date.ToDays()][value.subdivision] =
        value.cumulative;
  }
  for (const auto& [country_status, days] : rows) {
    std::map<std::string, int64_t> carried;
    auto next = days.begin();
    // One total a day, for at most kMaxSeriesDays days: a row dated decades
    // before the rest (a typo) only sets what is carried into that window.
    const int64_t first = std::max(days.begin()->first, last_day - (kMaxSeriesDays - 1));
    for (; next != days.end() && next->first < first; ++next) {
      for (const auto& [province, total] : next->second) carried[province] = total;
    }
    for (int64_t day = first; day <= last_day; ++day) {
      if (next != days.end() && next->first == day) {
        for (const auto& [province, total] : next->second) carried[province] = total;
        ++next;
      }
      store::OfficialValue total;
      total.country = country_status.first;
      auto name = names.find(total.country);
      total.place_name = name == names.end() ? total.country : name->second;
      total.date = Date::FromDays(day);
      total.status = static_cast<CaseStatus>(country_status.second);
      total.imported = true;
      total.source = values.front().source;
      total.disease = values.front().disease;
      for (const auto& [province, count] : carried) {
        total.cumulative = SaturatingAdd(total.cumulative, count);
      }
      values.push_back(std::move(total));
    }
  }
}

}  // namespace

std::string OfficialLayout(std::string_view content) {
  const size_t end = content.find('\n');
  const std::vector<CsvRecord> header = ParseCsv(content.substr(0, end));
  if (header.empty()) return "";
  if (IsChinaHeader(header[0].fields)) return "china_province";
  std::vector<Date> dates;
  return CheckHeader(header[0].fields, &dates).ok() ? "jhu" : "";
}

Result<std::vector<store::OfficialValue>> ReadChinaProvinceCsv(
    std::string_view content, const std::string& source, const SubdivisionCodeFunction& place_code,
    std::vector<std::string>* skipped) {
  std::vector<CsvRecord> records = ParseCsv(content);
  if (records.empty() || !IsChinaHeader(records[0].fields)) {
    return Status::InvalidInput(
        "line 1: not the mainland China province file (want date,country,countryCode,province,"
        "provinceCode,city,cityCode,confirmed,suspected,cured,dead)");
  }
  const std::vector<std::string>& header = records[0].fields;
  const auto column = [&](const char* name) -> std::optional<size_t> {
    for (size_t i = 0; i < header.size(); ++i) {
      if (Trimmed(header[i]) == name) return i;
    }
    return std::nullopt;
  };
  const std::pair<std::optional<size_t>, CaseStatus> counted[] = {
      {column("confirmed"), CaseStatus::kConfirmed},
      {column("dead"), CaseStatus::kDeaths},
      {column("cured"), CaseStatus::kRecovered}};
  std::vector<store::OfficialValue> values;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != header.size()) {
      Skip(skipped, record.line,
           std::to_string(record.fields.size()) + " fields, the header has " +
               std::to_string(header.size()));
      continue;
    }
    const std::optional<Date> date = Date::ParseIso(Trimmed(record.fields[0]));
    if (!date) {
      Skip(skipped, record.line, "'" + record.fields[0] + "' is not a date (want YYYY-MM-DD)");
      continue;
    }
    const std::string country = Trimmed(record.fields[2]);
    const std::string province = Trimmed(record.fields[3]);
    const std::string city = Trimmed(record.fields[5]);
    if (country.size() != 2) {
      Skip(skipped, record.line, "country code '" + country + "' is not ISO alpha-2");
      continue;
    }
    store::OfficialValue value;
    value.country = country;
    value.place_name = province.empty() ? Trimmed(record.fields[1]) : province;
    value.source = source;
    if (!province.empty()) {
      const std::string code = place_code ? place_code(country, province) : "";
      if (code.empty()) {
        Skip(skipped, record.line, "unknown province '" + province + "'");
        continue;
      }
      if (code.size() == 2) {
        value.country = code;  // a place of its own: Hong Kong, Macao, Taiwan
      } else {
        value.subdivision = code;
      }
    }
    if (city == kImportedCity) {
      if (value.subdivision.empty()) {
        Skip(skipped, record.line, "imported cases of no province");
        continue;
      }
      value.imported = true;
    } else if (!city.empty()) {
      Skip(skipped, record.line, "city rows are not read");
      continue;
    }
    std::string bad;
    std::vector<store::OfficialValue> row_values;
    for (const auto& [index, status] : counted) {
      if (!index) continue;
      const std::string cell = Trimmed(record.fields[*index]);
      if (cell.empty()) continue;
      std::optional<int64_t> count = ParseCount(cell);
      if (!count) {
        bad = "column " + std::to_string(*index + 1) + ": '" + cell + "' is not a count";
        break;
      }
      value.date = *date;
      value.status = status;
      value.cumulative = *count;
      row_values.push_back(value);
    }
    if (!bad.empty()) {
      Skip(skipped, record.line, bad);
      continue;
    }
    for (store::OfficialValue& one : row_values) values.push_back(std::move(one));
  }
  if (!values.empty()) AddImportedTotals(values);
  return values;
}

std::vector<Comparison> MatchOfficial(const std::vector<DailySeries>& news,
                                      const std::vector<store::OfficialValue>& official) {
  // disease, country, subdivision, status, imported (0 all cases, 2 imported), day.
  using Key = std::tuple<std::string, std::string, std::string, int, int, int64_t>;
  std::map<Key, int64_t> index;
  for (const store::OfficialValue& value : official) {
    if (value.imported == false) continue;  // no news series is compared with local rows
    const Key key{value.disease,
                  value.country,
                  value.subdivision,
                  static_cast<int>(value.status),
                  value.imported ? 2 : 0,
                  value.date.ToDays()};
    auto [it, inserted] = index.emplace(key, value.cumulative);
    // Country level: the national row or the province total, whichever is larger.
    if (!inserted) it->second = std::max(it->second, value.cumulative);
  }
  std::vector<Comparison> out;
  for (const DailySeries& series : news) {
    const SeriesKey& key = series.key;
    if (key.imported == false || key.country.empty()) continue;
    const bool country_level = key.level == PlaceLevel::kCountry && key.subdivision.empty();
    const bool subdivision_level =
        key.level == PlaceLevel::kSubdivision && !key.subdivision.empty();
    if (!country_level && !subdivision_level) continue;
    for (const DailyPoint& point : series.points) {
      if (!point.cumulative_reported) continue;
      auto found = index.find(Key{key.disease, key.country, key.subdivision,
                                  static_cast<int>(key.status), key.imported ? 2 : 0,
                                  point.date.ToDays()});
      if (found == index.end()) continue;
      out.push_back(Comparison{key, point.date, *point.cumulative, found->second, point.fact_ids});
    }
  }
  return out;
}

std::vector<Discrepancy> CompareWithOfficial(const std::vector<DailySeries>& news,
                                             const std::vector<store::OfficialValue>& official,
                                             double tolerance) {
  std::vector<Discrepancy> out;
  for (Comparison& match : MatchOfficial(news, official)) {
    const double relative = Relative(match.news, match.official);
    if (relative <= tolerance) continue;
    out.push_back(Discrepancy{std::move(match.key), match.date, match.news, match.official,
                              relative, std::move(match.fact_ids)});
  }
  return out;
}

}  // namespace epiwire::series
