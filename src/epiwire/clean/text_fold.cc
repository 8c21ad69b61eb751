// SPDX-License-Identifier: MIT
// Folding of text for phrase matching and duplicate keys. Tested by cleaner_test.cc.
#include "epiwire/clean/text_fold.h"

namespace epiwire::clean {
namespace {

// What a UTF-8 punctuation character folds to, or nullptr to keep it as it is.
// `length` receives the byte length of the sequence at `p` when it is folded.
const char* FoldPunctuation(std::string_view rest, size_t& length) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(rest[i]); };
  if (rest.size() >= 2 && at(0) == 0xC2 && at(1) == 0xA0) {  // no-break space
    length = 2;
    return " ";
  }
  if (rest.size() < 3 || at(0) != 0xE2) return nullptr;
  length = 3;
  if (at(1) == 0x80) {
    unsigned char c = at(2);
    if (c >= 0x90 && c <= 0x95) return "-";  // hyphens and dashes
    if (c == 0x98 || c == 0x99 || c == 0x9B || c == 0xB2) return "'";
    if (c == 0x9C || c == 0x9D || c == 0x9E || c == 0xB3) return "\"";
    if (c == 0xA6) return "...";
    if (c == 0xAF || (c >= 0x80 && c <= 0x8A)) return " ";  // narrow and other spaces
  }
  return nullptr;
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

FoldedText FoldText(std::string_view input) {
  FoldedText out;
  out.input = input;
  out.text.reserve(input.size());
  out.origin.reserve(input.size() + 1);
  bool pending_space = false;
  size_t end_of_last = 0;
  auto emit = [&](char c, size_t from) {
    if (pending_space && !out.text.empty()) {
      out.text.push_back(' ');
      out.origin.push_back(from);
    }
    pending_space = false;
    out.text.push_back(c);
    out.origin.push_back(from);
  };
  size_t i = 0;
  while (i < input.size()) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    size_t length = 1;
    if (IsSpace(c)) {
      pending_space = true;
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const char* folded = FoldPunctuation(input.substr(i), length);
      if (folded != nullptr) {
        if (folded[0] == ' ') {
          pending_space = true;
        } else {
          for (const char* f = folded; *f != '\0'; ++f) emit(*f, i);
          end_of_last = i + length;
        }
        i += length;
        continue;
      }
      emit(static_cast<char>(c), i);
    } else {
      emit(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c), i);
    }
    ++i;
    end_of_last = i;
  }
  out.origin.push_back(end_of_last);
  return out;
}

bool IsCamelBoundary(const FoldedText& folded, size_t pos) {
  if (pos == 0 || pos >= folded.text.size()) return false;
  unsigned char before = static_cast<unsigned char>(folded.input[folded.origin[pos - 1]]);
  unsigned char here = static_cast<unsigned char>(folded.input[folded.origin[pos]]);
  return before >= 'a' && before <= 'z' && here >= 'A' && here <= 'Z';
}

std::string DuplicateKey(std::string_view input) {
  FoldedText folded = FoldText(input);
  std::string key;
  key.reserve(folded.text.size());
  bool in_word = false;
  for (char ch : folded.text) {
    if (IsWordByte(static_cast<unsigned char>(ch))) {
      if (!in_word && !key.empty()) key.push_back(' ');
      key.push_back(ch);
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return key;
}

size_t CountWords(std::string_view input) {
  size_t words = 0;
  bool in_word = false;
  for (char ch : input) {
    bool word_byte = IsWordByte(static_cast<unsigned char>(ch));
    if (word_byte && !in_word) ++words;
    in_word = word_byte;
  }
  return words;
}

}  // namespace epiwire::clean
