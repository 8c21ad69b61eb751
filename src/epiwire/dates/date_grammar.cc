// SPDX-License-Identifier: MIT
// Loads dates.tsv. Tested by date_grammar_test.cc.
#include "epiwire/dates/date_grammar.h"

#include <charconv>
#include <filesystem>
#include <optional>

#include "epiwire/base/file.h"
#include "epiwire/dates/date_lexicon.h"
#include "epiwire/quantity/number_grammar.h"

namespace epiwire::dates {
namespace {

using internal::DateEntry;
using internal::DateLexicon;
using internal::DateRole;
using internal::Unit;

// What the columns after the phrase hold.
enum class Columns { kNone, kValue, kTwoValues, kMonths, kUnitOffset, kUnitCount, kWeekStart };

struct RoleName {
  std::string_view name;
  DateRole role;
  Columns columns;
};

constexpr RoleName kRoles[] = {
    {"month", DateRole::kMonth, Columns::kValue},
    {"weekday", DateRole::kWeekday, Columns::kValue},
    {"day_offset", DateRole::kDayOffset, Columns::kValue},
    {"since", DateRole::kSince, Columns::kNone},
    {"from", DateRole::kFrom, Columns::kNone},
    {"until", DateRole::kUntil, Columns::kNone},
    {"as_of", DateRole::kAsOf, Columns::kNone},
    {"between", DateRole::kBetween, Columns::kNone},
    {"plain", DateRole::kPlain, Columns::kNone},
    {"range_to", DateRole::kRangeTo, Columns::kNone},
    {"since_after", DateRole::kSinceAfter, Columns::kNone},
    {"until_after", DateRole::kUntilAfter, Columns::kNone},
    {"day_link", DateRole::kDayLink, Columns::kNone},
    {"day_suffix", DateRole::kDaySuffix, Columns::kNone},
    {"year_word", DateRole::kYearWord, Columns::kNone},
    {"year_marker", DateRole::kYearMarker, Columns::kNone},
    {"month_marker", DateRole::kMonthMarker, Columns::kNone},
    {"day_marker", DateRole::kDayMarker, Columns::kNone},
    {"clock_prefix", DateRole::kClockPrefix, Columns::kNone},
    {"clock_marker", DateRole::kClockMarker, Columns::kNone},
    {"weekday_this", DateRole::kWeekdayThis, Columns::kNone},
    {"weekday_last", DateRole::kWeekdayLast, Columns::kNone},
    {"weekday_last_after", DateRole::kWeekdayLastAfter, Columns::kNone},
    {"month_part", DateRole::kMonthPart, Columns::kTwoValues},
    {"year_part", DateRole::kYearPart, Columns::kMonths},
    {"calendar", DateRole::kCalendar, Columns::kUnitOffset},
    {"window", DateRole::kWindow, Columns::kUnitCount},
    {"epi_week", DateRole::kEpiWeek, Columns::kWeekStart},
    {"ago", DateRole::kAgo, Columns::kUnitCount},
};

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Unit> ParseUnit(std::string_view text) {
  if (text == "hour") return Unit::kHour;
  if (text == "day") return Unit::kDay;
  if (text == "week") return Unit::kWeek;
  if (text == "month") return Unit::kMonth;
  if (text == "year") return Unit::kYear;
  return std::nullopt;
}

Status ReadColumns(const RoleName& known, const std::vector<std::string_view>& fields,
                   DateEntry& entry) {
  const std::string what = std::string(known.name) + " '" + std::string(fields[1]) + "'";
  const auto field = [&](size_t k) { return k < fields.size() ? fields[k] : std::string_view(); };
  switch (known.columns) {
    case Columns::kNone:
      return Status::Ok();
    case Columns::kWeekStart:
      if (field(2).empty()) return Status::Ok();
      if (field(2) != "sunday")
        return Status::InvalidInput(what + ": the third column is 'sunday' or none");
      entry.value = 1;
      return Status::Ok();
    case Columns::kValue: {
      const std::optional<int> value = ParseInt(field(2));
      if (!value) return Status::InvalidInput(what + " needs a number");
      const bool month_ok = known.role != DateRole::kMonth || (*value >= 1 && *value <= 12);
      const bool weekday_ok = known.role != DateRole::kWeekday || (*value >= 0 && *value <= 6);
      if (!month_ok || !weekday_ok) return Status::InvalidInput(what + ": value out of range");
      entry.value = *value;
      entry.needs_preposition = field(3) == "prep";
      return Status::Ok();
    }
    case Columns::kTwoValues: {
      const std::optional<int> first = ParseInt(field(2));
      const std::optional<int> last = ParseInt(field(3));
      if (!first || !last || *first < 1 || *last < *first || *last > 31) {
        return Status::InvalidInput(what + " needs a first and a last day (1..31)");
      }
      entry.value = *first;
      entry.second = *last;
      return Status::Ok();
    }
    case Columns::kMonths: {
      // (A last month of 0: as many months as the phrase's '#' counts.)
      const std::optional<int> first = ParseInt(field(2));
      const std::optional<int> last = ParseInt(field(3));
      const bool counted = last == 0 && fields[1].find('#') != std::string_view::npos;
      if (!first || !last || *first < 1 || *first > 12 || *last > 12 ||
          (!counted && *last < *first)) {
        return Status::InvalidInput(what + " needs a first and a last month (1..12; 0: '#')");
      }
      entry.value = *first;
      entry.second = *last;
      return Status::Ok();
    }
    case Columns::kUnitOffset:
    case Columns::kUnitCount: {
      const std::optional<Unit> unit = ParseUnit(field(2));
      if (!unit) return Status::InvalidInput(what + " needs a unit: hour, day, week, month, year");
      entry.unit = *unit;
      const bool has_slot = fields[1].find('#') != std::string_view::npos;
      if (known.columns == Columns::kUnitCount && has_slot) return Status::Ok();
      const std::optional<int> number = ParseInt(field(3));
      if (!number || (known.columns == Columns::kUnitCount && *number <= 0)) {
        return Status::InvalidInput(what + (known.columns == Columns::kUnitOffset
                                                ? " needs an offset (-1 = the one before)"
                                                : " needs a '#' or a count"));
      }
      entry.second = *number;
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status ReadRow(DateLexicon& lexicon, const std::vector<std::string_view>& fields) {
  if (fields.size() < 2 || fields[1].empty()) {
    return Status::InvalidInput("expected role<TAB>phrase[<TAB>values], got '" +
                                std::string(fields[0]) + "'");
  }
  for (const RoleName& known : kRoles) {
    if (known.name != fields[0]) continue;
    DateEntry entry;
    entry.role = known.role;
    if (Status status = ReadColumns(known, fields, entry); !status.ok()) return status;
    if (!lexicon.phrases.Add(fields[1], static_cast<uint32_t>(lexicon.entries.size()))) {
      return Status::InvalidInput("empty phrase");
    }
    lexicon.entries.push_back(entry);
    return Status::Ok();
  }
  return Status::InvalidInput("unknown role '" + std::string(fields[0]) + "'");
}

}  // namespace

DateGrammar::DateGrammar(std::unique_ptr<internal::DateLexicon> lexicon,
                         std::unique_ptr<quantity::NumberGrammar> numbers)
    : lexicon_(std::move(lexicon)), numbers_(std::move(numbers)) {}

DateGrammar::~DateGrammar() = default;

bool DateGrammar::Exists(const std::string& dir) {
  std::error_code error;
  return std::filesystem::is_regular_file(dir + "/dates.tsv", error);
}

Result<std::unique_ptr<DateGrammar>> DateGrammar::Load(const std::string& dir) {
  auto lexicon = std::make_unique<DateLexicon>();
  const Status status = ForEachTsvRow(
      dir + "/dates.tsv", [&](int, const auto& fields) { return ReadRow(*lexicon, fields); });
  if (!status.ok()) return status;
  std::unique_ptr<quantity::NumberGrammar> numbers;
  if (quantity::NumberGrammar::Exists(dir)) {
    auto loaded = quantity::NumberGrammar::Load(dir);
    if (!loaded.ok()) return loaded.status();
    numbers = std::move(loaded).value();
  }
  return std::unique_ptr<DateGrammar>(new DateGrammar(std::move(lexicon), std::move(numbers)));
}

}  // namespace epiwire::dates
