// SPDX-License-Identifier: MIT
// The store: documents, stories, events with evidence, and the facts they make
// across articles, in SQLite (embedded default) or PostgreSQL. All SQL is
// parameterised. Tested by event_store_test.cc (SQLite always, PostgreSQL when
// EPIWIRE_TEST_POSTGRES_URL is set).
#ifndef EPIWIRE_STORE_EVENT_STORE_H_
#define EPIWIRE_STORE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/date.h"
#include "epiwire/model/document.h"
#include "epiwire/model/fact.h"

namespace epiwire::store {

// What Put did with a document.
enum class PutOutcome { kInserted, kUnchanged, kReplaced };

// Filters for queries; empty fields do not filter.
struct EventFilter {
  std::string disease;
  std::string country;      // ISO alpha-2 of the event's place
  std::string subdivision;  // ISO 3166-2
  std::optional<EventType> type;
  std::optional<Date> from;  // period end (or published) on or after
  std::optional<Date> to;    // period end (or published) on or before
  size_t limit = 1000;
  size_t offset = 0;
};

struct StoredEvent {
  int64_t id = 0;
  std::string document_id;
  int event_index = 0;  // position in the document's events
  int64_t fact_id = 0;
  std::optional<Date> published;
  Event event;
};

struct StoredDocument {
  Document document;  // with text
  std::vector<Story> stories;
  std::vector<RemovedRange> removed;
  std::vector<StoredEvent> events;
};

// A row of an official series (one running total per place, status and day).
struct OfficialValue {
  std::string country;      // ISO alpha-2
  std::string subdivision;  // ISO 3166-2 or empty
  std::string place_name;   // as in the source ("Hubei", "Russia")
  Date date;
  CaseStatus status = CaseStatus::kConfirmed;
  int64_t cumulative = 0;
  std::string source;       // file name
  std::string disease = "covid-19";  // canonical id of what the figures count
  // true: imported cases only (a row of their own in the source); nullopt: all cases.
  std::optional<bool> imported;
};

// An analyst's decision on an alert (signals::Alert::id), e.g. "dismissed".
struct AlertState {
  std::string alert_id;
  std::string state;
  std::string updated_at;  // UTC, ISO 8601
};

// Thread-compatible: one thread at a time uses a store object (no lock is taken
// on each call); OpenAnother gives a connection to each further thread.
class EventStore {
 public:
  virtual ~EventStore() = default;

  // Opens (creating the schema if needed) "path.db", "sqlite:path.db" or
  // "postgresql://user@host/db". Fails with a message naming the store.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& url);

  // Another connection to the same database, sharing nothing with this one, so
  // that several threads can read at once (a server answers each request on a
  // connection of its own). Stores that cannot make one (in-memory databases,
  // test doubles) answer with an error; callers then share this one.
  virtual Result<std::unique_ptr<EventStore>> OpenAnother() {
    return Status::InvalidInput("this store cannot open another connection");
  }

  // Stores one extraction. Idempotent: the same document (same id, same text) again
  // is kUnchanged and adds nothing; the same id with another text replaces the old
  // one. Events are linked to facts: an equal key and count joins the fact as a
  // source; an equal key with another count makes a new fact and flags both.
  // Thread-compatible: callers serialise Put on one store.
  //
  // Safe for concurrent writers: any number of processes may Put into one
  // PostgreSQL database at once, and the facts come out the same whatever the
  // order and interleaving of their writes (a fact's representative reading is
  // its earliest published source, ties broken by document id and event index).
  virtual Result<PutOutcome> Put(const Extraction& extraction) = 0;

  // Stores several extractions in one transaction: all of them or, on failure,
  // none. The outcomes are in the batch's order; an id given twice is stored as
  // if Put one after the other. The default runs Put for each (not atomic); it is
  // defined here so that the interface stays header-only for test doubles.
  virtual Result<std::vector<PutOutcome>> PutBatch(const std::vector<Extraction>& batch) {
    std::vector<PutOutcome> outcomes;
    outcomes.reserve(batch.size());
    for (const Extraction& extraction : batch) {
      auto outcome = Put(extraction);
      if (!outcome.ok()) return outcome.status();
      outcomes.push_back(outcome.value());
    }
    return outcomes;
  }
  // How many extractions a PutBatch should carry for the fastest writes (what a
  // writer such as `epiwire ingest` gathers before it stores).
  virtual size_t PreferredBatch() const { return 256; }

  // A bulk load into an empty store (`epiwire ingest` of a year of news) builds the
  // indexes that only the API's lists read once, at its end, one sort each, rather
  // than entry by entry as it stores. DeferListIndexes drops them when the store
  // holds no event and says whether it did; BuildListIndexes makes them again. Until
  // then the lists still answer, only slower. The schema makes them at every opening
  // of the store, so a load that stops half-way leaves them to the next one.
  virtual Result<bool> DeferListIndexes() { return false; }
  virtual Status BuildListIndexes() { return Status::Ok(); }

  // Events and facts matching `filter`, in storage order (ids ascending), one page
  // of filter.limit from filter.offset. A fact matches by its first source's event.
  virtual Result<std::vector<StoredEvent>> Events(const EventFilter& filter) = 0;
  // The same events handed to `each` one at a time as they are read, so that a
  // page of thousands is written out without being held; the StoredEvent passed
  // is valid during the call only.
  virtual Status ForEachEvent(const EventFilter& filter,
                              const std::function<void(const StoredEvent&)>& each) {
    auto events = Events(filter);
    if (!events.ok()) return events.status();
    for (const StoredEvent& event : events.value()) each(event);
    return Status::Ok();
  }
  virtual Result<std::vector<Fact>> Facts(const EventFilter& filter) = 0;
  // nullopt when there is no such document.
  virtual Result<std::optional<StoredDocument>> Document(const std::string& id) = 0;
  virtual Result<int64_t> CountDocuments() = 0;
  virtual Result<int64_t> CountEvents() = 0;
  // Number of facts; stores that keep none answer 0.
  virtual Result<int64_t> CountFacts() { return int64_t{0}; }
  // Text that changes whenever events or alert states change, whoever changed
  // them: what answers computed from the whole store are cached by. Stores that
  // cannot tell answer with an error (nothing is cached).
  virtual Result<std::string> Version() {
    return Status::InvalidInput("this store has no version");
  }

  // Official figures (import-series): replaces the values of the same source.
  virtual Status PutOfficial(const std::vector<OfficialValue>& values) = 0;
  // Official values of one status; an empty country or subdivision does not filter
  // (so "CN", "" gives the country's rows at every level). Sorted by country,
  // subdivision, place name, disease, imported (all cases first), date.
  virtual Result<std::vector<OfficialValue>> Official(const std::string& country,
                                                      const std::string& subdivision,
                                                      CaseStatus status) = 0;

  // Alert states (the dashboard's "dismiss"): SetAlertState records `state` for the
  // alert (an empty state removes the record); AlertStates lists them by id. Alert
  // ids are stable across runs, so a dismissed alert stays dismissed. Stores that
  // keep none answer with an error and an empty list.
  virtual Status SetAlertState(const std::string& alert_id, const std::string& state) {
    (void)alert_id;
    (void)state;
    return Status::InvalidInput("this store keeps no alert states");
  }
  virtual Result<std::vector<AlertState>> AlertStates() { return std::vector<AlertState>(); }

  // The URL of each stored document among `ids` (unknown ids are left out; an empty
  // URL stays empty): what tells the sources of articles apart. Stores that keep no
  // URLs answer with an empty map.
  virtual Result<std::map<std::string, std::string>> DocumentUrls(
      const std::vector<std::string>& ids) {
    (void)ids;
    return std::map<std::string, std::string>();
  }
};

}  // namespace epiwire::store

#endif  // EPIWIRE_STORE_EVENT_STORE_H_
