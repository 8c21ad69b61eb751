// SPDX-License-Identifier: MIT
// Tested by word_scan_test.cc and through quantity_test.cc and date_expressions_test.cc.
#include "epiwire/base/word_scan.h"

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

WordIndex::WordIndex(const std::vector<std::string_view>& words) {
  size_t size = 16;
  while (size < words.size() * 4) size *= 2;  // sparse: a miss mostly ends at once
  slots_.assign(size, -1);
  mask_ = size - 1;
  packed_.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() > kMaxLength || Find(words[i]) >= 0) continue;  // first one wins
    packed_[i] = PackLower(words[i]);
    size_t slot = Hash(packed_[i]) & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<int>(i);
    filter_[FilterKey(words[i])] = true;
  }
}

size_t WordIndex::FilterKey(std::string_view word) {
  const size_t first = word.empty() ? 0 : static_cast<unsigned char>(AsciiToLower(word[0]));
  const size_t second = word.size() > 1 ? static_cast<unsigned char>(AsciiToLower(word[1])) : 0;
  return ((word.size() * 257 + first) * 263 + second) % kFilterBits;
}

WordIndex::Packed WordIndex::PackLower(std::string_view word) {
  uint64_t parts[2] = {0, 0};
  for (size_t k = 0; k < word.size(); ++k) {
    const auto byte = static_cast<unsigned char>(AsciiToLower(word[k]));
    parts[k >> 3] |= uint64_t{byte} << ((k & 7) * 8);
  }
  return Packed{parts[0], parts[1], word.size()};
}

size_t WordIndex::Hash(const Packed& packed) {
  const uint64_t mixed = (packed.low * 0x9E3779B97F4A7C15ULL) ^
                         ((packed.high + packed.size) * 0xC2B2AE3D27D4EB4FULL);
  return static_cast<size_t>(mixed ^ (mixed >> 29));
}

int WordIndex::Find(std::string_view word) const {
  if (word.empty() || word.size() > kMaxLength || !filter_[FilterKey(word)]) return -1;
  const Packed packed = PackLower(word);
  for (size_t slot = Hash(packed) & mask_;; slot = (slot + 1) & mask_) {
    const int at = slots_[slot];
    if (at < 0) return -1;
    if (packed_[static_cast<size_t>(at)] == packed) return at;
  }
}

}  // namespace epiwire::word_scan
