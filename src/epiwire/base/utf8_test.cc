// SPDX-License-Identifier: MIT
#include "epiwire/base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace epiwire {
namespace {

TEST(Utf8, ValidTextHasNoInvalidOffset) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii").has_value());
  EXPECT_FALSE(FindInvalidUtf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80").has_value());
}

TEST(Utf8, ReportsOffsetOfFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("abc\xC3"), 3u);            // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("x\xC0\xAF"), 1u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);       // surrogate
}

TEST(Utf8, LongTextsAreCheckedWholeAndTheFirstBadByteIsFound) {
  // Longer than a step of the block validator (64 bytes), bad bytes past it.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "caf\xC3\xA9 \xD0\x9C\xD0\xB8 \xE7\x9C\x81 ";
  ASSERT_GT(text.size(), 200u);
  EXPECT_FALSE(FindInvalidUtf8(text).has_value());
  const size_t at = text.size() - 7;  // the start of a character
  for (const char* bad : {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    std::string broken = text;
    broken.insert(at, bad);
    EXPECT_EQ(FindInvalidUtf8(broken), at) << "bad bytes of length " << std::string(bad).size();
  }
  EXPECT_EQ(FindInvalidUtf8(text + "\xE7\x9C"), text.size());  // cut off at the end
}

TEST(Utf8, RepairReplacesEachBadByteWithReplacementCharacter) {
  std::string text = "a\xFF" "b\xFE";
  EXPECT_EQ(RepairUtf8(text), 2u);
  EXPECT_EQ(text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  std::string good = "fine";
  EXPECT_EQ(RepairUtf8(good), 0u);
  EXPECT_EQ(good, "fine");
}

TEST(Utf8, AsciiLowerLeavesOtherBytes) {
  EXPECT_EQ(AsciiLower("COVID-19 \xC3\x89"), "covid-19 \xC3\x89");
}

// The ASCII fast path reads eight bytes at a time: a bad byte is found wherever it
// falls in or after such a run.
TEST(Utf8, FindsABadByteAtEveryPlaceOfALongAsciiRun) {
  const std::string ascii(40, 'a');
  for (size_t at = 0; at <= ascii.size(); ++at) {
    std::string text = ascii;
    text.insert(at, 1, '\xFF');
    EXPECT_EQ(FindInvalidUtf8(text), at) << "bad byte at " << at;
    std::string good = ascii;
    good.insert(at, "\xC3\xA9");
    EXPECT_FALSE(FindInvalidUtf8(good).has_value()) << "e acute at " << at;
  }
}

}  // namespace
TEST(Utf8, LowercaseLettersOfAnyScriptAreSeenCapitalsAndHanAreNot) {
  EXPECT_TRUE(HasLowercaseLetter("ABC d"));
  EXPECT_TRUE(HasLowercaseLetter("\u0412 \u0420\u043e"));  // Cyrillic "V Ro"
  EXPECT_TRUE(HasLowercaseLetter("\u00c9T\u00c9 \u00e9"));
  EXPECT_FALSE(HasLowercaseLetter("\u041d\u041e\u0412\u041e\u0421\u0422\u0418 12"));
  EXPECT_FALSE(HasLowercaseLetter("\u75c5\u4f8b"));  // Han: no case
  EXPECT_FALSE(HasLowercaseLetter("\xff\xfe A"));    // bad bytes are passed over
  EXPECT_FALSE(HasLowercaseLetter(""));
}

}  // namespace epiwire
