// SPDX-License-Identifier: MIT
// Reading: events, facts with their sources, documents, counts, official values.
// Filters become WHERE terms with parameters; nothing from the caller is spliced
// into the SQL text.
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
  if (!filter.country.empty()) add("place_country =", filter.country);
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
  std::vector<Value> params;
  // The page's ids first, from an index alone where the filter allows (events_id
  // when there is none; see ListIndexes), then their rows: an offset steps over
  // index entries, not over whole rows.
  std::string page = "SELECT id FROM events" + FilterClause(filter, "", params) + " ORDER BY id";
  page += PageClause(filter, params);
  const std::string sql =
      "SELECT id, " + EventColumns() + " FROM events WHERE id IN (" + page + ") ORDER BY id";
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<StoredEvent> events;
  events.reserve(rows->size());
  for (const Row& row : rows.value()) events.push_back(ParseEventRow(row, 0));
  return events;
}

Result<std::vector<Fact>> SqlEventStore::Facts(const EventFilter& filter) {
  std::vector<Value> params;
  std::string ids = "SELECT id FROM facts" + FilterClause(filter, "", params) + " ORDER BY id";
  ids += PageClause(filter, params);
  const std::string page =
      "SELECT id, key, conflict, representative_event_id FROM facts WHERE id IN (" + ids + ")";
  // Sources come representative first (see RefreshFact), in an order that does
  // not depend on which writer stored them.
  const std::string sql =
      "SELECT f.id, f.key, f.conflict, f.representative_event_id, e.id, " +
      QualifiedEventColumns("e.") + " FROM (" + page +
      ") AS f JOIN events AS e ON e.fact_id = f.id ORDER BY f.id, " + SourceOrder("e.");
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<Fact> facts;
  int64_t representative = 0;
  bool have_representative = false;
  for (const Row& row : rows.value()) {
    const int64_t fact_id = ParseInt(row[0]);
    if (facts.empty() || facts.back().id != fact_id) {
      Fact fact;
      fact.id = fact_id;
      fact.key = TextOr(row[1]);
      fact.conflict = ParseInt(row[2]) != 0;
      representative = ParseInt(row[3]);
      have_representative = false;
      facts.push_back(std::move(fact));
    }
    StoredEvent stored = ParseEventRow(row, 4);
    Fact& fact = facts.back();
    if (!have_representative && (stored.id == representative || fact.sources.empty())) {
      fact.event = stored.event;
      have_representative = stored.id == representative;
    }
    fact.sources.push_back(
        FactSource{stored.document_id, stored.event_index, stored.event.evidence, stored.published});
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
  auto events = db_->Query(
      "SELECT id, " + EventColumns() + " FROM events WHERE document_id = $1 ORDER BY event_index",
      {id});
  if (!events.ok()) return events.status();
  for (const Row& event : events.value()) stored.events.push_back(ParseEventRow(event, 0));
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
