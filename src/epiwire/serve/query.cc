// SPDX-License-Identifier: MIT
// Query parameter checks for the API: a closed set of names, each with its own
// small grammar, so nothing unbounded reaches the store.
#include "epiwire/serve/query.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace epiwire::serve {
namespace {

constexpr size_t kMaxOffset = 1000000000;

bool AllOf(const std::string& text, bool (*ok)(char)) {
  return std::all_of(text.begin(), text.end(), ok);
}

bool IsDiseaseChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsSubdivisionChar(char c) { return IsUpper(c) || (c >= '0' && c <= '9') || c == '-'; }

Result<size_t> ParseCount(const std::string& name, const std::string& text, size_t low,
                          size_t high) {
  size_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end || value < low || value > high) {
    return Status::InvalidInput(name + ": want a whole number from " + std::to_string(low) +
                                " to " + std::to_string(high));
  }
  return value;
}

Result<std::optional<Date>> ParseDateParam(const QueryParams& params, const std::string& name) {
  const std::string text = Param(params, name);
  if (text.empty()) return std::optional<Date>();
  std::optional<Date> date = text.size() == 10 ? Date::ParseIso(text) : std::nullopt;
  if (!date) return Status::InvalidInput(name + ": want a date YYYY-MM-DD");
  return date;
}

}  // namespace

Status CheckParamNames(const QueryParams& params, const std::set<std::string>& allowed) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (allowed.count(it->first) == 0) {
      std::string names;
      for (const std::string& name : allowed) names += (names.empty() ? "" : ", ") + name;
      return Status::InvalidInput("unknown parameter '" + it->first.substr(0, 64) +
                                  "' (known: " + (names.empty() ? "none" : names) + ")");
    }
    if (params.count(it->first) > 1) {
      return Status::InvalidInput(it->first + ": given more than once");
    }
  }
  return Status::Ok();
}

std::string Param(const QueryParams& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

Result<store::EventFilter> ParseFilter(const QueryParams& params, size_t max_results,
                                       size_t default_limit) {
  store::EventFilter filter;
  filter.disease = Param(params, "disease");
  if (filter.disease.size() > 64 || !AllOf(filter.disease, IsDiseaseChar)) {
    return Status::InvalidInput("disease: want a disease id such as covid-19");
  }
  filter.country = Param(params, "country");
  if (!filter.country.empty() && (filter.country.size() != 2 || !AllOf(filter.country, IsUpper))) {
    return Status::InvalidInput("country: want an ISO 3166-1 alpha-2 code such as CN");
  }
  filter.subdivision = Param(params, "subdivision");
  if (!filter.subdivision.empty() &&
      (filter.subdivision.size() < 4 || filter.subdivision.size() > 10 ||
       filter.subdivision[2] != '-' || !AllOf(filter.subdivision, IsSubdivisionChar))) {
    return Status::InvalidInput("subdivision: want an ISO 3166-2 code such as CN-HL");
  }
  const std::string type = Param(params, "type");
  if (type == "cases") {
    filter.type = EventType::kCases;
  } else if (type == "measure") {
    filter.type = EventType::kMeasure;
  } else if (!type.empty()) {
    return Status::InvalidInput("type: want cases or measure");
  }
  auto from = ParseDateParam(params, "from");
  if (!from.ok()) return from.status();
  auto to = ParseDateParam(params, "to");
  if (!to.ok()) return to.status();
  filter.from = from.value();
  filter.to = to.value();
  if (filter.from && filter.to && *filter.to < *filter.from) {
    return Status::InvalidInput("from: after to");
  }
  filter.limit = std::min(default_limit, max_results);
  const std::string limit = Param(params, "limit");
  if (!limit.empty()) {
    auto parsed = ParseCount("limit", limit, 1, max_results);
    if (!parsed.ok()) return parsed.status();
    filter.limit = parsed.value();
  }
  const std::string offset = Param(params, "offset");
  if (!offset.empty()) {
    auto parsed = ParseCount("offset", offset, 0, kMaxOffset);
    if (!parsed.ok()) return parsed.status();
    filter.offset = parsed.value();
  }
  return filter;
}

}  // namespace epiwire::serve
