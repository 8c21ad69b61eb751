// SPDX-License-Identifier: MIT
// Calendar dates and periods: plain values that every stage passes around.
// Tested by date_test.cc.
#ifndef EPIWIRE_MODEL_DATE_H_
#define EPIWIRE_MODEL_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace epiwire {

// A proleptic Gregorian calendar day.
struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday.
  int Weekday() const;
  Date AddDays(int64_t days) const { return FromDays(ToDays() + days); }
  // "2020-04-08".
  std::string ToIso() const;
  // Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); nullopt when invalid.
  static std::optional<Date> ParseIso(std::string_view text);
  static bool IsValid(int year, int month, int day);
  static int DaysInMonth(int year, int month);
};

// The dates a figure covers; an open end is nullopt ("146 cases so far": no start).
struct Period {
  std::optional<Date> start;
  std::optional<Date> end;

  bool operator==(const Period&) const = default;
  static Period Day(Date d) { return Period{d, d}; }
};

}  // namespace epiwire

#endif  // EPIWIRE_MODEL_DATE_H_
