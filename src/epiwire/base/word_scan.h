// SPDX-License-Identifier: MIT
// Shared by the quantity and dates stages (their scan.h bring it in).
// A byte scanner that cuts text into ASCII words, digit runs and single marks.
#ifndef EPIWIRE_BASE_WORD_SCAN_H_
#define EPIWIRE_BASE_WORD_SCAN_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace epiwire::word_scan {

enum class TokenKind : unsigned char { kWord, kDigits, kMark };

// Invariant: tokens are in text order and never overlap; whitespace (ASCII, and
// U+00A0 / U+2009 / U+202F) lies between them and belongs to no token.
struct Token {
  size_t start = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kMark;
};

// Appends the tokens of `text` to `out` (cleared first). A word is a run of ASCII
// letters; a non-ASCII character other than the spaces above is one mark.
void Tokenize(std::string_view text, std::vector<Token>& out);

// True when the token's bytes equal `lower` ignoring ASCII case. `lower` is lower case.
bool TokenIs(std::string_view text, const Token& token, std::string_view lower);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char AsciiToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Bytes of the whitespace character at `pos` (0 when none).
size_t SpaceLength(std::string_view text, size_t pos);

}  // namespace epiwire::word_scan

#endif  // EPIWIRE_BASE_WORD_SCAN_H_
