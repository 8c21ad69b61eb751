// SPDX-License-Identifier: MIT
// The store's contract, run against SQLite (a temporary file) and, when
// EPIWIRE_TEST_POSTGRES_URL names a server, PostgreSQL (a schema of its own per test).
#include "epiwire/store/event_store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <tuple>

#include "epiwire/store/sql_connection.h"
#include "epiwire/store/sql_event_store.h"

// Filters are written with designated initializers that name only what they set.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace epiwire::store {
namespace {

// A fresh SQLite file in a directory of its own.
class SqliteBackend {
 public:
  SqliteBackend() {
    char pattern[] = "/tmp/epiwire_store_test_XXXXXX";
    const char* made = mkdtemp(pattern);
    dir_ = made != nullptr ? made : "";
  }
  ~SqliteBackend() {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  static const char* SkipReason() { return nullptr; }
  std::string Url() const { return "sqlite:" + dir_ + "/store.db"; }
  // Test set-up only: SQL written by the tests.
  void Run(const std::string& sql) const {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ + "/store.db").c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message != nullptr ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
  }
  // The first column of the first row of a query the test writes, or "" for none.
  std::string Scalar(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string value;
    if (sqlite3_open((dir_ + "/store.db").c_str(), &db) != SQLITE_OK) return value;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

 private:
  std::string dir_;
};

// The advisory lock a store holds while it changes its schema (postgres_connection.cc):
// the tests' schemas are made and dropped under it too, so that a test that must see no
// other session change the catalogs for a while can hold it.
constexpr int64_t kSchemaLock = 0x65706977697265;

// A fresh schema on the test server, dropped afterwards.
class PostgresBackend {
 public:
  PostgresBackend() {
    const char* base = std::getenv("EPIWIRE_TEST_POSTGRES_URL");
    if (base == nullptr || *base == '\0') return;
    base_ = base;
    static std::atomic<int> counter{0};
    schema_ = "epiwire_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" +
              std::to_string(std::random_device{}() % 100000);
    RunOnServer(Locked("CREATE SCHEMA " + schema_));
  }
  ~PostgresBackend() {
    if (!schema_.empty()) RunOnServer(Locked("DROP SCHEMA " + schema_ + " CASCADE"));
  }
  static std::string Locked(const std::string& sql) {
    return "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLock) + "); " + sql +
           "; COMMIT";
  }
  static const char* SkipReason() {
    const char* base = std::getenv("EPIWIRE_TEST_POSTGRES_URL");
    return base == nullptr || *base == '\0' ? "EPIWIRE_TEST_POSTGRES_URL is not set" : nullptr;
  }
  std::string Url() const {
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  // Test set-up only: SQL written by the tests, run in the test's schema.
  void Run(const std::string& sql) const { RunOn(Url(), sql); }
  // The first column of the first row of a query the test writes, or "" for none.
  std::string Scalar(const std::string& sql) const {
    PGconn* conn = PQconnectdb(Url().c_str());
    std::string value;
    if (PQstatus(conn) == CONNECTION_OK) {
      PGresult* result = PQexec(conn, sql.c_str());
      if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0) {
        value = PQgetvalue(result, 0, 0);
      }
      PQclear(result);
    }
    PQfinish(conn);
    return value;
  }

 private:
  // Test set-up only: the names are made here, not taken from input.
  void RunOnServer(const std::string& sql) { RunOn(base_, sql); }
  static void RunOn(const std::string& url, const std::string& sql) {
    PGconn* conn = PQconnectdb(url.c_str());
    ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
    PGresult* result = PQexec(conn, sql.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(conn);
  }
  std::string base_;
  std::string schema_;
};

Place MakePlace(std::string name, std::string country, std::string subdivision, int64_t id,
                PlaceLevel level, double lat, double lon) {
  Place place;
  place.name = std::move(name);
  place.country = std::move(country);
  place.subdivision = std::move(subdivision);
  place.geonameid = id;
  place.level = level;
  place.lat = lat;
  place.lon = lon;
  place.has_coordinates = true;
  place.population = id * 10;
  return place;
}

Event CaseEvent(const std::string& disease, const Place& place, Date end, int64_t count) {
  Event event;
  event.type = EventType::kCases;
  event.disease = disease;
  event.place = place;
  event.period = Period::Day(end);
  event.status = CaseStatus::kConfirmed;
  event.count = count;
  event.aggregation = Aggregation::kNew;
  event.evidence = {0, 10, "evidence"};
  return event;
}

Extraction MakeExtraction(const std::string& id, const std::string& text, Date published,
                          std::vector<Event> events) {
  Extraction extraction;
  extraction.document.id = id;
  extraction.document.text = text;
  extraction.document.published = published;
  extraction.document.published_source = PublishedSource::kGiven;
  extraction.document.format = "text";
  extraction.events = std::move(events);
  return extraction;
}

const Place kLagos = MakePlace("Lagos", "NG", "NG-LA", 2332459, PlaceLevel::kCity, 6.45, 3.39);
const Place kKano = MakePlace("Kano", "NG", "NG-KN", 2335204, PlaceLevel::kCity, 12.0, 8.5);
const Place kLima = MakePlace("Lima", "PE", "PE-LIM", 3936456, PlaceLevel::kCity, -12.04, -77.03);

void ExpectSamePlace(const std::optional<Place>& got, const std::optional<Place>& want) {
  ASSERT_EQ(got.has_value(), want.has_value());
  if (!want) return;
  EXPECT_EQ(got->name, want->name);
  EXPECT_EQ(got->country, want->country);
  EXPECT_EQ(got->subdivision, want->subdivision);
  EXPECT_EQ(got->geonameid, want->geonameid);
  EXPECT_EQ(got->level, want->level);
  EXPECT_EQ(got->has_coordinates, want->has_coordinates);
  EXPECT_DOUBLE_EQ(got->lat, want->lat);
  EXPECT_DOUBLE_EQ(got->lon, want->lon);
  EXPECT_EQ(got->population, want->population);
}

void ExpectSameEvent(const Event& got, const Event& want) {
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.disease, want.disease);
  ExpectSamePlace(got.place, want.place);
  EXPECT_EQ(got.period, want.period);
  EXPECT_EQ(got.evidence.start, want.evidence.start);
  EXPECT_EQ(got.evidence.end, want.evidence.end);
  EXPECT_EQ(got.evidence.quote, want.evidence.quote);
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.host, want.host);
  EXPECT_EQ(got.count, want.count);
  EXPECT_EQ(got.qualifier, want.qualifier);
  EXPECT_EQ(got.aggregation, want.aggregation);
  EXPECT_EQ(got.imported, want.imported);
  ExpectSamePlace(got.origin, want.origin);
  ASSERT_EQ(got.route.size(), want.route.size());
  for (size_t i = 0; i < want.route.size(); ++i) ExpectSamePlace(got.route[i], want.route[i]);
  EXPECT_EQ(got.modes, want.modes);
  EXPECT_EQ(got.measure, want.measure);
  EXPECT_EQ(got.action, want.action);
  ExpectSamePlace(got.target, want.target);
  EXPECT_EQ(got.detail, want.detail);
}

template <typename Backend>
class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* reason = Backend::SkipReason()) GTEST_SKIP() << reason;
    auto opened = EventStore::Open(backend_.Url());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
  }

  PutOutcome Put(const Extraction& extraction) {
    auto outcome = store_->Put(extraction);
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    return outcome.ok() ? outcome.value() : PutOutcome::kUnchanged;
  }
  std::vector<StoredEvent> Events(const EventFilter& filter) {
    auto events = store_->Events(filter);
    EXPECT_TRUE(events.ok()) << events.status().message();
    return events.ok() ? events.value() : std::vector<StoredEvent>{};
  }
  std::vector<Fact> Facts(const EventFilter& filter) {
    auto facts = store_->Facts(filter);
    EXPECT_TRUE(facts.ok()) << facts.status().message();
    return facts.ok() ? facts.value() : std::vector<Fact>{};
  }
  int64_t Documents() { return store_->CountDocuments().value(); }
  int64_t EventCount() { return store_->CountEvents().value(); }
  int64_t FactCount() { return store_->CountFacts().value(); }

  Backend backend_;
  std::unique_ptr<EventStore> store_;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
class BackendNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteBackend> ? "SQLite" : "PostgreSQL";
  }
};
TYPED_TEST_SUITE(EventStoreTest, Backends, BackendNames);

TYPED_TEST(EventStoreTest, PutThenReadsBackEveryField) {
  Event cases = CaseEvent("cholera", kLagos, Date{2022, 8, 14}, 42);
  cases.period = Period{Date{2022, 8, 1}, Date{2022, 8, 14}};
  cases.evidence = {5, 61, "Lagos counted 42 cholera deaths among travellers from Lima."};
  cases.status = CaseStatus::kDeaths;
  cases.host = Host::kPoultry;
  cases.qualifier = Qualifier::kAtLeast;
  cases.aggregation = Aggregation::kCumulative;
  cases.imported = true;
  cases.origin = kLima;
  cases.route = {kLima, kKano};
  cases.route[1].has_coordinates = false;
  cases.route[1].lat = 0;
  cases.route[1].lon = 0;
  cases.modes = {TravelMode::kAir, TravelMode::kRoad};
  Event measure;
  measure.type = EventType::kMeasure;
  measure.disease = "cholera";
  measure.place = kKano;
  measure.measure = MeasureKind::kSchoolClosure;
  measure.action = MeasureAction::kTighten;
  measure.target = kLagos;
  measure.detail = "schools shut for two weeks";
  measure.evidence = {62, 100, "Kano closed its schools."};
  Extraction x = MakeExtraction("ng-report", "Some text about \xC3\xA9pid\xC3\xA9mie in Lagos.",
                                Date{2022, 8, 15}, {cases, measure});
  x.document.url = "https://example.org/ng";
  x.document.title = "Cholera in Lagos";
  x.document.origin = "feed.jsonl:3";
  x.document.format = "html";
  x.document.published_source = PublishedSource::kInferred;
  x.stories = {{0, 40, true, 0.875}, {41, 90, false, 0.25}};
  x.removed = {{91, 120, RemovalReason::kDuplicate}, {121, 130, RemovalReason::kBoilerplate}};

  EXPECT_EQ(this->Put(x), PutOutcome::kInserted);

  auto found = this->store_->Document("ng-report");
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(found->has_value());
  const StoredDocument& doc = *found.value();
  EXPECT_EQ(doc.document.id, "ng-report");
  EXPECT_EQ(doc.document.text, x.document.text);
  EXPECT_EQ(doc.document.published, (Date{2022, 8, 15}));
  EXPECT_EQ(doc.document.published_source, PublishedSource::kInferred);
  EXPECT_EQ(doc.document.format, "html");
  EXPECT_EQ(doc.document.url, "https://example.org/ng");
  EXPECT_EQ(doc.document.title, "Cholera in Lagos");
  EXPECT_EQ(doc.document.origin, "feed.jsonl:3");
  ASSERT_EQ(doc.stories.size(), 2u);
  EXPECT_EQ(doc.stories[0].start, 0u);
  EXPECT_EQ(doc.stories[0].end, 40u);
  EXPECT_TRUE(doc.stories[0].relevant);
  EXPECT_DOUBLE_EQ(doc.stories[0].score, 0.875);
  EXPECT_FALSE(doc.stories[1].relevant);
  ASSERT_EQ(doc.removed.size(), 2u);
  EXPECT_EQ(doc.removed[0].start, 91u);
  EXPECT_EQ(doc.removed[0].end, 120u);
  EXPECT_EQ(doc.removed[0].reason, RemovalReason::kDuplicate);
  EXPECT_EQ(doc.removed[1].reason, RemovalReason::kBoilerplate);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].document_id, "ng-report");
  EXPECT_EQ(doc.events[0].event_index, 0);
  EXPECT_EQ(doc.events[1].event_index, 1);
  EXPECT_EQ(doc.events[0].published, (Date{2022, 8, 15}));
  ExpectSameEvent(doc.events[0].event, cases);
  ExpectSameEvent(doc.events[1].event, measure);

  const auto events = this->Events({});
  ASSERT_EQ(events.size(), 2u);
  ExpectSameEvent(events[0].event, cases);
  EXPECT_NE(events[0].fact_id, 0);
  EXPECT_NE(events[0].fact_id, events[1].fact_id);

  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].id, events[0].fact_id);
  EXPECT_EQ(facts[0].key, FactKey(cases));
  EXPECT_FALSE(facts[0].conflict);
  ExpectSameEvent(facts[0].event, cases);
  ASSERT_EQ(facts[0].sources.size(), 1u);
  EXPECT_EQ(facts[0].sources[0].document_id, "ng-report");
  EXPECT_EQ(facts[0].sources[0].event_index, 0);
  EXPECT_EQ(facts[0].sources[0].evidence.quote, cases.evidence.quote);
  EXPECT_EQ(facts[0].sources[0].published, (Date{2022, 8, 15}));
  ExpectSameEvent(facts[1].event, measure);

  auto missing = this->store_->Document("no-such-document");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TYPED_TEST(EventStoreTest, SameDocumentTwiceIsUnchanged) {
  const Extraction x = MakeExtraction("a", "Lagos reported 7 cases.", Date{2022, 8, 2},
                                      {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)});
  EXPECT_EQ(this->Put(x), PutOutcome::kInserted);
  EXPECT_EQ(this->Put(x), PutOutcome::kUnchanged);
  EXPECT_EQ(this->Documents(), 1);
  EXPECT_EQ(this->EventCount(), 1);
  EXPECT_EQ(this->FactCount(), 1);
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].sources.size(), 1u);
}

TYPED_TEST(EventStoreTest, OtherTextUnderTheSameIdReplacesTheDocument) {
  EXPECT_EQ(this->Put(MakeExtraction("a", "first version", Date{2022, 8, 2},
                                     {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7),
                                      CaseEvent("cholera", kKano, Date{2022, 8, 1}, 3)})),
            PutOutcome::kInserted);
  EXPECT_EQ(this->Put(MakeExtraction("a", "second version", Date{2022, 8, 2},
                                     {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 9)})),
            PutOutcome::kReplaced);
  EXPECT_EQ(this->Documents(), 1);
  EXPECT_EQ(this->EventCount(), 1);
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u) << "the facts only the old version fed are gone";
  EXPECT_EQ(facts[0].event.count, 9);
  EXPECT_FALSE(facts[0].conflict);
  auto doc = this->store_->Document("a");
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ(doc.value()->document.text, "second version");
  EXPECT_EQ(doc.value()->events.size(), 1u);
}

TYPED_TEST(EventStoreTest, SameFigureInTwoDocumentsIsOneFactWithTwoSources) {
  const Event figure = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7);
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2}, {figure}));
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 3}, {figure}));
  EXPECT_EQ(this->EventCount(), 2);
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_FALSE(facts[0].conflict);
  ASSERT_EQ(facts[0].sources.size(), 2u);
  EXPECT_EQ(facts[0].sources[0].document_id, "a");
  EXPECT_EQ(facts[0].sources[1].document_id, "b");
  EXPECT_EQ(facts[0].sources[1].published, (Date{2022, 8, 3}));

  // Removing one source (replacing its document) keeps the fact with the other.
  this->Put(MakeExtraction("a", "text a, revised", Date{2022, 8, 2}, {}));
  const auto after = this->Facts({});
  ASSERT_EQ(after.size(), 1u);
  ASSERT_EQ(after[0].sources.size(), 1u);
  EXPECT_EQ(after[0].sources[0].document_id, "b");
}

// A later document that repeats a stored figure and brings a new one: the stored fact
// keeps its id and gains the source, and the new figure is a fact of its own.
TYPED_TEST(EventStoreTest, ALaterDocumentAddsToAStoredFactAndMakesANewOne) {
  const Event lagos = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7);
  const Event kano = CaseEvent("cholera", kKano, Date{2022, 8, 1}, 3);
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2}, {lagos}));
  const auto before = this->Facts({});
  ASSERT_EQ(before.size(), 1u);
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 3}, {kano, lagos}));
  const auto after = this->Facts({});
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].id, before[0].id);
  EXPECT_EQ(after[0].event.place->name, "Lagos");
  ASSERT_EQ(after[0].sources.size(), 2u);
  EXPECT_EQ(after[0].sources[0].document_id, "a") << "the earlier source stays first";
  EXPECT_EQ(after[0].sources[1].document_id, "b");
  ASSERT_EQ(after[1].sources.size(), 1u);
  EXPECT_EQ(after[1].sources[0].document_id, "b");
  EXPECT_FALSE(after[0].conflict);
  EXPECT_FALSE(after[1].conflict);
}

TYPED_TEST(EventStoreTest, DifferentCountsForOneKeyAreTwoConflictingFacts) {
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 8),
                            CaseEvent("cholera", kKano, Date{2022, 8, 1}, 8)}));
  auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_TRUE(facts[0].conflict);
  EXPECT_TRUE(facts[1].conflict);
  EXPECT_FALSE(facts[2].conflict) << "Kano's figure has no rival";
  EXPECT_EQ(facts[0].key, facts[1].key);

  // When b comes round to a's figure, the conflict is gone.
  this->Put(MakeExtraction("b", "text b, corrected", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_FALSE(facts[0].conflict);
  EXPECT_EQ(facts[0].sources.size(), 2u);
}

TYPED_TEST(EventStoreTest, FiltersSelectByCountryDiseaseDateTypeAndPage) {
  Event measure;
  measure.type = EventType::kMeasure;
  measure.disease = "dengue";
  measure.place = kLima;
  measure.measure = MeasureKind::kLockdown;
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 20},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7),
                            CaseEvent("cholera", kKano, Date{2022, 8, 5}, 2),
                            CaseEvent("dengue", kLima, Date{2022, 8, 10}, 30), measure}));
  const auto count = [&](EventFilter filter) { return this->Events(filter).size(); };
  EXPECT_EQ(count({}), 4u);
  EXPECT_EQ(count({.country = "NG"}), 2u);
  EXPECT_EQ(count({.subdivision = "NG-KN"}), 1u);
  EXPECT_EQ(count({.disease = "dengue"}), 2u);
  EXPECT_EQ(count({.disease = "dengue", .type = EventType::kCases}), 1u);
  EXPECT_EQ(count({.type = EventType::kMeasure}), 1u);
  // The measure has no period: it is filed under the publication date (20 August).
  EXPECT_EQ(count({.from = Date{2022, 8, 5}}), 3u);
  EXPECT_EQ(count({.to = Date{2022, 8, 5}}), 2u);
  EXPECT_EQ(count({.from = Date{2022, 8, 2}, .to = Date{2022, 8, 10}}), 2u);
  EXPECT_EQ(count({.country = "XX"}), 0u);
  EXPECT_EQ(count({.limit = 2}), 2u);
  const auto paged = this->Events({.limit = 2, .offset = 3});
  ASSERT_EQ(paged.size(), 1u);
  EXPECT_EQ(paged[0].event.type, EventType::kMeasure);
  EXPECT_TRUE(this->Events({.limit = 2, .offset = 4}).empty());  // past the last
  EXPECT_TRUE(this->Events({.limit = 2, .offset = 400}).empty());
  EXPECT_EQ(this->Facts({.country = "PE"}).size(), 2u);
  EXPECT_EQ(this->Facts({.country = "NG", .to = Date{2022, 8, 1}}).size(), 1u);
  EXPECT_EQ(this->Facts({.limit = 1, .offset = 1}).size(), 1u);
}

// ForEachEvent reads every row into one reused event: a field the row leaves
// empty must not keep the value of the row before.
TYPED_TEST(EventStoreTest, EachEventInTurnHasOnlyItsOwnFields) {
  Event full = CaseEvent("cholera", kLagos, Date{2022, 8, 14}, 42);
  full.aggregation = Aggregation::kCumulative;
  full.imported = true;
  full.origin = kLima;
  full.route = {kLima, kKano};
  full.modes = {TravelMode::kAir};
  full.evidence = {5, 61, "a long quote that leaves room in the string it was read into"};
  Event bare;
  bare.type = EventType::kCases;
  bare.count = 7;
  bare.evidence = {62, 70, "short"};
  Event measure;
  measure.type = EventType::kMeasure;
  measure.measure = MeasureKind::kSchoolClosure;
  measure.target = kKano;
  measure.detail = "schools shut";
  measure.evidence = {71, 80, "closed"};
  ASSERT_EQ(this->Put(MakeExtraction("each", std::string(100, 'x'), Date{2022, 8, 15},
                                     {full, bare, measure, bare})),
            PutOutcome::kInserted);

  EventFilter all;
  auto listed = this->store_->Events(all);
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  std::vector<StoredEvent> seen;
  Status status = this->store_->ForEachEvent(
      all, [&](const StoredEvent& event) { seen.push_back(event); });
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(seen.size(), 4u);
  ASSERT_EQ(listed->size(), 4u);
  for (const StoredEvent& bare_read : {seen[1], seen[3]}) {
    EXPECT_EQ(bare_read.event.count, 7);
    EXPECT_EQ(bare_read.event.evidence.quote, "short");
    EXPECT_FALSE(bare_read.event.place.has_value());
    EXPECT_FALSE(bare_read.event.origin.has_value());
    EXPECT_FALSE(bare_read.event.period.has_value());
    EXPECT_FALSE(bare_read.event.aggregation.has_value());
    EXPECT_FALSE(bare_read.event.imported.has_value());
    EXPECT_TRUE(bare_read.event.route.empty());
    EXPECT_TRUE(bare_read.event.modes.empty());
    EXPECT_TRUE(bare_read.event.disease.empty());
  }
  EXPECT_EQ(seen[2].event.type, EventType::kMeasure);
  EXPECT_EQ(seen[2].event.detail, "schools shut");
  ExpectSamePlace(seen[2].event.target, kKano);
  EXPECT_EQ(seen[0].event.route.size(), 2u);
  ExpectSamePlace(seen[0].event.origin, kLima);
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].id, listed.value()[i].id);
    ExpectSameEvent(seen[i].event, listed.value()[i].event);
  }
}

TYPED_TEST(EventStoreTest, PagesDeepInAFilteredListFollowIdOrder) {
  // Twelve documents of three countries: the filtered list is the country's events
  // in id order, whatever the dates (an index ending in a date must not reorder it).
  const Place places[] = {kLagos, kLima, kKano};
  for (int i = 0; i < 12; ++i) {
    this->Put(MakeExtraction("d" + std::to_string(i), "text " + std::to_string(i),
                             Date{2022, 8, 20},
                             {CaseEvent("cholera", places[i % 3], Date{2022, 8, 12 - i % 5}, i)}));
  }
  const auto nigeria = this->Events({.country = "NG"});
  ASSERT_EQ(nigeria.size(), 8u);
  EXPECT_TRUE(std::is_sorted(nigeria.begin(), nigeria.end(),
                             [](const StoredEvent& a, const StoredEvent& b) { return a.id < b.id; }));
  const auto page = this->Events({.country = "NG", .limit = 3, .offset = 4});
  ASSERT_EQ(page.size(), 3u);
  for (size_t i = 0; i < page.size(); ++i) EXPECT_EQ(page[i].id, nigeria[4 + i].id);
  const auto dated = this->Events(
      {.disease = "cholera", .country = "NG", .from = Date{2022, 8, 9}, .limit = 2, .offset = 1});
  std::vector<int64_t> expected;
  for (const StoredEvent& event : nigeria) {
    if (!(event.event.period->end < Date{2022, 8, 9})) expected.push_back(event.id);
  }
  ASSERT_GE(expected.size(), 3u);
  ASSERT_EQ(dated.size(), 2u);
  EXPECT_EQ(dated[0].id, expected[1]);
  EXPECT_EQ(dated[1].id, expected[2]);
  EXPECT_EQ(this->Events({.subdivision = "NG-KN"}).size(), 4u) << "a subdivision alone";
  const auto facts = this->Facts({.country = "NG", .limit = 2, .offset = 6});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_LT(facts[0].id, facts[1].id);
}

TYPED_TEST(EventStoreTest, AnotherConnectionReadsWhatThisOneWrote) {
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  auto another = this->store_->OpenAnother();
  ASSERT_TRUE(another.ok()) << another.status().message();
  EXPECT_EQ(another.value()->CountEvents().value(), 1);
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 3},
                           {CaseEvent("dengue", kLima, Date{2022, 8, 2}, 3)}));
  EXPECT_EQ(another.value()->CountEvents().value(), 2);
  ASSERT_EQ(another.value()->Events({.country = "PE"}).value().size(), 1u);
}

TYPED_TEST(EventStoreTest, FilterValuesAreDataNotSql) {
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  EXPECT_EQ(this->Events({.country = "NG' OR '1'='1"}).size(), 0u);
  EXPECT_EQ(this->Events({.disease = "x'; DROP TABLE events; --"}).size(), 0u);
  EXPECT_EQ(this->EventCount(), 1);
}

TYPED_TEST(EventStoreTest, OfficialValuesAreStoredAndReplacedBySource) {
  const auto value = [](std::string country, std::string subdivision, Date date, int64_t n,
                        std::string source) {
    return OfficialValue{std::move(country), std::move(subdivision), "somewhere", date,
                         CaseStatus::kConfirmed, n, std::move(source)};
  };
  ASSERT_TRUE(this->store_
                  ->PutOfficial({value("CN", "CN-HB", Date{2020, 1, 22}, 444, "confirmed.csv"),
                                 value("CN", "CN-HB", Date{2020, 1, 23}, 444, "confirmed.csv"),
                                 value("CN", "CN-GD", Date{2020, 1, 22}, 26, "confirmed.csv"),
                                 value("IT", "", Date{2020, 1, 22}, 0, "confirmed.csv")})
                  .ok());
  OfficialValue deaths = value("CN", "CN-HB", Date{2020, 1, 22}, 17, "deaths.csv");
  deaths.status = CaseStatus::kDeaths;
  ASSERT_TRUE(this->store_->PutOfficial({deaths}).ok());

  auto hubei = this->store_->Official("CN", "CN-HB", CaseStatus::kConfirmed);
  ASSERT_TRUE(hubei.ok()) << hubei.status().message();
  ASSERT_EQ(hubei->size(), 2u);
  EXPECT_EQ(hubei.value()[0].date, (Date{2020, 1, 22}));
  EXPECT_EQ(hubei.value()[1].date, (Date{2020, 1, 23}));
  EXPECT_EQ(hubei.value()[0].cumulative, 444);
  EXPECT_EQ(hubei.value()[0].place_name, "somewhere");
  EXPECT_EQ(hubei.value()[0].source, "confirmed.csv");
  EXPECT_EQ(this->store_->Official("CN", "", CaseStatus::kConfirmed)->size(), 3u);
  EXPECT_EQ(this->store_->Official("", "", CaseStatus::kConfirmed)->size(), 4u);
  auto dead = this->store_->Official("CN", "CN-HB", CaseStatus::kDeaths);
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ(dead.value()[0].cumulative, 17);
  EXPECT_EQ(dead.value()[0].status, CaseStatus::kDeaths);

  // A new import of the same file replaces its rows, leaving other files alone.
  ASSERT_TRUE(
      this->store_->PutOfficial({value("CN", "CN-HB", Date{2020, 1, 22}, 500, "confirmed.csv")})
          .ok());
  EXPECT_EQ(this->store_->Official("", "", CaseStatus::kConfirmed)->size(), 1u);
  EXPECT_EQ(this->store_->Official("CN", "CN-HB", CaseStatus::kConfirmed).value()[0].cumulative, 500);
  EXPECT_EQ(this->store_->Official("CN", "CN-HB", CaseStatus::kDeaths)->size(), 1u);
}

TYPED_TEST(EventStoreTest, OfficialValuesKeepDiseaseAndImportedCases) {
  OfficialValue all{"CN", "CN-HL", "Heilongjiang", Date{2020, 4, 7}, CaseStatus::kConfirmed,
                    546, "china.csv"};
  OfficialValue imported = all;
  imported.cumulative = 62;
  imported.imported = true;
  OfficialValue cholera{"MW", "", "Malawi", Date{2022, 8, 1}, CaseStatus::kConfirmed, 23217,
                        "cholera.csv"};
  cholera.disease = "cholera";
  ASSERT_TRUE(this->store_->PutOfficial({imported, all, cholera}).ok());
  auto heilongjiang = this->store_->Official("CN", "CN-HL", CaseStatus::kConfirmed);
  ASSERT_TRUE(heilongjiang.ok()) << heilongjiang.status().message();
  ASSERT_EQ(heilongjiang->size(), 2u);
  EXPECT_FALSE(heilongjiang.value()[0].imported.has_value()) << "all cases first";
  EXPECT_EQ(heilongjiang.value()[0].cumulative, 546);
  EXPECT_EQ(heilongjiang.value()[1].imported, std::optional<bool>(true));
  EXPECT_EQ(heilongjiang.value()[1].cumulative, 62);
  EXPECT_EQ(heilongjiang.value()[1].disease, "covid-19");
  auto malawi = this->store_->Official("MW", "", CaseStatus::kConfirmed);
  ASSERT_EQ(malawi->size(), 1u);
  EXPECT_EQ(malawi.value()[0].disease, "cholera");
}

TYPED_TEST(EventStoreTest, AlertStatesAreRecordedReplacedAndCleared) {
  auto none = this->store_->AlertStates();
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(this->store_->SetAlertState("0123456789abcdef", "dismissed").ok());
  ASSERT_TRUE(this->store_->SetAlertState("0123456789abcdef", "dismissed").ok());
  ASSERT_TRUE(this->store_->SetAlertState("fedcba9876543210", "dismissed").ok());
  auto states = this->store_->AlertStates();
  ASSERT_TRUE(states.ok()) << states.status().message();
  ASSERT_EQ(states->size(), 2u);
  EXPECT_EQ(states.value()[0].alert_id, "0123456789abcdef");
  EXPECT_EQ(states.value()[0].state, "dismissed");
  EXPECT_EQ(states.value()[0].updated_at.size(), 20u);  // 2020-04-05T10:00:00Z
  ASSERT_TRUE(this->store_->SetAlertState("0123456789abcdef", "").ok());
  EXPECT_EQ(this->store_->AlertStates()->size(), 1u);
  EXPECT_FALSE(this->store_->SetAlertState("", "dismissed").ok());
}

TYPED_TEST(EventStoreTest, DocumentUrlsOfStoredDocuments) {
  Extraction a = MakeExtraction("a", "text a", Date{2022, 8, 2},
                                {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)});
  a.document.url = "https://news.example/a";
  this->Put(a);
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 2}, {}));
  auto urls = this->store_->DocumentUrls({"a", "b", "missing"});
  ASSERT_TRUE(urls.ok()) << urls.status().message();
  ASSERT_EQ(urls->size(), 2u);
  EXPECT_EQ(urls->at("a"), "https://news.example/a");
  EXPECT_EQ(urls->at("b"), "");
  std::vector<std::string> many(450, "a");
  EXPECT_EQ(this->store_->DocumentUrls(many)->size(), 1u) << "asked in batches";
}

TYPED_TEST(EventStoreTest, ReopeningKeepsTheData) {
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  this->store_.reset();
  auto reopened = EventStore::Open(this->backend_.Url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ(reopened.value()->CountEvents().value(), 1);
  EXPECT_EQ(reopened.value()->CountFacts().value(), 1);
}

// How many of the indexes only the API's lists read the store has (SQLite has one of
// ids more: PostgreSQL's primary key serves).
template <typename Backend>
int ListIndexCount(const Backend& backend) {
  const std::string names =
      "('events_date', 'events_country_disease', 'events_disease', 'events_id')";
  const std::string count =
      std::is_same_v<Backend, SqliteBackend>
          ? backend.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN " +
                           names)
          : backend.Scalar("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() "
                           "AND indexname IN " + names);
  return count.empty() ? -1 : std::stoi(count);
}

template <typename Backend>
constexpr int kListIndexes = std::is_same_v<Backend, SqliteBackend> ? 4 : 3;

TYPED_TEST(EventStoreTest, AnEmptyStoreDefersItsListIndexesUntilTheLoadBuildsThem) {
  ASSERT_EQ(ListIndexCount(this->backend_), kListIndexes<TypeParam>);
  auto deferred = this->store_->DeferListIndexes();
  ASSERT_TRUE(deferred.ok()) << deferred.status().message();
  EXPECT_TRUE(deferred.value());
  EXPECT_EQ(ListIndexCount(this->backend_), 0);
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  EXPECT_EQ(this->Events({.disease = "cholera", .country = "NG"}).size(), 1u)
      << "the lists answer without their indexes";
  ASSERT_TRUE(this->store_->BuildListIndexes().ok());
  EXPECT_EQ(ListIndexCount(this->backend_), kListIndexes<TypeParam>);
  EXPECT_EQ(this->Events({.disease = "cholera", .country = "NG"}).size(), 1u);
}

TYPED_TEST(EventStoreTest, AStoreHoldingEventsKeepsItsListIndexes) {
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  auto deferred = this->store_->DeferListIndexes();
  ASSERT_TRUE(deferred.ok()) << deferred.status().message();
  EXPECT_FALSE(deferred.value());
  EXPECT_EQ(ListIndexCount(this->backend_), kListIndexes<TypeParam>);
}

TYPED_TEST(EventStoreTest, ALoadThatStopsBeforeBuildingLeavesTheIndexesToTheNextOpening) {
  ASSERT_TRUE(this->store_->DeferListIndexes().value());
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2},
                           {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7)}));
  this->store_.reset();
  ASSERT_EQ(ListIndexCount(this->backend_), 0);
  auto reopened = EventStore::Open(this->backend_.Url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ(ListIndexCount(this->backend_), kListIndexes<TypeParam>);
}

// The planner's statistics are made again once the store has gained 10,000 events and
// a tenth of what it held when they last were, and noted with that count.
TYPED_TEST(EventStoreTest, StatisticsWaitUntilTheStoreGrewByATenth) {
  const auto write = [&](const std::string& prefix, int documents, int events_each) {
    std::vector<Extraction> batch;
    for (int d = 0; d < documents; ++d) {
      std::vector<Event> events;
      for (int e = 0; e < events_each; ++e) {
        events.push_back(CaseEvent("cholera", kLagos, Date{2022, 8, 1}, d * events_each + e + 1));
      }
      batch.push_back(MakeExtraction(prefix + std::to_string(d), "text " + prefix +
                                     std::to_string(d), Date{2022, 8, 2}, std::move(events)));
    }
    auto outcomes = this->store_->PutBatch(batch);
    ASSERT_TRUE(outcomes.ok()) << outcomes.status().message();
    this->store_.reset();  // the statistics are seen to when the writer closes
    auto reopened = EventStore::Open(this->backend_.Url());
    ASSERT_TRUE(reopened.ok()) << reopened.status().message();
    this->store_ = std::move(reopened).value();
  };
  const std::string noted = "SELECT value FROM epiwire_meta WHERE name = 'events_at_statistics'";
  const auto note = [&](const char* count) {
    this->backend_.Run(std::string("UPDATE epiwire_meta SET value = '") + count +
                       "' WHERE name = 'events_at_statistics'");
  };
  write("a", 10, 1000);
  EXPECT_EQ(this->backend_.Scalar(noted), "10000") << "a new store's first 10,000 events";
  note("200000");  // as if they had been made over 200,000 events
  write("b", 10, 1000);
  EXPECT_EQ(this->backend_.Scalar(noted), "200000") << "10,000 new events are not a tenth";
  note("15000");
  write("c", 1, 1);
  EXPECT_EQ(this->backend_.Scalar(noted), "15000") << "5,001 new events are too few";
  note("5000");
  write("d", 1, 1);
  EXPECT_EQ(this->backend_.Scalar(noted), "20002") << "15,002 new events are enough";
}

TYPED_TEST(EventStoreTest, AnimalCountsNeverMergeWithHumanOnes) {
  const Event people = CaseEvent("avian-influenza", kLagos, Date{2022, 8, 1}, 12);
  Event birds = people;
  birds.host = Host::kPoultry;
  this->Put(MakeExtraction("a", "text a", Date{2022, 8, 2}, {people}));
  this->Put(MakeExtraction("b", "text b", Date{2022, 8, 2}, {birds}));
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[0].key, facts[1].key);
  EXPECT_FALSE(facts[0].conflict) << "another host is another figure, not a rival count";
  EXPECT_EQ(facts[0].event.host, Host::kHuman);
  EXPECT_EQ(facts[1].event.host, Host::kPoultry);
  EXPECT_EQ(this->Events({})[1].event.host, Host::kPoultry);
}

TYPED_TEST(EventStoreTest, BatchIsStoredLikeOnePutAfterAnother) {
  const Event figure = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7);
  this->Put(MakeExtraction("stored", "text s", Date{2022, 8, 2}, {figure}));
  const std::vector<Extraction> batch = {
      MakeExtraction("b", "text b", Date{2022, 8, 3}, {figure}),
      MakeExtraction("stored", "text s", Date{2022, 8, 2}, {figure}),
      MakeExtraction("a", "text a", Date{2022, 8, 4},
                     {figure, CaseEvent("cholera", kKano, Date{2022, 8, 1}, 3)}),
      MakeExtraction("a", "text a, corrected", Date{2022, 8, 4}, {figure})};
  auto outcomes = this->store_->PutBatch(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().message();
  EXPECT_EQ(outcomes.value(), (std::vector<PutOutcome>{PutOutcome::kInserted,
                                                       PutOutcome::kUnchanged,
                                                       PutOutcome::kInserted,
                                                       PutOutcome::kReplaced}));
  EXPECT_EQ(this->Documents(), 3);
  EXPECT_EQ(this->EventCount(), 3);
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u) << "Kano's figure came only with the replaced text";
  ASSERT_EQ(facts[0].sources.size(), 3u);
  EXPECT_EQ(facts[0].sources[0].document_id, "stored") << "the earliest published comes first";
  EXPECT_EQ(facts[0].sources[1].document_id, "b");
  EXPECT_EQ(facts[0].sources[2].document_id, "a");
}

// A batch of more rows than one statement holds (chunks of 256, 32, 8 and 4): facts
// shared by many of its documents count them all, and their representative is the
// earliest published, not the first of the batch.
TYPED_TEST(EventStoreTest, BatchOfManyStatementsCountsEverySource) {
  constexpr int kDocuments = 300;
  constexpr int kRivals = 7;
  std::vector<Extraction> batch;
  for (int i = 0; i < kDocuments; ++i) {
    const Date published = Date{2022, 1, 1}.AddDays(kDocuments - i);
    batch.push_back(MakeExtraction(
        "doc-" + std::to_string(i), "text " + std::to_string(i), published,
        {CaseEvent("cholera", kLagos, Date{2022, 1, 1}, i % kRivals),
         CaseEvent("cholera", kKano, published, 1000 + i)}));
  }
  auto outcomes = this->store_->PutBatch(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().message();
  EXPECT_EQ(this->Documents(), kDocuments);
  EXPECT_EQ(this->EventCount(), 2 * kDocuments);
  EXPECT_EQ(this->FactCount(), kRivals + kDocuments);
  for (const Fact& fact : this->Facts({.country = "NG"})) {
    if (fact.event.place->name == "Kano") {
      ASSERT_EQ(fact.sources.size(), 1u);
      EXPECT_FALSE(fact.conflict) << "each Kano figure has a day of its own";
      continue;
    }
    const int64_t rival = fact.event.count;
    EXPECT_TRUE(fact.conflict) << "Lagos has " << kRivals << " counts for one day";
    EXPECT_EQ(fact.sources.size(), static_cast<size_t>((kDocuments - 1 - rival) / kRivals + 1));
    const int last = static_cast<int>(rival) + (kDocuments - 1 - static_cast<int>(rival)) /
                                                   kRivals * kRivals;
    EXPECT_EQ(fact.sources[0].document_id, "doc-" + std::to_string(last))
        << "the latest of the batch was published first";
  }
}

// Numbers are sent as text: a coordinate, a score and a count come back bit for bit,
// those that take all seventeen digits and the largest count included.
TYPED_TEST(EventStoreTest, NumbersComeBackBitForBit) {
  Place place =
      MakePlace("Lagos", "NG", "NG-LA", 2332459, PlaceLevel::kCity, 0.1 + 0.2, -77.03000000000001);
  Event cases = CaseEvent("cholera", place, Date{2022, 8, 1}, INT64_MAX);
  Extraction extraction = MakeExtraction("numbers", "text", Date{2022, 8, 2}, {cases});
  extraction.stories.push_back(Story{0, 4, true, 1.0 / 3.0});
  this->Put(extraction);
  auto stored = this->store_->Document("numbers");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  const StoredDocument& doc = *stored.value();
  ASSERT_EQ(doc.events.size(), 1u);
  ASSERT_TRUE(doc.events[0].event.place.has_value());
  EXPECT_EQ(doc.events[0].event.place->lat, 0.1 + 0.2);
  EXPECT_EQ(doc.events[0].event.place->lon, -77.03000000000001);
  EXPECT_EQ(doc.events[0].event.count, INT64_MAX);
  ASSERT_EQ(doc.stories.size(), 1u);
  EXPECT_EQ(doc.stories[0].score, 1.0 / 3.0);
}

// PostgreSQL receives rows in COPY's text format, where these characters are
// syntax: they must come back as they went in.
TYPED_TEST(EventStoreTest, TabsNewlinesAndBackslashesInTextsComeBackUnchanged) {
  const std::string awkward = "a\ttab\there\nline \\N \\\\N end\\";
  Event cases = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 9);
  cases.evidence.quote = "col1\tcol2\nrow2\r\n" + awkward;
  Event measure;
  measure.type = EventType::kMeasure;
  measure.disease = "cholera";
  measure.place = kKano;
  measure.measure = MeasureKind::kSchoolClosure;
  measure.detail = awkward;
  measure.evidence = {0, 4, "\\N"};
  this->Put(MakeExtraction("awkward", "text", Date{2022, 8, 2}, {cases, measure}));
  const auto events = this->Events({});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.evidence.quote, cases.evidence.quote);
  EXPECT_EQ(events[1].event.detail, awkward);
  EXPECT_EQ(events[1].event.evidence.quote, "\\N");

  OfficialValue value{"CN", "CN-HB", awkward, Date{2020, 1, 22}, CaseStatus::kConfirmed, 444,
                      "a\tb.csv"};
  ASSERT_TRUE(this->store_->PutOfficial({value}).ok());
  auto official = this->store_->Official("CN", "CN-HB", CaseStatus::kConfirmed);
  ASSERT_TRUE(official.ok()) << official.status().message();
  ASSERT_EQ(official->size(), 1u);
  EXPECT_EQ(official.value()[0].place_name, awkward);
  EXPECT_EQ(official.value()[0].source, value.source);
}

TYPED_TEST(EventStoreTest, FailedBatchStoresNothing) {
  const std::vector<Extraction> batch = {
      MakeExtraction("good", "text", Date{2022, 8, 3}, {}),
      MakeExtraction("", "a document without an id", Date{2022, 8, 3}, {})};
  auto outcomes = this->store_->PutBatch(batch);
  ASSERT_FALSE(outcomes.ok());
  EXPECT_EQ(outcomes.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(this->Documents(), 0);
}

// What a writer gathers (PreferredBatch) fits one transaction: every statement within
// the backend's limits, the whole batch stored, or none of it.
TYPED_TEST(EventStoreTest, BatchOfThePreferredSizeIsStoredWhole) {
  const size_t size = this->store_->PreferredBatch();
  ASSERT_GE(size, 1u);
  std::vector<Extraction> batch;
  for (size_t i = 0; i < size; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    batch.push_back(MakeExtraction(
        id, "text " + id, Date{2022, 8, 3},
        {CaseEvent("cholera", kLagos, Date{2022, 8, 1}, static_cast<int>(i) + 1),
         CaseEvent("measles", kLagos, Date{2022, 8, 2}, static_cast<int>(i) + 2)}));
  }
  std::vector<Extraction> failing = batch;
  failing.back().document.id.clear();
  ASSERT_FALSE(this->store_->PutBatch(failing).ok());
  EXPECT_EQ(this->Documents(), 0);

  auto outcomes = this->store_->PutBatch(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().message();
  EXPECT_EQ(outcomes->size(), size);
  EXPECT_EQ(this->Documents(), static_cast<int64_t>(size));
  // (The events are sent some thousands at a time: every part arrives.)
  auto events = this->store_->CountEvents();
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events.value(), static_cast<int64_t>(2 * size));
  EXPECT_EQ(this->Facts({.disease = "measles", .limit = 2 * size}).size(), size);
}

TYPED_TEST(EventStoreTest, RepresentativeIsTheEarliestSourceWhateverTheOrder) {
  Event undated_period = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7);
  undated_period.period.reset();  // filed under each document's publication date
  this->Put(MakeExtraction("late", "text l", Date{2022, 8, 9}, {undated_period}));
  this->Put(MakeExtraction("early", "text e", Date{2022, 8, 3}, {undated_period}));
  const auto facts = this->Facts({});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].sources[0].document_id, "early");
  EXPECT_EQ(this->Facts({.to = Date{2022, 8, 3}}).size(), 1u) << "dated by its first report";
}

// A version-1 database (no host columns): opening it adds them, and its rows read
// as people's cases.
TYPED_TEST(EventStoreTest, OpeningAnOlderDatabaseMigratesIt) {
  this->Put(MakeExtraction("old", "text o", Date{2022, 8, 2},
                           {CaseEvent("avian-influenza", kLagos, Date{2022, 8, 1}, 12)}));
  this->store_.reset();
  this->backend_.Run(
      "ALTER TABLE events DROP COLUMN host; ALTER TABLE facts DROP COLUMN host; "
      "DROP TABLE fact_keys; "
      "UPDATE epiwire_meta SET value = '1' WHERE name = 'schema_version';");
  auto reopened = EventStore::Open(this->backend_.Url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  this->store_ = std::move(reopened).value();
  EXPECT_EQ(this->Events({})[0].event.host, Host::kHuman);
  Event birds = CaseEvent("avian-influenza", kLagos, Date{2022, 8, 1}, 12);
  birds.host = Host::kPoultry;
  this->Put(MakeExtraction("new", "text n", Date{2022, 8, 2}, {birds}));
  EXPECT_EQ(this->FactCount(), 2);
  // Opening again finds nothing left to do.
  this->store_.reset();
  auto again = EventStore::Open(this->backend_.Url());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again.value()->CountFacts().value(), 2);
}

TYPED_TEST(EventStoreTest, DatabaseOfANewerVersionIsRefused) {
  this->store_.reset();
  this->backend_.Run("UPDATE epiwire_meta SET value = '99' WHERE name = 'schema_version';");
  auto reopened = EventStore::Open(this->backend_.Url());
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("newer epiwire"), std::string::npos)
      << reopened.status().message();
}

// What a set of facts says, without the ids that depend on the order of writing.
using FactSummary = std::tuple<std::string, int64_t, bool, std::string, int,
                               std::vector<std::pair<std::string, int>>>;
std::vector<FactSummary> Summarise(const std::vector<Fact>& facts) {
  std::vector<FactSummary> out;
  for (const Fact& fact : facts) {
    std::vector<std::pair<std::string, int>> sources;
    for (const FactSource& source : fact.sources) {
      sources.emplace_back(source.document_id, source.event_index);
    }
    out.emplace_back(fact.key, fact.event.count, fact.conflict, fact.sources[0].document_id,
                     fact.sources[0].event_index, std::move(sources));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Documents whose figures overlap: many report one figure, some a rival count,
// some are later replaced by another text.
std::vector<Extraction> OverlappingDocuments() {
  std::vector<Extraction> docs;
  const Place places[] = {kLagos, kKano, kLima};
  for (int i = 0; i < 48; ++i) {
    std::vector<Event> events;
    for (int e = 0; e < 4; ++e) {
      Event event = CaseEvent(e % 2 == 0 ? "cholera" : "dengue", places[(i + e) % 3],
                              Date{2022, 8, 1 + (e % 2)}, 10 + (i * e) % 3);
      if (e == 3) event.period.reset();
      if (i % 5 == 0) event.host = Host::kPoultry;
      events.push_back(event);
    }
    docs.push_back(MakeExtraction("doc-" + std::to_string(i), "text " + std::to_string(i),
                                  Date{2022, 8, 2 + i % 7}, events));
  }
  for (int i = 0; i < 48; i += 6) {  // a second version of some documents
    Extraction revised = docs[static_cast<size_t>(i)];
    revised.document.text += " (revised)";
    revised.events.pop_back();
    docs.push_back(std::move(revised));
  }
  return docs;
}

TYPED_TEST(EventStoreTest, ConcurrentWritersMakeTheFactsOfOneWriter) {
  const std::vector<Extraction> docs = OverlappingDocuments();
  // The reference: one writer, in order.
  TypeParam reference_backend;
  {
    auto reference = EventStore::Open(reference_backend.Url());
    ASSERT_TRUE(reference.ok()) << reference.status().message();
    for (const Extraction& doc : docs) ASSERT_TRUE(reference.value()->Put(doc).ok());
  }
  auto reference = EventStore::Open(reference_backend.Url());
  ASSERT_TRUE(reference.ok());
  const auto want = Summarise(reference.value()->Facts({.limit = 100000}).value());

  // Four writers, each with the first versions in its own order, in batches;
  // every first version goes to two writers (stored once, unchanged the other
  // time). The revised texts come last, as in the reference.
  const size_t first_versions = 48;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto store = EventStore::Open(this->backend_.Url());
      if (!store.ok()) {
        ++failures;
        return;
      }
      std::vector<Extraction> mine;
      for (size_t i = 0; i < first_versions; ++i) {
        if (i % 4 == static_cast<size_t>(w) || (i + 1) % 4 == static_cast<size_t>(w)) {
          mine.push_back(docs[i]);
        }
      }
      std::shuffle(mine.begin(), mine.end(), std::mt19937(static_cast<unsigned>(w)));
      for (size_t at = 0; at < mine.size(); at += 5) {
        std::vector<Extraction> batch(mine.begin() + static_cast<long>(at),
                                      mine.begin() + static_cast<long>(std::min(at + 5, mine.size())));
        auto outcomes = store.value()->PutBatch(batch);
        if (!outcomes.ok()) {
          ADD_FAILURE() << outcomes.status().message();
          ++failures;
        }
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  ASSERT_EQ(failures.load(), 0);
  std::vector<std::thread> revisers;
  for (int w = 0; w < 2; ++w) {
    revisers.emplace_back([&, w] {
      auto store = EventStore::Open(this->backend_.Url());
      ASSERT_TRUE(store.ok());
      for (size_t i = first_versions + static_cast<size_t>(w); i < docs.size(); i += 2) {
        auto outcome = store.value()->Put(docs[i]);
        EXPECT_TRUE(outcome.ok()) << outcome.status().message();
      }
    });
  }
  for (std::thread& reviser : revisers) reviser.join();

  EXPECT_EQ(this->Documents(), 48);
  EXPECT_EQ(this->EventCount(), reference.value()->CountEvents().value());
  EXPECT_EQ(Summarise(this->Facts({.limit = 100000})), want);
}

TYPED_TEST(EventStoreTest, ManyProcessesOpeningANewDatabaseAtOnceAllSucceed) {
  this->store_.reset();
  TypeParam fresh;
  std::vector<std::thread> openers;
  std::atomic<int> opened{0};
  for (int i = 0; i < 6; ++i) {
    openers.emplace_back([&] {
      auto store = EventStore::Open(fresh.Url());
      EXPECT_TRUE(store.ok()) << store.status().message();
      if (store.ok()) ++opened;
    });
  }
  for (std::thread& opener : openers) opener.join();
  EXPECT_EQ(opened.load(), 6);
}

// PostgreSQL keeps a version of a row for each write to it, until the page is cleaned:
// the facts, which every batch adds sources to, are written no more than they change.
// And a store may share its database with other tables.
using PostgresStoreTest = EventStoreTest<PostgresBackend>;

TEST_F(PostgresStoreTest, AFactALaterDocumentAddsToIsWrittenOnceNotAlsoToLockIt) {
  const Event lagos = CaseEvent("cholera", kLagos, Date{2022, 8, 1}, 7);
  Put(MakeExtraction("a", "text a", Date{2022, 8, 2}, {lagos}));
  // Every update of a fact's row, written down by a trigger of the test's own.
  backend_.Run(
      "CREATE TABLE fact_writes (fact_id BIGINT);"
      "CREATE FUNCTION note_fact_write() RETURNS trigger LANGUAGE plpgsql AS "
      "$$BEGIN INSERT INTO fact_writes VALUES (OLD.id); RETURN NEW; END$$;"
      "CREATE TRIGGER fact_writes BEFORE UPDATE ON facts FOR EACH ROW "
      "EXECUTE FUNCTION note_fact_write();");
  Put(MakeExtraction("b", "text b", Date{2022, 8, 3}, {lagos}));
  EXPECT_EQ(backend_.Scalar("SELECT COUNT(*) FROM fact_writes"), "1");
  auto facts = store_->Facts({});
  ASSERT_TRUE(facts.ok()) << facts.status().message();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ(facts.value()[0].sources.size(), 2u);
}

TEST_F(PostgresStoreTest, StatisticsAreUpdatedOfTheStoresTablesNotOfTheWholeDatabase) {
  backend_.Run("CREATE TABLE not_the_stores (x INTEGER); INSERT INTO not_the_stores VALUES (1);");
  // A store that gained 10,000 events updates its statistics as it closes.
  std::vector<Event> events;
  for (int64_t i = 1; i <= 10000; ++i)
    events.push_back(CaseEvent("cholera", kLagos, Date{2022, 8, 1}, i));
  Put(MakeExtraction("a", "text a", Date{2022, 8, 2}, events));
  store_.reset();
  const auto analysed = [&](const std::string& table) {
    return backend_.Scalar(
        "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = "
        "current_schema() AND relname = '" +
        table + "'");
  };
  EXPECT_EQ(analysed("events"), "t");
  EXPECT_EQ(analysed("facts"), "t");
  EXPECT_EQ(analysed("not_the_stores"), "f");
}

TEST_F(PostgresStoreTest, TheFactsTableLeavesHalfOfEachPageForNewVersionsOfItsRows) {
  EXPECT_EQ(backend_.Scalar("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = "
                            "'facts'::regclass"),
            "fillfactor=50");
}

// PostgreSQL keeps the plan it made for a prepared statement once it had run it a few
// times, with the sizes its tables had then: a look-up of a batch's keys planned while
// the table was nearly empty read the whole table once it had grown. Forgotten, the
// plans are made again with the sizes the tables have.
// (The server keeps a generic plan after five runs when it costs no more than the plans
// made for each run's values, a comparison of estimates: the test asks it to keep one
// from the first run. A schema or a table made or dropped by any session drops every
// plan every session keeps, as the other tests of a parallel run do: the test holds the
// lock their schemas are changed under while it needs its plan kept.)
TEST_F(PostgresStoreTest, ForgottenPlansAreMadeAgainForTheTablesPresentSizes) {
  auto opened = internal::OpenPostgres(backend_.Url());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  internal::SqlConnection& db = *opened.value();
  ASSERT_TRUE(db.Execute("SET plan_cache_mode = force_generic_plan").ok());
  std::string lookup = "SELECT w.seen FROM (VALUES ($1)";
  std::vector<internal::Value> keys = {std::string("word1")};
  for (int i = 2; i <= 256; ++i) {
    lookup += ", ($" + std::to_string(i) + ")";
    keys.emplace_back("word" + std::to_string(i * 7));
  }
  lookup += ") AS v (word) JOIN words AS w ON w.word = v.word";
  const auto run = [&] { return db.QueryRows(lookup, keys, [](internal::RowView) {}); };
  const auto plan = [&] {
    auto name = db.Query("SELECT name FROM pg_prepared_statements WHERE statement = $1", {lookup});
    if (!name.ok() || name->empty() || !name.value()[0][0]) return std::string("no statement");
    std::string execute = "EXPLAIN EXECUTE " + *name.value()[0][0] + "(";
    for (size_t i = 0; i < keys.size(); ++i) {
      execute += (i > 0 ? ", '" : "'") + std::get<std::string>(keys[i]) + "'";
    }
    auto rows = db.Query(execute + ")", {});
    std::string text;
    for (const internal::Row& row : rows.ok() ? rows.value() : internal::Rows{}) {
      text += row[0].value_or("") + "\n";
    }
    return text;
  };
  ASSERT_TRUE(db.Execute("SELECT pg_advisory_lock(" + std::to_string(kSchemaLock) + ")").ok());
  ASSERT_TRUE(db.Execute("CREATE TABLE words (word TEXT PRIMARY KEY, seen BIGINT) "
                         "WITH (autovacuum_enabled = false)")
                  .ok());
  ASSERT_TRUE(run().ok());  // planned for a table of no rows
  ASSERT_TRUE(db.Execute("INSERT INTO words SELECT 'word' || i, i FROM generate_series(1, 200000) "
                         "AS i")
                  .ok());
  ASSERT_TRUE(run().ok());
  const std::string kept = plan();
  ASSERT_TRUE(db.Execute("SELECT pg_advisory_unlock(" + std::to_string(kSchemaLock) + ")").ok());
  ASSERT_NE(kept.find("Seq Scan on words"), std::string::npos)
      << "the plan made for the empty table was not kept: " << kept;
  ASSERT_TRUE(db.ForgetPlans().ok());
  ASSERT_TRUE(run().ok());
  const std::string planned = plan();
  EXPECT_EQ(planned.find("Seq Scan on words"), std::string::npos) << planned;
  EXPECT_NE(planned.find("Index Scan using words_pkey"), std::string::npos) << planned;
}

TEST(PlansAreDue, AfterTheFirstThousandEventsThenEachTimeTheEventsWrittenDouble) {
  EXPECT_FALSE(internal::PlansAreDue(0, 0));
  EXPECT_FALSE(internal::PlansAreDue(999, 0));
  EXPECT_TRUE(internal::PlansAreDue(1000, 0));
  EXPECT_FALSE(internal::PlansAreDue(1999, 1000));
  EXPECT_TRUE(internal::PlansAreDue(2000, 1000));
  EXPECT_FALSE(internal::PlansAreDue(13999, 7000));
  EXPECT_TRUE(internal::PlansAreDue(14000, 7000));
  // A writer of transactions of 14 events: seven times over its first 100,000 events,
  // in 7,143 transactions.
  int forgotten = 0;
  int64_t at = 0;
  for (int64_t written = 0; written <= 100000; written += 14) {
    if (internal::PlansAreDue(written, at)) {
      ++forgotten;
      at = written;
    }
  }
  EXPECT_EQ(forgotten, 7);
}

// The store's connection, counting the plans the store has it forget.
class PlanCountingConnection final : public internal::SqlConnection {
 public:
  PlanCountingConnection(std::unique_ptr<internal::SqlConnection> inner, int* forgotten)
      : inner_(std::move(inner)), forgotten_(forgotten) {}
  Status QueryRows(std::string_view sql, const internal::Value* params, size_t count,
                   const std::function<void(internal::RowView)>& each) override {
    return inner_->QueryRows(sql, params, count, each);
  }
  Status InsertRows(std::string_view table, std::string_view columns, size_t column_count,
                    const std::vector<internal::Value>& values) override {
    return inner_->InsertRows(table, columns, column_count, values);
  }
  Result<std::vector<int64_t>> ReserveIds(std::string_view table, size_t count) override {
    return inner_->ReserveIds(table, count);
  }
  Status BeginWrite() override { return inner_->BeginWrite(); }
  Status ForgetPlans() override {
    ++*forgotten_;
    return inner_->ForgetPlans();
  }
  size_t MaxParameters() const override { return inner_->MaxParameters(); }
  size_t PreferredBatch() const override { return inner_->PreferredBatch(); }
  std::string_view LockRows() const override { return inner_->LockRows(); }
  bool UpdateRewritesIndexesOfSetColumns() const override {
    return inner_->UpdateRewritesIndexesOfSetColumns();
  }
  std::string_view RewrittenTableOptions() const override {
    return inner_->RewrittenTableOptions();
  }
  std::string_view LongTextCompression() const override { return inner_->LongTextCompression(); }
  Status Execute(std::string_view sql) override { return inner_->Execute(sql); }
  std::string_view engine() const override { return inner_->engine(); }
  std::string_view IdColumnType() const override { return inner_->IdColumnType(); }
  Status BeginSchemaChange() override { return inner_->BeginSchemaChange(); }
  Result<bool> HasColumn(std::string_view table, std::string_view column) override {
    return inner_->HasColumn(table, column);
  }
  std::string_view ByteOrder() const override { return inner_->ByteOrder(); }
  Status UpdateStatistics(std::string_view tables) override {
    return inner_->UpdateStatistics(tables);
  }
  int transient_failures() const override { return inner_->transient_failures(); }

 private:
  std::unique_ptr<internal::SqlConnection> inner_;
  int* forgotten_;
};

TEST(SqlEventStore, HasItsPlansForgottenAtItsFirstThousandEventsThenAtEachDoubling) {
  SqliteBackend backend;
  auto inner = internal::OpenSqlite(backend.Url().substr(7));
  ASSERT_TRUE(inner.ok()) << inner.status().message();
  int forgotten = 0;
  auto store = internal::SqlEventStore::Create(
      std::make_unique<PlanCountingConnection>(std::move(inner).value(), &forgotten),
      backend.Url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<int> after;  // plans forgotten after each batch of 300 events
  for (int d = 0; d < 12; ++d) {
    std::vector<Event> events;
    for (int64_t i = 1; i <= 300; ++i) {
      events.push_back(CaseEvent("cholera", kLagos, Date{2022, 8, 1}, d * 1000 + i));
    }
    auto stored = store.value()->PutBatch(
        {MakeExtraction("doc" + std::to_string(d), "text " + std::to_string(d), Date{2022, 8, 2},
                        std::move(events))});
    ASSERT_TRUE(stored.ok()) << stored.status().message();
    after.push_back(forgotten);
  }
  // Before the fifth batch (1,200 events written), then before the ninth (2,400).
  EXPECT_EQ(after, (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}));
}

TEST(EventStoreOpen, AStoreMadeBeforeOfficialDiseasesGetsTheColumns) {
  SqliteBackend backend;
  const std::string path = backend.Url().substr(7);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE official (id INTEGER PRIMARY KEY, country TEXT NOT NULL, "
                         "subdivision TEXT NOT NULL, place_name TEXT NOT NULL, date TEXT NOT NULL, "
                         "status TEXT NOT NULL, cumulative BIGINT NOT NULL, source TEXT NOT NULL);"
                         "INSERT INTO official (country, subdivision, place_name, date, status, "
                         "cumulative, source) VALUES ('RU', '', 'Russia', '2020-04-01', "
                         "'confirmed', 2777, 'old.csv');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto opened = EventStore::Open(backend.Url());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  auto values = opened.value()->Official("RU", "", CaseStatus::kConfirmed);
  ASSERT_TRUE(values.ok()) << values.status().message();
  ASSERT_EQ(values->size(), 1u);
  EXPECT_EQ(values.value()[0].disease, "covid-19");
  EXPECT_FALSE(values.value()[0].imported.has_value());
  // Opening again leaves the columns as they are.
  opened.value().reset();
  EXPECT_TRUE(EventStore::Open(backend.Url()).ok());
}

// Pages are written to the log one system call each: a new SQLite store has 16 KB
// pages; a store made with SQLite's 4 KB pages keeps them (and opens as before).
TEST(EventStoreOpen, ANewSqliteStoreHas16KbPagesAndAnOldOneKeepsItsOwn) {
  const auto page_size = [](const std::string& path) {
    sqlite3* db = nullptr;
    int size = 0;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &statement, nullptr), SQLITE_OK);
    if (sqlite3_step(statement) == SQLITE_ROW) size = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return size;
  };
  SqliteBackend fresh;
  ASSERT_TRUE(EventStore::Open(fresh.Url()).ok());
  EXPECT_EQ(page_size(fresh.Url().substr(7)), 16384);

  SqliteBackend old;
  old.Run("PRAGMA page_size=4096; CREATE TABLE unrelated (x INTEGER);");
  auto opened = EventStore::Open(old.Url());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  EXPECT_TRUE(opened.value()->CountDocuments().ok());
  opened.value().reset();
  EXPECT_EQ(page_size(old.Url().substr(7)), 4096);
}

// A SQLite connection keeps 16 MB of pages (SQLite's default is 2 MB); one that
// writes, 64 MB, and its statements' temporary pages in memory.
TEST(EventStoreOpen, ASqliteReaderKeeps16MbOfPagesAndAWriter64MbCheckpointingEvery10000Pages) {
  SqliteBackend backend;
  ASSERT_TRUE(EventStore::Open(backend.Url()).ok());
  auto connection = internal::OpenSqlite(backend.Url().substr(7));
  ASSERT_TRUE(connection.ok()) << connection.status().message();
  const auto pragma = [&](const std::string& name) -> int64_t {
    auto rows = connection.value()->Query("PRAGMA " + name, {});
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok() || rows->size() != 1 || !rows.value()[0][0]) return 0;
    return std::stoll(*rows.value()[0][0]);
  };
  EXPECT_EQ(pragma("cache_size"), -16384) << "negative: KiB";
  ASSERT_TRUE(connection.value()->BeginWrite().ok());
  EXPECT_EQ(pragma("cache_size"), -65536);
  EXPECT_EQ(pragma("wal_autocheckpoint"), 10000) << "pages of 16 KB: 160 MB of log";
  EXPECT_EQ(pragma("temp_store"), 2) << "2: memory, not files";
  EXPECT_TRUE(connection.value()->Execute("ROLLBACK").ok());
}

TEST(EventStoreOpen, AnInMemoryStoreHasNoOtherConnection) {
  auto opened = EventStore::Open("sqlite::memory:");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  auto another = opened.value()->OpenAnother();
  ASSERT_FALSE(another.ok());
  EXPECT_NE(another.status().message().find("in-memory"), std::string::npos)
      << another.status().message();
}

// The list queries read their ids from an index alone, whatever the filter, and a
// subdivision's through its country's index; an unfiltered page deep in the list
// steps over the narrow id index.
TEST(EventStoreOpen, ListQueriesReadTheirIdsFromAnIndexAlone) {
  SqliteBackend backend;
  ASSERT_TRUE(EventStore::Open(backend.Url()).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(backend.Url().substr(7).c_str(), &db), SQLITE_OK);
  const auto plan = [&](const std::string& query) {
    std::string text;
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + query).c_str(), -1, &statement,
                                 nullptr),
              SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      text += reinterpret_cast<const char*>(sqlite3_column_text(statement, 3));
      text += "; ";
    }
    sqlite3_finalize(statement);
    return text;
  };
  for (const char* table : {"events", "facts"}) {
    for (const char* where :
         {"place_country = 'NG'", "disease = 'mpox'", "place_country = 'NG' AND disease = 'mpox'",
          "place_country = 'NG' AND disease = 'mpox' AND event_date >= '2022-01-01'",
          "place_country = 'NG' AND event_date >= '2022-01-01'",
          "disease = 'mpox' AND event_date <= '2022-01-01'"}) {
      const std::string query =
          std::string("SELECT id FROM ") + table + " WHERE " + where + " ORDER BY id LIMIT 5";
      const std::string found = plan(query);
      EXPECT_NE(found.find("COVERING INDEX"), std::string::npos) << query << ": " << found;
    }
    const std::string subdivision = plan(
        std::string("SELECT id FROM ") + table +
        " WHERE place_country = 'NG' AND place_subdivision = 'NG-LA' ORDER BY id LIMIT 5");
    EXPECT_NE(subdivision.find("USING INDEX " + std::string(table) + "_country_disease"),
              std::string::npos)
        << subdivision;
  }
  const std::string deep = plan("SELECT id FROM events ORDER BY id LIMIT 5 OFFSET 1000");
  EXPECT_NE(deep.find("COVERING INDEX events_id"), std::string::npos) << deep;
  sqlite3_close(db);
}

TEST(EventStoreOpen, UnopenableSqlitePathNamesTheStoreAndReason) {
  auto opened = EventStore::Open("/nonexistent-epiwire-dir/sub/store.db");
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("SQLite store /nonexistent-epiwire-dir/sub/store.db"),
            std::string::npos)
      << opened.status().message();
  EXPECT_NE(opened.status().message().find("open"), std::string::npos);
  EXPECT_FALSE(EventStore::Open("sqlite:").ok());
}

TEST(EventStoreOpen, UnreachablePostgresNamesTheStoreWithoutThePassword) {
  auto opened = EventStore::Open("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2");
  ASSERT_FALSE(opened.ok());
  const std::string& message = opened.status().message();
  EXPECT_NE(message.find("PostgreSQL store"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot connect"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;
}

TEST(EventStoreOpen, EmptyDocumentIdIsRejected) {
  auto opened = EventStore::Open("sqlite::memory:");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  auto outcome = opened.value()->Put(Extraction{});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace epiwire::store
