// SPDX-License-Identifier: MIT
// `epiwire signals`: aberrations (EARS C1/C2/C3, CUSUM, epitweetr) and importation
// signals over the store's facts, as a table or JSON.
#ifndef EPIWIRE_APPS_SIGNALS_COMMAND_H_
#define EPIWIRE_APPS_SIGNALS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddSignalsCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_SIGNALS_COMMAND_H_
