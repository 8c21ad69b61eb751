// SPDX-License-Identifier: MIT
// JSON shapes of the API. Everything leaves as JSON strings: nothing is escaped
// into HTML here, the dashboard renders with textContent only.
#include "epiwire/serve/json_view.h"

#include <string>

namespace epiwire::serve {
namespace {

using nlohmann::json;

std::string Str(std::string_view view) { return std::string(view); }

json StringOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json PeriodJson(const std::optional<Period>& period) {
  if (!period) return nullptr;
  return {{"start", DateJson(period->start)}, {"end", DateJson(period->end)}};
}

json EvidenceJson(const Evidence& evidence) {
  return {{"start", evidence.start}, {"end", evidence.end}, {"quote", evidence.quote}};
}

}  // namespace

json DateJson(const std::optional<Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

json PlaceJson(const std::optional<Place>& place) {
  if (!place) return nullptr;
  json out = {{"name", place->name},
              {"country", StringOrNull(place->country)},
              {"subdivision", StringOrNull(place->subdivision)},
              {"geonameid", place->geonameid},
              {"level", Str(PlaceLevelName(place->level))},
              {"lat", nullptr},
              {"lon", nullptr}};
  if (place->has_coordinates) {
    out["lat"] = place->lat;
    out["lon"] = place->lon;
  }
  return out;
}

json EventJson(const Event& event) {
  json out = {{"type", event.type == EventType::kCases ? "cases" : "measure"},
              {"disease", StringOrNull(event.disease)},
              {"place", PlaceJson(event.place)},
              {"period", PeriodJson(event.period)},
              {"evidence", EvidenceJson(event.evidence)}};
  if (event.type == EventType::kCases) {
    out["status"] = Str(CaseStatusName(event.status));
    out["count"] = event.count;
    out["qualifier"] = Str(QualifierName(event.qualifier));
    out["aggregation"] =
        event.aggregation ? json(Str(AggregationName(*event.aggregation))) : json(nullptr);
    out["imported"] = event.imported ? json(*event.imported) : json(nullptr);
    out["origin"] = PlaceJson(event.origin);
    json route = json::array();
    for (const Place& stop : event.route) route.push_back(PlaceJson(stop));
    out["route"] = std::move(route);
    json modes = json::array();
    for (TravelMode mode : event.modes) modes.push_back(Str(TravelModeName(mode)));
    out["modes"] = std::move(modes);
  } else {
    out["measure"] = Str(MeasureKindName(event.measure));
    out["action"] = Str(MeasureActionName(event.action));
    out["target"] = PlaceJson(event.target);
    out["detail"] = StringOrNull(event.detail);
  }
  return out;
}

json StoredEventJson(const store::StoredEvent& stored) {
  json out = EventJson(stored.event);
  out["id"] = stored.id;
  out["document_id"] = stored.document_id;
  out["event_index"] = stored.event_index;
  out["fact_id"] = stored.fact_id;
  out["published"] = DateJson(stored.published);
  return out;
}

json FactJson(const Fact& fact) {
  json sources = json::array();
  for (const FactSource& source : fact.sources) {
    sources.push_back({{"document_id", source.document_id},
                       {"event_index", source.event_index},
                       {"evidence", EvidenceJson(source.evidence)},
                       {"published", DateJson(source.published)}});
  }
  return {{"id", fact.id},       {"key", fact.key},
          {"conflict", fact.conflict}, {"event", EventJson(fact.event)},
          {"sources", std::move(sources)}};
}

json DocumentJson(const store::StoredDocument& stored) {
  const Document& doc = stored.document;
  json stories = json::array();
  for (const Story& story : stored.stories) {
    stories.push_back({{"start", story.start},
                       {"end", story.end},
                       {"relevant", story.relevant},
                       {"score", story.score}});
  }
  json removed = json::array();
  for (const RemovedRange& range : stored.removed) {
    removed.push_back(
        {{"start", range.start},
         {"end", range.end},
         {"reason", range.reason == RemovalReason::kBoilerplate ? "boilerplate" : "duplicate"}});
  }
  json events = json::array();
  for (const store::StoredEvent& event : stored.events) events.push_back(StoredEventJson(event));
  return {{"id", doc.id},
          {"text", doc.text},
          {"published", DateJson(doc.published)},
          {"format", StringOrNull(doc.format)},
          {"url", StringOrNull(doc.url)},
          {"title", StringOrNull(doc.title)},
          {"origin", StringOrNull(doc.origin)},
          {"stories", std::move(stories)},
          {"removed", std::move(removed)},
          {"events", std::move(events)}};
}

}  // namespace epiwire::serve
