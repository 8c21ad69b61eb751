// SPDX-License-Identifier: MIT
#include "epiwire/base/fold.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

TEST(FoldAccents, TakesAccentsOffLatinLetters) {
  EXPECT_EQ(FoldAccents("R\xC3\xADo Grande do Sul"), "Rio Grande do Sul");
  EXPECT_EQ(FoldAccents("S\xC3\xA3o Paulo"), "Sao Paulo");
  EXPECT_EQ(FoldAccents("Cear\xC3\xA1"), "Ceara");
}

TEST(FoldAccents, KeepsLettersWithoutADecomposition) {
  EXPECT_EQ(FoldAccents("\xC5\x81\xC3\xB3" "d\xC5\xBA"), "\xC5\x81" "odz");  // Lodz with a stroke
}

TEST(FoldAccents, AsciiAndOtherScriptsPassThrough) {
  EXPECT_EQ(FoldAccents("Wuhan"), "Wuhan");
  // Cyrillic "Moskva" has no accents to take off.
  EXPECT_EQ(FoldAccents("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
}

TEST(FoldCase, FoldsCyrillicAndLatin) {
  EXPECT_EQ(FoldCase("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  EXPECT_EQ(FoldCase("Stra\xC3\x9F" "e"), "strasse");
}

TEST(IsAscii, TellsAsciiFromUtf8) {
  EXPECT_TRUE(IsAscii("plain text"));
  EXPECT_FALSE(IsAscii("caf\xC3\xA9"));
}

}  // namespace
}  // namespace epiwire
