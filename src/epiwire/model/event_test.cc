// SPDX-License-Identifier: MIT
#include "epiwire/model/event.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

TEST(EventNames, RoundTripAsTheContractSpellsThem) {
  EXPECT_EQ(CaseStatusName(CaseStatus::kAsymptomatic), "asymptomatic");
  EXPECT_EQ(ParseCaseStatus("deaths"), CaseStatus::kDeaths);
  EXPECT_EQ(MeasureKindName(MeasureKind::kFlightRestriction), "flight_restriction");
  EXPECT_EQ(ParseMeasureKind("travel_advisory"), MeasureKind::kTravelAdvisory);
  EXPECT_EQ(MeasureActionName(MeasureAction::kEase), "ease");
  EXPECT_EQ(QualifierName(Qualifier::kAtLeast), "at_least");
  EXPECT_EQ(AggregationName(Aggregation::kCumulative), "cumulative");
  EXPECT_EQ(TravelModeName(TravelMode::kRoad), "road");
  EXPECT_EQ(PlaceLevelName(PlaceLevel::kSubdivision), "subdivision");
}

TEST(EventNames, UnknownNamesAreRejected) {
  EXPECT_FALSE(ParseCaseStatus("zombie").has_value());
  EXPECT_FALSE(ParseMeasureKind("").has_value());
  EXPECT_FALSE(ParseTravelMode("teleport").has_value());
}

}  // namespace
}  // namespace epiwire
