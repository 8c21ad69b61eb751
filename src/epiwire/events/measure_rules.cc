// SPDX-License-Identifier: MIT
// Measure rules: each pattern of measures.tsv is tried on the sentence's tokens;
// the first match of each measure kind becomes an event. The place is the
// jurisdiction that acts: the place before the trigger that is not where people
// come from, not a target and not a news source; else an anaphor ("the country").
#include <algorithm>
#include <set>

#include "epiwire/events/analysis.h"

namespace epiwire::events {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Tries `pattern` with its first element at token `at`; returns the end token or 0.
size_t MatchAt(const MeasurePattern& pattern, const std::vector<text::Token>& tokens, size_t at,
               const Lexicon& lexicon) {
  const auto modifier = [&](size_t k) {
    return k + 1 < tokens.size() && lexicon.IsNounModifier(tokens[k].lower, tokens[k + 1].lower);
  };
  if (!pattern.elements.front().Matches(tokens[at].lower) || modifier(at)) return 0;
  size_t position = at;
  for (size_t e = 1; e < pattern.elements.size(); ++e) {
    const PatternElement& element = pattern.elements[e];
    bool found = false;
    for (size_t k = position + 1;
         k < tokens.size() && k <= position + 1 + static_cast<size_t>(element.gap_before); ++k) {
      if (!tokens[k].is_word && OneOf(tokens[k].lower, {".", ";"})) break;
      if (element.Matches(tokens[k].lower) && !modifier(k)) {
        position = k;
        found = true;
        break;
      }
    }
    if (!found) return 0;
  }
  return position + 1;
}

bool IsRestrictive(MeasureAction action) {
  return action == MeasureAction::kImpose || action == MeasureAction::kTighten;
}

// Measures decided for the whole country, whoever announces them.
bool IsNational(MeasureKind measure) {
  switch (measure) {
    case MeasureKind::kBorderClosure:
    case MeasureKind::kBorderReopening:
    case MeasureKind::kEntryRestriction:
    case MeasureKind::kFlightRestriction:
    case MeasureKind::kTravelQuarantine:
    case MeasureKind::kEvacuation:
    case MeasureKind::kTravelAdvisory:
      return true;
    default:
      return false;
  }
}

// A place that can act: not where people came from or went, not a news outlet, an
// organisation's name or a dateline.
bool CanAct(const PlaceRef& ref) {
  return (ref.role == PlaceRole::kPlain || ref.role == PlaceRole::kLocative) && !ref.qualifier;
}

std::optional<Place> ChooseActor(const SentenceView& view, size_t trigger,
                                 const DocumentContext& context,
                                 const gazetteer::Gazetteer& gazetteer) {
  const PlaceRef* best_name = nullptr;
  const PlaceRef* best_demonym = nullptr;
  for (const PlaceRef& ref : view.places) {
    if (!CanAct(ref)) continue;
    if (ref.span.begin >= trigger) break;
    if (ref.demonym) {
      best_demonym = &ref;
    } else if (!best_name) {
      best_name = &ref;  // the first name before the trigger: usually the subject
    }
  }
  if (best_name) return best_name->place;
  const Anaphor* anaphor_before = nullptr;
  const Anaphor* anaphor_after = nullptr;
  for (const Anaphor& anaphor : view.anaphors) {
    if (anaphor.span.begin < trigger) {
      anaphor_before = &anaphor;
    } else if (!anaphor_after) {
      anaphor_after = &anaphor;
    }
  }
  if (anaphor_before) {
    if (auto place = ResolveAnaphor(*anaphor_before, view, context, gazetteer)) return place;
  }
  if (best_demonym) return best_demonym->place;
  for (const PlaceRef& ref : view.places) {
    if (!CanAct(ref) || ref.span.begin < trigger) continue;
    if (ref.role == PlaceRole::kLocative) return ref.place;
  }
  if (anaphor_after) {
    if (auto place = ResolveAnaphor(*anaphor_after, view, context, gazetteer)) return place;
  }
  // "Anyone arriving in Britain must self-isolate": the country travellers arrive in.
  for (const PlaceRef& ref : view.places) {
    if (ref.role == PlaceRole::kTarget && !ref.demonym) return ref.place;
  }
  return context.focus;
}

// The other side: a place after the trigger (or one marked "from"/"to" before it)
// in another country than the actor's.
std::optional<Place> ChooseTarget(const SentenceView& view, size_t trigger,
                                  const std::optional<Place>& actor) {
  const auto foreign = [&](const PlaceRef& ref) {
    return ref.role != PlaceRole::kSource && ref.role != PlaceRole::kDateline &&
           ref.role != PlaceRole::kOrganisation && !ref.place.country.empty() &&
           (!actor || ref.place.country != actor->country);
  };
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin >= trigger && foreign(ref)) return ref.place;
  }
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin < trigger &&
        (ref.role == PlaceRole::kTarget || ref.role == PlaceRole::kOrigin) && foreign(ref)) {
      return ref.place;
    }
  }
  return std::nullopt;
}

// When the measure was taken: a day or a start named in the sentence. "Until the end of
// June" says when it may end, not when it began.
std::optional<Period> MeasurePeriod(const SentenceView& view) {
  // A measure announced for later ("will resume flights from July"): its dates are in the
  // future, which the date reader, resolving against publication, cannot place.
  for (const text::Token& t : view.tokens) {
    if (t.lower == "will" || t.lower == "would" || t.lower == "plans") return std::nullopt;
  }
  for (const DateRef& date : view.dates) {
    if (date.mention.kind == dates::DateKind::kUntil) continue;
    if (date.span.begin > 0 && view.tokens[date.span.begin - 1].lower == "until") continue;
    if (date.span.begin < view.tokens.size() && view.tokens[date.span.begin].lower == "until") {
      continue;
    }
    return date.mention.period;
  }
  return std::nullopt;
}

}  // namespace

void ExtractMeasures(std::string_view text, const SentenceView& view,
                     const DocumentContext& context, const Lexicon& lexicon,
                     const gazetteer::Gazetteer& gazetteer, std::vector<Event>& out) {
  const auto& tokens = view.tokens;
  // Where could each pattern start? One index look-up a token, in text order.
  std::vector<std::vector<size_t>> starts(lexicon.measure_patterns().size());
  std::vector<size_t> found_here;
  bool any = false;
  for (size_t at = 0; at < tokens.size(); ++at) {
    if (!tokens[at].is_word) continue;
    found_here.clear();
    lexicon.PatternsStartingWith(tokens[at].lower, found_here);
    for (size_t index : found_here) starts[index].push_back(at);
    any = any || !found_here.empty();
  }
  if (!any) return;
  // Flights cancelled by a storm, villages evacuated before a fire: not outbreak measures.
  const bool has_disease = view.HasDisease();
  const uint32_t cues = view.CuesIn(0, tokens.size());
  if ((cues & kCueOtherCause) && !has_disease && !(cues & kCueOutbreak)) return;
  std::set<MeasureKind> seen;
  std::vector<Event> found;
  const auto& patterns = lexicon.measure_patterns();
  for (size_t index = 0; index < patterns.size(); ++index) {
    const MeasurePattern& pattern = patterns[index];
    if (seen.count(pattern.measure)) continue;
    for (size_t at : starts[index]) {
      const size_t end = MatchAt(pattern, tokens, at, lexicon);
      if (end == 0) continue;
      seen.insert(pattern.measure);
      Event event;
      event.type = EventType::kMeasure;
      event.measure = pattern.measure;
      event.action = pattern.action;
      if (IsRestrictive(pattern.action)) {
        for (size_t k = 0; k < tokens.size(); ++k) {
          if (view.clause[k] != view.clause[at] && view.clause[k] != view.clause[end - 1]) continue;
          if (auto action = lexicon.ActionCue(tokens[k].lower)) event.action = *action;
        }
      }
      event.place = ChooseActor(view, at, context, gazetteer);
      if (event.place && IsNational(event.measure) && !event.place->country.empty() &&
          event.place->level != PlaceLevel::kCountry) {
        if (auto country = gazetteer.Country(event.place->country)) event.place = country;
      }
      event.target = ChooseTarget(view, at, event.place);
      event.disease = DiseaseNear(view, at, context);
      event.period = MeasurePeriod(view);
      event.evidence = EvidenceOf(text, view.sentence);
      found.push_back(std::move(event));
      break;
    }
  }
  // "reopening" is the catch-all for easing; a more precise easing measure in the
  // same sentence ("reopened its borders", "flights resume") takes its place.
  const bool precise_easing = std::any_of(found.begin(), found.end(), [](const Event& e) {
    return e.measure != MeasureKind::kReopening && !IsRestrictive(e.action);
  });
  for (Event& event : found) {
    if (precise_easing && event.measure == MeasureKind::kReopening) continue;
    out.push_back(std::move(event));
  }
}

}  // namespace epiwire::events
