// SPDX-License-Identifier: MIT
#include "epiwire/base/stem.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

TEST(Stem, RussianCasesOfOneNounShareAStem) {
  // "sluchaev", "sluchai", "sluchai": forms of "case"; "oblasti", "oblast'yu", "oblastei".
  EXPECT_EQ(Stem("\xD1\x81\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD0\xB5\xD0\xB2", "ru"), Stem("\xD1\x81\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD0\xB8", "ru"));
  EXPECT_EQ(Stem("\xD1\x81\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD0\xB5\xD0\xB2", "ru"), Stem("\xD1\x81\xD0\xBB\xD1\x83\xD1\x87\xD0\xB0\xD0\xB9", "ru"));
  EXPECT_EQ(Stem("\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB8", "ru"), Stem("\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD1\x8C\xD1\x8E", "ru"));
  EXPECT_EQ(Stem("\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB8", "ru"), Stem("\xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB5\xD0\xB9", "ru"));
}

TEST(Stem, FrenchAndSpanishPluralsShareAStem) {
  EXPECT_EQ(Stem("confirm\xC3\xA9s", "fr"), Stem("confirm\xC3\xA9", "fr"));
  EXPECT_EQ(Stem("confirmados", "es"), Stem("confirmado", "es"));
}

TEST(Stem, LanguagesWithoutAStemmerKeepTheWord) {
  EXPECT_FALSE(HasStemmer("zh"));
  EXPECT_EQ(Stem("\xE7\x97\x85\xE4\xBE\x8B", "zh"), "\xE7\x97\x85\xE4\xBE\x8B");
  EXPECT_TRUE(HasStemmer("ru"));
}

}  // namespace
}  // namespace epiwire
