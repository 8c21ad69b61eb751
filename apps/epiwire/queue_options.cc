// SPDX-License-Identifier: MIT
#include "queue_options.h"

#include <cstdio>

namespace epiwire::apps {

void AddQueueOptions(CLI::App* command, QueueOptions& options) {
  command->add_option("--nats", options.nats,
                      "NATS server(s) with JetStream, comma-separated (default " +
                          std::string(queue::kDefaultUrl) + ")");
  command->add_option("--stream", options.stream,
                      "Document stream (default " + std::string(queue::kDefaultStream) +
                          "; its subject is the name in lower case with dots, the dead letters\n"
                          "go to NAME_DEAD, the workers share the durable consumer 'workers')");
}

std::optional<QueueConnection> ConnectQueue(const QueueOptions& options, const char* command,
                                            bool make_streams, const queue::StreamLimits& limits) {
  std::optional<queue::StreamNames> names = queue::StreamNames::For(options.stream);
  if (!names) {
    std::fprintf(stderr, "epiwire %s: --stream: '%s' is not a stream name (A-Z, a-z, 0-9, _ and -)\n",
                 command, options.stream.c_str());
    return std::nullopt;
  }
  auto connected = queue::JetStream::Connect(options.nats, std::string("epiwire ") + command);
  if (!connected.ok()) {
    std::fprintf(stderr, "epiwire %s: %s\n", command, connected.status().message().c_str());
    return std::nullopt;
  }
  if (make_streams) {
    if (Status status = connected.value()->EnsureStreams(*names, limits); !status.ok()) {
      std::fprintf(stderr, "epiwire %s: %s\n", command, status.message().c_str());
      return std::nullopt;
    }
  }
  return QueueConnection{*names, std::move(connected).value()};
}

}  // namespace epiwire::apps
