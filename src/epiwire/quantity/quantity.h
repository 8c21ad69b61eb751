// SPDX-License-Identifier: MIT
// Quantities in running text: digits with separators ("6,343"), words ("two",
// "twenty-one", "a dozen"), scales ("1.2 million", "3k"), and the hedges before
// them ("more than", "nearly", "up to"). Tested by quantity_test.cc.
#ifndef EPIWIRE_QUANTITY_QUANTITY_H_
#define EPIWIRE_QUANTITY_QUANTITY_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/base/script_scan.h"
#include "epiwire/base/word_scan.h"
#include "epiwire/model/event.h"

namespace epiwire::quantity {

// Shares ("40%", "one-third", "half of") carry their value as a percentage rounded to
// a whole number: "one-third" = 33, "half" = 50, "40 per cent" = 40. A range ("3-5")
// is reported as its upper bound with Qualifier::kAtMost unless a hedge says otherwise.
struct Quantity {
  size_t start = 0;         // byte offset of the hedge if any, else of the number
  size_t end = 0;           // one past the number (and its scale word)
  size_t number_start = 0;  // where the number itself starts
  int64_t value = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool is_share = false;    // "one-third", "half", "40%": a share, not a count
  bool is_year = false;     // a 4-digit 1900..2099 standing alone (likely a year)
  bool is_ordinal = false;  // "first", "3rd"
  bool is_word = false;     // spelled out ("two") rather than digits
  // "2.5", "6.343": a fraction no scale word absorbs; `value` is then rounded.
  bool is_decimal = false;
};

class NumberGrammar;  // number_grammar.h: how one language writes numbers

// Every quantity in `text`, in order, non-overlapping. Offsets are relative to `text`.
// Parts of dates ("April 2", "2020-04-08"), times ("10:30"), and identifiers
// ("COVID-19", "H5N1", "G7") are not quantities. Thread-safe.
std::vector<Quantity> FindQuantities(std::string_view text);
// The same over `tokens`, word_scan::Tokenize's cut of `text`: for a caller that reads
// the text's dates too (dates::FindDates takes the same cut) and so cuts it once.
std::vector<Quantity> FindQuantities(std::string_view text,
                                     const std::vector<word_scan::Token>& tokens);

// Parses a whole string as one number ("6,343", "two", "1.2 million"); nullopt if it is not.
std::optional<int64_t> ParseNumber(std::string_view text);

// The same, read as `grammar`'s language writes numbers ("34,2 tys.", "3 wan", "vingt-deux",
// "plus de 100"); a null grammar is the built-in English reading above. The same
// Quantity fields: offsets are bytes of `text`; `is_word` for spelled numbers, Chinese
// numerals included; a day before a month ("8 aprelya", "4 yue 8 ri") and a time ("24 shi") are
// no quantities; "2020 nian" is a year. Thread-safe; `grammar` must outlive the call.
std::vector<Quantity> FindQuantities(std::string_view text, const NumberGrammar* grammar);
// The same over `tokens`, script_scan::Tokenize's cut of `text`: for a caller that keeps
// the cut (to read its dates). `grammar` must not be null.
std::vector<Quantity> FindQuantities(std::string_view text, const script_scan::Tokens& tokens,
                                     const NumberGrammar& grammar);
std::optional<int64_t> ParseNumber(std::string_view text, const NumberGrammar* grammar);

// The number at the very start of `text` (no hedge before it; a Chinese numeral needs
// no counter), with the bytes it covers: for readers that need a count inside a longer
// phrase ("za poslednie dve nedeli", "jin liang zhou"). nullopt when `text` does not start with
// one. A null grammar reads English.
struct NumberPrefix {
  int64_t value = 0;
  size_t length = 0;
};
std::optional<NumberPrefix> ReadNumberPrefix(std::string_view text, const NumberGrammar* grammar);

// True when `word` (any case) is a number word: "seven", "forty", "dozen", "third",
// "million". A sentence with neither digits nor such words holds no quantity.
bool IsNumberWord(std::string_view word);

}  // namespace epiwire::quantity

#endif  // EPIWIRE_QUANTITY_QUANTITY_H_
