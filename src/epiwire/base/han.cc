// SPDX-License-Identifier: MIT
#include "epiwire/base/han.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace epiwire {
namespace {

// The lead bytes of three-byte characters of the Han blocks U+3400..U+9FFF.
bool HanLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// One transliterator and one memo a thread: ICU's transliterators are not to be shared
// between threads, and a character once looked up is not looked up again.
class Simplifier {
 public:
  Simplifier() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }

  // The simplified form of `c` (a character of three bytes in UTF-8), or `c` when it has
  // none of one character.
  UChar32 Simplified(UChar32 c) {
    UChar32& known = memo_[static_cast<size_t>(c - kFirst)];
    if (known != 0) return known;
    UChar32 out = c;
    if (transliterator_) {
      icu::UnicodeString s(c);
      transliterator_->transliterate(s);
      if (s.countChar32() == 1) out = s.char32At(0);
    }
    known = out;
    return out;
  }

  // The characters of three bytes whose lead byte HanLead accepts.
  static constexpr UChar32 kFirst = 0x3000;
  static constexpr UChar32 kLast = 0x9FFF;

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
  // By character from kFirst: its simplified form, 0 until asked.
  std::vector<UChar32> memo_ = std::vector<UChar32>(kLast - kFirst + 1, 0);
};

// Whether the 8 bytes at `p` are all ASCII.
bool Ascii8(const uint8_t* p) {
  uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

size_t SimplifyHan(std::string& text) { return SimplifyHan(text.data(), text.size()); }

size_t SimplifyHan(char* data, size_t size) {
  size_t changed = 0;
  Simplifier* simplifier = nullptr;
  auto* bytes = reinterpret_cast<uint8_t*>(data);
  const auto length = static_cast<int32_t>(size);
  for (int32_t i = 0; i < length;) {
    // (Most text is ASCII: eight bytes at a time.)
    if (i + 8 <= length && Ascii8(bytes + i)) {
      i += 8;
      continue;
    }
    if (!HanLead(bytes[i])) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < Simplifier::kFirst || c > Simplifier::kLast || i - start != 3) continue;
    if (simplifier == nullptr) {
      thread_local Simplifier per_thread;
      simplifier = &per_thread;
    }
    const UChar32 simple = simplifier->Simplified(c);
    if (simple == c || U8_LENGTH(simple) != 3) continue;
    int32_t at = start;
    UBool error = false;
    U8_APPEND(bytes, at, length, simple, error);
    if (!error) ++changed;
  }
  return changed;
}

}  // namespace epiwire
