// SPDX-License-Identifier: MIT
// Date expressions read with a loaded language grammar (date_grammar.h); a null grammar
// goes to the built-in English reader. Tested by date_grammar_test.cc.
//
// As in the English reader, each token may start a mention: a preposition from the
// lexicon (since, from, until, as of, between, or a plain one such as "le", "v", "yu")
// and a core after it, or a bare core. Cores:
//   numeric   2020-04-08 | 19.02.2019 | 25/02/2020 | 2020/3/20
//   marked    [Y marker] [M marker] [D marker] [clock]   (Chinese: year, month, day markers)
//   day first D [suffix] [link] Month [[link] Y [year word]]   ("1er mars", "19 de abril de 2020")
//   weekday   [this|last] Weekday [last-after] | Weekday D Month   ("el pasado viernes", "mardi 25
//   fevrier") month     Month [link] Y | Month (after a preposition) | part [link] Month [Y] ("fin
//   octobre") phrases   day offsets ("hier"), calendar units ("la semaine derniere"), windows with
//   a
//             count ("ces dernieres # heures"), epidemiological weeks ("S#", "di # zhou")
//   year      Y [year word], after a preposition only
// A core followed by a range word and a second core is a range ("3 yue 21 ri zhi 4 yue 7 ri",
// "s 19.02.2019 po 11.03.2019"); a day number alone may open one ("du 3 au 5 mars").
// Words after a core may turn it into "since" or "until" ("1 yue yi lai", "... wei zhi").
#include <algorithm>
#include <vector>

#include "epiwire/base/phrase_table.h"
#include "epiwire/base/script_scan.h"
#include "epiwire/dates/calendar.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/dates/date_grammar.h"
#include "epiwire/dates/date_lexicon.h"
#include "epiwire/dates/reader.h"
#include "epiwire/quantity/number_grammar.h"

namespace epiwire::dates {
namespace internal {
namespace {

using script_scan::PhraseTable;
using script_scan::ScriptView;
using Hit = PhraseTable::Hit;

class LangReader {
 public:
  LangReader(const DateGrammar& grammar, const ScriptView& view, std::optional<Date> published)
      : lex_(grammar.lexicon()),
        numbers_(grammar.numbers()),
        v_(view),
        index_(lex_.phrases, view),
        published_(published),
        counts_(view.size()) {
    slot_ = [this](const ScriptView&, size_t i, size_t& last, int64_t& value) {
      return ReadCount(i, last, value);
    };
  }

  std::optional<DateMention> MentionAt(size_t i, size_t& last) const;

 private:
  template <typename... Roles>
  std::optional<Hit> Find(size_t i, Roles... roles) const {
    return lex_.phrases.Longest(v_, index_, i, &slot_, [&](uint32_t payload) {
      const DateRole role = lex_.entries[payload].role;
      return ((role == roles) || ...);
    });
  }
  const DateEntry& Entry(const Hit& hit) const { return lex_.entries[hit.payload]; }
  // Whether a date may start at token i: every reading starts with digits or a phrase of
  // the lexicon, and most tokens of a sentence hold neither.
  bool MayStartAt(size_t i) const {
    size_t last = 0;
    int64_t value = 0;
    return v_.Digits(i) || index_.At(i) != nullptr ||
           (lex_.phrases.HasSlotFirst() && ReadCount(i, last, value));
  }

  // The count at token i, read once: every phrase with a slot asks at every token.
  bool ReadCount(size_t i, size_t& last, int64_t& value) const;
  bool ReadCountOnce(size_t i, size_t& last, int64_t& value) const;
  int DayNumber(size_t i) const;
  int YearNumber(size_t i) const;
  size_t SkipYearWord(size_t k) const;

  Core CoreAt(size_t i, bool after_preposition) const;
  Core CoreAfterArticle(size_t i) const;
  Core NumericAt(size_t i) const;
  Core MarkedAt(size_t i) const;
  Core ClockAfter(Core core) const;
  Core CalendarDay(size_t last, int year, int month, int day) const;
  Core DayFirstAt(size_t i) const;
  Core WeekdayAt(size_t i, bool after_preposition) const;
  Core MonthAt(size_t i, bool after_preposition) const;
  Core MonthPartAt(size_t i) const;
  Core YearPartAt(size_t i, int year) const;
  Core PhraseAt(size_t i) const;
  Core YearAt(size_t i) const;
  Core RangeAfter(const Core& first) const;

  const DateLexicon& lex_;
  const quantity::NumberGrammar* numbers_;
  const ScriptView& v_;
  const PhraseTable::Index index_;
  std::optional<Date> published_;
  PhraseTable::SlotReader slot_;
  struct Count {
    enum class State : unsigned char { kUnread, kNone, kRead } state = State::kUnread;
    size_t last = 0;
    int64_t value = 0;
  };
  mutable std::vector<Count> counts_;  // by token
};

bool LangReader::ReadCount(size_t i, size_t& last, int64_t& value) const {
  if (i >= counts_.size()) return ReadCountOnce(i, last, value);
  Count& count = counts_[i];
  if (count.state == Count::State::kUnread) {
    count.state = ReadCountOnce(i, count.last, count.value) ? Count::State::kRead
                                                            : Count::State::kNone;
  }
  if (count.state == Count::State::kNone) return false;
  last = count.last;
  value = count.value;
  return true;
}

bool LangReader::ReadCountOnce(size_t i, size_t& last, int64_t& value) const {
  if (v_.Digits(i)) {
    value = v_.DigitValue(i);
    last = i;
    return v_.Key(i).size() <= 4 && value > 0;
  }
  if (numbers_ == nullptr || i >= v_.size() || v_.Kind(i, script_scan::TokenKind::kMark)) {
    return false;
  }
  const auto number = numbers_->ReadAt(v_, i);
  if (!number || number->first <= 0 || number->first > 9999) return false;
  value = number->first;
  last = number->second;
  return true;
}

int LangReader::DayNumber(size_t i) const {
  if (!v_.Digits(i) || v_.Key(i).size() > 2) return 0;
  for (char mark : {':', '.', ','}) {
    if (v_.Mark(i + 1, mark) && v_.Glued(i, i + 1) && v_.Digits(i + 2) && v_.Glued(i + 1, i + 2)) {
      return 0;
    }
  }
  const int64_t day = v_.DigitValue(i);
  return day >= 1 && day <= 31 ? static_cast<int>(day) : 0;
}

int LangReader::YearNumber(size_t i) const {
  if (!v_.Digits(i) || v_.Key(i).size() != 4) return 0;
  if (v_.Glued(i, i + 1) && v_.Alnum(i + 1) && !Find(i + 1, DateRole::kYearWord)) return 0;
  const int64_t year = v_.DigitValue(i);
  return year >= 1900 && year <= 2099 ? static_cast<int>(year) : 0;
}

size_t LangReader::SkipYearWord(size_t k) const {
  const auto word = Find(k + 1, DateRole::kYearWord);
  return word ? word->last : k;
}

// 2020-04-08, 19.02.2019, 25/02/2020, 2020/3/20.
Core LangReader::NumericAt(size_t i) const {
  if (!v_.Digits(i) || (i > 0 && v_.Glued(i - 1, i) && v_.Alnum(i - 1))) return {};
  for (char mark : {'-', '.', '/'}) {
    const bool shape = v_.Mark(i + 1, mark) && v_.Mark(i + 3, mark) && v_.Digits(i + 2) &&
                       v_.Digits(i + 4) && v_.Glued(i, i + 1) && v_.Glued(i + 1, i + 2) &&
                       v_.Glued(i + 2, i + 3) && v_.Glued(i + 3, i + 4);
    if (!shape) continue;
    const int64_t a = v_.DigitValue(i);
    const int64_t b = v_.DigitValue(i + 2);
    const int64_t c = v_.DigitValue(i + 4);
    int year = 0, month = 0, day = 0;
    if (v_.Key(i).size() == 4 && v_.Key(i + 2).size() <= 2 && v_.Key(i + 4).size() <= 2) {
      year = static_cast<int>(a), month = static_cast<int>(b), day = static_cast<int>(c);
    } else if (mark != '-' && v_.Key(i).size() <= 2 && v_.Key(i + 2).size() <= 2 &&
               v_.Key(i + 4).size() == 4) {
      year = static_cast<int>(c), month = static_cast<int>(b), day = static_cast<int>(a);
    } else {
      return {};
    }
    if (v_.Glued(i + 4, i + 5) && v_.Alnum(i + 5)) return {};
    if (!Date::IsValid(year, month, day)) return {};
    Core core = Day(i + 4, Date{year, month, day});
    core.has_day = true;
    return core;
  }
  return {};
}

// After a day: "24 shi", "xia wu 5 shi", "17 shi 30 fen" belong to the date.
Core LangReader::ClockAfter(Core core) const {
  size_t k = core.last + 1;
  if (const auto prefix = Find(k, DateRole::kClockPrefix)) k = prefix->last + 1;
  if (!v_.Digits(k) || v_.Key(k).size() > 2) return core;
  if (const auto marker = Find(k + 1, DateRole::kClockMarker)) core.last = marker->last;
  return core;
}

// Chinese: "2020 nian 4 yue 8 ri", "4 yue 8 ri", "8 ri", "3 yue", "2020 nian", "4 yue xia xun".
Core LangReader::MarkedAt(size_t i) const {
  if (!v_.Digits(i) || (i > 0 && v_.Glued(i - 1, i) && v_.Alnum(i - 1))) return {};
  size_t k = i;
  int year = 0, month = 0, day = 0;
  const auto marked = [&](DateRole role, int low, int high) {
    if (!v_.Digits(k) || v_.Key(k).size() > (role == DateRole::kYearMarker ? 4u : 2u)) return 0;
    const int64_t value = v_.DigitValue(k);
    if (value < low || value > high) return 0;
    const auto marker = Find(k + 1, role);
    if (!marker) return 0;
    k = marker->last + 1;
    return static_cast<int>(value);
  };
  year = marked(DateRole::kYearMarker, 1900, 2099);
  month = marked(DateRole::kMonthMarker, 1, 12);
  if (month > 0 || year == 0) day = marked(DateRole::kDayMarker, 1, 31);
  const size_t last = k - 1;
  if (year > 0 && month == 0) {
    if (Core part = YearPartAt(last + 1, year); part.ok) return part;
    return Range(last, Period{Date{year, 1, 1}, Date{year, 12, 31}}, published_);
  }
  if (month > 0 && day == 0) {
    if (year == 0) {
      if (!published_) return {};
      year = YearOfLatestMonth(month, *published_);
    }
    if (const auto part = Find(last + 1, DateRole::kMonthPart)) {
      return Range(part->last, MonthWindow(year, month, Entry(*part).value, Entry(*part).second),
                   published_);
    }
    return Range(last, MonthPeriod(year, month), published_);
  }
  if (day == 0) return {};
  if (month == 0) {  // "8 ri": the latest such day not after publication
    if (!published_) return {};
    Date month_start{published_->year, published_->month, 1};
    if (day > published_->day) month_start = AddMonths(month_start, -1);
    year = month_start.year;
    month = month_start.month;
  }
  const Core core = CalendarDay(last, year, month, day);
  return core.ok ? ClockAfter(core) : core;
}

// Day `day` of `month` in `year`, or in the latest such month when `year` is 0.
Core LangReader::CalendarDay(size_t last, int year, int month, int day) const {
  std::optional<Date> date;
  if (year == 0) {
    if (!published_) return {};
    date = LatestMonthDay(month, day, *published_);
  } else if (Date::IsValid(year, month, day)) {
    date = Date{year, month, day};
  }
  if (!date) return {};
  Core core = Day(last, *date);
  core.has_day = true;
  return core;
}

// "8 aprelya", "1er mars", "19 de abril de 2020", "8 aprelya 2020 goda".
Core LangReader::DayFirstAt(size_t i) const {
  const int day = DayNumber(i);
  if (day == 0 || (i > 0 && v_.Glued(i - 1, i) && !v_.Mark(i - 1, '('))) return {};
  size_t k = i;
  if (const auto suffix = Find(k + 1, DateRole::kDaySuffix); suffix && v_.Glued(k, k + 1)) {
    k = suffix->last;
  }
  if (const auto link = Find(k + 1, DateRole::kDayLink)) k = link->last;
  const auto month_hit = Find(k + 1, DateRole::kMonth);
  if (!month_hit) return {};
  const int month = Entry(*month_hit).value;
  k = month_hit->last;
  int year = 0;
  size_t year_at = k + 1;
  if (const auto link = Find(year_at, DateRole::kDayLink)) year_at = link->last + 1;
  if (const int y = YearNumber(year_at); y > 0) {
    year = y;
    k = SkipYearWord(year_at);
  }
  return CalendarDay(k, year, month, day);
}

// "mardi", "ce mardi", "el pasado viernes", "mardi dernier", "mardi 25 fevrier".
Core LangReader::WeekdayAt(size_t i, bool after_preposition) const {
  size_t k = i;
  bool strictly = false;
  if (const auto modifier = Find(k, DateRole::kWeekdayThis, DateRole::kWeekdayLast)) {
    if (Find(modifier->last + 1, DateRole::kWeekday)) {
      strictly = Entry(*modifier).role == DateRole::kWeekdayLast;
      k = modifier->last + 1;
    }
  }
  const auto weekday = Find(k, DateRole::kWeekday);
  if (!weekday) return {};
  if (Entry(*weekday).needs_preposition && !after_preposition && k == i) return {};
  size_t after = weekday->last + 1;
  if (v_.Mark(after, ',')) ++after;
  Core absolute = DayFirstAt(after);
  if (!absolute.ok) absolute = NumericAt(after);
  if (absolute.ok) return absolute;
  size_t last = weekday->last;
  if (const auto later = Find(last + 1, DateRole::kWeekdayLastAfter)) {
    strictly = true;
    last = later->last;
  }
  if (!published_) return {};
  return Day(last, LatestWeekday(Entry(*weekday).value, *published_, strictly));
}

// "octobre 2021", "marzo de 2025", "v aprele" (a month alone only after a preposition).
Core LangReader::MonthAt(size_t i, bool after_preposition) const {
  const auto hit = Find(i, DateRole::kMonth);
  if (!hit) return {};
  const int month = Entry(*hit).value;
  size_t year_at = hit->last + 1;
  if (const auto link = Find(year_at, DateRole::kDayLink)) year_at = link->last + 1;
  if (const int year = YearNumber(year_at); year > 0) {
    return Range(SkipYearWord(year_at), MonthPeriod(year, month), published_);
  }
  if (!after_preposition || !published_) return {};
  return Range(hit->last, MonthPeriod(YearOfLatestMonth(month, *published_), month), published_);
}

// "fin octobre 2021", "mi-fevrier", "finales de marzo", "v kontse marta".
Core LangReader::MonthPartAt(size_t i) const {
  const auto part = Find(i, DateRole::kMonthPart);
  if (!part) return {};
  size_t k = part->last + 1;
  if (const auto link = Find(k, DateRole::kDayLink)) k = link->last + 1;
  const auto month_hit = Find(k, DateRole::kMonth);
  if (!month_hit) return {};
  const int month = Entry(*month_hit).value;
  size_t last = month_hit->last;
  int year = YearNumber(last + 1);
  if (year > 0) {
    last = SkipYearWord(last + 1);
  } else if (published_) {
    year = YearOfLatestMonth(month, *published_);
  } else {
    return {};
  }
  return Range(last, MonthWindow(year, month, Entry(*part).value, Entry(*part).second), published_);
}

// "primer semestre de 2024", "les deux premiers mois de 2024", "первое полугодие 2024
// года", and after a year ("2024年上半年": `year` given): those months of the year; with no
// year, of the year of publication.
Core LangReader::YearPartAt(size_t i, int year) const {
  const auto part = Find(i, DateRole::kYearPart);
  if (!part) return {};
  const DateEntry& e = Entry(*part);
  const int64_t last_month = e.second > 0 ? e.second : part->slot_value;
  if (last_month < e.value || last_month > 12) return {};
  size_t last = part->last;
  if (year == 0) {
    size_t k = last + 1;
    if (const auto link = Find(k, DateRole::kDayLink)) k = link->last + 1;
    year = YearNumber(k);
    if (year > 0) {
      last = SkipYearWord(k);
    } else if (published_) {
      year = published_->year;
    } else {
      return {};
    }
  }
  return Range(
      last,
      Period{MonthPeriod(year, e.value).start, MonthPeriod(year, static_cast<int>(last_month)).end},
      published_);
}

// Day offsets, calendar units, windows back from publication, epidemiological weeks.
Core LangReader::PhraseAt(size_t i) const {
  const auto hit = Find(i, DateRole::kDayOffset, DateRole::kCalendar, DateRole::kWindow,
                        DateRole::kEpiWeek, DateRole::kAgo);
  if (!hit) return {};
  const DateEntry& e = Entry(*hit);
  // Without the day of publication, "за последние сутки" is still a window back from it,
  // of days unknown: a range without dates.
  if (!published_) {
    return e.role == DateRole::kWindow && e.unit != Unit::kNone
               ? Range(hit->last, Period{}, published_)
               : Core{};
  }
  const Date today = *published_;
  switch (e.role) {
    case DateRole::kDayOffset:
      return Day(hit->last, today.AddDays(e.value));
    case DateRole::kCalendar:
      if (e.unit == Unit::kWeek) {
        const Date monday = today.AddDays(-today.Weekday() + 7 * e.second);
        return Range(hit->last, Period{monday, monday.AddDays(6)}, published_);
      }
      if (e.unit == Unit::kMonth) {
        const Date first = AddMonths(Date{today.year, today.month, 1}, e.second);
        return Range(hit->last, MonthPeriod(first.year, first.month), published_);
      }
      if (e.unit == Unit::kYear) {
        const int year = today.year + e.second;
        return Range(hit->last, Period{Date{year, 1, 1}, Date{year, 12, 31}}, published_);
      }
      return {};
    case DateRole::kWindow: {
      const int64_t count = hit->slot_value > 0 ? hit->slot_value : e.second;
      Date start = today;
      switch (e.unit) {
        case Unit::kHour:
          // "las últimas 24 horas" in a report of the day: the whole days before it.
          return Range(hit->last, Period{today.AddDays(-((count + 23) / 24)), today.AddDays(-1)},
                       published_);
        case Unit::kDay:
          start = today.AddDays(-count);
          break;
        case Unit::kWeek:
          start = today.AddDays(-7 * count);
          break;
        case Unit::kMonth:
          start = AddMonths(today, -static_cast<int>(count));
          break;
        case Unit::kYear:
          start = AddMonths(today, -12 * static_cast<int>(count));
          break;
        case Unit::kNone:
          return {};
      }
      return Range(hit->last, Period{start, today}, published_);
    }
    case DateRole::kAgo: {  // "hace 9 dias" (that day), "il y a deux mois" (that month)
      const int64_t count = hit->slot_value > 0 ? hit->slot_value : e.second;
      switch (e.unit) {
        case Unit::kHour:
          return Day(hit->last, today.AddDays(-((count + 23) / 24)));
        case Unit::kDay:
          return Day(hit->last, today.AddDays(-count));
        case Unit::kWeek:
          return Day(hit->last, today.AddDays(-7 * count));
        case Unit::kMonth: {
          const Date then = AddMonths(today, -static_cast<int>(count));
          return Range(hit->last, MonthPeriod(then.year, then.month), published_);
        }
        case Unit::kYear:
          return Day(hit->last, AddMonths(today, -12 * static_cast<int>(count)));
        case Unit::kNone:
          return {};
      }
      return {};
    }
    case DateRole::kEpiWeek: {
      const int64_t week = hit->slot_value;
      if (week < 1 || week > 53) return {};
      // ("sunday" in the row's third column: the weeks of the Americas.)
      const auto days = EpiWeekPeriod(static_cast<int>(week), 0, today, e.value == 1);
      if (!days) return {};
      return Range(hit->last, *days, published_);
    }
    default:
      return {};
  }
}

Core LangReader::YearAt(size_t i) const {
  const int year = YearNumber(i);
  if (year == 0) return {};
  return Range(SkipYearWord(i), Period{Date{year, 1, 1}, Date{year, 12, 31}}, published_);
}

Core LangReader::CoreAt(size_t i, bool after_preposition) const {
  Core core = NumericAt(i);
  if (!core.ok) core = MarkedAt(i);
  if (!core.ok) core = WeekdayAt(i, after_preposition);
  if (!core.ok) core = DayFirstAt(i);
  if (!core.ok) core = MonthAt(i, after_preposition);
  if (!core.ok) core = MonthPartAt(i);
  if (!core.ok) core = YearPartAt(i, 0);
  if (!core.ok) core = PhraseAt(i);
  if (!core.ok && after_preposition) core = YearAt(i);
  return core;
}

// A core, or an article and a core ("depuis le 1er mars", "hasta el 15 de marzo").
Core LangReader::CoreAfterArticle(size_t i) const {
  Core core = CoreAt(i, true);
  if (core.ok) return core;
  if (const auto article = Find(i, DateRole::kPlain)) return CoreAt(article->last + 1, true);
  return {};
}

// "X au Y", "X zhi Y", "X po Y": the range when a second core follows a range word.
Core LangReader::RangeAfter(const Core& first) const {
  const auto joint = Find(first.last + 1, DateRole::kRangeTo);
  if (!joint || !first.period.start) return {};
  const Core second = CoreAfterArticle(joint->last + 1);
  if (!second.ok || !second.period.end) return {};
  const Date start = StartInYearOfEnd(*first.period.start, *second.period.end);
  if (*second.period.end < start) return {};
  return Range(second.last, Period{start, second.period.end}, published_);
}

std::optional<DateMention> LangReader::MentionAt(size_t i, size_t& last) const {
  if (!MayStartAt(i)) return std::nullopt;
  Core core;
  DateRole role = DateRole::kPlain;
  size_t core_at = i;
  if (const auto preposition = Find(i, DateRole::kSince, DateRole::kFrom, DateRole::kUntil,
                                    DateRole::kAsOf, DateRole::kBetween, DateRole::kPlain)) {
    core_at = preposition->last + 1;
    role = Entry(*preposition).role;
    const bool opens_range = role != DateRole::kUntil && role != DateRole::kAsOf;
    // "entre enero y marzo de 2025": a month without a year takes the year of the end.
    const auto month = Find(core_at, DateRole::kMonth);
    const auto month_joint = month ? Find(month->last + 1, DateRole::kRangeTo) : std::nullopt;
    if (month_joint && opens_range) {
      const Core second = CoreAfterArticle(month_joint->last + 1);
      if (second.ok && second.period.end) {
        const Date end = *second.period.end;
        const int first_month = Entry(*month).value;
        const int year = first_month <= end.month ? end.year : end.year - 1;
        core = Range(second.last, Period{Date{year, first_month, 1}, end}, published_);
        role = DateRole::kPlain;
      }
    }
    if (!core.ok) core = CoreAfterArticle(core_at);
    if (!core.ok) role = DateRole::kPlain;
    // ("au premier semestre 2024": "au" of a part of a year is "in", not "as of".)
    if (core.ok && role == DateRole::kAsOf && Find(core_at, DateRole::kYearPart)) {
      role = DateRole::kPlain;
    }
    // "du 3 au 5 mars": a day number opens a range closed by a full date.
    const int day = DayNumber(core_at);
    if (!core.ok && day > 0 && opens_range) {
      size_t k = core_at;
      if (const auto suffix = Find(k + 1, DateRole::kDaySuffix); suffix && v_.Glued(k, k + 1)) {
        k = suffix->last;
      }
      const auto joint = Find(k + 1, DateRole::kRangeTo);
      const Core second = joint ? CoreAfterArticle(joint->last + 1) : Core{};
      if (second.ok && second.has_day) {
        const Date end = *second.period.end;
        if (Date::IsValid(end.year, end.month, day) && Date{end.year, end.month, day} <= end) {
          core = Range(second.last, Period{Date{end.year, end.month, day}, end}, published_);
          role = DateRole::kPlain;
        }
      }
    }
  }
  if (!core.ok) {
    core = CoreAt(i, false);
    role = DateRole::kPlain;
    if (!core.ok) return std::nullopt;
  }
  DateMention mention;
  mention.start = v_.token(i).start;
  mention.kind = core.kind;
  mention.period = core.period;
  last = core.last;
  switch (role) {
    case DateRole::kUntil:
    case DateRole::kAsOf:
      mention.kind = DateKind::kUntil;
      mention.period = Period{std::nullopt, core.period.end};
      break;
    case DateRole::kSince:
    case DateRole::kFrom:
    case DateRole::kBetween:
    case DateRole::kPlain:
      if (const Core range = RangeAfter(core); range.ok) {
        last = range.last;
        mention.kind = DateKind::kRange;
        mention.period = range.period;
      } else if (role == DateRole::kSince) {
        mention.kind = DateKind::kSince;
        mention.period = Period{core.period.start, published_};
      } else if (role == DateRole::kBetween) {
        return std::nullopt;
      }
      break;
    default:
      break;
  }
  if (const auto after = Find(last + 1, DateRole::kSinceAfter, DateRole::kUntilAfter)) {
    if (Entry(*after).role == DateRole::kSinceAfter && mention.kind != DateKind::kUntil) {
      mention.kind = DateKind::kSince;
      mention.period = Period{mention.period.start, published_};
      last = after->last;
    } else if (Entry(*after).role == DateRole::kUntilAfter) {
      mention.kind = DateKind::kUntil;
      mention.period = Period{std::nullopt, mention.period.end};
      last = after->last;
    }
  }
  mention.end = v_.token(last).end;
  return mention;
}

}  // namespace
}  // namespace internal

std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const DateGrammar* grammar) {
  if (grammar == nullptr) return FindDates(text, published);
  script_scan::Tokens tokens;
  script_scan::Tokenize(text, tokens);
  return FindDates(text, published, *grammar, tokens);
}

std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const DateGrammar& grammar, const script_scan::Tokens& tokens) {
  const script_scan::ScriptView view(text, tokens);
  const internal::LangReader reader(grammar, view, published);
  return internal::CollectMentions(reader, view.size());
}

}  // namespace epiwire::dates
