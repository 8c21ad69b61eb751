// SPDX-License-Identifier: MIT
#include "epiwire/store/event_rows.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace epiwire::store::internal {
namespace {

constexpr std::array<std::string_view, 8> kPlaceFields{
    "name", "country", "subdivision", "geonameid", "level", "lat", "lon", "population"};

// ", place_name TEXT, place_country TEXT, ..." for one of the three places.
std::string PlaceColumnsDdl(std::string_view prefix) {
  std::string columns;
  for (std::string_view field : kPlaceFields) {
    columns += ", " + std::string(prefix) + std::string(field);
    columns += field == "lat" || field == "lon"                 ? " DOUBLE PRECISION"
               : field == "geonameid" || field == "population" ? " BIGINT"
                                                               : " TEXT";
  }
  return columns;
}

std::string JsonText(const nlohmann::json& json, const char* name) {
  auto found = json.find(name);
  return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

int64_t JsonInt(const nlohmann::json& json, const char* name) {
  auto found = json.find(name);
  return found != json.end() && found->is_number_integer() ? found->get<int64_t>() : 0;
}

std::string BuildEventColumns() {
  std::string columns = "document_id, event_index, fact_id, published, event_date, type, disease";
  const auto add_place = [&](std::string_view prefix) {
    for (std::string_view field : kPlaceFields) {
      columns += ", ";
      columns += prefix;
      columns += field;
    }
  };
  add_place("place_");
  columns += ", period_start, period_end, evidence_start, evidence_end, evidence_quote";
  columns += ", status, host, count, qualifier, aggregation, imported";
  add_place("origin_");
  columns += ", route, modes, measure, action";
  add_place("target_");
  columns += ", detail";
  return columns;
}

constexpr std::array<std::pair<PlaceLevel, std::string_view>, 4> kLevels{{
    {PlaceLevel::kCountry, "country"},
    {PlaceLevel::kSubdivision, "subdivision"},
    {PlaceLevel::kCity, "city"},
    {PlaceLevel::kOther, "other"},
}};
constexpr std::array<std::pair<Qualifier, std::string_view>, 4> kQualifiers{{
    {Qualifier::kExact, "exact"},
    {Qualifier::kApproximate, "approximate"},
    {Qualifier::kAtLeast, "at_least"},
    {Qualifier::kAtMost, "at_most"},
}};

template <typename Enum, size_t N>
Enum Lookup(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name,
            Enum fallback) {
  for (const auto& [value, value_name] : table) {
    if (value_name == name) return value;
  }
  return fallback;
}

void AddPlaceValues(std::vector<Value>& values, const std::optional<Place>& place) {
  if (!place) {
    values.insert(values.end(), kPlaceFields.size(), Value{});
    return;
  }
  values.emplace_back(place->name);
  values.emplace_back(place->country);
  values.emplace_back(place->subdivision);
  values.emplace_back(place->geonameid);
  values.emplace_back(std::string(PlaceLevelName(place->level)));
  values.emplace_back(place->has_coordinates ? Value{place->lat} : Value{});
  values.emplace_back(place->has_coordinates ? Value{place->lon} : Value{});
  values.emplace_back(place->population);
}

void AssignText(std::string& out, std::optional<std::string_view> text) {
  if (text) {
    out.assign(*text);
  } else {
    out.clear();
  }
}

// A place is stored when its level column is set. Reads into `out`, whose
// strings keep their room from one row to the next.
void ParsePlaceInto(RowView row, size_t at, std::optional<Place>& out) {
  const std::optional<std::string_view> level = row.Text(at + 4);
  if (!level) {
    out.reset();
    return;
  }
  Place& place = out ? *out : out.emplace();
  AssignText(place.name, row.Text(at));
  AssignText(place.country, row.Text(at + 1));
  AssignText(place.subdivision, row.Text(at + 2));
  place.geonameid = row.Integer(at + 3);
  place.level = Lookup(kLevels, *level, PlaceLevel::kOther);
  place.has_coordinates = !row.IsNull(at + 5) && !row.IsNull(at + 6);
  place.lat = place.has_coordinates ? row.Real(at + 5) : 0.0;
  place.lon = place.has_coordinates ? row.Real(at + 6) : 0.0;
  place.population = row.Integer(at + 7);
}

nlohmann::json PlaceJson(const Place& place) {
  nlohmann::json json = {{"name", place.name},
                         {"country", place.country},
                         {"subdivision", place.subdivision},
                         {"geonameid", place.geonameid},
                         {"level", PlaceLevelName(place.level)},
                         {"population", place.population}};
  if (place.has_coordinates) {
    json["lat"] = place.lat;
    json["lon"] = place.lon;
  }
  return json;
}

Place PlaceFromJson(const nlohmann::json& json) {
  Place place;
  place.name = JsonText(json, "name");
  place.country = JsonText(json, "country");
  place.subdivision = JsonText(json, "subdivision");
  place.geonameid = JsonInt(json, "geonameid");
  place.level = Lookup(kLevels, JsonText(json, "level"), PlaceLevel::kOther);
  place.population = JsonInt(json, "population");
  auto lat = json.find("lat");
  auto lon = json.find("lon");
  if (lat != json.end() && lon != json.end() && lat->is_number() && lon->is_number()) {
    place.has_coordinates = true;
    place.lat = lat->get<double>();
    place.lon = lon->get<double>();
  }
  return place;
}

std::string RouteJson(const std::vector<Place>& route) {
  nlohmann::json array = nlohmann::json::array();
  for (const Place& place : route) array.push_back(PlaceJson(place));
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ModesJson(const std::vector<TravelMode>& modes) {
  nlohmann::json array = nlohmann::json::array();
  for (TravelMode mode : modes) array.push_back(TravelModeName(mode));
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Lenient: what the store wrote itself is valid; anything else gives nothing.
nlohmann::json ParseJsonArray(std::optional<std::string_view> text) {
  // Most events have no route and no modes: spare the parser.
  if (!text || *text == "[]") return nlohmann::json::array();
  nlohmann::json json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  return json.is_array() ? json : nlohmann::json::array();
}

// The API lists rows in id order, filtered by country (a subdivision implies its
// country: sql_queries.cc), disease and a range of dates. A page's ids are read
// from one of these indexes alone (each covers its filters), then sorted, then
// their rows read. Few indexes, as each costs every insert: these two and the date
// index cost ingest about a tenth; an index ending in the id for each group would
// spare the sort of a large group (6 ms for 62,500 ids) at a third of the store's
// speed. Version 2's (place_country, event_date) served no query these do not.
std::string ListIndexes(const std::string& table) {
  const std::string create = "CREATE INDEX IF NOT EXISTS " + table;
  return "DROP INDEX IF EXISTS " + table + "_country;\n" +
         create + "_country_disease ON " + table + " (place_country, disease, event_date);\n" +
         create + "_disease ON " + table + " (disease, event_date);\n";
}

}  // namespace

std::string EventListIndexesSql(bool id_index) {
  return "CREATE INDEX IF NOT EXISTS events_date ON events (event_date);\n" +
         ListIndexes("events") +
         // A page deep in the unfiltered list is found in this narrow index, not by
         // stepping over whole rows.
         (id_index ? "CREATE INDEX IF NOT EXISTS events_id ON events (id);\n" : "");
}

// The indexes EventListIndexesSql makes, read from it so that the two cannot part.
std::string DropEventListIndexesSql() {
  const std::string create = EventListIndexesSql(true);
  constexpr std::string_view kCreate = "CREATE INDEX IF NOT EXISTS ";
  std::string sql;
  for (size_t at = create.find(kCreate); at != std::string::npos;
       at = create.find(kCreate, at + kCreate.size())) {
    const size_t name = at + kCreate.size();
    sql += "DROP INDEX IF EXISTS " + create.substr(name, create.find(' ', name) - name) + ";\n";
  }
  return sql;
}

// Read from SchemaSql, so that the two cannot part.
const std::string& StoreTables() {
  static const std::string tables = [] {
    const std::string schema = SchemaSql("INTEGER PRIMARY KEY", false);
    constexpr std::string_view kCreate = "CREATE TABLE IF NOT EXISTS ";
    std::string names;
    for (size_t at = schema.find(kCreate); at != std::string::npos;
         at = schema.find(kCreate, at + kCreate.size())) {
      const size_t name = at + kCreate.size();
      names += (names.empty() ? "" : ", ") + schema.substr(name, schema.find(' ', name) - name);
    }
    return names;
  }();
  return tables;
}

const char* const kOfficialDiseaseColumn = "disease TEXT NOT NULL DEFAULT 'covid-19'";
const char* const kOfficialImportedColumn = "imported INTEGER";

// The statements keep the lines SQL is read in.
// clang-format off
std::string SchemaSql(std::string_view id_type, bool id_index, StorageClauses storage) {
  const std::string id(id_type);
  return "CREATE TABLE IF NOT EXISTS epiwire_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
         "INSERT INTO epiwire_meta (name, value) VALUES ('schema_version', '" +
         std::to_string(kSchemaVersion) + "') "
         "ON CONFLICT (name) DO NOTHING;\n"
         "CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, "
         "published TEXT, published_source TEXT NOT NULL, format TEXT NOT NULL, url TEXT NOT NULL, "
         "title TEXT NOT NULL, origin TEXT NOT NULL, language TEXT NOT NULL, text TEXT" +
         std::string(storage.long_text) + " NOT NULL, ingested_at TEXT NOT NULL);\n"
         "CREATE INDEX IF NOT EXISTS documents_published ON documents (published);\n"
         "CREATE TABLE IF NOT EXISTS stories (document_id TEXT NOT NULL, story_index INTEGER NOT "
         "NULL, start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, relevant INTEGER NOT NULL, "
         "score DOUBLE PRECISION NOT NULL, PRIMARY KEY (document_id, story_index));\n"
         "CREATE TABLE IF NOT EXISTS removed (document_id TEXT NOT NULL, removed_index INTEGER NOT "
         "NULL, start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, reason TEXT NOT NULL, "
         "PRIMARY KEY (document_id, removed_index));\n"
         "CREATE TABLE IF NOT EXISTS events (id " + id + ", document_id TEXT NOT NULL, "
         "event_index INTEGER NOT NULL, fact_id BIGINT NOT NULL, published TEXT, event_date TEXT, "
         "type TEXT NOT NULL, disease TEXT NOT NULL" + PlaceColumnsDdl("place_") +
         ", period_start TEXT, period_end TEXT, evidence_start BIGINT NOT NULL, "
         "evidence_end BIGINT NOT NULL, evidence_quote TEXT NOT NULL, status TEXT NOT NULL, "
         "host TEXT NOT NULL DEFAULT 'human', count BIGINT NOT NULL, qualifier TEXT NOT NULL, aggregation TEXT, imported INTEGER" +
         PlaceColumnsDdl("origin_") +
         ", route TEXT NOT NULL, modes TEXT NOT NULL, measure TEXT NOT NULL, action TEXT NOT NULL" +
         PlaceColumnsDdl("target_") + ", detail TEXT NOT NULL);\n"
         "CREATE INDEX IF NOT EXISTS events_document ON events (document_id, event_index);\n"
         "CREATE INDEX IF NOT EXISTS events_fact ON events (fact_id);\n" +
         EventListIndexesSql(id_index) +
         "CREATE TABLE IF NOT EXISTS facts (id " + id + ", key TEXT NOT NULL, count BIGINT NOT "
         "NULL, type TEXT NOT NULL, disease TEXT NOT NULL, status TEXT NOT NULL, host TEXT NOT NULL "
         "DEFAULT 'human', place_name TEXT, place_country TEXT, place_subdivision TEXT, "
         "place_geonameid BIGINT, event_date TEXT, period_start TEXT, period_end TEXT, imported "
         "INTEGER, representative_event_id BIGINT, source_count BIGINT NOT NULL DEFAULT 0, "
         "conflict INTEGER NOT NULL DEFAULT 0)" + std::string(storage.rewritten_table) + ";\n"
         // One row a fact key: the lock that writers changing the key's set of facts
         // (and so its conflict flags) take in turn.
         "CREATE TABLE IF NOT EXISTS fact_keys (key TEXT PRIMARY KEY);\n"
         "CREATE UNIQUE INDEX IF NOT EXISTS facts_key_count ON facts (key, count);\n"
         "CREATE INDEX IF NOT EXISTS facts_date ON facts (event_date);\n" +
         ListIndexes("facts") +
         "CREATE TABLE IF NOT EXISTS official (id " + id + ", country TEXT NOT NULL, subdivision "
         "TEXT NOT NULL, place_name TEXT NOT NULL, date TEXT NOT NULL, status TEXT NOT NULL, "
         "cumulative BIGINT NOT NULL, source TEXT NOT NULL, " + kOfficialDiseaseColumn + ", " +
         kOfficialImportedColumn + ");\n"
         "CREATE TABLE IF NOT EXISTS alert_states (alert_id TEXT PRIMARY KEY, state TEXT NOT NULL, "
         "updated_at TEXT NOT NULL);\n"
         "CREATE INDEX IF NOT EXISTS official_place ON official (country, subdivision, status, "
         "date);\n"
         "CREATE INDEX IF NOT EXISTS official_source ON official (source);\n";
}
// clang-format on

const std::string& EventColumns() {
  static const std::string columns = BuildEventColumns();
  return columns;
}

size_t EventColumnCount() {
  static const size_t count = [] {
    size_t commas = 0;
    for (char c : EventColumns()) commas += c == ',' ? 1 : 0;
    return commas + 1;
  }();
  return count;
}

std::string EventPlaceholders(int first) {
  std::string out;
  for (size_t i = 0; i < EventColumnCount(); ++i) {
    if (i > 0) out += ", ";
    out += '$';
    out += std::to_string(first + static_cast<int>(i));
  }
  return out;
}

std::optional<Date> EventDate(const Event& event, const std::optional<Date>& published) {
  if (event.period && event.period->end) return event.period->end;
  if (published) return published;
  if (event.period && event.period->start) return event.period->start;
  return std::nullopt;
}

Value DateValue(const std::optional<Date>& date) {
  return date ? Value{date->ToIso()} : Value{};
}

std::optional<Date> ParseDate(std::optional<std::string_view> text) {
  return text ? Date::ParseIso(*text) : std::nullopt;
}

int64_t ParseInt(std::optional<std::string_view> text) {
  if (!text) return 0;
  int64_t value = 0;
  std::from_chars(text->data(), text->data() + text->size(), value);
  return value;
}

std::string TextOr(std::optional<std::string_view> text) {
  return text ? std::string(*text) : std::string();
}

void AppendEventValues(const std::string& document_id, int event_index, int64_t fact_id,
                       const std::optional<Date>& published, const Event& event,
                       std::vector<Value>& values) {
  values.emplace_back(document_id);
  values.emplace_back(int64_t{event_index});
  values.emplace_back(fact_id);
  values.push_back(DateValue(published));
  values.push_back(DateValue(EventDate(event, published)));
  values.emplace_back(std::string(event.type == EventType::kCases ? "cases" : "measure"));
  values.emplace_back(event.disease);
  AddPlaceValues(values, event.place);
  values.push_back(DateValue(event.period ? event.period->start : std::nullopt));
  values.push_back(DateValue(event.period ? event.period->end : std::nullopt));
  values.emplace_back(static_cast<int64_t>(event.evidence.start));
  values.emplace_back(static_cast<int64_t>(event.evidence.end));
  values.emplace_back(event.evidence.quote);
  values.emplace_back(std::string(CaseStatusName(event.status)));
  values.emplace_back(std::string(HostName(event.host)));
  values.emplace_back(event.count);
  values.emplace_back(std::string(QualifierName(event.qualifier)));
  values.push_back(event.aggregation ? Value{std::string(AggregationName(*event.aggregation))}
                                     : Value{});
  values.push_back(event.imported ? Value{int64_t{*event.imported ? 1 : 0}} : Value{});
  AddPlaceValues(values, event.origin);
  values.emplace_back(RouteJson(event.route));
  values.emplace_back(ModesJson(event.modes));
  values.emplace_back(std::string(MeasureKindName(event.measure)));
  values.emplace_back(std::string(MeasureActionName(event.action)));
  AddPlaceValues(values, event.target);
  values.emplace_back(event.detail);
}

StoredEvent ParseEventRow(const Row& row, size_t offset) {
  std::vector<Cell> cells(row.size());
  for (size_t c = 0; c < row.size(); ++c) {
    if (row[c]) cells[c] = Cell{Cell::Kind::kText, 0, 0, *row[c]};
  }
  return ParseEventRow(RowView(cells), offset);
}

StoredEvent ParseEventRow(RowView row, size_t offset) {
  StoredEvent stored;
  ParseEventRowInto(row, offset, stored);
  return stored;
}

void ParseEventRowInto(RowView row, size_t offset, StoredEvent& stored) {
  size_t at = offset;
  stored.id = row.Integer(at++);
  AssignText(stored.document_id, row.Text(at++));
  stored.event_index = static_cast<int>(row.Integer(at++));
  stored.fact_id = row.Integer(at++);
  stored.published = ParseDate(row.Text(at++));
  ++at;  // event_date is derived
  Event& event = stored.event;
  event.type = row.Text(at++) == "measure" ? EventType::kMeasure : EventType::kCases;
  AssignText(event.disease, row.Text(at++));
  ParsePlaceInto(row, at, event.place);
  at += kPlaceFields.size();
  const std::optional<Date> start = ParseDate(row.Text(at++));
  const std::optional<Date> end = ParseDate(row.Text(at++));
  event.period.reset();
  if (start || end) event.period = Period{start, end};
  event.evidence.start = static_cast<size_t>(row.Integer(at++));
  event.evidence.end = static_cast<size_t>(row.Integer(at++));
  AssignText(event.evidence.quote, row.Text(at++));
  event.status = ParseCaseStatus(row.Text(at++).value_or("")).value_or(CaseStatus::kConfirmed);
  event.host = ParseHost(row.Text(at++).value_or("")).value_or(Host::kHuman);
  event.count = row.Integer(at++);
  event.qualifier = Lookup(kQualifiers, row.Text(at++).value_or(""), Qualifier::kExact);
  event.aggregation.reset();
  if (const auto aggregation = row.Text(at++)) {
    event.aggregation = *aggregation == "cumulative" ? Aggregation::kCumulative : Aggregation::kNew;
  }
  event.imported.reset();
  if (!row.IsNull(at)) event.imported = row.Integer(at) != 0;
  ++at;
  ParsePlaceInto(row, at, event.origin);
  at += kPlaceFields.size();
  event.route.clear();
  for (const auto& place : ParseJsonArray(row.Text(at++))) {
    if (place.is_object()) event.route.push_back(PlaceFromJson(place));
  }
  event.modes.clear();
  for (const auto& mode : ParseJsonArray(row.Text(at++))) {
    if (!mode.is_string()) continue;
    if (auto parsed = ParseTravelMode(mode.get<std::string>())) event.modes.push_back(*parsed);
  }
  event.measure =
      ParseMeasureKind(row.Text(at++).value_or("")).value_or(MeasureKind::kBorderClosure);
  event.action = ParseMeasureAction(row.Text(at++).value_or("")).value_or(MeasureAction::kImpose);
  ParsePlaceInto(row, at, event.target);
  at += kPlaceFields.size();
  AssignText(event.detail, row.Text(at++));
}

}  // namespace epiwire::store::internal
