// SPDX-License-Identifier: MIT
#include "epiwire/base/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace epiwire {
namespace {

constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

}  // namespace

// Why the direct path gives the bytes std::to_chars gives. For k decimals, let N
// be v * 10^k rounded to the nearest whole number. If N / 10^k (one correctly
// rounded division of exact numbers) is v again, the k-decimal text of N reads
// back as v. Some text with k decimals reads back as v exactly when this N does
// (v * 10^k is off the text's N by far less than a half here), and no two
// k-decimal texts both read back as v (10^-k is far above v's spacing), so the
// first k that passes gives the shortest text, the one Ryu finds. Between 0.001
// and 10,000 that plain text is never longer than the exponent form (1e+04 and
// 10000 tie; std::to_chars then writes the plain one), so it is the form chosen.
char* WriteShortestDouble(char* first, char* last, double value) {
  const double magnitude = std::fabs(value);
  if (magnitude >= 0.001 && magnitude <= 10000) {
    for (int k = 0; k <= 6; ++k) {
      const double scaled = std::nearbyint(magnitude * kPowers[k]);
      if (scaled / kPowers[k] != magnitude) continue;
      auto whole = static_cast<uint64_t>(scaled);
      char digits[24];
      char* end = digits + sizeof digits;
      char* at = end;
      for (int d = 0; d < k; ++d) {
        *--at = static_cast<char>('0' + whole % 10);
        whole /= 10;
      }
      if (k > 0) *--at = '.';
      do {
        *--at = static_cast<char>('0' + whole % 10);
        whole /= 10;
      } while (whole != 0);
      if (value < 0) *--at = '-';
      char* out = first;
      while (at != end) *out++ = *at++;
      return out;
    }
  }
  return std::to_chars(first, last, value).ptr;
}

}  // namespace epiwire
