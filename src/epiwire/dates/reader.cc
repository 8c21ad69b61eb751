// SPDX-License-Identifier: MIT
// Internal to the dates stage: the core date grammar. Tested by date_expressions_test.cc.
//
// The text is cut into tokens and read left to right. At each token the reader first
// tries a prepositional mention -- "since X", "as of X", "by X", "from X to Y",
// "between X and Y", "on/in/during/over X" -- and then a bare core X. A core is one of:
//   absolute   2020-04-02 | [Weekday,] April 2[nd][, 2020] | 2 [of] April [2020] |
//              April 1-8 | April [2020] | (early|mid|late) April | the end of April | in 2020
//   relative   yesterday | today | Monday | last Monday | this/last week|month|year|weekend |
//              [the] past|last N days|weeks|months|hours | the previous day
// Bare month names and bare years count only after a preposition, so "May" the verb and
// "2020" the number stay out. Relative cores and months without a year need the
// publication date; without it they fail and the reader moves on. A period that contains
// the publication date is cut to end there.
#include "epiwire/dates/reader.h"

#include "epiwire/dates/date_words.h"

namespace epiwire::dates::internal {

int Reader::DigitValue(size_t i) const {
  if (!Digits(i) || Text(i).size() > 4) return -1;
  int value = 0;
  for (char c : Text(i)) value = value * 10 + (c - '0');
  return value;
}

int Reader::Month(size_t i, bool* abbreviated) const {
  if (!Word(i) || !Capitalised(i)) return 0;
  return MonthNumber(Text(i), abbreviated);
}

int Reader::Weekday(size_t i) const {
  if (!Word(i) || !Capitalised(i)) return -1;
  bool abbreviated = false;
  const int weekday = WeekdayNumber(Text(i), &abbreviated);
  return abbreviated ? -1 : weekday;
}

// A day of the month written with one or two digits, not part of a time or a bigger number.
int Reader::DayNumber(size_t i) const {
  if (!Digits(i) || Text(i).size() > 2) return 0;
  if ((Mark(i + 1, ':') || Mark(i + 1, '.') || Mark(i + 1, ',')) && Glued(i, i + 1) &&
      Digits(i + 2) && Glued(i + 1, i + 2)) {
    return 0;
  }
  const int day = DigitValue(i);
  return day >= 1 && day <= 31 ? day : 0;
}

int Reader::YearNumber(size_t i) const {
  if (!Digits(i) || Text(i).size() != 4) return 0;
  if (Glued(i, i + 1) && !Mark(i + 1, ',') && !Mark(i + 1, '.') && !Mark(i + 1, ')')) return 0;
  const int year = DigitValue(i);
  return year >= 1900 && year <= 2099 ? year : 0;
}

// The index of the last token of a day number: "2nd" ends at "nd".
size_t Reader::SkipOrdinalSuffix(size_t i) const {
  if (Glued(i, i + 1) &&
      (Is(i + 1, "st") || Is(i + 1, "nd") || Is(i + 1, "rd") || Is(i + 1, "th"))) {
    return i + 1;
  }
  return i;
}

// The last token of the month name at `i`: the dot of "Apr." but not a full stop after "April".
size_t Reader::SkipAbbreviationDot(size_t i) const {
  bool abbreviated = false;
  if (Month(i, &abbreviated) == 0) {
    if (!Word(i) || WeekdayNumber(Text(i), &abbreviated) < 0) return i;
  }
  return abbreviated && Mark(i + 1, '.') && Glued(i, i + 1) ? i + 1 : i;
}

// A count of units: "12", "twelve", "twenty-one", "twenty one"; 0 when none.
int Reader::CountAt(size_t i, size_t& last) const {
  last = i;
  if (Digits(i)) {
    const int value = DigitValue(i);
    return Text(i).size() <= 4 && value > 0 ? value : 0;
  }
  if (!Word(i)) return 0;
  int value = SmallNumberWord(Text(i));
  if (value >= 20 && value % 10 == 0) {
    size_t k = i + 1;
    if (Dash(k) && Glued(i, k)) ++k;
    const int unit = Word(k) ? SmallNumberWord(Text(k)) : 0;
    if (unit >= 1 && unit <= 9) {
      value += unit;
      last = k;
    }
  }
  return value;
}

// "last year" / "this year" at token `i` as a year number; 0 otherwise.
int Reader::NamedYear(size_t i) const {
  if (!published_ || !Is(i + 1, "year")) return 0;
  if (Is(i, "last")) return published_->year - 1;
  if (Is(i, "this")) return published_->year;
  return 0;
}

// "three days ago" (a day), "two months ago" (that month), "a year ago" (that day).
Core Reader::AgoAt(size_t i) const {
  if (!published_) return {};
  size_t last = i;
  const int count = Is(i, "a") || Is(i, "one") ? 1 : CountAt(i, last);
  if (count == 0) return {};
  const size_t unit_at = last + 1;
  if (!Is(unit_at + 1, "ago")) return {};
  const Date today = *published_;
  if (Is(unit_at, "day") || Is(unit_at, "days")) return Day(unit_at + 1, today.AddDays(-count));
  if (Is(unit_at, "week") || Is(unit_at, "weeks")) {
    return Day(unit_at + 1, today.AddDays(-7 * static_cast<int64_t>(count)));
  }
  if (Is(unit_at, "month") || Is(unit_at, "months")) {
    const Date then = AddMonths(today, -count);
    return Range(unit_at + 1, MonthPeriod(then.year, then.month), published_);
  }
  if (Is(unit_at, "year") || Is(unit_at, "years")) {
    return Day(unit_at + 1, AddMonths(today, -12 * count));
  }
  return {};
}

Core Reader::IsoAt(size_t i) const {
  if (!Digits(i) || Text(i).size() != 4 || !Mark(i + 1, '-') || !Digits(i + 2) ||
      Text(i + 2).size() != 2 || !Mark(i + 3, '-') || !Digits(i + 4) || Text(i + 4).size() != 2 ||
      !Glued(i, i + 1) || !Glued(i + 1, i + 2) || !Glued(i + 2, i + 3) || !Glued(i + 3, i + 4)) {
    return {};
  }
  if (i > 0 && Glued(i - 1, i) && (Digits(i - 1) || Word(i - 1) || Mark(i - 1, '-'))) return {};
  const int year = DigitValue(i);
  const int month = DigitValue(i + 2);
  const int day = DigitValue(i + 4);
  if (!Date::IsValid(year, month, day)) return {};
  return Day(i + 4, Date{year, month, day});
}

// "April 2", "April 2nd, 2020", "Apr. 2", "April 1-8", "April 2020", "April" (after a preposition).
Core Reader::MonthFirstAt(size_t i, bool after_preposition) const {
  const int month = Month(i);
  if (month == 0) return {};
  const size_t j = SkipAbbreviationDot(i);
  if (const int day = DayNumber(j + 1); day > 0) {
    size_t k = SkipOrdinalSuffix(j + 1);
    int last_day = day;
    if (Dash(k + 1) && DayNumber(k + 2) > day) {  // "April 1-8"
      last_day = DayNumber(k + 2);
      k = SkipOrdinalSuffix(k + 2);
    }
    int year = 0;
    if (Mark(k + 1, ',') && YearNumber(k + 2) > 0) {
      year = YearNumber(k + 2);
      k += 2;
    } else if (YearNumber(k + 1) > 0) {
      year = YearNumber(k + 1);
      k += 1;
    } else if (const int named = NamedYear(k + 1); named > 0) {
      year = named;
      k += 2;
    }
    if (year == 0) {
      if (!published_) return {};
      const std::optional<Date> end = LatestMonthDay(month, last_day, *published_);
      if (!end) return {};
      year = end->year;
    }
    if (!Date::IsValid(year, month, day) || !Date::IsValid(year, month, last_day)) return {};
    if (last_day == day) {
      Core core = Day(k, Date{year, month, day});
      core.has_day = true;
      return core;
    }
    return Range(k, Period{Date{year, month, day}, Date{year, month, last_day}}, published_);
  }
  if (const int year = YearNumber(j + 1); year > 0) {
    return Range(j + 1, MonthPeriod(year, month), published_);
  }
  if (const int named = NamedYear(j + 1); named > 0) {  // "February last year"
    return Range(j + 2, MonthPeriod(named, month), published_);
  }
  if (!after_preposition || !published_) return {};
  return Range(j, MonthPeriod(YearOfLatestMonth(month, *published_), month), published_);
}

// "2 April", "2nd of April 2020", "2 Apr. 2020".
Core Reader::DayFirstAt(size_t i) const {
  const int day = DayNumber(i);
  if (day == 0) return {};
  if (i > 0 && Glued(i - 1, i) && !Mark(i - 1, '(')) return {};
  size_t k = SkipOrdinalSuffix(i) + 1;
  if (Is(k, "of")) ++k;
  const int month = Month(k);
  if (month == 0) return {};
  k = SkipAbbreviationDot(k);
  int year = 0;
  if (YearNumber(k + 1) > 0) {
    year = YearNumber(k + 1);
    ++k;
  } else if (Mark(k + 1, ',') && YearNumber(k + 2) > 0) {
    year = YearNumber(k + 2);
    k += 2;
  }
  if (year == 0) {
    if (!published_) return {};
    const std::optional<Date> date = LatestMonthDay(month, day, *published_);
    if (!date) return {};
    year = date->year;
  }
  if (!Date::IsValid(year, month, day)) return {};
  Core core = Day(k, Date{year, month, day});
  core.has_day = true;
  return core;
}

// Days `first`..`last` of the month named at `month_at`, with its year if one follows.
Core Reader::WindowOfMonth(size_t month_at, int first, int last) const {
  const int month = Month(month_at);
  if (month == 0) return {};
  size_t k = SkipAbbreviationDot(month_at);
  int year = YearNumber(k + 1);
  if (year > 0) {
    ++k;
  } else if (published_) {
    year = YearOfLatestMonth(month, *published_);
  } else {
    return {};
  }
  return Range(k, MonthWindow(year, month, first, last), published_);
}

// "early April", "mid-April", "mid April", "late April 2020".
Core Reader::WindowAt(size_t i) const {
  int first = 0;
  int last = 0;
  if (Is(i, "early")) {
    first = 1, last = 10;
  } else if (Is(i, "mid")) {
    first = 11, last = 20;
  } else if (Is(i, "late")) {
    first = 21, last = 31;
  } else {
    return {};
  }
  const size_t month_at = Dash(i + 1) && Glued(i, i + 1) ? i + 2 : i + 1;
  return WindowOfMonth(month_at, first, last);
}

// "Monday" (latest on or before publication), "Monday, April 6" (the absolute date).
Core Reader::WeekdayAt(size_t i) const {
  bool abbreviated = false;
  if (!Word(i) || !Capitalised(i)) return {};
  const int weekday = WeekdayNumber(Text(i), &abbreviated);
  if (weekday < 0) return {};
  if (i > 0 && (Is(i - 1, "every") || Is(i - 1, "each"))) return {};  // a habit, not a day
  size_t k = SkipAbbreviationDot(i) + 1;
  if (Mark(k, ',')) ++k;
  Core absolute = MonthFirstAt(k, false);
  if (!absolute.ok) absolute = DayFirstAt(k);
  if (absolute.ok && absolute.kind == DateKind::kDay) return absolute;
  if (abbreviated || !published_) return {};
  return Day(i, LatestWeekday(weekday, *published_, false));
}

// "yesterday", "today", "last night", "this morning", "so far this year", "last Monday".
Core Reader::DeicticAt(size_t i) const {
  if (!published_) return {};
  const Date today = *published_;
  if (Is(i, "yesterday")) return Day(i, today.AddDays(-1));
  if (Is(i, "today") || Is(i, "tonight")) return Day(i, today);
  if (Is(i, "tomorrow")) return Day(i, today.AddDays(1));
  if (Is(i, "so") && Is(i + 1, "far") && Is(i + 2, "this")) return CalendarUnitAt(i + 3, 0);
  if (Is(i, "earlier") && Is(i + 1, "this")) return CalendarUnitAt(i + 2, 0);
  if (Is(i, "this") || Is(i, "last") || Is(i, "next")) {
    const int offset = Is(i, "this") ? 0 : Is(i, "last") ? -1 : 1;
    if (offset == -1 && Is(i + 1, "night")) return Day(i + 1, today.AddDays(-1));
    if (offset == 0 && (Is(i + 1, "morning") || Is(i + 1, "afternoon") || Is(i + 1, "evening"))) {
      return Day(i + 1, today);
    }
    if (const int weekday = Weekday(i + 1); weekday >= 0) {
      if (offset == 1) {
        const int ahead = (weekday - today.Weekday() + 7) % 7;
        return Day(i + 1, today.AddDays(ahead == 0 ? 7 : ahead));
      }
      return Day(i + 1, LatestWeekday(weekday, today, offset == -1));
    }
    if (offset == -1) {
      if (Core rolling = RollingAt(i, true); rolling.ok) return rolling;  // "last 10 days"
    }
    return CalendarUnitAt(i + 1, offset);
  }
  if (Is(i, "past")) return RollingAt(i, false);
  return {};
}

// "week", "month", "year", "weekend" after this (0) / last (-1) / next (1).
Core Reader::CalendarUnitAt(size_t i, int offset) const {
  if (!published_) return {};
  const Date today = *published_;
  if (Is(i, "week")) {
    const Date monday = today.AddDays(-today.Weekday() + 7 * offset);
    return Range(i, Period{monday, monday.AddDays(6)}, published_);
  }
  if (Is(i, "weekend")) {
    Date saturday = LatestWeekday(5, today, false);
    if (offset == -1 && saturday.AddDays(1) >= today) saturday = saturday.AddDays(-7);
    if (offset == 1) saturday = saturday.AddDays(7);
    return Range(i, Period{saturday, saturday.AddDays(1)}, published_);
  }
  if (Is(i, "month")) {
    const Date first = AddMonths(Date{today.year, today.month, 1}, offset);
    return Range(i, MonthPeriod(first.year, first.month), published_);
  }
  if (Is(i, "year")) {
    const int year = today.year + offset;
    return Range(i, Period{Date{year, 1, 1}, Date{year, 12, 31}}, published_);
  }
  return {};
}

// "past 12 days", "last twelve days", "past 24 hours", "past week" (when `needs_count` is
// false, a lone unit means one). Token `i` is "past", "last" or "previous".
Core Reader::RollingAt(size_t i, bool needs_count) const {
  size_t last = i + 1;
  int count = CountAt(i + 1, last);
  size_t unit_at = last + 1;
  if (count == 0) {
    if (needs_count) return {};
    count = 1;
    unit_at = i + 1;
    if (Is(unit_at, "days") || Is(unit_at, "weeks") || Is(unit_at, "months") ||
        Is(unit_at, "hours") || Is(unit_at, "years")) {
      return {};  // "the past few days" has no count we can use
    }
  }
  // Without the day of publication, "in the past 24 hours" is still a window back from
  // it, of days unknown: a range without dates.
  const Date today = published_.value_or(Date{2000, 1, 1});
  Date start;
  if (Is(unit_at, "day") || Is(unit_at, "days")) {
    start = today.AddDays(-count);
  } else if (Is(unit_at, "week") || Is(unit_at, "weeks")) {
    start = today.AddDays(-7 * static_cast<int64_t>(count));
  } else if (Is(unit_at, "fortnight") || Is(unit_at, "fortnights")) {
    start = today.AddDays(-14 * static_cast<int64_t>(count));
  } else if (Is(unit_at, "hour") || Is(unit_at, "hours")) {
    // "in the past 24 hours" in a report of the day: the whole days before it.
    if (!published_) return Range(unit_at, Period{}, published_);
    return Range(unit_at, Period{today.AddDays(-((count + 23) / 24)), today.AddDays(-1)},
                 published_);
  } else if (Is(unit_at, "month") || Is(unit_at, "months")) {
    start = AddMonths(today, -count);
  } else if (Is(unit_at, "year") || Is(unit_at, "years")) {
    start = AddMonths(today, -12 * count);
  } else {
    return {};
  }
  if (!published_) return Range(unit_at, Period{}, published_);
  return Range(unit_at, Period{start, today}, published_);
}

// An ordinal word or number at `i`: "sixth", "twenty-first", "12th"; 0 when none.
int Reader::OrdinalAt(size_t i) const {
  if (Digits(i) && SkipOrdinalSuffix(i) != i) return DigitValue(i);
  if (!Word(i)) return 0;
  static constexpr std::pair<std::string_view, int> kOrdinals[] = {
      {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
      {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
      {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
      {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20}};
  for (const auto& [word, value] : kOrdinals) {
    if (Is(i, word)) return value;
  }
  return 0;
}

// Cores after "the": "the past 14 days", "the previous day", "the weekend",
// "the end of April", "the beginning of the year".
Core Reader::TheAt(size_t i) const {
  if (Is(i, "whole") && Is(i + 1, "of") && YearNumber(i + 2) > 0) return YearAt(i + 2);
  // "in the 24 hours to 8am", "the 24 hours until Sunday morning": the day's report, as
  // "the past 24 hours".
  if (i > 0) {
    size_t last = i;
    if (CountAt(i, last) > 0 && Is(last + 1, "hours") &&
        (Is(last + 2, "to") || Is(last + 2, "until") || Is(last + 2, "through") ||
         Is(last + 2, "ending"))) {
      return RollingAt(i - 1, true);
    }
  }
  // "the first week of June": days 1-7 of the month; "the last week of June", its last.
  if (Is(i + 1, "week") && Is(i + 2, "of") && Month(i + 3) > 0) {
    static constexpr std::pair<std::string_view, int> kOrdinals[] = {
        {"first", 1}, {"second", 8}, {"third", 15}, {"fourth", 22}};
    for (const auto& [word, first] : kOrdinals) {
      if (Is(i, word)) return WindowOfMonth(i + 3, first, first + 6);
    }
    if (Is(i, "last") || Is(i, "final")) {
      Core month = WindowOfMonth(i + 3, 1, 31);
      if (month.ok && month.period.end) month.period.start = month.period.end->AddDays(-6);
      return month;
    }
  }
  // "the week to Sunday", "the week ending March 7": the seven days up to that day; "the
  // seven days to 8 October", "the 14 days ending Sunday", "the two weeks up to June 23",
  // "the fortnight ended May 2": as many days up to it.
  {
    size_t last = i;
    const int days = CountAt(i, last);
    const size_t unit = days > 0 ? last + 1 : i;
    const bool week = Is(unit, "week") || (days > 0 && Is(unit, "weeks"));
    const bool fortnight = days == 0 && Is(unit, "fortnight");
    const size_t link = Is(unit + 1, "up") && Is(unit + 2, "to") ? unit + 2 : unit + 1;
    if ((week || fortnight || (days > 0 && Is(unit, "days"))) &&
        (Is(link, "to") || Is(link, "ending") || Is(link, "ended") || Is(link, "through") ||
         Is(link, "until"))) {
      const Core day = CoreAt(link + 1, true);
      const int span = week ? 7 * std::max(days, 1) : fortnight ? 14 : days;
      if (day.ok && day.kind == DateKind::kDay && day.period.end) {
        return Range(day.last, Period{day.period.end->AddDays(1 - span), day.period.end},
                     published_);
      }
    }
  }
  // "the week of March 3": the seven days from that day; "the week of March 3 to 9": those.
  if (Is(i, "week") && Is(i + 1, "of")) {
    const Core day = CoreAt(i + 2, true);
    if (day.ok && day.kind == DateKind::kDay && day.has_day && day.period.start) {
      const Date first = *day.period.start;
      const size_t to = day.last + 1;
      const int until = (Is(to, "to") || Dash(to) || Is(to, "through")) ? DayNumber(to + 1) : 0;
      if (until > first.day && until - first.day <= 7) {
        return Range(to + 1, Period{first, first.AddDays(until - first.day)}, published_);
      }
      return Range(day.last, Period{first, first.AddDays(6)}, published_);
    }
  }
  // "the first two months of 2021", "the first half of 2023", "the third quarter of the
  // year": those months of the year.
  {
    int from = 0;
    int to = 0;
    size_t of = 0;
    size_t last = i + 1;
    const int ordinal = OrdinalAt(i);
    if (Is(i + 1, "half") && (ordinal == 1 || ordinal == 2)) {
      from = ordinal == 1 ? 1 : 7;
      to = from + 5;
      of = i + 2;
    } else if (Is(i + 1, "quarter") && ordinal >= 1 && ordinal <= 4) {
      from = 3 * ordinal - 2;
      to = from + 2;
      of = i + 2;
    } else if (ordinal == 1) {
      // ("the first month of 2021": one.)
      const int months = Is(i + 1, "month") ? 1 : CountAt(i + 1, last);
      if (Is(i + 1, "month")) last = i;
      if (months >= 1 && months <= 12 && Is(last + 1, months == 1 ? "month" : "months")) {
        from = 1;
        to = months;
        of = last + 2;
      }
    }
    if (from > 0 && Is(of, "of")) {
      int year = YearNumber(of + 1);
      size_t year_at = of + 1;
      if (year == 0 && published_ && (Is(of + 1, "the") || Is(of + 1, "this")) &&
          Is(of + 2, "year")) {
        year = published_->year;
        year_at = of + 2;
      }
      if (year > 0) {
        return Range(year_at, Period{MonthPeriod(year, from).start, MonthPeriod(year, to).end},
                     published_);
      }
    }
  }
  // "the sixth epidemiological week", "the 12th week of 2024": an epidemiological week.
  if (const int ordinal = OrdinalAt(i); ordinal > 0) {
    size_t k = i + 1;
    if (Is(k, "epidemiological") || Is(k, "epidemiologic") || Is(k, "epi")) ++k;
    if (Is(k, "week")) return EpiWeekOf(ordinal, k);
  }
  if (Is(i, "past") || Is(i, "last")) return RollingAt(i, false);
  if (Is(i, "previous") || Is(i, "preceding")) {
    if (!published_) return {};
    if (Is(i + 1, "day")) return Day(i + 1, published_->AddDays(-1));
    if (Core rolling = RollingAt(i, true); rolling.ok) return rolling;
    return CalendarUnitAt(i + 1, -1);
  }
  if (Is(i, "day") && Is(i + 1, "before")) {
    if (!published_) return {};
    if (Is(i + 2, "yesterday")) return Day(i + 2, published_->AddDays(-2));
    return Day(i + 1, published_->AddDays(-1));
  }
  if (Is(i, "weekend")) return CalendarUnitAt(i, 0);
  const bool start = Is(i, "beginning") || Is(i, "start");
  const bool middle = Is(i, "middle");
  const bool end = Is(i, "end");
  if (!(start || middle || end) || !Is(i + 1, "of")) return {};
  if (Month(i + 2) > 0) {
    return WindowOfMonth(i + 2, start ? 1 : middle ? 11 : 21, start ? 10 : middle ? 20 : 31);
  }
  // "the start of 2023": its first month (after "since", the year's first day).
  if (start && YearNumber(i + 2) > 0) {
    return Range(i + 2, MonthPeriod(YearNumber(i + 2), 1), published_);
  }
  if (!start || !published_ || !(Is(i + 2, "the") || Is(i + 2, "this"))) return {};
  const Date today = *published_;
  if (Is(i + 3, "year")) return Range(i + 3, MonthPeriod(today.year, 1), published_);
  if (Is(i + 3, "month")) {
    return Range(i + 3, MonthWindow(today.year, today.month, 1, 10), published_);
  }
  if (Is(i + 3, "week")) return Day(i + 3, today.AddDays(-today.Weekday()));
  return {};  // "the beginning of the pandemic" has no date
}

Core Reader::YearAt(size_t i) const {
  const int year = YearNumber(i);
  if (year == 0) return {};
  return Range(i, Period{Date{year, 1, 1}, Date{year, 12, 31}}, published_);
}

// "week 9", "epidemiological week 9", "epi week 9", "week 8 of 2023": the days of an
// ISO week (Monday to Sunday), of the year named, else of the latest year it has begun in.
Core Reader::EpiWeekAt(size_t i) const {
  size_t k = i;
  if (Is(k, "epidemiological") || Is(k, "epidemiologic") || Is(k, "epi")) ++k;
  if (!Is(k, "week") && !Is(k, "epiweek")) return {};
  // ("week six of 2024": a number word as well.)
  size_t last = k + 1;
  const int week = Digits(k + 1) ? DigitValue(k + 1) : CountAt(k + 1, last);
  return EpiWeekOf(week, last);
}

// The days of epidemiological week `week`, its words read up to `last`, and
// of the year after it ("of 2023", ", 2023"), else of the latest year it has begun in.
Core Reader::EpiWeekOf(int week, size_t last) const {
  if (week < 1 || week > 53 || !published_) return {};
  int year = 0;
  if ((Is(last + 1, "of") || Mark(last + 1, ',')) && YearNumber(last + 2) > 0) {
    year = YearNumber(last + 2);
    last += 2;
  }
  const std::optional<Period> days = EpiWeekPeriod(week, year, *published_);
  if (!days) return {};
  return Range(last, *days, published_);
}

Core Reader::CoreAt(size_t i, bool after_preposition) const {
  if (Is(i, "the")) return TheAt(i + 1);
  Core core = IsoAt(i);
  if (!core.ok) core = WeekdayAt(i);
  if (!core.ok) core = MonthFirstAt(i, after_preposition);
  if (!core.ok) core = DayFirstAt(i);
  if (!core.ok) core = WindowAt(i);
  if (!core.ok) core = EpiWeekAt(i);
  if (!core.ok && (Is(i, "end") || Is(i, "beginning") || Is(i, "start") || Is(i, "middle"))) {
    core = TheAt(i);
  }
  if (!core.ok) core = DeicticAt(i);
  if (!core.ok) core = AgoAt(i);
  if (!core.ok && after_preposition) core = YearAt(i);
  // "in all of 2022", "in the whole of 2022": the year.
  if (!core.ok && after_preposition && Is(i, "all") && Is(i + 1, "of")) core = YearAt(i + 2);
  return core;
}

}  // namespace epiwire::dates::internal
