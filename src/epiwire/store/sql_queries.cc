// SPDX-License-Identifier: MIT
// Reading: events, facts with their sources, documents, counts, official values.
// Filters become WHERE terms with parameters; nothing from the caller is spliced
// into the SQL text.
#include <algorithm>
#include <limits>
#include <map>

#include "epiwire/store/event_rows.h"
#include "epiwire/store/sql_event_store.h"

namespace epiwire::store::internal {
namespace {

// " WHERE a = $1 AND b >= $2" for the filter's set fields, on the columns of the
// table aliased `alias` (events and facts share the column names used here).
std::string FilterClause(const EventFilter& filter, const std::string& alias,
                         std::vector<Value>& params) {
  std::string where;
  const auto add = [&](const std::string& condition, Value value) {
    params.push_back(std::move(value));
    where += where.empty() ? " WHERE " : " AND ";
    where += alias + condition + " $" + std::to_string(params.size());
  };
  if (!filter.disease.empty()) add("disease =", filter.disease);
  if (!filter.country.empty()) {
    add("place_country =", filter.country);
  } else if (const size_t dash = filter.subdivision.find('-'); dash != std::string::npos) {
    // An ISO 3166-2 code starts with its country's (every subdivision the gazetteer
    // gives does): the country's index then finds the rows.
    add("place_country =", filter.subdivision.substr(0, dash));
  }
  if (!filter.subdivision.empty()) add("place_subdivision =", filter.subdivision);
  if (filter.type) {
    add("type =", std::string(*filter.type == EventType::kCases ? "cases" : "measure"));
  }
  if (filter.from) add("event_date >=", filter.from->ToIso());
  if (filter.to) add("event_date <=", filter.to->ToIso());
  return where;
}

int64_t Bounded(size_t value) {
  return value > static_cast<size_t>(std::numeric_limits<int64_t>::max())
             ? std::numeric_limits<int64_t>::max()
             : static_cast<int64_t>(value);
}

std::string PageClause(const EventFilter& filter, std::vector<Value>& params) {
  params.emplace_back(Bounded(filter.limit));
  params.emplace_back(Bounded(filter.offset));
  return " LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" +
         std::to_string(params.size());
}

// EventColumns() with each name prefixed ("e.document_id, e.event_index, ...").
std::string QualifiedEventColumns(const std::string& prefix) {
  std::string out = prefix;
  for (char c : EventColumns()) {
    out += c;
    if (c == ' ') out += prefix;
  }
  return out;
}

std::optional<CaseStatus> StatusOf(const std::optional<std::string>& text) {
  return text ? ParseCaseStatus(*text) : std::nullopt;
}

}  // namespace

Result<std::vector<StoredEvent>> SqlEventStore::Events(const EventFilter& filter) {
  std::vector<StoredEvent> events;
  events.reserve(std::min<size_t>(filter.limit, 10000));
  Status status = ForEachEvent(filter, [&](const StoredEvent& event) { events.push_back(event); });
  if (!status.ok()) return status;
  return events;
}

Status SqlEventStore::ForEachEvent(const EventFilter& filter,
                                   const std::function<void(const StoredEvent&)>& each) {
  std::vector<Value> params;
  // The page's ids first, from an index alone where the filter allows (events_id
  // when there is none; see ListIndexes), then their rows: an offset steps over
  // index entries, not over whole rows.
  const std::string where = FilterClause(filter, "", params);
  std::string sql;
  if (where.empty()) {
    // Unfiltered, the page is every row from the id `offset` entries into the
    // index on: one seek and the table read in order, not a seek a row.
    params.emplace_back(Bounded(filter.offset));
    params.emplace_back(Bounded(filter.limit));
    sql = "SELECT id, " + EventColumns() +
          " FROM events WHERE id >= (SELECT id FROM events ORDER BY id LIMIT 1 OFFSET $1)"
          " ORDER BY id LIMIT $2";
  } else {
    const std::string page = "SELECT id FROM events" + where + " ORDER BY id" +
                             PageClause(filter, params);
    sql = "SELECT id, " + EventColumns() + " FROM events WHERE id IN (" + page + ") ORDER BY id";
  }
  StoredEvent event;  // one, its strings' room reused row after row
  return db_->QueryRows(sql, params, [&](RowView row) {
    ParseEventRowInto(row, 0, event);
    each(event);
  });
}

Result<std::vector<Fact>> SqlEventStore::Facts(const EventFilter& filter) {
  std::vector<Value> params;
  std::string ids = "SELECT id FROM facts" + FilterClause(filter, "", params) + " ORDER BY id";
  ids += PageClause(filter, params);
  // Each fact with its representative event whole, then the sources' evidence
  // alone: a fact scan of an aggregate reads 200,000 facts, and sorting their
  // sources with every column of each was most of its time.
  auto facts_rows = db_->Query(
      "SELECT f.id, f.key, f.conflict, e.id, " + QualifiedEventColumns("e.") +
          " FROM facts AS f LEFT JOIN events AS e ON e.id = f.representative_event_id"
          " WHERE f.id IN (" + ids + ") ORDER BY f.id",
      params);
  if (!facts_rows.ok()) return facts_rows.status();
  // Sources come representative first (see RefreshFact), in an order that does
  // not depend on which writer stored them.
  auto source_rows = db_->Query(
      "SELECT e.fact_id, e.id, e.document_id, e.event_index, e.evidence_start, e.evidence_end, "
      "e.evidence_quote, e.published FROM events AS e WHERE e.fact_id IN (" + ids +
          ") ORDER BY e.fact_id, " + SourceOrder("e."),
      params);
  if (!source_rows.ok()) return source_rows.status();
  std::vector<Fact> facts;
  facts.reserve(facts_rows->size());
  std::map<int64_t, size_t> index_of;
  for (const Row& row : facts_rows.value()) {
    Fact fact;
    fact.id = ParseInt(row[0]);
    fact.key = TextOr(row[1]);
    fact.conflict = ParseInt(row[2]) != 0;
    if (row[3]) fact.event = ParseEventRow(row, 3).event;
    index_of[fact.id] = facts.size();
    facts.push_back(std::move(fact));
  }
  std::map<int64_t, int64_t> missing;  // fact id -> its first source's event id
  for (const Row& row : source_rows.value()) {
    auto found = index_of.find(ParseInt(row[0]));
    if (found == index_of.end()) continue;
    Fact& fact = facts[found->second];
    if (fact.sources.empty() && !facts_rows.value()[found->second][3]) {
      missing[fact.id] = ParseInt(row[1]);
    }
    fact.sources.push_back(FactSource{
        TextOr(row[2]), static_cast<int>(ParseInt(row[3])),
        Evidence{static_cast<size_t>(ParseInt(row[4])), static_cast<size_t>(ParseInt(row[5])),
                 TextOr(row[6])},
        ParseDate(row[7])});
  }
  // A fact without a representative (none is stored that way; older stores may
  // hold some) reads as its first source.
  for (const auto& [fact_id, event_id] : missing) {
    auto rows = db_->Query("SELECT id, " + EventColumns() + " FROM events WHERE id = $1", {event_id});
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) facts[index_of[fact_id]].event = ParseEventRow(rows.value()[0], 0).event;
  }
  return facts;
}

Result<std::optional<StoredDocument>> SqlEventStore::Document(const std::string& id) {
  auto rows = db_->Query(
      "SELECT id, text, published, published_source, format, url, title, origin FROM documents "
      "WHERE id = $1",
      {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredDocument>();
  const Row& row = rows.value()[0];
  StoredDocument stored;
  ::epiwire::Document& doc = stored.document;
  doc.id = TextOr(row[0]);
  doc.text = TextOr(row[1]);
  doc.published = ParseDate(row[2]);
  const std::string source = TextOr(row[3]);
  doc.published_source = source == "given"      ? PublishedSource::kGiven
                         : source == "inferred" ? PublishedSource::kInferred
                                                : PublishedSource::kNone;
  doc.format = TextOr(row[4]);
  doc.url = TextOr(row[5]);
  doc.title = TextOr(row[6]);
  doc.origin = TextOr(row[7]);

  auto stories = db_->Query(
      "SELECT start_offset, end_offset, relevant, score FROM stories WHERE document_id = $1 "
      "ORDER BY story_index",
      {id});
  if (!stories.ok()) return stories.status();
  for (const Row& story : stories.value()) {
    stored.stories.push_back(Story{static_cast<size_t>(ParseInt(story[0])),
                                   static_cast<size_t>(ParseInt(story[1])),
                                   ParseInt(story[2]) != 0,
                                   story[3] ? std::strtod(story[3]->c_str(), nullptr) : 0.0});
  }
  auto removed = db_->Query(
      "SELECT start_offset, end_offset, reason FROM removed WHERE document_id = $1 "
      "ORDER BY removed_index",
      {id});
  if (!removed.ok()) return removed.status();
  for (const Row& range : removed.value()) {
    stored.removed.push_back(RemovedRange{
        static_cast<size_t>(ParseInt(range[0])), static_cast<size_t>(ParseInt(range[1])),
        TextOr(range[2]) == "duplicate" ? RemovalReason::kDuplicate : RemovalReason::kBoilerplate});
  }
  Status events = db_->QueryRows(
      "SELECT id, " + EventColumns() + " FROM events WHERE document_id = $1 ORDER BY event_index",
      {Value{id}}, [&](RowView event) { stored.events.push_back(ParseEventRow(event, 0)); });
  if (!events.ok()) return events;
  return std::optional<StoredDocument>(std::move(stored));
}

Result<int64_t> SqlEventStore::Count(const char* sql) {
  auto rows = db_->Query(sql, {});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? int64_t{0} : ParseInt(rows.value()[0][0]);
}

Result<int64_t> SqlEventStore::CountDocuments() { return Count("SELECT COUNT(*) FROM documents"); }
Result<int64_t> SqlEventStore::CountEvents() { return Count("SELECT COUNT(*) FROM events"); }
Result<int64_t> SqlEventStore::CountFacts() { return Count("SELECT COUNT(*) FROM facts"); }

// New events get new ids, so the largest id moves with every insert (a replaced
// document's events too); the count moves when events are only deleted. Alert
// states change with each dismissal (the time) or restoration (the count).
Result<std::string> SqlEventStore::Version() {
  auto rows = db_->Query(
      "SELECT (SELECT MAX(id) FROM events), (SELECT COUNT(*) FROM events), "
      "(SELECT COUNT(*) FROM alert_states), (SELECT MAX(updated_at) FROM alert_states)",
      {});
  if (!rows.ok()) return rows.status();
  std::string version;
  for (const std::optional<std::string>& value : rows.value().at(0)) {
    version += value.value_or("-");
    version += '/';
  }
  return version;
}

Result<std::vector<OfficialValue>> SqlEventStore::Official(const std::string& country,
                                                           const std::string& subdivision,
                                                           CaseStatus status) {
  std::vector<Value> params{std::string(CaseStatusName(status))};
  std::string sql =
      "SELECT country, subdivision, place_name, date, status, cumulative, source, disease, "
      "imported FROM official WHERE status = $1";
  if (!country.empty()) {
    params.emplace_back(country);
    sql += " AND country = $" + std::to_string(params.size());
  }
  if (!subdivision.empty()) {
    params.emplace_back(subdivision);
    sql += " AND subdivision = $" + std::to_string(params.size());
  }
  sql += " ORDER BY country, subdivision, place_name, disease, COALESCE(imported, -1), date, source";
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<OfficialValue> values;
  values.reserve(rows->size());
  for (const Row& row : rows.value()) {
    OfficialValue value;
    value.country = TextOr(row[0]);
    value.subdivision = TextOr(row[1]);
    value.place_name = TextOr(row[2]);
    value.date = ParseDate(row[3]).value_or(Date{});
    value.status = StatusOf(row[4]).value_or(CaseStatus::kConfirmed);
    value.cumulative = ParseInt(row[5]);
    value.source = TextOr(row[6]);
    value.disease = TextOr(row[7]);
    if (row[8]) value.imported = *row[8] != "0";
    values.push_back(std::move(value));
  }
  return values;
}

Result<std::map<std::string, std::string>> SqlEventStore::DocumentUrls(
    const std::vector<std::string>& ids) {
  constexpr size_t kBatch = 200;
  std::map<std::string, std::string> urls;
  for (size_t begin = 0; begin < ids.size(); begin += kBatch) {
    std::vector<Value> params;
    std::string sql = "SELECT id, url FROM documents WHERE id IN (";
    for (size_t i = begin; i < ids.size() && i < begin + kBatch; ++i) {
      params.emplace_back(ids[i]);
      sql += (i == begin ? "$" : ", $") + std::to_string(params.size());
    }
    auto rows = db_->Query(sql + ")", params);
    if (!rows.ok()) return rows.status();
    for (const Row& row : rows.value()) urls[TextOr(row[0])] = TextOr(row[1]);
  }
  return urls;
}

}  // namespace epiwire::store::internal
