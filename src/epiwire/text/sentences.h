// SPDX-License-Identifier: MIT
// Text units the event rules work on: sentences (never crossing a line break,
// which is a paragraph here) and word tokens with byte offsets. Tested by
// sentences_test.cc.
#ifndef EPIWIRE_TEXT_SENTENCES_H_
#define EPIWIRE_TEXT_SENTENCES_H_

#include <cstddef>
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

struct Token {
  size_t start = 0;  // byte offsets into the text given to Tokenize
  size_t end = 0;
  std::string lower;  // ASCII-lower-cased form, curly apostrophes made straight
  bool is_word = false;        // letters (and inner hyphens/apostrophes), or digits
  bool capitalized = false;    // starts with an upper-case ASCII letter
  bool has_digit = false;
};

// Words, numbers (with inner , . : -) and single punctuation marks, in order.
// Multi-byte punctuation (curly quotes, dashes) are single tokens. A possessive
// "'s" / "\u2019s" is its own token "'s".
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);

}  // namespace epiwire::text

#endif  // EPIWIRE_TEXT_SENTENCES_H_
