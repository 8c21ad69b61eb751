// SPDX-License-Identifier: MIT
// Internal to the dates stage; the public API is date_expressions.h.
// Calendar arithmetic relative to a publication date.
#ifndef EPIWIRE_DATES_CALENDAR_H_
#define EPIWIRE_DATES_CALENDAR_H_

#include <optional>

#include "epiwire/model/date.h"

namespace epiwire::dates::internal {

// The year of the latest `month` that does not start after `published`.
int YearOfLatestMonth(int month, Date published);

// `month`/`day` in the latest such month not after `published` ("December 5" read on
// 2020-01-10 is 2019-12-05; "April 30" read on 2020-04-08 is 2020-04-30). Feb 29 steps
// back to a leap year; nullopt when the day never exists in that month.
std::optional<Date> LatestMonthDay(int month, int day, Date published);

// The whole month, and days `first`..`last` of it (`last` past the month's end is cut).
Period MonthPeriod(int year, int month);
Period MonthWindow(int year, int month, int first, int last);

// The latest day with `weekday` (0 = Monday) on or before `published`, strictly before when
// `strictly` is set.
Date LatestWeekday(int weekday, Date published, bool strictly);

// `date` moved by whole months, the day clamped to the target month's length.
Date AddMonths(Date date, int months);

// The first day of ISO week `week` of `year` (weeks start on Monday; week 1 holds 4 January).
Date IsoWeekStart(int year, int week);

// The first day of week `week` of `year` as the Americas count epidemiological weeks:
// Sunday to Saturday, week 1 the first with four days in the year.
Date SundayWeekStart(int year, int week);

// The days of epidemiological week `week` (ISO, or Sunday to Saturday where
// `sunday_weeks`), of `year`, or without one of the latest year in which the week has begun
// by `published`; nullopt for a week number out of 1..53.
std::optional<Period> EpiWeekPeriod(int week, int year, Date published, bool sunday_weeks = false);

// A period that contains `published` ends there instead ("this month" = 1st .. today).
Period ClipToPublished(Period period, std::optional<Date> published);

}  // namespace epiwire::dates::internal

#endif  // EPIWIRE_DATES_CALENDAR_H_
