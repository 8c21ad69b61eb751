// SPDX-License-Identifier: MIT
#include "epiwire/base/han.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace epiwire {
namespace {

// The lead bytes of three-byte characters of the Han blocks U+3400..U+9FFF.
bool HanLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// The characters of three bytes whose lead byte HanLead accepts.
constexpr UChar32 kFirst = 0x3000;
constexpr UChar32 kLast = 0x9FFF;

// By character from kFirst: the one character of three bytes ICU's Hant-Hans
// transliteration makes of it alone, or 0 where none (han_table_gen.cc, at build time:
// ICU's transliterator took some 165 million instructions to build, in each thread).
constexpr uint16_t kSimplified[kLast - kFirst + 1] = {
#include "han_simplified.inc"
};

// Whether the 8 bytes at `p` are all ASCII.
bool Ascii8(const uint8_t* p) {
  uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

size_t SimplifyHan(std::string& text) { return SimplifyHan(text.data(), text.size()); }

size_t SimplifyHan(char* data, size_t size) {
  size_t changed = 0;
  auto* bytes = reinterpret_cast<uint8_t*>(data);
  const auto length = static_cast<int32_t>(size);
  for (int32_t i = 0; i < length;) {
    // (Most text is ASCII: eight bytes at a time.)
    if (i + 8 <= length && Ascii8(bytes + i)) {
      i += 8;
      continue;
    }
    if (!HanLead(bytes[i])) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < kFirst || c > kLast || i - start != 3) continue;
    const UChar32 simple = kSimplified[c - kFirst];
    if (simple == 0) continue;
    int32_t at = start;
    UBool error = false;
    U8_APPEND(bytes, at, length, simple, error);
    if (!error) ++changed;
  }
  return changed;
}

}  // namespace epiwire
