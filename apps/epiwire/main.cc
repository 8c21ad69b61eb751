// SPDX-License-Identifier: MIT
// The epiwire command line: a thin layer over the libraries.
#include <CLI/CLI.hpp>

#include "extract_command.h"
#ifdef EPIWIRE_HAVE_INGEST_COMMAND
#include "ingest_command.h"
#endif
#ifdef EPIWIRE_HAVE_SERIES_COMMAND
#include "series_command.h"
#endif
#ifdef EPIWIRE_HAVE_SIGNALS_COMMAND
#include "signals_command.h"
#endif
#ifdef EPIWIRE_HAVE_EVALUATE_COMMAND
#include "evaluate_command.h"
#endif
#ifdef EPIWIRE_HAVE_SERVE_COMMAND
#include "serve_command.h"
#endif
#ifdef EPIWIRE_HAVE_PUBLISH_COMMAND
#include "publish_command.h"
#endif
#ifdef EPIWIRE_HAVE_WORKER_COMMAND
#include "worker_command.h"
#endif
#ifdef EPIWIRE_HAVE_STATUS_COMMAND
#include "status_command.h"
#endif

int main(int argc, char** argv) {
  CLI::App app{"epiwire: epidemic intelligence from the news (case reports and measures)"};
  app.set_version_flag("--version", "epiwire 0.1.0");
  app.require_subcommand(1);
  int exit_code = 0;
  epiwire::apps::AddExtractCommand(app, &exit_code);
#ifdef EPIWIRE_HAVE_INGEST_COMMAND
  epiwire::apps::AddIngestCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_SERIES_COMMAND
  epiwire::apps::AddSeriesCommands(app, &exit_code);  // series, import-series
#endif
#ifdef EPIWIRE_HAVE_SIGNALS_COMMAND
  epiwire::apps::AddSignalsCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_EVALUATE_COMMAND
  epiwire::apps::AddEvaluateCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_SERVE_COMMAND
  epiwire::apps::AddServeCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_PUBLISH_COMMAND
  epiwire::apps::AddPublishCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_WORKER_COMMAND
  epiwire::apps::AddWorkerCommand(app, &exit_code);
#endif
#ifdef EPIWIRE_HAVE_STATUS_COMMAND
  epiwire::apps::AddStatusCommand(app, &exit_code);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  return exit_code;
}
