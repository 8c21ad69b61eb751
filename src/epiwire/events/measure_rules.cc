// SPDX-License-Identifier: MIT
// Measure rules. A measure is read two ways: from the patterns of measures.tsv
// ("stay at home", "14-day quarantine"), and from a predicate and the object it acts
// on, a few words apart in either order ("schools were closed", "suspended all
// flights"). The first reading of each measure kind in a sentence becomes an event.
// The place is the jurisdiction that acts: the place before the trigger that is not
// where people come from, not a target and not a news source; for entry measures the
// place entered; else an anaphor ("the country"). A list of places as the subject
// ("the US, Australia and Taiwan issued travel warnings") acts once each.
#include <algorithm>
#include <map>
#include <set>

#include "epiwire/base/one_of.h"
#include "epiwire/events/analysis.h"

namespace epiwire::events {
namespace {

// Tries `pattern` with its first element at token `at`; returns the end token or 0.
size_t MatchAt(const MeasurePattern& pattern, const std::vector<text::Token>& tokens, size_t at,
               const Lexicon& lexicon) {
  // ("confinement des volailles", "confinamiento de las aves": a follower after "of"
  // and an article makes another noun too.)
  const auto modifier = [&](size_t k) {
    size_t next = k + 1;
    while (next < tokens.size() && next <= k + 2 &&
           OneOf(tokens[next].lower, {"of", "the", "de", "des", "du", "del", "la", "las", "los"})) {
      ++next;
    }
    return (k + 1 < tokens.size() &&
            lexicon.IsNounModifier(tokens[k].lower, tokens[k + 1].lower)) ||
           (next < tokens.size() && lexicon.IsNounModifier(tokens[k].lower, tokens[next].lower)) ||
           (k > 0 && lexicon.IsPreModified(tokens[k - 1].lower, tokens[k].lower));
  };
  const size_t first = pattern.elements.front().MatchLength(tokens, at);
  if (first == 0 || modifier(at)) return 0;
  size_t position = at + first - 1;
  for (size_t e = 1; e < pattern.elements.size(); ++e) {
    const PatternElement& element = pattern.elements[e];
    bool found = false;
    for (size_t k = position + 1;
         k < tokens.size() && k <= position + 1 + static_cast<size_t>(element.gap_before); ++k) {
      if (!tokens[k].is_word && OneOf(tokens[k].lower, {".", ";"})) break;
      const size_t length = element.MatchLength(tokens, k);
      if (length > 0 && !modifier(k)) {
        position = k + length - 1;
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

// Measures on who comes in are the place's that people enter: "barred from entering
// the UK", "arrivals into Singapore".
bool IsEntryMeasure(MeasureKind measure) {
  return measure == MeasureKind::kEntryRestriction || measure == MeasureKind::kTravelQuarantine ||
         measure == MeasureKind::kBorderClosure || measure == MeasureKind::kBorderReopening;
}

const PlaceRef* PlaceEntered(const SentenceView& view) {
  for (const PlaceRef& ref : view.places) {
    if (ref.entered) return &ref;
  }
  return nullptr;
}

std::optional<Place> ChooseActor(const SentenceView& view, size_t trigger, size_t end,
                                 MeasureKind measure, const DocumentContext& context,
                                 const gazetteer::Gazetteer& gazetteer) {
  // "..., du Kenya et du Rwanda qui a annoncé la fermeture": the subject of a relative
  // clause is the place it hangs on, not the first of the list.
  for (size_t r = std::min(trigger, view.tokens.size()); r-- > 1;) {
    if (!view.Is(r, kGrRelative)) continue;
    const size_t before = view.tokens[r - 1].lower == "," ? r - 1 : r;
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end == before && CanAct(ref) && !ref.demonym) return ref.place;
    }
    break;
  }
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
  // "Israel will close its borders, and Morocco suspended all flights", "Citing cases in
  // Tanzania, Kenya closed its border": the place that opens the trigger's own clause,
  // unless it goes on a list that the first name opens ("Chad, Niger and Mali closed
  // ...", "visitors from mainland China, Hong Kong and Taiwan now banned").
  const PlaceRef* in_clause = nullptr;
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin >= trigger) break;
    if (CanAct(ref) && !ref.demonym && view.clause[ref.span.begin] == view.clause[trigger]) {
      in_clause = &ref;
      break;
    }
  }
  if (in_clause != nullptr) {
    size_t opens = in_clause->span.begin;
    while (opens > 0 && view.clause[opens - 1] == view.clause[in_clause->span.begin] &&
           (view.Is(opens - 1, kGrCoordination | kGrSubordinate | kGrDeterminer) ||
            !view.tokens[opens - 1].is_word)) {
      --opens;
    }
    const bool opens_clause = opens == 0 || view.clause[opens - 1] != view.clause[opens];
    // (A place right before the clause's comma, and one joined after: a list.)
    const bool after_place = opens >= 1 && view.PlaceAt(opens - 1) != nullptr;
    bool joined_after = false;
    for (const PlaceRef& ref : view.places) {
      if (ref.span.begin >= in_clause->span.end && ref.span.begin <= in_clause->span.end + 2) {
        joined_after = view.OnlyJoints(in_clause->span.end, ref.span.begin, kGrCoordination);
      }
    }
    if (!opens_clause || (after_place && joined_after)) in_clause = nullptr;
  }
  if (in_clause != nullptr) return in_clause->place;
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
  // "se prohíbe el ingreso de extranjeros que hayan estado en Brasil", "bars travellers
  // who have been in Brazil": a clause on the people let in or kept out says where they
  // were, not who acts.
  size_t relative = view.tokens.size();
  if (IsEntryMeasure(measure)) {
    for (size_t k = trigger; k < view.tokens.size(); ++k) {
      if (view.Is(k, kGrRelative)) {
        relative = k;
        break;
      }
    }
  }
  // "schools are closed in Gabon": a place after the trigger, in its clause ("la suspensión
  // de los vuelos de Brasil, tras la detección de la variante en Manaos" is no Brazilian
  // measure).
  // ("Les écoles de Kinshasa rouvriront", "las escuelas de Lima": or the place the
  // measure's object is of, right after it.)
  for (const PlaceRef& ref : view.places) {
    if (!CanAct(ref) || ref.span.begin < trigger || ref.span.begin > relative) continue;
    // ("школы Санкт-Петербурга закрыты", "закрыли школы Казани": in a language of cases,
    // with no "of", the place right after the object.)
    const bool of_object =
        ((ref.span.begin <= trigger + 3 && ref.span.begin > trigger &&
          (view.Is(ref.span.begin - 1, kGrOf) || ref.span.begin == trigger + 1)) ||
         ref.span.begin == end) &&
        !ref.demonym;
    if ((ref.role == PlaceRole::kLocative || of_object) &&
        view.clause[ref.span.begin] == view.clause[trigger]) {
      return ref.place;
    }
  }
  if (anaphor_after) {
    if (auto place = ResolveAnaphor(*anaphor_after, view, context, gazetteer)) return place;
  }
  // "Anyone arriving in Britain must self-isolate": the country travellers arrive in;
  // not where flights go ("suspended flights to China"), nor where travel is advised
  // against ("воздержаться от поездок в КНР"), nor whom other measures reach ("travel
  // restrictions will be extended to the United Kingdom").
  for (const PlaceRef& ref : view.places) {
    if (IsEntryMeasure(measure) && ref.role == PlaceRole::kTarget && !ref.demonym &&
        !ref.restricted) {
      return ref.place;
    }
  }
  // Measures listed one after another are most often one government's ("Les vols en
  // provenance de Conakry sont également suspendus" after Côte d'Ivoire closed its border,
  // though the cases counted between were Guinea's).
  if (context.last_actor) return context.last_actor;
  // A measure is most often the government's of the country the text is about.
  if (context.main_country && (!context.focus || context.focus->country.empty())) {
    return context.main_country;
  }
  return context.focus ? context.focus : context.main_country;
}

// The other side: a place after the trigger (or one marked "from"/"to" before it)
// in another country than the actor's.
std::optional<Place> ChooseTarget(const SentenceView& view, size_t trigger, MeasureKind measure,
                                  const std::optional<Place>& actor) {
  // A lockdown, a school closure, a ban on gatherings has no other side: a foreign
  // place after it is another story ("Spain placed its people under lockdown, while
  // France ...").
  if (!IsNational(measure) && measure != MeasureKind::kTesting) return std::nullopt;
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

// The other places of a list the actor stands in: "the US, Australia, Taiwan and South
// Korea have ..." (places joined by commas and "and" before the trigger), or "schools
// are closed in Gabon and in Rwanda" (after it, each with its preposition).
std::vector<Place> CoActors(const SentenceView& view, const std::optional<Place>& actor,
                            size_t trigger) {
  std::vector<Place> out;
  if (!actor) return out;
  const PlaceRef* start = nullptr;
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin < trigger && CanAct(ref) && ref.place.SameAs(*actor)) {
      start = &ref;
      break;
    }
  }
  const bool after = start == nullptr;
  if (after) {
    for (const PlaceRef& ref : view.places) {
      if (ref.span.begin >= trigger && ref.role == PlaceRole::kLocative && ref.place.SameAs(*actor)) {
        start = &ref;
        break;
      }
    }
  }
  if (start == nullptr) return out;
  const uint32_t joints =
      kGrCoordination | kGrDeterminer | (after ? static_cast<uint32_t>(kGrLocative) : 0u);
  const auto joined = [&](size_t from, size_t to) {
    return to >= from && to - from <= 3 && view.OnlyJoints(from, to, joints);
  };
  const PlaceRef* last = start;
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin <= last->span.begin || (!after && ref.span.begin >= trigger)) continue;
    if (!joined(last->span.end, ref.span.begin) || !CanAct(ref) || ref.demonym) break;
    if (!ref.place.SameAs(*actor)) out.push_back(ref.place);
    last = &ref;
  }
  return out;
}

// "will not be required to undergo a 14-day quarantine": a measure someone is spared;
// "ruled out a lockdown", "descartó el cierre de fronteras": one refused; "Un couvre-feu
// n'est pas envisagé", "a lockdown is not planned": one denied after it.
// `pattern`, when the trigger was read from one: a negation that is one of its words is
// the trigger's own as well ("非必要不离开", "居家不外出": not leaving is the measure).
bool Negated(const SentenceView& view, const Lexicon& lexicon, size_t at, size_t end,
             const MeasurePattern* pattern = nullptr) {
  const auto own_word = [&](size_t k) {
    return pattern != nullptr &&
           std::any_of(pattern->elements.begin(), pattern->elements.end(),
                       [&](const PatternElement& e) { return e.MatchLength(view.tokens, k) > 0; });
  };
  // A negation that opens the trigger is the trigger's own ("not to travel").
  // A refusal between an object and its predicate ("Step up border screening, rule out
  // closure"), unless it is the predicate itself ("the school year was postponed").
  for (size_t k = at + 1; k < end && k < view.tokens.size(); ++k) {
    if (view.Is(k, kGrNegation) && !own_word(k)) return true;
    const size_t refusal = lexicon.RefusalLength(view.tokens, k);
    if (refusal > 0 && k + refusal < end) return true;
  }
  for (size_t k = at; k-- > 0 && k + 8 > at;) {
    if (view.clause[k] != view.clause[at]) break;
    if (view.Is(k, kGrNegation) || lexicon.RefusesAt(view.tokens, k)) return true;
  }
  // A refusal in the passive later on: "the reopening of all schools, which was due on
  // 8 January, will be postponed".
  for (size_t k = end + 1; k < view.tokens.size() && k < end + 18; ++k) {
    if (view.tokens[k].lower == ";") break;
    if (view.Is(k - 1, kGrAuxiliary) && lexicon.RefusesAt(view.tokens, k)) return true;
  }
  // After it, only auxiliaries and a negation: "n'est pas", "is not", "no se".
  for (size_t k = end; k < view.tokens.size() && k < end + 4; ++k) {
    if (view.clause[k] != view.clause[at]) break;
    if (view.Is(k, kGrNegation)) return true;
    const std::string_view word = view.tokens[k].lower;
    if (!view.Is(k, kGrAuxiliary) && word != "'" && word != "\u2019" && word != "se") break;
  }
  return false;
}

// Whether a term names animals or a group or a place of them ("poultry flocks").
bool IsAnimalTerm(const TermAt& term) {
  return term.length > 0 && (term.term.role == TermRole::kAnimal ||
                             (term.term.role == TermRole::kThing && term.term.host));
}

// Whether a measure read over [at, end) acts on animals, not on people: animals stand in
// its words or a few words after them in its clause ("banned the movement of livestock",
// "restricted the movement of animals from other states", "stop pigs and pork from other
// provinces entering", "запрещен вывоз свиней", "el confinamiento obligatorio de las
// aves"). Animal health controls are no outbreak measures of the spec's kinds; the
// markets, fairs and shows they close are (business closure, gathering restriction), and
// so are the borders.
bool ActsOnAnimals(const SentenceView& view, MeasureKind measure, size_t at, size_t end) {
  if (measure != MeasureKind::kMovementRestriction && measure != MeasureKind::kEntryRestriction &&
      measure != MeasureKind::kLockdown && measure != MeasureKind::kTravelQuarantine) {
    return false;
  }
  for (size_t k = at; k < end + 6 && k < view.tokens.size(); ++k) {
    if (k >= end && view.clause[k] != view.clause[end - 1]) break;
    if (!IsAnimalTerm(view.terms[k]) || view.InDisease(k)) continue;
    // (Animals that name a disease or its virus are no object: "over the mink coronavirus
    // variant".)
    const size_t next = k + view.terms[k].length;
    if (next < view.tokens.size() && !view.disease[next].empty()) continue;
    return true;
  }
  return false;
}

// "WHO advises against any travel and/or trade restrictions", "L'OMS déconseille toute
// restriction des voyages": advice read over [at, end) that is about restrictions, not
// about travel; a word of restriction stands in it or right after it.
bool OnRestrictions(const SentenceView& view, const Lexicon& lexicon, size_t at, size_t end) {
  for (size_t k = at; k < end + 6 && k < view.tokens.size(); ++k) {
    if (lexicon.RestrictionAt(view.tokens, k)) return true;
  }
  return false;
}

// A measure read from a predicate and its object.
struct PairReading {
  MeasureKind measure = MeasureKind::kBorderClosure;
  MeasureAction action = MeasureAction::kImpose;
  size_t at = 0;   // the first token of the two
  size_t end = 0;  // one past the last
};

// An easing turns a closure into its reopening.
MeasureKind EasedKind(MeasureKind kind) {
  switch (kind) {
    case MeasureKind::kBorderClosure:
      return MeasureKind::kBorderReopening;
    case MeasureKind::kSchoolClosure:
    case MeasureKind::kBusinessClosure:
      return MeasureKind::kReopening;
    default:
      return kind;
  }
}

// "seront rouvertes le 15 juillet, après trois mois de fermeture", "after two weeks of
// lockdown": a measure that a span of time after "after" says lasted is the past the
// sentence's measure ends, no measure of its own. Whether the word at `k` is one.
bool LastedBefore(const SentenceView& view, size_t k) {
  if (k < 3 || !view.Is(k - 1, kGrOf) || !view.Is(k - 2, kGrUnit)) return false;
  for (size_t m = k - 2; m-- > 0 && m + 6 >= k;) {
    if (view.Is(m, kGrSubordinate)) return true;
    if (!view.tokens[m].is_word && !view.tokens[m].has_digit) return false;
  }
  return false;
}

// Whether the sentence tells of what is to come ("will resume flights", "reabrirá").
bool TellsOfTheFuture(const SentenceView& view, const Lexicon& lexicon) {
  return std::any_of(view.tokens.begin(), view.tokens.end(), [&](const text::Token& t) {
    return t.is_word && lexicon.IsFutureWord(t.lower);
  });
}

// "fined for opening during the lockdown last year", "pendant le confinement": a measure
// named as the time of something else is no measure of its own. Whether the measure
// read from `at` is one.
bool TimeOfSomethingElse(const SentenceView& view, const Lexicon& lexicon, size_t at) {
  // (And the disease's name: "during the COVID-19 lockdown". But a new one, or one to
  // come, is news: "will remain open during the new coronavirus lockdown".)
  size_t k = at;
  while (k > 0 && k + 5 > at &&
         (view.Is(k - 1, kGrDeterminer | kGrArticle) || view.InDisease(k - 1) ||
          (view.cues[k - 1] & kCueNew))) {
    if (view.cues[k - 1] & kCueNew) return false;
    --k;
  }
  return lexicon.DuringEndsAt(view.tokens, k) && !TellsOfTheFuture(view, lexicon);
}

// "35 horses on the property had been tested": animals tested in an outbreak are no
// testing of people. Whether the clause before the measure's words at `at` names animals
// and no people.
bool AnimalsTested(const SentenceView& view, size_t at) {
  bool animals = false;
  for (size_t k = at; k-- > 0 && k + 10 > at && view.clause[k] == view.clause[at];) {
    const TermAt& term = view.terms[k];
    if (term.length == 0) continue;
    if (term.term.role == TermRole::kPerson) return false;
    animals = animals || term.term.role == TermRole::kAnimal;
  }
  return animals;
}

bool IsStop(const text::Token& token) {
  return token.lower == "." || token.lower == ";" || token.lower == ":";
}

// Whether token `k` ends a clause between an object and its predicate: a full stop, a
// semicolon or a colon, a subordinating word, or a word of the `also` classes.
bool EndsClause(const SentenceView& view, size_t k, uint32_t also) {
  return IsStop(view.tokens[k]) || view.Is(k, kGrSubordinate | also);
}

// Objects and predicates of the sentence, paired by distance. A run of objects of one
// kind ("bars, cafes, gyms and restaurants") is one object spanning the run.
std::vector<PairReading> ReadPairs(const SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  struct Mark {
    size_t begin, end;
    MeasureKind kind;
    MeasureAction action;
  };
  std::vector<Mark> objects;
  std::vector<Mark> predicates;
  for (size_t i = 0; i < tokens.size();) {
    if (!view.measure_start[i]) {
      ++i;
      continue;
    }
    MeasureKind kind{};
    MeasureAction action{};
    size_t length = lexicon.MatchMeasurePredicate(tokens, i, &action);
    // "will remain open": nothing changes.
    // ... nor does an adjective: "close contacts".
    const bool modifies =
        length > 0 && i + length < tokens.size() &&
        lexicon.IsNounModifier(tokens[i + length - 1].lower, tokens[i + length].lower);
    if (length > 0 &&
        ((i > 0 && lexicon.IsPreModified(tokens[i - 1].lower, tokens[i].lower)) || modifies)) {
      i += length;
      continue;
    }
    if (length > 0) {
      predicates.push_back({i, i + length, kind, action});
      i += length;
      continue;
    }
    length = lexicon.MatchMeasureObject(tokens, i, &kind);
    // (Nor an object of another kind: "regional borders", the verb in "which borders X";
    // nor a word of a place's name: "Metro Manila".)
    if (length > 0 && ((i > 0 && lexicon.IsPreModified(tokens[i - 1].lower, tokens[i].lower)) ||
                       view.PlaceAt(i) != nullptr)) {
      i += length;
      continue;
    }
    if (length > 0 && !(i + length < tokens.size() &&
                        lexicon.IsNounModifier(tokens[i + length - 1].lower,
                                               tokens[i + length].lower))) {
      // Extend the run: ", cafes", "and restaurants", "including bars".
      if (!objects.empty() && objects.back().kind == kind && objects.back().end + 3 >= i) {
        bool joined = true;
        for (size_t k = objects.back().end; k < i; ++k) {
          const std::string_view w = tokens[k].lower;
          joined = joined && (w == "," || w == "and" || w == "or" || w == "including" ||
                              w == "as" || w == "well" || !(view.grammar[k] & ~kGrPlaceNoun));
        }
        if (joined) {
          objects.back().end = i + length;
          i += length;
          continue;
        }
      }
      // "the movement of live poultry and poultry products out of Pili is prohibited": an
      // "of" after the object opens its complement, which runs to the verb.
      size_t end = i + length;
      if (end < tokens.size() && view.Is(end, kGrOf)) {
        size_t k = end + 1;
        MeasureAction unused{};
        while (k < tokens.size() && k < end + 12 && tokens[k].lower != ";" &&
               !view.Is(k, kGrAuxiliary) &&
               lexicon.MatchMeasurePredicate(tokens, k, &unused) == 0) {
          ++k;
        }
        // (Only up to its verb's auxiliary: a predicate after it may act on what follows,
        // "banned the movement of livestock ... and closed the livestock markets".)
        if (k < tokens.size() && k < end + 12 && view.Is(k, kGrAuxiliary)) end = k;
      }
      objects.push_back({i, end, kind, action});
      i += length;
      continue;
    }
    ++i;
  }
  // Each predicate acts on its nearest object: "reopened its border to visitors" reopens
  // the border, not entry.
  constexpr size_t kReach = 7;
  std::vector<const Mark*> object_of(predicates.size(), nullptr);
  std::vector<size_t> object_distance(predicates.size(), SIZE_MAX);
  for (const Mark& object : objects) {
    for (size_t p = 0; p < predicates.size(); ++p) {
      const Mark& predicate = predicates[p];
      const bool after = predicate.begin >= object.end;
      size_t distance = after ? predicate.begin - object.end : object.begin - predicate.end;
      // A comma between them weighs like a few words ("have been suspended, public
      // transportation has been stopped").
      for (size_t k = after ? object.end : predicate.end; k < (after ? predicate.begin : object.begin);
           ++k) {
        if (tokens[k].lower == ",") distance += 3;
      }
      if (distance < object_distance[p]) {
        object_distance[p] = distance;
        object_of[p] = &object;
      }
    }
  }
  // Objects of several kinds joined in one phrase share its predicate: "schools and
  // places of worship are closed", "les écoles et les lieux de culte sont fermés".
  std::vector<size_t> group(objects.size(), 0);
  // "flights, the border has ...": after a bare comma, an article opens a new clause;
  // with "and" it does not ("schools and the universities"), nor where the list goes on
  // to one ("les écoles, les mosquées et les cafés sont fermés").
  const auto joined_after = [&](size_t o, bool comma_article) {
    const size_t from = objects[o - 1].end;
    const size_t to = objects[o].begin;
    const bool coordinated = !view.OnlyJoints(from, to, kGrDeterminer);
    const bool commas_only = view.OnlyJoints(from, to, 0);
    return to > from && to - from <= 3 &&
           view.OnlyJoints(from, to, kGrCoordination | kGrDeterminer) &&
           (coordinated || commas_only || comma_article);
  };
  for (size_t o = 1; o < objects.size(); ++o) {
    // (The next joint a coordination: "..., les mosquées et les cafés".)
    const bool goes_on = o + 1 < objects.size() && joined_after(o + 1, false) &&
                         !view.OnlyJoints(objects[o].end, objects[o + 1].begin, kGrDeterminer);
    group[o] = joined_after(o, goes_on) ? group[o - 1] : o;
  }
  const auto index_of = [&](const Mark* mark) { return static_cast<size_t>(mark - objects.data()); };
  std::vector<PairReading> pairs;
  for (const Mark& object : objects) {
    const Mark* best = nullptr;
    size_t best_distance = SIZE_MAX;
    bool best_denied = false;  // a permission denied: "no flight will be allowed to land"
    for (size_t p = 0; p < predicates.size(); ++p) {
      const Mark& predicate = predicates[p];
      if (object_of[p] == nullptr || group[index_of(object_of[p])] != group[index_of(&object)]) {
        continue;
      }
      // Reach and stops are the nearest object's of the phrase.
      const Mark& near = *object_of[p];
      const bool after = predicate.begin >= near.end;
      const size_t from = after ? near.end : predicate.end;
      const size_t to = after ? predicate.begin : near.begin;
      if (to - from > kReach) continue;
      bool stopped = false;
      // ("... seront fermés, mais les écoles ... resteront ouverts": a clause of its own.)
      for (size_t k = from; k < to; ++k) {
        stopped = stopped || EndsClause(view, k, 0);
      }
      // "stepped up surveillance at the border crossing", "extends across the border",
      // "stepped up screening at all points of entry": after its predicate, a border or an
      // entry past a preposition of place is where the action is, not what it acts on (but
      // "limited attendance at funerals" limits the funerals).
      // (Right after the predicate, a preposition may say to whom an entry is barred:
      // "interdite aux étrangers".)
      const bool border = object.kind == MeasureKind::kBorderClosure;
      const bool at_a_place = border || object.kind == MeasureKind::kEntryRestriction;
      for (size_t k = border ? from : from + 1; k < to && !after && at_a_place; ++k) {
        stopped = stopped || view.Is(k, kGrLocative);
      }
      // ("The film opens in cinemas on Friday", "vaccination resumed in schools": so is any
      // object past a preposition of place right after the predicate.)
      stopped = stopped || (!after && !at_a_place && from < to && view.Is(from, kGrLocative));
      const bool negated = Negated(view, lexicon, predicate.begin, predicate.end);
      // ("No scheduled international passenger flight will be allowed": the negation may
      // stand before the object, far from the predicate.)
      const bool denied = lexicon.PermitsAt(tokens, predicate.begin) &&
                          (negated || (after && Negated(view, lexicon, near.begin, near.end)));
      stopped = stopped || (negated && !denied);
      if (stopped || to - from >= best_distance) continue;
      best = &predicate;
      best_distance = to - from;
      best_denied = denied;
    }
    if (best == nullptr) continue;
    // "Schools closed during the pandemic will reopen", "Schools that were closed in March
    // will reopen", "Bars shut since March were allowed to reopen": a predicate right after
    // the object, or in a relative clause on it, only describes it where another of
    // another action follows with a verb's auxiliary; that one is what is done to it.
    size_t described_until = object.end;
    while (described_until < best->begin && described_until < object.end + 3 &&
           view.Is(described_until, kGrRelative | kGrAuxiliary)) {
      ++described_until;
    }
    // (Right after the object, a participle needs no auxiliary after it: "Les écoles
    // fermées depuis mars rouvriront lundi".)
    const bool adjacent = best->begin == object.end;
    if (best->begin == described_until && best->begin >= object.end) {
      for (const Mark& later : predicates) {
        if (later.begin <= best->end || later.begin > best->end + kReach + 4 ||
            later.action == best->action ||
            (!adjacent && !view.Is(later.begin - 1, kGrAuxiliary)) ||
            Negated(view, lexicon, later.begin, later.end)) {
          continue;
        }
        bool stopped = false;
        for (size_t k = best->end; k < later.begin; ++k) {
          stopped = stopped || EndsClause(view, k, kGrCoordination) || tokens[k].lower == ",";
        }
        if (stopped) continue;
        best = &later;
        break;
      }
    }
    bool easing = best->action == MeasureAction::kEase || best->action == MeasureAction::kLift;
    PairReading pair;
    pair.action = best->action;
    if (best_denied) {
      easing = false;
      pair.action = MeasureAction::kImpose;
    }
    // "Only essential shops will be allowed to open": the rest stay closed.
    for (size_t k = object.begin; k-- > 0 && k + 3 > object.begin && easing;) {
      if (lexicon.IsOnlyWord(tokens[k].lower)) {
        easing = false;
        pair.action = MeasureAction::kImpose;
      }
    }
    pair.measure = easing ? EasedKind(object.kind) : object.kind;
    pair.at = std::min(object.begin, best->begin);
    pair.end = std::max(object.end, best->end);
    pairs.push_back(pair);
  }
  return pairs;
}

// When the measure was taken: a day or a start named in the sentence. "Until the end of
// June" says when it may end, not when it began.
std::optional<Period> MeasurePeriod(const SentenceView& view, const Lexicon& lexicon) {
  // A measure announced for later ("will resume flights from July", "reabrirá la frontera
  // el lunes"): its dates are in the future, which the date reader, resolving against
  // publication, cannot place.
  if (TellsOfTheFuture(view, lexicon)) return std::nullopt;
  for (const DateRef& date : view.Dates()) {
    if (date.mention.kind == dates::DateKind::kUntil) continue;
    if (!date.mention.period.start && !date.mention.period.end) continue;  // no day to tell
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
  if (!view.measure_anchor) return;
  const auto& tokens = view.tokens;
  // Flights cancelled by a storm, villages evacuated before a fire: not outbreak measures.
  const bool has_disease = view.HasDisease();
  const uint32_t cues = view.CuesIn(0, tokens.size());
  if ((cues & kCueOtherCause) && !has_disease && !(cues & kCueOutbreak)) return;
  // Where could each pattern start? One index look-up a token; (pattern, token) pairs
  // in pattern order, then text order.
  std::vector<std::pair<size_t, size_t>> starts;
  std::vector<size_t> found_here;
  for (size_t at = 0; at < tokens.size(); ++at) {
    if (!view.measure_start[at]) continue;
    found_here.clear();
    lexicon.PatternsStartingWith(tokens[at].lower, found_here);
    for (size_t index : found_here) starts.emplace_back(index, at);
  }
  std::sort(starts.begin(), starts.end());
  // The clause and the country of each kind's reading: a kind is read once a sentence,
  // but again in a clause with a subject of its own ("Germany closed its borders ...,
  // while Poland and the Czech Republic sealed their frontiers").
  std::map<MeasureKind, std::vector<std::pair<int, std::string>>> seen;
  const auto read_again = [&](MeasureKind measure, size_t at, size_t end) {
    const auto it = seen.find(measure);
    if (it == seen.end()) return true;
    // (A reading across clauses is no clause's own.)
    if (end > at && view.clause[end - 1] != view.clause[at]) return false;
    const auto& readings = it->second;
    const auto read = [&](const auto& matches) {
      return std::any_of(readings.begin(), readings.end(), matches);
    };
    if (read([&](const auto& r) { return r.first == view.clause[at]; })) return false;
    return std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
      return ref.span.begin < at && view.clause[ref.span.begin] == view.clause[at] && CanAct(ref) &&
             !ref.demonym && !read([&](const auto& r) { return r.second == ref.place.country; });
    });
  };
  std::vector<Event> found;
  std::vector<std::pair<size_t, size_t>> read_from;  // by event of `found`: its tokens
  const auto emit = [&](MeasureKind measure, MeasureAction action, size_t at, size_t end) {
    if (!read_again(measure, at, end) || ActsOnAnimals(view, measure, at, end)) {
      return;
    }
    Event event;
    event.type = EventType::kMeasure;
    event.measure = measure;
    event.action = action;
    if (IsRestrictive(action)) {
      for (size_t k = 0; k < tokens.size(); ++k) {
        if (view.clause[k] != view.clause[at] && view.clause[k] != view.clause[end - 1]) continue;
        // The words the measure was read from say its action ("занятия в школах
        // отменены": classes cancelled are closed, whatever "cancelled" does to others).
        if (k >= at && k < end) continue;
        // ("until further notice": a cue word inside another phrase.)
        if (k + 1 < tokens.size() && lexicon.IsNounModifier(tokens[k].lower, tokens[k + 1].lower)) {
          continue;
        }
        if (auto cue = lexicon.ActionCue(tokens[k].lower)) event.action = *cue;
        // A word of two characters, read a character a token ("放宽": eased).
        const std::string_view one = tokens[k].lower;
        if (k + 1 < tokens.size() && one.size() == 3 && tokens[k + 1].lower.size() == 3 &&
            one.data() + one.size() == tokens[k + 1].lower.data()) {
          if (auto cue = lexicon.ActionCue(std::string_view(one.data(), 6))) event.action = *cue;
        }
      }
    }
    // "the travel ban on India, Pakistan and Nepal": a ban on travel, on the people of other
    // countries, keeps them out.
    const MeasureKind read_as = measure;
    if (measure == MeasureKind::kMovementRestriction &&
        std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
          return ref.restricted && ref.span.begin >= end && ref.span.begin <= end + 2 &&
                 ref.place.level == PlaceLevel::kCountry;
        })) {
      measure = MeasureKind::kEntryRestriction;
      event.measure = measure;
    }
    const PlaceRef* entered = IsEntryMeasure(measure) ? PlaceEntered(view) : nullptr;
    event.place = entered ? std::optional<Place>(entered->place)
                          : ChooseActor(view, at, end, measure, context, gazetteer);
    if (event.place && IsNational(event.measure) && !event.place->country.empty() &&
        event.place->level != PlaceLevel::kCountry) {
      if (auto country = gazetteer.Country(event.place->country)) event.place = country;
    }
    event.target = ChooseTarget(view, at, event.measure, event.place);
    event.disease = DiseaseNear(view, at, context);
    // "на территории района введен карантин" over African swine fever, "Карантин по
    // бешенству": a quarantine of a disease of animals, or of one people catch from
    // animals only, keeps animals in, not people.
    if (measure == MeasureKind::kLockdown && lexicon.QuarantinesAnimals(event.disease)) return;
    event.period = MeasurePeriod(view, lexicon);
    event.evidence = EvidenceOf(text, view.sentence);
    // "the United States, Australia, Taiwan and South Korea have issued travel
    // warnings": each place of a listed subject takes the measure.
    for (const Place& other : entered ? std::vector<Place>() : CoActors(view, event.place, at)) {
      Event copy = event;
      copy.place = other;
      if (IsNational(copy.measure) && other.level != PlaceLevel::kCountry) {
        if (auto country = gazetteer.Country(other.country)) copy.place = country;
      }
      copy.target = ChooseTarget(view, at, copy.measure, copy.place);
      found.push_back(std::move(copy));
      read_from.emplace_back(at, end);
    }
    seen[measure].emplace_back(view.clause[at], event.place ? event.place->country : "");
    if (read_as != measure) {
      seen[read_as].emplace_back(view.clause[at], event.place ? event.place->country : "");
    }
    found.push_back(std::move(event));
    read_from.emplace_back(at, end);
  };
  const auto& patterns = lexicon.measure_patterns();
  for (size_t s = 0; s < starts.size();) {
    const size_t index = starts[s].first;
    const MeasurePattern& pattern = patterns[index];
    // The first start of a pattern that matches is its reading.
    for (; s < starts.size() && starts[s].first == index; ++s) {
      const size_t at = starts[s].second;
      if (!read_again(pattern.measure, at, at)) continue;
      const size_t end = MatchAt(pattern, tokens, at, lexicon);
      if (end == 0 || Negated(view, lexicon, at, end, &pattern) || LastedBefore(view, end - 1) ||
          TimeOfSomethingElse(view, lexicon, at)) {
        continue;
      }
      if (pattern.measure == MeasureKind::kTravelAdvisory &&
          OnRestrictions(view, lexicon, at, end)) {
        continue;
      }
      if (pattern.measure == MeasureKind::kTesting && AnimalsTested(view, at)) continue;
      emit(pattern.measure, pattern.action, at, end);
    }
  }
  for (const PairReading& pair : ReadPairs(view, lexicon)) {
    emit(pair.measure, pair.action, pair.at, pair.end);
  }
  // "reopening" is the catch-all for easing; a more precise easing measure in the
  // same sentence ("reopened its borders", "flights resume") takes its place.
  const bool precise_easing = std::any_of(found.begin(), found.end(), [](const Event& e) {
    return e.measure != MeasureKind::kReopening && !IsRestrictive(e.action);
  });
  const bool reopens = std::any_of(found.begin(), found.end(), [](const Event& e) {
    return e.measure == MeasureKind::kBorderReopening && !IsRestrictive(e.action);
  });
  // Whether event e was read from the words of another of one of `kinds`: within them, or
  // with `overlapping`, across them.
  const auto read_inside = [&](size_t e, std::initializer_list<MeasureKind> kinds,
                               bool overlapping) {
    const auto [begin, end] = read_from[e];
    for (size_t q = 0; q < found.size(); ++q) {
      if (q == e || std::find(kinds.begin(), kinds.end(), found[q].measure) == kinds.end()) {
        continue;
      }
      const auto [other_begin, other_end] = read_from[q];
      if (overlapping ? other_begin < end && begin < other_end
                      : other_begin <= begin && end <= other_end) {
        return true;
      }
    }
    return false;
  };
  for (size_t e = 0; e < found.size(); ++e) {
    Event& event = found[e];
    if (precise_easing && event.measure == MeasureKind::kReopening) continue;
    // "Schools closed during the pandemic will reopen": a closure read from the words of
    // a reopening of what it closed only describes what reopens.
    if (IsRestrictive(event.action) &&
        (event.measure == MeasureKind::kSchoolClosure ||
         event.measure == MeasureKind::kBusinessClosure) &&
        read_inside(e, {MeasureKind::kReopening}, false)) {
      continue;
    }
    // "Quienes lleguen del exterior deberán cumplir una cuarentena obligatoria": a lockdown
    // read from a word inside a quarantine of arrivals is that quarantine; "В школе №5
    // введен карантин": one read from the words of a school's closure is that closure.
    if (event.measure == MeasureKind::kLockdown &&
        read_inside(e, {MeasureKind::kTravelQuarantine, MeasureKind::kSchoolClosure}, true)) {
      continue;
    }
    // "въезд и выезд из Махачкалы ограничен", entry to and exit from a town shut: an entry
    // restriction read from within the words of a restriction of movement is that
    // restriction (one that only overlaps them is a measure of its own).
    if (event.measure == MeasureKind::kEntryRestriction &&
        read_inside(e, {MeasureKind::kMovementRestriction}, false)) {
      continue;
    }
    // "will reopen its borders to tourists, ending 18 months of border closures": the end
    // of a closure in a sentence that reopens the borders is that reopening; so is an
    // easing of entry read from its words ("reopen to vaccinated tourists").
    if (reopens && !IsRestrictive(event.action) &&
        (event.measure == MeasureKind::kBorderClosure ||
         (event.measure == MeasureKind::kEntryRestriction &&
          read_inside(e, {MeasureKind::kBorderReopening}, true)))) {
      continue;
    }
    out.push_back(std::move(event));
  }
}

}  // namespace epiwire::events
