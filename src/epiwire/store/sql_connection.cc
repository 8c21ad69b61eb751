// SPDX-License-Identifier: MIT
#include "epiwire/store/sql_connection.h"

#include <charconv>

#include "epiwire/base/number_text.h"

namespace epiwire::store::internal {

namespace {

// A number column's value as T; text (PostgreSQL's) is read as a number.
template <typename T>
T NumberOf(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::kInteger: return static_cast<T>(cell.integer);
    case Cell::Kind::kReal: return static_cast<T>(cell.real);
    case Cell::Kind::kText: {
      T value = 0;
      std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), value);
      return value;
    }
    case Cell::Kind::kNull: break;
  }
  return 0;
}

}  // namespace

int64_t RowView::Integer(size_t c) const { return NumberOf<int64_t>(cells_[c]); }

double RowView::Real(size_t c) const { return NumberOf<double>(cells_[c]); }

std::optional<std::string> RowView::AsString(size_t c) const {
  const Cell& cell = cells_[c];
  char digits[40];
  switch (cell.kind) {
    case Cell::Kind::kInteger:
      return std::string(digits, std::to_chars(digits, digits + sizeof digits, cell.integer).ptr);
    case Cell::Kind::kReal:
      // Shortest round trip: SQLite's own printing keeps 15 digits, which do not
      // always read back the same.
      return std::string(digits, WriteShortestDouble(digits, digits + sizeof digits, cell.real));
    case Cell::Kind::kText: return std::string(cell.text);
    case Cell::Kind::kNull: break;
  }
  return std::nullopt;
}

}  // namespace epiwire::store::internal
