// SPDX-License-Identifier: MIT
#include "status_command.h"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "input_options.h"
#include "queue_options.h"
#include "epiwire/queue/document_message.h"
#include "epiwire/store/event_store.h"

namespace epiwire::apps {
namespace {

struct StatusOptions {
  QueueOptions queue;
  std::string db;
  std::string format = "text";
  size_t dead_letters = 0;
};

// The last `count` dead letters, newest first: sequence, document, tries, reason.
nlohmann::json DeadLetters(queue::JetStream& js, const std::string& stream,
                           const queue::StreamState& state, size_t count) {
  nlohmann::json list = nlohmann::json::array();
  for (uint64_t sequence = state.last_sequence;
       sequence >= state.first_sequence && sequence > 0 && list.size() < count; --sequence) {
    auto stored = js.Get(stream, sequence);
    if (!stored.ok() || !stored->has_value()) continue;
    nlohmann::json letter = {{"sequence", sequence}};
    auto document = queue::DecodeDocument(stored->value().data);
    letter["document"] = document.ok() ? document->id : std::string();
    for (const auto& [name, value] : stored->value().headers) {
      if (name == "Epiwire-Reason") letter["reason"] = value;
      if (name == "Epiwire-Deliveries") letter["deliveries"] = value;
    }
    list.push_back(std::move(letter));
  }
  return list;
}

int RunStatus(const StatusOptions& options) {
  nlohmann::json out = nlohmann::json::object();
  bool failed = false;
  const auto fail = [&](const std::string& message) {
    std::fprintf(stderr, "epiwire status: %s\n", message.c_str());
    failed = true;
  };
  if (std::optional<QueueConnection> queue = ConnectQueue(options.queue, "status", false)) {
    out["stream"] = queue->names.stream;
    auto stream = queue->js->Stream(queue->names.stream);
    auto consumer = queue->js->Consumer(queue->names.stream, queue->names.consumer);
    auto dead = queue->js->Stream(queue->names.dead_stream);
    if (!stream.ok()) fail(stream.status().message());
    if (!consumer.ok()) fail(consumer.status().message());
    if (!dead.ok()) fail(dead.status().message());
    if (stream.ok() && stream->has_value()) {
      out["stream_messages"] = stream->value().messages;
      out["stream_bytes"] = stream->value().bytes;
    }
    if (consumer.ok() && consumer->has_value()) {
      out["consumer_pending"] = consumer->value().pending;
      out["consumer_ack_pending"] = consumer->value().ack_pending;
      out["consumer_redelivered"] = consumer->value().redelivered;
      out["consumer_delivered"] = consumer->value().delivered;
      out["consumer_waiting"] = consumer->value().waiting;
    }
    if (dead.ok() && dead->has_value()) {
      out["dead_letters"] = dead->value().messages;
      if (options.dead_letters > 0) {
        out["dead_letter_list"] = DeadLetters(*queue->js, queue->names.dead_stream,
                                              dead->value(), options.dead_letters);
      }
    }
  } else {
    failed = true;
  }
  if (!options.db.empty()) {
    auto store = store::EventStore::Open(options.db);
    if (!store.ok()) {
      fail(store.status().message());
    } else {
      auto documents = store.value()->CountDocuments();
      auto events = store.value()->CountEvents();
      auto facts = store.value()->CountFacts();
      if (documents.ok() && events.ok() && facts.ok()) {
        out["documents"] = documents.value();
        out["events"] = events.value();
        out["facts"] = facts.value();
      } else {
        fail(!documents.ok() ? documents.status().message()
             : !events.ok()  ? events.status().message()
                             : facts.status().message());
      }
    }
  }
  if (options.format == "json") {
    std::printf("%s\n", out.dump().c_str());
    return failed ? 2 : 0;
  }
  const auto number = [&](const char* key) {
    return out.contains(key) ? out[key].dump() : std::string("-");
  };
  if (out.contains("stream")) {
    std::printf("stream %s (%s): %s documents waiting, %s bytes\n",
                out["stream"].get<std::string>().c_str(), options.queue.nats.c_str(),
                number("stream_messages").c_str(), number("stream_bytes").c_str());
    if (out.contains("consumer_pending")) {
      std::printf("workers: %s not yet delivered (lag), %s delivered and not acknowledged, %s "
                  "of them redelivered, %s pull requests waiting\n",
                  number("consumer_pending").c_str(), number("consumer_ack_pending").c_str(),
                  number("consumer_redelivered").c_str(), number("consumer_waiting").c_str());
    } else {
      std::printf("workers: none has started yet\n");
    }
    std::printf("dead letters: %s\n", number("dead_letters").c_str());
    for (const auto& letter : out.value("dead_letter_list", nlohmann::json::array())) {
      std::printf("  #%s %s (%s deliveries): %s\n", letter["sequence"].dump().c_str(),
                  letter.value("document", std::string()).c_str(),
                  letter.value("deliveries", std::string("?")).c_str(),
                  letter.value("reason", std::string()).c_str());
    }
  }
  if (out.contains("documents")) {
    std::printf("store %s: %s documents, %s events, %s facts\n", StoreName(options.db).c_str(),
                number("documents").c_str(), number("events").c_str(), number("facts").c_str());
  }
  return failed ? 2 : 0;
}

}  // namespace

void AddStatusCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* command = app.add_subcommand(
      "status",
      "Show the document stream's depth, the workers' lag (documents not yet delivered),\n"
      "messages delivered and not yet acknowledged, redeliveries, dead letters and, with --db,\n"
      "the documents, events and facts stored.");
  AddQueueOptions(command, options->queue);
  command->add_option("--db", options->db,
                      "Store to count (a SQLite file or a PostgreSQL URL); none by default");
  command->add_option("--dead-letters", options->dead_letters,
                      "Also list the last N dead letters with their reasons (default 0)");
  command->add_option("--format", options->format, "text (default) or json (one object)")
      ->check(CLI::IsMember({"text", "json"}));
  command->footer("Exit status: 0 shown; 2 the server or the store could not be read.");
  command->callback([options, exit_code] { *exit_code = RunStatus(*options); });
}

}  // namespace epiwire::apps
