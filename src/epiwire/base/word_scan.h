// SPDX-License-Identifier: MIT
// Shared by the quantity and dates stages (their scan.h bring it in).
// A byte scanner that cuts text into ASCII words, digit runs and single marks.
#ifndef EPIWIRE_BASE_WORD_SCAN_H_
#define EPIWIRE_BASE_WORD_SCAN_H_

#include <cstddef>
#include <cstdint>
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

// Whether `tokens`, Tokenize's cut of `text`, hold a run of digits or a word of at least
// `shortest` bytes that `wanted` accepts: the number and date readers' test of whether a
// sentence may hold anything for them, over a cut made already.
template <typename Wanted>
bool HoldsDigitsOrWord(std::string_view text, const std::vector<Token>& tokens, size_t shortest,
                       Wanted wanted) {
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kDigits) return true;
    if (token.kind == TokenKind::kWord && token.end - token.start >= shortest &&
        wanted(text.substr(token.start, token.end - token.start))) {
      return true;
    }
  }
  return false;
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char AsciiToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True when the token's bytes equal `lower` ignoring ASCII case. `lower` is lower case.
// Inline: the grammars ask it of most tokens for a few words each, and most differ in
// length, which a call cost more than the test.
inline bool TokenIs(std::string_view text, const Token& token, std::string_view lower) {
  if (token.end - token.start != lower.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    if (AsciiToLower(text[token.start + k]) != lower[k]) return false;
  }
  return true;
}

// Bytes of the whitespace character at `pos` (0 when none).
size_t SpaceLength(std::string_view text, size_t pos);

// A fixed set of lower-case ASCII words, looked up ignoring ASCII case with one hash
// and, mostly, one comparison: the word tables (months, number words) are asked about
// nearly every word of a text, and a binary search of strings was a good part of
// reading it. A word is held as its bytes packed into two 64-bit integers, so that
// hashing and comparing it take a few operations whatever its length.
class WordIndex {
 public:
  static constexpr size_t kMaxLength = 16;  // longer words are never found
  // `words` must be lower case; longer ones than kMaxLength are left out.
  explicit WordIndex(const std::vector<std::string_view>& words);
  // The position of `word` in the words given (any ASCII case), or -1.
  int Find(std::string_view word) const;

 private:
  struct Packed {
    uint64_t low = 0;   // bytes 0..7, the first in the lowest bits; zero past the end
    uint64_t high = 0;  // bytes 8..15
    size_t size = 0;
    bool operator==(const Packed&) const = default;
  };
  static Packed PackLower(std::string_view word);  // word: at most kMaxLength bytes
  static size_t Hash(const Packed& packed);
  // A bit per (length, first two bytes) of the words, hashed: most words of a text
  // share none with a small list and are rejected before they are lowered and hashed.
  static constexpr size_t kFilterBits = 8192;
  static size_t FilterKey(std::string_view word);
  std::vector<bool> filter_ = std::vector<bool>(kFilterBits, false);
  std::vector<Packed> packed_;  // by position in the words given
  std::vector<int> slots_;      // a power of two in size; -1 is empty
  size_t mask_ = 0;
};

// Predicates over the tokens of one text, shared by the grammars built on the
// scanner. Out-of-range indices are simply false. Both arguments must outlive it.
class TokenView {
 public:
  TokenView(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens), size_(tokens.size()) {}

  size_t size() const { return size_; }
  const Token& token(size_t i) const { return tokens_[i]; }
  // (Tokens lie inside the text: no bounds to check.)
  std::string_view Text(size_t i) const {
    return std::string_view(text_.data() + tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }
  bool Word(size_t i) const { return i < size_ && tokens_[i].kind == TokenKind::kWord; }
  bool Digits(size_t i) const { return i < size_ && tokens_[i].kind == TokenKind::kDigits; }
  bool Alnum(size_t i) const { return Word(i) || Digits(i); }
  bool Mark(size_t i, char c) const {
    return i < size_ && tokens_[i].kind == TokenKind::kMark &&
           tokens_[i].end - tokens_[i].start == 1 && text_[tokens_[i].start] == c;
  }
  // A hyphen, or an en dash (U+2013) used as one.
  bool Dash(size_t i) const { return Mark(i, '-') || (i < size_ && Text(i) == "\xE2\x80\x93"); }
  bool Is(size_t i, std::string_view lower) const {
    return Word(i) && TokenIs(text_, tokens_[i], lower);
  }
  // True when token `b` follows token `a` with no space between.
  bool Glued(size_t a, size_t b) const { return b < size_ && tokens_[a].end == tokens_[b].start; }
  bool Capitalised(size_t i) const {
    const char c = text_[tokens_[i].start];
    return c >= 'A' && c <= 'Z';
  }

 protected:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  size_t size_;
};

}  // namespace epiwire::word_scan

#endif  // EPIWIRE_BASE_WORD_SCAN_H_
