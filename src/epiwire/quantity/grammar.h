// SPDX-License-Identifier: MIT
// Internal to the quantity stage; the public API is quantity.h.
// The token cursor the number grammar is written against, and the two grammars.
#ifndef EPIWIRE_QUANTITY_GRAMMAR_H_
#define EPIWIRE_QUANTITY_GRAMMAR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "epiwire/model/event.h"
#include "epiwire/quantity/number_words.h"
#include "epiwire/quantity/quantity.h"
#include "epiwire/quantity/scan.h"

namespace epiwire::quantity::internal {

inline constexpr std::array<std::string_view, 25> kMonths = {
    "january", "february", "march",    "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",    "jul",
    "aug",     "sep",      "sept",     "oct",   "nov", "dec",  "febr"};

// A view of the tokens with the small predicates the grammar is written in.
class Cursor : public TokenView {
 public:
  Cursor(std::string_view text, const std::vector<Token>& tokens) : TokenView(text, tokens) {}

  const Token& operator[](size_t i) const { return tokens_[i]; }
  // The text between tokens `a` and `b` (a < b < size()).
  std::string_view Gap(size_t a, size_t b) const {
    return text_.substr(tokens_[a].end, tokens_[b].start - tokens_[a].end);
  }
  const NumberWord* Number(size_t i) const { return Word(i) ? FindNumberWord(Text(i)) : nullptr; }
  bool Month(size_t i) const {
    if (!Word(i) || !Capitalised(i)) return false;
    for (std::string_view month : kMonths) {
      if (Is(i, month)) return true;
    }
    return false;
  }
  // The last token of the identifier-like chunk that starts at `i` ("H5N1", "2020-04-08").
  size_t GluedEnd(size_t i) const {
    size_t k = i;
    while (Glued(k, k + 1)) {
      if (Alnum(k + 1)) {
        ++k;
      } else if (!Alnum(k + 1) && Glued(k + 1, k + 2) && Alnum(k + 2) &&
                 (Dash(k + 1) || Mark(k + 1, '.') || Mark(k + 1, '/') || Mark(k + 1, ':'))) {
        k += 2;
      } else {
        break;
      }
    }
    return k;
  }
};

// What the grammar made of the tokens from some index to `last`.
struct Match {
  bool accepted = false;
  size_t last = 0;  // index of the last token used (or skipped, when not accepted)
  int64_t value = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool is_share = false;
  bool is_year = false;
  bool is_ordinal = false;
  bool is_word = false;
  bool is_decimal = false;
};

inline Match Reject(size_t last) {
  Match m;
  m.last = last;
  return m;
}

// The Quantity for match `m` of a number covering bytes [start, end) (no hedge yet).
inline Quantity ToQuantity(size_t start, size_t end, const Match& m) {
  Quantity q;
  q.number_start = start;
  q.start = start;
  q.end = end;
  q.value = m.value;
  q.qualifier = m.qualifier;
  q.is_share = m.is_share;
  q.is_year = m.is_year;
  q.is_ordinal = m.is_ordinal;
  q.is_word = m.is_word;
  q.is_decimal = m.is_decimal;
  return q;
}

// Tokens taken by "%", "percent", "per cent" after token `j`; 0 when none.
size_t PercentAfter(const Cursor& c, size_t j);

// A numeral starting at digit token `i` ("6,343", "1.2 million", "3-5", "21st", "40%").
Match ParseDigits(const Cursor& c, size_t i);

// A spelled number starting at word token `i` ("two hundred and fifty", "a dozen",
// "twenty-first", "one-third", "half of").
Match ParseWords(const Cursor& c, size_t i);

}  // namespace epiwire::quantity::internal

#endif  // EPIWIRE_QUANTITY_GRAMMAR_H_
