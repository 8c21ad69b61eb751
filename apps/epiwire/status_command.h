// SPDX-License-Identifier: MIT
// `epiwire status`: the stream's depth, the workers' lag, redeliveries and dead
// letters, and what the store holds.
#ifndef EPIWIRE_APPS_STATUS_COMMAND_H_
#define EPIWIRE_APPS_STATUS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddStatusCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_STATUS_COMMAND_H_
