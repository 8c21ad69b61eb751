// SPDX-License-Identifier: MIT
#include "epiwire/model/event.h"

#include <array>
#include <utility>

#include "epiwire/model/place.h"

namespace epiwire {
namespace {

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                        Enum value) {
  for (const auto& [key, name] : table) {
    if (key == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view name) {
  for (const auto& [key, key_name] : table) {
    if (key_name == name) return key;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<CaseStatus, std::string_view>, 9> kStatusNames{{
    {CaseStatus::kConfirmed, "confirmed"},
    {CaseStatus::kSuspected, "suspected"},
    {CaseStatus::kProbable, "probable"},
    {CaseStatus::kAsymptomatic, "asymptomatic"},
    {CaseStatus::kDeaths, "deaths"},
    {CaseStatus::kRecovered, "recovered"},
    {CaseStatus::kHospitalized, "hospitalized"},
    {CaseStatus::kCritical, "critical"},
    {CaseStatus::kTested, "tested"},
}};

constexpr std::array<std::pair<Qualifier, std::string_view>, 4> kQualifierNames{{
    {Qualifier::kExact, "exact"},
    {Qualifier::kApproximate, "approximate"},
    {Qualifier::kAtLeast, "at_least"},
    {Qualifier::kAtMost, "at_most"},
}};

constexpr std::array<std::pair<Aggregation, std::string_view>, 2> kAggregationNames{{
    {Aggregation::kNew, "new"},
    {Aggregation::kCumulative, "cumulative"},
}};

constexpr std::array<std::pair<TravelMode, std::string_view>, 5> kModeNames{{
    {TravelMode::kAir, "air"},
    {TravelMode::kRoad, "road"},
    {TravelMode::kRail, "rail"},
    {TravelMode::kSea, "sea"},
    {TravelMode::kFoot, "foot"},
}};

constexpr std::array<std::pair<MeasureKind, std::string_view>, 14> kMeasureNames{{
    {MeasureKind::kBorderClosure, "border_closure"},
    {MeasureKind::kBorderReopening, "border_reopening"},
    {MeasureKind::kEntryRestriction, "entry_restriction"},
    {MeasureKind::kFlightRestriction, "flight_restriction"},
    {MeasureKind::kTravelQuarantine, "travel_quarantine"},
    {MeasureKind::kLockdown, "lockdown"},
    {MeasureKind::kMovementRestriction, "movement_restriction"},
    {MeasureKind::kGatheringRestriction, "gathering_restriction"},
    {MeasureKind::kSchoolClosure, "school_closure"},
    {MeasureKind::kBusinessClosure, "business_closure"},
    {MeasureKind::kReopening, "reopening"},
    {MeasureKind::kTesting, "testing"},
    {MeasureKind::kEvacuation, "evacuation"},
    {MeasureKind::kTravelAdvisory, "travel_advisory"},
}};

constexpr std::array<std::pair<MeasureAction, std::string_view>, 4> kActionNames{{
    {MeasureAction::kImpose, "impose"},
    {MeasureAction::kTighten, "tighten"},
    {MeasureAction::kEase, "ease"},
    {MeasureAction::kLift, "lift"},
}};

constexpr std::array<std::pair<Host, std::string_view>, 13> kHostNames{{
    {Host::kHuman, "human"},
    {Host::kPoultry, "poultry"},
    {Host::kWildBird, "wild_bird"},
    {Host::kBird, "bird"},
    {Host::kSwine, "swine"},
    {Host::kCattle, "cattle"},
    {Host::kSheepGoat, "sheep_goat"},
    {Host::kHorse, "horse"},
    {Host::kDog, "dog"},
    {Host::kCat, "cat"},
    {Host::kMink, "mink"},
    {Host::kWildMammal, "wild_mammal"},
    {Host::kAnimal, "animal"},
}};

constexpr std::array<std::pair<PlaceLevel, std::string_view>, 4> kLevelNames{{
    {PlaceLevel::kCountry, "country"},
    {PlaceLevel::kSubdivision, "subdivision"},
    {PlaceLevel::kCity, "city"},
    {PlaceLevel::kOther, "other"},
}};

}  // namespace

std::string_view CaseStatusName(CaseStatus status) { return NameOf(kStatusNames, status); }
std::string_view QualifierName(Qualifier qualifier) { return NameOf(kQualifierNames, qualifier); }
std::string_view AggregationName(Aggregation aggregation) {
  return NameOf(kAggregationNames, aggregation);
}
std::string_view TravelModeName(TravelMode mode) { return NameOf(kModeNames, mode); }
std::string_view MeasureKindName(MeasureKind measure) { return NameOf(kMeasureNames, measure); }
std::string_view MeasureActionName(MeasureAction action) { return NameOf(kActionNames, action); }
std::string_view HostName(Host host) { return NameOf(kHostNames, host); }
std::string_view PlaceLevelName(PlaceLevel level) { return NameOf(kLevelNames, level); }

std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  return ValueOf(kStatusNames, name);
}
std::optional<MeasureKind> ParseMeasureKind(std::string_view name) {
  return ValueOf(kMeasureNames, name);
}
std::optional<MeasureAction> ParseMeasureAction(std::string_view name) {
  return ValueOf(kActionNames, name);
}
std::optional<TravelMode> ParseTravelMode(std::string_view name) {
  return ValueOf(kModeNames, name);
}
std::optional<Host> ParseHost(std::string_view name) { return ValueOf(kHostNames, name); }

}  // namespace epiwire
