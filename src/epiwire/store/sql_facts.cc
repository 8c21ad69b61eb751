// SPDX-License-Identifier: MIT
// Writing facts: the batch's figures upserted, the sources they gain, facts
// recomputed after a document was replaced, and the conflict flags of their keys.
#include <iterator>

#include "epiwire/store/event_rows.h"
#include "epiwire/store/sql_event_store.h"

namespace epiwire::store::internal {
namespace {

constexpr size_t kFactUpsertColumns = 16;
constexpr size_t kAddSourcesColumns = 7;
constexpr size_t kCountSourcesColumns = 2;
constexpr size_t kNewRepresentativeColumns = 6;

}  // namespace

// A new fact is written whole (its sources, representative and date) and returned.
// One that another writer added since the facts were read is locked and left as it
// was (an update whose condition is false locks the row and writes nothing), and is
// not returned. (The update that locked a fact set a column to its own value: in
// PostgreSQL, a dead version of the row a fact and batch, that the scans of the facts
// stepped over.)
RowStatement SqlEventStore::FactUpsertStatement() {
  return RowStatement(
      "INSERT INTO facts (key, count, type, disease, status, host, place_name, place_country, "
      "place_subdivision, place_geonameid, period_start, period_end, imported, source_count, "
      "representative_event_id, event_date) VALUES ",
      kFactUpsertColumns,
      " ON CONFLICT (key, count) DO UPDATE SET source_count = facts.source_count WHERE false "
      "RETURNING id, key, count");
}

// The facts there are of rows (key, count): their id, key and count, locked in
// (key, count) order where rows are locked.
RowStatement SqlEventStore::KnownFactsStatement(const SqlConnection& db) {
  const std::string lock = db.LockRows().empty()
                               ? std::string()
                               : " ORDER BY f.key" + std::string(db.ByteOrder()) + ", f.count" +
                                     std::string(db.LockRows()) + " OF f";
  return RowStatement("SELECT f.id, f.key, f.count FROM (VALUES ", 2,
                      ") AS v JOIN facts AS f ON f.key = v.column1 AND f.count = v.column2" + lock,
                      {"TEXT", "BIGINT"});
}

// Rows (fact id, new sources, and the first new source: its published date or
// "~", document id, event index, event id, event date).
RowStatement SqlEventStore::AddSourcesStatement(const SqlConnection& db) {
  const std::string comes_first = ComesFirst(db, 3);
  return RowStatement(
      "UPDATE facts SET source_count = facts.source_count + v.column2, "
      "representative_event_id = CASE WHEN " + comes_first + " THEN v.column6 ELSE "
      "facts.representative_event_id END, event_date = CASE WHEN " + comes_first +
          " THEN v.column7 ELSE facts.event_date END FROM (VALUES ",
      kAddSourcesColumns, ") AS v WHERE facts.id = v.column1",
      {"BIGINT", "BIGINT", "TEXT", "TEXT", "BIGINT", "BIGINT", "TEXT"});
}

// The same in two statements, for an engine that rewrites the entries of every index
// on a column an update sets (the date is in three): the counts (rows: fact id, new
// sources), then the representative and date of only the facts whose first source
// the batch holds (rows: fact id, then as above from the published date on).
RowStatement SqlEventStore::CountSourcesStatement() {
  return RowStatement(
      "UPDATE facts SET source_count = facts.source_count + v.column2 FROM (VALUES ",
      kCountSourcesColumns, ") AS v WHERE facts.id = v.column1", {"BIGINT", "BIGINT"});
}

RowStatement SqlEventStore::NewRepresentativesStatement(const SqlConnection& db) {
  return RowStatement(
      "UPDATE facts SET representative_event_id = v.column5, event_date = v.column6 FROM (VALUES ",
      kNewRepresentativeColumns, ") AS v WHERE facts.id = v.column1 AND " + ComesFirst(db, 2),
      {"BIGINT", "TEXT", "TEXT", "BIGINT", "BIGINT", "TEXT"});
}

// Whether the source in v's columns `first` (published or "~"), first + 1 (document
// id) and first + 2 (event index) comes before the fact's representative.
std::string SqlEventStore::ComesFirst(const SqlConnection& db, int first) {
  const std::string bytes(db.ByteOrder());
  const auto column = [&](int k) { return "v.column" + std::to_string(first + k); };
  return "(facts.representative_event_id IS NULL OR EXISTS (SELECT 1 FROM events AS r WHERE r.id = "
         "facts.representative_event_id AND (COALESCE(r.published, '~')" + bytes + " > " +
         column(0) + " OR (COALESCE(r.published, '~') = " + column(0) + " AND (r.document_id" +
         bytes + " > " + column(1) + " OR (r.document_id = " + column(1) +
         " AND r.event_index > " + column(2) + "))))))";
}

// Only the flags that change are written: most keys have one fact, unflagged.
RowStatement SqlEventStore::ConflictsStatement() {
  return RowStatement(
      "UPDATE facts SET conflict = v.flag FROM (SELECT key, CASE WHEN COUNT(*) > 1 THEN 1 ELSE 0 "
      "END AS flag FROM facts WHERE key IN (VALUES ",
      1, ") GROUP BY key) AS v WHERE facts.key = v.key AND facts.conflict <> v.flag", {"TEXT"});
}

// Several facts a statement, in (key, count) order: the facts there before are locked
// in that order, then the new ones.
Status SqlEventStore::UpsertFacts(const std::map<FactKeyCount, NewSources>& facts,
                                  std::map<FactKeyCount, int64_t>& fact_ids,
                                  std::vector<std::pair<int64_t, const NewSources*>>& gained,
                                  std::set<std::string>& changed_keys) {
  // The facts there before: their ids, and the sources they gain.
  const auto read_known = [&]() -> Status {
    std::vector<Value> keys;
    keys.reserve((facts.size() - fact_ids.size()) * 2);
    for (const auto& [key_count, sources] : facts) {
      if (fact_ids.count(key_count) == 0)
        keys.insert(keys.end(), {key_count.first, key_count.second});
    }
    if (keys.empty()) return Status::Ok();
    auto found = known_facts_.Run(*db_, keys);
    if (!found.ok()) return found.status();
    for (const Row& row : found.value()) {
      const auto fact = facts.find(FactKeyCount(TextOr(row[1]), ParseInt(row[2])));
      if (fact == facts.end())
        return Status::Internal("store: a fact read back is not the batch's");
      const int64_t id = ParseInt(row[0]);
      fact_ids[fact->first] = id;
      gained.emplace_back(id, &fact->second);
    }
    return Status::Ok();
  };
  // The facts there before are read (and locked) first, and only the new ones written.
  if (Status status = read_known(); !status.ok()) return status;
  std::vector<Value> values;
  values.reserve((facts.size() - fact_ids.size()) * kFactUpsertColumns);
  for (const auto& [key_count, sources] : facts) {
    if (fact_ids.count(key_count) > 0) continue;  // read above
    const Event& e = *sources.event;
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
         e.imported ? Value{int64_t{*e.imported ? 1 : 0}} : Value{}, sources.count,
         sources.event_id, DateValue(sources.event_date)});
  }
  if (!values.empty()) {
    auto inserted = upsert_facts_.Run(*db_, values);
    if (!inserted.ok()) return inserted.status();
    for (const Row& row : inserted.value()) {
      FactKeyCount key_count(TextOr(row[1]), ParseInt(row[2]));
      if (facts.count(key_count) == 0) {
        return Status::Internal("store: a fact upsert returned another fact");
      }
      fact_ids[key_count] = ParseInt(row[0]);
      changed_keys.insert(key_count.first);  // a new fact changes its key's set of facts
    }
  }
  // A fact another writer added since the first read is not inserted but locked by
  // the upsert (PostgreSQL), and read now.
  if (Status status = read_known(); !status.ok()) return status;
  if (fact_ids.size() != facts.size()) return Status::Internal("store: a fact upsert returned no id");
  return Status::Ok();
}

Status SqlEventStore::AddSources(const std::vector<std::pair<int64_t, const NewSources*>>& gained) {
  if (!db_->UpdateRewritesIndexesOfSetColumns()) {
    std::vector<Value> values;
    values.reserve(gained.size() * kAddSourcesColumns);
    for (const auto& [fact_id, sources] : gained) {
      values.insert(values.end(), {fact_id, sources->count, sources->order_published,
                                   sources->document_id, sources->event_index, sources->event_id,
                                   DateValue(sources->event_date)});
    }
    auto updated = add_sources_.Run(*db_, values);
    return updated.ok() ? Status::Ok() : updated.status();
  }
  std::vector<Value> counts;
  std::vector<Value> firsts;
  counts.reserve(gained.size() * kCountSourcesColumns);
  firsts.reserve(gained.size() * kNewRepresentativeColumns);
  for (const auto& [fact_id, sources] : gained) {
    counts.insert(counts.end(), {fact_id, sources->count});
    firsts.insert(firsts.end(), {fact_id, sources->order_published, sources->document_id,
                                 sources->event_index, sources->event_id,
                                 DateValue(sources->event_date)});
  }
  auto counted = count_sources_.Run(*db_, counts);
  if (!counted.ok()) return counted.status();
  auto updated = new_representatives_.Run(*db_, firsts);
  return updated.ok() ? Status::Ok() : updated.status();
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

// Every key's lock is taken (in key order) before any flag is read, so the flags
// count the facts of writers that held a lock before.
Status SqlEventStore::RecomputeConflicts(const std::set<std::string>& keys) {
  std::vector<Value> values(keys.begin(), keys.end());
  if (values.empty()) return Status::Ok();
  auto locked = lock_keys_.Run(*db_, values);
  if (!locked.ok()) return locked.status();
  auto updated = update_conflicts_.Run(*db_, values);
  return updated.ok() ? Status::Ok() : updated.status();
}

}  // namespace epiwire::store::internal
