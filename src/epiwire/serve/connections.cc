// SPDX-License-Identifier: MIT
// Connections: an epoll thread owns every connection that is not being served
// (new, idle between keep-alive requests, or receiving a request), reads what
// arrives without blocking, and hands a connection to the worker threads only
// when a whole request head (and its small body) is there. Deadlines and size
// limits are enforced here, so a slow client (slowloris) or an idle keep-alive
// client costs a buffer, never a thread. Workers answer through httplib's request
// processing over a Stream that reads the buffered bytes first; a deadline bounds
// the whole request there too.
#include "epiwire/serve/connections.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

#include "epiwire/serve/api.h"

namespace epiwire::serve {
namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
  int fd = -1;
  std::string buffer;      // received, not yet read by a request
  size_t served = 0;       // requests answered
  bool receiving = false;  // some of a request has arrived
  bool draining = false;   // refused: reading to the end before closing
  bool peer_closed = false;  // the client sent its request and closed its side
  Clock::time_point deadline;
};

enum class Verdict { kIncomplete, kComplete, kRequestLineTooLong, kHeadTooLarge };

// Case-insensitive search for a header name at the start of a line of `head`.
std::string_view HeaderValue(std::string_view head, std::string_view name) {
  size_t at = 0;
  while ((at = head.find("\r\n", at)) != std::string_view::npos) {
    at += 2;
    if (head.size() - at < name.size() + 1) break;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(head[at + i])) == name[i];
    }
    if (!same || head[at + name.size()] != ':') continue;
    size_t start = at + name.size() + 1;
    const size_t end = std::min(head.find("\r\n", start), head.size());
    while (start < end && (head[start] == ' ' || head[start] == '\t')) ++start;
    return head.substr(start, end - start);
  }
  return {};
}

Verdict Check(std::string_view buffer, const ConnectionLimits& limits) {
  const size_t line_end = buffer.find("\r\n");
  if ((line_end == std::string_view::npos && buffer.size() > limits.max_request_line_bytes) ||
      (line_end != std::string_view::npos && line_end > limits.max_request_line_bytes)) {
    return Verdict::kRequestLineTooLong;
  }
  const size_t head_end = buffer.find("\r\n\r\n");
  if (head_end == std::string_view::npos) {
    return buffer.size() > limits.max_head_bytes ? Verdict::kHeadTooLarge : Verdict::kIncomplete;
  }
  if (head_end + 4 > limits.max_head_bytes) return Verdict::kHeadTooLarge;
  const std::string_view head = buffer.substr(0, head_end + 2);
  // httplib refuses a header line over 8 KiB with a plain 400; say why instead.
  for (size_t at = line_end + 2, next; at < head.size(); at = next + 2) {
    next = head.find("\r\n", at);
    if (next - at > limits.max_request_line_bytes) return Verdict::kHeadTooLarge;
  }
  if (!HeaderValue(head, "transfer-encoding").empty()) return Verdict::kComplete;
  const std::string_view length = HeaderValue(head, "content-length");
  size_t body = 0;
  for (char c : length) {
    if (c < '0' || c > '9' || body > limits.max_body_bytes) return Verdict::kComplete;
    body = body * 10 + static_cast<size_t>(c - '0');
  }
  // A larger body is httplib's to refuse (413); a smaller one is waited for here.
  if (body > limits.max_body_bytes) return Verdict::kComplete;
  return buffer.size() >= head_end + 4 + body ? Verdict::kComplete : Verdict::kIncomplete;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

// Milliseconds left until `deadline`, at least 0.
int MillisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<int64_t>(0, left.count()));
}

// httplib's view of a connection being served: the buffered bytes first, then
// the socket, never past the request's deadline.
class BufferedStream : public httplib::Stream {
 public:
  // `answer_time`: how long the client has to take an answer (WaitToSend).
  BufferedStream(Connection& connection, Clock::time_point deadline,
                 std::chrono::seconds answer_time)
      : connection_(connection), deadline_(deadline), answer_time_(answer_time) {}

  bool is_readable() const override {
    return position_ < connection_.buffer.size() || Wait(POLLIN, deadline_);
  }
  bool is_writable() const override { return WaitToSend(); }

  ssize_t read(char* ptr, size_t size) override {
    if (position_ < connection_.buffer.size()) {
      const size_t n = std::min(size, connection_.buffer.size() - position_);
      std::memcpy(ptr, connection_.buffer.data() + position_, n);
      position_ += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      if (!Wait(POLLIN, deadline_)) return -1;
      const ssize_t n = recv(connection_.fd, ptr, size, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
      return n;
    }
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!response_started_) {
      response_started_ = true;
      waited_ = Clock::duration::zero();
      SniffResponse(std::string_view(ptr, size));
    }
    for (;;) {
      if (!WaitToSend()) return -1;
      const ssize_t n = send(connection_.fd, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
      return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(getsockname, ip, port);
  }
  socket_t socket() const override { return connection_.fd; }

  // Drops the bytes read so far from the connection's buffer: what stays is the
  // start of the next request. Readies the stream for the next response.
  void ConsumeRead() {
    connection_.buffer.erase(0, position_);
    position_ = 0;
    response_started_ = false;
  }
  // The answer written said the connection must end: a malformed request (400,
  // 413, 414, 431), whose rest would be read as another, or "Connection: close".
  bool must_close() const { return must_close_; }
  void SetDeadline(Clock::time_point deadline) { deadline_ = deadline; }

 private:
  // httplib writes the status line and headers of a response in one piece.
  void SniffResponse(std::string_view head) {
    if (head.rfind("HTTP/1.1 ", 0) != 0 || head.size() < 12) return;
    const int status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    const size_t end = head.find("\r\n\r\n");
    const std::string_view headers = head.substr(0, end);
    must_close_ = must_close_ || status == 400 || status == 413 || status == 414 ||
                  status == 431 || headers.find("\r\nConnection: close\r\n") != std::string_view::npos;
  }

  // The client has the answer time to take an answer, counted only while the server
  // waits for it to take more: the time the server takes (a busy store, before the
  // answer or between the pieces of a streamed one) is not the client's (found by
  // load_api: over a million events, answers that waited 10 s for the store were
  // cut off unsent).
  bool WaitToSend() const {
    const auto started = Clock::now();
    const bool ready = Wait(POLLOUT, started + (answer_time_ - waited_));
    waited_ += Clock::now() - started;
    return ready;
  }

  // Whether `events` come on the socket before `deadline`.
  bool Wait(short events, Clock::time_point deadline) const {
    for (;;) {
      pollfd p{connection_.fd, events, 0};
      const int ready = poll(&p, 1, MillisecondsLeft(deadline));
      if (ready < 0 && errno == EINTR) continue;
      return ready > 0 && (p.revents & events) != 0;
    }
  }

  void Address(int (*query)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ip.clear();
    port = 0;
    if (query(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  Connection& connection_;
  Clock::time_point deadline_;
  const std::chrono::seconds answer_time_;
  mutable Clock::duration waited_{};  // waiting for the client to take this answer
  size_t position_ = 0;
  bool response_started_ = false;
  bool must_close_ = false;
};

}  // namespace

std::string RefusalResponse(int status, const std::string& message) {
  const std::string body = Api::Error(status, message).body;
  return "HTTP/1.1 " + std::to_string(status) + " " + ReasonPhrase(status) +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: "
         "close\r\n\r\n" +
         body;
}

struct Connections::Impl {
  Impl(ConnectionLimits l, RequestServer s) : limits(l), serve(std::move(s)) {}

  void Start();
  void ReactorLoop();
  void WorkerLoop();
  void Wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd, &one, sizeof one);
  }
  // Reactor thread only.
  void Park(std::unique_ptr<Connection> connection, bool returning);
  void Receive(Connection& connection);
  void Decide(std::unique_ptr<Connection>& connection);
  void Refuse(Connection& connection, int status, const std::string& message);
  void Close(int fd);
  void Sweep();
  bool MakeRoom();
  // Worker threads.
  void ServeConnection(std::unique_ptr<Connection> connection);

  const ConnectionLimits limits;
  const RequestServer serve;
  int epoll_fd = -1;
  int wake_fd = -1;
  std::thread reactor;
  std::vector<std::thread> workers;

  std::mutex mutex;  // guards everything below
  std::condition_variable work;
  bool stopping = false;
  bool stopped = false;
  std::vector<std::pair<std::unique_ptr<Connection>, bool>> incoming;  // (connection, returning)
  std::deque<std::unique_ptr<Connection>> ready;
  std::set<int> serving;
  size_t open = 0;  // connections owned, anywhere

  // Reactor thread only.
  std::unordered_map<int, std::unique_ptr<Connection>> parked;
};

void Connections::Impl::Start() {
  epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wake_fd;
  epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &event);
  reactor = std::thread([this] { ReactorLoop(); });
  for (size_t i = 0; i < std::max<size_t>(limits.workers, 1); ++i) {
    workers.emplace_back([this] { WorkerLoop(); });
  }
}

void Connections::Impl::Close(int fd) {
  parked.erase(fd);  // the map owns the Connection; fd is closed here only
  epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  std::lock_guard lock(mutex);
  --open;
}

void Connections::Impl::Refuse(Connection& connection, int status, const std::string& message) {
  const std::string response = RefusalResponse(status, message);
  [[maybe_unused]] const ssize_t n =
      send(connection.fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  // Read what the client still sends for a moment, so that closing does not reset
  // the connection before it has read the answer.
  shutdown(connection.fd, SHUT_WR);
  connection.draining = true;
  connection.buffer.clear();
  connection.deadline = Clock::now() + std::chrono::seconds(1);
}

void Connections::Impl::Park(std::unique_ptr<Connection> connection, bool returning) {
  Connection& c = *connection;
  c.receiving = !c.buffer.empty();
  c.deadline =
      Clock::now() + std::chrono::seconds(returning && !c.receiving ? limits.keep_alive_seconds
                                                                    : limits.request_seconds);
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP;
  event.data.fd = c.fd;
  const int fd = c.fd;
  parked.emplace(fd, std::move(connection));
  if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
    Close(fd);
    return;
  }
  if (!parked[fd]->buffer.empty()) Decide(parked[fd]);
}

// Hands the connection to a worker when its request is whole, or refuses it.
void Connections::Impl::Decide(std::unique_ptr<Connection>& connection) {
  switch (Check(connection->buffer, limits)) {
    case Verdict::kIncomplete:
      return;
    case Verdict::kRequestLineTooLong:
      Refuse(*connection, 414,
             "request line over " + std::to_string(limits.max_request_line_bytes) + " bytes");
      return;
    case Verdict::kHeadTooLarge:
      Refuse(*connection, 431,
             "request head over " + std::to_string(limits.max_head_bytes) + " bytes");
      return;
    case Verdict::kComplete:
      break;
  }
  const int fd = connection->fd;
  epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  std::unique_ptr<Connection> whole = std::move(connection);
  parked.erase(fd);
  std::lock_guard lock(mutex);
  ready.push_back(std::move(whole));
  work.notify_one();
}

void Connections::Impl::Receive(Connection& connection) {
  char chunk[16384];
  for (;;) {
    const ssize_t n = recv(connection.fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      if (!connection.draining) connection.buffer.append(chunk, static_cast<size_t>(n));
      // Enough to judge; the rest stays in the socket until a worker reads it.
      if (connection.buffer.size() > limits.max_head_bytes + limits.max_body_bytes) return;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n == 0 && !connection.draining && Check(connection.buffer, limits) == Verdict::kComplete) {
      connection.peer_closed = true;  // answered, then closed
      return;
    }
    Close(connection.fd);  // closed by the client, or broken
    return;
  }
}

void Connections::Impl::Sweep() {
  const Clock::time_point now = Clock::now();
  std::vector<int> expired;
  for (const auto& [fd, connection] : parked) {
    if (connection->deadline <= now) expired.push_back(fd);
  }
  for (int fd : expired) {
    Connection& c = *parked[fd];
    if (c.receiving && !c.draining) {
      Refuse(c, 408,
             "request not received within " + std::to_string(limits.request_seconds) + " s");
    } else {
      Close(fd);
    }
  }
}

// Closes the idle connection that has waited longest; false when none is idle.
bool Connections::Impl::MakeRoom() {
  int oldest = -1;
  Clock::time_point first = Clock::time_point::max();
  for (const auto& [fd, connection] : parked) {
    if (!connection->receiving && connection->deadline < first) {
      first = connection->deadline;
      oldest = fd;
    }
  }
  if (oldest < 0) return false;
  Close(oldest);
  return true;
}

void Connections::Impl::ReactorLoop() {
  std::vector<epoll_event> events(256);
  Clock::time_point last_sweep = Clock::now();
  for (;;) {
    const int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 100);
    std::vector<std::pair<std::unique_ptr<Connection>, bool>> arrived;
    {
      std::lock_guard lock(mutex);
      if (stopping) break;
      arrived.swap(incoming);
    }
    for (auto& [connection, returning] : arrived) {
      if (!returning) {
        size_t count;
        {
          std::lock_guard lock(mutex);
          count = open;
        }
        if (count > limits.max_connections && !MakeRoom()) {
          const std::string response = RefusalResponse(503, "too many connections");
          [[maybe_unused]] const ssize_t sent =
              send(connection->fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
          ::close(connection->fd);
          std::lock_guard lock(mutex);
          --open;
          continue;
        }
      }
      Park(std::move(connection), returning);
    }
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<size_t>(i)].data.fd;
      if (fd == wake_fd) {
        uint64_t value;
        while (::read(wake_fd, &value, sizeof value) > 0) {
        }
        continue;
      }
      auto found = parked.find(fd);
      if (found == parked.end()) continue;
      Receive(*found->second);
      found = parked.find(fd);
      if (found == parked.end() || found->second->draining) continue;
      if (!found->second->receiving && !found->second->buffer.empty()) {
        found->second->receiving = true;
        found->second->deadline = Clock::now() + std::chrono::seconds(limits.request_seconds);
      }
      Decide(found->second);
    }
    if (Clock::now() - last_sweep >= std::chrono::milliseconds(100)) {
      Sweep();
      last_sweep = Clock::now();
    }
  }
  std::vector<int> fds;
  for (const auto& [fd, connection] : parked) fds.push_back(fd);
  for (int fd : fds) Close(fd);
}

void Connections::Impl::ServeConnection(std::unique_ptr<Connection> connection) {
  const std::chrono::seconds request_time(limits.request_seconds);
  BufferedStream stream(*connection, Clock::now() + request_time, request_time);
  bool keep = true;
  for (;;) {
    bool last;
    {
      std::lock_guard lock(mutex);
      last = stopping || connection->peer_closed ||
             connection->served + 1 >= limits.requests_per_connection;
    }
    bool closed = false;
    const bool ok = serve(stream, last, closed);
    stream.ConsumeRead();
    ++connection->served;
    if (!ok || closed || last || stream.must_close()) {
      keep = false;
      break;
    }
    // A pipelined request already whole is answered at once; anything else waits
    // in the reactor.
    if (Check(connection->buffer, limits) != Verdict::kComplete) break;
    stream.SetDeadline(Clock::now() + std::chrono::seconds(limits.request_seconds));
  }
  std::lock_guard lock(mutex);
  serving.erase(connection->fd);
  if (!keep || stopping) {
    ::close(connection->fd);
    --open;
    return;
  }
  incoming.emplace_back(std::move(connection), true);
  Wake();
}

void Connections::Impl::WorkerLoop() {
  for (;;) {
    std::unique_ptr<Connection> connection;
    {
      std::unique_lock lock(mutex);
      work.wait(lock, [&] { return stopping || !ready.empty(); });
      if (stopping) return;
      connection = std::move(ready.front());
      ready.pop_front();
      serving.insert(connection->fd);
    }
    ServeConnection(std::move(connection));
  }
}

Connections::Connections(ConnectionLimits limits, RequestServer serve)
    : impl_(std::make_unique<Impl>(limits, std::move(serve))) {
  impl_->Start();
}

Connections::~Connections() {
  Stop();
  ::close(impl_->epoll_fd);
  ::close(impl_->wake_fd);
}

void Connections::Add(int socket) {
  // An answer is written as head and body: without this, Nagle's algorithm holds
  // the body back until the client's delayed ACK of the head (40 ms a request).
  const int yes = 1;
  setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  auto connection = std::make_unique<Connection>();
  connection->fd = socket;
  std::lock_guard lock(impl_->mutex);
  if (impl_->stopping) {
    ::close(socket);
    return;
  }
  ++impl_->open;
  impl_->incoming.emplace_back(std::move(connection), false);
  impl_->Wake();
}

void Connections::Stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopped) return;
    impl_->stopped = true;
    impl_->stopping = true;
    // Wake workers blocked on a client: their reads and writes fail at once.
    for (int fd : impl_->serving) shutdown(fd, SHUT_RDWR);
    impl_->work.notify_all();
  }
  impl_->Wake();
  impl_->reactor.join();
  for (std::thread& worker : impl_->workers) worker.join();
  std::lock_guard lock(impl_->mutex);
  for (auto& [connection, returning] : impl_->incoming) ::close(connection->fd);
  for (auto& connection : impl_->ready) ::close(connection->fd);
  impl_->incoming.clear();
  impl_->ready.clear();
}

}  // namespace epiwire::serve
