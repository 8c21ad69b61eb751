// SPDX-License-Identifier: MIT
// The API's routing and its list endpoints (events, facts, documents, stats).
// Aggregates live in api_series.cc (series, alerts) and api_map.cc (routes, places).
#include "epiwire/serve/api.h"

#include <algorithm>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>

#include "epiwire/serve/json_view.h"

namespace epiwire::serve {
namespace {

using nlohmann::json;

constexpr size_t kDefaultLimit = 100;
constexpr size_t kEventJsonBytes = 600;  // about what an event takes as JSON
constexpr size_t kMaxDocumentIdBytes = 512;
const std::set<std::string> kFilterParams = {"disease", "country", "subdivision", "type",
                                             "from",    "to",      "limit",       "offset"};

std::string Dump(const json& value) {
  // Invalid UTF-8 in stored text must not make the server fail: replace it.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

ApiResponse Ok(const json& value) { return ApiResponse{200, Dump(value)}; }

// {"<name>": [the first `limit` items], "limit", "offset", "has_more"}: the store
// is asked for one item more than the page, which tells whether there is a next.
// Items are written as they are added.
// Given a sink, the page is sent in pieces of about kPieceBytes, each cut after a
// whole item (so that no UTF-8 character is cut either).
class PageWriter {
 public:
  static constexpr size_t kPieceBytes = size_t{64} << 10;

  PageWriter(std::string_view name, size_t limit, size_t offset, const BodySink* sink = nullptr)
      : w_(body_), limit_(limit), offset_(offset), sink_(sink) {
    body_.reserve(sink_ != nullptr ? 2 * kPieceBytes : 64 + 900 * std::min<size_t>(limit, 5000));
    w_.Open('{');
    w_.Key(name);
    w_.Open('[');
  }
  PageWriter(const PageWriter&) = delete;  // w_ writes into this one's body_
  PageWriter& operator=(const PageWriter&) = delete;
  template <typename Item, typename WriteItem>
  void Add(const Item& item, WriteItem write_item) {
    if (added_++ >= limit_ || !sent_) return;
    write_item(w_, item);
    if (sink_ != nullptr && body_.size() >= kPieceBytes) Send();
  }
  ApiResponse Finish() {
    w_.Close(']');
    w_.Key("limit");
    w_.Int(static_cast<int64_t>(limit_));
    w_.Key("offset");
    w_.Int(static_cast<int64_t>(offset_));
    w_.Key("has_more");
    w_.Bool(added_ > limit_);
    w_.Close('}');
    if (sink_ != nullptr) {
      if (sent_) Send();
      return ApiResponse{sent_ ? 200 : 500, {}};
    }
    return ApiResponse{200, FinishJson(std::move(body_))};
  }

 private:
  void Send() {
    body_ = FinishJson(std::move(body_));
    sent_ = (*sink_)(body_);
    body_.clear();
  }

  std::string body_;
  output::JsonWriter w_;
  size_t limit_;
  size_t offset_;
  const BodySink* sink_;  // null: the page is answered whole
  bool sent_ = true;      // false once the sink has refused a piece
  size_t added_ = 0;
};

ApiResponse StoreError(const Status& status) {
  return Api::Error(500, "store: " + status.message());
}

}  // namespace

Api::Api(store::EventStore& store, size_t max_results, size_t connections)
    : stores_(store, std::clamp<size_t>(connections, 1, kMaxConnections)),
      max_results_(max_results == 0 ? 1 : max_results),
      aggregate_turns_(static_cast<ptrdiff_t>(
          std::max<size_t>(1, std::clamp<size_t>(connections, 1, kMaxConnections) / 4))) {}

ApiResponse Api::Error(int status, const std::string& message) {
  return ApiResponse{status, Dump(json{{"error", message}, {"status", status}})};
}

ApiResponse Api::Get(const std::string& path, const QueryParams& params) {
  static const std::string kDocuments = "/api/documents/";
  if (path.rfind(kDocuments, 0) == 0) {
    Status names = CheckParamNames(params, {});
    if (!names.ok()) return Error(400, names.message());
    return DocumentById(path.substr(kDocuments.size()));
  }
  if (path == "/api/health" || path == "/api/stats") {
    Status names = CheckParamNames(params, {});
    if (!names.ok()) return Error(400, names.message());
    if (path == "/api/stats") return Stats();
    return Ok({{"status", "ok"},
#ifdef EPIWIRE_SERVE_HAVE_SERIES
               {"series", true},
#else
               {"series", false},
#endif
#ifdef EPIWIRE_SERVE_HAVE_SIGNALS
               {"signals", true}});
#else
               {"signals", false}});
#endif
  }
  if (path == "/api/events") return Events(params);
  if (path == "/api/facts") return Facts(params);
  if (path == "/api/series") return Aggregate(path, params, [&] { return Series(params); });
  if (path == "/api/alerts") return Aggregate(path, params, [&] { return Alerts(params); });
  if (path == "/api/routes") return Aggregate(path, params, [&] { return Routes(params); });
  if (path == "/api/places") return Aggregate(path, params, [&] { return Places(params); });
  return Error(404, "no such API endpoint: " + path.substr(0, 128));
}

ApiResponse Api::Stats() {
  auto store = stores_.Acquire();
  auto documents = store->CountDocuments();
  if (!documents.ok()) return StoreError(documents.status());
  auto events = store->CountEvents();
  if (!events.ok()) return StoreError(events.status());
  auto facts = store->CountFacts();
  if (!facts.ok()) return StoreError(facts.status());
  return Ok({{"documents", documents.value()},
             {"events", events.value()},
             {"facts", facts.value()},
             {"max_results", max_results_}});
}

ApiResponse Api::Events(const QueryParams& params) {
  Status names = CheckParamNames(params, kFilterParams);
  if (!names.ok()) return Error(400, names.message());
  auto filter = ParseFilter(params, max_results_, kDefaultLimit);
  if (!filter.ok()) return Error(400, filter.status().message());
  const size_t limit = filter->limit;
  filter->limit = limit + 1;  // one more tells whether there is a next page
  const auto write = [this, limit, filter = filter.value()](const BodySink* sink) {
    PageWriter page("events", limit, filter.offset, sink);
    const auto add = [&](const store::StoredEvent& event) { page.Add(event, WriteStoredEvent); };
    Status status = [&] {
      auto store = stores_.Acquire();
      std::optional<StorePool::Lease> other =
          limit >= kSplitPageFrom ? stores_.TryAcquire() : std::nullopt;
      if (!other) return store->ForEachEvent(filter, add);
      // The second half (with the one row more that tells has_more) is read and
      // written on the other connection, while this one reads and writes the first.
      store::EventFilter first = filter;
      first.limit = limit / 2;
      store::EventFilter second = filter;
      second.offset += first.limit;
      second.limit = filter.limit - first.limit;
      std::string rest;  // the second half's events as JSON, one after another
      std::vector<size_t> ends;
      auto read_rest = std::async(std::launch::async, [&, lease = std::move(*other)] {
        rest.reserve(second.limit * kEventJsonBytes);
        return lease->ForEachEvent(second, [&](const store::StoredEvent& event) {
          output::JsonWriter w(rest);
          WriteStoredEvent(w, event);
          ends.push_back(rest.size());
        });
      });
      const Status read = store->ForEachEvent(first, add);
      const Status read_second = read_rest.get();
      if (!read.ok()) return read;
      if (!read_second.ok()) return read_second;
      size_t start = 0;
      for (const size_t end : ends) {
        page.Add(std::string_view(rest).substr(start, end - start),
                 [](output::JsonWriter& w, std::string_view json) { w.Written(json); });
        start = end;
      }
      return Status::Ok();
    }();
    return status.ok() ? page.Finish() : StoreError(status);
  };
  if (limit < kStreamedPageFrom) return write(nullptr);
  ApiResponse streamed;
  streamed.stream = [write](const BodySink& send) { return write(&send).status == 200; };
  return streamed;
}

ApiResponse Api::Facts(const QueryParams& params) {
  Status names = CheckParamNames(params, kFilterParams);
  if (!names.ok()) return Error(400, names.message());
  auto filter = ParseFilter(params, max_results_, kDefaultLimit);
  if (!filter.ok()) return Error(400, filter.status().message());
  const size_t limit = filter->limit;
  filter->limit = limit + 1;
  Result<std::vector<Fact>> facts = [&] {
    auto store = stores_.Acquire();
    return store->Facts(filter.value());
  }();
  if (!facts.ok()) return StoreError(facts.status());
  PageWriter page("facts", limit, filter->offset);
  for (const Fact& fact : facts.value()) page.Add(fact, WriteFact);
  return page.Finish();
}

ApiResponse Api::DocumentById(const std::string& id) {
  if (id.empty() || id.size() > kMaxDocumentIdBytes) {
    return Error(400, "document id: want 1 to 512 bytes");
  }
  Result<std::optional<store::StoredDocument>> found = [&] {
    auto store = stores_.Acquire();
    return store->Document(id);
  }();
  if (!found.ok()) return StoreError(found.status());
  if (!found.value()) return Error(404, "no such document");
  std::string body;
  body.reserve(found.value()->document.text.size() + 700 * found.value()->events.size() + 512);
  output::JsonWriter w(body);
  WriteDocument(w, *found.value());
  return ApiResponse{200, FinishJson(std::move(body))};
}

ApiResponse Api::Aggregate(const std::string& path, const QueryParams& params,
                           const std::function<ApiResponse()>& compute) {
  constexpr size_t kCachedAnswers = 64;
  std::string key = path;
  for (const auto& [name, value] : params) key += "\n" + name + "=" + value;
  auto version = [&] {
    auto store = stores_.Acquire();
    return store->Version();
  }();
  const auto cached = [&]() -> std::optional<ApiResponse> {
    if (!version.ok()) return std::nullopt;
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto found = cache_.find(key);
    if (found == cache_.end() || found->second.version != version.value()) return std::nullopt;
    found->second.used = ++cache_clock_;
    return found->second.response;
  };
  if (auto answer = cached()) return *answer;
  AggregateTurn turn(aggregate_turns_);
  if (auto answer = cached()) return *answer;  // computed while this one waited its turn
  ApiResponse answer = compute();
  if (!version.ok() || answer.status != 200) return answer;
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() >= kCachedAnswers && cache_.count(key) == 0) {
    auto oldest = std::min_element(cache_.begin(), cache_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    });
    cache_.erase(oldest);
  }
  cache_[key] = CachedAnswer{version.value(), answer, ++cache_clock_};
  return answer;
}

Result<std::vector<Fact>> Api::ScanFacts(store::EventFilter filter, bool* truncated) {
  filter.type = EventType::kCases;
  filter.offset = 0;
  filter.limit = kMaxScannedFacts + 1;
  Result<std::vector<Fact>> facts = [&] {
    auto store = stores_.Acquire();
    return store->Facts(filter);
  }();
  if (!facts.ok()) return facts.status();
  *truncated = facts->size() > kMaxScannedFacts;
  if (*truncated) facts->resize(kMaxScannedFacts);
  return facts;
}

}  // namespace epiwire::serve
