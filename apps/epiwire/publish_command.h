// SPDX-License-Identifier: MIT
// `epiwire publish`: reads documents with the readers of `extract` and publishes
// each to the JetStream document stream for the workers.
#ifndef EPIWIRE_APPS_PUBLISH_COMMAND_H_
#define EPIWIRE_APPS_PUBLISH_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddPublishCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_PUBLISH_COMMAND_H_
