// SPDX-License-Identifier: MIT
// A scanner for text in any script, shared by the per-language grammars of the
// quantity and dates stages: words of letters (Latin with accents, Cyrillic),
// one token per ideograph (Chinese, Japanese), digit runs (ASCII and full-width),
// and single marks. Every token also has a folded key (lower case, Cyrillic yo as ie,
// full-width digits as ASCII, curly quotes and dashes as their ASCII forms), so
// that a lexicon entry and the text compare byte for byte. Tested by script_scan_test.cc.
#ifndef EPIWIRE_BASE_SCRIPT_SCAN_H_
#define EPIWIRE_BASE_SCRIPT_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epiwire::script_scan {

enum class TokenKind : unsigned char { kWord, kDigits, kIdeograph, kMark };

// Invariant: tokens are in text order and never overlap; whitespace (ASCII, U+00A0,
// U+2000..U+200B, U+202F, U+3000) lies between them and belongs to no token.
struct Token {
  size_t start = 0;  // bytes of the scanned text
  size_t end = 0;
  size_t key_start = 0;  // bytes of the folded key in Tokens::keys
  size_t key_end = 0;
  TokenKind kind = TokenKind::kMark;
};

// The tokens of one text and the buffer their keys live in.
struct Tokens {
  std::vector<Token> list;
  std::string keys;
};

// Cuts `text` into tokens (`out` is cleared first). Invalid UTF-8 bytes become marks.
void Tokenize(std::string_view text, Tokens& out);

// The folded form of a whole phrase, as keys joined by nothing: for tests and messages.
std::string Fold(std::string_view text);

// Read-only predicates over the tokens of one text. Out-of-range indices are false.
// `text` and `tokens` must outlive the view.
class ScriptView {
 public:
  ScriptView(std::string_view text, const Tokens& tokens)
      : text_(text), tokens_(tokens), size_(tokens.list.size()) {}

  size_t size() const { return size_; }
  std::string_view text() const { return text_; }
  const Token& token(size_t i) const { return tokens_.list[i]; }
  // (Tokens and their keys lie inside the text and the keys: no bounds to check.)
  std::string_view Text(size_t i) const {
    const Token& t = tokens_.list[i];
    return std::string_view(text_.data() + t.start, t.end - t.start);
  }
  // The folded key: lower case for words, ASCII digits for digit runs.
  std::string_view Key(size_t i) const {
    const Token& t = tokens_.list[i];
    return std::string_view(tokens_.keys.data() + t.key_start, t.key_end - t.key_start);
  }
  bool Kind(size_t i, TokenKind kind) const { return i < size_ && tokens_.list[i].kind == kind; }
  bool Word(size_t i) const { return Kind(i, TokenKind::kWord); }
  bool Digits(size_t i) const { return Kind(i, TokenKind::kDigits); }
  bool Ideograph(size_t i) const { return Kind(i, TokenKind::kIdeograph); }
  bool Alnum(size_t i) const { return Word(i) || Digits(i); }
  // A mark whose folded key is `c` (curly apostrophes fold to '\'', dashes to '-').
  bool Mark(size_t i, char c) const {
    return Kind(i, TokenKind::kMark) && Key(i).size() == 1 && Key(i)[0] == c;
  }
  bool Is(size_t i, std::string_view key) const { return i < size_ && Key(i) == key; }
  // True when token `b` starts where token `a` ends.
  bool Glued(size_t a, size_t b) const {
    return a < size_ && b < size_ && tokens_.list[a].end == tokens_.list[b].start;
  }
  // The value of a digit token of at most 18 digits; -1 otherwise.
  int64_t DigitValue(size_t i) const;

 private:
  std::string_view text_;
  const Tokens& tokens_;
  size_t size_;
};

}  // namespace epiwire::script_scan

#endif  // EPIWIRE_BASE_SCRIPT_SCAN_H_
