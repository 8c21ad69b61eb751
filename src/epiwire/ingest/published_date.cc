// SPDX-License-Identifier: MIT
// Publication dates from feeds and HTML metadata. Tested by reader_test.cc.
#include "epiwire/ingest/published_date.h"

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "epiwire/base/utf8.h"

namespace epiwire::ingest {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

bool InYearRange(const Date& date) { return date.year >= kMinYear && date.year <= kMaxYear; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// 1..12 for an English month name or abbreviation ("Apr", "April", "Sept"), else 0.
int MonthFromWord(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  const std::string lower = AsciiLower(word);
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m].substr(0, lower.size()) == lower) return static_cast<int>(m) + 1;
  }
  return 0;
}

// A day-of-month token: "8", "08", "8th", "1st".
int DayFromToken(std::string_view token) {
  size_t digits = 0;
  while (digits < token.size() && IsDigit(token[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view suffix = token.substr(digits);
  if (!suffix.empty()) {
    const std::string lower = AsciiLower(suffix);
    if (lower != "st" && lower != "nd" && lower != "rd" && lower != "th") return 0;
  }
  const int day = ToInt(token.substr(0, digits));
  return day >= 1 && day <= 31 ? day : 0;
}

// "Wed, 08 Apr 2020 10:15:00 GMT", "April 8, 2020", "8th April 2020".
std::optional<Date> ParseWordDate(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i]) && !IsAlpha(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < text.size() && (IsDigit(text[i]) || IsAlpha(text[i]))) ++i;
    tokens.push_back(text.substr(start, i - start));
  }
  int year = 0;
  int month = 0;
  int day = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (year == 0 && tokens[t].size() == 4 && AllDigits(tokens[t])) year = ToInt(tokens[t]);
    if (month != 0) continue;
    month = MonthFromWord(tokens[t]);
    if (month == 0) continue;
    // The day stands right before the month ("08 Apr") or right after it ("April 8").
    if (t > 0) day = DayFromToken(tokens[t - 1]);
    if (day == 0 && t + 1 < tokens.size()) day = DayFromToken(tokens[t + 1]);
  }
  if (year == 0 || month == 0 || day == 0 || !Date::IsValid(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

}  // namespace

std::optional<Date> DateFromUnixTime(double seconds_or_millis) {
  if (!std::isfinite(seconds_or_millis)) return std::nullopt;
  double seconds = seconds_or_millis;
  if (std::fabs(seconds) > 1e11) seconds /= 1000.0;
  const double days = std::floor(seconds / 86400.0);
  const double min_days = static_cast<double>(Date{kMinYear, 1, 1}.ToDays());
  const double max_days = static_cast<double>(Date{kMaxYear, 12, 31}.ToDays());
  if (days < min_days || days > max_days) return std::nullopt;
  return Date::FromDays(static_cast<int64_t>(days));
}

std::optional<Date> ParsePublishedDate(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 10 && AllDigits(text.substr(0, 4)) && (text[4] == '-' || text[4] == '/') &&
      text[7] == text[4]) {
    std::string iso(text.substr(0, 10));
    iso[4] = '-';
    iso[7] = '-';
    if (text.size() > 10) iso += text[10];
    const std::optional<Date> date = Date::ParseIso(iso);
    if (date && InYearRange(*date)) return date;
    return std::nullopt;
  }
  if (AllDigits(text)) {
    if (text.size() == 8) {
      const int year = ToInt(text.substr(0, 4));
      const int month = ToInt(text.substr(4, 2));
      const int day = ToInt(text.substr(6, 2));
      if (!Date::IsValid(year, month, day)) return std::nullopt;
      const Date date{year, month, day};
      return InYearRange(date) ? std::optional<Date>(date) : std::nullopt;
    }
    if (text.size() >= 9 && text.size() <= 13) {
      int64_t value = 0;
      for (char c : text) value = value * 10 + (c - '0');
      return DateFromUnixTime(static_cast<double>(value));
    }
    return std::nullopt;
  }
  const std::optional<Date> date = ParseWordDate(text);
  if (date && InYearRange(*date)) return date;
  return std::nullopt;
}

}  // namespace epiwire::ingest
