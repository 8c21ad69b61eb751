// SPDX-License-Identifier: MIT
// `epiwire evaluate-signals`: the evaluation harness (signals/evaluation.h) over an
// official file: a simulated news stream, the known outbreaks, and the score table.
#ifndef EPIWIRE_APPS_EVALUATE_COMMAND_H_
#define EPIWIRE_APPS_EVALUATE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace epiwire::apps {

// Adds the sub-command to `app`; its callback stores the exit code in `*exit_code`.
void AddEvaluateCommand(CLI::App& app, int* exit_code);

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_EVALUATE_COMMAND_H_
