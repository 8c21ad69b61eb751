// SPDX-License-Identifier: MIT
// `epiwire extract`: reads documents and prints one JSON object a document.
#ifndef EPIWIRE_APPS_EXTRACT_COMMAND_H_
#define EPIWIRE_APPS_EXTRACT_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddExtractCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_EXTRACT_COMMAND_H_
