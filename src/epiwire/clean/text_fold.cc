// SPDX-License-Identifier: MIT
// Folding of text for phrase matching and duplicate keys. Tested by cleaner_test.cc.
#include "epiwire/clean/text_fold.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "epiwire/base/han.h"

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
bool CjkEndsAt(std::string_view text, size_t pos) {
  return pos >= 3 && IsCjkLead(static_cast<unsigned char>(text[pos - 3])) &&
         (static_cast<unsigned char>(text[pos - 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(text[pos - 2]) & 0xC0) == 0x80;
}

bool IsSpace(unsigned char c) { return fold_internal::kByteClass[c] & fold_internal::kSpace; }

// What FoldInto writes for a byte of a run of ASCII: itself lower-cased, or kRunEnd for
// a space or a byte of another character, which end the run.
constexpr unsigned char kRunEnd = 0xFF;
constexpr std::array<unsigned char, 256> kAsciiFold = [] {
  std::array<unsigned char, 256> fold{};
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    fold[byte] = c >= 0x80 || (fold_internal::kByteClass[byte] & fold_internal::kSpace)
                     ? kRunEnd
                     : static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return fold;
}();

// Folds input[begin, end) into out[0..) and out_origin[0..), which have room for
// end - begin entries (folding never lengthens text: a space is written only for a run
// of spaces before a character, and no character folds to more bytes than it has).
// Returns the number of bytes written; `end_of_last` receives the input offset just
// past the last folded character.
size_t FoldInto(std::string_view input, size_t begin, size_t end, char* out, size_t* out_origin,
                size_t& end_of_last) {
  size_t written = 0;
  bool pending_space = false;
  end_of_last = begin;
  auto emit = [&](char c, size_t from) {
    if (pending_space && written > 0) {
      out[written] = ' ';
      out_origin[written] = from;
      ++written;
    }
    pending_space = false;
    out[written] = c;
    out_origin[written] = from;
    ++written;
  };
  size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x80) {
      if (IsSpace(c)) {
        pending_space = true;
        ++i;
        continue;
      }
      if (pending_space && written > 0) {
        out[written] = ' ';
        out_origin[written] = i;
        ++written;
      }
      pending_space = false;
      // Most text is runs of ASCII letters and punctuation: copied lower-cased, a
      // table look-up a byte telling its folded form or the run's end.
      const auto* const bytes = reinterpret_cast<const unsigned char*>(input.data());
      const unsigned char* at = bytes + i;
      const unsigned char* const stop = bytes + end;
      char* to = out + written;
      size_t* origin = out_origin + written;
      unsigned char folded = kAsciiFold[c];
      do {
        *to++ = static_cast<char>(folded);
        *origin++ = static_cast<size_t>(at - bytes);
        ++at;
      } while (at != stop && (folded = kAsciiFold[*at]) != kRunEnd);
      written = static_cast<size_t>(to - out);
      i = static_cast<size_t>(at - bytes);
      end_of_last = i;
      continue;
    }
    const std::string_view rest = input.substr(i, end - i);
    size_t length = 1;
    const char* folded = FoldPunctuation(rest, length);
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
    if (rest.size() >= 2) {
      unsigned char first = c;
      const unsigned char lower = FoldTwoByteCapital(first, static_cast<unsigned char>(rest[1]));
      if (lower != 0) {
        emit(static_cast<char>(first), i);
        emit(static_cast<char>(lower), i);
        i += 2;
        end_of_last = i;
        continue;
      }
    }
    emit(static_cast<char>(c), i);
    ++i;
    end_of_last = i;
  }
  // "個案", "兩宗": traditional Han is matched as simplified (as many bytes, in place).
  SimplifyHan(out, written);
  return written;
}

}  // namespace

FoldedText FoldText(std::string_view input) {
  FoldedText out;
  out.input = input;
  out.text.resize(input.size());
  out.origin.resize(input.size() + 1);
  size_t end_of_last = 0;
  const size_t written =
      FoldInto(input, 0, input.size(), out.text.data(), out.origin.data(), end_of_last);
  out.text.resize(written);
  out.origin.resize(written);
  out.origin.push_back(end_of_last);
  return out;
}

void FoldedPage::Reset(std::string_view input) {
  input_ = input;
  size_ = 0;
  // The lines of the input, each followed by '\n', fit in input.size() + 1 bytes.
  Reserve(input.size() + 1);
}

void FoldedPage::Reserve(size_t bytes) {
  if (capacity_ >= bytes) return;
  // Left uninitialized: only what is appended is read.
  auto text = std::unique_ptr<char[]>(new char[bytes]);
  auto origin = std::unique_ptr<size_t[]>(new size_t[bytes]);
  std::copy_n(text_.get(), size_, text.get());
  std::copy_n(origin_.get(), size_, origin.get());
  text_ = std::move(text);
  origin_ = std::move(origin);
  capacity_ = bytes;
}

std::pair<size_t, size_t> FoldedPage::AppendLine(size_t begin, size_t end) {
  if (size_ + (end - begin) + 1 > capacity_) Reserve(2 * capacity_ + (end - begin) + 1);
  const size_t start = size_;
  size_t end_of_last = 0;
  size_ += FoldInto(input_, begin, end, text_.get() + size_, origin_.get() + size_, end_of_last);
  const size_t folded_end = size_;
  text_[size_] = '\n';
  origin_[size_] = end;
  ++size_;
  return {start, folded_end};
}

bool IsCamelBoundary(const FoldedView& folded, size_t pos) {
  if (pos == 0 || pos >= folded.text.size()) return false;
  unsigned char before = static_cast<unsigned char>(folded.input[folded.origin[pos - 1]]);
  unsigned char here = static_cast<unsigned char>(folded.input[folded.origin[pos]]);
  return before >= 'a' && before <= 'z' && here >= 'A' && here <= 'Z';
}

bool IsWordBoundary(const FoldedView& folded, size_t pos) {
  const std::string_view text = folded.text;
  if (pos == 0 || pos >= text.size()) return true;
  if (!IsWordByte(static_cast<unsigned char>(text[pos])) ||
      !IsWordByte(static_cast<unsigned char>(text[pos - 1]))) {
    return true;
  }
  return IsCjkLead(static_cast<unsigned char>(text[pos])) || CjkEndsAt(text, pos) ||
         IsCamelBoundary(folded, pos);
}

std::string DuplicateKey(std::string_view input) {
  std::string key;
  DuplicateKeyOfFolded(FoldText(input).text, key);
  return key;
}

void DuplicateKeyOfFolded(std::string_view folded, std::string& key, size_t max_bytes) {
  // The key is never longer than the folded text: written in place, then cut.
  key.resize(folded.size());
  char* out = key.data();
  size_t written = 0;
  bool in_word = false;
  for (char ch : folded) {
    const bool word = IsWordByte(static_cast<unsigned char>(ch));
    if (word) {
      if (written >= max_bytes) break;
      if (!in_word && written > 0) {
        out[written++] = ' ';
        if (written == max_bytes) break;
      }
      out[written++] = ch;
    }
    in_word = word;
  }
  key.resize(written);
}

namespace {

// The high bit of each byte of `word` (bytes below 0x80) that is at least `c` (at most 0x80).
uint64_t BytesAtLeast(uint64_t word, uint8_t c) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  return ((word | kHighs) - kOnes * c) & kHighs;
}

// The high bit of each ASCII letter or digit of `word` (eight bytes, all below 0x80).
uint64_t AsciiWordBytes(uint64_t word) {
  const auto in = [&](uint8_t low, uint8_t high) {
    return BytesAtLeast(word, low) & ~BytesAtLeast(word, static_cast<uint8_t>(high + 1));
  };
  return in('0', '9') | in('A', 'Z') | in('a', 'z');
}

// How many bytes of `highs` have their high bit set (no other bit may be): a multiply
// adds the eight 0/1 bytes into the top one. std::popcount is a library call on the
// x86-64 baseline, which has no popcnt instruction.
size_t CountHighBits(uint64_t highs) {
  return static_cast<size_t>(((highs >> 7) * 0x0101010101010101ULL) >> 56);
}

}  // namespace

size_t CountWords(std::string_view input) {
  using fold_internal::kByteClass;
  size_t words = 0;
  size_t cjk = 0;
  unsigned in_word = 0;
  size_t i = 0;
  // Eight bytes at a time while they are ASCII (English text, mostly): a word starts
  // at each letter or digit after a byte that is none.
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  for (uint64_t chunk; i + sizeof chunk <= input.size(); i += sizeof chunk) {
    std::memcpy(&chunk, input.data() + i, sizeof chunk);
    // The first byte in the lowest bits, so that shifting left steps to the next byte.
    if constexpr (std::endian::native == std::endian::big) chunk = __builtin_bswap64(chunk);
    if (chunk & kHighs) break;
    const uint64_t word = AsciiWordBytes(chunk);
    const uint64_t before = (word << 8) | (in_word ? 0x80 : 0);
    words += CountHighBits(word & ~before);
    in_word = (word >> 63) & 1;
  }
  for (; i < input.size(); ++i) {
    const unsigned byte_class = kByteClass[static_cast<unsigned char>(input[i])];
    if (byte_class & fold_internal::kCjkLead) [[unlikely]] {
      ++cjk;
      i += 2;
      in_word = 0;
      continue;
    }
    const unsigned word_byte = byte_class & fold_internal::kWord;
    words += word_byte & ~in_word;
    in_word = word_byte;
  }
  return words + (cjk + 1) / 2;
}

}  // namespace epiwire::clean
