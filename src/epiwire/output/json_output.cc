// SPDX-License-Identifier: MIT
#include "epiwire/output/json_output.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "epiwire/base/utf8.h"
#include "epiwire/output/json_writer.h"

namespace epiwire::output {
namespace {

using Json = nlohmann::ordered_json;

Json NullIfEmpty(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

Json PlaceJson(const std::optional<Place>& place) {
  if (!place) return nullptr;
  Json json;
  json["name"] = place->name;
  json["country"] = NullIfEmpty(place->country);
  json["subdivision"] = NullIfEmpty(place->subdivision);
  json["geonameid"] = place->geonameid != 0 ? Json(place->geonameid) : Json(nullptr);
  json["level"] = std::string(PlaceLevelName(place->level));
  if (place->has_coordinates) {
    json["lat"] = place->lat;
    json["lon"] = place->lon;
  } else {
    json["lat"] = nullptr;
    json["lon"] = nullptr;
  }
  return json;
}

Json DateJson(const std::optional<Date>& date) {
  return date ? Json(date->ToIso()) : Json(nullptr);
}

Json PeriodJson(const std::optional<Period>& period) {
  if (!period) return nullptr;
  return Json{{"start", DateJson(period->start)}, {"end", DateJson(period->end)}};
}

Json EventJson(const Event& event) {
  Json json;
  if (event.type == EventType::kCases) {
    json["type"] = "cases";
    json["disease"] = NullIfEmpty(event.disease);
    json["status"] = std::string(CaseStatusName(event.status));
    json["host"] = std::string(HostName(event.host));
    json["count"] = event.count;
    json["qualifier"] = std::string(QualifierName(event.qualifier));
    json["aggregation"] = event.aggregation ? Json(std::string(AggregationName(*event.aggregation)))
                                            : Json(nullptr);
    json["imported"] = event.imported ? Json(*event.imported) : Json(nullptr);
    json["place"] = PlaceJson(event.place);
    json["origin"] = PlaceJson(event.origin);
    Json route = Json::array();
    for (const Place& place : event.route) route.push_back(PlaceJson(place));
    json["route"] = route;
    Json modes = Json::array();
    for (TravelMode mode : event.modes) modes.push_back(std::string(TravelModeName(mode)));
    json["modes"] = modes;
  } else {
    json["type"] = "measure";
    json["measure"] = std::string(MeasureKindName(event.measure));
    json["action"] = std::string(MeasureActionName(event.action));
    json["disease"] = NullIfEmpty(event.disease);
    json["place"] = PlaceJson(event.place);
    json["target"] = PlaceJson(event.target);
    json["detail"] = NullIfEmpty(event.detail);
  }
  json["period"] = PeriodJson(event.period);
  json["evidence"] = Json{{"start", event.evidence.start},
                          {"end", event.evidence.end},
                          {"quote", event.evidence.quote}};
  return json;
}

std::string_view SourceName(PublishedSource source) {
  switch (source) {
    case PublishedSource::kGiven:
      return "given";
    case PublishedSource::kInferred:
      return "inferred";
    case PublishedSource::kNone:
      break;
  }
  return "";
}

// The output through a JSON document tree: the reference the direct writer below must
// equal byte for byte, and the way for text that is not valid UTF-8 (replaced).
std::string ToJsonLineByTree(const Extraction& extraction, const JsonOptions& options) {
  const Document& doc = extraction.document;
  Json json;
  json["id"] = doc.id;
  json["published"] = DateJson(doc.published);
  json["published_source"] = NullIfEmpty(std::string(SourceName(doc.published_source)));
  json["language"] = extraction.language;
  json["format"] = doc.format;
  json["title"] = NullIfEmpty(doc.title);
  json["url"] = NullIfEmpty(doc.url);
  Json stories = Json::array();
  for (const Story& story : extraction.stories) {
    stories.push_back(Json{{"start", story.start},
                           {"end", story.end},
                           {"relevant", story.relevant},
                           {"score", static_cast<double>(static_cast<int>(story.score * 1000 + 0.5)) / 1000},
                           {"language", story.language}});
  }
  json["stories"] = stories;
  Json removed = Json::array();
  for (const RemovedRange& range : extraction.removed) {
    removed.push_back(Json{{"start", range.start},
                           {"end", range.end},
                           {"reason", range.reason == RemovalReason::kDuplicate ? "duplicate"
                                                                                : "boilerplate"}});
  }
  json["removed"] = removed;
  Json events = Json::array();
  for (const Event& event : extraction.events) events.push_back(EventJson(event));
  json["events"] = events;
  if (options.include_text || doc.format == "html") json["text"] = doc.text;
  // Replace, not throw, on any invalid UTF-8 that slipped through.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

// Every string of the object is valid UTF-8 (the reader repairs what is not; this
// checks rather than trusts).
bool AllUtf8(const Extraction& extraction, bool with_text) {
  const Document& doc = extraction.document;
  if (!IsValidUtf8(doc.id) || !IsValidUtf8(doc.title) || !IsValidUtf8(doc.url) ||
      !IsValidUtf8(doc.format) || !IsValidUtf8(extraction.language)) {
    return false;
  }
  if (with_text && !IsValidUtf8(doc.text)) return false;
  for (const Story& story : extraction.stories) {
    if (!IsValidUtf8(story.language)) return false;
  }
  for (const Event& event : extraction.events) {
    if (!IsValidUtf8(event.evidence.quote) || !IsValidUtf8(event.detail) ||
        !IsValidUtf8(event.disease)) {
      return false;
    }
    for (const std::optional<Place>* place : {&event.place, &event.origin, &event.target}) {
      if (*place && !IsValidUtf8((*place)->name)) return false;
    }
    for (const Place& place : event.route) {
      if (!IsValidUtf8(place.name)) return false;
    }
  }
  return true;
}

}  // namespace

std::string ToJsonLine(const Extraction& extraction, const JsonOptions& options) {
  const Document& doc = extraction.document;
  const bool with_text = options.include_text || doc.format == "html";
  if (!AllUtf8(extraction, with_text)) return ToJsonLineByTree(extraction, options);
  std::string out;
  out.reserve(512 + 700 * extraction.events.size() + (with_text ? doc.text.size() : 0));
  JsonWriter w(out);
  w.Open('{');
  w.Key("id");
  w.Str(doc.id);
  w.Key("published");
  WriteDate(w, doc.published);
  w.Key("published_source");
  w.StrOrNull(SourceName(doc.published_source));
  w.Key("language");
  w.Str(extraction.language);
  w.Key("format");
  w.Str(doc.format);
  w.Key("title");
  w.StrOrNull(doc.title);
  w.Key("url");
  w.StrOrNull(doc.url);
  w.Key("stories");
  w.Open('[');
  for (const Story& story : extraction.stories) {
    w.Open('{');
    WriteSpan(w, story.start, story.end);
    w.Key("relevant");
    w.Bool(story.relevant);
    w.Key("score");
    w.Double(static_cast<double>(static_cast<int>(story.score * 1000 + 0.5)) / 1000);
    w.Key("language");
    w.Str(story.language);
    w.Close('}');
  }
  w.Close(']');
  w.Key("removed");
  WriteRemovedRanges(w, extraction.removed);
  w.Key("events");
  w.Open('[');
  for (const Event& event : extraction.events) WriteEvent(w, event);
  w.Close(']');
  if (with_text) {
    w.Key("text");
    w.Str(doc.text);
  }
  w.Close('}');
  return out;
}

std::string ToTable(const Extraction& extraction) {
  std::string out;
  char line[512];
  const auto place_name = [](const std::optional<Place>& place) -> std::string {
    if (!place) return "-";
    std::string name = place->name;
    if (!place->country.empty()) name += " (" + (place->subdivision.empty() ? place->country : place->subdivision) + ")";
    return name;
  };
  for (const Event& event : extraction.events) {
    const std::string period =
        event.period ? (event.period->start ? event.period->start->ToIso() : std::string("..")) +
                           "/" + (event.period->end ? event.period->end->ToIso() : std::string(".."))
                     : "-";
    std::string what;
    if (event.type == EventType::kCases) {
      what = std::to_string(event.count) + " " + std::string(CaseStatusName(event.status));
      if (event.host != Host::kHuman) what += " " + std::string(HostName(event.host));
      if (event.aggregation) what += " " + std::string(AggregationName(*event.aggregation));
      if (event.imported == true) what += " imported";
      if (event.origin) what += " from " + event.origin->name;
    } else {
      what = std::string(MeasureKindName(event.measure)) + " " +
             std::string(MeasureActionName(event.action));
    }
    std::snprintf(line, sizeof line, "%-22.22s %-10.10s %-40.40s %-28.28s %s\n",
                  extraction.document.id.c_str(), event.disease.empty() ? "-" : event.disease.c_str(),
                  what.c_str(), place_name(event.place).c_str(), period.c_str());
    out += line;
  }
  return out;
}

}  // namespace epiwire::output
