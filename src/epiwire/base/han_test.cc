// SPDX-License-Identifier: MIT
#include "epiwire/base/han.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <string>

namespace epiwire {
namespace {

// Traditional characters take their simplified forms, byte for byte in place.
TEST(SimplifyHan, WritesTraditionalCharactersSimplifiedInPlace) {
  std::string text = "\u9999\u6e2f\u65b0\u589e\u5169\u5b97\u500b\u6848";  // 香港新增兩宗個案
  const size_t size = text.size();
  EXPECT_EQ(SimplifyHan(text), 2u);
  EXPECT_EQ(text, "\u9999\u6e2f\u65b0\u589e\u4e24\u5b97\u4e2a\u6848");  // 香港新增两宗个案
  EXPECT_EQ(text.size(), size);
}

TEST(SimplifyHan, LeavesSimplifiedLatinAndBadBytesAlone) {
  std::string text = "COVID-19 \u75c5\u4f8b 12 \xE9\x80";  // simplified, then a cut character
  const std::string before = text;
  EXPECT_EQ(SimplifyHan(text), 0u);
  EXPECT_EQ(text, before);
  std::string empty;
  EXPECT_EQ(SimplifyHan(empty), 0u);
}

// ASCII is stepped over eight bytes at a time: a character after a run of any length, or
// one that straddles an eight-byte step, is still read.
TEST(SimplifyHan, FindsACharacterAfterAnyRunOfAscii) {
  for (size_t run = 0; run <= 20; ++run) {
    std::string text = std::string(run, 'a') + "\u5169\u5b97" + std::string(run % 3, 'b');
    EXPECT_EQ(SimplifyHan(text), 1u) << "after " << run << " ASCII bytes";
    EXPECT_EQ(text, std::string(run, 'a') + "\u4e24\u5b97" + std::string(run % 3, 'b'));
  }
}

// The table made at build time says what ICU's transliteration says of each character of
// three bytes from U+3000 to U+9FFF alone: its simplified form where that is one
// character of as many bytes, else the character itself.
TEST(SimplifyHan, EveryCharacterIsSimplifiedAsIcuTransliteratesIt) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status) && icu_hans) << u_errorName(status);
  size_t simplified = 0;
  for (UChar32 c = 0x3000; c <= 0x9FFF; ++c) {
    icu::UnicodeString expected(c);
    icu_hans->transliterate(expected);
    UChar32 want = c;
    if (expected.countChar32() == 1 && U8_LENGTH(expected.char32At(0)) == 3) {
      want = expected.char32At(0);
    }
    std::string text;
    icu::UnicodeString(c).toUTF8String(text);
    const size_t changed = SimplifyHan(text);
    std::string want_text;
    icu::UnicodeString(want).toUTF8String(want_text);
    ASSERT_EQ(text, want_text) << "U+" << std::hex << c;
    ASSERT_EQ(changed, want != c ? 1u : 0u) << "U+" << std::hex << c;
    simplified += changed;
  }
  EXPECT_GT(simplified, 2000u);  // (ICU 72: 2,855)
}

}  // namespace
}  // namespace epiwire
