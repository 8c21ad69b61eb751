// SPDX-License-Identifier: MIT
// Tested through quantity_test.cc and date_expressions_test.cc.
#include "epiwire/base/word_scan.h"

#include "epiwire/base/utf8.h"

namespace epiwire::word_scan {

size_t SpaceLength(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
    return 2;  // no-break space
  }
  if (c == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    const unsigned char third = static_cast<unsigned char>(text[pos + 2]);
    if (third == 0x89 || third == 0xAF) return 3;  // thin space, narrow no-break space
  }
  return 0;
}

void Tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  size_t pos = 0;
  const size_t size = text.size();
  while (pos < size) {
    const char c = text[pos];
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) {
      const bool digits = IsAsciiDigit(c);
      size_t end = pos + 1;
      while (end < size && (digits ? IsAsciiDigit(text[end]) : IsAsciiAlpha(text[end]))) ++end;
      out.push_back({pos, end, digits ? TokenKind::kDigits : TokenKind::kWord});
      pos = end;
      continue;
    }
    const size_t space = SpaceLength(text, pos);
    if (space > 0) {
      pos += space;
      continue;
    }
    size_t length = Utf8SequenceLength(static_cast<unsigned char>(c));
    if (pos + length > size) length = size - pos;
    out.push_back({pos, pos + length, TokenKind::kMark});
    pos += length;
  }
}

bool TokenIs(std::string_view text, const Token& token, std::string_view lower) {
  if (token.end - token.start != lower.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    if (AsciiToLower(text[token.start + k]) != lower[k]) return false;
  }
  return true;
}

}  // namespace epiwire::word_scan
