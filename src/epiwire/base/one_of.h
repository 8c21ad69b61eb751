// SPDX-License-Identifier: MIT
// Whether a word is one of a short list of words. The rules ask it of most tokens of a
// sentence, against lists of a few literals, and most words are of none: each is told
// by its length, then its bytes, inline. (std::find over views stayed a call, and its
// comparison another, at every token.) Tested by one_of_test.cc.
#ifndef EPIWIRE_BASE_ONE_OF_H_
#define EPIWIRE_BASE_ONE_OF_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace epiwire {

// Whether `a` and `b` hold the same bytes.
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Whether `word` starts with the bytes of `prefix`.
inline bool StartsWithWord(std::string_view word, std::string_view prefix) {
  return word.size() >= prefix.size() &&
         SameWord(std::string_view(word.data(), prefix.size()), prefix);
}

inline bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (const std::string_view w : words) {
    if (SameWord(w, word)) return true;
  }
  return false;
}

template <size_t N>
bool OneOf(std::string_view word, const std::string_view (&words)[N]) {
  for (const std::string_view w : words) {
    if (SameWord(w, word)) return true;
  }
  return false;
}

}  // namespace epiwire

#endif  // EPIWIRE_BASE_ONE_OF_H_
