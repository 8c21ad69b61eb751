// SPDX-License-Identifier: MIT
// Unicode folding shared by the stages, with ICU: accents off ("Río" -> "Rio",
// "São Paulo" -> "Sao Paulo") for matching names as writers spell them, and case
// folding for scripts beyond ASCII. Tested by fold_test.cc.
#ifndef EPIWIRE_BASE_FOLD_H_
#define EPIWIRE_BASE_FOLD_H_

#include <string>
#include <string_view>

namespace epiwire {

// `text` without combining marks after canonical decomposition (NFD), recomposed
// (NFC); letters without a decomposition ("ł", "ø") are kept. ASCII text comes back
// unchanged without a copy through ICU. Invalid UTF-8 is returned as it is.
std::string FoldAccents(std::string_view text);

// Full Unicode case folding (ICU), for Cyrillic, Greek and Latin beyond ASCII.
std::string FoldCase(std::string_view text);

// True when every byte is ASCII.
bool IsAscii(std::string_view text);

}  // namespace epiwire

#endif  // EPIWIRE_BASE_FOLD_H_
