// SPDX-License-Identifier: MIT
// What the commands over the stream (publish, worker, status) share: --nats and
// --stream, and connecting with them.
#ifndef EPIWIRE_APPS_QUEUE_OPTIONS_H_
#define EPIWIRE_APPS_QUEUE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "epiwire/queue/jetstream.h"

namespace epiwire::apps {

struct QueueOptions {
  std::string nats = queue::kDefaultUrl;
  std::string stream = queue::kDefaultStream;
};

void AddQueueOptions(CLI::App* command, QueueOptions& options);

struct QueueConnection {
  queue::StreamNames names;
  std::unique_ptr<queue::JetStream> js;
};

// Connects and, when `make_streams`, creates the streams if missing (with
// `limits`). Nullopt after a message naming `command` on stderr.
std::optional<QueueConnection> ConnectQueue(const QueueOptions& options, const char* command,
                                            bool make_streams,
                                            const queue::StreamLimits& limits = {});

}  // namespace epiwire::apps

#endif  // EPIWIRE_APPS_QUEUE_OPTIONS_H_
