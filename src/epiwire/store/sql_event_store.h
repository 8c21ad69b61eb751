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
  // Creates the schema if needed, and adds the columns later versions added to an
  // existing store.
  static Result<std::unique_ptr<EventStore>> Create(std::unique_ptr<SqlConnection> connection);

  Result<PutOutcome> Put(const Extraction& extraction) override;
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

  Result<PutOutcome> PutInTransaction(const Extraction& extraction, const std::string& hash);
  Status InsertDocument(const Extraction& extraction, const std::string& hash);
  // Deletes a document and its events, updating the facts they fed; keys whose
  // set of facts changed are added to `changed_keys`.
  Status RemoveDocument(const std::string& id, std::set<std::string>& changed_keys);
  Status InsertEvent(const std::string& document_id, int index,
                     const std::optional<Date>& published, const Event& event,
                     std::set<std::string>& changed_keys);
  Status RecomputeConflicts(const std::set<std::string>& keys);
  Result<int64_t> Count(const char* sql);
  // Runs `body` between BEGIN and COMMIT, rolling back when it fails.
  template <typename T, typename Body>
  Result<T> InTransaction(Body body);

  std::unique_ptr<SqlConnection> db_;
};

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_SQL_EVENT_STORE_H_
