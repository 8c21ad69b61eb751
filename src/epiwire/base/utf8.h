// SPDX-License-Identifier: MIT
// UTF-8 helpers shared by the stages: validation with the offset of the first
// bad byte, case folding of ASCII, and whether a text has lower-case letters. Tested by
// utf8_test.cc.
#ifndef EPIWIRE_BASE_UTF8_H_
#define EPIWIRE_BASE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace epiwire {

// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt when
// the whole text is valid (overlongs, surrogates and code points > U+10FFFF are invalid).
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// Replaces each invalid sequence with U+FFFD. Returns how many were replaced.
size_t RepairUtf8(std::string& text);

// Lower-cases ASCII letters; other bytes are kept as they are.
std::string AsciiLower(std::string_view text);

// Whether `text` holds a lower-case letter of any script ("a", "б", "é"; not "Б", not
// a Han character, which has no case). Invalid bytes are passed over.
bool HasLowercaseLetter(std::string_view text);

// Byte length of the UTF-8 sequence that starts with `lead` (1 for invalid leads).
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The lead byte of a character of U+3000..U+9FFF: CJK punctuation, kana and Han
// ideographs, which are written without spaces and without case.
inline bool IsCjkLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

}  // namespace epiwire

#endif  // EPIWIRE_BASE_UTF8_H_
