// SPDX-License-Identifier: MIT
// Tests of the index of paragraph keys: equal keys, longer keys that begin with the
// one looked up, first values kept; and agreement with a plain list on random keys.
#include "epiwire/clean/prefix_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace epiwire::clean {
namespace {

TEST(PrefixIndex, EmptyIndexFindsNothing) {
  PrefixIndex index;
  const PrefixIndex::Found found = index.Find("anything");
  EXPECT_FALSE(found.equal);
  EXPECT_FALSE(found.longer);
}

TEST(PrefixIndex, EqualKeyIsFoundWithTheFirstValue) {
  PrefixIndex index;
  EXPECT_TRUE(index.Add("health officials said", true));
  EXPECT_FALSE(index.Add("health officials said", false));
  const PrefixIndex::Found found = index.Find("health officials said");
  EXPECT_TRUE(found.equal);
  EXPECT_TRUE(found.equal_value);
  EXPECT_FALSE(found.longer);
  EXPECT_FALSE(index.Find("health officials sai").equal);
  EXPECT_FALSE(index.Find("health officials said more").equal);
}

TEST(PrefixIndex, LongerKeyIsTheFirstAddedThatBeginsWithIt) {
  PrefixIndex index;
  index.Add("the outbreak spread to three villages", false);
  index.Add("the outbreak spread to two districts", true);
  index.Add("the outbreak", true);
  // Ends inside an edge, at a node, and where the keys part.
  EXPECT_FALSE(index.Find("the outbreak spread to t").longer_value);
  EXPECT_TRUE(index.Find("the outbreak spread to t").longer);
  EXPECT_TRUE(index.Find("the outbreak").equal);
  EXPECT_TRUE(index.Find("the outbreak").longer);
  EXPECT_FALSE(index.Find("the outbreak").longer_value);
  EXPECT_TRUE(index.Find("the outbreak spread to tw").longer_value);
  EXPECT_FALSE(index.Find("the outbreak spread to three villages").longer);
  EXPECT_FALSE(index.Find("the outbreak spread to four").longer);
}

TEST(PrefixIndex, ClearForgetsEveryKey) {
  PrefixIndex index;
  index.Add("a paragraph seen on the last page", true);
  index.Clear();
  EXPECT_FALSE(index.Find("a paragraph seen on the last page").equal);
  EXPECT_FALSE(index.Find("a paragraph").longer);
  EXPECT_TRUE(index.Add("a paragraph seen on the last page", false));
}

// A plain list gives the answers by definition; random keys over three letters share
// long prefixes, so edges are split in every way.
TEST(PrefixIndex, AgreesWithAPlainListOnRandomKeys) {
  std::mt19937 random(8);
  for (int round = 0; round < 20; ++round) {
    PrefixIndex index;
    std::vector<std::pair<std::string, bool>> added;
    for (int step = 0; step < 300; ++step) {
      std::string key;
      const size_t length = 1 + random() % 8;
      for (size_t i = 0; i < length; ++i) key.push_back("abc"[random() % 3]);
      PrefixIndex::Found expected;
      for (const auto& [other, value] : added) {
        if (other == key && !expected.equal) {
          expected.equal = true;
          expected.equal_value = value;
        }
        if (other.size() > key.size() && other.starts_with(key) && !expected.longer) {
          expected.longer = true;
          expected.longer_value = value;
        }
      }
      const PrefixIndex::Found found = index.Find(key);
      ASSERT_EQ(found.equal, expected.equal) << key;
      ASSERT_EQ(found.longer, expected.longer) << key;
      if (expected.equal) {
        ASSERT_EQ(found.equal_value, expected.equal_value) << key;
      }
      if (expected.longer) {
        ASSERT_EQ(found.longer_value, expected.longer_value) << key;
      }
      const bool value = random() % 2 == 0;
      ASSERT_EQ(index.Add(key, value), !expected.equal) << key;
      if (!expected.equal) added.emplace_back(key, value);
    }
  }
}

}  // namespace
}  // namespace epiwire::clean
