// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): the JSON API as a function from a path and
// its query parameters to a status code and a JSON body, independent of HTTP.
// Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_API_H_
#define EPIWIRE_SERVE_API_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "epiwire/serve/query.h"
#include "epiwire/serve/store_pool.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

// Sends a piece of a body written in pieces; false when the client is gone.
using BodySink = std::function<bool(std::string_view piece)>;

struct ApiResponse {
  ApiResponse() = default;
  ApiResponse(int status_code, std::string json) : status(status_code), body(std::move(json)) {}

  int status = 200;
  std::string body;  // JSON
  // Set instead of `body` for a long list: the body is written in pieces, each sent
  // as it is made, so that the client reads the first items while the last are read
  // from the store. Sent with a 200 before the store is read: it returns false when
  // the answer failed part way (the store, or the client gone), and the server then
  // ends the body early, which the client sees as an incomplete answer.
  std::function<bool(const BodySink& send)> stream;
};

// A page of this many events or more is streamed (ApiResponse::stream); smaller
// pages, a few hundred KB at most, are answered whole, a store failure with a 500.
inline constexpr size_t kStreamedPageFrom = 1000;

// A page of events this long or longer is read in two halves at once when a second
// store connection is idle (StorePool::TryAcquire): the second half is read and written
// as JSON on it while the first is read and written on the request's own. Reading rows
// is most of a long page's time. The halves are two reads: a write between them can
// repeat or skip an event where they meet, as it can between two pages.
inline constexpr size_t kSplitPageFrom = 2000;

// Facts read for one aggregate request (series, alerts, routes, places) at most.
inline constexpr size_t kMaxScannedFacts = 200000;
// Store connections one Api uses at most.
inline constexpr ptrdiff_t kMaxConnections = 256;

class Api {
 public:
  // `store` must outlive the Api. Thread-safe: each request reads through a
  // connection of its own, up to `connections` at once (StorePool).
  Api(store::EventStore& store, size_t max_results, size_t connections = 1);

  // Answers GET `path` (already URL-decoded). Unknown paths are 404, bad
  // parameters 400, store failures 500, a missing stage (series, signals) 501;
  // the body is always JSON, errors as {"error": "..."}.
  ApiResponse Get(const std::string& path, const QueryParams& params);
  // Answers POST `path`: only /api/alerts/ID/dismiss and /api/alerts/ID/restore
  // (ID: 16 hex digits), which record or clear the analyst's dismissal. Other API
  // paths are 405 or 404.
  ApiResponse Post(const std::string& path, const QueryParams& params);

  static ApiResponse Error(int status, const std::string& message);

 private:
  ApiResponse Stats();
  ApiResponse Events(const QueryParams& params);
  ApiResponse Facts(const QueryParams& params);
  ApiResponse DocumentById(const std::string& id);
  ApiResponse Series(const QueryParams& params);
  ApiResponse Alerts(const QueryParams& params);
  ApiResponse Routes(const QueryParams& params);
  ApiResponse Places(const QueryParams& params);

  // The answer of an aggregate (`compute`) from the cache while the store's
  // version stays, else computed on its turn (AggregateTurn) and kept. Answers
  // other than 200 are not kept.
  ApiResponse Aggregate(const std::string& path, const QueryParams& params,
                        const std::function<ApiResponse()>& compute);

  // Case facts matching `filter` (its limit and offset are ignored), at most
  // kMaxScannedFacts; `truncated` tells whether there were more.
  Result<std::vector<Fact>> ScanFacts(store::EventFilter filter, bool* truncated);

  // An aggregate holds a store connection for seconds over a large store: a
  // quarter of the connections at most go to aggregates, so that lists always
  // find one. Held while Series, Alerts, Routes or Places computes.
  class AggregateTurn {
   public:
    explicit AggregateTurn(std::counting_semaphore<kMaxConnections>& turns) : turns_(turns) {
      turns_.acquire();
    }
    AggregateTurn(const AggregateTurn&) = delete;
    AggregateTurn& operator=(const AggregateTurn&) = delete;
    ~AggregateTurn() { turns_.release(); }

   private:
    std::counting_semaphore<kMaxConnections>& turns_;
  };

  struct CachedAnswer {
    std::string version;
    ApiResponse response;
    uint64_t used = 0;  // when last asked for, to drop the least recently used
  };

  StorePool stores_;
  const size_t max_results_;
  std::counting_semaphore<kMaxConnections> aggregate_turns_;
  std::mutex cache_mutex_;  // guards the two below
  std::map<std::string, CachedAnswer> cache_;  // by path and parameters
  uint64_t cache_clock_ = 0;
};

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_API_H_
