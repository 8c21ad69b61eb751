// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): the connections of the HTTP server. Worker
// threads only ever serve a complete request: one epoll thread waits for every
// idle keep-alive connection and reads each request's head (and small body) as
// it trickles in, with a deadline, so slow or idle clients hold no worker.
// Tested by server_test.cc.
#ifndef EPIWIRE_SERVE_CONNECTIONS_H_
#define EPIWIRE_SERVE_CONNECTIONS_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace httplib {
class Stream;
}

namespace epiwire::serve {

struct ConnectionLimits {
  // A request's head (request line and headers) must arrive whole within this;
  // so must its body, and a response must be taken by the client within it.
  int request_seconds = 10;
  // An idle keep-alive connection is closed after this.
  int keep_alive_seconds = 5;
  size_t max_request_line_bytes = 8192;  // longer: 414
  size_t max_head_bytes = 16384;         // longer: 431
  size_t max_body_bytes = 1024;          // read ahead of the worker; longer goes to httplib's 413
  size_t max_connections = 2048;         // past it the oldest idle one is closed (or 503)
  size_t requests_per_connection = 1000;
  size_t workers = 64;
};

// Serves one request from `stream`: `close` asks to close the connection after
// it; sets `closed` when the request asked so. Returns false when the
// connection is unusable.
using RequestServer = std::function<bool(httplib::Stream& stream, bool close, bool& closed)>;

// Writes the JSON error answer for a request refused before it reached the server
// (408, 414, 431, 503): the whole HTTP response.
std::string RefusalResponse(int status, const std::string& message);

class Connections {
 public:
  Connections(ConnectionLimits limits, RequestServer serve);
  ~Connections();  // Stop()s

  // Takes ownership of an accepted socket. Thread-safe.
  void Add(int socket);
  // Closes every connection and joins the threads. Thread-safe, idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_CONNECTIONS_H_
