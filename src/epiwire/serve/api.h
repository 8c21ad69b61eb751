// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): the JSON API as a function from a path and
// its query parameters to a status code and a JSON body, independent of HTTP.
// Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_API_H_
#define EPIWIRE_SERVE_API_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "epiwire/serve/query.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// Facts read for one aggregate request (series, alerts, routes, places) at most.
inline constexpr size_t kMaxScannedFacts = 200000;

class Api {
 public:
  // `store` must outlive the Api. Thread-safe: store calls are serialised.
  Api(store::EventStore& store, size_t max_results);

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

  // Case facts matching `filter` (its limit and offset are ignored), at most
  // kMaxScannedFacts; `truncated` tells whether there were more.
  Result<std::vector<Fact>> ScanFacts(store::EventFilter filter, bool* truncated);
  Result<int64_t> CountFacts();

  store::EventStore& store_;
  const size_t max_results_;
  std::mutex mutex_;  // guards store_ and the cache below
  int64_t cached_documents_ = -1;
  int64_t cached_events_ = -1;
  int64_t cached_facts_ = 0;
};

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_API_H_
