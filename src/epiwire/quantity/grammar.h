// SPDX-License-Identifier: MIT
// Internal to the quantity stage; the public API is quantity.h.
// The token cursor the number grammar is written against, and the two grammars.
#ifndef EPIWIRE_QUANTITY_GRAMMAR_H_
#define EPIWIRE_QUANTITY_GRAMMAR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "epiwire/model/event.h"
#include "epiwire/quantity/number_words.h"
#include "epiwire/quantity/scan.h"

namespace epiwire::quantity::internal {

inline constexpr std::array<std::string_view, 25> kMonths = {
    "january", "february", "march",    "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",    "jul",
    "aug",     "sep",      "sept",     "oct",   "nov", "dec",  "febr"};

// A view of the tokens with the small predicates the grammar is written in.
class Cursor {
 public:
  Cursor(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens), size_(tokens.size()) {}

  size_t size() const { return size_; }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  std::string_view Text(size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }
  bool Word(size_t i) const { return i < size_ && tokens_[i].kind == TokenKind::kWord; }
  bool Digits(size_t i) const { return i < size_ && tokens_[i].kind == TokenKind::kDigits; }
  bool Mark(size_t i, char c) const {
    return i < size_ && tokens_[i].kind == TokenKind::kMark &&
           tokens_[i].end - tokens_[i].start == 1 && text_[tokens_[i].start] == c;
  }
  // A hyphen, or an en dash (U+2013) used as one.
  bool Dash(size_t i) const { return Mark(i, '-') || (i < size_ && Text(i) == "\xE2\x80\x93"); }
  bool Is(size_t i, std::string_view lower) const {
    return Word(i) && internal::TokenIs(text_, tokens_[i], lower);
  }
  // True when token `b` follows token `a` with no space between.
  bool Glued(size_t a, size_t b) const { return b < size_ && tokens_[a].end == tokens_[b].start; }
  bool Alnum(size_t i) const { return Word(i) || Digits(i); }
  const NumberWord* Number(size_t i) const { return Word(i) ? FindNumberWord(Text(i)) : nullptr; }
  bool Capitalised(size_t i) const {
    const char c = text_[tokens_[i].start];
    return c >= 'A' && c <= 'Z';
  }
  bool Month(size_t i) const {
    if (!Word(i) || !Capitalised(i)) return false;
    for (std::string_view month : kMonths) {
      if (Is(i, month)) return true;
    }
    return false;
  }
  // The last token of the identifier-like chunk that starts at `i` ("H5N1", "2020-04-08").
  size_t GluedEnd(size_t i) const {
    size_t k = i;
    while (Glued(k, k + 1)) {
      if (Alnum(k + 1)) {
        ++k;
      } else if (!Alnum(k + 1) && Glued(k + 1, k + 2) && Alnum(k + 2) &&
                 (Dash(k + 1) || Mark(k + 1, '.') || Mark(k + 1, '/') || Mark(k + 1, ':'))) {
        k += 2;
      } else {
        break;
      }
    }
    return k;
  }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  size_t size_;
};

// What the grammar made of the tokens from some index to `last`.
struct Match {
  bool accepted = false;
  size_t last = 0;  // index of the last token used (or skipped, when not accepted)
  int64_t value = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool is_share = false;
  bool is_year = false;
  bool is_ordinal = false;
  bool is_word = false;
  bool is_decimal = false;
};

inline Match Reject(size_t last) {
  Match m;
  m.last = last;
  return m;
}

// Tokens taken by "%", "percent", "per cent" after token `j`; 0 when none.
size_t PercentAfter(const Cursor& c, size_t j);

// A numeral starting at digit token `i` ("6,343", "1.2 million", "3-5", "21st", "40%").
Match ParseDigits(const Cursor& c, size_t i);

// A spelled number starting at word token `i` ("two hundred and fifty", "a dozen",
// "twenty-first", "one-third", "half of").
Match ParseWords(const Cursor& c, size_t i);

}  // namespace epiwire::quantity::internal

#endif  // EPIWIRE_QUANTITY_GRAMMAR_H_
