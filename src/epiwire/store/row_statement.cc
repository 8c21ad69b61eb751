// SPDX-License-Identifier: MIT
#include "epiwire/store/row_statement.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace epiwire::store::internal {
namespace {

// Statement texts grow with their rows and are prepared once each: a few hundred
// rows a statement already make round trips rare.
constexpr size_t kMostRows = 256;

}  // namespace

RowStatement::RowStatement(std::string head, size_t column_count, std::string tail,
                           std::vector<std::string> casts)
    : head_(std::move(head)), column_count_(column_count), tail_(std::move(tail)),
      casts_(std::move(casts)) {}

const std::string& RowStatement::Text(size_t rows) {
  std::string& text = texts_[rows];
  if (!text.empty()) return text;
  text = head_;
  size_t parameter = 0;
  for (size_t row = 0; row < rows; ++row) {
    text += row > 0 ? ", (" : "(";
    for (size_t column = 0; column < column_count_; ++column) {
      if (column > 0) text += ", ";
      const bool cast = row == 0 && column < casts_.size() && !casts_[column].empty();
      if (cast) text += "CAST(";
      text += '$';
      text += std::to_string(++parameter);
      if (cast) {
        text += " AS ";
        text += casts_[column];
        text += ')';
      }
    }
    text += ")";
  }
  text += tail_;
  return text;
}

Result<Rows> RowStatement::Run(SqlConnection& db, const std::vector<Value>& values) {
  if (column_count_ == 0 || values.size() % column_count_ != 0) {
    return Status::Internal(std::string(db.engine()) + " store: rows of unequal width");
  }
  size_t most = 1;
  const size_t by_parameters = std::max<size_t>(1, db.MaxParameters() / column_count_);
  while (most * 2 <= std::min(kMostRows, by_parameters)) most *= 2;
  Rows rows;
  const size_t total = values.size() / column_count_;
  for (size_t first = 0; first < total;) {
    size_t chunk = most;
    while (chunk > total - first) chunk /= 2;
    auto chunk_rows = db.QueryValues(Text(chunk), values.data() + first * column_count_,
                                     chunk * column_count_);
    if (!chunk_rows.ok()) return chunk_rows.status();
    if (rows.empty()) {
      rows = std::move(chunk_rows).value();
    } else {
      std::move(chunk_rows->begin(), chunk_rows->end(), std::back_inserter(rows));
    }
    first += chunk;
  }
  return rows;
}

}  // namespace epiwire::store::internal
