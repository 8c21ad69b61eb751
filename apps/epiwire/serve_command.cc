// SPDX-License-Identifier: MIT
#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "epiwire/serve/server.h"
#include "epiwire/store/event_store.h"

#ifndef EPIWIRE_WEB_DIR
#define EPIWIRE_WEB_DIR ""
#endif
#ifndef EPIWIRE_VENDOR_DIR
#define EPIWIRE_VENDOR_DIR ""
#endif

namespace epiwire::apps {
namespace {

struct ServeOptions {
  std::string db = "epiwire.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir = EPIWIRE_WEB_DIR;
  std::string vendor_dir = EPIWIRE_VENDOR_DIR;
  size_t max_results = 5000;
  bool public_address = false;
  int timeout_seconds = 10;
  size_t connections = 8;
};

int RunServe(const ServeOptions& options) {
  auto opened = store::EventStore::Open(options.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "epiwire serve: %s\n", opened.status().message().c_str());
    return 2;
  }
  serve::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.web_dir = options.web_dir;
  server_options.vendor_dir = options.vendor_dir;
  server_options.max_results = options.max_results;
  server_options.allow_public = options.public_address;
  server_options.timeout_seconds = options.timeout_seconds;
  server_options.store_connections = options.connections;
  serve::Server server(*opened.value(), server_options);

  // SIGINT and SIGTERM stop the server cleanly: block them here (threads started
  // later inherit the mask) and wait for them on a thread of our own.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread waiter([&server, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server.Stop();
  });

  const bool quiet_web = options.web_dir.empty();
  Status status = server.Run([&](int port) {
    std::fprintf(stderr, "epiwire serve: listening on http://%s:%d/%s\n", options.host.c_str(),
                 port, quiet_web ? " (API only)" : "");
    std::fflush(stderr);
  });
  // Wake the waiter if the server stopped for another reason (bind failure). The
  // signals stay blocked: the process is about to exit.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!status.ok()) {
    std::fprintf(stderr, "epiwire serve: %s\n", status.message().c_str());
    return status.code() == StatusCode::kInvalidInput ? 2 : 1;
  }
  std::fprintf(stderr, "epiwire serve: stopped\n");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand(
      "serve",
      "Serve the JSON API (/api/events, /api/facts, /api/series, /api/alerts, /api/routes, ...)\n"
      "and the dashboard (map, series, alerts, events, article view) over a store.");
  command->add_option("--db", options->db,
                      "Store: path.db (SQLite) or postgresql://... (default epiwire.db)");
  command->add_option("--host", options->host,
                      "Address to listen on (default 127.0.0.1: this machine only; another\n"
                      "address needs --public)");
  command->add_flag("--public", options->public_address,
                    "Allow --host to be an address other machines can reach (the API has no\n"
                    "authentication: put it behind a proxy that has)");
  command->add_option("--port", options->port, "Port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--web-dir", options->web_dir,
                      "Dashboard files (default: the source tree's web/; empty: API only)");
  command->add_option("--vendor-dir", options->vendor_dir,
                      "node_modules with d3, topojson-client and world-atlas, served under "
                      "/vendor/ (default: the source tree's)");
  command->add_option("--timeout", options->timeout_seconds,
                      "Seconds a client has to send a whole request and to take its answer\n"
                      "(default 10); slower ones get 408 or are cut off")
      ->check(CLI::Range(1, 3600));
  command->add_option("--connections", options->connections,
                      "Store connections reading at once, opened as requests need them\n"
                      "(default 8; an in-memory store has one)")
      ->check(CLI::Range(size_t{1}, size_t{256}));
  command->add_option("--max-results", options->max_results,
                      "Cap on any list the API returns (default 5000)")
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  command->footer(
      "The address is printed on standard error once listening. Ctrl-C stops the server.\n"
      "Exit status: 0 stopped cleanly; 1 cannot listen; 2 bad usage (such as a --host that is\n"
      "not loopback without --public) or store.");
  command->callback([options, exit_code] { *exit_code = RunServe(*options); });
}

}  // namespace epiwire::apps
