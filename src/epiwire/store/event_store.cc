// SPDX-License-Identifier: MIT
// EventStore::Open: picks the engine from the URL.
#include "epiwire/store/event_store.h"

#include <string_view>

#include "epiwire/store/sql_connection.h"
#include "epiwire/store/sql_event_store.h"

namespace epiwire::store {

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& url) {
  const std::string_view view(url);
  if (view.starts_with("postgresql://") || view.starts_with("postgres://")) {
    auto connection = internal::OpenPostgres(url);
    if (!connection.ok()) return connection.status();
    return internal::SqlEventStore::Create(std::move(connection).value(), url);
  }
  const std::string path = view.starts_with("sqlite:") ? url.substr(7) : url;
  if (path.empty()) return Status::InvalidInput("SQLite store: no file name in '" + url + "'");
  auto connection = internal::OpenSqlite(path);
  if (!connection.ok()) return connection.status();
  return internal::SqlEventStore::Create(std::move(connection).value(), url);
}

}  // namespace epiwire::store
