// SPDX-License-Identifier: MIT
// Internal to the store (the public header is event_store.h): the EventStore
// written once over SqlConnection, so SQLite and PostgreSQL share every query.
#ifndef EPIWIRE_STORE_SQL_EVENT_STORE_H_
#define EPIWIRE_STORE_SQL_EVENT_STORE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "epiwire/store/event_store.h"
#include "epiwire/store/row_statement.h"
#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {

// Whether a writer that has written `written` events, `at_plans` of them when its
// statements were last planned, should have them planned again (ForgetPlans): once it
// has written 1,000, then each time what it has written doubles. A plan made for tables
// of a few pages, where reading a whole table is cheaper than probing an index, is
// remade soon; the plans of a large store stay, and a writer of small transactions
// does not plan its statements again for each.
bool PlansAreDue(int64_t written, int64_t at_plans);

class SqlEventStore final : public EventStore {
 public:
  // Creates the schema if needed and migrates an older one (adding the columns later
  // versions added), under the schema lock. `url` is what OpenAnother connects to
  // (empty: it cannot).
  static Result<std::unique_ptr<EventStore>> Create(std::unique_ptr<SqlConnection> connection,
                                                    std::string url = "");
  // Gathers the query planner's statistics when this connection stored many events
  // (SQLite: PostgreSQL's autovacuum does it there).
  ~SqlEventStore() override;

  Result<std::unique_ptr<EventStore>> OpenAnother() override;

  Result<PutOutcome> Put(const Extraction& extraction) override;
  Result<std::vector<PutOutcome>> PutBatch(const std::vector<Extraction>& batch) override;
  size_t PreferredBatch() const override { return db_->PreferredBatch(); }
  Result<bool> DeferListIndexes() override;
  Status BuildListIndexes() override;
  Result<std::vector<StoredEvent>> Events(const EventFilter& filter) override;
  Status ForEachEvent(const EventFilter& filter,
                      const std::function<void(const StoredEvent&)>& each) override;
  Result<std::vector<Fact>> Facts(const EventFilter& filter) override;
  Result<std::optional<StoredDocument>> Document(const std::string& id) override;
  Result<int64_t> CountDocuments() override;
  Result<int64_t> CountEvents() override;
  Result<int64_t> CountFacts() override;
  Result<std::string> Version() override;
  Status PutOfficial(const std::vector<OfficialValue>& values) override;
  Result<std::vector<OfficialValue>> Official(const std::string& country,
                                              const std::string& subdivision,
                                              CaseStatus status) override;
  Status SetAlertState(const std::string& alert_id, const std::string& state) override;
  Result<std::vector<AlertState>> AlertStates() override;
  Result<std::map<std::string, std::string>> DocumentUrls(
      const std::vector<std::string>& ids) override;

 private:
  // A figure of the batch: the facts table's (key, count), the batch's sources of
  // it, and the first of them in source order (the representative if the fact is
  // new, or if it comes before the fact's own).
  struct NewSources {
    const Event* event = nullptr;
    int64_t count = 0;
    int64_t event_id = 0;
    std::string order_published;  // the published date, "~" (after any date) if none
    std::string document_id;
    int64_t event_index = 0;
    std::optional<Date> event_date;
  };
  using FactKeyCount = std::pair<std::string, int64_t>;

  SqlEventStore(std::unique_ptr<SqlConnection> connection, std::string url);
  static RowStatement FactUpsertStatement();
  static RowStatement KnownFactsStatement(const SqlConnection& db);
  static RowStatement AddSourcesStatement(const SqlConnection& db);
  static RowStatement CountSourcesStatement();
  static RowStatement NewRepresentativesStatement(const SqlConnection& db);
  static std::string ComesFirst(const SqlConnection& db, int first);
  static RowStatement ConflictsStatement();

  Status Migrate();
  // Whether events need an index of ids alone (SchemaSql): SQLite's do.
  bool IdIndex() const { return db_->engine() == "SQLite"; }
  // Put of several extractions, retried when concurrent writers deadlock.
  Result<std::vector<PutOutcome>> PutAll(const std::vector<const Extraction*>& batch);
  Result<std::vector<PutOutcome>> PutAllInTransaction(const std::vector<const Extraction*>& batch,
                                                      const std::vector<std::string>& hashes);
  // Inserts the documents rows of batch[entries] whose ids are not stored yet
  // (nothing else of them); returns the ids inserted.
  Result<std::set<std::string>> InsertDocuments(const std::vector<const Extraction*>& batch,
                                                const std::vector<std::string>& hashes,
                                                const std::vector<size_t>& entries);
  // The text hashes of stored documents among batch[entries] (ids ascending and
  // unique), their rows locked.
  Result<std::map<std::string, std::string>> StoredHashes(
      const std::vector<const Extraction*>& batch, const std::vector<size_t>& entries);
  // Deletes the stored document of batch[entry] and inserts the new one's row.
  Status ReplaceDocument(const std::vector<const Extraction*>& batch,
                         const std::vector<std::string>& hashes, size_t entry,
                         std::set<int64_t>& touched_facts);
  // Stories, removed ranges and events of batch[entries] (in that order), with the
  // facts their events make.
  Status InsertDocumentParts(const std::vector<const Extraction*>& batch,
                             const std::vector<size_t>& entries);
  Status InsertEventsAndFacts(const std::vector<const Extraction*>& batch,
                              const std::vector<size_t>& entries,
                              const std::set<int64_t>& removed_from);
  // The facts of the batch's figures, created when missing (with their sources
  // already counted), their rows locked in (key, count) order. Ids go to
  // `fact_ids`; the figures of facts that were there before to `gained`, the keys
  // of new facts to `changed_keys`.
  Status UpsertFacts(const std::map<FactKeyCount, NewSources>& facts,
                     std::map<FactKeyCount, int64_t>& fact_ids,
                     std::vector<std::pair<int64_t, const NewSources*>>& gained,
                     std::set<std::string>& changed_keys);
  // Facts there before that gained sources: their count, and their representative
  // when the first new source comes before it. One statement per chunk of facts:
  // the upsert locked their rows, so count and representative are current.
  Status AddSources(const std::vector<std::pair<int64_t, const NewSources*>>& gained);
  // Deletes a document and its events; the facts they fed go to `touched_facts`.
  Status RemoveDocument(const std::string& id, std::set<int64_t>& touched_facts);
  // Source count, representative and date of a fact from all its events; deleted
  // when none is left, its key then going to `changed_keys`.
  Status RefreshFact(int64_t fact_id, std::set<std::string>& changed_keys);
  // The conflict flags of the facts of keys whose set of facts changed, under the
  // keys' locks (rows of fact_keys, all taken before the flags are read) so that
  // concurrent writers adding rival counts see each other's.
  Status RecomputeConflicts(const std::set<std::string>& keys);
  // "COALESCE(published, '~'), document_id, event_index" in byte order, the order
  // of a fact's sources; columns prefixed with `prefix`.
  std::string SourceOrder(const std::string& prefix) const;
  Result<int64_t> Count(const char* sql);
  // Runs `body` between BEGIN and COMMIT, rolling back when it fails.
  template <typename T, typename Body>
  Result<T> InTransaction(Body body);

  // ANALYZE when the store has grown enough since the statistics were last made.
  Status MaybeUpdateStatistics();

  std::unique_ptr<SqlConnection> db_;
  const std::string url_;
  int64_t events_written_ = 0;  // by this connection, for the planner's statistics
  int64_t events_at_plans_ = 0;      // events_written_ when the plans were last forgotten
  std::vector<Value> event_values_;  // a batch's event rows (InsertEventsAndFacts)
  // The batch statements, made once per store (their texts depend on the engine).
  RowStatement insert_documents_;
  RowStatement stored_hashes_;
  RowStatement upsert_facts_;
  RowStatement known_facts_;
  RowStatement add_sources_;          // or, where updates rewrite the indexes they set:
  RowStatement count_sources_;        // these two
  RowStatement new_representatives_;
  RowStatement lock_keys_;
  RowStatement update_conflicts_;
};

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_SQL_EVENT_STORE_H_
