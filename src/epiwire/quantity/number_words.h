// SPDX-License-Identifier: MIT
// Internal to the quantity stage; the public API is quantity.h.
// The closed class of English number words: cardinals, scales, ordinals, fractions.
#ifndef EPIWIRE_QUANTITY_NUMBER_WORDS_H_
#define EPIWIRE_QUANTITY_NUMBER_WORDS_H_

#include <cstdint>
#include <string_view>

namespace epiwire::quantity::internal {

// One word and every role it can play; a zero field means "not this role".
struct NumberWord {
  std::string_view word;  // lower case
  int cardinal = -1;      // "seven" = 7, "forty" = 40; -1 when not a cardinal
  int64_t scale = 0;      // "hundred" = 100, "million" = 1000000, "dozen" = 12
  int ordinal = 0;        // "third" = 3
  int denominator = 0;    // "third"/"thirds" = 3, "quarter" = 4, "half" = 2
  bool plural = false;    // "thirds", "quarters"
};

// Looks up a word ignoring ASCII case; nullptr when it is no number word.
const NumberWord* FindNumberWord(std::string_view word);

}  // namespace epiwire::quantity::internal

#endif  // EPIWIRE_QUANTITY_NUMBER_WORDS_H_
