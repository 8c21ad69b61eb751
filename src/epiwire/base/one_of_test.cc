// SPDX-License-Identifier: MIT
#include "epiwire/base/one_of.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace epiwire {
namespace {

TEST(SameWord, HoldsForTheSameBytesOnly) {
  EXPECT_TRUE(SameWord("county", "county"));
  EXPECT_TRUE(SameWord("", ""));
  EXPECT_FALSE(SameWord("county", "County"));
  EXPECT_FALSE(SameWord("count", "county"));
  EXPECT_FALSE(SameWord("county", "count"));
  // Bytes beyond ASCII compare as bytes: "país" is not "pais".
  EXPECT_TRUE(SameWord("pa\u00eds", "pa\u00eds"));
  EXPECT_FALSE(SameWord("pa\u00eds", "pais"));
}

TEST(StartsWithWord, HoldsForAPrefixOfTheWordOnly) {
  EXPECT_TRUE(StartsWithWord("quarantined", "quarantin"));
  EXPECT_TRUE(StartsWithWord("quarantine", "quarantine"));
  EXPECT_TRUE(StartsWithWord("quarantine", ""));
  EXPECT_FALSE(StartsWithWord("quar", "quarantin"));
  EXPECT_FALSE(StartsWithWord("Quarantine", "quarantin"));
  EXPECT_FALSE(StartsWithWord("", "q"));
}

TEST(OneOf, FindsAWordOfAListOfLiterals) {
  EXPECT_TRUE(OneOf("taking", {"bringing", "taking", "raising"}));
  EXPECT_TRUE(OneOf("raising", {"bringing", "taking", "raising"}));
  EXPECT_FALSE(OneOf("takin", {"bringing", "taking", "raising"}));
  EXPECT_FALSE(OneOf("Taking", {"bringing", "taking", "raising"}));
  EXPECT_FALSE(OneOf("taking", {}));
}

TEST(OneOf, FindsAWordOfAStaticArray) {
  static constexpr std::string_view kNouns[] = {"County", "county", "District", "Region"};
  EXPECT_TRUE(OneOf("District", kNouns));
  EXPECT_TRUE(OneOf(std::string("Region"), kNouns));
  EXPECT_FALSE(OneOf("district", kNouns));
  EXPECT_FALSE(OneOf("", kNouns));
}

TEST(OneOf, ViewsOfALongerTextCompareByTheirOwnBytes) {
  const std::string text = "in Carbon County, Utah";
  const std::string_view county = std::string_view(text).substr(10, 6);
  EXPECT_TRUE(OneOf(county, {"Parish", "County"}));
  EXPECT_FALSE(OneOf(std::string_view(text).substr(10, 7), {"Parish", "County"}));
}

}  // namespace
}  // namespace epiwire
