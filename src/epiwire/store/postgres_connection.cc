// SPDX-License-Identifier: MIT
// SqlConnection over libpq: PQexecParams with text parameters, notices kept
// quiet (the library never prints), UTF-8 client encoding.
#include <libpq-fe.h>

#include <cstdio>
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

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* integer = std::get_if<int64_t>(&params[i])) {
        texts[i] = std::to_string(*integer);
      } else if (const auto* real = std::get_if<double>(&params[i])) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", *real);
        texts[i] = buffer;
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        if (text->find('\0') != std::string::npos) {
          return Status::InvalidInput("PostgreSQL store " + name_ +
                                      ": text with a NUL byte cannot be stored");
        }
        texts[i] = *text;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    auto statement = Prepare(sql, static_cast<int>(params.size()));
    if (!statement.ok()) return statement.status();
    PGresult* result = PQexecPrepared(conn_, statement->c_str(), static_cast<int>(params.size()),
                                      values.data(), nullptr, nullptr, 0);
    if (Status status = Check(result); !status.ok()) return status;
    Rows rows;
    const int count = PQntuples(result);
    const int columns = PQnfields(result);
    rows.reserve(static_cast<size_t>(count));
    for (int r = 0; r < count; ++r) {
      Row row(static_cast<size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) continue;
        row[static_cast<size_t>(c)] =
            std::string(PQgetvalue(result, r, c), static_cast<size_t>(PQgetlength(result, r, c)));
      }
      rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
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

 private:
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
