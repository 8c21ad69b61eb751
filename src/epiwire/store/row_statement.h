// SPDX-License-Identifier: MIT
// Internal to the store (the public header is event_store.h): one statement over
// many rows, "head ($1, $2), ($3, $4) tail", so that a batch of documents costs
// a few statements rather than a few a row. Tested through event_store_test.cc.
#ifndef EPIWIRE_STORE_ROW_STATEMENT_H_
#define EPIWIRE_STORE_ROW_STATEMENT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "epiwire/base/status.h"
#include "epiwire/store/sql_connection.h"

namespace epiwire::store::internal {

class RowStatement {
 public:
  // `casts` name an SQL type for each column of the first row, or "" for none:
  // PostgreSQL types the columns of a VALUES list in a FROM clause by its first
  // row, and would take untyped parameters for text.
  RowStatement(std::string head, size_t column_count, std::string tail,
               std::vector<std::string> casts = {});

  // Runs the statement over `values`, rows of column_count values each, in chunks
  // whose row counts are powers of two (so each engine prepares a handful of
  // statements, not one for every batch size), in the order of the rows; returns
  // the rows all chunks yield.
  Result<Rows> Run(SqlConnection& db, const std::vector<Value>& values);

 private:
  const std::string& Text(size_t rows);

  std::string head_;
  size_t column_count_;
  std::string tail_;
  std::vector<std::string> casts_;
  std::map<size_t, std::string> texts_;  // by row count
};

}  // namespace epiwire::store::internal

#endif  // EPIWIRE_STORE_ROW_STATEMENT_H_
