// SPDX-License-Identifier: MIT
// Invariant checks the fuzz targets share: a broken invariant aborts, so that
// libFuzzer (or the replay driver) reports the input as a crash.
#ifndef EPIWIRE_FUZZ_FUZZ_CHECK_H_
#define EPIWIRE_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "epiwire/base/utf8.h"
#include "epiwire/model/date.h"

namespace epiwire::fuzz {

// Inputs larger than this only slow the fuzzer down without reaching new code.
inline constexpr size_t kMaxInput = 64 << 10;

inline void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

inline void CheckUtf8(std::string_view text, const char* what) {
  Check(!FindInvalidUtf8(text).has_value(), what);
}

// [start, end) lies inside a text of `size` bytes.
inline void CheckRange(size_t start, size_t end, size_t size, const char* what) {
  Check(start <= end && end <= size, what);
}

inline void CheckDate(const Date& date, const char* what) {
  Check(Date::IsValid(date.year, date.month, date.day), what);
}

inline void CheckDate(const std::optional<Date>& date, const char* what) {
  if (date) CheckDate(*date, what);
}

inline void CheckPeriod(const Period& period, const char* what) {
  CheckDate(period.start, what);
  CheckDate(period.end, what);
  if (period.start && period.end)
    Check(*period.start <= *period.end, "period starts before it ends");
}

}  // namespace epiwire::fuzz

#endif  // EPIWIRE_FUZZ_FUZZ_CHECK_H_
