// SPDX-License-Identifier: MIT
// Text units the event rules work on: sentences (never crossing a line break,
// which is a paragraph here) and word tokens with byte offsets. Tested by
// sentences_test.cc.
#ifndef EPIWIRE_TEXT_SENTENCES_H_
#define EPIWIRE_TEXT_SENTENCES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace epiwire::text {

struct Sentence {
  size_t start = 0;  // byte offsets into the text given
  size_t end = 0;
};

// Splits [begin, end) of `text` into sentences: at line breaks, and after . ! ?
// (and closing quotes) followed by a space and an upper-case letter, digit or
// opening quote, except after abbreviations ("Dr.", "U.S.", "Apr.", initials).
// Leading and trailing spaces are trimmed; empty sentences are left out.
std::vector<Sentence> SplitSentences(std::string_view text, size_t begin, size_t end);

// Tokenize reads a text up to this offset (4 GiB), past which no document is read.
inline constexpr size_t kMaxTokenOffset = UINT32_MAX;

struct Token {
  // Byte offsets into the text given to Tokenize, which reads no further than 4 GiB
  // (kMaxTokenOffset): four bytes each make a token 32 bytes, and rules step over a
  // sentence's tokens many times.
  uint32_t start = 0;
  uint32_t end = 0;
  // ASCII-lower-cased form, curly apostrophes made straight: a view of the text itself
  // where that is already the form (most words), else of the Tokens' `folded`.
  std::string_view lower;
  bool is_word = false;        // letters (and inner hyphens/apostrophes), or digits
  bool capitalized = false;    // starts with an upper-case ASCII letter
  bool has_digit = false;
};

// The tokens of a text; valid while the text and this (or its moved `folded`) live.
struct Tokens {
  std::vector<Token> list;
  // The lower-cased forms that are not the text's own bytes, which tokens view: a heap
  // string of its own, so that moving it never moves the bytes.
  std::unique_ptr<std::string> folded;
};

// Words, numbers (with inner , . : -) and single punctuation marks, in order.
// Multi-byte punctuation (curly quotes, dashes) are single tokens. A possessive
// "'s" / "\u2019s" is its own token "'s".
Tokens Tokenize(std::string_view text, size_t begin, size_t end);
// The same into `out`, cleared first: its list and buffer keep the room they had, so
// that tokens reused sentence after sentence are not allocated again.
void Tokenize(std::string_view text, size_t begin, size_t end, Tokens& out);

}  // namespace epiwire::text

#endif  // EPIWIRE_TEXT_SENTENCES_H_
