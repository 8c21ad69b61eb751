// SPDX-License-Identifier: MIT
// Internal to the store: the table layout (schema) and how an Event maps to the
// columns of `events` and back. Both engines share it. Tested by event_store_test.cc.
#ifndef EPIWIRE_STORE_EVENT_ROWS_H_
#define EPIWIRE_STORE_EVENT_ROWS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/model/date.h"
#include "epiwire/model/event.h"
#include "epiwire/store/event_store.h"
#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {

// The layout SchemaSql creates. 1: the first; 2: `host` on events and facts, and
// fact_keys, the per-key lock of concurrent writers; 3: the list indexes (see
// ListIndexes in event_rows.cc).
inline constexpr int kSchemaVersion = 3;

// CREATE TABLE/INDEX IF NOT EXISTS statements; `id_type` is the engine's
// auto-numbered primary key type; `id_index`: whether events need an index of ids
// alone (SQLite, whose table is its rows in id order; PostgreSQL's primary key is
// such an index); `storage`: clauses of the engine's own. A new database gets
// kSchemaVersion; an older one is brought up to it by the store's migrations.
struct StorageClauses {
  std::string_view rewritten_table;  // of facts (SqlConnection::RewrittenTableOptions)
  std::string_view long_text;        // of documents' text (SqlConnection::LongTextCompression)
};
std::string SchemaSql(std::string_view id_type, bool id_index, StorageClauses storage = {});
// The indexes of events that only the API's lists read (by date, country, disease,
// and id on SQLite): SchemaSql creates them; an ingest into an empty store drops
// them and creates them again at its end, when one sort builds each.
std::string EventListIndexesSql(bool id_index);
std::string DropEventListIndexesSql();
// The tables SchemaSql creates, comma-separated.
const std::string& StoreTables();
// Column definitions of `official` added after the first release (a store made
// before gets them with ALTER TABLE ... ADD COLUMN).
extern const char* const kOfficialDiseaseColumn;
extern const char* const kOfficialImportedColumn;

// The columns of `events` that AppendEventValues fills, comma-separated, without `id`.
const std::string& EventColumns();
// "$first, $first+1, ..." placeholders for EventColumns().
std::string EventPlaceholders(int first);
size_t EventColumnCount();

// The date an event is filed under: its period's end, else the document's
// publication date, else its period's start.
std::optional<Date> EventDate(const Event& event, const std::optional<Date>& published);

// Parameter values for EventColumns(), in order, appended to `values` (a batch's rows
// in one vector).
void AppendEventValues(const std::string& document_id, int event_index, int64_t fact_id,
                       const std::optional<Date>& published, const Event& event,
                       std::vector<Value>& values);

// Reads a row whose columns from `offset` on are "id" followed by EventColumns().
StoredEvent ParseEventRow(RowView row, size_t offset);
// The same into `stored`, every field set, its strings' room reused.
void ParseEventRowInto(RowView row, size_t offset, StoredEvent& stored);
StoredEvent ParseEventRow(const Row& row, size_t offset);

// Small conversions shared by the store's SQL code.
Value DateValue(const std::optional<Date>& date);
std::optional<Date> ParseDate(std::optional<std::string_view> text);
int64_t ParseInt(std::optional<std::string_view> text);
std::string TextOr(std::optional<std::string_view> text);

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_EVENT_ROWS_H_
