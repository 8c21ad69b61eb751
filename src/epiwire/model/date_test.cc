// SPDX-License-Identifier: MIT
#include "epiwire/model/date.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

TEST(Date, RoundTripsThroughDays) {
  const Date d{2020, 4, 8};
  EXPECT_EQ(Date::FromDays(d.ToDays()), d);
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2020, 3, 1}).AddDays(-1), (Date{2020, 2, 29}));
}

TEST(Date, KnowsWeekdays) {
  EXPECT_EQ((Date{2020, 4, 6}).Weekday(), 0);  // a Monday
  EXPECT_EQ((Date{2020, 4, 8}).Weekday(), 2);  // a Wednesday
  EXPECT_EQ((Date{1970, 1, 4}).Weekday(), 6);  // a Sunday
}

TEST(Date, ParsesIsoAndRejectsNonsense) {
  EXPECT_EQ(Date::ParseIso("2020-04-23"), (Date{2020, 4, 23}));
  EXPECT_EQ(Date::ParseIso("2020-04-23T10:00:00Z"), (Date{2020, 4, 23}));
  EXPECT_FALSE(Date::ParseIso("2020-02-30").has_value());
  EXPECT_FALSE(Date::ParseIso("23/04/2020").has_value());
  EXPECT_FALSE(Date::ParseIso("2020-04-2x").has_value());
  EXPECT_EQ((Date{2020, 4, 1}).ToIso(), "2020-04-01");
  EXPECT_EQ((Date{987, 12, 31}).ToIso(), "0987-12-31");
  EXPECT_EQ((Date{2020, 11, 9}).ToIso(), "2020-11-09");
}

}  // namespace
}  // namespace epiwire
