// SPDX-License-Identifier: MIT
#include "epiwire/base/han.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace epiwire
