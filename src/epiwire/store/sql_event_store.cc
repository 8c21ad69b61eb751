// SPDX-License-Identifier: MIT
// Writing: Put (idempotent, one transaction, fact linking) and PutOfficial.
// Reading lives in sql_queries.cc.
#include "epiwire/store/sql_event_store.h"

#include <chrono>
#include <ctime>

#include "epiwire/model/fact.h"
#include "epiwire/store/event_rows.h"
#include "epiwire/store/sha256.h"

namespace epiwire::store::internal {
namespace {

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

std::string_view PublishedSourceName(PublishedSource source) {
  switch (source) {
    case PublishedSource::kGiven: return "given";
    case PublishedSource::kInferred: return "inferred";
    case PublishedSource::kNone: break;
  }
  return "none";
}

}  // namespace

Result<std::unique_ptr<EventStore>> SqlEventStore::Create(
    std::unique_ptr<SqlConnection> connection) {
  Status status = connection->Execute(SchemaSql(connection->IdColumnType()));
  if (!status.ok()) return status;
  // A store made before official values had a disease and an importation flag.
  for (const char* column : {kOfficialDiseaseColumn, kOfficialImportedColumn}) {
    const std::string name(column, std::string_view(column).find(' '));
    if (connection->Query("SELECT " + name + " FROM official WHERE 1 = 0", {}).ok()) continue;
    status = connection->Execute("ALTER TABLE official ADD COLUMN " + std::string(column));
    if (!status.ok()) return status;
  }
  return std::unique_ptr<EventStore>(new SqlEventStore(std::move(connection)));
}

template <typename T, typename Body>
Result<T> SqlEventStore::InTransaction(Body body) {
  if (Status status = db_->Execute("BEGIN"); !status.ok()) return status;
  Result<T> result = body();
  if (!result.ok()) {
    (void)db_->Execute("ROLLBACK");  // the first error is the one to report
    return result;
  }
  if (Status status = db_->Execute("COMMIT"); !status.ok()) {
    (void)db_->Execute("ROLLBACK");
    return status;
  }
  return result;
}

Result<PutOutcome> SqlEventStore::Put(const Extraction& extraction) {
  if (extraction.document.id.empty()) {
    return Status::InvalidInput(std::string(db_->engine()) + " store: a document without an id");
  }
  const std::string hash = Sha256Hex(extraction.document.text);
  return InTransaction<PutOutcome>([&] { return PutInTransaction(extraction, hash); });
}

Result<PutOutcome> SqlEventStore::PutInTransaction(const Extraction& extraction,
                                                   const std::string& hash) {
  const std::string& id = extraction.document.id;
  auto existing = db_->Query("SELECT text_hash FROM documents WHERE id = $1", {id});
  if (!existing.ok()) return existing.status();
  PutOutcome outcome = PutOutcome::kInserted;
  std::set<std::string> changed_keys;
  if (!existing->empty()) {
    if (existing.value()[0][0] == hash) return PutOutcome::kUnchanged;
    if (Status status = RemoveDocument(id, changed_keys); !status.ok()) return status;
    outcome = PutOutcome::kReplaced;
  }
  if (Status status = InsertDocument(extraction, hash); !status.ok()) return status;
  for (size_t i = 0; i < extraction.events.size(); ++i) {
    Status status = InsertEvent(id, static_cast<int>(i), extraction.document.published,
                                extraction.events[i], changed_keys);
    if (!status.ok()) return status;
  }
  if (Status status = RecomputeConflicts(changed_keys); !status.ok()) return status;
  return outcome;
}

Status SqlEventStore::InsertDocument(const Extraction& extraction, const std::string& hash) {
  const ::epiwire::Document& doc = extraction.document;
  auto inserted = db_->Query(
      "INSERT INTO documents (id, text_hash, published, published_source, format, url, title, "
      "origin, language, text, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {doc.id, hash, DateValue(doc.published), std::string(PublishedSourceName(doc.published_source)),
       doc.format, doc.url, doc.title, doc.origin, extraction.language, doc.text, NowUtc()});
  if (!inserted.ok()) return inserted.status();
  for (size_t i = 0; i < extraction.stories.size(); ++i) {
    const Story& story = extraction.stories[i];
    auto row = db_->Query(
        "INSERT INTO stories (document_id, story_index, start_offset, end_offset, relevant, score) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {doc.id, static_cast<int64_t>(i), static_cast<int64_t>(story.start),
         static_cast<int64_t>(story.end), int64_t{story.relevant ? 1 : 0}, story.score});
    if (!row.ok()) return row.status();
  }
  for (size_t i = 0; i < extraction.removed.size(); ++i) {
    const RemovedRange& range = extraction.removed[i];
    auto row = db_->Query(
        "INSERT INTO removed (document_id, removed_index, start_offset, end_offset, reason) "
        "VALUES ($1, $2, $3, $4, $5)",
        {doc.id, static_cast<int64_t>(i), static_cast<int64_t>(range.start),
         static_cast<int64_t>(range.end),
         std::string(range.reason == RemovalReason::kDuplicate ? "duplicate" : "boilerplate")});
    if (!row.ok()) return row.status();
  }
  return Status::Ok();
}

Status SqlEventStore::InsertEvent(const std::string& document_id, int index,
                                  const std::optional<Date>& published, const Event& event,
                                  std::set<std::string>& changed_keys) {
  const std::string key = FactKey(event);
  auto found = db_->Query("SELECT id FROM facts WHERE key = $1 AND count = $2", {key, event.count});
  if (!found.ok()) return found.status();
  int64_t fact_id = 0;
  const bool new_fact = found->empty();
  if (!new_fact) {
    fact_id = ParseInt(found.value()[0][0]);
    auto updated = db_->Query("UPDATE facts SET source_count = source_count + 1 WHERE id = $1",
                              {fact_id});
    if (!updated.ok()) return updated.status();
  } else {
    const std::optional<Place>& place = event.place;
    auto created = db_->Query(
        "INSERT INTO facts (key, count, type, disease, status, place_name, place_country, "
        "place_subdivision, place_geonameid, event_date, period_start, period_end, imported, "
        "source_count, conflict) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
        "1, 0) RETURNING id",
        {key, event.count, std::string(event.type == EventType::kCases ? "cases" : "measure"),
         event.disease, std::string(CaseStatusName(event.status)),
         place ? Value{place->name} : Value{}, place ? Value{place->country} : Value{},
         place ? Value{place->subdivision} : Value{}, place ? Value{place->geonameid} : Value{},
         DateValue(EventDate(event, published)),
         DateValue(event.period ? event.period->start : std::nullopt),
         DateValue(event.period ? event.period->end : std::nullopt),
         event.imported ? Value{int64_t{*event.imported ? 1 : 0}} : Value{}});
    if (!created.ok()) return created.status();
    if (created->empty()) return Status::Internal("store: INSERT returned no fact id");
    fact_id = ParseInt(created.value()[0][0]);
    changed_keys.insert(key);
  }
  static const std::string insert_event = "INSERT INTO events (" + EventColumns() +
                                          ") VALUES (" + EventPlaceholders(1) + ") RETURNING id";
  auto inserted =
      db_->Query(insert_event, EventValues(document_id, index, fact_id, published, event));
  if (!inserted.ok()) return inserted.status();
  if (new_fact && !inserted->empty()) {
    auto linked = db_->Query("UPDATE facts SET representative_event_id = $1 WHERE id = $2",
                             {ParseInt(inserted.value()[0][0]), fact_id});
    if (!linked.ok()) return linked.status();
  }
  return Status::Ok();
}

Status SqlEventStore::RemoveDocument(const std::string& id, std::set<std::string>& changed_keys) {
  auto facts = db_->Query("SELECT DISTINCT fact_id FROM events WHERE document_id = $1", {id});
  if (!facts.ok()) return facts.status();
  for (const char* sql : {"DELETE FROM events WHERE document_id = $1",
                          "DELETE FROM stories WHERE document_id = $1",
                          "DELETE FROM removed WHERE document_id = $1",
                          "DELETE FROM documents WHERE id = $1"}) {
    auto deleted = db_->Query(sql, {id});
    if (!deleted.ok()) return deleted.status();
  }
  for (const Row& row : facts.value()) {
    const int64_t fact_id = ParseInt(row[0]);
    auto updated = db_->Query(
        "UPDATE facts SET source_count = (SELECT COUNT(*) FROM events WHERE fact_id = $1), "
        "representative_event_id = (SELECT MIN(id) FROM events WHERE fact_id = $1) WHERE id = $1",
        {fact_id});
    if (!updated.ok()) return updated.status();
    // The representative may now be another document's reading, with its own date.
    auto dated = db_->Query(
        "UPDATE facts SET event_date = (SELECT event_date FROM events WHERE events.id = "
        "facts.representative_event_id) WHERE id = $1 AND source_count > 0",
        {fact_id});
    if (!dated.ok()) return dated.status();
    auto emptied = db_->Query("DELETE FROM facts WHERE id = $1 AND source_count = 0 RETURNING key",
                              {fact_id});
    if (!emptied.ok()) return emptied.status();
    for (const Row& gone : emptied.value()) changed_keys.insert(TextOr(gone[0]));
  }
  return Status::Ok();
}

Status SqlEventStore::RecomputeConflicts(const std::set<std::string>& keys) {
  for (const std::string& key : keys) {
    auto updated = db_->Query(
        "UPDATE facts SET conflict = CASE WHEN (SELECT COUNT(*) FROM facts AS other WHERE "
        "other.key = $1) > 1 THEN 1 ELSE 0 END WHERE key = $1",
        {key});
    if (!updated.ok()) return updated.status();
  }
  return Status::Ok();
}

Status SqlEventStore::PutOfficial(const std::vector<OfficialValue>& values) {
  auto done = InTransaction<bool>([&]() -> Result<bool> {
    std::set<std::string> sources;
    for (const OfficialValue& value : values) sources.insert(value.source);
    for (const std::string& source : sources) {
      auto deleted = db_->Query("DELETE FROM official WHERE source = $1", {source});
      if (!deleted.ok()) return deleted.status();
    }
    for (const OfficialValue& value : values) {
      auto inserted = db_->Query(
          "INSERT INTO official (country, subdivision, place_name, date, status, cumulative, "
          "source, disease, imported) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
          {value.country, value.subdivision, value.place_name, value.date.ToIso(),
           std::string(CaseStatusName(value.status)), value.cumulative, value.source,
           value.disease,
           value.imported ? Value{int64_t{*value.imported ? 1 : 0}} : Value{}});
      if (!inserted.ok()) return inserted.status();
    }
    return true;
  });
  return done.ok() ? Status::Ok() : done.status();
}

}  // namespace epiwire::store::internal

namespace epiwire::store::internal {

Status SqlEventStore::SetAlertState(const std::string& alert_id, const std::string& state) {
  if (alert_id.empty()) return Status::InvalidInput("alert state: an empty alert id");
  auto done = state.empty()
                  ? db_->Query("DELETE FROM alert_states WHERE alert_id = $1", {alert_id})
                  : db_->Query(
                        "INSERT INTO alert_states (alert_id, state, updated_at) VALUES ($1, $2, "
                        "$3) ON CONFLICT (alert_id) DO UPDATE SET state = excluded.state, "
                        "updated_at = excluded.updated_at",
                        {alert_id, state, NowUtc()});
  return done.ok() ? Status::Ok() : done.status();
}

Result<std::vector<AlertState>> SqlEventStore::AlertStates() {
  auto rows = db_->Query("SELECT alert_id, state, updated_at FROM alert_states ORDER BY alert_id",
                         {});
  if (!rows.ok()) return rows.status();
  std::vector<AlertState> states;
  states.reserve(rows->size());
  for (const Row& row : rows.value()) {
    states.push_back(AlertState{TextOr(row[0]), TextOr(row[1]), TextOr(row[2])});
  }
  return states;
}

}  // namespace epiwire::store::internal
