// SPDX-License-Identifier: MIT
#include "epiwire/base/word_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace epiwire {
namespace {

TEST(WordMemo, ComputesEachWordOnceAndRemembersItsValue) {
  WordMemo<std::string> memo;
  int computed = 0;
  const auto upper = [&](std::string_view word) {
    ++computed;
    std::string out(word);
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
  };
  EXPECT_EQ(memo.Get("cases", upper), "CASES");
  EXPECT_EQ(memo.Get("deaths", upper), "DEATHS");
  EXPECT_EQ(memo.Get("cases", upper), "CASES");
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(memo.size(), 2u);
}

TEST(WordMemo, ForgetsEverythingOnceFullAndComputesAgain) {
  WordMemo<size_t, 2> memo;
  int computed = 0;
  const auto length = [&](std::string_view word) {
    ++computed;
    return word.size();
  };
  EXPECT_EQ(memo.Get("flu", length), 3u);
  EXPECT_EQ(memo.Get("measles", length), 7u);
  EXPECT_EQ(memo.Get("mpox", length), 4u);  // full: forgets the first two
  EXPECT_EQ(memo.size(), 1u);
  EXPECT_EQ(memo.Get("flu", length), 3u);
  EXPECT_EQ(computed, 4);
}

TEST(WordMemo, TellsApartWordsThatDifferOnlyInCase) {
  WordMemo<int> memo;
  int next = 0;
  const auto number = [&](std::string_view) { return ++next; };
  EXPECT_EQ(memo.Get("Lyon", number), 1);
  EXPECT_EQ(memo.Get("lyon", number), 2);
  EXPECT_EQ(memo.Get("", number), 3);
  EXPECT_EQ(memo.Get("Lyon", number), 1);
}

}  // namespace
}  // namespace epiwire
