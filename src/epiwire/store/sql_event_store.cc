// SPDX-License-Identifier: MIT
// Writing: Put (idempotent, one transaction, fact linking) and PutOfficial.
// Reading lives in sql_queries.cc.
#include "epiwire/store/sql_event_store.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <map>
#include <thread>
#include <tuple>

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
  std::unique_ptr<SqlEventStore> store(new SqlEventStore(std::move(connection)));
  if (Status status = store->Migrate(); !status.ok()) return status;
  return std::unique_ptr<EventStore>(std::move(store));
}

// Two processes opening one new database at once would both run CREATE TABLE
// (PostgreSQL's IF NOT EXISTS is not safe against that), so the schema is made
// and migrated in one transaction under the schema lock; the second process waits
// and then finds the tables made.
Status SqlEventStore::Migrate() {
  if (Status status = db_->BeginSchemaChange(); !status.ok()) return status;
  const auto fail = [&](Status status) {
    (void)db_->Execute("ROLLBACK");
    return status;
  };
  auto version = db_->HasColumn("epiwire_meta", "value");
  if (!version.ok()) return fail(version.status());
  if (version.value()) {
    auto rows = db_->Query("SELECT value FROM epiwire_meta WHERE name = $1",
                           {std::string("schema_version")});
    if (!rows.ok()) return fail(rows.status());
    if (!rows->empty() && ParseInt(rows.value()[0][0]) > kSchemaVersion) {
      return fail(Status::InvalidInput(std::string(db_->engine()) +
                                       " store: the database was made by a newer epiwire "
                                       "(schema version " + TextOr(rows.value()[0][0]) + ")"));
    }
  }
  if (Status status = db_->Execute(SchemaSql(db_->IdColumnType())); !status.ok()) {
    return fail(status);
  }
  // Columns later versions added: the host of case events (older rows are all
  // people's), and the disease and importation flag of official values.
  const std::pair<const char*, std::string> added[] = {
      {"events", "host TEXT NOT NULL DEFAULT 'human'"},
      {"facts", "host TEXT NOT NULL DEFAULT 'human'"},
      {"official", kOfficialDiseaseColumn},
      {"official", kOfficialImportedColumn}};
  for (const auto& [table, column] : added) {
    auto present = db_->HasColumn(table, column.substr(0, column.find(' ')));
    if (!present.ok()) return fail(present.status());
    if (present.value()) continue;
    Status status = db_->Execute(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column);
    if (!status.ok()) return fail(status);
  }
  auto updated = db_->Query("UPDATE epiwire_meta SET value = $1 WHERE name = $2",
                            {std::to_string(kSchemaVersion), std::string("schema_version")});
  if (!updated.ok()) return fail(updated.status());
  if (Status status = db_->Execute("COMMIT"); !status.ok()) return fail(status);
  return Status::Ok();
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
  auto outcomes = PutAll({&extraction});
  if (!outcomes.ok()) return outcomes.status();
  return outcomes.value()[0];
}

Result<std::vector<PutOutcome>> SqlEventStore::PutBatch(const std::vector<Extraction>& batch) {
  std::vector<const Extraction*> pointers;
  pointers.reserve(batch.size());
  for (const Extraction& extraction : batch) pointers.push_back(&extraction);
  return PutAll(pointers);
}

Result<std::vector<PutOutcome>> SqlEventStore::PutAll(
    const std::vector<const Extraction*>& batch) {
  std::vector<std::string> hashes;
  hashes.reserve(batch.size());
  for (const Extraction* extraction : batch) {
    if (extraction->document.id.empty()) {
      return Status::InvalidInput(std::string(db_->engine()) + " store: a document without an id" +
                                  (extraction->document.origin.empty()
                                       ? std::string()
                                       : " (" + extraction->document.origin + ")"));
    }
    hashes.push_back(Sha256Hex(extraction->document.text));
  }
  // Concurrent writers that lock the same rows in another order deadlock; the
  // server then aborts one of them, which tries again after a short pause.
  static constexpr int kTries = 8;
  for (int attempt = 1;; ++attempt) {
    const int transient_before = db_->transient_failures();
    auto outcomes = InTransaction<std::vector<PutOutcome>>(
        [&] { return PutAllInTransaction(batch, hashes); });
    if (outcomes.ok() || attempt == kTries || db_->transient_failures() == transient_before) {
      return outcomes;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt + std::rand() % 20));
  }
}

// In steps, so that concurrent writers take their locks in one order: the
// documents (by id), then the facts their events feed (by key and count, an
// upsert that locks each fact's row), then the events, then each touched fact is
// brought up to date from all its events, committed ones of other writers too;
// last, the conflict flags of keys that gained or lost a fact, under key locks.
Result<std::vector<PutOutcome>> SqlEventStore::PutAllInTransaction(
    const std::vector<const Extraction*>& batch, const std::vector<std::string>& hashes) {
  std::vector<size_t> order(batch.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return batch[a]->document.id < batch[b]->document.id;
  });
  std::vector<PutOutcome> outcomes(batch.size(), PutOutcome::kInserted);
  std::map<std::string, size_t> to_insert;  // document id -> the batch entry whose events go in
  std::set<int64_t> touched_facts;
  std::set<int64_t> removed_from;  // facts that lost sources
  for (size_t i : order) {
    const Extraction& extraction = *batch[i];
    const std::string& id = extraction.document.id;
    if (Status status = InsertDocument(extraction, hashes[i]); status.ok()) {
      to_insert[id] = i;
      continue;
    } else if (status.code() != StatusCode::kNotFound) {
      return status;
    }
    // Stored before (or earlier in this batch): lock its row and compare texts.
    auto existing =
        db_->Query("UPDATE documents SET text_hash = text_hash WHERE id = $1 RETURNING text_hash",
                   {id});
    if (!existing.ok()) return existing.status();
    if (existing->empty()) return Status::Internal("store: document " + id + " vanished");
    if (existing.value()[0][0] == hashes[i]) {
      outcomes[i] = PutOutcome::kUnchanged;
      continue;
    }
    if (Status status = RemoveDocument(id, removed_from); !status.ok()) return status;
    touched_facts.insert(removed_from.begin(), removed_from.end());
    to_insert.erase(id);
    if (Status status = InsertDocument(extraction, hashes[i]); !status.ok()) return status;
    outcomes[i] = PutOutcome::kReplaced;
    to_insert[id] = i;
  }

  std::map<std::pair<std::string, int64_t>, const Event*> facts;  // (key, count) -> an event
  std::vector<std::pair<size_t, std::vector<std::string>>> keys;  // per entry to insert
  for (const auto& [id, i] : to_insert) {
    std::vector<std::string> event_keys;
    for (const Event& event : batch[i]->events) {
      event_keys.push_back(FactKey(event));
      facts.emplace(std::make_pair(event_keys.back(), event.count), &event);
    }
    keys.emplace_back(i, std::move(event_keys));
  }
  std::map<std::pair<std::string, int64_t>, int64_t> fact_ids;
  std::set<std::string> changed_keys;
  if (Status status = UpsertFacts(facts, fact_ids, changed_keys); !status.ok()) return status;

  // Events in the batch's order, so that one process storing its input keeps it.
  std::sort(keys.begin(), keys.end());
  std::map<int64_t, NewSources> added;  // by fact id
  for (const auto& [i, event_keys] : keys) {
    const Extraction& extraction = *batch[i];
    std::vector<int64_t> ids;
    for (size_t e = 0; e < event_keys.size(); ++e) {
      ids.push_back(fact_ids.at({event_keys[e], extraction.events[e].count}));
    }
    auto event_ids = InsertEvents(extraction, ids);
    if (!event_ids.ok()) return event_ids.status();
    const std::optional<Date>& published = extraction.document.published;
    const std::string order_published = published ? published->ToIso() : "~";
    for (size_t e = 0; e < ids.size(); ++e) {
      NewSources& sources = added[ids[e]];
      if (sources.count++ > 0 &&
          std::make_tuple(sources.order_published, sources.document_id, sources.event_index) <=
              std::make_tuple(order_published, extraction.document.id, static_cast<int64_t>(e))) {
        continue;
      }
      sources.event_id = event_ids.value()[e];
      sources.order_published = order_published;
      sources.document_id = extraction.document.id;
      sources.event_index = static_cast<int64_t>(e);
      sources.event_date = EventDate(extraction.events[e], published);
    }
  }
  // In id order; a fact that lost sources is recomputed from all its events.
  for (const auto& [fact_id, sources] : added) touched_facts.insert(fact_id);
  for (int64_t fact_id : touched_facts) {
    const bool lost_sources = removed_from.count(fact_id) > 0;
    auto found = added.find(fact_id);
    Status status = lost_sources || found == added.end()
                        ? RefreshFact(fact_id, changed_keys)
                        : AddSources(fact_id, found->second);
    if (!status.ok()) return status;
  }
  if (Status status = RecomputeConflicts(changed_keys); !status.ok()) return status;
  return outcomes;
}

// Several facts a statement, in (key, count) order: the rows are locked in that
// order, the same for every writer.
Status SqlEventStore::UpsertFacts(
    const std::map<std::pair<std::string, int64_t>, const Event*>& facts,
    std::map<std::pair<std::string, int64_t>, int64_t>& fact_ids,
    std::set<std::string>& changed_keys) {
  static constexpr size_t kRowsPerStatement = 32;
  static constexpr int kColumns = 13;
  auto next = facts.begin();
  while (next != facts.end()) {
    std::string sql =
        "INSERT INTO facts (key, count, type, disease, status, host, place_name, place_country, "
        "place_subdivision, place_geonameid, period_start, period_end, imported, source_count) "
        "VALUES ";
    std::vector<Value> values;
    for (size_t row = 0; row < kRowsPerStatement && next != facts.end(); ++row, ++next) {
      sql += row > 0 ? ", (" : "(";
      for (int c = 1; c <= kColumns; ++c) {
        sql += "$" + std::to_string(static_cast<int>(row) * kColumns + c) + ", ";
      }
      sql += "0)";
      const auto& [key_count, event] = *next;
      const Event& e = *event;
      const std::optional<Place>& place = e.place;
      values.insert(
          values.end(),
          {key_count.first, key_count.second,
           std::string(e.type == EventType::kCases ? "cases" : "measure"), e.disease,
           std::string(CaseStatusName(e.status)), std::string(HostName(e.host)),
           place ? Value{place->name} : Value{}, place ? Value{place->country} : Value{},
           place ? Value{place->subdivision} : Value{}, place ? Value{place->geonameid} : Value{},
           DateValue(e.period ? e.period->start : std::nullopt),
           DateValue(e.period ? e.period->end : std::nullopt),
           e.imported ? Value{int64_t{*e.imported ? 1 : 0}} : Value{}});
    }
    sql += " ON CONFLICT (key, count) DO UPDATE SET key = excluded.key "
           "RETURNING id, key, count, source_count";
    auto upserted = db_->Query(sql, values);
    if (!upserted.ok()) return upserted.status();
    for (const Row& row : upserted.value()) {
      const std::string key = TextOr(row[1]);
      fact_ids[{key, ParseInt(row[2])}] = ParseInt(row[0]);
      // A new fact (no source yet) changes its key's set of facts.
      if (ParseInt(row[3]) == 0) changed_keys.insert(key);
    }
  }
  for (const auto& [key_count, event] : facts) {
    if (fact_ids.count(key_count) == 0) return Status::Internal("store: a fact upsert returned no id");
  }
  return Status::Ok();
}

// kNotFound when a document with this id is already there (nothing written).
Status SqlEventStore::InsertDocument(const Extraction& extraction, const std::string& hash) {
  const ::epiwire::Document& doc = extraction.document;
  auto inserted = db_->Query(
      "INSERT INTO documents (id, text_hash, published, published_source, format, url, title, "
      "origin, language, text, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT (id) DO NOTHING RETURNING id",
      {doc.id, hash, DateValue(doc.published), std::string(PublishedSourceName(doc.published_source)),
       doc.format, doc.url, doc.title, doc.origin, extraction.language, doc.text, NowUtc()});
  if (!inserted.ok()) return inserted.status();
  if (inserted->empty()) return Status::NotFound("document " + doc.id + " is stored already");
  return InsertDocumentParts(extraction);
}

Status SqlEventStore::InsertDocumentParts(const Extraction& extraction) {
  const ::epiwire::Document& doc = extraction.document;
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

// Several rows a statement: the statements, not the rows, cost the round trips.
Result<std::vector<int64_t>> SqlEventStore::InsertEvents(const Extraction& extraction,
                                                         const std::vector<int64_t>& fact_ids) {
  static constexpr size_t kRowsPerStatement = 8;
  const std::vector<Event>& events = extraction.events;
  std::vector<int64_t> ids(events.size(), 0);
  for (size_t first = 0; first < events.size(); first += kRowsPerStatement) {
    const size_t rows = std::min(kRowsPerStatement, events.size() - first);
    std::string sql = "INSERT INTO events (" + EventColumns() + ") VALUES ";
    std::vector<Value> values;
    values.reserve(rows * EventColumnCount());
    for (size_t r = 0; r < rows; ++r) {
      const size_t e = first + r;
      sql += (r > 0 ? ", (" : "(") +
             EventPlaceholders(static_cast<int>(r * EventColumnCount()) + 1) + ")";
      std::vector<Value> row = EventValues(extraction.document.id, static_cast<int>(e),
                                           fact_ids[e], extraction.document.published, events[e]);
      std::move(row.begin(), row.end(), std::back_inserter(values));
    }
    // Rows come back in no promised order: each says which event it is.
    sql += " RETURNING id, event_index";
    auto inserted = db_->Query(sql, values);
    if (!inserted.ok()) return inserted.status();
    for (const Row& row : inserted.value()) {
      const int64_t index = ParseInt(row[1]);
      if (index >= 0 && static_cast<size_t>(index) < ids.size()) {
        ids[static_cast<size_t>(index)] = ParseInt(row[0]);
      }
    }
  }
  return ids;
}

Status SqlEventStore::RemoveDocument(const std::string& id, std::set<int64_t>& touched_facts) {
  auto facts = db_->Query("SELECT DISTINCT fact_id FROM events WHERE document_id = $1", {id});
  if (!facts.ok()) return facts.status();
  for (const Row& row : facts.value()) touched_facts.insert(ParseInt(row[0]));
  for (const char* sql : {"DELETE FROM events WHERE document_id = $1",
                          "DELETE FROM stories WHERE document_id = $1",
                          "DELETE FROM removed WHERE document_id = $1",
                          "DELETE FROM documents WHERE id = $1"}) {
    auto deleted = db_->Query(sql, {id});
    if (!deleted.ok()) return deleted.status();
  }
  return Status::Ok();
}

std::string SqlEventStore::SourceOrder(const std::string& prefix) const {
  const std::string bytes(db_->ByteOrder());
  return "COALESCE(" + prefix + "published, '~')" + bytes + ", " + prefix + "document_id" + bytes +
         ", " + prefix + "event_index";
}

// The representative is the earliest published source (undated ones last), then
// the smallest document id and event index: an order that does not depend on
// which writer came first.
Status SqlEventStore::RefreshFact(int64_t fact_id, std::set<std::string>& changed_keys) {
  const std::string first_source =
      "FROM events WHERE fact_id = $1 ORDER BY " + SourceOrder("") + " LIMIT 1";
  const std::string refresh =
      "UPDATE facts SET source_count = (SELECT COUNT(*) FROM events WHERE fact_id = $1), "
      "representative_event_id = (SELECT id " + first_source + "), event_date = (SELECT "
      "event_date " + first_source + ") WHERE id = $1 RETURNING source_count";
  auto refreshed = db_->Query(refresh, {fact_id});
  if (!refreshed.ok()) return refreshed.status();
  if (!refreshed->empty() && ParseInt(refreshed.value()[0][0]) == 0) {
    auto deleted = db_->Query("DELETE FROM facts WHERE id = $1 RETURNING key", {fact_id});
    if (!deleted.ok()) return deleted.status();
    for (const Row& row : deleted.value()) changed_keys.insert(TextOr(row[0]));
  }
  return Status::Ok();
}

Status SqlEventStore::RecomputeConflicts(const std::set<std::string>& keys) {
  for (const std::string& key : keys) {
    auto locked = db_->Query(
        "INSERT INTO fact_keys (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = "
        "excluded.key",
        {key});
    if (!locked.ok()) return locked.status();
    auto updated = db_->Query(
        "UPDATE facts SET conflict = CASE WHEN (SELECT COUNT(*) FROM facts AS other WHERE "
        "other.key = $1) > 1 THEN 1 ELSE 0 END WHERE key = $1",
        {key});
    if (!updated.ok()) return updated.status();
  }
  return Status::Ok();
}

// One statement whatever the number of sources the fact has: the row is locked
// (the upsert took it), so the count and the representative are current.
Status SqlEventStore::AddSources(int64_t fact_id, const NewSources& sources) {
  const std::string bytes(db_->ByteOrder());
  const std::string comes_first =
      "(representative_event_id IS NULL OR EXISTS (SELECT 1 FROM events AS r WHERE r.id = "
      "facts.representative_event_id AND (COALESCE(r.published, '~')" + bytes + " > $3 OR "
      "(COALESCE(r.published, '~') = $3 AND (r.document_id" + bytes + " > $4 OR "
      "(r.document_id = $4 AND r.event_index > $5))))))";
  const std::string sql = "UPDATE facts SET source_count = source_count + $2, "
                          "representative_event_id = CASE WHEN " + comes_first +
                          " THEN $6 ELSE representative_event_id END, event_date = CASE WHEN " +
                          comes_first + " THEN $7 ELSE event_date END WHERE id = $1";
  auto updated = db_->Query(sql, {fact_id, sources.count, sources.order_published,
                                  sources.document_id, sources.event_index, sources.event_id,
                                  DateValue(sources.event_date)});
  return updated.ok() ? Status::Ok() : updated.status();
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
