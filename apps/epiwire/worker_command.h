// SPDX-License-Identifier: MIT
// `epiwire worker`: pulls documents from the JetStream stream, extracts them and
// stores each batch in one transaction, acknowledging only after the commit.
#ifndef EPIWIRE_APPS_WORKER_COMMAND_H_
#define EPIWIRE_APPS_WORKER_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddWorkerCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_WORKER_COMMAND_H_
