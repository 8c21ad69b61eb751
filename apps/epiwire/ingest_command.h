// SPDX-License-Identifier: MIT
// `epiwire ingest`: reads documents, extracts their events on worker threads and
// stores documents, stories, events and facts in SQLite or PostgreSQL.
#ifndef EPIWIRE_APPS_INGEST_COMMAND_H_
#define EPIWIRE_APPS_INGEST_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddIngestCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_INGEST_COMMAND_H_
