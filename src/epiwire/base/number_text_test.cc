// SPDX-License-Identifier: MIT
#include "epiwire/base/number_text.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

namespace epiwire {
namespace {

std::string Fast(double value) {
  char text[40];
  return std::string(text, WriteShortestDouble(text, text + sizeof text, value));
}

std::string Reference(double value) {
  char text[40];
  return std::string(text, std::to_chars(text, text + sizeof text, value).ptr);
}

TEST(WriteShortestDoubleTest, CoordinatesAreWrittenWithTheirDecimals) {
  EXPECT_EQ(Fast(45.75), "45.75");
  EXPECT_EQ(Fast(-122.4194), "-122.4194");
  EXPECT_EQ(Fast(0.05), "0.05");
  EXPECT_EQ(Fast(126.0), "126");
}

TEST(WriteShortestDoubleTest, EdgesOfTheDirectRangeMatchToChars) {
  for (double value : {0.001, 0.0015, 0.00099, 9999.999999, 10000.0, 10000.5, 12345.0, 100000.0,
                       1e-7, 0.1 + 0.2, 1.0 / 3.0, 0.0, -0.0, 1e300, -45.123456, 45.1234567}) {
    EXPECT_EQ(Fast(value), Reference(value)) << "value " << Reference(value);
  }
}

TEST(WriteShortestDoubleTest, NotFiniteValuesAreLeftToToChars) {
  EXPECT_EQ(Fast(std::nan("")), Reference(std::nan("")));
  EXPECT_EQ(Fast(-HUGE_VAL), Reference(-HUGE_VAL));
}

// Random numbers of 0 to 8 decimals, as coordinates and rates come, and random
// bit patterns: every one written as std::to_chars writes it.
TEST(WriteShortestDoubleTest, RandomValuesMatchToChars) {
  std::mt19937_64 random(20261201);
  std::uniform_real_distribution<double> spread(-20000.0, 20000.0);
  std::uniform_int_distribution<int> decimals(0, 8);
  int mismatches = 0;
  for (int i = 0; i < 100000; ++i) {
    const double scale = std::pow(10.0, decimals(random));
    const double value = std::round(spread(random) * scale) / scale;
    if (Fast(value) != Reference(value) && ++mismatches <= 5) {
      ADD_FAILURE() << "value " << Reference(value) << " written " << Fast(value);
    }
  }
  for (int i = 0; i < 100000; ++i) {
    const uint64_t bits = random();
    double value;
    static_assert(sizeof value == sizeof bits);
    std::memcpy(&value, &bits, sizeof value);
    if (Fast(value) != Reference(value) && ++mismatches <= 5) {
      ADD_FAILURE() << "bits " << bits << " written " << Fast(value);
    }
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace epiwire
