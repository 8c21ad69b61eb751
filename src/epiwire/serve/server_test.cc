// SPDX-License-Identifier: MIT
// Tests of the HTTP API over an in-memory fake store: every endpoint's JSON
// shape, limits, 400/404/405 answers, the loopback default, and that static
// files (/vendor/, the dashboard) never leave their directories.
#include "epiwire/serve/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "epiwire/serve/api.h"
#include "epiwire/serve/query.h"
#include "epiwire/serve/static_files.h"
#include "epiwire/serve/store_pool.h"

namespace epiwire::serve {
namespace {

using nlohmann::json;

bool InRange(const std::optional<Date>& date, const store::EventFilter& filter) {
  if (!filter.from && !filter.to) return true;
  if (!date) return false;
  return (!filter.from || *filter.from <= *date) && (!filter.to || *date <= *filter.to);
}

// A store in memory: documents in insertion order, events numbered from 1 in that
// order, facts grouped by FactKey and count in order of first appearance.
class FakeStore : public store::EventStore {
 public:
  Result<store::PutOutcome> Put(const Extraction& extraction) override {
    for (Extraction& old : extractions_) {
      if (old.document.id != extraction.document.id) continue;
      if (old.document.text == extraction.document.text) return store::PutOutcome::kUnchanged;
      old = extraction;
      return store::PutOutcome::kReplaced;
    }
    extractions_.push_back(extraction);
    return store::PutOutcome::kInserted;
  }

  Result<std::vector<store::StoredEvent>> Events(const store::EventFilter& filter) override {
    std::vector<store::StoredEvent> out;
    size_t skipped = 0;
    for (const store::StoredEvent& event : AllEvents()) {
      if (!Matches(event.event, event.published, filter)) continue;
      if (skipped++ < filter.offset) continue;
      if (out.size() == filter.limit) break;
      out.push_back(event);
    }
    return out;
  }

  Result<std::vector<Fact>> Facts(const store::EventFilter& filter) override {
    std::vector<Fact> facts;
    for (const store::StoredEvent& stored : AllEvents()) {
      if (!Matches(stored.event, stored.published, filter)) continue;
      FactSource source{stored.document_id, stored.event_index, stored.event.evidence,
                        stored.published};
      const std::string key = FactKey(stored.event);
      auto same = std::find_if(facts.begin(), facts.end(), [&](const Fact& f) {
        return f.key == key && f.event.count == stored.event.count;
      });
      if (same != facts.end()) {
        same->sources.push_back(source);
        continue;
      }
      Fact fact;
      fact.id = static_cast<int64_t>(facts.size()) + 1;
      fact.key = key;
      fact.event = stored.event;
      fact.sources.push_back(source);
      facts.push_back(fact);
    }
    for (Fact& fact : facts) {
      for (const Fact& other : facts) {
        if (other.key == fact.key && other.event.count != fact.event.count) fact.conflict = true;
      }
    }
    std::vector<Fact> page;
    for (size_t i = filter.offset; i < facts.size() && page.size() < filter.limit; ++i) {
      page.push_back(facts[i]);
    }
    return page;
  }

  Result<std::optional<store::StoredDocument>> Document(const std::string& id) override {
    for (const Extraction& x : extractions_) {
      if (x.document.id != id) continue;
      store::StoredDocument stored{x.document, x.stories, x.removed, {}};
      for (const store::StoredEvent& event : AllEvents()) {
        if (event.document_id == id) stored.events.push_back(event);
      }
      return std::optional<store::StoredDocument>(stored);
    }
    return std::optional<store::StoredDocument>();
  }

  Result<int64_t> CountDocuments() override {
    return static_cast<int64_t>(extractions_.size());
  }
  Result<int64_t> CountEvents() override { return static_cast<int64_t>(AllEvents().size()); }
  Result<int64_t> CountFacts() override {
    store::EventFilter all;
    all.limit = std::numeric_limits<size_t>::max();
    auto facts = Facts(all);
    if (!facts.ok()) return facts.status();
    return static_cast<int64_t>(facts->size());
  }
  Status PutOfficial(const std::vector<store::OfficialValue>&) override { return Status::Ok(); }
  Result<std::vector<store::OfficialValue>> Official(const std::string&, const std::string&,
                                                     CaseStatus) override {
    return std::vector<store::OfficialValue>();
  }
  Status SetAlertState(const std::string& alert_id, const std::string& state) override {
    if (state.empty()) {
      states_.erase(alert_id);
    } else {
      states_[alert_id] = state;
    }
    return Status::Ok();
  }
  Result<std::vector<store::AlertState>> AlertStates() override {
    std::vector<store::AlertState> out;
    for (const auto& [id, state] : states_) out.push_back({id, state, "2020-04-20T08:00:00Z"});
    return out;
  }

 private:
  std::vector<store::StoredEvent> AllEvents() const {
    std::vector<store::StoredEvent> events;
    for (const Extraction& x : extractions_) {
      for (size_t i = 0; i < x.events.size(); ++i) {
        store::StoredEvent stored;
        stored.id = static_cast<int64_t>(events.size()) + 1;
        stored.document_id = x.document.id;
        stored.event_index = static_cast<int>(i);
        stored.published = x.document.published;
        stored.event = x.events[i];
        events.push_back(stored);
      }
    }
    return events;
  }

  static bool Matches(const Event& event, const std::optional<Date>& published,
                      const store::EventFilter& filter) {
    if (!filter.disease.empty() && event.disease != filter.disease) return false;
    if (!filter.country.empty() && (!event.place || event.place->country != filter.country)) {
      return false;
    }
    if (filter.type && event.type != *filter.type) return false;
    const std::optional<Date> date =
        event.period && event.period->end ? event.period->end : published;
    return InRange(date, filter);
  }

  std::vector<Extraction> extractions_;
  std::map<std::string, std::string> states_;
};

Place MakePlace(const std::string& name, const std::string& country, double lat, double lon) {
  Place place;
  place.name = name;
  place.country = country;
  place.level = PlaceLevel::kCountry;
  place.lat = lat;
  place.lon = lon;
  place.has_coordinates = true;
  return place;
}

Event CaseEvent(const std::string& text, const std::string& quote, int64_t count,
                const Place& place, Date day) {
  Event event;
  event.type = EventType::kCases;
  event.disease = "covid-19";
  event.place = place;
  event.count = count;
  event.aggregation = Aggregation::kNew;
  event.period = Period::Day(day);
  event.evidence.start = text.find(quote);
  event.evidence.end = event.evidence.start + quote.size();
  event.evidence.quote = quote;
  return event;
}

// Two documents in two countries; one imported case from Russia into China that
// both documents report (one fact, two sources).
void Fill(FakeStore& store) {
  const Place china = MakePlace("China", "CN", 39.9, 116.4);
  const Place russia = MakePlace("Russia", "RU", 55.75, 37.62);
  const Place peru = MakePlace("Peru", "PE", -12.04, -77.03);
  Extraction first;
  first.document.id = "doc-one";
  first.document.text =
      "Officials counted 7 new cases on Tuesday. One traveller arriving from Russia tested "
      "positive.";
  first.document.published = Date{2020, 4, 14};
  first.stories.push_back(Story{0, first.document.text.size(), true, 0.9});
  first.events.push_back(CaseEvent(first.document.text, "Officials counted 7 new cases on Tuesday.",
                                   7, china, Date{2020, 4, 14}));
  Event imported = CaseEvent(first.document.text,
                             "One traveller arriving from Russia tested positive.", 1, china,
                             Date{2020, 4, 14});
  imported.imported = true;
  imported.origin = russia;
  first.events.push_back(imported);
  Extraction second;
  second.document.id = "doc-two";
  second.document.text = "A single imported case from Russia was confirmed. Peru logged 3 cases.";
  second.document.published = Date{2020, 4, 15};
  Event again = CaseEvent(second.document.text, "A single imported case from Russia was confirmed.",
                          1, china, Date{2020, 4, 14});
  again.imported = true;
  again.origin = russia;
  second.events.push_back(again);
  second.events.push_back(
      CaseEvent(second.document.text, "Peru logged 3 cases.", 3, peru, Date{2020, 4, 15}));
  Event measure;
  measure.type = EventType::kMeasure;
  measure.measure = MeasureKind::kSchoolClosure;
  measure.place = peru;
  measure.evidence = {0, 8, "A single"};
  second.events.push_back(measure);
  ASSERT_TRUE(store.Put(first).ok());
  ASSERT_TRUE(store.Put(second).ok());
}

// A Server running on its own thread on a free port of 127.0.0.1.
class RunningServer {
 public:
  RunningServer(store::EventStore& store, ServerOptions options) : server_(store, options) {
    options.port = 0;
    std::promise<int> ready;
    std::future<int> port = ready.get_future();
    thread_ = std::thread([this, &ready] {
      bool told = false;
      status_ = server_.Run([&](int bound) {
        told = true;
        ready.set_value(bound);
      });
      if (!told) ready.set_value(-1);
    });
    port_ = port.get();
  }
  ~RunningServer() {
    server_.Stop();
    thread_.join();
  }
  int port() const { return port_; }
  const Status& status() const { return status_; }

 private:
  Server server_;
  std::thread thread_;
  Status status_;
  int port_ = -1;
};

ServerOptions PortZero() {
  ServerOptions options;
  options.port = 0;
  return options;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Fill(store_);
    ServerOptions options = PortZero();
    options.max_results = 3;
    running_ = std::make_unique<RunningServer>(store_, options);
    ASSERT_GT(running_->port(), 0);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", running_->port());
  }

  // The status and parsed JSON body of GET `path`.
  std::pair<int, json> Get(const std::string& path) {
    httplib::Result res = client_->Get(path.c_str());
    if (!res) return {0, json()};
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
    return {res->status, json::parse(res->body, nullptr, false)};
  }

  FakeStore store_;
  std::unique_ptr<RunningServer> running_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthAndStatsReportTheStore) {
  auto [status, health] = Get("/api/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_TRUE(health["series"].is_boolean());
  auto [stats_status, stats] = Get("/api/stats");
  EXPECT_EQ(stats_status, 200);
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_EQ(stats["events"], 5);
  EXPECT_EQ(stats["facts"], 4);  // the imported case read twice is one fact
}

TEST_F(ServerTest, EventsCarryPlaceEvidenceAndDocument) {
  auto [status, body] = Get("/api/events?country=PE&type=cases");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["events"].size(), 1u);
  const json& event = body["events"][0];
  EXPECT_EQ(event["document_id"], "doc-two");
  EXPECT_EQ(event["count"], 3);
  EXPECT_EQ(event["place"]["country"], "PE");
  EXPECT_DOUBLE_EQ(event["place"]["lat"].get<double>(), -12.04);
  EXPECT_EQ(event["evidence"]["quote"], "Peru logged 3 cases.");
  EXPECT_EQ(event["period"]["end"], "2020-04-15");
  EXPECT_EQ(event["published"], "2020-04-15");
  EXPECT_FALSE(body["has_more"].get<bool>());
}

TEST_F(ServerTest, EventsArePagedAndCappedAtMaxResults) {
  auto [status, body] = Get("/api/events");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["events"].size(), 3u);  // max_results 3 is also the default cap
  EXPECT_TRUE(body["has_more"].get<bool>());
  auto [next_status, next] = Get("/api/events?limit=2&offset=4");
  ASSERT_EQ(next_status, 200);
  ASSERT_EQ(next["events"].size(), 1u);
  EXPECT_EQ(next["events"][0]["type"], "measure");
  EXPECT_EQ(next["events"][0]["measure"], "school_closure");
  EXPECT_EQ(next["offset"], 4);
}

TEST_F(ServerTest, BadParametersAreJson400) {
  const char* bad[] = {
      "/api/events?limit=4",          "/api/events?limit=0",
      "/api/events?limit=abc",        "/api/events?limit=-1",
      "/api/events?offset=1e3",       "/api/events?from=2020-13-01",
      "/api/events?from=yesterday",   "/api/events?from=2020-05-01&to=2020-04-01",
      "/api/events?country=china",    "/api/events?disease=COVID%20'19",
      "/api/events?type=rumour",      "/api/events?colour=red",
      "/api/events?limit=1&limit=2",  "/api/facts?subdivision=XX",
      "/api/stats?x=1",               "/api/alerts?method=magic",
      "/api/routes?offset=1",         "/api/places?type=cases",
      "/api/series?status=sneezing",
  };
  for (const char* path : bad) {
    auto [status, body] = Get(path);
    // Series and alerts answer 501 first when their stage is missing.
    if (status == 501) continue;
    EXPECT_EQ(status, 400) << path;
    EXPECT_TRUE(body["error"].is_string()) << path;
  }
}

TEST_F(ServerTest, FactsGatherTheirSources) {
  auto [status, body] = Get("/api/facts?country=CN&from=2020-04-14&to=2020-04-14");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["facts"].size(), 2u);
  const json& imported = body["facts"][1];
  EXPECT_EQ(imported["event"]["imported"], true);
  EXPECT_EQ(imported["event"]["origin"]["country"], "RU");
  ASSERT_EQ(imported["sources"].size(), 2u);
  EXPECT_EQ(imported["sources"][1]["document_id"], "doc-two");
  EXPECT_EQ(imported["sources"][1]["evidence"]["quote"],
            "A single imported case from Russia was confirmed.");
  EXPECT_FALSE(imported["conflict"].get<bool>());
}

TEST_F(ServerTest, DocumentHasTextAndEventOffsets) {
  auto [status, doc] = Get("/api/documents/doc-one");
  ASSERT_EQ(status, 200);
  const std::string text = doc["text"];
  ASSERT_EQ(doc["events"].size(), 2u);
  const json& evidence = doc["events"][1]["evidence"];
  EXPECT_EQ(text.substr(evidence["start"].get<size_t>(),
                        evidence["end"].get<size_t>() - evidence["start"].get<size_t>()),
            evidence["quote"].get<std::string>());
  EXPECT_EQ(doc["stories"].size(), 1u);
  EXPECT_TRUE(doc["removed"].is_array());
  auto [missing, body] = Get("/api/documents/no-such-doc");
  EXPECT_EQ(missing, 404);
  EXPECT_TRUE(body["error"].is_string());
}

TEST_F(ServerTest, UnknownPathsAndMethodsAreJsonErrors) {
  EXPECT_EQ(Get("/api/nothing").first, 404);
  EXPECT_EQ(Get("/api").first, 404);
  EXPECT_EQ(Get("/api/documents/").first, 400);
  EXPECT_EQ(Get("/no/such/page.html").first, 404);  // no web_dir at all
  httplib::Result post = client_->Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_TRUE(json::parse(post->body, nullptr, false)["error"].is_string());
}

TEST_F(ServerTest, RoutesJoinOriginAndDestinationWithCoordinates) {
  auto [status, body] = Get("/api/routes");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["routes"].size(), 1u);
  const json& route = body["routes"][0];
  EXPECT_EQ(route["origin"]["country"], "RU");
  EXPECT_DOUBLE_EQ(route["origin"]["lat"].get<double>(), 55.75);
  EXPECT_EQ(route["destination"]["name"], "China");
  EXPECT_EQ(route["facts"], 1);
  EXPECT_EQ(route["events"], 2);
  EXPECT_EQ(route["first_date"], "2020-04-14");
}

TEST_F(ServerTest, PlacesCountEventsPerPlace) {
  auto [status, body] = Get("/api/places");
  ASSERT_EQ(status, 200);
  ASSERT_EQ(body["places"].size(), 2u);
  EXPECT_EQ(body["places"][0]["place"]["name"], "China");
  EXPECT_EQ(body["places"][0]["events"], 3);
  EXPECT_EQ(body["places"][0]["max_count"], 7);
  EXPECT_EQ(body["places"][1]["place"]["name"], "Peru");
  auto [filtered_status, filtered] = Get("/api/places?country=PE");
  EXPECT_EQ(filtered_status, 200);
  EXPECT_EQ(filtered["places"].size(), 1u);
}

TEST_F(ServerTest, SeriesAndAlertsAnswerOrSayTheStageIsMissing) {
  const bool have_series = Get("/api/health").second["series"].get<bool>();
  const bool have_signals = Get("/api/health").second["signals"].get<bool>();
  auto [series_status, series] = Get("/api/series?country=CN");
  if (have_series) {
    ASSERT_EQ(series_status, 200);
    ASSERT_TRUE(series["series"].is_array());
    ASSERT_FALSE(series["series"].empty());
    EXPECT_EQ(series["series"][0]["key"]["country"], "CN");
    EXPECT_TRUE(series["series"][0]["points"].is_array());
  } else {
    EXPECT_EQ(series_status, 501);
    EXPECT_TRUE(series["error"].is_string());
  }
  auto [alerts_status, alerts] = Get("/api/alerts?method=ears_c2,cusum");
  if (have_series && have_signals) {
    ASSERT_EQ(alerts_status, 200);
    EXPECT_TRUE(alerts["alerts"].is_array());
    EXPECT_EQ(alerts["methods"], json::array({"ears_c2", "cusum"}));
  } else {
    EXPECT_EQ(alerts_status, 501);
  }
}

TEST_F(ServerTest, AlertsCarryTheirEvidenceAndCanBeDismissed) {
  if (!Get("/api/health").second["signals"].get<bool>()) GTEST_SKIP() << "no signals stage";
  auto [status, body] = Get("/api/alerts");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["methods"].size(), 5u) << "all methods by default";
  EXPECT_EQ(body["min_observed"], 5);
  ASSERT_EQ(body["alerts"].size(), 1u);
  const json& alert = body["alerts"][0];
  EXPECT_EQ(alert["kind"], "first_imported_case");
  EXPECT_EQ(alert["title"], "First imported case from Russia (RU) into China (CN)");
  EXPECT_EQ(alert["dismissed"], false);
  ASSERT_EQ(alert["evidence"].size(), 2u) << "the fact's two reports";
  EXPECT_EQ(alert["evidence"][0]["document_id"], "doc-one");
  EXPECT_EQ(alert["evidence"][0]["quote"], "One traveller arriving from Russia tested positive.");
  EXPECT_EQ(alert["evidence"][1]["document_id"], "doc-two");
  const std::string id = alert["id"];
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(Get("/api/alerts").second["alerts"][0]["id"], id) << "ids are stable";

  const auto post = [&](const std::string& path, const char* type,
                        const httplib::Headers& headers = {}) {
    httplib::Result res = client_->Post(path.c_str(), headers, "{}", type);
    return res ? std::make_pair(res->status, json::parse(res->body, nullptr, false))
               : std::make_pair(0, json());
  };
  EXPECT_EQ(post("/api/alerts/" + id + "/dismiss", "text/plain").first, 415);
  EXPECT_EQ(post("/api/alerts/" + id + "/dismiss", "application/json",
                 {{"Origin", "http://elsewhere.example"}})
                .first,
            403);
  EXPECT_EQ(post("/api/alerts/not-an-id/dismiss", "application/json").first, 400);
  EXPECT_EQ(post("/api/alerts/" + id + "/delete", "application/json").first, 404);
  EXPECT_EQ(post("/api/events", "application/json").first, 405);
  EXPECT_EQ(Get("/api/alerts/" + id + "/dismiss").first, 404);

  auto [dismissed_status, dismissed] = post("/api/alerts/" + id + "/dismiss", "application/json");
  ASSERT_EQ(dismissed_status, 200);
  EXPECT_EQ(dismissed["dismissed"], true);
  EXPECT_TRUE(Get("/api/alerts").second["alerts"].empty()) << "hidden once dismissed";
  EXPECT_EQ(Get("/api/alerts").second["dismissed_count"], 1);
  auto [shown_status, shown] = Get("/api/alerts?dismissed=show");
  EXPECT_EQ(shown_status, 200);
  ASSERT_EQ(shown["alerts"].size(), 1u);
  EXPECT_EQ(shown["alerts"][0]["dismissed"], true);
  EXPECT_EQ(shown["alerts"][0]["dismissed_at"], "2020-04-20T08:00:00Z");
  EXPECT_EQ(Get("/api/alerts?dismissed=only").second["alerts"].size(), 1u);
  EXPECT_EQ(Get("/api/alerts?dismissed=maybe").first, 400);

  ASSERT_EQ(post("/api/alerts/" + id + "/restore", "application/json").first, 200);
  EXPECT_EQ(Get("/api/alerts").second["alerts"].size(), 1u);
  // A date range that ends before the alert leaves it out.
  EXPECT_TRUE(Get("/api/alerts?to=2020-04-10").second["alerts"].empty());
  EXPECT_EQ(Get("/api/alerts?method=no_such").first, 400);
}

TEST(ServerOptionsTest, BindsLoopbackByDefault) {
  EXPECT_EQ(ServerOptions().host, "127.0.0.1");
  FakeStore store;
  RunningServer running(store, PortZero());
  ASSERT_GT(running.port(), 0);
  httplib::Client loopback("127.0.0.1", running.port());
  httplib::Result res = loopback.Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // Any other IPv4 address of this machine must refuse the connection.
  ifaddrs* addresses = nullptr;
  ASSERT_EQ(getifaddrs(&addresses), 0);
  for (ifaddrs* a = addresses; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    sockaddr_in address = *reinterpret_cast<sockaddr_in*>(a->ifa_addr);
    if ((ntohl(address.sin_addr.s_addr) >> 24) == 127) continue;
    address.sin_port = htons(static_cast<uint16_t>(running.port()));
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    EXPECT_NE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0)
        << "reachable on " << inet_ntoa(address.sin_addr);
    close(fd);
  }
  freeifaddrs(addresses);
}

TEST(ServerOptionsTest, EmptyStoreAnswersWithEmptyLists) {
  FakeStore store;
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  for (const char* path : {"/api/events", "/api/facts", "/api/routes", "/api/places"}) {
    httplib::Result res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    const json body = json::parse(res->body);
    const std::string list = std::string(path).substr(5);
    EXPECT_TRUE(body[list].is_array() && body[list].empty()) << path;
  }
}

TEST(ServerLifecycleTest, StopBeforeRunMakesRunReturn) {
  FakeStore store;
  Server server(store, PortZero());
  server.Stop();
  bool called = false;
  EXPECT_TRUE(server.Run([&](int) { called = true; }).ok());
  EXPECT_FALSE(called);
}

TEST(ServerLifecycleTest, BusyPortIsAnError) {
  FakeStore store;
  RunningServer first(store, PortZero());
  ServerOptions options;
  options.port = first.port();
  Server second(store, options);
  Status status = second.Run();
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("cannot listen"), std::string::npos);
}

// A directory tree for static files: web/index.html, node_modules/d3/dist/d3.min.js,
// and secrets beside them that must stay unreachable.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("epiwire_serve_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(root_);
    Write("web/index.html", "<!doctype html><title>dash</title>");
    Write("web/app.js", "console.log('app');");
    Write("web/.hidden.js", "hidden");
    Write("modules/d3/dist/d3.min.js", "// d3");
    Write("modules/world-atlas/countries-110m.json", "{}");
    Write("modules/left-pad/index.js", "// not allowed");
    Write("modules/secret.json", "{\"secret\": 1}");
    Write("secret.json", "{\"secret\": 2}");
    std::filesystem::create_directory_symlink(root_, root_ / "modules/d3/escape");
    ServerOptions options = PortZero();
    options.web_dir = (root_ / "web").string();
    options.vendor_dir = (root_ / "modules").string();
    running_ = std::make_unique<RunningServer>(store_, options);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", running_->port());
  }
  void TearDown() override {
    running_.reset();
    std::filesystem::remove_all(root_);
  }
  void Write(const std::string& relative, const std::string& content) {
    std::filesystem::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << content;
  }
  // Sends `path` byte for byte (no client-side normalising) and returns the status.
  int RawStatus(const std::string& path) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(running_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return -1;
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    if (write(fd, request.data(), request.size()) < 0) return -1;
    std::string reply(64, '\0');
    const ssize_t got = read(fd, reply.data(), reply.size());
    close(fd);
    if (got < 12) return -1;
    return std::stoi(reply.substr(9, 3));
  }

  FakeStore store_;
  std::filesystem::path root_;
  std::unique_ptr<RunningServer> running_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(StaticFilesTest, ServesTheDashboardAndAllowedPackages) {
  httplib::Result index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>dash</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  httplib::Result d3 = client_->Get("/vendor/d3/dist/d3.min.js");
  ASSERT_TRUE(d3);
  EXPECT_EQ(d3->status, 200);
  EXPECT_EQ(d3->body, "// d3");
  EXPECT_EQ(d3->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client_->Get("/vendor/world-atlas/countries-110m.json")->status, 200);
  EXPECT_EQ(client_->Get("/app.js")->status, 200);
}

TEST_F(StaticFilesTest, PathsCannotEscapeTheirDirectories) {
  const char* escapes[] = {
      "/vendor/../secret.json",
      "/vendor/d3/../secret.json",
      "/vendor/d3/../../secret.json",
      "/vendor/d3/%2e%2e/secret.json",
      "/vendor/d3/%2E%2E/%2E%2E/secret.json",
      "/vendor/d3/..%2fsecret.json",
      "/vendor/d3/escape/secret.json",   // a symlink out of the package
      "/vendor/d3//dist/d3.min.js",
      "/vendor/d3/./dist/d3.min.js",
      "/vendor/left-pad/index.js",       // not an allowed package
      "/vendor/secret.json",
      "/vendor/d3",
      "/../secret.json",
      "/%2e%2e/secret.json",
      "/.hidden.js",
      "/vendor/d3/dist/d3.min.js%00.json",
      "/vendor/d3/dist\\..\\..\\secret.json",
  };
  for (const char* path : escapes) {
    const int status = RawStatus(path);
    EXPECT_TRUE(status == 404 || status == 400) << path << " answered " << status;
  }
  EXPECT_EQ(RawStatus("/vendor/d3/dist/d3.min.js"), 200);  // the raw client itself works
}

TEST(ResolveStaticFileTest, RefusesUnknownTypesAndDotSegments) {
  EXPECT_EQ(ContentTypeFor("a/b.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a/b.sh"), "");
  EXPECT_FALSE(ResolveStaticFile("/etc", "passwd"));        // no known content type
  EXPECT_FALSE(ResolveStaticFile("", "index.html"));        // no root
  EXPECT_FALSE(ResolveStaticFile("/tmp", "../etc/x.json"));
  EXPECT_FALSE(ResolveStaticFile("/tmp", "/etc/x.json"));   // absolute
}

TEST(ParseFilterTest, ReadsEveryFilterField) {
  QueryParams params = {{"disease", "covid-19"}, {"country", "CN"},       {"subdivision", "CN-HL"},
                        {"type", "measure"},     {"from", "2020-04-01"}, {"to", "2020-04-30"},
                        {"limit", "20"},         {"offset", "40"}};
  auto filter = ParseFilter(params, 100, 10);
  ASSERT_TRUE(filter.ok()) << filter.status().message();
  EXPECT_EQ(filter->disease, "covid-19");
  EXPECT_EQ(filter->country, "CN");
  EXPECT_EQ(filter->subdivision, "CN-HL");
  EXPECT_EQ(filter->type, EventType::kMeasure);
  EXPECT_EQ(filter->from, (Date{2020, 4, 1}));
  EXPECT_EQ(filter->to, (Date{2020, 4, 30}));
  EXPECT_EQ(filter->limit, 20u);
  EXPECT_EQ(filter->offset, 40u);
  auto defaults = ParseFilter({}, 100, 10);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->limit, 10u);
  EXPECT_EQ(ParseFilter({}, 5, 10)->limit, 5u);  // the default never exceeds the cap
}

TEST(ParseFilterTest, NamesTheBadParameter) {
  const std::pair<QueryParams, std::string> cases[] = {
      {{{"limit", "101"}}, "limit"},
      {{{"offset", "99999999999"}}, "offset"},
      {{{"to", "2020-02-30"}}, "to"},
      {{{"from", "2020-4-1"}}, "from"},
      {{{"disease", std::string(65, 'a')}}, "disease"},
      {{{"subdivision", "CNHL"}}, "subdivision"},
  };
  for (const auto& [params, name] : cases) {
    auto filter = ParseFilter(params, 100, 10);
    ASSERT_FALSE(filter.ok()) << name;
    EXPECT_EQ(filter.status().message().rfind(name, 0), 0u) << filter.status().message();
  }
  EXPECT_FALSE(CheckParamNames({{"a", "1"}}, {"b"}).ok());
  EXPECT_TRUE(CheckParamNames({{"b", "1"}}, {"b"}).ok());
}

}  // namespace
}  // namespace epiwire::serve

namespace epiwire::serve {
namespace {

// A raw loopback connection, for clients that misbehave on purpose.
class RawClient {
 public:
  // `receive_buffer`: the socket's receive buffer in bytes (0: the system's), small
  // for a client that takes an answer slowly.
  explicit RawClient(int port, int receive_buffer = 0) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (receive_buffer > 0) {
      setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawClient() { close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Everything until the server closes the connection (or 5 s pass).
  std::string ReadToEnd() {
    std::string out;
    char chunk[4096];
    ssize_t n;
    while ((n = recv(fd_, chunk, sizeof chunk, 0)) > 0) out.append(chunk, static_cast<size_t>(n));
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int StatusOf(const std::string& response) {
  return response.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(response.c_str() + 9) : 0;
}

json BodyOf(const std::string& response) {
  const size_t body = response.find("\r\n\r\n");
  return json::parse(body == std::string::npos ? "" : response.substr(body + 4), nullptr, false);
}

ServerOptions Small(int timeout_seconds, size_t workers) {
  ServerOptions options = PortZero();
  options.timeout_seconds = timeout_seconds;
  options.keep_alive_seconds = timeout_seconds;
  options.workers = workers;
  return options;
}

TEST(ServerAbuseTest, AnOverlongRequestLineIs414WithAJsonError) {
  FakeStore store;
  RunningServer running(store, PortZero());
  RawClient client(running.port());
  ASSERT_TRUE(client.connected());
  client.Send("GET /api/events?disease=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string response = client.ReadToEnd();
  EXPECT_EQ(StatusOf(response), 414) << response.substr(0, 200);
  EXPECT_TRUE(BodyOf(response)["error"].is_string());
}

TEST(ServerAbuseTest, OverlongHeadersAre431WithAJsonError) {
  FakeStore store;
  RunningServer running(store, PortZero());
  RawClient client(running.port());
  std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 40; ++i)
    request += "X-Filler-" + std::to_string(i) + ": " + std::string(500, 'b') + "\r\n";
  client.Send(request + "\r\n");
  const std::string response = client.ReadToEnd();
  EXPECT_EQ(StatusOf(response), 431) << response.substr(0, 200);
  EXPECT_EQ(BodyOf(response)["status"], 431);
}

TEST(ServerAbuseTest, AGarbledRequestLineIs400WithAJsonError) {
  FakeStore store;
  RunningServer running(store, PortZero());
  RawClient client(running.port());
  client.Send("\x01\x02 nonsense\r\n\r\n");
  const std::string response = client.ReadToEnd();
  EXPECT_EQ(StatusOf(response), 400) << response.substr(0, 200);
  EXPECT_TRUE(BodyOf(response)["error"].is_string());
}

TEST(ServerAbuseTest, ASlowClientGets408AndOthersAreStillServed) {
  FakeStore store;
  RunningServer running(store, Small(1, 1));
  RawClient slow(running.port());
  ASSERT_TRUE(slow.Send("GET /api/health HTTP/1.1\r\n"));  // and never the rest
  // With one worker, a slow client that held it would block this one.
  httplib::Client other("127.0.0.1", running.port());
  httplib::Result res = other.Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const auto started = std::chrono::steady_clock::now();
  const std::string response = slow.ReadToEnd();
  EXPECT_EQ(StatusOf(response), 408) << response.substr(0, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(ServerAbuseTest, IdleKeepAliveConnectionsHoldNoWorker) {
  FakeStore store;
  RunningServer running(store, Small(5, 2));
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 8; ++i) {
    idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", running.port()));
    idle.back()->set_keep_alive(true);
    httplib::Result res = idle.back()->Get("/api/health");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
  }
  // Eight open keep-alive connections, two workers: a new client is still answered at once.
  const auto started = std::chrono::steady_clock::now();
  httplib::Client fresh("127.0.0.1", running.port());
  httplib::Result res = fresh.Get("/api/stats");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  // And the idle ones still work.
  for (auto& client : idle) {
    httplib::Result again = client->Get("/api/health");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
  }
}

// A store slower than the clients' timeout, with answers of megabytes (more than a
// socket holds, so that sending waits for the client): the time spent waiting for
// the store is the server's, not the client's, so the answer still goes out whole.
class SlowStore : public FakeStore {
 public:
  Result<std::vector<store::StoredEvent>> Events(const store::EventFilter& filter) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    std::vector<store::StoredEvent> events(filter.limit);
    for (size_t i = 0; i < events.size(); ++i) {
      events[i].id = static_cast<int64_t>(i) + 1;
      events[i].document_id = "slow";
      events[i].event.evidence.quote = std::string(2000, 'q');
    }
    return events;
  }
};

TEST(ServerAbuseTest, AnAnswerThatWaitedLongerThanTheTimeoutForTheStoreIsStillSent) {
  SlowStore store;
  RunningServer running(store, Small(1, 2));
  httplib::Client client("127.0.0.1", running.port());
  client.set_read_timeout(10, 0);
  httplib::Result res = client.Get("/api/events?limit=5000");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  const json body = json::parse(res->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << res->body.substr(0, 200);
  EXPECT_EQ(body["events"].size(), 5000u);
}

// A store of `total` events, ids 1 to total, each quoting a sentence with a
// character of two bytes; or one whose every read fails.
class NumberedStore : public FakeStore {
 public:
  explicit NumberedStore(size_t total, bool fails = false, size_t padding = 0)
      : total_(total), fails_(fails), padding_(padding) {}
  Result<std::vector<store::StoredEvent>> Events(const store::EventFilter& filter) override {
    if (fails_) return Status::IoError("the disk went away");
    std::vector<store::StoredEvent> events;
    for (size_t i = filter.offset; i < total_ && events.size() < filter.limit; ++i) {
      store::StoredEvent& stored = events.emplace_back();
      stored.id = static_cast<int64_t>(i) + 1;
      stored.document_id = "numbered";
      stored.event_index = static_cast<int>(i);
      stored.event.count = static_cast<int64_t>(i);
      stored.event.evidence.quote =
          "Caf\u00e9 number " + std::to_string(i) + " counted its cases." + std::string(padding_, '.');
    }
    return events;
  }

 private:
  size_t total_;
  bool fails_;
  size_t padding_;  // bytes added to each quote
};

// A long page goes out in chunks as it is written; it holds what the short pages
// over the same events hold, and a short page is sent whole with its length.
TEST(ServerStreamTest, ALongPageIsStreamedAndHoldsWhatShortPagesHold) {
  NumberedStore store(2 * kStreamedPageFrom + 10);
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  const auto page = [&](size_t limit, size_t offset) {
    const std::string path =
        "/api/events?limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset);
    httplib::Result res = client.Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return std::make_pair(std::string(), json());
    EXPECT_EQ(res->status, 200) << path;
    return std::make_pair(res->get_header_value("Transfer-Encoding"),
                          json::parse(res->body, nullptr, false));
  };
  const auto [long_encoding, long_page] = page(2 * kStreamedPageFrom, 0);
  EXPECT_EQ(long_encoding, "chunked");
  ASSERT_TRUE(long_page.is_object());
  ASSERT_EQ(long_page["events"].size(), 2 * kStreamedPageFrom);
  EXPECT_EQ(long_page["has_more"], true);
  EXPECT_EQ(long_page["limit"], 2 * kStreamedPageFrom);
  const auto [first_encoding, first] = page(kStreamedPageFrom - 1, 0);
  const auto [second_encoding, second] = page(kStreamedPageFrom - 1, kStreamedPageFrom - 1);
  EXPECT_EQ(first_encoding, "") << "a short page is sent with its length";
  ASSERT_EQ(first["events"].size(), kStreamedPageFrom - 1);
  ASSERT_EQ(second["events"].size(), kStreamedPageFrom - 1);
  for (size_t i = 0; i < 2 * (kStreamedPageFrom - 1); ++i) {
    const json& expected =
        i < kStreamedPageFrom - 1 ? first["events"][i] : second["events"][i - kStreamedPageFrom + 1];
    ASSERT_EQ(long_page["events"][i], expected) << "event " << i;
  }
  EXPECT_EQ(long_page["events"][5]["evidence"]["quote"], "Caf\u00e9 number 5 counted its cases.");
}

// Numbered events on connections that open others over the same rows, counting the
// reads each connection answers.
class OpeningNumberedStore : public NumberedStore {
 public:
  OpeningNumberedStore(size_t total, std::atomic<int>* reads)
      : NumberedStore(total), total_(total), reads_(reads) {}
  Result<std::vector<store::StoredEvent>> Events(const store::EventFilter& filter) override {
    ++reads_[0];
    return NumberedStore::Events(filter);
  }
  Result<std::unique_ptr<store::EventStore>> OpenAnother() override {
    return std::unique_ptr<store::EventStore>(
        std::make_unique<OtherConnection>(total_, reads_ + 1));
  }

 private:
  class OtherConnection : public NumberedStore {
   public:
    OtherConnection(size_t total, std::atomic<int>* reads) : NumberedStore(total), reads_(reads) {}
    Result<std::vector<store::StoredEvent>> Events(const store::EventFilter& filter) override {
      ++*reads_;
      return NumberedStore::Events(filter);
    }

   private:
    std::atomic<int>* reads_;
  };
  size_t total_;
  std::atomic<int>* reads_;  // [0]: this connection's reads, [1]: the others'
};

// A page of kSplitPageFrom events or more is read in two halves on two connections;
// it holds the events one connection reads, in order, and tells whether more follow.
TEST(ServerStreamTest, ALongPageReadOnTwoConnectionsHoldsWhatOneReads) {
  const size_t total = kSplitPageFrom + 501;
  std::atomic<int> reads[2] = {0, 0};
  OpeningNumberedStore store(total, reads);
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  const auto indices = [&](size_t limit, size_t offset) {
    const std::string path =
        "/api/events?limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset);
    httplib::Result res = client.Get(path.c_str());
    EXPECT_TRUE(res) << path;
    std::vector<int> out;
    if (!res || res->status != 200) return std::make_pair(out, false);
    const json page = json::parse(res->body, nullptr, false);
    EXPECT_TRUE(page.is_object()) << path;
    if (!page.is_object()) return std::make_pair(out, false);
    for (const json& event : page["events"]) out.push_back(event["event_index"].get<int>());
    return std::make_pair(out, page["has_more"].get<bool>());
  };
  const auto numbers = [](size_t from, size_t count) {
    std::vector<int> out(count);
    for (size_t i = 0; i < count; ++i) out[i] = static_cast<int>(from + i);
    return out;
  };
  // More rows than the page: the second half's one more tells there is a next page.
  const auto [first, first_more] = indices(kSplitPageFrom, 0);
  EXPECT_EQ(first, numbers(0, kSplitPageFrom));
  EXPECT_TRUE(first_more);
  EXPECT_GE(reads[1].load(), 1) << "the second half was read on another connection";
  // The rows end inside the second half, and exactly at the page's end.
  const auto [middle, middle_more] = indices(kSplitPageFrom, 1000);
  EXPECT_EQ(middle, numbers(1000, total - 1000));
  EXPECT_FALSE(middle_more);
  const auto [last, last_more] = indices(kSplitPageFrom, 501);
  EXPECT_EQ(last, numbers(501, kSplitPageFrom));
  EXPECT_FALSE(last_more);
  // A page that starts past the rows is empty.
  const auto [beyond, beyond_more] = indices(kSplitPageFrom, total + 5);
  EXPECT_TRUE(beyond.empty());
  EXPECT_FALSE(beyond_more);
}

// A store that fails: a short page is a 500 with the reason; a streamed page has
// sent its 200 already, so the answer is cut short and the client sees no whole body.
TEST(ServerStreamTest, AStoreFailureCutsAStreamedPageShort) {
  NumberedStore store(10, /*fails=*/true);
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  httplib::Result short_page = client.Get("/api/events?limit=10");
  ASSERT_TRUE(short_page);
  EXPECT_EQ(short_page->status, 500);
  EXPECT_NE(short_page->body.find("the disk went away"), std::string::npos) << short_page->body;
  httplib::Result long_page =
      client.Get(("/api/events?limit=" + std::to_string(kStreamedPageFrom)).c_str());
  EXPECT_FALSE(long_page) << "status " << long_page->status << ": " << long_page->body;
}

// A client that asks for a long (streamed) page and never reads it holds neither the
// store (the page is read from it while the client waits) nor, past the answer time
// (counted while the server waits for it to read), its worker: it is then cut off.
TEST(ServerAbuseTest, AClientThatDoesNotTakeALongAnswerHoldsNoStoreAndIsCutOff) {
  NumberedStore store(5000, /*fails=*/false, /*padding=*/2000);  // 10 MB, more than sockets hold
  ServerOptions options = Small(1, 2);
  options.store_connections = 1;
  RunningServer running(store, options);
  RawClient reluctant(running.port(), /*receive_buffer=*/4096);
  ASSERT_TRUE(reluctant.Send("GET /api/events?limit=5000 HTTP/1.1\r\nHost: here\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // its worker is sending now
  httplib::Client other("127.0.0.1", running.port());
  other.set_read_timeout(10, 0);
  const auto asked = std::chrono::steady_clock::now();
  httplib::Result res = other.Get("/api/events?limit=10");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(500))
      << "the store's one connection was held for the reluctant client";
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // past its answer time
  const std::string taken = reluctant.ReadToEnd();
  EXPECT_EQ(StatusOf(taken), 200) << taken.substr(0, 200);
  EXPECT_FALSE(taken.ends_with("\r\n0\r\n\r\n")) << "the answer was cut, not finished";
  EXPECT_LT(taken.size(), size_t{9} << 20);
}

TEST(ServerAbuseTest, PipelinedRequestsAreAllAnswered) {
  FakeStore store;
  RunningServer running(store, PortZero());
  RawClient client(running.port());
  client.Send(
      "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/events?limit=0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string response = client.ReadToEnd();
  size_t answers = 0;
  for (size_t at = 0; (at = response.find("HTTP/1.1 ", at)) != std::string::npos; ++at) ++answers;
  EXPECT_EQ(answers, 3u);
  EXPECT_NE(response.find("HTTP/1.1 400"), std::string::npos) << "limit=0 is refused";
}

TEST(ServerAbuseTest, InjectionAndExtremeParametersAre400WithAJsonError) {
  FakeStore store;
  Fill(store);
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  const std::vector<std::string> values = {"' OR 1=1 --",
                                           "\"; DROP TABLE events; --",
                                           "%00",
                                           "../../etc/passwd",
                                           "<script>",
                                           "-1",
                                           "99999999999999999999999",
                                           "1e9",
                                           "NaN",
                                           std::string(600, 'x'),
                                           "\xff\xfe"};
  for (const std::string parameter :
       {"disease", "country", "subdivision", "type", "from", "to", "limit", "offset"}) {
    for (const std::string& value : values) {
      httplib::Params params{{parameter, value}};
      httplib::Result res = client.Get("/api/events", params, httplib::Headers());
      ASSERT_TRUE(res) << parameter << "=" << value;
      // "-1", "1e9" and a long number are well-formed disease ids (of no disease):
      // an empty list.
      const bool well_formed = parameter == "disease" && (value == "-1" || value == "1e9" ||
                                                          value == "99999999999999999999999");
      EXPECT_EQ(res->status, well_formed ? 200 : 400) << parameter << "=" << value;
      const json body = json::parse(res->body, nullptr, false);
      ASSERT_TRUE(body.is_object()) << parameter << "=" << value;
      if (well_formed) {
        EXPECT_TRUE(body.contains("events") && body["events"].empty()) << parameter << "=" << value;
      } else {
        EXPECT_TRUE(body.contains("error") && body["error"].is_string())
            << parameter << "=" << value;
      }
    }
  }
}

TEST(ServerOptionsTest, RefusesANonLoopbackAddressWithoutPublic) {
  FakeStore store;
  ServerOptions options = PortZero();
  options.host = "0.0.0.0";
  Server server(store, options);
  const Status status = server.Run();
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(status.message().find("--public"), std::string::npos) << status.message();
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.8.9.10"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.4"));
  EXPECT_FALSE(IsLoopbackHost("::"));
}

}  // namespace
}  // namespace epiwire::serve

namespace epiwire::serve {
namespace {

// A store that opens other connections to itself (counted), like a database file.
class OpeningStore : public FakeStore {
 public:
  explicit OpeningStore(std::atomic<int>* opened) : opened_(opened) {}
  Result<std::unique_ptr<store::EventStore>> OpenAnother() override {
    ++*opened_;
    return std::unique_ptr<store::EventStore>(std::make_unique<OpeningStore>(opened_));
  }

 private:
  std::atomic<int>* opened_;
};

void WaitUntil(const std::function<bool()>& done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done() && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

TEST(StorePoolTest, OpensConnectionsOnlyWhenAllAreBusyAndNoMoreThanItsSize) {
  std::atomic<int> opened{0};
  OpeningStore first(&opened);
  StorePool pool(first, 3);
  {
    auto one = pool.Acquire();
    EXPECT_EQ(&*one, &first);
  }
  {
    auto again = pool.Acquire();  // the first is idle again: nothing opened
    EXPECT_EQ(opened.load(), 0);
  }
  auto a = pool.Acquire();
  auto b = pool.Acquire();
  auto c = pool.Acquire();
  EXPECT_EQ(opened.load(), 2);
  EXPECT_EQ(pool.open(), 3u);
  EXPECT_NE(&*a, &*b);
  EXPECT_NE(&*b, &*c);
  EXPECT_NE(&*a, &*c);
  // A fourth caller waits for one of the three.
  std::atomic<bool> got{false};
  std::thread fourth([&] {
    auto d = pool.Acquire();
    got = true;
  });
  WaitUntil([&] { return pool.waiting() == 1; });
  EXPECT_FALSE(got.load());
  { auto released = std::move(b); }
  fourth.join();
  EXPECT_TRUE(got.load());
  EXPECT_EQ(opened.load(), 2);
}

TEST(StorePoolTest, TryAcquireTakesAnIdleOrNewConnectionButNeverWaits) {
  std::atomic<int> opened{0};
  OpeningStore first(&opened);
  StorePool pool(first, 2);
  auto a = pool.Acquire();
  std::optional<StorePool::Lease> b = pool.TryAcquire();
  ASSERT_TRUE(b.has_value()) << "the pool is not full: one is opened";
  EXPECT_EQ(opened.load(), 1);
  EXPECT_NE(&**b, &*a);
  EXPECT_FALSE(pool.TryAcquire().has_value()) << "both are busy and the pool is full";
  b.reset();
  std::optional<StorePool::Lease> again = pool.TryAcquire();
  ASSERT_TRUE(again.has_value()) << "the released one is idle";
  EXPECT_EQ(opened.load(), 1);
  EXPECT_EQ(pool.waiting(), 0u);
}

TEST(StorePoolTest, TryAcquireOnAStoreThatCannotOpenAnotherGivesNoneWhileItsOneIsHeld) {
  FakeStore only;
  StorePool pool(only, 4);
  {
    auto held = pool.Acquire();
    EXPECT_FALSE(pool.TryAcquire().has_value());
    EXPECT_EQ(pool.open(), 1u);
  }
  EXPECT_TRUE(pool.TryAcquire().has_value()) << "idle again";
}

TEST(StorePoolTest, CallersAreServedInTheOrderTheyAsked) {
  FakeStore only;  // cannot open another: one connection, shared
  StorePool pool(only, 4);
  std::vector<int> order;
  std::mutex order_mutex;
  std::vector<std::thread> callers;
  {
    auto held = pool.Acquire();
    for (int i = 0; i < 5; ++i) {
      callers.emplace_back([&, i] {
        auto lease = pool.Acquire();
        std::lock_guard<std::mutex> lock(order_mutex);
        order.push_back(i);
      });
      WaitUntil([&] { return pool.waiting() == static_cast<size_t>(i) + 1; });
    }
    EXPECT_EQ(pool.open(), 1u);
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

// Two hundred clients connecting in the same instant (a dashboard's users after a
// restart): each first request is answered at once, none waits for the kernel to
// retry a dropped handshake (seconds, up to a minute).
TEST(ServerLoadTest, ClientsConnectingAllAtOnceAreAllAnswered) {
  FakeStore store;
  RunningServer running(store, PortZero());
  constexpr int kClients = 200;
  std::atomic<int> answered{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&] {
      while (!go) std::this_thread::yield();
      RawClient client(running.port());
      if (!client.connected()) return;
      if (!client.Send("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) return;
      if (StatusOf(client.ReadToEnd()) == 200) ++answered;
    });
  }
  go = true;
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(answered.load(), kClients);
}

}  // namespace
}  // namespace epiwire::serve

namespace epiwire::serve {
namespace {

// A store with a version (documents stored and alert states), counting the scans
// of facts that aggregates make.
class VersionedStore : public FakeStore {
 public:
  Result<std::vector<Fact>> Facts(const store::EventFilter& filter) override {
    ++scans;
    return FakeStore::Facts(filter);
  }
  Result<store::PutOutcome> Put(const Extraction& extraction) override {
    ++puts_;
    return FakeStore::Put(extraction);
  }
  Result<std::string> Version() override {
    auto states = AlertStates();
    return std::to_string(puts_) + "/" + std::to_string(states->size());
  }
  std::atomic<int> scans{0};

 private:
  int puts_ = 0;
};

TEST(ServerCacheTest, AggregatesAreReusedUntilTheStoreChanges) {
  VersionedStore store;
  Fill(store);
  RunningServer running(store, PortZero());
  httplib::Client client("127.0.0.1", running.port());
  const auto places = [&](const std::string& query) {
    httplib::Result res = client.Get(("/api/places" + query).c_str());
    EXPECT_TRUE(res && res->status == 200);
    return res ? json::parse(res->body, nullptr, false) : json();
  };
  const json first = places("");
  const int scans = store.scans.load();
  EXPECT_EQ(places(""), first);
  EXPECT_EQ(store.scans.load(), scans) << "the same question on the same store is not asked again";
  places("?country=PE");
  EXPECT_EQ(store.scans.load(), scans + 1) << "other parameters are another question";
  Extraction more;
  more.document.id = "doc-three";
  more.document.text = "Lima counted 9 cases.";
  more.document.published = Date{2020, 4, 16};
  more.events.push_back(CaseEvent(more.document.text, "Lima counted 9 cases.", 9,
                                  MakePlace("Lima", "PE", -12.05, -77.04), Date{2020, 4, 16}));
  ASSERT_TRUE(store.Put(more).ok());
  const json after = places("");
  EXPECT_EQ(store.scans.load(), scans + 2) << "a new document makes the answer stale";
  EXPECT_EQ(after["places"].size(), first["places"].size() + 1);
}

}  // namespace
}  // namespace epiwire::serve
