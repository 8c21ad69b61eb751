// SPDX-License-Identifier: MIT
// Internal to the clean stage (public API: cleaner.h). Folds a line for matching:
// lower case (ASCII, Latin-1 letters and Cyrillic), traditional Han as simplified, curly
// quotes and dashes made straight, runs of spaces made one,
// with a map back to byte offsets of the input. A document is folded once, line by
// line, and every rule reads views of that. Tested by cleaner_test.cc.
#ifndef EPIWIRE_CLEAN_TEXT_FOLD_H_
#define EPIWIRE_CLEAN_TEXT_FOLD_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "epiwire/base/utf8.h"  // IsCjkLead: each CJK character is a word of its own

namespace epiwire::clean {

struct FoldedText {
  std::string text;  // trimmed; no two spaces in a row
  // origin[i] is the input offset of the byte that text[i] came from; origin has
  // text.size() + 1 entries, the last one the input offset just past the folded part.
  std::vector<size_t> origin;
  std::string_view input;  // the text that was folded; must outlive this object
};

// A piece of folded text (a line of a folded document, or part of one) read as if it
// had been folded alone: its ends are the ends of the text for word boundaries.
struct FoldedView {
  FoldedView() = default;
  FoldedView(const FoldedText& folded)  // NOLINT(google-explicit-constructor): a view of it
      : text(folded.text), origin(folded.origin.data()), input(folded.input) {}
  FoldedView(std::string_view folded, const size_t* folded_origin, std::string_view folded_from)
      : text(folded), origin(folded_origin), input(folded_from) {}

  // The view of folded bytes [begin, end).
  FoldedView Sub(size_t begin, size_t end) const {
    return {text.substr(begin, end - begin), origin + begin, input};
  }

  std::string_view text;
  const size_t* origin = nullptr;  // origin[i] for text[i], as in FoldedText
  std::string_view input;
};

// Folds `input` (any bytes; invalid UTF-8 is copied as it is).
FoldedText FoldText(std::string_view input);

// A page folded line by line into one buffer, each line followed by '\n' (which no
// phrase holds, so one scan of the buffer finds no match across lines). The memory
// is kept from one page to the next.
class FoldedPage {
 public:
  // Starts a page; `input` must outlive the views.
  void Reset(std::string_view input);
  // Folds input[begin, end), a piece of a line, as FoldText(input.substr(begin, end -
  // begin)) would, and appends it and a '\n'. Returns where it went in text().
  std::pair<size_t, size_t> AppendLine(size_t begin, size_t end);

  std::string_view text() const { return {text_.get(), size_}; }
  // The line at text()[begin, end) as a view whose origin offsets are the input's.
  FoldedView View(size_t begin, size_t end) const {
    return FoldedView(text(), origin_.get(), input_).Sub(begin, end);
  }
  // Bytes held, to give back after a huge page.
  size_t capacity() const { return capacity_; }

 private:
  void Reserve(size_t bytes);

  std::string_view input_;
  std::unique_ptr<char[]> text_;  // capacity_ bytes, size_ of them used
  std::unique_ptr<size_t[]> origin_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

namespace fold_internal {

// Classes of bytes, looked up in one table by the loops that run over every byte.
enum : uint8_t { kWord = 1, kCjkLead = 2, kSpace = 4 };
inline constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      c >= 0x80;
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    classes[c] = static_cast<uint8_t>((word ? kWord : 0) | (c >= 0xE3 && c <= 0xE9 ? kCjkLead : 0) |
                                      (space ? kSpace : 0));
  }
  return classes;
}();

}  // namespace fold_internal

// A letter or digit, or a byte of a non-ASCII character.
inline bool IsWordByte(unsigned char c) { return fold_internal::kByteClass[c] & fold_internal::kWord; }

// True when folded position `pos` (0 < pos < size) starts a new word inside a run of
// word bytes because the input changes from lower to upper case there ("MoreEnter").
bool IsCamelBoundary(const FoldedView& folded, size_t pos);

// True when a word may start or end at `pos` of `folded`: at either end of the text,
// next to a byte that is no word byte, at a change of case inside glued text, and
// before or after a CJK character.
bool IsWordBoundary(const FoldedView& folded, size_t pos);

// The words of `input`, folded and joined by single spaces: the key under which two
// paragraphs that differ only in case, spacing or punctuation are the same.
std::string DuplicateKey(std::string_view input);

// The same key from text already folded, or its first `max_bytes` bytes; replaces the
// contents of `key`.
void DuplicateKeyOfFolded(std::string_view folded, std::string& key,
                          size_t max_bytes = std::string::npos);

// Number of words in `input`: runs of word bytes, and a word for every two CJK
// characters (a Chinese word is one to three characters, mostly two).
size_t CountWords(std::string_view input);

}  // namespace epiwire::clean

#endif  // EPIWIRE_CLEAN_TEXT_FOLD_H_
