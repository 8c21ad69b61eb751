// SPDX-License-Identifier: MIT
// A benchmark needs its data and its store: a setup that fails stops the run and says
// what failed and why (a data directory newer than the build, a missing store), where a
// bare abort said nothing.
#ifndef EPIWIRE_BENCH_REQUIRE_H_
#define EPIWIRE_BENCH_REQUIRE_H_

#include <cstdio>
#include <cstdlib>

#include "epiwire/base/status.h"

namespace epiwire::bench {

inline void Require(const Status& status, const char* what) {
  if (status.ok()) return;
  std::fprintf(stderr, "%s: %s\n", what, status.message().c_str());
  std::abort();
}

}  // namespace epiwire::bench

#endif  // EPIWIRE_BENCH_REQUIRE_H_
