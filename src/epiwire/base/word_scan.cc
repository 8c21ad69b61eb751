// SPDX-License-Identifier: MIT
// Tested by word_scan_test.cc and through quantity_test.cc and date_expressions_test.cc.
#include "epiwire/base/word_scan.h"

#include <cstring>

#include "epiwire/base/utf8.h"

namespace epiwire::word_scan {

size_t SpaceLength(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
    return 2;  // no-break space
  }
  if (c == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    const unsigned char third = static_cast<unsigned char>(text[pos + 2]);
    if (third == 0x89 || third == 0xAF) return 3;  // thin space, narrow no-break space
  }
  return 0;
}

void Tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  size_t pos = 0;
  const size_t size = text.size();
  while (pos < size) {
    const char c = text[pos];
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) {
      const bool digits = IsAsciiDigit(c);
      size_t end = pos + 1;
      while (end < size && (digits ? IsAsciiDigit(text[end]) : IsAsciiAlpha(text[end]))) ++end;
      out.push_back({pos, end, digits ? TokenKind::kDigits : TokenKind::kWord});
      pos = end;
      continue;
    }
    const size_t space = SpaceLength(text, pos);
    if (space > 0) {
      pos += space;
      continue;
    }
    size_t length = Utf8SequenceLength(static_cast<unsigned char>(c));
    if (pos + length > size) length = size - pos;
    out.push_back({pos, pos + length, TokenKind::kMark});
    pos += length;
  }
}

WordIndex::WordIndex(const std::vector<std::string_view>& words) : words_(words) {
  size_t size = 16;
  while (size < words.size() * 4) size *= 2;  // sparse: a miss mostly ends at once
  slots_.assign(size, -1);
  mask_ = size - 1;
  for (size_t i = 0; i < words_.size(); ++i) {
    if (words_[i].size() > kMaxLength || Find(words_[i]) >= 0) continue;  // first one wins
    size_t slot = Hash(words_[i].data(), words_[i].size()) & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<int>(i);
    filter_[FilterKey(words_[i])] = true;
  }
}

size_t WordIndex::FilterKey(std::string_view word) {
  const size_t first = word.empty() ? 0 : static_cast<unsigned char>(AsciiToLower(word[0]));
  const size_t second = word.size() > 1 ? static_cast<unsigned char>(AsciiToLower(word[1])) : 0;
  return ((word.size() * 257 + first) * 263 + second) % kFilterBits;
}

uint32_t WordIndex::Hash(const char* lower, size_t size) {
  uint32_t hash = 2166136261u;  // FNV-1a
  for (size_t k = 0; k < size; ++k) hash = (hash ^ static_cast<unsigned char>(lower[k])) * 16777619u;
  return hash;
}

int WordIndex::Find(std::string_view word) const {
  if (word.empty() || word.size() > kMaxLength || !filter_[FilterKey(word)]) return -1;
  char lower[kMaxLength];
  for (size_t k = 0; k < word.size(); ++k) lower[k] = AsciiToLower(word[k]);
  for (size_t slot = Hash(lower, word.size()) & mask_;; slot = (slot + 1) & mask_) {
    const int at = slots_[slot];
    if (at < 0) return -1;
    const std::string_view candidate = words_[static_cast<size_t>(at)];
    if (candidate.size() == word.size() && std::memcmp(candidate.data(), lower, word.size()) == 0) {
      return at;
    }
  }
}

}  // namespace epiwire::word_scan
