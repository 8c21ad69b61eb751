// SPDX-License-Identifier: MIT
// /api/routes and /api/places: what the dashboard's map draws. Routes are
// imported-case facts grouped by origin and destination; places are case facts
// grouped by place, for markers sized by how many events mention them.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "epiwire/serve/api.h"
#include "epiwire/serve/json_view.h"

namespace epiwire::serve {
namespace {

using nlohmann::json;

constexpr size_t kDefaultRoutes = 200;
constexpr size_t kDefaultPlaces = 500;

std::string PlaceKey(const Place& place) {
  if (place.geonameid != 0) return "g" + std::to_string(place.geonameid);
  return "n" + place.country + "|" + place.subdivision + "|" + place.name;
}

std::optional<Date> FactDate(const Fact& fact) {
  if (fact.event.period && fact.event.period->end) return fact.event.period->end;
  for (const FactSource& source : fact.sources) {
    if (source.published) return source.published;
  }
  return std::nullopt;
}

// Counts shared by routes and places.
struct Tally {
  Place place;
  std::optional<Place> origin;
  size_t facts = 0;
  size_t events = 0;
  int64_t max_count = 0;
  std::set<std::string> diseases;
  std::optional<Date> first;
  std::optional<Date> last;

  void Add(const Fact& fact) {
    ++facts;
    events += std::max<size_t>(1, fact.sources.size());
    max_count = std::max(max_count, fact.event.count);
    if (!fact.event.disease.empty()) diseases.insert(fact.event.disease);
    if (std::optional<Date> date = FactDate(fact)) {
      if (!first || *date < *first) first = date;
      if (!last || *last < *date) last = date;
    }
  }

  json CommonJson() const {
    return {{"facts", facts},
            {"events", events},
            {"max_count", max_count},
            {"diseases", diseases},
            {"first_date", DateJson(first)},
            {"last_date", DateJson(last)}};
  }
};

Result<store::EventFilter> MapFilter(const QueryParams& params, size_t max_results,
                                     size_t default_limit) {
  Status names =
      CheckParamNames(params, {"disease", "country", "subdivision", "from", "to", "limit"});
  if (!names.ok()) return names;
  return ParseFilter(params, max_results, default_limit);
}

std::vector<const Tally*> Ranked(const std::map<std::string, Tally>& groups) {
  std::vector<const Tally*> ranked;
  for (const auto& [key, tally] : groups) ranked.push_back(&tally);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Tally* a, const Tally* b) {
    return a->events != b->events ? a->events > b->events : a->facts > b->facts;
  });
  return ranked;
}

}  // namespace

ApiResponse Api::Routes(const QueryParams& params) {
  auto filter = MapFilter(params, max_results_, kDefaultRoutes);
  if (!filter.ok()) return Error(400, filter.status().message());
  bool truncated = false;
  auto facts = ScanFacts(filter.value(), &truncated);
  if (!facts.ok()) return Error(500, "store: " + facts.status().message());
  std::map<std::string, Tally> groups;
  for (const Fact& fact : facts.value()) {
    const Event& event = fact.event;
    if (!event.imported.value_or(false) || !event.origin || !event.place) continue;
    const std::string origin_key =
        event.origin->country.empty() ? PlaceKey(*event.origin) : "c" + event.origin->country;
    Tally& tally = groups[origin_key + ">" + PlaceKey(*event.place)];
    if (tally.facts == 0) {
      tally.place = *event.place;
      tally.origin = event.origin;
    }
    tally.Add(fact);
  }
  json list = json::array();
  for (const Tally* tally : Ranked(groups)) {
    if (list.size() == filter->limit) break;
    json route = tally->CommonJson();
    route["origin"] = PlaceJson(tally->origin);
    route["destination"] = PlaceJson(tally->place);
    list.push_back(std::move(route));
  }
  return ApiResponse{200, json{{"routes", std::move(list)},
                               {"has_more", groups.size() > filter->limit},
                               {"truncated", truncated}}
                              .dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse Api::Places(const QueryParams& params) {
  auto filter = MapFilter(params, max_results_, kDefaultPlaces);
  if (!filter.ok()) return Error(400, filter.status().message());
  bool truncated = false;
  auto facts = ScanFacts(filter.value(), &truncated);
  if (!facts.ok()) return Error(500, "store: " + facts.status().message());
  std::map<std::string, Tally> groups;
  for (const Fact& fact : facts.value()) {
    if (!fact.event.place || !fact.event.place->has_coordinates) continue;
    Tally& tally = groups[PlaceKey(*fact.event.place)];
    if (tally.facts == 0) tally.place = *fact.event.place;
    tally.Add(fact);
  }
  json list = json::array();
  for (const Tally* tally : Ranked(groups)) {
    if (list.size() == filter->limit) break;
    json place = tally->CommonJson();
    place["place"] = PlaceJson(tally->place);
    list.push_back(std::move(place));
  }
  return ApiResponse{200, json{{"places", std::move(list)},
                               {"has_more", groups.size() > filter->limit},
                               {"truncated", truncated}}
                              .dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace epiwire::serve
