// SPDX-License-Identifier: MIT
// Reals written as their shortest decimal text, the same bytes as
// std::to_chars(first, last, value), faster for the numbers a store holds most:
// coordinates and rates with a few decimals. Tested by number_text_test.cc.
#ifndef EPIWIRE_BASE_NUMBER_TEXT_H_
#define EPIWIRE_BASE_NUMBER_TEXT_H_

namespace epiwire {

// Writes `value` into [first, last), which must hold 32 bytes or more, and
// returns the end. A value between 0.001 and 10,000 (either sign) with up to six
// decimals is written directly; any other goes through std::to_chars, whose
// shortest round trip (Ryu) costs about a thousand instructions a number.
char* WriteShortestDouble(char* first, char* last, double value);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_NUMBER_TEXT_H_
