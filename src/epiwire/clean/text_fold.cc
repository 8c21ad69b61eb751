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

// The lower-case second byte of a two-byte capital that folds in place (Latin-1 letters
// À..Þ but ×, Cyrillic А..Я and Ё), or 0 for any other pair. `first` is updated when the
// lower-case letter has another first byte (Р..Я -> р..я, Ё -> ё).
unsigned char FoldTwoByteCapital(unsigned char& first, unsigned char second) {
  if (first == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97) return second + 0x20;
  if (first == 0xD0 && second >= 0x90 && second <= 0x9F) return second + 0x20;
  if (first == 0xD0 && second >= 0xA0 && second <= 0xAF) {
    first = 0xD1;
    return second - 0x20;
  }
  if (first == 0xD0 && second == 0x81) {
    first = 0xD1;
    return 0x91;
  }
  return 0;
}

// A CJK character (three bytes from a lead byte of IsCjkLead) ends just before `pos`.
bool CjkEndsAt(const std::string& text, size_t pos) {
  return pos >= 3 && IsCjkLead(static_cast<unsigned char>(text[pos - 3])) &&
         (static_cast<unsigned char>(text[pos - 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(text[pos - 2]) & 0xC0) == 0x80;
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
      if (i + 1 < input.size()) {
        unsigned char first = c;
        const unsigned char lower = FoldTwoByteCapital(first, static_cast<unsigned char>(input[i + 1]));
        if (lower != 0) {
          emit(static_cast<char>(first), i);
          emit(static_cast<char>(lower), i);
          i += 2;
          end_of_last = i;
          continue;
        }
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

bool IsWordBoundary(const FoldedText& folded, size_t pos) {
  const std::string& text = folded.text;
  if (pos == 0 || pos >= text.size()) return true;
  if (!IsWordByte(static_cast<unsigned char>(text[pos])) ||
      !IsWordByte(static_cast<unsigned char>(text[pos - 1]))) {
    return true;
  }
  return IsCjkLead(static_cast<unsigned char>(text[pos])) || CjkEndsAt(text, pos) ||
         IsCamelBoundary(folded, pos);
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
  size_t cjk = 0;
  bool in_word = false;
  for (size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (IsCjkLead(c)) {
      ++cjk;
      i += 2;
      in_word = false;
      continue;
    }
    bool word_byte = IsWordByte(c);
    if (word_byte && !in_word) ++words;
    in_word = word_byte;
  }
  return words + (cjk + 1) / 2;
}

}  // namespace epiwire::clean
