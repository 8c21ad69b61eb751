// SPDX-License-Identifier: MIT
// serve: the HTTP JSON API and the dashboard (web/) over an EventStore. Binds to
// 127.0.0.1 by default (another address only when asked for); requests are
// bounded (size, limits, timeouts) and slow or idle clients hold no thread
// (connections.h). Tested by
// server_test.cc and end to end in headless Chromium by tests/dashboard_e2e.
#ifndef EPIWIRE_SERVE_SERVER_H_
#define EPIWIRE_SERVE_SERVER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "epiwire/base/status.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            // 0: any free port (see Server::port())
  std::string web_dir;        // dashboard assets; empty: API only
  size_t max_results = 5000;  // cap on any list the API returns
  // Where the dashboard's libraries are: a node_modules directory. /vendor/<pkg>/...
  // serves files of the packages d3, topojson-client and world-atlas only; empty:
  // no /vendor/.
  std::string vendor_dir;
  // A request must arrive whole, and its answer be taken, within this; slower
  // clients get 408 or are cut off.
  int timeout_seconds = 10;
  int keep_alive_seconds = 5;  // an idle keep-alive connection is closed after this
  size_t workers = 64;         // threads answering requests (idle connections hold none)
  // Store connections reading at once, opened as requests need them (1: one,
  // shared; a store that cannot open another is shared whatever this says).
  size_t store_connections = 8;
  size_t max_connections = 2048;
  // Listening on an address other than loopback (127.0.0.0/8, ::1, localhost)
  // is refused unless this is set (`serve --public`).
  bool allow_public = false;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

class Server {
 public:
  // `store` must outlive the server. Requests read through it or through other
  // connections it opens (options.store_connections).
  Server(store::EventStore& store, ServerOptions options);
  ~Server();

  // Binds and serves until Stop(); returns when stopped. Fails when it cannot bind.
  // `on_listening` is called once with the bound port (useful with port 0) before
  // the first request is served. Runs at most once per Server.
  Status Run(const std::function<void(int port)>& on_listening = nullptr);
  // Makes Run return soon; safe from any thread, before, during or after Run.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_SERVER_H_
