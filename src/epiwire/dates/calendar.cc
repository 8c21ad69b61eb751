// SPDX-License-Identifier: MIT
// Internal to the dates stage. Tested through date_expressions_test.cc.
#include "epiwire/dates/calendar.h"

#include <algorithm>

namespace epiwire::dates::internal {

std::optional<Date> LatestMonthDay(int month, int day, Date published) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const int latest = YearOfLatestMonth(month, published);
  for (int year = latest; year > latest - 8; --year) {
    if (Date::IsValid(year, month, day)) return Date{year, month, day};
  }
  return std::nullopt;
}

int YearOfLatestMonth(int month, Date published) {
  return month <= published.month ? published.year : published.year - 1;
}

Period MonthPeriod(int year, int month) {
  return Period{Date{year, month, 1}, Date{year, month, Date::DaysInMonth(year, month)}};
}

Period MonthWindow(int year, int month, int first, int last) {
  const int days = Date::DaysInMonth(year, month);
  return Period{Date{year, month, std::min(first, days)}, Date{year, month, std::min(last, days)}};
}

Date LatestWeekday(int weekday, Date published, bool strictly) {
  int back = (published.Weekday() - weekday + 7) % 7;
  if (back == 0 && strictly) back = 7;
  return published.AddDays(-back);
}

Date AddMonths(Date date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return Date{year, month, std::min(date.day, Date::DaysInMonth(year, month))};
}

Date IsoWeekStart(int year, int week) {
  const Date january4{year, 1, 4};
  return january4.AddDays(-january4.Weekday() + 7 * static_cast<int64_t>(week - 1));
}

// Week 1 of the Americas' epidemiological weeks (CDC's MMWR weeks, PAHO's "semanas
// epidemiológicas"): Sunday to Saturday, the first week with four days in the year, so the
// one that holds its first Wednesday.
Date SundayWeekStart(int year, int week) {
  const Date january1{year, 1, 1};
  const int to_wednesday = (2 - static_cast<int>(january1.Weekday()) + 7) % 7;  // Monday is 0
  const Date first_wednesday = january1.AddDays(to_wednesday);
  return first_wednesday.AddDays(-3 + 7 * static_cast<int64_t>(week - 1));
}

std::optional<Period> EpiWeekPeriod(int week, int year, Date published, bool sunday_weeks) {
  if (week < 1 || week > 53) return std::nullopt;
  const auto start_of = [&](int y) {
    return sunday_weeks ? SundayWeekStart(y, week) : IsoWeekStart(y, week);
  };
  if (year == 0) {
    year = published.year;
    if (start_of(year) > published) --year;
  }
  const Date first = start_of(year);
  return Period{first, first.AddDays(6)};
}

Period ClipToPublished(Period period, std::optional<Date> published) {
  if (published && period.start && period.end && *period.start <= *published &&
      *published < *period.end) {
    period.end = *published;
  }
  return period;
}

}  // namespace epiwire::dates::internal
