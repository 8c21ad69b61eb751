// SPDX-License-Identifier: MIT
// Internal to the dates stage; the public API is date_expressions.h and date_grammar.h.
// The loaded form of a dates.tsv.
#ifndef EPIWIRE_DATES_DATE_LEXICON_H_
#define EPIWIRE_DATES_DATE_LEXICON_H_

#include <cstdint>
#include <vector>

#include "epiwire/base/phrase_table.h"

namespace epiwire::dates::internal {

// The role of a phrase; the names are the first column of dates.tsv.
enum class DateRole : unsigned char {
  kMonth,
  kWeekday,
  kDayOffset,
  kSince,
  kFrom,
  kUntil,
  kAsOf,
  kBetween,
  kPlain,
  kRangeTo,
  kSinceAfter,
  kUntilAfter,
  kDayLink,
  kDaySuffix,
  kYearWord,
  kYearMarker,
  kMonthMarker,
  kDayMarker,
  kClockPrefix,
  kClockMarker,
  kWeekdayThis,
  kWeekdayLast,
  kWeekdayLastAfter,
  kMonthPart,
  kYearPart,
  kCalendar,
  kWindow,
  kEpiWeek,
  kAgo,
};

// Calendar units of "calendar" and "window" rows.
enum class Unit : unsigned char { kNone, kHour, kDay, kWeek, kMonth, kYear };

struct DateEntry {
  DateRole role = DateRole::kPlain;
  int value = 0;   // month 1..12, weekday 0..6, day offset, first day of a month part
  int second = 0;  // last day of a month part; calendar offset; window count (0: '#');
                   // last month of a year part (0: the phrase's '#')
  Unit unit = Unit::kNone;
  bool needs_preposition = false;
};

struct DateLexicon {
  script_scan::PhraseTable phrases;
  std::vector<DateEntry> entries;  // indexed by the phrases' payload
};

}  // namespace epiwire::dates::internal

#endif  // EPIWIRE_DATES_DATE_LEXICON_H_
