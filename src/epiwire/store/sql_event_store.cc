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

const char* const kDocumentColumns =
    "id, text_hash, published, published_source, format, url, title, origin, language, text, "
    "ingested_at";
constexpr size_t kDocumentColumnCount = 11;
const char* const kStoryColumns =
    "document_id, story_index, start_offset, end_offset, relevant, score";
const char* const kRemovedColumns = "document_id, removed_index, start_offset, end_offset, reason";

}  // namespace

SqlEventStore::SqlEventStore(std::unique_ptr<SqlConnection> connection, std::string url)
    : db_(std::move(connection)),
      url_(std::move(url)),
      insert_documents_(std::string("INSERT INTO documents (") + kDocumentColumns + ") VALUES ",
                        kDocumentColumnCount, " ON CONFLICT (id) DO NOTHING RETURNING id"),
      stored_hashes_("SELECT id, text_hash FROM documents WHERE id IN (VALUES ", 1,
                     ") ORDER BY id" + std::string(db_->LockRows()), {"TEXT"}),
      upsert_facts_(FactUpsertStatement()),
      known_facts_(KnownFactsStatement(*db_)),
      add_sources_(AddSourcesStatement(*db_)),
      count_sources_(CountSourcesStatement()),
      new_representatives_(NewRepresentativesStatement(*db_)),
      lock_keys_("INSERT INTO fact_keys (key) VALUES ", 1,
                 " ON CONFLICT (key) DO UPDATE SET key = excluded.key"),
      update_conflicts_(ConflictsStatement()) {}

Result<std::unique_ptr<EventStore>> SqlEventStore::Create(
    std::unique_ptr<SqlConnection> connection, std::string url) {
  std::unique_ptr<SqlEventStore> store(new SqlEventStore(std::move(connection), std::move(url)));
  if (Status status = store->Migrate(); !status.ok()) return status;
  return std::unique_ptr<EventStore>(std::move(store));
}

SqlEventStore::~SqlEventStore() {
  if (events_written_ > 0) (void)MaybeUpdateStatistics();
}

// The planner's statistics are brought up to date once the store has gained 10,000
// events, and a tenth of what it held, since they last were: short of that they still
// describe the tables well enough. ANALYZE reads every index of a SQLite store (a
// store of 200,000 documents: 1.9 s), so running it after each run of 10,000 events
// made a small run into a large store cost as much as the store; this way its cost is
// a constant share of what was written. A failure only leaves the older statistics.
Status SqlEventStore::MaybeUpdateStatistics() {
  constexpr int64_t kLeastNewEvents = 10000;
  constexpr int64_t kGrowthDivisor = 10;
  const std::string kName = "events_at_statistics";
  auto count = CountEvents();
  if (!count.ok()) return count.status();
  auto rows = db_->Query("SELECT value FROM epiwire_meta WHERE name = $1", {kName});
  if (!rows.ok()) return rows.status();
  int64_t last = 0;
  if (!rows->empty() && rows.value()[0][0]) last = ParseInt(rows.value()[0][0]);
  if (count.value() - last < std::max(kLeastNewEvents, last / kGrowthDivisor)) return Status::Ok();
  if (Status status = db_->UpdateStatistics(StoreTables()); !status.ok()) return status;
  auto noted = db_->Query(
      "INSERT INTO epiwire_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET "
      "value = excluded.value",
      {kName, std::to_string(count.value())});
  return noted.ok() ? Status::Ok() : noted.status();
}

// The schema exists (this store made or checked it), so the new connection skips
// the migration and its lock: readers open without waiting for writers.
Result<std::unique_ptr<EventStore>> SqlEventStore::OpenAnother() {
  const std::string_view url(url_);
  if (url.empty() || url.find(":memory:") != std::string_view::npos) {
    return Status::InvalidInput(std::string(db_->engine()) +
                                " store: an in-memory database has no other connection");
  }
  const bool postgres = url.starts_with("postgresql://") || url.starts_with("postgres://");
  auto connection = postgres ? OpenPostgres(url_)
                             : OpenSqlite(url.starts_with("sqlite:") ? url_.substr(7) : url_);
  if (!connection.ok()) return connection.status();
  return std::unique_ptr<EventStore>(new SqlEventStore(std::move(connection).value(), url_));
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
  int64_t stored_version = 0;  // 0: a new database
  if (version.value()) {
    auto rows = db_->Query("SELECT value FROM epiwire_meta WHERE name = $1",
                           {std::string("schema_version")});
    if (!rows.ok()) return fail(rows.status());
    if (!rows->empty()) stored_version = ParseInt(rows.value()[0][0]);
    if (stored_version > kSchemaVersion) {
      return fail(Status::InvalidInput(std::string(db_->engine()) +
                                       " store: the database was made by a newer epiwire "
                                       "(schema version " + TextOr(rows.value()[0][0]) + ")"));
    }
  }
  if (Status status = db_->Execute(SchemaSql(db_->IdColumnType(), IdIndex(),
                                             {.rewritten_table = db_->RewrittenTableOptions(),
                                              .long_text = db_->LongTextCompression()}));
      !status.ok()) {
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
  // Version 3 replaced the list indexes: the planner needs statistics to pick them.
  if (stored_version > 0 && stored_version < kSchemaVersion)
    return db_->UpdateStatistics(StoreTables());
  return Status::Ok();
}

// The gain grows with the load: `epiwire ingest` of 100,000 documents (684,000 events)
// into a new SQLite store took 22.3 s where it took 24.0 s with the indexes kept up
// as it stored (medians of four alternated runs), of 50,000 about 2% less.
// Several processes loading one new store at once drop and build its indexes each: under
// the schema lock, as the schema is made (Migrate), or two CREATE INDEX IF NOT EXISTS race
// and one fails on PostgreSQL's catalogue.
Result<bool> SqlEventStore::DeferListIndexes() {
  if (Status status = db_->BeginSchemaChange(); !status.ok()) return status;
  const auto fail = [&](Status status) {
    (void)db_->Execute("ROLLBACK");
    return status;
  };
  auto any = db_->Query("SELECT 1 FROM events LIMIT 1", {});
  if (!any.ok()) return fail(any.status());
  const bool empty = any->empty();
  if (empty) {
    if (Status status = db_->Execute(DropEventListIndexesSql()); !status.ok()) return fail(status);
  }
  if (Status status = db_->Execute("COMMIT"); !status.ok()) return fail(status);
  return empty;
}

Status SqlEventStore::BuildListIndexes() {
  if (Status status = db_->BeginSchemaChange(); !status.ok()) return status;
  Status status = db_->Execute(EventListIndexesSql(IdIndex()));
  if (status.ok()) status = db_->Execute("COMMIT");
  if (!status.ok()) (void)db_->Execute("ROLLBACK");
  return status;
}

template <typename T, typename Body>
Result<T> SqlEventStore::InTransaction(Body body) {
  if (Status status = db_->BeginWrite(); !status.ok()) return status;
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

bool PlansAreDue(int64_t written, int64_t at_plans) {
  constexpr int64_t kLeastEvents = 1000;
  return written - at_plans >= std::max(kLeastEvents, at_plans);
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
  // Into an empty PostgreSQL store, the look-up of a batch's facts by their keys had
  // been planned, for good, while the facts were a few pages: as a hash of the whole
  // table, a dozen times a batch once they were 10,000.
  if (PlansAreDue(events_written_, events_at_plans_)) {
    if (Status status = db_->ForgetPlans(); !status.ok()) return status;
    events_at_plans_ = events_written_;
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
// documents (by id), then the facts their events feed (by key and count: those
// there before, read with a lock, then the new ones), then the events; then each
// fact that lost sources is brought up to date from all its events, committed ones
// of other writers too, and the others gain theirs; last, the conflict flags of keys
// that gained or lost a fact, under key locks. Each step is a few statements for the
// whole batch.
Result<std::vector<PutOutcome>> SqlEventStore::PutAllInTransaction(
    const std::vector<const Extraction*>& batch, const std::vector<std::string>& hashes) {
  std::vector<size_t> order(batch.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return batch[a]->document.id < batch[b]->document.id;
  });
  // The first entry of each id goes in with the others; an id given again is
  // then stored as a Put after the first would store it.
  std::vector<size_t> firsts;
  std::vector<size_t> again;
  for (size_t k = 0; k < order.size(); ++k) {
    const bool repeated = k > 0 && batch[order[k]]->document.id == batch[order[k - 1]]->document.id;
    (repeated ? again : firsts).push_back(order[k]);
  }
  std::vector<PutOutcome> outcomes(batch.size(), PutOutcome::kInserted);
  std::map<std::string, size_t> to_insert;  // document id -> the batch entry whose parts go in
  std::set<int64_t> removed_from;           // facts that lost sources
  auto inserted = InsertDocuments(batch, hashes, firsts);
  if (!inserted.ok()) return inserted.status();
  std::vector<size_t> stored_before;
  for (size_t i : firsts) {
    if (inserted->count(batch[i]->document.id) > 0) {
      to_insert[batch[i]->document.id] = i;
    } else {
      stored_before.push_back(i);
    }
  }
  if (!stored_before.empty()) {
    auto stored = StoredHashes(batch, stored_before);
    if (!stored.ok()) return stored.status();
    for (size_t i : stored_before) {
      const std::string& id = batch[i]->document.id;
      auto found = stored->find(id);
      if (found == stored->end()) return Status::Internal("store: document " + id + " vanished");
      if (found->second == hashes[i]) {
        outcomes[i] = PutOutcome::kUnchanged;
        continue;
      }
      if (Status status = ReplaceDocument(batch, hashes, i, removed_from); !status.ok()) {
        return status;
      }
      outcomes[i] = PutOutcome::kReplaced;
      to_insert[id] = i;
    }
  }
  for (size_t i : again) {
    const std::string& id = batch[i]->document.id;
    auto existing =
        db_->Query("SELECT text_hash FROM documents WHERE id = $1" + std::string(db_->LockRows()),
                   {id});
    if (!existing.ok()) return existing.status();
    if (existing->empty()) return Status::Internal("store: document " + id + " vanished");
    if (existing.value()[0][0] == hashes[i]) {
      outcomes[i] = PutOutcome::kUnchanged;
      continue;
    }
    if (Status status = ReplaceDocument(batch, hashes, i, removed_from); !status.ok()) {
      return status;
    }
    outcomes[i] = PutOutcome::kReplaced;
    to_insert[id] = i;
  }
  // Events in the batch's order, so that one process storing its input keeps it.
  std::vector<size_t> entries;
  entries.reserve(to_insert.size());
  for (const auto& [id, i] : to_insert) entries.push_back(i);
  std::sort(entries.begin(), entries.end());
  if (Status status = InsertDocumentParts(batch, entries); !status.ok()) return status;
  if (Status status = InsertEventsAndFacts(batch, entries, removed_from); !status.ok()) {
    return status;
  }
  return outcomes;
}

Result<std::set<std::string>> SqlEventStore::InsertDocuments(
    const std::vector<const Extraction*>& batch, const std::vector<std::string>& hashes,
    const std::vector<size_t>& entries) {
  const std::string now = NowUtc();
  std::vector<Value> values;
  values.reserve(entries.size() * kDocumentColumnCount);
  for (size_t i : entries) {
    const ::epiwire::Document& doc = batch[i]->document;
    values.insert(values.end(),
                  {doc.id, hashes[i], DateValue(doc.published),
                   std::string(PublishedSourceName(doc.published_source)), doc.format, doc.url,
                   doc.title, doc.origin, batch[i]->language, doc.text, now});
  }
  auto rows = insert_documents_.Run(*db_, values);
  if (!rows.ok()) return rows.status();
  std::set<std::string> ids;
  for (const Row& row : rows.value()) ids.insert(TextOr(row[0]));
  return ids;
}

Result<std::map<std::string, std::string>> SqlEventStore::StoredHashes(
    const std::vector<const Extraction*>& batch, const std::vector<size_t>& entries) {
  std::vector<Value> ids;
  ids.reserve(entries.size());
  for (size_t i : entries) ids.emplace_back(batch[i]->document.id);
  auto rows = stored_hashes_.Run(*db_, ids);
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::string> hashes;
  for (const Row& row : rows.value()) hashes[TextOr(row[0])] = TextOr(row[1]);
  return hashes;
}

Status SqlEventStore::ReplaceDocument(const std::vector<const Extraction*>& batch,
                                      const std::vector<std::string>& hashes, size_t entry,
                                      std::set<int64_t>& touched_facts) {
  const std::string& id = batch[entry]->document.id;
  if (Status status = RemoveDocument(id, touched_facts); !status.ok()) return status;
  auto inserted = InsertDocuments(batch, hashes, {entry});
  if (!inserted.ok()) return inserted.status();
  if (inserted->empty()) return Status::Internal("store: document " + id + " was not replaced");
  return Status::Ok();
}

Status SqlEventStore::InsertDocumentParts(const std::vector<const Extraction*>& batch,
                                          const std::vector<size_t>& entries) {
  std::vector<Value> stories;
  std::vector<Value> removed;
  for (size_t i : entries) {
    const Extraction& extraction = *batch[i];
    const std::string& id = extraction.document.id;
    for (size_t s = 0; s < extraction.stories.size(); ++s) {
      const Story& story = extraction.stories[s];
      stories.insert(stories.end(),
                     {id, static_cast<int64_t>(s), static_cast<int64_t>(story.start),
                      static_cast<int64_t>(story.end), int64_t{story.relevant ? 1 : 0},
                      story.score});
    }
    for (size_t r = 0; r < extraction.removed.size(); ++r) {
      const RemovedRange& range = extraction.removed[r];
      removed.insert(
          removed.end(),
          {id, static_cast<int64_t>(r), static_cast<int64_t>(range.start),
           static_cast<int64_t>(range.end),
           std::string(range.reason == RemovalReason::kDuplicate ? "duplicate" : "boilerplate")});
    }
  }
  if (Status status = db_->InsertRows("stories", kStoryColumns, 6, stories); !status.ok()) {
    return status;
  }
  return db_->InsertRows("removed", kRemovedColumns, 5, removed);
}

// The events get their ids before they are written, so that a new fact is
// written once, whole: its sources counted and its representative named.
Status SqlEventStore::InsertEventsAndFacts(const std::vector<const Extraction*>& batch,
                                           const std::vector<size_t>& entries,
                                           const std::set<int64_t>& removed_from) {
  size_t event_count = 0;
  for (size_t i : entries) event_count += batch[i]->events.size();
  std::vector<int64_t> event_ids;
  if (event_count > 0) {
    auto reserved = db_->ReserveIds("events", event_count);
    if (!reserved.ok()) return reserved.status();
    event_ids = std::move(reserved).value();
    if (event_ids.size() != event_count) return Status::Internal("store: too few event ids");
  }
  std::map<FactKeyCount, NewSources> facts;
  std::vector<FactKeyCount> event_facts;  // per event, in the order of event_ids
  event_facts.reserve(event_count);
  size_t next_id = 0;
  for (size_t i : entries) {
    const Extraction& extraction = *batch[i];
    const std::optional<Date>& published = extraction.document.published;
    const std::string order_published = published ? published->ToIso() : "~";
    for (size_t e = 0; e < extraction.events.size(); ++e) {
      const Event& event = extraction.events[e];
      event_facts.emplace_back(FactKey(event), event.count);
      NewSources& sources = facts[event_facts.back()];
      const int64_t event_id = event_ids[next_id++];
      if (sources.count++ > 0 &&
          std::tie(sources.order_published, sources.document_id, sources.event_index) <=
              std::make_tuple(std::cref(order_published), std::cref(extraction.document.id),
                              static_cast<int64_t>(e))) {
        continue;
      }
      sources.event = &event;
      sources.event_id = event_id;
      sources.order_published = order_published;
      sources.document_id = extraction.document.id;
      sources.event_index = static_cast<int64_t>(e);
      sources.event_date = EventDate(event, published);
    }
  }
  std::map<FactKeyCount, int64_t> fact_ids;
  std::vector<std::pair<int64_t, const NewSources*>> gained;
  std::set<std::string> changed_keys;
  if (Status status = UpsertFacts(facts, fact_ids, gained, changed_keys); !status.ok()) {
    return status;
  }

  // The rows go into one vector kept from batch to batch, each event's appended in
  // place (a vector an event, moved in, was 3% of this function), and are sent some
  // thousands at a time: a batch's whole were 50 values an event, 110 MB for 8,192
  // documents, held for as long as the store.
  constexpr size_t kEventsAnInsert = 2048;
  const size_t width = EventColumnCount() + 1;
  const std::string columns = "id, " + EventColumns();
  std::vector<Value>& values = event_values_;
  values.clear();
  values.reserve(std::min(event_count, kEventsAnInsert) * width);
  const auto send = [&] {
    Status sent = db_->InsertRows("events", columns, width, values);
    values.clear();  // the strings go; the room stays
    return sent;
  };
  next_id = 0;
  for (size_t i : entries) {
    const Extraction& extraction = *batch[i];
    for (size_t e = 0; e < extraction.events.size(); ++e, ++next_id) {
      values.emplace_back(event_ids[next_id]);
      AppendEventValues(extraction.document.id, static_cast<int>(e),
                        fact_ids.at(event_facts[next_id]), extraction.document.published,
                        extraction.events[e], values);
      if (values.size() == kEventsAnInsert * width) {
        if (Status sent = send(); !sent.ok()) return sent;
      }
    }
  }
  if (Status sent = send(); !sent.ok()) return sent;
  events_written_ += static_cast<int64_t>(event_count);
  // A fact that lost sources is recomputed from all its events, in id order.
  for (int64_t fact_id : removed_from) {
    if (Status status = RefreshFact(fact_id, changed_keys); !status.ok()) return status;
  }
  std::erase_if(gained, [&](const auto& fact) { return removed_from.count(fact.first) > 0; });
  if (Status status = AddSources(gained); !status.ok()) return status;
  return RecomputeConflicts(changed_keys);
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

Status SqlEventStore::PutOfficial(const std::vector<OfficialValue>& values) {
  auto done = InTransaction<bool>([&]() -> Result<bool> {
    std::set<std::string> sources;
    for (const OfficialValue& value : values) sources.insert(value.source);
    for (const std::string& source : sources) {
      auto deleted = db_->Query("DELETE FROM official WHERE source = $1", {source});
      if (!deleted.ok()) return deleted.status();
    }
    std::vector<Value> rows;
    rows.reserve(values.size() * 9);
    for (const OfficialValue& value : values) {
      rows.insert(rows.end(),
                  {value.country, value.subdivision, value.place_name, value.date.ToIso(),
                   std::string(CaseStatusName(value.status)), value.cumulative, value.source,
                   value.disease,
                   value.imported ? Value{int64_t{*value.imported ? 1 : 0}} : Value{}});
    }
    Status inserted = db_->InsertRows(
        "official",
        "country, subdivision, place_name, date, status, cumulative, source, disease, imported", 9,
        rows);
    if (!inserted.ok()) return inserted;
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
