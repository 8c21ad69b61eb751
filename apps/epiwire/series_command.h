// SPDX-License-Identifier: MIT
// `epiwire series` (daily series from the store's facts, as CSV or JSON) and
// `epiwire import-series` (official JHU CSSE series into the store, then the
// comparison of news figures with them).
#ifndef EPIWIRE_APPS_SERIES_COMMAND_H_
#define EPIWIRE_APPS_SERIES_COMMAND_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/model/fact.h"
#include "epiwire/store/event_store.h"

namespace epiwire::apps {

// Adds `series` and `import-series` to `app`; their callbacks store the exit code in
// `*exit_code`.
void AddSeriesCommands(CLI::App& app, int* exit_code);

// Opens the store at `url` for reading: a SQLite path that does not exist is an
// error here (Open would create an empty database).
Result<std::unique_ptr<store::EventStore>> OpenExistingStore(const std::string& url);

// All case facts that pass `filter` (read page by page; filter.limit and offset are
// ignored).
Result<std::vector<Fact>> LoadCaseFacts(store::EventStore& store, store::EventFilter filter);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_SERIES_COMMAND_H_
