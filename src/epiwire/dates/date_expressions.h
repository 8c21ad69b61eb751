// SPDX-License-Identifier: MIT
// Date expressions in running text, absolute ("April 2", "2 April 2020",
// "2020-04-02") and relative to the publication date ("on Monday", "this month",
// "over the past twelve days", "last week", "since mid-April", "yesterday"),
// resolved to a Period. Tested by date_expressions_test.cc.
#ifndef EPIWIRE_DATES_DATE_EXPRESSIONS_H_
#define EPIWIRE_DATES_DATE_EXPRESSIONS_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/base/script_scan.h"
#include "epiwire/base/word_scan.h"
#include "epiwire/model/date.h"

namespace epiwire::dates {

enum class DateKind {
  kDay,    // one day: "on Monday", "April 2", "yesterday"
  kRange,  // a span: "this month", "over the past twelve days", "last week", "in late January"
  kSince,  // open start: "since mid-April" (start set, end = published)
  kUntil,  // "as of April 2", "by Monday", "up to Friday": a reference end
};

struct DateMention {
  size_t start = 0;  // byte offsets in the text given, including a leading preposition
  size_t end = 0;
  DateKind kind = DateKind::kDay;
  Period period;     // resolved; for kUntil, start is nullopt and end is the day
};

// Finds and resolves date expressions. Without `published`, relative expressions are
// left out and absolute ones lacking a year are left out too. A weekday ("on Monday")
// is the latest such day on or before `published`; a month without a year is the
// latest such month not after `published`. Ranges never end after `published`
// ("this month" = first of the month .. published). Thread-safe.
std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published);
// The same over `tokens`, word_scan::Tokenize's cut of `text`: for a caller that has
// cut it already (to read its quantities).
std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const std::vector<word_scan::Token>& tokens);

class DateGrammar;  // date_grammar.h: how one language writes dates

// The same, read as `grammar`'s language writes dates ("8 aprelya", "le 25 fevrier",
// "el pasado viernes", "3 yue 21 ri zhi 4 yue 7 ri", "za poslednie sutki"), resolved the same way
// against `published`, with the same kinds. A null grammar is the built-in English
// reading above. Thread-safe; `grammar` must outlive the call.
std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const DateGrammar* grammar);
// The same over `tokens`, script_scan::Tokenize's cut of `text` (kept from reading its
// quantities). `grammar` must not be null.
std::vector<DateMention> FindDates(std::string_view text, std::optional<Date> published,
                                   const DateGrammar& grammar, const script_scan::Tokens& tokens);

// Finds a publication date in free text ("Published: April 8, 2020", "08 Apr 2020 10:00"),
// used to infer `published` when no one gave it. nullopt when none.
std::optional<Date> InferPublishedDate(std::string_view text);

}  // namespace epiwire::dates

#endif  // EPIWIRE_DATES_DATE_EXPRESSIONS_H_
