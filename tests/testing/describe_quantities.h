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
    // Appended piece by piece: GCC 12 warns (-Wrestrict) on "[" + std::string(...).
    out += '[';
    out += text.substr(q.start, q.end - q.start);
    out += "]=" + std::to_string(q.value) + " q" + std::to_string(static_cast<int>(q.qualifier));
    if (q.is_share) out += " share";
    if (q.is_year) out += " year";
    if (q.is_ordinal) out += " ordinal";
    if (q.is_word) out += " word";
    if (q.is_decimal) out += " decimal";
    out += "; ";
  }
  return out;
}

}  // namespace epiwire::testing_cases

#endif  // EPIWIRE_TESTS_TESTING_DESCRIBE_QUANTITIES_H_
