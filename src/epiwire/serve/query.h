// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): reads and checks the query parameters of the
// API. Every parameter is bounded; unknown or malformed ones are an InvalidInput
// Status whose message names the parameter. Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_QUERY_H_
#define EPIWIRE_SERVE_QUERY_H_

#include <map>
#include <set>
#include <string>

#include "epiwire/base/status.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

using QueryParams = std::multimap<std::string, std::string>;

// Fails when `params` holds a name outside `allowed` or a name twice.
Status CheckParamNames(const QueryParams& params, const std::set<std::string>& allowed);

// The value of `name`, or "" when absent.
std::string Param(const QueryParams& params, const std::string& name);

// Filters: disease (a canonical id: [a-z0-9-], up to 64), country (two capital
// letters), subdivision (ISO 3166-2), type (cases|measure), from/to (YYYY-MM-DD,
// from <= to), limit (1..max_results, default `default_limit` capped by
// max_results) and offset (0..10^9).
Result<store::EventFilter> ParseFilter(const QueryParams& params, size_t max_results,
                                       size_t default_limit);

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_QUERY_H_
