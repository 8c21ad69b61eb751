// SPDX-License-Identifier: MIT
// Status and Result<T>: how expected failures (bad input, missing files) travel
// as values. Exceptions are kept for bugs. Tested by status_test.cc.
#ifndef EPIWIRE_BASE_STATUS_H_
#define EPIWIRE_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace epiwire {

enum class StatusCode { kOk, kInvalidInput, kNotFound, kIoError, kTooLarge, kInternal };

// A success or a failure with a message that says where and why.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(StatusCode::kInvalidInput, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status TooLarge(std::string message) {
    return Status(StatusCode::kTooLarge, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace epiwire

#endif  // EPIWIRE_BASE_STATUS_H_
