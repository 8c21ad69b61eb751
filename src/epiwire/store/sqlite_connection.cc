// SPDX-License-Identifier: MIT
// SqlConnection over libsqlite3: statements prepared once and cached, parameters
// bound with sqlite3_bind_*, WAL journal.
#include <sqlite3.h>

#include <charconv>

#include <string>
#include <unordered_map>

#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {
namespace {

// SQLite numbers parameters ?1, ?2, ...; the shared SQL writes $1, $2, ...
std::string ToSqliteParameters(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Status QueryRows(std::string_view sql, const Value* params, size_t count,
                   const std::function<void(RowView)>& each) override {
    auto prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    sqlite3_stmt* statement = prepared.value();
    if (Status status = Bind(statement, params, count); !status.ok()) return status;
    const auto columns = static_cast<size_t>(sqlite3_column_count(statement));
    std::vector<Cell> row(columns);
    for (;;) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Status status = Error("statement failed");
        sqlite3_reset(statement);
        return status;
      }
      for (size_t c = 0; c < columns; ++c) {
        // Each column's value read once and then asked for its type and content:
        // the sqlite3_column_* calls each look the column up again, which was a
        // sixth of a 5,000-event page. (An "unprotected" value, which SQLite
        // documents as not thread-safe: this connection is one thread's.)
        sqlite3_value* value = sqlite3_column_value(statement, static_cast<int>(c));
        Cell& cell = row[c];
        switch (sqlite3_value_type(value)) {
          case SQLITE_NULL: cell.kind = Cell::Kind::kNull; break;
          case SQLITE_INTEGER:
            cell.kind = Cell::Kind::kInteger;
            cell.integer = sqlite3_value_int64(value);
            break;
          case SQLITE_FLOAT:
            cell.kind = Cell::Kind::kReal;
            cell.real = sqlite3_value_double(value);
            break;
          default:
            cell.kind = Cell::Kind::kText;
            cell.text = std::string_view(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                                         static_cast<size_t>(sqlite3_value_bytes(value)));
        }
      }
      each(RowView(row));
    }
    sqlite3_reset(statement);
    return Status::Ok();
  }

  // Within one transaction a prepared one-row INSERT costs a few microseconds a
  // row; SQLite has no round trips to save.
  Status InsertRows(std::string_view table, std::string_view columns, size_t column_count,
                    const std::vector<Value>& values) override {
    if (column_count == 0 || values.size() % column_count != 0) {
      return Status::Internal("SQLite store " + path_ + ": rows of unequal width");
    }
    std::string sql = "INSERT INTO " + std::string(table) + " (" + std::string(columns) +
                      ") VALUES (";
    for (size_t c = 1; c <= column_count; ++c) {
      sql += (c > 1 ? ", $" : "$") + std::to_string(c);
    }
    sql += ")";
    auto prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    for (size_t first = 0; first < values.size(); first += column_count) {
      if (Status status = Bind(prepared.value(), values.data() + first, column_count);
          !status.ok()) {
        return status;
      }
      const int rc = sqlite3_step(prepared.value());
      if (rc != SQLITE_DONE) {
        Status status = Error("insert failed");
        sqlite3_reset(prepared.value());
        return status;
      }
    }
    sqlite3_reset(prepared.value());
    return Status::Ok();
  }

  // Inside a write transaction no one else inserts, so the ids after the largest
  // are free: those SQLite would have given.
  Result<std::vector<int64_t>> ReserveIds(std::string_view table, size_t count) override {
    auto rows = Query("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table), {});
    if (!rows.ok()) return rows.status();
    int64_t last = 0;
    if (!rows->empty() && rows.value()[0][0]) last = std::stoll(*rows.value()[0][0]);
    std::vector<int64_t> ids(count);
    for (size_t i = 0; i < count; ++i) ids[i] = last + 1 + static_cast<int64_t>(i);
    return ids;
  }

  Status BeginWrite() override {
    // A connection that writes gets room for the indexes it updates: with
    // SQLite's 2 MB page cache an ingest spilled and re-read index pages (a
    // quarter of its time); checkpoints every 160 MB of log (10,000 pages of 16 KB)
    // rather than 4 MB copy each hot page back less often (the facts' pages and the
    // indexes' are written by every batch). At 40 MB, checkpoints were an eighth of
    // the store's time; the store alone took 16.4-18.1 s for 100,000 documents,
    // 15.1-15.2 s at 160 MB, 14.6 s at 400 MB. The log is emptied when the last
    // connection closes. A statement of many rows keeps what it overwrites in memory
    // until it ends (temp_store), not in a file of /var/tmp: an ingest of 20,000
    // documents wrote 157 MB to such files, a system call a page.
    if (!writer_) {
      Status tuned = Execute(
          "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY;");
      if (!tuned.ok()) return tuned;
      writer_ = true;
    }
    return Execute("BEGIN IMMEDIATE");
  }
  size_t MaxParameters() const override {
    return static_cast<size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
  }
  // Each commit writes every index page its documents touched to the WAL, and most
  // of them are the same pages from one batch to the next; each batch also rewrites
  // the facts it repeats. 1,024 documents a commit ingested 100,000 documents in 34 s
  // where 256 took 42 s; 8,192 take 16.6 and 16.8 s where 1,024 took 17.2 and 17.5 s
  // (alternated, a store in memory), and 100 MB more of memory at most (330 MB).
  size_t PreferredBatch() const override { return 8192; }
  bool UpdateRewritesIndexesOfSetColumns() const override { return true; }

  Status Execute(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string reason = message != nullptr ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      return Status::IoError("SQLite store " + path_ + ": " + reason);
    }
    return Status::Ok();
  }

  std::string_view engine() const override { return "SQLite"; }
  std::string_view IdColumnType() const override { return "INTEGER PRIMARY KEY"; }

  // BEGIN IMMEDIATE takes the database's write lock at once (waiting up to the
  // busy timeout), where a plain BEGIN could fail on its first write.
  Status BeginSchemaChange() override { return Execute("BEGIN IMMEDIATE"); }

  Result<bool> HasColumn(std::string_view table, std::string_view column) override {
    auto rows = Query("SELECT 1 FROM pragma_table_info($1) WHERE name = $2",
                      {std::string(table), std::string(column)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
  }

 private:
  // Resets `statement` and binds params[0..count) to ?1, ?2, ... (texts are not
  // copied: they outlive the statement's step).
  Status Bind(sqlite3_stmt* statement, const Value* params, size_t count) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    for (size_t i = 0; i < count; ++i) {
      const int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* integer = std::get_if<int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* real = std::get_if<double>(&params[i])) {
        rc = sqlite3_bind_double(statement, index, *real);
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(statement, index);
      }
      if (rc != SQLITE_OK) return Error("cannot bind parameter");
    }
    return Status::Ok();
  }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto found = statements_.find(key);
    if (found != statements_.end()) return found->second;
    const std::string converted = ToSqliteParameters(sql);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, converted.c_str(), static_cast<int>(converted.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
      return Error("cannot prepare statement");
    }
    statements_.emplace(std::move(key), statement);
    return statement;
  }

  Status Error(const std::string& what) {
    return Status::IoError("SQLite store " + path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  bool writer_ = false;  // BeginWrite has set the writer's cache and checkpoints
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IoError("SQLite store " + path + ": cannot open: " + reason);
  }
  sqlite3_busy_timeout(db, 10000);
  auto connection = std::make_unique<SqliteConnection>(db, path);
  // journal_mode answers with a row; in-memory databases keep "memory". A new
  // database gets 16 KB pages (an existing one keeps its own): each commit writes its
  // pages to the log one system call a page, and an ingest with 4 KB pages took a
  // tenth longer. A connection keeps 16 MB of pages (SQLite's default, 2 MB, is less
  // than the 6 MB of index pages a page deep in the event list steps over: each such
  // request read them all again with system calls, most of its 17 ms). A memory map
  // of the file did as well for one request at a time and better under load, but
  // each connection's map counted the pages it touched in the server's resident
  // size again (2 GB with eight connections over a 600 MB store), and a failing disk
  // would stop the process rather than fail a query.
  Status status = connection->Execute(
      "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
      "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-16384;");
  if (!status.ok()) return status;
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace epiwire::store::internal
