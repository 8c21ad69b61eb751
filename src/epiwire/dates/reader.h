// SPDX-License-Identifier: MIT
// Internal to the dates stage; the public API is date_expressions.h.
// The reader that walks tokens and resolves date expressions against a publication date.
#ifndef EPIWIRE_DATES_READER_H_
#define EPIWIRE_DATES_READER_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/dates/calendar.h"
#include "epiwire/dates/date_expressions.h"
#include "epiwire/dates/scan.h"
#include "epiwire/model/date.h"

namespace epiwire::dates::internal {

struct Core {
  bool ok = false;
  size_t last = 0;  // last token used
  Period period;
  DateKind kind = DateKind::kDay;
  bool has_day = false;  // a calendar day with a month ("April 2"), for "from April 1 to 8"
};

inline Core Day(size_t last, Date date) {
  Core core;
  core.ok = true;
  core.last = last;
  core.period = Period::Day(date);
  core.kind = DateKind::kDay;
  return core;
}

inline Core Range(size_t last, Period period, std::optional<Date> published) {
  Core core;
  core.ok = true;
  core.last = last;
  core.period = ClipToPublished(period, published);
  core.kind = DateKind::kRange;
  return core;
}

// The start of a range whose first date took the year of publication and whose second
// names an earlier year ("between January and June 2020", "entre janvier et août 2020"):
// the first in the second's year; `start` itself when the range already holds.
inline Date StartInYearOfEnd(Date start, Date end) {
  if (end >= start || start.year <= end.year) return start;
  if (!Date::IsValid(end.year, start.month, start.day)) return start;
  const Date moved{end.year, start.month, start.day};
  return moved <= end ? moved : start;
}

// Every mention `reader.MentionAt` finds over `token_count` tokens, left to right,
// without overlap.
template <typename MentionReader>
std::vector<DateMention> CollectMentions(const MentionReader& reader, size_t token_count) {
  std::vector<DateMention> found;
  for (size_t i = 0; i < token_count;) {
    size_t last = i;
    if (std::optional<DateMention> mention = reader.MentionAt(i, last)) {
      found.push_back(*mention);
      i = last + 1;
    } else {
      ++i;
    }
  }
  return found;
}

class Reader : public TokenView {
 public:
  Reader(std::string_view text, const std::vector<Token>& tokens, std::optional<Date> published)
      : TokenView(text, tokens), published_(published) {}

  // A mention starting at token `i`, with its preposition when it has one; `last` is set to
  // the last token used. Defined in date_expressions.cc.
  std::optional<DateMention> MentionAt(size_t i, size_t& last) const;

  // A date expression without a preposition at token `i`. Bare months and years are taken
  // only `after_preposition`.
  Core CoreAt(size_t i, bool after_preposition) const;

  int DigitValue(size_t i) const;
  int Month(size_t i, bool* abbreviated = nullptr) const;
  int Weekday(size_t i) const;
  int DayNumber(size_t i) const;
  int YearNumber(size_t i) const;
  size_t SkipOrdinalSuffix(size_t i) const;
  size_t SkipAbbreviationDot(size_t i) const;
  int CountAt(size_t i, size_t& last) const;
  int NamedYear(size_t i) const;

 private:
  // Cores.
  Core IsoAt(size_t i) const;
  Core MonthFirstAt(size_t i, bool after_preposition) const;
  Core DayFirstAt(size_t i) const;
  Core WindowAt(size_t i) const;
  Core WindowOfMonth(size_t month_at, int first, int last) const;
  Core WeekdayAt(size_t i) const;
  Core DeicticAt(size_t i) const;
  Core CalendarUnitAt(size_t i, int offset) const;
  Core RollingAt(size_t i, bool needs_count) const;
  Core TheAt(size_t i) const;
  Core YearAt(size_t i) const;
  Core AgoAt(size_t i) const;
  Core EpiWeekAt(size_t i) const;
  Core EpiWeekOf(int week, size_t last) const;
  int OrdinalAt(size_t i) const;

  std::optional<Date> published_;
};

}  // namespace epiwire::dates::internal

#endif  // EPIWIRE_DATES_READER_H_
