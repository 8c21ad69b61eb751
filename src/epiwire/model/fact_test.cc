// SPDX-License-Identifier: MIT
#include "epiwire/model/fact.h"

#include <gtest/gtest.h>

namespace epiwire {
namespace {

Event Cases(int64_t count) {
  Event e;
  e.type = EventType::kCases;
  e.disease = "cholera";
  e.count = count;
  e.aggregation = Aggregation::kCumulative;
  e.place = Place{"Malawi", "MW", "", 927384, PlaceLevel::kCountry, 0, 0, false, 0};
  e.period = Period{std::nullopt, Date{2022, 8, 18}};
  return e;
}

TEST(FactKey, IgnoresCountAndEvidence) {
  Event a = Cases(45);
  Event b = Cases(47);
  b.evidence.quote = "another sentence";
  EXPECT_EQ(FactKey(a), FactKey(b));
}

TEST(FactKey, DiffersByStatusPlaceAndPeriod) {
  const std::string base = FactKey(Cases(45));
  Event deaths = Cases(45);
  deaths.status = CaseStatus::kDeaths;
  EXPECT_NE(FactKey(deaths), base);
  Event elsewhere = Cases(45);
  elsewhere.place->geonameid = 1;
  EXPECT_NE(FactKey(elsewhere), base);
  Event later = Cases(45);
  later.period->end = Date{2022, 8, 19};
  EXPECT_NE(FactKey(later), base);
}

TEST(FactKey, AnimalsNeverShareAKeyWithPeople) {
  const std::string people = FactKey(Cases(45));
  Event poultry = Cases(45);
  poultry.host = Host::kPoultry;
  Event wild_birds = Cases(45);
  wild_birds.host = Host::kWildBird;
  EXPECT_NE(FactKey(poultry), people);
  EXPECT_NE(FactKey(poultry), FactKey(wild_birds));
  EXPECT_EQ(people.find("host"), std::string::npos) << "keys of human cases are unchanged";
}

}  // namespace
}  // namespace epiwire
