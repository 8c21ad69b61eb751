// SPDX-License-Identifier: MIT
// JSON shapes of the API. Everything leaves as JSON strings: nothing is escaped
// into HTML here, the dashboard renders with textContent only.
#include "epiwire/serve/json_view.h"

#include <string>

#include "epiwire/base/utf8.h"

namespace epiwire::serve {
namespace {

using nlohmann::json;

std::string Str(std::string_view view) { return std::string(view); }

json StringOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

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

void WriteStoredEvent(output::JsonWriter& w, const store::StoredEvent& stored) {
  w.Open('{');
  w.Key("id");
  w.Int(stored.id);
  w.Key("document_id");
  w.Str(stored.document_id);
  w.Key("event_index");
  w.Int(stored.event_index);
  w.Key("fact_id");
  w.Int(stored.fact_id);
  w.Key("published");
  output::WriteDate(w, stored.published);
  output::WriteEventFields(w, stored.event);
  w.Close('}');
}

void WriteFact(output::JsonWriter& w, const Fact& fact) {
  w.Open('{');
  w.Key("id");
  w.Int(fact.id);
  w.Key("key");
  w.Str(fact.key);
  w.Key("conflict");
  w.Bool(fact.conflict);
  w.Key("event");
  output::WriteEvent(w, fact.event);
  w.Key("sources");
  w.Open('[');
  for (const FactSource& source : fact.sources) {
    w.Open('{');
    w.Key("document_id");
    w.Str(source.document_id);
    w.Key("event_index");
    w.Int(source.event_index);
    w.Key("evidence");
    w.Open('{');
    output::WriteSpan(w, source.evidence.start, source.evidence.end);
    w.Key("quote");
    w.Str(source.evidence.quote);
    w.Close('}');
    w.Key("published");
    output::WriteDate(w, source.published);
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
}

void WriteDocument(output::JsonWriter& w, const store::StoredDocument& stored) {
  const Document& doc = stored.document;
  w.Open('{');
  w.Key("id");
  w.Str(doc.id);
  w.Key("published");
  output::WriteDate(w, doc.published);
  w.Key("format");
  w.StrOrNull(doc.format);
  w.Key("url");
  w.StrOrNull(doc.url);
  w.Key("title");
  w.StrOrNull(doc.title);
  w.Key("origin");
  w.StrOrNull(doc.origin);
  w.Key("stories");
  w.Open('[');
  for (const Story& story : stored.stories) {
    w.Open('{');
    output::WriteSpan(w, story.start, story.end);
    w.Key("relevant");
    w.Bool(story.relevant);
    w.Key("score");
    w.Double(story.score);
    w.Close('}');
  }
  w.Close(']');
  w.Key("removed");
  output::WriteRemovedRanges(w, stored.removed);
  w.Key("events");
  w.Open('[');
  for (const store::StoredEvent& event : stored.events) WriteStoredEvent(w, event);
  w.Close(']');
  w.Key("text");
  w.Str(doc.text);
  w.Close('}');
}

std::string FinishJson(std::string body) {
  if (FindInvalidUtf8(body)) RepairUtf8(body);
  return body;
}

}  // namespace epiwire::serve
