// SPDX-License-Identifier: MIT
// The HTTP side: cpp-httplib with one pre-routing handler that answers every
// request (GET/HEAD, and POST for the API's few writes): /api/* through Api,
// /vendor/* from the allowed node_modules packages, everything else from the
// dashboard directory.
#include "epiwire/serve/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <malloc.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "epiwire/base/file.h"
#include "epiwire/serve/api.h"
#include "epiwire/serve/connections.h"
#include "epiwire/serve/static_files.h"

namespace epiwire::serve {
namespace {

constexpr size_t kMaxRequestBodyBytes = 1024;
constexpr int kListenBacklog = 1024;  // connections the kernel holds until accepted
constexpr const char* kSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Packages of node_modules that /vendor/ may serve.
constexpr std::string_view kVendorPackages[] = {"d3", "topojson-client", "world-atlas"};

// The pieces of a streamed answer, from the thread that writes them to the one that
// sends them.
class Pieces {
 public:
  // False once the sender has given up (the client is gone).
  bool Push(std::string_view piece) {
    std::lock_guard lock(mutex_);
    if (abandoned_) return false;
    queue_.emplace_back(piece);
    ready_.notify_one();
    return true;
  }
  void Finish(bool whole) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    whole_ = whole;
    ready_.notify_one();
  }
  // The next piece; nullopt once the writer has finished and all were taken.
  std::optional<std::string> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || finished_; });
    if (queue_.empty()) return std::nullopt;
    std::string piece = std::move(queue_.front());
    queue_.pop_front();
    return piece;
  }
  void Abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    queue_.clear();
  }
  bool whole() const {
    std::lock_guard lock(mutex_);
    return finished_ && whole_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> queue_;
  bool finished_ = false;
  bool whole_ = false;
  bool abandoned_ = false;
};

// The body is moved, not copied: a page of 5,000 events is 3 MB. A streamed one is
// written by a thread of its own while this one sends each piece as it comes: the
// client reads the first events while the last are read, and the store is never
// held waiting for a slow client (the pieces wait here instead: a page at most).
// When it fails part way, the provider's false makes httplib close the connection
// before the last chunk.
void SendJson(httplib::Response& res, ApiResponse answer) {
  res.status = answer.status;
  res.set_header("Cache-Control", "no-store");
  if (answer.stream) {
    res.set_chunked_content_provider(
        "application/json",
        [stream = std::move(answer.stream)](size_t /*offset*/, httplib::DataSink& sink) {
          Pieces pieces;
          std::thread writer([&] {
            pieces.Finish(stream([&](std::string_view piece) { return pieces.Push(piece); }));
          });
          bool sent = true;
          while (std::optional<std::string> piece = pieces.Pop()) {
            if (!sink.write(piece->data(), piece->size())) {
              sent = false;
              pieces.Abandon();
            }
          }
          writer.join();
          sent = sent && pieces.whole();
          if (sent) sink.done();
          return sent;
        });
    return;
  }
  res.set_header("Content-Type", "application/json");
  res.body = std::move(answer.body);
}

// Series, alerts, routes and places scan up to kMaxScannedFacts facts with their
// sources: over a GB for a moment on a store of a million events. glibc keeps what
// was freed in the arena of the worker that freed it, so with many workers the
// server grew by that much for each worker that ever answered one (measured: 1.6 GB
// more after each of the first requests, 3.2 GB with two arenas): give it back.
bool IsAggregate(const std::string& path) {
  for (const char* prefix : {"/api/series", "/api/alerts", "/api/routes", "/api/places"}) {
    if (path.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

void ReleaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

QueryParams ParamsOf(const httplib::Request& req) {
  QueryParams params;
  for (const auto& [name, value] : req.params) params.emplace(name, value);
  return params;
}

// The file for `relative` under `root`, sent; a JSON 404 when there is none.
void SendFile(httplib::Response& res, const std::string& root, std::string_view relative,
              const char* cache) {
  std::optional<std::string> path = ResolveStaticFile(root, relative);
  Result<std::string> content =
      path ? ReadFile(*path) : Result<std::string>(Status::NotFound("no such file"));
  if (!content.ok()) {
    SendJson(res, Api::Error(404, "not found"));
    return;
  }
  res.status = 200;
  res.set_header("Cache-Control", cache);
  res.set_content(std::move(content).value(), ContentTypeFor(*path));
}

void ServeVendor(httplib::Response& res, const std::string& vendor_dir, std::string_view rest) {
  const size_t slash = rest.find('/');
  const std::string_view package = rest.substr(0, slash);
  bool allowed = false;
  for (std::string_view known : kVendorPackages) allowed = allowed || package == known;
  if (vendor_dir.empty() || !allowed || slash == std::string_view::npos) {
    SendJson(res, Api::Error(404, "not found"));
    return;
  }
  SendFile(res, vendor_dir + "/" + std::string(package), rest.substr(slash + 1),
           "public, max-age=86400");
}

// httplib's accept loop and request processing, with the connections handed to
// Connections instead of a thread each.
class HttpServer : public httplib::Server {
 public:
  HttpServer() {
    new_task_queue = [] { return new InlineQueue; };
  }
  void Attach(Connections* connections) { connections_ = connections; }
  bool ServeRequest(httplib::Stream& stream, bool close, bool& closed) {
    return process_request(stream, close, closed, nullptr);
  }

 private:
  // The accept loop's "task" only passes the socket on, so it runs in place.
  class InlineQueue : public httplib::TaskQueue {
   public:
    void enqueue(std::function<void()> task) override { task(); }
    void shutdown() override {}
  };

  bool process_and_close_socket(socket_t socket) override {
    if (connections_ == nullptr) {
      ::close(socket);
      return false;
    }
    connections_->Add(socket);
    return true;
  }

  Connections* connections_ = nullptr;
};

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr v4{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

struct Server::Impl {
  Impl(store::EventStore& store, ServerOptions opts)
      : options(std::move(opts)), api(store, options.max_results, options.store_connections) {}

  httplib::Server::HandlerResponse Handle(const httplib::Request& req, httplib::Response& res);
  void Configure();

  ConnectionLimits Limits() const;

  ServerOptions options;
  Api api;
  HttpServer http;
  int listening_socket = -1;
  std::mutex mutex;  // guards the three flags below
  bool started = false;
  bool listening = false;
  bool stop_requested = false;
};

httplib::Server::HandlerResponse Server::Impl::Handle(const httplib::Request& req,
                                                      httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Content-Security-Policy", kSecurityPolicy);
  const std::string& path = req.path;
  if (req.method == "POST" && path.rfind("/api/", 0) == 0) {
    // A write (dismissing an alert): only from the dashboard's own page. A JSON
    // content type makes a browser ask first (CORS preflight) on another site's
    // behalf, which this server never grants; an Origin, when sent, must be ours.
    const std::string type = req.get_header_value("Content-Type");
    const std::string origin = req.get_header_value("Origin");
    // The API's writes take no body, and this handler runs before httplib reads
    // one: a body sent anyway ends the connection after the answer, so that it is
    // never read as a request of its own.
    const std::string length = req.get_header_value("Content-Length");
    const bool digits = !length.empty() && length.size() <= 18 &&
                        length.find_first_not_of("0123456789") == std::string::npos;
    if ((!length.empty() && length != "0") || req.has_header("Transfer-Encoding")) {
      res.set_header("Connection", "close");
    }
    if (!length.empty() && !digits) {
      SendJson(res, Api::Error(400, "Content-Length: want a whole number"));
    } else if (digits && std::stoull(length) > kMaxRequestBodyBytes) {
      SendJson(res, Api::Error(413, "request body over " + std::to_string(kMaxRequestBodyBytes) +
                                        " bytes"));
    } else if (type.rfind("application/json", 0) != 0) {
      SendJson(res, Api::Error(415, "POST wants Content-Type: application/json"));
    } else if (!origin.empty() && origin != "http://" + req.get_header_value("Host")) {
      SendJson(res, Api::Error(403, "POST from another origin"));
    } else {
      SendJson(res, api.Post(path, ParamsOf(req)));
    }
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    SendJson(res, Api::Error(405, "only GET is supported"));
    return httplib::Server::HandlerResponse::Handled;
  }
  if (path.rfind("/api/", 0) == 0) {
    SendJson(res, api.Get(path, ParamsOf(req)));
    if (IsAggregate(path)) ReleaseFreedMemory();
  } else if (path.rfind("/vendor/", 0) == 0) {
    ServeVendor(res, options.vendor_dir, std::string_view(path).substr(8));
  } else if (path == "/" || path == "/index.html") {
    SendFile(res, options.web_dir, "index.html", "no-cache");
  } else if (!path.empty() && path.front() == '/') {
    SendFile(res, options.web_dir, std::string_view(path).substr(1), "no-cache");
  } else {
    SendJson(res, Api::Error(400, "bad request path"));
  }
  return httplib::Server::HandlerResponse::Handled;
}

ConnectionLimits Server::Impl::Limits() const {
  ConnectionLimits limits;
  limits.request_seconds = options.timeout_seconds > 0 ? options.timeout_seconds : 10;
  limits.keep_alive_seconds = options.keep_alive_seconds > 0 ? options.keep_alive_seconds : 5;
  limits.max_body_bytes = kMaxRequestBodyBytes;
  limits.workers = options.workers > 0 ? options.workers : 64;
  limits.max_connections = options.max_connections > 0 ? options.max_connections : 2048;
  return limits;
}

void Server::Impl::Configure() {
  const ConnectionLimits limits = Limits();
  http.set_read_timeout(limits.request_seconds, 0);
  http.set_write_timeout(limits.request_seconds, 0);
  // What the Keep-Alive header of each answer announces.
  http.set_keep_alive_timeout(limits.keep_alive_seconds);
  http.set_keep_alive_max_count(limits.requests_per_connection);
  http.set_payload_max_length(kMaxRequestBodyBytes);
  // httplib's default adds SO_REUSEPORT, which would let a second process share
  // (and steal connections from) our port; keep only SO_REUSEADDR for restarts.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening_socket = sock;  // the last one made is the one bound
  });
  http.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return Handle(req, res); });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                std::exception_ptr) {
    SendJson(res, Api::Error(500, "internal error"));
  });
  // Errors httplib answers itself (bad request line, too large a body) get a JSON body too.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      SendJson(res, Api::Error(res.status, "request refused (HTTP " + std::to_string(res.status) + ")"));
    }
  });
}

Server::Server(store::EventStore& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Server::~Server() { Stop(); }

Status Server::Run(const std::function<void(int port)>& on_listening) {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->started) return Status::InvalidInput("serve: Run called twice");
    impl_->started = true;
    if (impl_->stop_requested) return Status::Ok();
  }
  impl_->Configure();
  const ServerOptions& options = impl_->options;
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidInput("serve: port " + std::to_string(options.port) + " out of range");
  }
  if (!options.allow_public && !IsLoopbackHost(options.host)) {
    return Status::InvalidInput("serve: " + options.host +
                                " is not a loopback address, so other machines could reach the "
                                "server; give --public to listen there anyway");
  }
  int port = options.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(options.host);
  } else if (!impl_->http.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Status::IoError("serve: cannot listen on " + options.host + ":" +
                           std::to_string(options.port));
  }
  // httplib listens with a backlog of 5 (fixed in Debian's build of the library):
  // when more clients connect at once, the kernel drops their handshakes and
  // retries for about a minute (found by load_api: 200 clients starting together,
  // some first requests answered after 62 s or never). Listening again on the
  // bound socket widens the queue.
  if (impl_->listening_socket >= 0) ::listen(impl_->listening_socket, kListenBacklog);
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->stop_requested) return Status::Ok();
    impl_->listening = true;
  }
  Connections connections(impl_->Limits(),
                          [this](httplib::Stream& stream, bool close, bool& closed) {
                            return impl_->http.ServeRequest(stream, close, closed);
                          });
  impl_->http.Attach(&connections);
  if (on_listening) on_listening(port);
  impl_->http.listen_after_bind();
  impl_->http.Attach(nullptr);
  connections.Stop();
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->listening = false;
  return Status::Ok();
}

void Server::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stop_requested = true;
    if (!impl_->listening) return;
  }
  // Run is between bind and the accept loop, or in it: wait for the loop to start,
  // since httplib's stop() does nothing before that.
  for (;;) {
    if (impl_->http.is_running()) {
      impl_->http.stop();
      return;
    }
    {
      std::lock_guard<std::mutex> lock(impl_->mutex);
      if (!impl_->listening) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace epiwire::serve
