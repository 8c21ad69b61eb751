// SPDX-License-Identifier: MIT
// SqlConnection over libpq: PQexecParams with text parameters, notices kept
// quiet (the library never prints), UTF-8 client encoding.
#include <libpq-fe.h>

#include <charconv>
#include <string>
#include <unordered_map>

#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {
namespace {

void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

std::string TrimmedError(PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

class PostgresConnection final : public SqlConnection {
 public:
  PostgresConnection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Status QueryRows(std::string_view sql, const Value* params, size_t count,
                   const std::function<void(RowView)>& each) override {
    // Numbers are written out; texts are passed as they are (NUL-terminated).
    std::vector<std::string> numbers(count);
    std::vector<const char*> values(count, nullptr);
    for (size_t i = 0; i < count; ++i) {
      if (const auto* text = std::get_if<std::string>(&params[i])) {
        if (text->find('\0') != std::string::npos) return NulByte();
        values[i] = text->c_str();
      } else if (!std::holds_alternative<std::monostate>(params[i])) {
        numbers[i] = NumberText(params[i]);
        values[i] = numbers[i].c_str();
      }
    }
    auto statement = Prepare(sql, static_cast<int>(count));
    if (!statement.ok()) return statement.status();
    PGresult* result = PQexecPrepared(conn_, statement->c_str(), static_cast<int>(count),
                                      values.data(), nullptr, nullptr, 0);
    if (Status status = Check(result); !status.ok()) return status;
    const int tuples = PQntuples(result);
    const auto columns = static_cast<size_t>(PQnfields(result));
    std::vector<Cell> row(columns);
    for (int r = 0; r < tuples; ++r) {
      for (size_t c = 0; c < columns; ++c) {
        const int column = static_cast<int>(c);
        Cell& cell = row[c];
        if (PQgetisnull(result, r, column)) {
          cell.kind = Cell::Kind::kNull;
        } else {
          cell.kind = Cell::Kind::kText;
          cell.text = std::string_view(PQgetvalue(result, r, column),
                                       static_cast<size_t>(PQgetlength(result, r, column)));
        }
      }
      each(RowView(row));
    }
    PQclear(result);
    return Status::Ok();
  }

  // COPY ... FROM STDIN in text format: one round trip and no statement to plan
  // however many rows there are.
  Status InsertRows(std::string_view table, std::string_view columns, size_t column_count,
                    const std::vector<Value>& values) override {
    if (column_count == 0 || values.size() % column_count != 0) {
      return Status::Internal("PostgreSQL store " + name_ + ": rows of unequal width");
    }
    if (values.empty()) return Status::Ok();
    std::string data;
    for (size_t i = 0; i < values.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&values[i])) {
        if (text->find('\0') != std::string::npos) return NulByte();
        AppendCopyText(*text, data);
      } else if (std::holds_alternative<std::monostate>(values[i])) {
        data += "\\N";
      } else {
        AppendNumber(values[i], data);
      }
      data += (i + 1) % column_count == 0 ? '\n' : '\t';
    }
    const std::string sql =
        "COPY " + std::string(table) + " (" + std::string(columns) + ") FROM STDIN";
    PGresult* started = PQexec(conn_, sql.c_str());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
      Status status = Check(started);
      if (!status.ok()) return status;
      PQclear(started);
      return Status::Internal("PostgreSQL store " + name_ + ": COPY did not start");
    }
    PQclear(started);
    const bool sent = PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1;
    if (PQputCopyEnd(conn_, sent ? nullptr : "epiwire: cannot send rows") != 1) {
      return Status::IoError("PostgreSQL store " + name_ + ": " + TrimmedError(conn_));
    }
    Status status = Status::Ok();
    while (PGresult* result = PQgetResult(conn_)) {
      Status checked = Check(result);
      if (checked.ok()) PQclear(result);
      if (status.ok()) status = checked;
    }
    return status;
  }

  Result<std::vector<int64_t>> ReserveIds(std::string_view table, size_t count) override {
    // The sequence is looked up once (MATERIALIZED): in the call to nextval, its lookup
    // was made for each id, 16 ms for 1,700 where nextval takes 1.
    auto rows = Query(
        "WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS seq) "
        "SELECT nextval(s.seq) FROM s, generate_series(1, $2) ORDER BY 1",
        {std::string(table), static_cast<int64_t>(count)});
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> ids;
    ids.reserve(rows->size());
    for (const Row& row : rows.value()) ids.push_back(row[0] ? std::stoll(*row[0]) : 0);
    return ids;
  }

  // A writer's statements find a few hundred rows of tables that are in memory, by
  // their keys. At PostgreSQL's default cost of a page read at random (4, for spinning
  // disks), the planner read the whole of the facts twice a batch rather than probe
  // their index a few hundred times (12 ms where 5 ms, for 256 facts of 10,000).
  Status BeginWrite() override { return Execute("BEGIN; SET LOCAL random_page_cost = 1.1"); }
  Status ForgetPlans() override { return Execute("DISCARD PLANS"); }
  size_t MaxParameters() const override { return 65535; }
  // As SQLite's: a batch rewrites the facts it repeats, and the fewer batches, the
  // fewer versions of each fact's row (ingest of 100,000 documents: 23.1 and 24.3 s
  // in 98 transactions, where 25.1 and 25.7 s in 392 of 256 documents; in 13 of 8,192,
  // 19.1 to 19.5 s where 21.1 to 21.8 s in 98, with 240 MB of memory where 140 MB).
  size_t PreferredBatch() const override { return 8192; }
  std::string_view LockRows() const override { return " FOR UPDATE"; }
  Status UpdateStatistics(std::string_view tables) override {
    return Execute("ANALYZE " + std::string(tables));
  }

  Status Execute(std::string_view sql) override {
    const std::string statement(sql);
    PGresult* result = PQexec(conn_, statement.c_str());
    if (Status status = Check(result); !status.ok()) return status;
    PQclear(result);
    return Status::Ok();
  }

  Status BeginSchemaChange() override {
    if (Status status = Execute("BEGIN"); !status.ok()) return status;
    // Held until the transaction ends; the key is "epiwire" in ASCII.
    auto locked = Query("SELECT pg_advisory_xact_lock($1)", {int64_t{0x65706977697265}});
    if (!locked.ok()) {
      (void)Execute("ROLLBACK");
      return locked.status();
    }
    return Status::Ok();
  }

  Result<bool> HasColumn(std::string_view table, std::string_view column) override {
    auto rows = Query(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND "
        "table_name = $1 AND column_name = $2",
        {std::string(table), std::string(column)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
  }

  std::string_view ByteOrder() const override { return " COLLATE \"C\""; }
  int transient_failures() const override { return transient_failures_; }

  std::string_view engine() const override { return "PostgreSQL"; }
  std::string_view IdColumnType() const override { return "BIGSERIAL PRIMARY KEY"; }
  std::string_view RewrittenTableOptions() const override { return " WITH (fillfactor = 50)"; }
  std::string_view LongTextCompression() const override { return " COMPRESSION lz4"; }

 private:
  // An integer or a real as the server reads it: the shortest text that reads back as the same
  // value (std::to_chars; printf's "%.17g" took a tenth of the writer's time).
  static void AppendNumber(const Value& value, std::string& out) {
    char buffer[32];
    char* const end = buffer + sizeof buffer;
    const std::to_chars_result written = std::holds_alternative<int64_t>(value)
                                             ? std::to_chars(buffer, end, std::get<int64_t>(value))
                                             : std::to_chars(buffer, end, std::get<double>(value));
    out.append(buffer, written.ptr);
  }

  static std::string NumberText(const Value& value) {
    std::string text;
    AppendNumber(value, text);
    return text;
  }

  // A text value of COPY's text format: backslash, tab, newline and carriage
  // return escaped, the runs between them appended whole.
  static void AppendCopyText(std::string_view text, std::string& out) {
    const auto escaped = [](char c) { return c == '\\' || c == '\t' || c == '\n' || c == '\r'; };
    for (size_t at = 0;;) {
      size_t special = at;
      while (special < text.size() && !escaped(text[special])) ++special;
      out.append(text.substr(at, special - at));
      if (special == text.size()) return;
      out += '\\';
      switch (text[special]) {
        case '\t':
          out += 't';
          break;
        case '\n':
          out += 'n';
          break;
        case '\r':
          out += 'r';
          break;
        default:
          out += '\\';
      }
      at = special + 1;
    }
  }

  Status NulByte() const {
    return Status::InvalidInput("PostgreSQL store " + name_ +
                                ": text with a NUL byte cannot be stored");
  }

  // Statements are prepared once per connection (named s1, s2, ...) and reused:
  // the store runs a few dozen distinct statements many thousands of times.
  Result<std::string> Prepare(std::string_view sql, int param_count) {
    auto found = prepared_.find(std::string(sql));
    if (found != prepared_.end()) return found->second;
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    const std::string text(sql);
    PGresult* result = PQprepare(conn_, name.c_str(), text.c_str(), param_count, nullptr);
    if (Status status = Check(result); !status.ok()) return status;
    PQclear(result);
    prepared_.emplace(text, name);
    return name;
  }

  // Ok for a successful result (which the caller clears); otherwise clears it and
  // returns the error, counting deadlocks and serialization failures.
  Status Check(PGresult* result) {
    const ExecStatusType state = PQresultStatus(result);
    if (state == PGRES_TUPLES_OK || state == PGRES_COMMAND_OK) return Status::Ok();
    std::string reason = result != nullptr ? PQresultErrorMessage(result) : TrimmedError(conn_);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    const char* code = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (code != nullptr && (std::string_view(code) == "40P01" || std::string_view(code) == "40001")) {
      ++transient_failures_;
    }
    PQclear(result);
    return Status::IoError("PostgreSQL store " + name_ + ": " + reason);
  }

  PGconn* conn_;
  std::string name_;
  std::unordered_map<std::string, std::string> prepared_;
  int transient_failures_ = 0;
};

}  // namespace

std::string RedactUrl(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url) {
  const std::string name = RedactUrl(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status::IoError("PostgreSQL store " + name + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = TrimmedError(conn);
    PQfinish(conn);
    return Status::IoError("PostgreSQL store " + name + ": cannot connect: " + reason);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    std::string reason = TrimmedError(conn);
    PQfinish(conn);
    return Status::IoError("PostgreSQL store " + name + ": cannot use UTF8: " + reason);
  }
  return std::unique_ptr<SqlConnection>(std::make_unique<PostgresConnection>(conn, name));
}

}  // namespace epiwire::store::internal
