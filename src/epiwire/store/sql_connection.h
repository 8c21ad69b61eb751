// SPDX-License-Identifier: MIT
// Internal to the store (the public header is event_store.h): one database
// connection, SQLite or PostgreSQL, behind a tiny interface that runs
// parameterised SQL ($1, $2, ...) and hands back rows of text values.
#ifndef EPIWIRE_STORE_SQL_CONNECTION_H_
#define EPIWIRE_STORE_SQL_CONNECTION_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "epiwire/base/status.h"

namespace epiwire::store::internal {

// A bound parameter: NULL, an integer, a real or a text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
// One result row: each column as text, nullopt for SQL NULL.
using Row = std::vector<std::optional<std::string>>;
using Rows = std::vector<Row>;
// One value of a result row as the engine hands it: SQLite's integers and reals
// as numbers; its texts, and every value PostgreSQL gives, as text.
struct Cell {
  enum class Kind : uint8_t { kNull, kInteger, kReal, kText };
  Kind kind = Kind::kNull;
  int64_t integer = 0;
  double real = 0;
  std::string_view text;  // kText: a view into the engine's own buffer
};

// One result row, valid only while the callback that receives it runs: a list of
// 5,000 events is read without a string, nor a number printed and read back, for
// each of its 250,000 values.
class RowView {
 public:
  explicit RowView(std::span<const Cell> cells) : cells_(cells) {}
  size_t size() const { return cells_.size(); }
  bool IsNull(size_t c) const { return cells_[c].kind == Cell::Kind::kNull; }
  // A text column's value; nullopt for NULL (a number, which text columns never
  // hold, reads as NULL too).
  std::optional<std::string_view> Text(size_t c) const {
    if (cells_[c].kind != Cell::Kind::kText) return std::nullopt;
    return cells_[c].text;
  }
  // A number column's value, 0 for NULL; text (PostgreSQL's) is read as a number.
  int64_t Integer(size_t c) const;
  double Real(size_t c) const;
  // Any value as text (numbers in their shortest form), nullopt for NULL.
  std::optional<std::string> AsString(size_t c) const;

 private:
  std::span<const Cell> cells_;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  // Runs one statement whose parameters are written $1, $2, ... and returns the
  // rows it yields (none for most writes). Errors name the engine and the reason.
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) {
    return QueryValues(sql, params.data(), params.size());
  }
  // The same with the parameters params[0..count), e.g. one slice of a long list.
  Result<Rows> QueryValues(std::string_view sql, const Value* params, size_t count) {
    Rows rows;
    Status status = QueryRows(sql, params, count, [&](RowView row) {
      Row& copy = rows.emplace_back(row.size());
      for (size_t c = 0; c < row.size(); ++c) copy[c] = row.AsString(c);
    });
    if (!status.ok()) return status;
    return rows;
  }
  // Runs one statement and hands each row it yields to `each`, in order (see
  // RowView).
  virtual Status QueryRows(std::string_view sql, const Value* params, size_t count,
                           const std::function<void(RowView)>& each) = 0;
  Status QueryRows(std::string_view sql, const std::vector<Value>& params,
                   const std::function<void(RowView)>& each) {
    return QueryRows(sql, params.data(), params.size(), each);
  }
  // Appends rows to `table` (no conflict handling, nothing returned): `values` holds
  // rows of `column_count` values each, for the comma-separated `columns`. The
  // fastest way each engine has: PostgreSQL's COPY, one prepared INSERT a row in
  // SQLite. `table` and `columns` are the store's own names, never input.
  virtual Status InsertRows(std::string_view table, std::string_view columns, size_t column_count,
                            const std::vector<Value>& values) = 0;
  // `count` new ids, ascending, for rows of `table` (whose key column is `id`) to
  // be inserted in this transaction; nobody else gets them. Called inside a
  // transaction opened with BeginWrite.
  virtual Result<std::vector<int64_t>> ReserveIds(std::string_view table, size_t count) = 0;
  // Opens a transaction that will write: SQLite takes its write lock at once
  // (waiting up to the busy timeout), where a plain BEGIN could fail on its first
  // write and could not reserve ids.
  virtual Status BeginWrite() { return Execute("BEGIN"); }
  // Has the statements prepared before planned again when next run, with the sizes
  // the tables have then. PostgreSQL keeps the plan it made for a prepared statement
  // after a few runs, whatever the tables become; SQLite plans as it prepares.
  virtual Status ForgetPlans() { return Status::Ok(); }
  // The most parameters one statement may have.
  virtual size_t MaxParameters() const = 0;
  // Documents a write transaction should carry (EventStore::PreferredBatch).
  virtual size_t PreferredBatch() const { return 256; }
  // The clause that locks the rows a SELECT reads until the transaction ends
  // (" FOR UPDATE"), empty where a writer holds the whole database (SQLite).
  virtual std::string_view LockRows() const { return ""; }
  // Whether an UPDATE rewrites the entries of every index on a column it sets even
  // when the value stays (SQLite), where the other engine rewrites only those whose
  // value changed (PostgreSQL's heap-only updates).
  virtual bool UpdateRewritesIndexesOfSetColumns() const { return false; }
  // The storage clause of a table whose rows are rewritten batch after batch (facts,
  // whose sources grow): PostgreSQL leaves half of each page free, so that a row's new
  // version goes beside the old one with no new index entries and the next reader of
  // the page reclaims the old; otherwise the dead versions filled new pages, that
  // every scan of the facts stepped over.
  virtual std::string_view RewrittenTableOptions() const { return ""; }
  // The compression clause of documents' text, the longest values stored: PostgreSQL
  // compressed about half of the pages with its own method (pglz) at some 30 us each,
  // where LZ4 takes a few.
  virtual std::string_view LongTextCompression() const { return ""; }
  // Runs statements without parameters (schema, BEGIN, COMMIT).
  virtual Status Execute(std::string_view sql) = 0;
  // "SQLite" or "PostgreSQL", for messages.
  virtual std::string_view engine() const = 0;
  // The column type of an auto-numbered primary key in this engine.
  virtual std::string_view IdColumnType() const = 0;

  // Opens a transaction that holds the store's schema lock until COMMIT or
  // ROLLBACK, so that two processes opening one database never create or migrate
  // its tables at once: a PostgreSQL advisory lock; SQLite's write lock.
  virtual Status BeginSchemaChange() = 0;
  // Whether `table` has `column` (for migrations that add columns).
  virtual Result<bool> HasColumn(std::string_view table, std::string_view column) = 0;
  // The collation clause that makes text compare byte by byte (as std::string
  // does), whatever the database's locale: "" for SQLite, whose default is.
  virtual std::string_view ByteOrder() const { return ""; }
  // Refreshes the statistics the query planner picks indexes by (ANALYZE: about
  // a second a million events in SQLite; a sampled one, as SQLite's
  // analysis_limit gives, misjudges how many rows a country has), of `tables` (the
  // store's, comma-separated): PostgreSQL's ANALYZE alone reads every table of the
  // database, other schemas' too; a SQLite file is the store's.
  virtual Status UpdateStatistics(std::string_view tables) {
    (void)tables;
    return Execute("ANALYZE");
  }
  // How many statements failed for a reason that another try may not meet
  // (PostgreSQL: a deadlock or a serialization failure between concurrent
  // writers). The store compares it before and after a transaction.
  virtual int transient_failures() const { return 0; }
};

// Opens (creating) the SQLite file at `path` in WAL mode.
Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path);
// Connects to the PostgreSQL server named by the libpq URL.
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url);

// The URL with any password replaced by "***", for messages.
std::string RedactUrl(const std::string& url);

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_SQL_CONNECTION_H_
