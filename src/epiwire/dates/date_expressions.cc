// SPDX-License-Identifier: MIT
// Finds and resolves date expressions: prepositions around the cores read in reader.cc.
// Tested by date_expressions_test.cc.
#include "epiwire/dates/date_expressions.h"

#include "epiwire/dates/date_words.h"
#include "epiwire/dates/reader.h"

namespace epiwire::dates {
namespace internal {
namespace {

enum class Preposition { kNone, kPlain, kSince, kUntil, kFrom, kBetween };

// "since X" runs until publication; an X after it (a year to come, or a wrong one)
// leaves the end open rather than make a period that ends before it starts (found
// by fuzz_dates).
Period SincePeriod(std::optional<Date> start, std::optional<Date> published) {
  if (start && published && *published < *start) return Period{start, std::nullopt};
  return Period{start, published};
}

}  // namespace

std::optional<DateMention> Reader::MentionAt(size_t i, size_t& last) const {
  if (!Digits(i) && !(Word(i) && MayStartDate(Text(i)))) return std::nullopt;
  Preposition preposition = Preposition::kNone;
  size_t core_at = i + 1;
  if ((Is(i, "as") && Is(i + 1, "of")) ||
      (Is(i, "up") && (Is(i + 1, "to") || Is(i + 1, "until")))) {
    preposition = Preposition::kUntil;
    core_at = i + 2;
  } else if (Is(i, "by") || Is(i, "until") || Is(i, "till") || Is(i, "through")) {
    preposition = Preposition::kUntil;
  } else if (Is(i, "since")) {
    preposition = Preposition::kSince;
  } else if (Is(i, "from")) {
    preposition = Preposition::kFrom;
  } else if (Is(i, "between")) {
    preposition = Preposition::kBetween;
  } else if (Is(i, "on") || Is(i, "in") || Is(i, "during") || Is(i, "over") || Is(i, "for") ||
             Is(i, "within") || Is(i, "throughout") || Is(i, "at")) {
    preposition = Preposition::kPlain;
  }

  DateMention mention;
  mention.start = token(i).start;
  if (preposition == Preposition::kNone) {
    const Core core = CoreAt(i, false);
    if (!core.ok) return std::nullopt;
    // "(27 February to 5 March)": two days of the month joined, a range.
    if (core.has_day && core.period.start &&
        (Is(core.last + 1, "to") || Is(core.last + 1, "through") || Dash(core.last + 1))) {
      const Core second = CoreAt(core.last + 2, true);
      if (second.ok && second.has_day && second.period.end) {
        const Date start = StartInYearOfEnd(*core.period.start, *second.period.end);
        if (*second.period.end >= start) {
          last = second.last;
          mention.end = token(last).end;
          mention.kind = DateKind::kRange;
          mention.period = ClipToPublished(Period{start, second.period.end}, published_);
          return mention;
        }
      }
    }
    last = core.last;
    mention.end = token(last).end;
    mention.kind = core.kind;
    mention.period = core.period;
    return mention;
  }

  // "from 19 to 25 February", "between 19 and 25 February": a bare day, then a day of
  // the month that both are in.
  if (preposition == Preposition::kFrom || preposition == Preposition::kBetween) {
    const int day = DayNumber(core_at);
    const size_t joint = SkipOrdinalSuffix(core_at) + 1;
    const bool joined = preposition == Preposition::kBetween
                            ? Is(joint, "and") || Dash(joint)
                            : Is(joint, "to") || Is(joint, "until") || Dash(joint);
    if (day > 0 && joined && !CoreAt(core_at, true).ok) {
      const Core second = CoreAt(joint + 1, true);
      if (second.ok && second.has_day && second.period.start) {
        const Date end = *second.period.start;
        if (Date::IsValid(end.year, end.month, day) && day <= end.day) {
          last = second.last;
          mention.start = token(i).start;
          mention.end = token(last).end;
          mention.kind = DateKind::kRange;
          mention.period = ClipToPublished(Period{Date{end.year, end.month, day}, end}, published_);
          return mention;
        }
      }
    }
  }
  // "1,262 deaths and 38,927 infections in 24 hours", "over 48 hours": a report's window
  // of whole days before the day of publication, as "in the past 24 hours" (not "in 12
  // hours", nor "within 24 hours", which sets a time limit).
  if (preposition == Preposition::kPlain && (Is(i, "in") || Is(i, "over"))) {
    size_t count_last = core_at;
    const int hours = CountAt(core_at, count_last);
    if (hours > 0 && hours % 24 == 0 && Is(count_last + 1, "hours")) {
      const Core rolling = RollingAt(i, true);
      if (rolling.ok) {
        last = rolling.last;
        mention.kind = rolling.kind;
        mention.period = rolling.period;
        mention.end = token(last).end;
        return mention;
      }
    }
  }
  const Core core = CoreAt(core_at, true);
  if (!core.ok) return std::nullopt;
  last = core.last;
  mention.kind = core.kind;
  mention.period = core.period;
  switch (preposition) {
    case Preposition::kSince:
      mention.kind = DateKind::kSince;
      mention.period = SincePeriod(core.period.start, published_);
      break;
    case Preposition::kUntil:
      mention.kind = DateKind::kUntil;
      mention.period = Period{std::nullopt, core.period.end};
      break;
    case Preposition::kFrom:
    case Preposition::kBetween: {
      const size_t joint = core.last + 1;
      const bool joined = preposition == Preposition::kBetween
                              ? Is(joint, "and") || Dash(joint)
                              : Is(joint, "to") || Is(joint, "until") || Is(joint, "till") ||
                                    Is(joint, "through") || Dash(joint);
      Core second;
      if (joined) {
        second = CoreAt(joint + 1, true);
        const int day = DayNumber(joint + 1);
        if (!second.ok && core.has_day && day > 0) {  // "from April 1 to 8"
          const Date first = *core.period.start;
          if (Date::IsValid(first.year, first.month, day)) {
            second = Day(SkipOrdinalSuffix(joint + 1), Date{first.year, first.month, day});
          }
        }
      }
      const std::optional<Date> start =
          second.ok && second.period.end && core.period.start
              ? std::optional<Date>(StartInYearOfEnd(*core.period.start, *second.period.end))
              : std::nullopt;
      if (start && *second.period.end >= *start) {
        last = second.last;
        mention.kind = DateKind::kRange;
        mention.period = ClipToPublished(Period{start, second.period.end}, published_);
      } else if (preposition == Preposition::kFrom) {
        mention.kind = DateKind::kSince;
        mention.period = SincePeriod(core.period.start, published_);
      } else {
        return std::nullopt;
      }
      break;
    }
    case Preposition::kNone:
    case Preposition::kPlain:
      break;
  }
  mention.end = token(last).end;
  return mention;
}

}  // namespace internal

std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published) {
  if (!internal::MayContainDate(text)) return {};
  std::vector<internal::Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  internal::Tokenize(text, tokens);
  const internal::Reader reader(text, tokens, published);
  return internal::CollectMentions(reader, reader.size());
}

std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const std::vector<word_scan::Token>& tokens) {
  if (!internal::MayContainDate(text, tokens)) return {};
  const internal::Reader reader(text, tokens, published);
  return internal::CollectMentions(reader, reader.size());
}

}  // namespace epiwire::dates
