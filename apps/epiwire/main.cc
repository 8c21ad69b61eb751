// SPDX-License-Identifier: MIT
// The epiwire command line: a thin layer over the pipeline library.
#include <CLI/CLI.hpp>

#include "extract_command.h"

int main(int argc, char** argv) {
  CLI::App app{"epiwire: epidemic intelligence from the news (case reports and measures)"};
  app.set_version_flag("--version", "epiwire 0.1.0");
  app.require_subcommand(1);
  int exit_code = 0;
  epiwire::apps::AddExtractCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  return exit_code;
}
