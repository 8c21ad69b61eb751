// SPDX-License-Identifier: MIT
// The API server under load and abuse, on loopback only: starts `epiwire serve`
// over a store of synthetic events (synthetic_store.h) and
//   1. load: C keep-alive clients for S seconds on the list endpoints the
//      dashboard calls (events, facts, stats, documents): p50, p99, errors, and
//      the server's RSS before, during and after;
//   2. slowloris: K connections that send a request head one byte a second (and
//      K/4 that send nothing) while a normal client keeps asking: the slow ones
//      must get 408 or be closed within the timeout, the normal one answered;
//   3. abuse: over-long URLs and headers, garbage, and every API parameter with
//      injection strings and extreme values: each must be a 4xx with a JSON error.
// Every loop is bounded in count and time. Exit status 0 when all checks pass.
// Run: build/release/bench/load_api --epiwire build/release/epiwire [--events 1000000]
//      [--clients 200] [--seconds 30] [--slow 400] [--timeout 10]
//      [--phases load,slowloris,abuse]
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "synthetic_store.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string epiwire;
  int64_t events = 1000000;
  int clients = 200;
  double seconds = 30;
  int slow = 400;
  int timeout = 10;
  std::string phases = "load,slowloris,abuse";
};

int failures = 0;

void Check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

// The server as a child process, its port read from its first line on stderr.
class ServerProcess {
 public:
  ServerProcess(const Options& options, const std::string& db) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) std::abort();
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_fds[1], STDERR_FILENO);
      close(pipe_fds[0]);
      const std::string timeout = std::to_string(options.timeout);
      // --timeout only when it is not the default, so that older servers can be measured too.
      execl(options.epiwire.c_str(), options.epiwire.c_str(), "serve", "--db", db.c_str(), "--port",
            "0", "--web-dir", "", options.timeout == 10 ? nullptr : "--timeout", timeout.c_str(),
            static_cast<char*>(nullptr));
      std::perror("exec");
      _exit(127);
    }
    close(pipe_fds[1]);
    std::string line;
    char c;
    while (read(pipe_fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(pipe_fds[0]);
    const size_t colon = line.rfind(':');
    const bool listening = line.find("listening on http://") != std::string::npos;
    port_ = !listening || colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
    std::printf("server: %s\n", line.c_str());
  }
  ~ServerProcess() { Stop(); }
  int port() const { return port_; }
  // VmRSS of the server in MB.
  double RssMb() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string key;
    while (status >> key) {
      if (key == "VmRSS:") {
        double kb = 0;
        status >> kb;
        return kb / 1024;
      }
    }
    return 0;
  }
  // SIGTERM, then the exit status (-1 when killed).
  int Stop() {
    if (pid_ <= 0) return exit_status_;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    pid_ = -1;
    return exit_status_;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_status_ = -1;
};

double Percentile(std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1,
                         static_cast<size_t>(q * static_cast<double>(values.size())))];
}

// One request of the dashboard-like mix.
std::string PathFor(std::mt19937& random, int documents) {
  static const char* const kCountries[] = {"CN", "DE", "BR", "IN", "NG", "US", "RU", "MW",
                                           "PE", "ID", "FR", "ZA", "MX", "EG", "AU", "JP"};
  static const char* const kDiseases[] = {"covid-19", "measles", "cholera", "mpox", "dengue"};
  const std::string country = kCountries[random() % 16];
  const std::string disease = kDiseases[random() % 5];
  switch (random() % 10) {
    case 0:
      return "/api/events?limit=100&offset=" + std::to_string(random() % 10000);
    case 1:
      return "/api/events?country=" + country + "&limit=50";
    case 2:
      return "/api/events?country=" + country + "&disease=" + disease +
             "&from=2021-01-01&to=2021-03-31&limit=100";
    case 3:
      return "/api/facts?limit=100";
    case 4:
      return "/api/facts?country=" + country + "&disease=" + disease + "&limit=100";
    case 5:
      return "/api/facts?from=2021-06-01&to=2021-06-07&limit=100";
    case 6:
      return "/api/stats";
    case 7:
      return "/api/health";
    case 8:
      return "/api/events?type=cases&country=" + country + "&limit=20";
    default:
      return "/api/documents/bench-" + std::to_string(random() % documents);
  }
}

std::string Kind(const std::string& path) {
  const size_t end = path.find_first_of("?", 5);
  std::string kind = path.substr(0, end);
  if (kind.rfind("/api/documents/", 0) == 0) kind = "/api/documents/ID";
  return kind;
}

void LoadPhase(const Options& options, ServerProcess& server) {
  const int documents = static_cast<int>(options.events / epiwire::bench::kEventsPerDocument);
  std::mutex mutex;
  std::map<std::string, std::vector<double>> latencies;  // ms by endpoint
  std::atomic<long> errors{0};
  std::atomic<long> requests{0};
  std::atomic<bool> done{false};
  const double rss_before = server.RssMb();
  double rss_peak = rss_before;
  const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                   std::chrono::duration<double>(options.seconds));
  std::vector<std::thread> clients;
  for (int c = 0; c < options.clients; ++c) {
    clients.emplace_back([&, c] {
      std::mt19937 random(static_cast<unsigned>(c) * 7919u + 1);
      httplib::Client client("127.0.0.1", server.port());
      client.set_keep_alive(true);
      client.set_read_timeout(60, 0);
      client.set_connection_timeout(10, 0);
      std::map<std::string, std::vector<double>> mine;
      // Bounded in time and in count.
      for (int i = 0; i < 1000000 && Clock::now() < end; ++i) {
        const std::string path = PathFor(random, documents);
        const Clock::time_point start = Clock::now();
        httplib::Result res = client.Get(path.c_str());
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        ++requests;
        if (!res || res->status != 200) {
          if (errors++ < 5) {
            std::fprintf(stderr, "error: %s: %s (request %d of this client, after %.0f ms)\n",
                         path.c_str(),
                         res ? std::to_string(res->status).c_str()
                             : httplib::to_string(res.error()).c_str(),
                         i + 1, ms);
          }
          continue;
        }
        mine[Kind(path)].push_back(ms);
      }
      std::lock_guard lock(mutex);
      for (auto& [kind, values] : mine) {
        latencies[kind].insert(latencies[kind].end(), values.begin(), values.end());
      }
    });
  }
  std::vector<double> rss_samples;
  std::thread sampler([&] {
    while (!done) {
      const double rss = server.RssMb();
      rss_samples.push_back(rss);
      rss_peak = std::max(rss_peak, rss);
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  for (std::thread& client : clients) client.join();
  done = true;
  sampler.join();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const double rss_after = server.RssMb();

  std::vector<double> all;
  std::printf("\nload: %d clients for %.0f s over %lld events: %ld requests (%.0f/s), %ld errors\n",
              options.clients, options.seconds, static_cast<long long>(options.events),
              requests.load(), static_cast<double>(requests.load()) / options.seconds,
              errors.load());
  for (auto& [kind, values] : latencies) {
    all.insert(all.end(), values.begin(), values.end());
    const size_t n = values.size();
    const double p50 = Percentile(values, 0.50);
    const double p99 = Percentile(values, 0.99);
    std::printf("  %-22s n=%-7zu p50 %7.1f ms  p99 %7.1f ms\n", kind.c_str(), n, p50, p99);
  }
  const double p50 = Percentile(all, 0.50);
  const double p99 = Percentile(all, 0.99);
  std::printf("  %-22s n=%-7zu p50 %7.1f ms  p99 %7.1f ms  max %.1f ms\n", "all", all.size(), p50,
              p99, all.empty() ? 0.0 : all.back());
  const double rss_mid = rss_samples.empty() ? rss_before : rss_samples[rss_samples.size() / 2];
  std::printf("  server RSS: before %.1f MB, mid-run %.1f MB, peak %.1f MB, after %.1f MB\n",
              rss_before, rss_mid, rss_peak, rss_after);
  Check(errors == 0, "load: no errors");
  Check(!all.empty(), "load: requests were answered");
  // Memory does not grow: the second half of the run ends within 10% (plus some
  // slack) of where its middle was.
  // A short run (CI: 5 s) is still warming up at its middle (the store's page cache,
  // one malloc arena a worker): allow for that, not for steady growth.
  const double slack = options.seconds >= 20 ? 16 : 64;
  Check(rss_after <= rss_mid * 1.1 + slack, "load: server memory does not grow");
}

// A raw loopback socket with a receive timeout.
int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// What the server sends until it closes the connection or `seconds` pass; once a
// whole answer (head and Content-Length bytes) is in, only 200 ms more are given
// for anything after it (a second answer), so that connections kept alive do not
// cost the whole wait.
std::string ReadAll(int fd, int seconds) {
  timeval timeout{seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string out;
  char chunk[4096];
  ssize_t n;
  bool whole = false;
  while ((n = recv(fd, chunk, sizeof chunk, 0)) > 0) {
    out.append(chunk, static_cast<size_t>(n));
    const size_t head = out.find("\r\n\r\n");
    const size_t length_at = out.find("Content-Length: ");
    if (whole || head == std::string::npos || length_at == std::string::npos || length_at > head) {
      continue;
    }
    if (out.size() >= head + 4 + std::strtoul(out.c_str() + length_at + 16, nullptr, 10)) {
      whole = true;
      timeval brief{0, 200000};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &brief, sizeof brief);
    }
  }
  return out;
}

void SlowlorisPhase(const Options& options, ServerProcess& server) {
  std::vector<int> slow;
  for (int i = 0; i < options.slow; ++i) {
    const int fd = Connect(server.port());
    if (fd < 0) break;
    const std::string start = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  std::vector<int> silent;
  for (int i = 0; i < options.slow / 4; ++i) {
    const int fd = Connect(server.port());
    if (fd >= 0) silent.push_back(fd);
  }
  std::printf("\nslowloris: %zu connections sending a header byte a second, %zu sending nothing\n",
              slow.size(), silent.size());
  // One byte a second on each slow connection, while a normal client asks every
  // 50 ms, for the timeout plus 3 s.
  std::atomic<bool> done{false};
  std::vector<double> normal;
  long normal_errors = 0;
  std::thread asker([&] {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(30, 0);
    while (!done) {
      const Clock::time_point start = Clock::now();
      httplib::Result res = client.Get("/api/events?limit=20");
      if (!res || res->status != 200) {
        ++normal_errors;
      } else {
        normal.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  // Each second: a slow connection that has its answer is read, else it gets one
  // more byte of its head.
  std::vector<double> answered_at(slow.size(), -1);
  std::vector<std::string> answers(slow.size());
  const Clock::time_point started = Clock::now();
  for (int second = 0; second < options.timeout + 3; ++second) {
    const double now = std::chrono::duration<double>(Clock::now() - started).count();
    for (size_t i = 0; i < slow.size(); ++i) {
      if (answered_at[i] >= 0) continue;
      char chunk[512];
      const ssize_t got = recv(slow[i], chunk, sizeof chunk, MSG_DONTWAIT);
      if (got > 0 || got == 0) {
        answered_at[i] = now;
        if (got > 0) answers[i].assign(chunk, static_cast<size_t>(got));
        continue;
      }
      send(slow[i], "X", 1, MSG_NOSIGNAL);
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  done = true;
  asker.join();
  size_t answered_408 = 0;
  double last_answer = 0;
  for (size_t i = 0; i < slow.size(); ++i) {
    if (answers[i].rfind("HTTP/1.1 408", 0) == 0) ++answered_408;
    last_answer = std::max(last_answer, answered_at[i]);
    close(slow[i]);
  }
  size_t silent_closed = 0;
  for (int fd : silent) {
    char c;
    if (recv(fd, &c, 1, MSG_DONTWAIT) == 0) ++silent_closed;
    close(fd);
  }
  const size_t n = normal.size();
  std::printf(
      "  slow connections answered 408: %zu of %zu, the last %.0f s after the start "
      "(timeout %d s)\n",
      answered_408, slow.size(), last_answer, options.timeout);
  std::printf("  silent connections closed: %zu of %zu\n", silent_closed, silent.size());
  std::printf("  a normal client meanwhile: %zu requests, p50 %.1f ms, p99 %.1f ms, %ld errors\n",
              n, Percentile(normal, 0.5), Percentile(normal, 0.99), normal_errors);
  Check(answered_408 == slow.size(), "slowloris: every slow request gets 408 within the timeout");
  Check(silent_closed == silent.size(), "slowloris: every silent connection is closed");
  Check(n > 0 && normal_errors == 0, "slowloris: other clients are still served");
}

struct Abuse {
  std::string what;
  std::string raw;  // bytes sent as they are
};

void AbusePhase(ServerProcess& server) {
  std::vector<Abuse> raw = {
      {"URL of 9000 bytes",
       "GET /api/events?disease=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"URL of 100000 bytes",
       "GET /api/events?x=" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"20 KB of headers", "GET /api/health HTTP/1.1\r\nHost: x\r\n" +
                               [] {
                                 std::string h;
                                 for (int i = 0; i < 40; ++i)
                                   h += "X-Filler-" + std::to_string(i) + ": " +
                                        std::string(500, 'b') + "\r\n";
                                 return h;
                               }() +
                               "\r\n"},
      {"one header of 12 KB",
       "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(12000, 'c') + "\r\n\r\n"},
      {"garbage request line",
       std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n"},
      {"no HTTP version", "GET /api/health\r\n\r\n"},
      {"unknown method", "BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"DELETE", "DELETE /api/events HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"POST body of 1 MB",
       "POST /api/alerts/0123456789abcdef/dismiss HTTP/1.1\r\nHost: x\r\n"
       "Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n" +
           std::string(65536, '{')},
      {"negative content length",
       "POST /api/alerts/0123456789abcdef/dismiss HTTP/1.1\r\nHost: x\r\n"
       "Content-Type: application/json\r\nContent-Length: -5\r\n\r\n"},
      {"path traversal", "GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"encoded traversal",
       "GET /vendor/d3/%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"NUL in path", std::string("GET /api/documents/a\0b HTTP/1.1\r\nHost: x\r\n\r\n", 45)},
      {"document id of 600 bytes",
       "GET /api/documents/" + std::string(600, 'd') + " HTTP/1.1\r\nHost: x\r\n\r\n"},
  };
  const std::vector<std::string> values = {"' OR 1=1 --",
                                           "\"; DROP TABLE events; --",
                                           "1; SELECT * FROM documents",
                                           "%00",
                                           "\\x00",
                                           "../../etc/passwd",
                                           "<script>alert(1)</script>",
                                           "-1",
                                           "0",
                                           "99999999999999999999999",
                                           "1e9",
                                           "NaN",
                                           "Infinity",
                                           "0x10",
                                           "2020-02-30",
                                           "9999-99-99",
                                           std::string(600, 'x'),
                                           "\xff\xfe",
                                           "%ff%fe",
                                           "CN,RU",
                                           "cases;measure"};
  const std::vector<std::pair<std::string, std::vector<std::string>>> endpoints = {
      {"/api/events",
       {"disease", "country", "subdivision", "type", "from", "to", "limit", "offset"}},
      {"/api/facts",
       {"disease", "country", "subdivision", "type", "from", "to", "limit", "offset"}},
      {"/api/series", {"disease", "country", "subdivision", "place", "status", "from", "to"}},
      {"/api/alerts", {"method", "disease", "country", "dismissed", "from", "to"}},
      {"/api/routes", {"disease", "country", "from", "to", "limit"}},
      {"/api/places", {"disease", "country", "from", "to", "limit"}},
  };
  size_t sent = 0;
  size_t refused_properly = 0;
  size_t accepted = 0;  // 200: the value was a well-formed one (e.g. disease "-1")
  std::vector<std::string> wrong;
  const auto judge = [&](const std::string& what, int status, const std::string& body) {
    ++sent;
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    const bool json_error = json.is_object() && json.contains("error") && json["error"].is_string();
    if (status >= 400 && status < 500 && json_error) {
      ++refused_properly;
    } else if (status == 200 && json.is_object()) {
      ++accepted;
    } else if (wrong.size() < 20) {
      wrong.push_back(what + " -> " + std::to_string(status) + " " + body.substr(0, 80));
    } else {
      wrong.push_back("...");
    }
  };
  for (const Abuse& abuse : raw) {
    const int fd = Connect(server.port());
    if (fd < 0) {
      judge(abuse.what, 0, "");
      continue;
    }
    send(fd, abuse.raw.data(), abuse.raw.size(), MSG_NOSIGNAL);
    const std::string response = ReadAll(fd, 5);
    close(fd);
    const int status = response.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(response.c_str() + 9) : 0;
    // The first answer's body only; anything after it is a second answer.
    const size_t body = response.find("\r\n\r\n");
    const size_t length_at = response.find("Content-Length: ");
    const size_t length = length_at < body
                              ? std::strtoul(response.c_str() + length_at + 16, nullptr, 10)
                              : std::string::npos;
    judge(abuse.what, status, body == std::string::npos ? "" : response.substr(body + 4, length));
    if (body != std::string::npos && length != std::string::npos &&
        response.size() > body + 4 + length) {
      judge(abuse.what + " (the connection went on to a second answer)", 0, "");
    }
  }
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60, 0);
  for (const auto& [path, names] : endpoints) {
    for (const std::string& name : names) {
      for (const std::string& value : values) {
        httplib::Result res =
            client.Get(path.c_str(), httplib::Params{{name, value}}, httplib::Headers());
        judge(path + "?" + name + "=" + value.substr(0, 20), res ? res->status : 0,
              res ? res->body : "");
      }
      // The same parameter twice, and an unknown one.
      httplib::Result twice =
          client.Get(path.c_str(), httplib::Params{{name, "a"}, {name, "b"}}, httplib::Headers());
      judge(path + " " + name + " twice", twice ? twice->status : 0, twice ? twice->body : "");
    }
    httplib::Result unknown = client.Get((path + "?no_such_parameter=1").c_str());
    judge(path + " unknown parameter", unknown ? unknown->status : 0, unknown ? unknown->body : "");
  }
  std::printf(
      "\nabuse: %zu requests: %zu refused with 4xx and a JSON error, %zu well-formed (200), "
      "%zu otherwise\n",
      sent, refused_properly, accepted, sent - refused_properly - accepted);
  for (const std::string& w : wrong) std::printf("  wrong: %s\n", w.c_str());
  Check(wrong.empty(), "abuse: every bad request is a 4xx with a JSON error");
  httplib::Result health = client.Get("/api/health");
  Check(health && health->status == 200, "abuse: the server still answers afterwards");
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--epiwire")
      options.epiwire = value;
    else if (name == "--events")
      options.events = std::atoll(value);
    else if (name == "--clients")
      options.clients = std::atoi(value);
    else if (name == "--seconds")
      options.seconds = std::atof(value);
    else if (name == "--slow")
      options.slow = std::atoi(value);
    else if (name == "--timeout")
      options.timeout = std::atoi(value);
    else if (name == "--phases")
      options.phases = value;
    else {
      std::fprintf(stderr, "load_api: unknown option %s\n", name.c_str());
      return 2;
    }
  }
  if (options.epiwire.empty() || argc % 2 == 0) {
    std::fprintf(stderr,
                 "usage: load_api --epiwire BIN [--events N] [--clients C] [--seconds S] "
                 "[--slow K] [--timeout T] [--phases load,slowloris,abuse]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes, also into a file
  const auto wanted = [&](const std::string& phase) {
    return ("," + options.phases + ",").find("," + phase + ",") != std::string::npos;
  };
  const std::string db = epiwire::bench::FilledStorePath(options.events);
  ServerProcess server(options, db);
  if (server.port() <= 0) {
    std::fprintf(stderr, "load_api: the server did not start\n");
    return 1;
  }
  if (wanted("load")) LoadPhase(options, server);
  if (wanted("slowloris")) SlowlorisPhase(options, server);
  // Over a million events each aggregate (series, alerts, routes, places) the abuse
  // phase asks for scans 200,000 facts (about 20 s): run it over a small store.
  if (wanted("abuse")) AbusePhase(server);
  const int status = server.Stop();
  Check(status == 0, "the server stops cleanly on SIGTERM");
  std::printf("\n%s: %d check(s) failed\n", failures == 0 ? "passed" : "FAILED", failures);
  return failures == 0 ? 0 : 1;
}
