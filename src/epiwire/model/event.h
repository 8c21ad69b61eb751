// SPDX-License-Identifier: MIT
// Events read out of news: case reports and public-health measures, each with
// the evidence sentence it came from. Field meanings follow shared/spec/output.md.
#ifndef EPIWIRE_MODEL_EVENT_H_
#define EPIWIRE_MODEL_EVENT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/model/date.h"
#include "epiwire/model/place.h"

namespace epiwire {

enum class EventType { kCases, kMeasure };

enum class CaseStatus {
  kConfirmed, kSuspected, kProbable, kAsymptomatic, kDeaths, kRecovered,
  kHospitalized, kCritical, kTested
};

enum class Qualifier { kExact, kApproximate, kAtLeast, kAtMost };

enum class Aggregation { kNew, kCumulative };

enum class TravelMode { kAir, kRoad, kRail, kSea, kFoot };

enum class MeasureKind {
  kBorderClosure, kBorderReopening, kEntryRestriction, kFlightRestriction, kTravelQuarantine,
  kLockdown, kMovementRestriction, kGatheringRestriction, kSchoolClosure, kBusinessClosure,
  kReopening, kTesting, kEvacuation, kTravelAdvisory
};

enum class MeasureAction { kImpose, kTighten, kEase, kLift };

// Who the counted cases are: people, or the animals counted.
enum class Host {
  kHuman, kPoultry, kWildBird, kBird, kSwine, kCattle, kSheepGoat, kHorse, kDog, kCat, kMink,
  kWildMammal, kAnimal
};

// Names as the contract spells them ("asymptomatic", "border_closure", ...).
std::string_view CaseStatusName(CaseStatus status);
std::string_view QualifierName(Qualifier qualifier);
std::string_view AggregationName(Aggregation aggregation);
std::string_view TravelModeName(TravelMode mode);
std::string_view MeasureKindName(MeasureKind measure);
std::string_view MeasureActionName(MeasureAction action);
std::string_view HostName(Host host);
// Reverse look-ups for lexicon files; nullopt for an unknown name.
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);
std::optional<MeasureKind> ParseMeasureKind(std::string_view name);
std::optional<MeasureAction> ParseMeasureAction(std::string_view name);
std::optional<TravelMode> ParseTravelMode(std::string_view name);
std::optional<Host> ParseHost(std::string_view name);

// Byte range of the source sentence(s) in the document text, and the text itself.
struct Evidence {
  size_t start = 0;
  size_t end = 0;
  std::string quote;
};

struct Event {
  EventType type = EventType::kCases;
  std::string disease;  // canonical id ("covid-19"); empty when the text names none
  std::optional<Place> place;
  std::optional<Period> period;
  Evidence evidence;

  // type == kCases
  CaseStatus status = CaseStatus::kConfirmed;
  Host host = Host::kHuman;
  int64_t count = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::optional<Aggregation> aggregation;
  std::optional<bool> imported;
  std::optional<Place> origin;
  std::vector<Place> route;
  std::vector<TravelMode> modes;

  // type == kMeasure
  MeasureKind measure = MeasureKind::kBorderClosure;
  MeasureAction action = MeasureAction::kImpose;
  std::optional<Place> target;
  std::string detail;  // empty when none
};

}  // namespace epiwire

#endif  // EPIWIRE_MODEL_EVENT_H_
