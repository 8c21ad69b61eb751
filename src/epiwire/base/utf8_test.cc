// SPDX-License-Identifier: MIT
#include "epiwire/base/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace epiwire
