// SPDX-License-Identifier: MIT
// For tests: a one-line picture of the quantities found in a text, for failure messages.
#ifndef EPIWIRE_TESTS_TESTING_DESCRIBE_QUANTITIES_H_
#define EPIWIRE_TESTS_TESTING_DESCRIBE_QUANTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "epiwire/quantity/quantity.h"

namespace epiwire::testing_cases {

inline std::string DescribeQuantities(std::string_view text,
                                      const std::vector<quantity::Quantity>& found) {
  std::string out;
  for (const quantity::Quantity& q : found) {
    out += "[" + std::string(text.substr(q.start, q.end - q.start)) +
           "]=" + std::to_string(q.value) + " q" + std::to_string(static_cast<int>(q.qualifier)) +
           (q.is_share ? " share" : "") + (q.is_year ? " year" : "") +
           (q.is_ordinal ? " ordinal" : "") + (q.is_word ? " word" : "") +
           (q.is_decimal ? " decimal" : "") + "; ";
  }
  return out;
}

}  // namespace epiwire::testing_cases

#endif  // EPIWIRE_TESTS_TESTING_DESCRIBE_QUANTITIES_H_
