// SPDX-License-Identifier: MIT
// Internal to the store (the public header is event_store.h): the EventStore
// written once over SqlConnection, so SQLite and PostgreSQL share every query.
#ifndef EPIWIRE_STORE_SQL_EVENT_STORE_H_
#define EPIWIRE_STORE_SQL_EVENT_STORE_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "epiwire/store/event_store.h"
#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {

class SqlEventStore final : public EventStore {
 public:
  // Creates the schema if needed and migrates an older one (adding the columns later
  // versions added), under the schema lock.
  static Result<std::unique_ptr<EventStore>> Create(std::unique_ptr<SqlConnection> connection);

  Result<PutOutcome> Put(const Extraction& extraction) override;
  Result<std::vector<PutOutcome>> PutBatch(const std::vector<Extraction>& batch) override;
  Result<std::vector<StoredEvent>> Events(const EventFilter& filter) override;
  Result<std::vector<Fact>> Facts(const EventFilter& filter) override;
  Result<std::optional<StoredDocument>> Document(const std::string& id) override;
  Result<int64_t> CountDocuments() override;
  Result<int64_t> CountEvents() override;
  Result<int64_t> CountFacts() override;
  Status PutOfficial(const std::vector<OfficialValue>& values) override;
  Result<std::vector<OfficialValue>> Official(const std::string& country,
                                              const std::string& subdivision,
                                              CaseStatus status) override;
  Status SetAlertState(const std::string& alert_id, const std::string& state) override;
  Result<std::vector<AlertState>> AlertStates() override;
  Result<std::map<std::string, std::string>> DocumentUrls(
      const std::vector<std::string>& ids) override;

 private:
  explicit SqlEventStore(std::unique_ptr<SqlConnection> connection)
      : db_(std::move(connection)) {}

  Status Migrate();
  // Put of several extractions, retried when concurrent writers deadlock.
  Result<std::vector<PutOutcome>> PutAll(const std::vector<const Extraction*>& batch);
  Result<std::vector<PutOutcome>> PutAllInTransaction(const std::vector<const Extraction*>& batch,
                                                      const std::vector<std::string>& hashes);
  Status InsertDocument(const Extraction& extraction, const std::string& hash);
  // The facts of (key, count), created when missing, their rows locked; ids go to
  // `fact_ids`, the keys of new facts to `changed_keys`.
  Status UpsertFacts(const std::map<std::pair<std::string, int64_t>, const Event*>& facts,
                     std::map<std::pair<std::string, int64_t>, int64_t>& fact_ids,
                     std::set<std::string>& changed_keys);
  Status InsertDocumentParts(const Extraction& extraction);
  // Deletes a document and its events; the facts they fed go to `touched_facts`.
  Status RemoveDocument(const std::string& id, std::set<int64_t>& touched_facts);
  // The ids of the new events, in the extraction's order.
  Result<std::vector<int64_t>> InsertEvents(const Extraction& extraction,
                                            const std::vector<int64_t>& fact_ids);
  // Source count, representative and date of a fact from all its events; deleted
  // when none is left, its key then going to `changed_keys`.
  Status RefreshFact(int64_t fact_id, std::set<std::string>& changed_keys);
  // The conflict flags of the facts of keys whose set of facts changed, each
  // under the key's lock (a row of fact_keys) so that concurrent writers adding
  // rival counts see each other's.
  Status RecomputeConflicts(const std::set<std::string>& keys);
  // The same for a fact that only gained sources: `sources` more, and the first
  // of them in source order, which becomes the representative if it comes first.
  struct NewSources {
    int64_t count = 0;
    int64_t event_id = 0;
    std::string order_published;  // the published date, "~" (after any date) if none
    std::string document_id;
    int64_t event_index = 0;
    std::optional<Date> event_date;
  };
  Status AddSources(int64_t fact_id, const NewSources& sources);
  // "COALESCE(published, '~'), document_id, event_index" in byte order, the order
  // of a fact's sources; columns prefixed with `prefix`.
  std::string SourceOrder(const std::string& prefix) const;
  Result<int64_t> Count(const char* sql);
  // Runs `body` between BEGIN and COMMIT, rolling back when it fails.
  template <typename T, typename Body>
  Result<T> InTransaction(Body body);

  std::unique_ptr<SqlConnection> db_;
};

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_SQL_EVENT_STORE_H_
