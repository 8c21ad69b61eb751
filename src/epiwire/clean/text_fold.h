// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). Folds a line for matching:
// lower case (ASCII, Latin-1 letters and Cyrillic), curly quotes and dashes made straight, runs of spaces made one,
// with a map back to byte offsets of the input. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_TEXT_FOLD_H_
#define EPIWIRE_CLEAN_TEXT_FOLD_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace epiwire::clean {

struct FoldedText {
  std::string text;  // trimmed; no two spaces in a row
  // origin[i] is the input offset of the byte that text[i] came from; origin has
  // text.size() + 1 entries, the last one the input offset just past the folded part.
  std::vector<size_t> origin;
  std::string_view input;  // the text that was folded; must outlive this object
};

// Folds `input` (any bytes; invalid UTF-8 is copied as it is).
FoldedText FoldText(std::string_view input);

// A letter or digit, or a byte of a non-ASCII character.
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// True when folded position `pos` (0 < pos < size) starts a new word inside a run of
// word bytes because the input changes from lower to upper case there ("MoreEnter").
bool IsCamelBoundary(const FoldedText& folded, size_t pos);

// The lead byte of a character of U+3000..U+9FFF: CJK punctuation, kana and Han
// ideographs, which are written without spaces: each of them is a word of its own.
inline bool IsCjkLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// True when a word may start or end at `pos` of `folded`: at either end of the text,
// next to a byte that is no word byte, at a change of case inside glued text, and
// before or after a CJK character.
bool IsWordBoundary(const FoldedText& folded, size_t pos);

// The words of `input`, folded and joined by single spaces: the key under which two
// paragraphs that differ only in case, spacing or punctuation are the same.
std::string DuplicateKey(std::string_view input);

// Number of words in `input`: runs of word bytes, and a word for every two CJK
// characters (a Chinese word is one to three characters, mostly two).
size_t CountWords(std::string_view input);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_TEXT_FOLD_H_
