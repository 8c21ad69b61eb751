// SPDX-License-Identifier: MIT
// Tested by script_scan_test.cc. Classification and folding cover the scripts the
// engine reads (Latin, Cyrillic, Han) by code point ranges; it needs no Unicode tables.
#include "epiwire/base/script_scan.h"

namespace epiwire::script_scan {
namespace {

struct CodePoint {
  char32_t value = 0;
  size_t length = 1;
  bool valid = false;
};

CodePoint Decode(std::string_view text, size_t pos) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  const unsigned char lead = byte(0);
  CodePoint cp;
  if (lead < 0x80) return {lead, 1, true};
  size_t length = 0;
  char32_t value = 0;
  if ((lead >> 5) == 0x6) {
    length = 2, value = lead & 0x1F;
  } else if ((lead >> 4) == 0xE) {
    length = 3, value = lead & 0x0F;
  } else if ((lead >> 3) == 0x1E) {
    length = 4, value = lead & 0x07;
  } else {
    return cp;
  }
  if (pos + length > text.size()) return cp;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(k) >> 6) != 0x2) return cp;
    value = (value << 6) | (byte(k) & 0x3F);
  }
  return {value, length, true};
}

// Writes `c` as UTF-8 at `out`; returns the end.
char* Encode(char32_t c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// Letters of the alphabetic scripts, and the combining marks that belong to them.
bool IsLetter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x250 && c <= 0x2AF) || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) || (c >= 0x400 && c <= 0x52F) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

bool IsIdeograph(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005 ||
         c == 0x3007 || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
}

char32_t FoldLetter(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F) {
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x178) return 0xFF;
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    if (c != 0x138 && c != 0x149 && c != 0x17F) return (c % 2 == 0) ? c + 1 : c;
    return c;
  }
  if (c == 0x401 || c == 0x451)
    return 0x435;  // Cyrillic yo (U+0451) is written as ie (U+0435) as often as not
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x391 && c <= 0x3A9) return c + 0x20;
  return c;
}

// Marks that have an ASCII twin are keyed by it.
char32_t FoldMark(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x00B4:
    case '`':
      return '\'';
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0xFF05:
      return '%';
    case 0xFF0C:
    case 0x3001:
      return ',';
    case 0xFF1A:
      return ':';
    case 0xFF08:
      return '(';
    case 0xFF09:
      return ')';
    case 0xFF0E:
      return '.';
    default:
      return c;
  }
}

}  // namespace

void Tokenize(std::string_view text, Tokens& out) {
  out.list.clear();
  // A key is never longer than its token (folding keeps or shortens each character).
  out.keys.resize(text.size());
  char* const keys = out.keys.data();
  char* w = keys;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    // ASCII spaces, letters and digits are most of the text in many languages.
    if (byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r') {
      ++pos;
      continue;
    }
    const CodePoint cp = byte < 0x80 ? CodePoint{byte, 1, true} : Decode(text, pos);
    if (!cp.valid) {
      const size_t key = static_cast<size_t>(w - keys);
      *w++ = text[pos];
      out.list.push_back({pos, pos + 1, key, key + 1, TokenKind::kMark});
      ++pos;
      continue;
    }
    if (IsSpace(cp.value)) {
      pos += cp.length;
      continue;
    }
    Token token;
    token.start = pos;
    token.key_start = static_cast<size_t>(w - keys);
    if (IsDigit(cp.value) || IsLetter(cp.value)) {
      const bool digits = IsDigit(cp.value);
      token.kind = digits ? TokenKind::kDigits : TokenKind::kWord;
      size_t end = pos;
      while (end < text.size()) {
        const unsigned char b = static_cast<unsigned char>(text[end]);
        if (b < 0x80) {  // fast path: ASCII inside a word or a number
          const bool digit = b >= '0' && b <= '9';
          const bool alpha = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
          if (digits ? !digit : !alpha) break;
          *w++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
          ++end;
          continue;
        }
        const CodePoint next = Decode(text, end);
        if (!next.valid || (digits ? !IsDigit(next.value) : !IsLetter(next.value))) break;
        if (digits) {
          *w++ = static_cast<char>('0' + (next.value - 0xFF10));
        } else {
          w = Encode(FoldLetter(next.value), w);
        }
        end += next.length;
      }
      pos = end;
    } else {
      token.kind = IsIdeograph(cp.value) ? TokenKind::kIdeograph : TokenKind::kMark;
      w = Encode(token.kind == TokenKind::kMark ? FoldMark(cp.value) : cp.value, w);
      pos += cp.length;
    }
    token.end = pos;
    token.key_end = static_cast<size_t>(w - keys);
    out.list.push_back(token);
  }
  out.keys.resize(static_cast<size_t>(w - keys));
}

std::string Fold(std::string_view text) {
  Tokens tokens;
  Tokenize(text, tokens);
  return tokens.keys;
}

int64_t ScriptView::DigitValue(size_t i) const {
  if (!Digits(i)) return -1;
  const std::string_view key = Key(i);
  if (key.size() > 18) return -1;
  int64_t value = 0;
  for (char c : key) value = value * 10 + (c - '0');
  return value;
}

}  // namespace epiwire::script_scan
