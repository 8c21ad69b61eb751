// SPDX-License-Identifier: MIT
#include "epiwire/model/fact.h"

namespace epiwire {
namespace {

std::string PlaceKey(const std::optional<Place>& place) {
  if (!place) return "-";
  if (place->geonameid != 0) return "g" + std::to_string(place->geonameid);
  return place->country + "/" + place->subdivision + "/" + place->name;
}

std::string DateKey(const std::optional<Date>& date) { return date ? date->ToIso() : "-"; }

}  // namespace

std::string FactKey(const Event& event) {
  std::string key = event.type == EventType::kCases ? "cases" : "measure";
  key += "|" + event.disease;
  if (event.type == EventType::kCases) {
    key += "|" + std::string(CaseStatusName(event.status));
    key += "|" + std::string(event.aggregation ? AggregationName(*event.aggregation) : "-");
    key += "|" + std::string(event.imported ? (*event.imported ? "imported" : "local") : "-");
    key += "|" + PlaceKey(event.place);
    key += "|" + (event.origin ? event.origin->country : std::string("-"));
    // Animals counted never merge with people; people keep the key they always had.
    if (event.host != Host::kHuman) key += "|host=" + std::string(HostName(event.host));
  } else {
    key += "|" + std::string(MeasureKindName(event.measure));
    key += "|" + std::string(MeasureActionName(event.action));
    key += "|" + (event.place ? event.place->country : std::string("-"));
    key += "|" + (event.target ? event.target->country : std::string("-"));
  }
  key += "|" + (event.period ? DateKey(event.period->start) + ".." + DateKey(event.period->end)
                             : std::string("-"));
  return key;
}

}  // namespace epiwire
