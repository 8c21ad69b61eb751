// SPDX-License-Identifier: MIT
// A SQLite store of synthetic case events for the API benchmarks and the load
// test: documents of 1000 one-line sentences, each one case event, in 16
// countries and 5 diseases over 900 days; counts and days vary so that most
// events are distinct facts and some repeat across documents.
#ifndef EPIWIRE_BENCH_SYNTHETIC_STORE_H_
#define EPIWIRE_BENCH_SYNTHETIC_STORE_H_

#include <cstdint>
#include <string>

#include "epiwire/model/document.h"

namespace epiwire::bench {

inline constexpr int kEventsPerDocument = 1000;

// Document `d` ("bench-<d>") with its kEventsPerDocument events.
Extraction SyntheticDocument(int d);

// The path of a store holding `events` events (rounded up to whole documents),
// cached in $TMPDIR and filled on first use (with progress on stderr). Aborts
// when the store cannot be written.
std::string FilledStorePath(int64_t events);

}  // namespace epiwire::bench

#endif  // EPIWIRE_BENCH_SYNTHETIC_STORE_H_
