// SPDX-License-Identifier: MIT
// Internal to the dates stage; the public API is date_expressions.h.
// The words dates are made of: months, weekdays, small numbers, and the cue words
// whose absence lets a sentence skip the grammar.
#ifndef EPIWIRE_DATES_DATE_WORDS_H_
#define EPIWIRE_DATES_DATE_WORDS_H_

#include <string_view>
#include <vector>

#include "epiwire/base/word_scan.h"

namespace epiwire::dates::internal {

// 1..12 for "April", "Apr", "Sept" (any case); 0 otherwise. `abbreviated` tells which.
int MonthNumber(std::string_view word, bool* abbreviated = nullptr);

// 0 (Monday) .. 6 for "Monday", "Mon", "Tues" (any case); -1 otherwise.
int WeekdayNumber(std::string_view word, bool* abbreviated = nullptr);

// 1..99 for "one" .. "ninety" and the teens; tens and units are joined by the caller. 0 otherwise.
int SmallNumberWord(std::string_view word);

// Whether a date mention may start with `word` (a preposition, "the", "last", a month,
// a weekday, a small number, ...). Words that fail are skipped without trying the grammar.
bool MayStartDate(std::string_view word);

// Whether `text` holds a digit or a word a date expression needs (a month, a weekday,
// "yesterday", "week", ...). Most sentences fail this and skip the grammar.
bool MayContainDate(std::string_view text);
// The same over `tokens`, word_scan::Tokenize's cut of `text` (valid UTF-8): a digit is
// in a run of digits, and the words are the same runs of letters.
bool MayContainDate(std::string_view text, const std::vector<word_scan::Token>& tokens);

}  // namespace epiwire::dates::internal

#endif  // EPIWIRE_DATES_DATE_WORDS_H_
