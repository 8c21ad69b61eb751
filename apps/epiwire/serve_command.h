// SPDX-License-Identifier: MIT
// `epiwire serve`: the JSON API and the dashboard over a store, on 127.0.0.1 by default.
#ifndef EPIWIRE_APPS_SERVE_COMMAND_H_
#define EPIWIRE_APPS_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddServeCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_SERVE_COMMAND_H_
