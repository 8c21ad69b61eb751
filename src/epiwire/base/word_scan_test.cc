// SPDX-License-Identifier: MIT
#include "epiwire/base/word_scan.h"

#include <gtest/gtest.h>

#include <string>

namespace epiwire::word_scan {
namespace {

TEST(WordIndex, FindsEachWordIgnoringAsciiCase) {
  const WordIndex index({"april", "may", "monday", "a"});
  EXPECT_EQ(index.Find("april"), 0);
  EXPECT_EQ(index.Find("May"), 1);
  EXPECT_EQ(index.Find("MONDAY"), 2);
  EXPECT_EQ(index.Find("A"), 3);
}

TEST(WordIndex, MissesOtherWordsPrefixesAndLongWords) {
  const WordIndex index({"april", "may"});
  EXPECT_EQ(index.Find("apri"), -1);
  EXPECT_EQ(index.Find("aprils"), -1);
  EXPECT_EQ(index.Find(""), -1);
  EXPECT_EQ(index.Find(std::string(40, 'a')), -1);
}

TEST(WordIndex, FindsWordsBeyondAscii) {
  const WordIndex index({"d\xC3\xA9""cembre", "\xD0\xBC\xD0\xB0\xD1\x8F"});  // "décembre", "мая"
  EXPECT_EQ(index.Find("D\xC3\xA9""cembre"), 0);
  EXPECT_EQ(index.Find("\xD0\xBC\xD0\xB0\xD1\x8F"), 1);
  EXPECT_EQ(index.Find("\xD0\xBC\xD0\xB0"), -1);
}

// Words are compared as two halves of eight bytes: they must differ past the eighth.
TEST(WordIndex, TellsApartWordsThatDifferOnlyPastTheirEighthByte) {
  const WordIndex index({"quarantined", "quarantines", "outbreak", "outbreaks"});
  EXPECT_EQ(index.Find("quarantined"), 0);
  EXPECT_EQ(index.Find("Quarantines"), 1);
  EXPECT_EQ(index.Find("outbreak"), 2);
  EXPECT_EQ(index.Find("OUTBREAKS"), 3);
  EXPECT_EQ(index.Find("quarantiner"), -1);
  EXPECT_EQ(index.Find("outbreakz"), -1);
}

TEST(WordIndex, KeepsTheFirstOfARepeatedWord) {
  const WordIndex index({"sept", "sept"});
  EXPECT_EQ(index.Find("sept"), 0);
}

TEST(WordIndex, FindsEveryWordOfABigTable) {
  std::vector<std::string> words;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) words.push_back(std::string{a, b, 'x'});
  }
  const std::vector<std::string_view> views(words.begin(), words.end());
  const WordIndex index(views);
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(index.Find(words[i]), static_cast<int>(i));
  EXPECT_EQ(index.Find("zzz"), -1);
}

}  // namespace
}  // namespace epiwire::word_scan
