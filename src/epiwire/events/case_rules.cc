// SPDX-License-Identifier: MIT
// Case events: every count phrase of a sentence (counts.cc) becomes an event, with
// its place, time, aggregation, importation, disease and host read from the tiers.
//
// Whose count it is follows the document model of places, in this order:
//   1. the count's own locative ("34 new cases in Manzhouli", "19 in Beijing"), or the
//      locative inside a total's noun phrase ("the death toll in Delhi rose to");
//   2. its possessive owner ("Russia's 6,300 cases", "the province's case count");
//   3. the nearest place before it that can be a subject or a frame ("Manzhouli ...
//      reported 34", "In Telangana, 879 cases"), or an anaphor ("the state");
//   4. a place after it in the sentence;
//   5. the document: a national figure is the main country's, otherwise the focus.
// Origins, destinations, news outlets, organisations' names, datelines and places that
// only qualify another ("Fuzhou, Fujian Province") are never the count's place.
#include <algorithm>

#include "epiwire/base/fold.h"
#include "epiwire/base/one_of.h"
#include "epiwire/events/analysis.h"
#include "epiwire/events/counts.h"

namespace epiwire::events {
namespace {

bool SameClause(const SentenceView& view, size_t a, size_t b) {
  return a < view.clause.size() && b < view.clause.size() && view.clause[a] == view.clause[b];
}

// A place (or anaphor) that may be where a count was made.
struct Candidate {
  std::optional<Place> place;
  TokenSpan span;
  bool locative = false;
  bool possessive = false;
  bool demonym = false;
  bool target = false;  // "returning to X": where the cases are, as a last resort
};

// Whether the clause of token `at` opens on "all" ("..., all of them in Hubei").
bool OpensOnAll(const SentenceView& view, size_t at) {
  size_t k = at;
  while (k > 0 && view.clause[k - 1] == view.clause[at]) --k;
  while (k < at && !view.tokens[k].is_word) ++k;
  return k < at && view.Is(k, kGrAll);
}

// Whether the clause of token `at` is a part "of them" before it ("..., 256 of them in
// Daegu, ...").
bool InAPartOfThem(const SentenceView& view, size_t at) {
  for (size_t k = at; k-- > 1 && view.clause[k] == view.clause[at];) {
    if (view.Is(k, kGrPronoun) && view.Is(k - 1, kGrOf) && view.tokens[k - 1].lower != "'") {
      return k >= 2 && view.tokens[k - 2].has_digit;
    }
  }
  return false;
}

std::vector<Candidate> Candidates(const SentenceView& view, const DocumentContext& context,
                                  const gazetteer::Gazetteer& gazetteer) {
  std::vector<Candidate> out;
  for (const PlaceRef& ref : view.places) {
    if (ref.qualifier) continue;
    const bool target = ref.role == PlaceRole::kTarget;
    if (ref.role != PlaceRole::kPlain && ref.role != PlaceRole::kLocative && !target) continue;
    out.push_back(Candidate{ref.place, ref.span, ref.role == PlaceRole::kLocative,
                            ref.possessive, ref.demonym, target});
  }
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.span.begin < b.span.begin; });
  for (const Anaphor& anaphor : view.anaphors) {
    std::optional<Place> place;
    if (!anaphor.level) {
      // "it", "its": the nearest place or anaphor before it in the sentence; not one where
      // the cases of a count were ("3 more cases, all in Balochistan, raising its total",
      // "813 new cases, 256 of them in Daegu, raising its tally").
      for (const Candidate& c : out) {
        if (c.span.end <= anaphor.span.begin && !c.target && !c.demonym &&
            !OpensOnAll(view, c.span.begin) && !InAPartOfThem(view, c.span.begin)) {
          place = c.place;
        }
      }
    }
    if (!place) place = ResolveAnaphor(anaphor, view, context, gazetteer);
    if (!place) continue;
    const Candidate candidate{place, anaphor.span, anaphor.locative, anaphor.possessive, false,
                              false};
    out.insert(std::upper_bound(out.begin(), out.end(), candidate,
                                [](const Candidate& a, const Candidate& b) {
                                  return a.span.begin < b.span.begin;
                                }),
               candidate);
  }
  return out;
}

bool BreaksStatement(const SentenceView& view, size_t from, size_t to) {
  for (size_t k = from; k < to && k < view.tokens.size(); ++k) {
    if (view.tokens[k].lower == ";") return true;
  }
  return false;
}

// "1.4 million people have been infected worldwide", "889 cases in 23 countries": a
// figure of no one place.
bool IsWorldwide(const SentenceView& view) {
  const auto& tokens = view.tokens;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k > 0 && (tokens[k - 1].has_digit || view.Is(k - 1, kGrNumber)) &&
        OneOf(tokens[k].lower, {"countries", "nations", "pays", "países", "стран", "странах"})) {
      return true;
    }
    if (tokens[k].lower == "worldwide" || tokens[k].lower == "globally") return true;
    // "в мире", "en el mundo", "dans le monde", "全球".
    if (k > 0 && ((tokens[k].lower == "мире" && tokens[k - 1].lower == "в") ||
                  (tokens[k].lower == "mundo" && tokens[k - 1].lower == "el") ||
                  (tokens[k].lower == "monde" && tokens[k - 1].lower == "le"))) {
      return true;
    }
    if (tokens[k].lower == "全球") return true;
    // "a nivel mundial", "a escala mundial", "à l'échelle mondiale", "по всему миру".
    if (k > 0 &&
        ((tokens[k].lower == "mundial" && OneOf(tokens[k - 1].lower, {"nivel", "escala"})) ||
         (OneOf(tokens[k].lower, {"mondial", "mondiale"}) &&
          OneOf(tokens[k - 1].lower, {"niveau", "échelle"})) ||
         (tokens[k].lower == "миру" && tokens[k - 1].lower == "всему"))) {
      return true;
    }
    if (tokens[k].lower == "world" && k > 0 &&
        OneOf(tokens[k - 1].lower, {"the", "around", "across"}) &&
        (k + 1 >= tokens.size() || !tokens[k + 1].is_word ||
         !OneOf(tokens[k + 1].lower, {"health", "bank", "cup", "war", "food", "trade"}))) {
      return true;
    }
  }
  return false;
}

struct PlaceChoice {
  std::optional<Place> place;
  bool possessive = false;  // "Brazil's 1,200 cases": the owner's running total
};

// "..., bringing the total to 6,343", "taking the death toll to 31": a clause that
// carries on the statement before it; its count belongs to that statement's place.
bool InContinuation(const SentenceView& view, size_t number) {
  for (size_t k = number; k-- > 0;) {
    if (OneOf(view.tokens[k].lower, {"bringing", "taking", "raising", "pushing", "making",
                                     "lifting", "bring", "brings", "takes"})) {
      return true;
    }
    if (view.tokens[k].lower == ";" || view.tokens[k].lower == ".") return false;
    if (view.tokens[k].lower == "," && k + 1 < number &&
        !OneOf(view.tokens[k + 1].lower, {"bringing", "taking", "raising", "pushing", "making"})) {
      return false;
    }
  }
  return false;
}

// The first token after the disease a count phrase may end on: "cases of COVID-19",
// "cas de COVID-19".
size_t AfterDisease(const SentenceView& view, size_t k) {
  const size_t named = k < view.tokens.size() && view.Is(k, kGrOf) ? k + 1 : k;
  if (named < view.tokens.size() && !view.disease[named].empty()) {
    return named + view.disease_length[named];
  }
  return k;
}

// "nine suspected cases, including three deaths, in Bas-Uele", "Twelve people, including
// three health workers, have died of Ebola in Equateur": a part of the count before it
// set off by commas; the place after it is the whole's.
bool PartAside(const SentenceView& view, const ReadCount& part) {
  const auto& tokens = view.tokens;
  const size_t at = HedgeStart(view, part.quantity);
  // The comma that closes it (its phrase may borrow the whole's verb after it).
  size_t end = part.quantity.span.end;
  while (end < tokens.size() && end < part.quantity.span.end + 8 && tokens[end].lower != ",") ++end;
  if (at == 0 || end + 1 >= tokens.size() || tokens[end].lower != ",") return false;
  if (view.Is(at - 1, kGrPart) && view.Is(end + 1, kGrLocative)) return true;
  // ", dont 120 à Toronto,", ", including 540 in the capital,": a part with a place of
  // its own is counted there.
  for (size_t k = part.quantity.span.end; k < end; ++k) {
    if (view.PlaceAt(k) != nullptr) return false;
  }
  for (const Anaphor& anaphor : view.anaphors) {
    if (anaphor.level && anaphor.span.begin >= part.quantity.span.end && anaphor.span.begin < end) {
      return false;
    }
  }
  // Opened by a comma as well: ", including three health workers,", ", among them eight
  // children,".
  // Or the comma right before it opens one: ", five of them fatal,".
  if (OpensAside(view, at - 1)) return true;
  const bool part_word = view.Is(at - 1, kGrPart | kGrPronoun);
  return part_word && ((at >= 2 && tokens[at - 2].lower == ",") ||
                       (at >= 3 && tokens[at - 3].lower == "," && tokens[at - 2].is_word));
}

// Whether place `outer` holds place `inner`: the same place, its country, or its
// subdivision.
bool Holds(const Place& outer, const Place& inner) {
  if (outer.SameAs(inner)) return true;
  if (outer.country != inner.country) return false;
  if (outer.level == PlaceLevel::kCountry) return true;
  return outer.level == PlaceLevel::kSubdivision && !outer.subdivision.empty() &&
         outer.subdivision == inner.subdivision;
}

// Whether count `b` is joined to count `a` before it by "and" or a comma alone, both
// counts of their own noun phrase ("14 new cases and two deaths", "12 tourists, three
// workers", "14 casos nuevos y dos fallecidos").
bool CountsJoined(const SentenceView& view, const ReadCount& a, const ReadCount& b) {
  // ("has killed 22 people and sickened 1,000 in Kassala state": two verbs before their
  // counts, joined.)
  if (a.reading.path == CountPath::kKillVerb && b.reading.path == CountPath::kKillVerb &&
      b.reading.head < b.quantity.span.begin) {
    const size_t end = std::max(a.quantity.span.end, a.reading.phrase_end);
    if (b.reading.head <= end || b.reading.head - end > 2) return false;
    for (size_t k = end; k < b.reading.head; ++k) {
      if (view.tokens[k].lower != "," && !view.Is(k, kGrCoordination)) return false;
    }
    return true;
  }
  const auto own_phrase = [](const ReadCount& count) {
    return (count.reading.path == CountPath::kNoun || count.reading.path == CountPath::kVerb) &&
           count.reading.head >= count.quantity.span.end;
  };
  if (!own_phrase(a) || !own_phrase(b)) return false;
  // ("14 casos nuevos y dos fallecidos": past the words after the noun that say which.)
  size_t end = a.reading.head + 1;
  while (end < view.tokens.size() && (view.cues[end] & (kCueNew | kCueCumulative))) ++end;
  end = AfterDisease(view, end);
  const size_t at = HedgeStart(view, b.quantity);
  if (at <= end || at - end > 2) return false;
  for (size_t k = end; k < at; ++k) {
    if (view.tokens[k].lower != "," && !view.Is(k, kGrCoordination)) return false;
  }
  return true;
}

// `next_count`: where the next count not joined to this one starts; `joined_head`: the
// head of the last count joined to it (its own if none).
PlaceChoice ChoosePlace(const SentenceView& view, const std::vector<Candidate>& candidates,
                        const ReadCount& count, size_t next_count, size_t joined_head,
                        size_t item_start, const std::optional<PlaceChoice>& statement,
                        const DocumentContext& context, const Lexicon& lexicon) {
  const CountReading& reading = count.reading;
  const size_t number = HedgeStart(view, count.quantity);
  // The count phrase ends at its head; a verb may come later ("88 people in Slovenia
  // have tested positive").
  const size_t head_end = reading.path == CountPath::kTotal ? count.quantity.span.end
                                                            : std::max(reading.head + 1,
                                                                       count.quantity.span.end);
  const size_t after = std::max({reading.phrase_end, count.quantity.span.end, number + 1});
  const size_t head = std::min(reading.head, view.tokens.size() - 1);
  // "в Санкт-Петербурге — 987", "Lagos: 12": a place right before the number, only a dash
  // or a colon between, is the count's; so is one after the count's noun, before "at"
  // ("the most cases at 2,17,121, followed by Tamil Nadu at 1,18,594").
  for (const Candidate& c : candidates) {
    if (c.span.end + 1 == number && !c.demonym && !c.target &&
        (IsDash(view.tokens[c.span.end].lower) || view.tokens[c.span.end].lower == ":" ||
         (c.span.begin > reading.head && view.Is(c.span.end, kGrLocative)))) {
      return {c.place};
    }
  }
  // "more than 450,000 animals in 22 provinces": a figure over several regions of one
  // country is that country's (not a city's before it). (Over counties or districts, a
  // state's: those nouns are no regions.)
  // So is one over "other" units than those named ("the remaining 419 cases were from 61
  // other districts"), of whatever level.
  // (Right after the counted noun, or after the count's phrase: "117 wild birds in 15
  // prefectures have tested positive".)
  for (size_t k = std::min(head_end, after); k + 2 < view.tokens.size() && k < after + 3; ++k) {
    if (!view.Is(k, kGrLocative | kGrFrom)) continue;
    const bool regions =
        std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
          if (q.span.begin != k + 1 || q.span.end + 1 >= view.tokens.size() ||
              q.quantity.value <= 1) {
            return false;
          }
          const size_t noun = q.span.end;
          if (lexicon.IsOtherWord(view.tokens[noun].lower)) return view.Is(noun + 1, kGrPlaceNoun);
          return view.Is(k, kGrLocative) && view.Is(noun, kGrPlaceNoun) &&
                 lexicon.PlaceNounLevel(view.tokens[noun].lower) == PlaceLevel::kSubdivision;
        });
    if (!regions) break;
    for (const Candidate& c : candidates) {
      if (c.span.begin < number && !c.target && c.place && c.place->level == PlaceLevel::kCountry) {
        return {c.place};
      }
    }
    if (context.focus && context.focus->level == PlaceLevel::kCountry) return {context.focus};
    // (Else the country of the place the text is about, when the text named it: "117 wild
    // birds in 15 prefectures" after Kyoto's swans are Japan's.)
    if (context.focus && context.last_country &&
        context.last_country->country == context.focus->country) {
      return {context.last_country};
    }
    if (context.main_country) return {context.main_country};
    break;
  }
  // "1,057 new cases last week, in Tainan 955, Kaohsiung 79", "新增1,057例，分布於臺南市955例、
  // 高雄市79例", "7 cas ... recensés à Touba (3), Dakar-Plateau (1)": a place right before
  // the next count, or before a number and a colon, a bracket or "with", opens that
  // number's item of a breakdown; the whole is not counted there. (Not a number of a name:
  // "seven in the territory of ASL Rome 2".)
  // ("Из 12 новых случаев коронавируса в Приморье девять завезены из Китая": not in the
  // frame of parts that opens the sentence, whose place is the whole's.)
  const size_t opens = !view.tokens.empty() && !view.tokens[0].is_word ? 1 : 0;
  const bool opening_frame = number == opens + 1 && view.Is(opens, kGrOf);
  const auto heads_next_item = [&](const Candidate& c) {
    if (opening_frame || c.span.begin < after || c.span.end >= view.tokens.size()) return false;
    if (next_count == c.span.end) return true;
    const std::string_view between = view.tokens[c.span.end].lower;
    if (between != ":" && between != "(" && !IsDash(between) &&
        !view.Is(c.span.end, kGrCompanion)) {
      return false;
    }
    // ("three new cases were reported in Leeds: two children and a nurse": a place after
    // "in" and before a colon is where the count before was, the colon opening its parts.)
    if (between == ":" && c.span.begin > 0 && view.Is(c.span.begin - 1, kGrLocative)) return false;
    return std::any_of(view.quantities.begin(), view.quantities.end(),
                       [&](const QuantityRef& q) { return HedgeStart(view, q) == c.span.end + 1; });
  };
  // "620 deaths since the outbreak was first reported in Machinga district", "since its
  // outbreak in Gujarat in April": a place in a clause of time after the count is where
  // that began.
  const auto since_began = [&](const Candidate& c) {
    for (size_t k = head_end; k < c.span.begin; ++k) {
      if (view.Is(k, kGrSince)) return true;
    }
    return false;
  };
  // 1. Its own locative after the count phrase, in its clause, before the next count;
  //    or inside a total's noun phrase.
  const size_t reach = AfterDisease(view, after) + 12;  // "cases of Marburg virus disease"
  for (const Candidate& c : candidates) {
    if (c.span.begin < head_end || c.span.begin >= next_count || c.span.begin > reach) continue;
    if (!c.locative || c.demonym || heads_next_item(c) || since_began(c)) continue;
    // Past a part set off by commas ("nine cases, including three deaths, in the X
    // region", "eight cases of Marburg virus disease, five of them fatal, in Kagera").
    const size_t closed = AfterDisease(view, head_end);  // "cases of Marburg,"
    size_t marker = c.span.begin;
    while (marker > closed && view.Is(marker - 1, kGrLocative | kGrDeterminer)) --marker;
    const bool past_aside = closed + 1 < marker && OpensAside(view, closed) &&
                            marker < c.span.begin && view.tokens[marker - 1].lower == ",";
    // "Twelve people, including three health workers, have died of Ebola in Equateur": in
    // the clause of the count's own verb, after an aside.
    const bool verb_clause = reading.path == CountPath::kVerb && reading.phrase_end > head_end &&
                             SameClause(view, c.span.begin, reading.phrase_end - 1);
    // "its first human case, a 9-year-old girl in Bolivar province": a person set beside
    // a count of one is that case, and lives where they do.
    bool apposed_person = false;
    if (count.quantity.quantity.value == 1 && c.locative) {
      size_t comma = closed;
      while (comma < c.span.begin && view.tokens[comma].lower != ",") ++comma;
      for (size_t k = comma + 1; k < c.span.begin && k < comma + 8 && !apposed_person; ++k) {
        apposed_person = view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kPerson;
      }
      apposed_person = apposed_person && comma + 1 < c.span.begin &&
                       view.Is(comma + 1, kGrArticle | kGrDeterminer);
    }
    // ("Of the 40 cases ..., 20 were in England": a part's head is its frame's noun, before
    // it; the clause is the number's.)
    const size_t own = reading.head < number ? count.quantity.span.begin : head;
    if (!SameClause(view, c.span.begin, own) && !SameClause(view, c.span.begin, joined_head) &&
        !past_aside && !verb_clause && !apposed_person) {
      continue;
    }
    return {c.place};
  }
  const size_t phrase_start = reading.path == CountPath::kTotal ? std::min(reading.head, number)
                                                                : number;
  if (reading.path == CountPath::kTotal) {
    for (const Candidate& c : candidates) {
      if (c.span.begin > reading.head && c.span.end <= number && c.locative && !c.demonym) {
        return {c.place};
      }
    }
  }
  // 2. A possessive owner right before: "Russia's 6,300 cases", "X's death toll".
  for (const Candidate& c : candidates) {
    if (!c.possessive || c.span.end > phrase_start || phrase_start - c.span.end > 4) continue;
    return {c.place, true};
  }
  // "a Montana child", "12 Beijing residents": a place inside the count's noun phrase;
  // "25,000 Queenslanders": the people of a state or province counted.
  for (const Candidate& c : candidates) {
    if (c.span.begin > number && c.span.end <= reading.head && !c.target && !c.demonym) {
      return {c.place};
    }
    if (c.demonym && c.span.begin == reading.head && c.place &&
        c.place->level == PlaceLevel::kSubdivision) {
      return {c.place};
    }
  }
  // A clause that carries on the statement: the statement's place, or its subject.
  if (InContinuation(view, number)) {
    if (statement && statement->place) return {statement->place};
    for (const Candidate& c : candidates) {
      if (c.span.end <= phrase_start && !c.demonym && !c.target) return {c.place};
    }
  }
  // 3. The nearest place before it, in the same statement; a demonym only when nothing
  //    else stands there ("Six Kazakh nationals").
  const Candidate* before = nullptr;
  const Candidate* demonym = nullptr;
  // "In Hung Yen province, southeast of Hanoi, about 6,800 pigs died": a place set off
  // by commas right after another says where that one is.
  const auto describes = [&](const Candidate& c) {
    if (before == nullptr || before->span.end >= view.tokens.size() ||
        view.tokens[before->span.end].lower != "," || c.span.begin > before->span.end + 5 ||
        c.span.end >= phrase_start || view.tokens[c.span.end].lower != ",") {
      return false;
    }
    for (size_t k = before->span.end + 1; k < c.span.begin; ++k) {
      if (!view.tokens[k].is_word || view.tokens[k].has_digit || view.terms[k].length > 0) {
        return false;
      }
    }
    return true;
  };
  // "Ontario measles outbreak grows to 350 cases; 21 hospitalized": a statement after a
  // semicolon that names no place of its own is about the subject before it, a place
  // before the sentence's first figure (not a part's: "其中臺南市5,214例最多；累計死亡病例
  // 增至12例").
  const size_t first_figure = view.quantities.empty() ? 0 : view.quantities.front().span.begin;
  const Candidate* across = nullptr;
  for (const Candidate& c : candidates) {
    if (c.span.end > phrase_start) break;
    if (c.target) continue;
    if (BreaksStatement(view, c.span.end, phrase_start)) {
      if (!c.demonym && c.span.end <= first_figure) across = &c;
      continue;
    }
    if (!c.demonym && describes(c)) continue;
    // "（上海12例，…，四川4例），本土病例18例": a place of a breakdown in brackets is its part's.
    if (InBrackets(view, c.span.begin) && !InBrackets(view, number)) continue;
    // The place of a list's item before it is that item's ("dont 120 à Montréal"), and
    // that of a part aside the part's.
    if (c.locative && c.span.begin >= item_start) continue;
    if (InAside(view, c.span.begin) && !InAside(view, number)) continue;
    if (c.demonym) {
      demonym = &c;
    } else {
      before = &c;
    }
  }
  if (before) return {before->place};
  // 4. A place after it in the sentence ("... have been reported in X"), but not one of
  //    a conjunct with a verb of its own ("..., et à un Chinois qui est décédé à Paris").
  const auto new_conjunct = [&](size_t from, size_t to) {
    for (size_t k = from; k + 1 < to; ++k) {
      if (view.tokens[k].lower != "," || !view.Is(k + 1, kGrCoordination)) continue;
      for (size_t m = k + 2; m < to; ++m) {
        if (view.terms[m].length > 0 && view.terms[m].term.role == TermRole::kVerb) return true;
      }
    }
    return false;
  };
  std::optional<Place> aside_place;  // the place of a part aside after it
  for (const Candidate& c : candidates) {
    if (c.span.begin < after || c.demonym || !c.locative || since_began(c)) continue;
    // "...病例46例；新增死亡病例3例，均在湖北": a place of another statement.
    if (BreaksStatement(view, after, c.span.begin) || heads_next_item(c)) break;
    // "12 new cases (5 in Lagos, 7 in Kano)": places of the parts in brackets.
    if (InBrackets(view, c.span.begin) && !InBrackets(view, number)) continue;
    // "52 people in 12 states, including 20 in California": the place of a part after it.
    // ("Three health workers were infected, two in Edo and one in Taraba": so is a bare
    // number after a comma with a place of its own.)
    const bool bare_part =
        next_count > 0 && next_count < view.tokens.size() &&
        view.tokens[next_count - 1].lower == "," &&
        std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
          // ("..., 29 of them at the hospital in Margate": "of them" says so as well.)
          const size_t end = q.span.end;
          return HedgeStart(view, q) == next_count && end < view.tokens.size() &&
                 (view.Is(end, kGrLocative) ||
                  (end + 1 < view.tokens.size() && view.Is(end, kGrOf) &&
                   view.Is(end + 1, kGrPronoun)));
        });
    // "Of the five new cases, three were reported in Montreal", "Parmi les 17 cas, 10 ont
    // été déclarés à Montréal": after a frame that opens the sentence, the places are
    // its parts'.
    // ("Из 44 заболевших 21 выявлен в ...": Russian writes no comma after it.)
    // (A quotation mark may open it: '"Of the 2,316 new cases, 1,511 are from Karachi'.)
    const size_t opening = !view.tokens.empty() && !view.tokens[0].is_word ? 1 : 0;
    const bool framed = number <= opening + 4 && view.Is(opening, kGrOf | kGrPart) &&
                        next_count > 0 && next_count < view.tokens.size() &&
                        (view.tokens[next_count - 1].lower == "," || next_count == after);
    // (", dont 118 dans la région de Matam", ", из них 40 в ...": so after "of which".)
    size_t which = next_count;
    while (which > 0 && next_count - which < 3 && view.Is(which - 1, kGrPronoun)) --which;
    const bool of_which = which < next_count && which > 0 && view.tokens[which - 1].lower == ",";
    // ("9,854 patients, including 4,127 in the capital, are in hospitals across the
    // country": past the comma that closes a part set off by commas, the whole's.)
    bool past_part = false;
    if (next_count >= 2 && OpensAside(view, next_count - 2)) {
      for (size_t k = next_count + 1; k < c.span.begin && !past_part; ++k) {
        past_part = view.tokens[k].lower == ",";
      }
    }
    const bool of_a_part = next_count < view.tokens.size() && next_count > 0 &&
                           (view.Is(next_count - 1, kGrPart) || of_which || bare_part || framed) &&
                           c.span.begin >= next_count && !past_part;
    // "122 people have been admitted to hospital, and one person in England has died": a
    // place inside a conjunct with a verb of its own after it is that conjunct's count's
    // (but "65 confirmed cases, 813 suspected cases, and 138 deaths in Angola" is a list).
    const auto verb_after = [&](size_t from) {
      for (size_t k = from; k < view.tokens.size() && SameClause(view, k, from); ++k) {
        if (view.Is(k, kGrAuxiliary) ||
            (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kVerb)) {
          return true;
        }
      }
      return false;
    };
    const bool next_conjunct = next_count >= 2 && next_count < view.tokens.size() &&
                               c.span.begin >= next_count &&
                               view.Is(next_count - 1, kGrCoordination) &&
                               view.tokens[next_count - 2].lower == "," && verb_after(c.span.end);
    if (of_a_part || next_conjunct || new_conjunct(after, c.span.begin)) break;
    if (InAside(view, c.span.begin) && !InAside(view, number)) {
      aside_place = c.place;
      break;
    }
    return {c.place};
  }
  if (demonym) return {demonym->place};
  if (across != nullptr) {
    const bool own_place =
        std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
          return c.span.begin >= phrase_start && !BreaksStatement(view, phrase_start, c.span.begin);
        });
    if (!own_place) return {across->place};
  }
  // "'We have recorded 146 new cases,' the Kenyan health minister said": the country whose
  // authority speaks of the figure.
  for (const Candidate& c : candidates) {
    if (c.demonym && c.span.begin >= after && c.span.end < view.tokens.size() &&
        (view.cues[c.span.end] & kCueAuthority)) {
      return {c.place};
    }
  }
  // "Eight pilgrims returning to Malaysia": a destination, unless the text is about
  // another country (travellers "arriving in Hong Kong" on their way to Macau).
  for (const Candidate& c : candidates) {
    if (c.target && (!context.focus || context.focus->country == c.place->country)) {
      return {c.place};
    }
  }
  // 5. The document.
  if (IsWorldwide(view)) return {};
  const bool national = std::any_of(view.tokens.begin(), view.tokens.end(), [](const text::Token& t) {
    return t.lower == "national" || t.lower == "nationwide" || t.lower == "nationally";
  });
  if (national && context.main_country) return {context.main_country};
  // "467 new cases, most of them in Garissa and Wajir counties" in a text about Nairobi:
  // the whole holds its part, so it is counted where both are, the country.
  if (aside_place && context.focus && context.main_country &&
      context.main_country->country == aside_place->country &&
      !Holds(*context.focus, *aside_place)) {
    return {context.main_country};
  }
  if (context.focus) return {context.focus};
  return {context.main_country};
}

// "The ministry said on Monday that ...": the day of the report, not of the figure.
bool IsReportDate(const SentenceView& view, const DateRef& date) {
  for (size_t back = 1; back <= 2 && back <= date.span.begin; ++back) {
    const size_t k = date.span.begin - back;
    if (view.Is(k, kGrReport) || OneOf(view.tokens[k].lower, {"reported", "confirmed"})) {
      // "reported on Monday" right after its own count is the figure's day.
      // "told reporters on Tuesday": whom it was said to stands between.
      const bool told = back == 2 && OneOf(view.tokens[k + 1].lower,
                                           {"reporters", "journalists", "parliament", "lawmakers"});
      return (back == 1 || told) && date.span.begin >= 2 &&
             !view.tokens[date.span.begin - 2].has_digit && view.Is(k, kGrReport);
    }
  }
  return false;
}

// Aggregation: the noun phrase first, then the clause, then the date kind.
// The cues of an opening adverbial that is nothing but cues ("In total, ...", "So far,
// ...", "Au total, ...", "Всего, ..."): they speak for the whole sentence.
uint32_t OpeningCues(const SentenceView& view) {
  uint32_t cues = 0;
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if (view.clause[i] != view.clause[0]) return cues;
    if (!view.tokens[i].is_word) continue;
    if (view.cues[i] == 0) return 0;
    cues |= view.cues[i];
  }
  return 0;
}

// The cues of tokens [begin, end) outside brackets: "20.453 (un 2% más) los fallecidos",
// "195,944 (up 2.2%) infections": the bracket speaks of a change, not of the count.
uint32_t CuesOutsideBrackets(const SentenceView& view, size_t begin, size_t end) {
  uint32_t flags = 0;
  int depth = 0;
  for (size_t i = begin; i < end && i < view.tokens.size(); ++i) {
    const std::string_view t = view.tokens[i].lower;
    if (IsOpenBracket(t)) ++depth;
    if (depth == 0) flags |= view.cues[i];
    if (IsCloseBracket(t) && depth > 0) --depth;
  }
  return flags;
}

// The tokens each count of a sentence stands on: from its hedge (or its noun, when the
// noun comes first: "the total death toll rose to 14,476") to the end of its phrase.
std::vector<std::pair<size_t, size_t>> CountSpans(const SentenceView& view,
                                                  const std::vector<ReadCount>& counts) {
  std::vector<std::pair<size_t, size_t>> spans;
  spans.reserve(counts.size());
  for (const ReadCount& count : counts) {
    const size_t start = HedgeStart(view, count.quantity);
    // A noun before another count, or another count's own, is the one an elliptic count
    // borrows ("17 случаев, из них 14 ..., два – у граждан Китая"; "De los 12 casos
    // importados, 8 ..."), not where its phrase starts.
    const size_t head = count.reading.head;
    const bool borrowed =
        head < start && std::any_of(counts.begin(), counts.end(), [&](const ReadCount& other) {
          const size_t at = other.quantity.span.begin;
          return (at > head && at < start) || (&other != &count && other.reading.head == head);
        });
    spans.emplace_back(borrowed ? start : std::min(start, head),
                       std::max({count.quantity.span.end, count.reading.phrase_end, start + 1}));
  }
  return spans;
}

// Which counts token `at` speaks for, of those of `spans` (row[c] for count c): a token
// in a count's span is its own; one between two counts goes to the count whose clause it
// is in ("465 deaths in the last 24 hours, with the total toll rising to 14,476": "total"
// is the later count's, not the deaths'), and a clause of neither tells of the count
// before it ("из них 14 у граждан РФ, вернувшихся из Италии, два ...": the return is the
// 14's); in one clause, what stands before the "and" that opens the later count's
// conjunct is the earlier count's ("3 cases imported from France and 2 contact cases":
// France is the 3's); else the nearest count has it (each as near, where they tie).
void OwnersOfToken(const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& spans,
                   size_t at, char* row) {
  const auto distance = [at](const std::pair<size_t, size_t>& span) {
    if (at < span.first) return span.first - at;
    return at >= span.second ? at - span.second + 1 : size_t{0};
  };
  const auto only = [&](size_t owner) {
    for (size_t c = 0; c < spans.size(); ++c) row[c] = c == owner;
  };
  std::optional<size_t> before;  // the count ending nearest before `at`
  std::optional<size_t> after;   // the count starting nearest after it
  size_t nearest = SIZE_MAX;
  for (size_t d = 0; d < spans.size(); ++d) {
    const size_t away = distance(spans[d]);
    if (away == 0) return only(d);
    nearest = std::min(nearest, away);
    if (spans[d].second <= at && (!before || spans[d].second > spans[*before].second)) before = d;
    if (spans[d].first > at && (!after || spans[d].first < spans[*after].first)) after = d;
  }
  const bool with_before = before && SameClause(view, at, spans[*before].second - 1);
  const bool with_after = after && SameClause(view, at, spans[*after].first);
  if (with_before != with_after) return only(with_before ? *before : *after);
  if (!with_before && before) return only(*before);
  if (with_before) {
    for (size_t k = at + 1; k < spans[*after].first; ++k) {
      if (view.Is(k, kGrCoordination)) return only(*before);
    }
  }
  for (size_t c = 0; c < spans.size(); ++c) row[c] = distance(spans[c]) == nearest;
}

// OwnersOfToken of every token of a sentence, worked out once: the rules ask it of each
// token in several passes. A sentence of one count owns every token.
class Ownership {
 public:
  Ownership(const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& spans)
      : counts_(spans.size()) {
    if (counts_ <= 1) return;
    owned_.resize(view.tokens.size() * counts_);
    for (size_t at = 0; at < view.tokens.size(); ++at) {
      OwnersOfToken(view, spans, at, owned_.data() + at * counts_);
    }
  }
  bool Owns(size_t c, size_t at) const {
    return counts_ <= 1 || (at * counts_ + c < owned_.size() && owned_[at * counts_ + c]);
  }

 private:
  size_t counts_;
  std::vector<char> owned_;
};

// Whether a token speaks for one count (Ownership); without a table, for it alone.
struct Owner {
  const Ownership* table = nullptr;
  size_t count = 0;
  bool operator()(size_t at) const { return table == nullptr || table->Owns(count, at); }
  explicit operator bool() const { return table != nullptr; }
};

// Whether `date` is an end set to a measure, in the clause of its word: "extended its
// lockdown until May 3 as deaths rose to 18,849", "will remain in place until April 27,
// the governor said, as cases rose to 120". No count's time, nor a total's as-of day.
bool EndsAMeasure(const SentenceView& view, const DateRef& date) {
  const size_t anchor = date.span.begin;
  if (date.mention.kind != dates::DateKind::kUntil || anchor >= view.tokens.size()) return false;
  for (size_t k = anchor; k-- > 0 && SameClause(view, k, anchor);) {
    if (view.measure_start[k]) return true;
  }
  return false;
}

// "between January and August", "this year": a span of more than a month, whose count
// is a total over it ("66 deaths between January and August"), not a day's or a week's.
bool LongSpan(const DateRef& date) {
  const Period& period = date.mention.period;
  return date.mention.kind == dates::DateKind::kRange && period.start && period.end &&
         period.end->ToDays() - period.start->ToDays() > 31;
}

// Whether a cue of news stands right before the count or in its phrase ("another 12",
// "12 new cases", "509 décès supplémentaires").
bool NewCued(const SentenceView& view, const ReadCount& count) {
  const CountReading& reading = count.reading;
  const QuantityRef& q = count.quantity;
  const size_t start = HedgeStart(view, q);
  const size_t phrase_end = std::max(reading.head, q.span.end) + 1;
  const uint32_t before = start >= 1 ? view.cues[start - 1] : 0;
  const uint32_t after_noun =
      reading.phrase_end < view.tokens.size() && reading.phrase_end >= phrase_end
          ? view.cues[reading.phrase_end]
          : 0;
  return (before & kCueNew) || (CuesOutsideBrackets(view, q.span.end, phrase_end) & kCueNew) ||
         ((after_noun & kCueNew) && !(after_noun & kCueCumulative));
}

std::optional<Aggregation> ReadAggregation(const SentenceView& view, const ReadCount& count,
                                           const DateRef* date, bool possessive_place,
                                           const Owner& owns, bool verbs_tell_events) {
  const CountReading& reading = count.reading;
  const QuantityRef& q = count.quantity;
  if (count.passed_mark) return Aggregation::kCumulative;
  const size_t start = HedgeStart(view, q);
  if (reading.by_link) return Aggregation::kNew;
  // "another 12", "12 more", "12 new cases"; the hedge "more than" is not a cue.
  if (NewCued(view, count)) return Aggregation::kNew;
  // "New infections on Sunday reached 3,636", "with new deaths at 73": the counted noun
  // stands before the number, and the "new" it carries says what is counted, whatever
  // the verb ("reached", "rose to"); unless a number of its own counts it ("the two new
  // deaths bring to 47 the number ...").
  if (reading.head < start) {
    // ("con más casos acumulados, con 56 mil 827": a word of the running total after the
    // noun says what is counted.)
    const size_t after_head = reading.head + 1;
    if (after_head < start && (view.cues[after_head] & kCueCumulative)) {
      return Aggregation::kCumulative;
    }
    for (size_t k = reading.head; k-- > 0 && k + 3 >= reading.head;) {
      if (!view.tokens[k].is_word || !SameClause(view, k, reading.head)) break;
      if (!(view.cues[k] & kCueNew)) continue;
      const bool counted = k > 0 && (view.tokens[k - 1].has_digit || view.Is(k - 1, kGrNumber));
      if (!counted) return Aggregation::kNew;
      break;
    }
  }
  // "新增境外输入确诊病例 12 例": the noun and its cues stand before the number.
  if (reading.head < start && q.span.end < view.tokens.size() && view.Is(q.span.end, kGrClassifier)) {
    for (size_t k = start; k-- > 0 && SameClause(view, k, start);) {
      if (view.cues[k] & kCueCumulative) break;
      if (view.cues[k] & kCueNew) return Aggregation::kNew;
    }
  }
  uint32_t clause_cues = OpeningCues(view) & (kCueNew | kCueCumulative);
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if (SameClause(view, i, q.span.begin) && owns(i)) clause_cues |= view.cues[i];
  }
  // "Flu deaths between 27 February and 5 March totalled 96", "admissions rose to 1,410 in
  // the week to Sunday": counted things (not a total's noun) over a span of days of their
  // own are that span's.
  if (reading.path == CountPath::kTotal && date && !(clause_cues & kCueCumulative) &&
      date->mention.kind == dates::DateKind::kRange && !LongSpan(*date) && owns(date->span.begin) &&
      reading.head < view.terms.size() && view.terms[reading.head].length > 0 &&
      view.terms[reading.head].term.role == TermRole::kNoun) {
    return Aggregation::kNew;
  }
  if (reading.path == CountPath::kTotal || (clause_cues & kCueCumulative)) {
    return Aggregation::kCumulative;
  }
  // "there are", "son", "hay": the clause tells a state, of which a day is the as-of day
  // ("este domingo son 40.600 los casos confirmados").
  bool state = false;
  for (size_t i = 0; i < view.tokens.size() && i <= reading.phrase_end && !state; ++i) {
    state = SameClause(view, i, start) && view.Is(i, kGrState);
  }
  if (date && !IsReportDate(view, *date)) {
    const auto kind = date->mention.kind;
    if (kind == dates::DateKind::kSince || kind == dates::DateKind::kUntil || LongSpan(*date) ||
        (state && kind == dates::DateKind::kDay)) {
      return Aggregation::kCumulative;
    }
    return Aggregation::kNew;
  }
  if (possessive_place) return Aggregation::kCumulative;
  // "has recorded", "have died": the perfect reports a state so far; but of one case it
  // tells the news ("a traveller has tested positive"), and in a relative clause it
  // tells of something else ("tourists who had holidayed in Hurghada tested positive").
  for (size_t i = 0; i < view.tokens.size() && reading.path != CountPath::kSingle; ++i) {
    if (!SameClause(view, i, q.span.begin) || !view.Is(i, kGrPerfect)) continue;
    if (i > 0 && view.Is(i - 1, kGrRelative)) continue;
    return Aggregation::kCumulative;
  }
  // "31 people died", "12 sailors were found positive", "a man was diagnosed": in a
  // language whose perfect tells a state so far, a verb in another tense tells of what
  // happened, news of the day; unless its clause tells a state ("54 are hospitalized",
  // "there were 86 cases and seven dead").
  // "Of the 40 people infected in the cluster": a figure referred to, not news.
  const bool referred = start >= 2 && view.Is(start - 1, kGrDeterminer) && view.Is(start - 2, kGrOf);
  if (verbs_tell_events && !reading.by_modifier && !state && !referred &&
      (reading.path == CountPath::kVerb || reading.path == CountPath::kSingle)) {
    return Aggregation::kNew;
  }
  return std::nullopt;
}

// The cues of every token in the clause of token `at`.
uint32_t CuesOfClause(const SentenceView& view, size_t at) {
  uint32_t cues = 0;
  for (size_t k = 0; k < view.tokens.size() && at < view.tokens.size(); ++k) {
    if (view.clause[k] == view.clause[at]) cues |= view.cues[k];
  }
  return cues;
}

// The date that belongs to a number: the nearest in its clause, else in the sentence;
// the day a report was made comes last.
const DateRef* DateFor(const SentenceView& view, size_t at, const std::vector<ReadCount>& counts) {
  // "631 cases, compared to 459 on Saturday", "up from 459 a day earlier": a date right
  // after a number that counts nothing is that figure's, not the count's.
  // So is one a few words after a figure compared with, words that name nothing counted
  // ("compared with 180 at the same time last year").
  const auto words_between = [&](const QuantityRef& q, const DateRef& date) {
    if (q.span.end + 6 < date.span.begin || q.span.begin == 0 ||
        !view.Is(q.span.begin - 1, kGrExclude)) {
      return false;
    }
    for (size_t k = q.span.end; k < date.span.begin; ++k) {
      if (!view.tokens[k].is_word || view.tokens[k].has_digit || view.terms[k].length != 0 ||
          !SameClause(view, k, q.span.begin)) {
        return false;
      }
    }
    return true;
  };
  const auto of_another_figure = [&](const DateRef& date) {
    // "1.581 casos ..., 122 más que la semana pasada": the day an increment is counted
    // from is its own.
    for (const ReadCount& count : counts) {
      // (A few words may stand between: "une hausse de 60 par rapport à vendredi".)
      if (count.reading.by_link && count.quantity.span.begin != at &&
          count.quantity.span.end <= date.span.begin &&
          count.reading.phrase_end + 4 >= date.span.begin &&
          SameClause(view, count.quantity.span.begin, date.span.begin)) {
        return true;
      }
    }
    for (const QuantityRef& q : view.quantities) {
      if (q.span.begin == at || q.span.end > date.span.begin ||
          (q.span.end + 1 < date.span.begin && !words_between(q, date))) {
        continue;
      }
      // "week 9 (27 February to 5 March)": a gloss in brackets says what the number is.
      if (q.span.end < date.span.begin && view.tokens[q.span.end].lower == "(") continue;
      // "reported across 31 states this year": a number of places before it says where,
      // not what the date dates (but "1,159 tests over the last 24 hours" dates the tests).
      if (q.span.end < date.span.begin && view.Is(q.span.end, kGrPlaceNoun)) continue;
      return std::none_of(counts.begin(), counts.end(), [&](const ReadCount& count) {
        return count.quantity.span.begin == q.span.begin;
      });
    }
    return false;
  };
  // "Cambodia's first human case since 2014", "the most since 1992": since when it is a
  // record, not a time of the count.
  const auto of_a_record = [&](const DateRef& date) {
    if (date.mention.kind != dates::DateKind::kSince) return false;
    for (size_t k = date.span.begin; k-- > 0 && k + 14 > date.span.begin;) {
      if (!SameClause(view, k, date.span.begin)) break;
      if (view.cues[k] & kCueRecord) return true;
    }
    return false;
  };
  // "two children who returned from Bishkek at the end of January fell ill", "двое детей,
  // которые вернулись из Бишкека в конце января": the date of a journey told in a relative
  // clause of the counted is the journey's.
  const auto of_a_journey = [&](const DateRef& date) {
    bool journey = false;
    for (size_t k = date.span.begin; k-- > at + 1;) {
      if (journey && view.Is(k, kGrRelative)) return true;
      if (view.terms[k].length > 0 || view.tokens[k].has_digit) {
        if (journey) continue;
        return false;
      }
      journey = journey || (view.cues[k] & (kCueTravel | kCueVisit | kCueImported));
    }
    return false;
  };
  // "新增1例境外输入病例，该病例……3月28日乘坐航班抵达上海": a date in a clause of its own
  // that tells of a journey (a word of travel or a way of travelling) and counts nothing
  // is the journey's ("crossed 22 lakh on Monday": a count's clause is the count's).
  const auto in_a_journeys_clause = [&](const DateRef& date) {
    const size_t anchor = date.span.begin;
    if (anchor >= view.tokens.size() || SameClause(view, anchor, at)) return false;
    for (const ReadCount& count : counts) {
      if (SameClause(view, count.quantity.span.begin, anchor)) return false;
    }
    constexpr uint32_t kJourney =
        kCueTravel | kCueModeAir | kCueModeRoad | kCueModeRail | kCueModeSea | kCueModeFoot;
    return (CuesOfClause(view, anchor) & kJourney) != 0;
  };
  // (The end set to a measure, in a clause of its own: EndsAMeasure.)
  const auto ends_a_measure = [&](const DateRef& date) {
    return EndsAMeasure(view, date) && !SameClause(view, date.span.begin, at);
  };
  const DateRef* best = nullptr;
  size_t best_distance = SIZE_MAX;
  // "12 cas ... à Touba, portant à 45 le nombre total de cas depuis le début de l'année",
  // "45 cases, bringing the total to 1,200 so far this year": a start, or a span longer
  // than a month, in the clause of a later count and not in this one's, is that count's.
  const auto starts_a_later_count = [&](const DateRef& date, size_t anchor) {
    return (date.mention.kind == dates::DateKind::kSince || LongSpan(date)) && anchor > at &&
           !SameClause(view, anchor, at) &&
           std::any_of(counts.begin(), counts.end(), [&](const ReadCount& count) {
             const size_t other = count.quantity.span.begin;
             // (Before or after the date: "..., с начала года их число достигло 1200".)
             return other > at && SameClause(view, other, anchor);
           });
  };
  for (const DateRef& date : view.Dates()) {
    if (of_another_figure(date) || of_a_record(date) || ends_a_measure(date) ||
        in_a_journeys_clause(date) || (date.span.begin > at && of_a_journey(date))) {
      continue;
    }
    const size_t anchor = date.span.begin < view.tokens.size() ? date.span.begin : at;
    if (starts_a_later_count(date, anchor)) continue;
    size_t distance = anchor > at ? anchor - at : at - anchor;
    if (!SameClause(view, anchor, at)) distance += 1000;
    if (IsReportDate(view, date)) distance += 500;
    if (distance < best_distance) {
      best_distance = distance;
      best = &date;
    }
  }
  return best;
}

// Whether a date follows "from" with no end ("the case count from Monday, June 15"):
// a since-date that says where a figure was read, not when its count began.
bool FromWord(const SentenceView& view, const DateRef& date) {
  const auto from = [&](size_t k) { return view.Is(k, kGrFrom) && !view.Is(k, kGrSince); };
  const size_t at = date.span.begin;
  return at < view.tokens.size() && (from(at) || (at > 0 && from(at - 1)));
}

std::optional<Period> PeriodFor(const SentenceView& view, const DateRef* date,
                                std::optional<Aggregation> aggregation,
                                std::optional<Date> published) {
  if (aggregation == Aggregation::kCumulative) {
    // A total over a span it names keeps the span, up to an as-of day the sentence gives
    // ("1,200 cases this year as of March 8").
    if (date && LongSpan(*date)) {
      Period period = date->mention.period;
      for (const DateRef& other : view.Dates()) {
        const std::optional<Date> until = other.mention.period.end;
        if (other.mention.kind == dates::DateKind::kUntil && until &&
            (!period.start || *until >= *period.start) && (!period.end || *until <= *period.end)) {
          period.end = until;
        }
      }
      return period;
    }
    // A running total is "as of" a day: an explicit as-of date wins over a since-date
    // for its end, and a since-date is its start ("412 cases since January").
    // A figure "unchanged since mid-April" stayed since then; it was counted from before.
    std::optional<Date> start;
    if (date && date->mention.kind == dates::DateKind::kSince && !FromWord(view, *date) &&
        !(CuesOfClause(view, date->span.begin) & kCueUnchanged)) {
      start = date->mention.period.start;
    }
    for (const DateRef& other : view.Dates()) {
      if (other.mention.kind == dates::DateKind::kUntil && !EndsAMeasure(view, other) &&
          (!date || date->mention.kind == dates::DateKind::kSince)) {
        date = &other;
      }
    }
    std::optional<Date> end = published;
    if (date && date->mention.period.end) end = date->mention.period.end;
    if (!end) return std::nullopt;
    // "the death toll this year rose to 1,017 on Sunday": a day gives the end, a long span
    // of the sentence that holds that day its start.
    for (const DateRef& other : view.Dates()) {
      if (start || !LongSpan(other) || &other == date) continue;
      const Period& span = other.mention.period;
      if (*span.start <= *end && *end <= *span.end) start = span.start;
    }
    if (start && *start > *end) start.reset();
    return Period{start, end};
  }
  if (!date || (!date->mention.period.start && !date->mention.period.end)) return std::nullopt;
  Period period = date->mention.period;
  if (date->mention.kind == dates::DateKind::kSince && !period.end) period.end = published;
  return period;
}

// Whether tokens [from, to) are nothing but list marks (commas, brackets) and words of
// the grammar `classes`.
bool OnlyMarksAnd(const SentenceView& view, size_t from, size_t to, uint32_t classes) {
  for (size_t k = from; k < to; ++k) {
    const std::string_view t = view.tokens[k].lower;
    if (t == "," || t == "，" || t == "、" || t == "(" || t == "（") continue;
    if (!view.Is(k, classes)) return false;
  }
  return true;
}

// Whether tokens [from, to) only join the items of a list: commas, "and", "or", articles.
bool JoinsList(const SentenceView& view, size_t from, size_t to) {
  return OnlyMarksAnd(view, from, to, kGrCoordination | kGrDeterminer);
}

// Places after "from" (and "via"), in the order they were travelled; those a count of
// its own stands nearer to are that count's (`owns`, when given). A list of places
// ("from the Philippines, Pakistan and the United Kingdom") is where some came from and
// others from elsewhere: its first place, and no route.
std::vector<Place> TravelledFrom(const SentenceView& view, const Owner& owns = {},
                                 size_t before = SIZE_MAX) {
  std::vector<Place> route;
  bool reversed = false;
  const PlaceRef* last = nullptr;
  for (size_t p = 0; p < view.places.size(); ++p) {
    const PlaceRef& ref = view.places[p];
    if (ref.role != PlaceRole::kOrigin || ref.qualifier || ref.span.begin >= before) continue;
    if (owns && !owns(ref.span.begin)) continue;
    if (last != nullptr && JoinsList(view, last->span.end, ref.span.begin) &&
        !ref.place.SameAs(last->place) && ref.place.country != last->place.country) {
      return route;
    }
    // "the Russian city of Vladivostok": the demonym is folded into the city.
    if (ref.demonym && p + 1 < view.places.size() &&
        view.places[p + 1].role == PlaceRole::kOrigin &&
        view.places[p + 1].span.begin <= ref.span.end + 3 &&
        view.places[p + 1].place.country == ref.place.country) {
      continue;
    }
    // Marked as a place left, not only one visited or bordered: "from", "via", "из",
    // "en provenance de" before it (the language's grammar), or a journey there the
    // counted had made ("who had travelled to Israel", "who had holidayed in Hurghada",
    // read as an origin by its role).
    // ("英国输入", the place before the word, names the origin of a list's item:
    // ItemOrigin.)
    bool from = false;
    for (size_t back = 1; back <= 5 && back <= ref.span.begin; ++back) {
      const size_t k = ref.span.begin - back;
      if (view.Is(k, kGrFrom)) from = true;
      // "отдыхал в Турции", "曾到访越南": a place visited.
      if (back == 1 && (view.cues[k] & kCueVisit)) from = true;
      // (Or a phrase of importation that ends on the journey: "linked to travel to Bali".)
      if (view.Is(k, kGrTo | kGrLocative) && view.CueBefore(k, kCueTravel | kCueImported)) {
        from = true;
      }
      // "arrivé du Maroc", "importés du Mali": "of" ending a phrase of importation.
      if (view.OfImportation(k)) from = true;
    }
    // "均为菲律宾输入": all of them came from the place the word after it says they did;
    // "2例蒙古国输入确诊病例": so did those of a count whose measure word stands before it.
    if (!from && ref.span.end < view.tokens.size() && view.Is(ref.span.end, kGrFromAfter)) {
      for (size_t back = 1; back <= 3 && back <= ref.span.begin && !from; ++back) {
        from = view.Is(ref.span.begin - back, kGrAll);
      }
      from = from || (ref.span.begin >= 2 && view.Is(ref.span.begin - 1, kGrClassifier) &&
                      view.tokens[ref.span.begin - 2].has_digit);
    }
    if (!from) continue;
    for (size_t k = ref.span.begin; k-- > 0 && k + 8 > ref.span.begin;) {
      if (view.tokens[k].lower == "after" && !route.empty()) reversed = true;
    }
    route.push_back(ref.place);
    last = &ref;
  }
  if (reversed) std::reverse(route.begin(), route.end());
  return route;
}

std::vector<TravelMode> ModesIn(const SentenceView& view) {
  std::vector<TravelMode> modes;
  const uint32_t cues = view.CuesIn(0, view.tokens.size());
  const std::pair<uint32_t, TravelMode> kModes[] = {
      {kCueModeAir, TravelMode::kAir},   {kCueModeRoad, TravelMode::kRoad},
      {kCueModeRail, TravelMode::kRail}, {kCueModeSea, TravelMode::kSea},
      {kCueModeFoot, TravelMode::kFoot}};
  for (const auto& [cue, mode] : kModes) {
    if (cues & cue) modes.push_back(mode);
  }
  return modes;
}

// A figure, or one more person ("a woman"), at a token: where the next part of a
// breakdown starts.
bool StartsAPart(const SentenceView& view, size_t k) {
  if (view.tokens[k].has_digit) return true;
  if (view.Is(k, kGrArticle) && k + 1 < view.tokens.size() && view.terms[k + 1].length > 0 &&
      view.terms[k + 1].term.role == TermRole::kPerson) {
    return true;
  }
  return std::any_of(view.quantities.begin(), view.quantities.end(),
                     [&](const QuantityRef& q) { return q.span.begin == k; });
}

// "Of these, five had travelled from India, four from the Philippines", "a man back
// from Peru and a woman from Chile": origins with the start of another part between
// them are those of the parts, not where all came from. The token where the second
// part starts, or SIZE_MAX.
size_t OriginsSplitAt(const SentenceView& view, const Owner& owns = {}) {
  const PlaceRef* last = nullptr;
  for (const PlaceRef& ref : view.places) {
    if (ref.role != PlaceRole::kOrigin || (owns && !owns(ref.span.begin))) continue;
    if (last != nullptr && !ref.place.SameAs(last->place)) {
      for (size_t k = last->span.end; k < ref.span.begin; ++k) {
        if (StartsAPart(view, k)) return k;
      }
    }
    last = &ref;
  }
  return SIZE_MAX;
}

// "They include seven people who returned from Dubai", "Two of them had come from
// Iran": a sentence that tells the journey of a part of those counted before, its
// figure before the first place they came from.
bool TellsOfAPart(const SentenceView& view) {
  const auto origin = std::find_if(view.places.begin(), view.places.end(), [](const PlaceRef& ref) {
    return ref.role == PlaceRole::kOrigin;
  });
  if (origin == view.places.end()) return false;
  return std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
    const size_t at = HedgeStart(view, q);
    const size_t end = q.span.end;
    return end <= origin->span.begin &&
           ((at > 0 && view.Is(at - 1, kGrPart)) ||
            (end + 1 < view.tokens.size() && view.Is(end, kGrOf) && view.Is(end + 1, kGrPronoun)));
  });
}

// Whether `view` opens on a word of the one person (`one`), or of the people, counted
// before: settings.tsv `he_she` and `them` (a Chinese word of two characters is two
// tokens: "他们").
bool OpensOnThem(const SentenceView& view, const Lexicon& lexicon, bool one) {
  size_t k = 0;
  while (k < view.tokens.size() && !view.tokens[k].is_word) ++k;
  if (k >= view.tokens.size()) return false;
  const std::string_view word = view.tokens[k].lower;
  if (one) return lexicon.IsHeSheWord(word);
  if (view.Is(k, kGrAll) || lexicon.IsThemWord(word)) return true;
  return k + 1 < view.tokens.size() && view.tokens[k + 1].start == view.tokens[k].end &&
         lexicon.IsThemWord(std::string(word) + std::string(view.tokens[k + 1].lower));
}

// Does the next sentence go on about the same travellers ("All but one entered ...")?
bool ContinuesAboutTravellers(const SentenceView& next, const Lexicon& lexicon) {
  if (next.tokens.empty() || TellsOfAPart(next)) return false;
  return OpensOnThem(next, lexicon, false);
}

// The origin of one item of a list of imported cases: "four from the United States",
// "菲律宾输入 4 宗" (an origin, then a word that says so, then the number), "1 宗
// (英国输入)" (the origin in brackets after the item).
const PlaceRef* ItemOrigin(const SentenceView& view, const QuantityRef& q) {
  const auto& tokens = view.tokens;
  size_t end = q.span.end;
  // "3 from the United Kingdom", "2例来自英国" (a measure word after the number).
  const size_t from = end < tokens.size() && view.Is(end, kGrClassifier) ? end + 1 : end;
  // ("dos de Brasil": "of" that the place's role reads as from; "4例为英国输入": a verb of
  // state before an origin; "8 son de Venezuela": both.)
  size_t of = from;
  if (view.Is(of, kGrAuxiliary | kGrState) && of + 1 < tokens.size() && view.Is(of + 1, kGrOf)) {
    ++of;
  }
  // (An elided "of" is two tokens: "3 d'Italie".)
  if (of + 2 < tokens.size() && view.Is(of, kGrOf) && tokens[of + 1].lower == "'" &&
      view.Is(of + 1, kGrOf)) {
    ++of;
  }
  const PlaceRef* after_of = view.Is(of, kGrOf | kGrState) ? view.PlaceAt(of + 1) : nullptr;
  if (after_of != nullptr && after_of->role == PlaceRole::kOrigin) return after_of;
  if (from + 1 < tokens.size() && view.Is(from, kGrFrom)) {
    // (Not where a list reported from names its items: "118 from Rawalpindi".)
    for (size_t k = from + 1; k < tokens.size() && k < from + 4; ++k) {
      if (const PlaceRef* origin = view.PlaceAt(k)) {
        return origin->role == PlaceRole::kOrigin ? origin : nullptr;
      }
    }
    return nullptr;
  }
  size_t start = HedgeStart(view, q);
  while (start > 0 && view.Is(start - 1, kGrFromAfter | kGrEach)) --start;
  // "分別自印尼(4例)、越南(3例)": an origin's figure in brackets after it.
  if (start > 0 && IsOpenBracket(tokens[start - 1].lower)) {
    --start;
  }
  if (start < HedgeStart(view, q)) {
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end == start && ref.role == PlaceRole::kOrigin) return &ref;
    }
  }
  if (end < tokens.size() && view.Is(end, kGrClassifier)) ++end;
  if (end + 2 < tokens.size() && tokens[end].lower == "(") {
    // "5 宗 (菲律宾输入 4 宗 ...)": a bracket with counts of its own breaks the item down.
    for (const QuantityRef& other : view.quantities) {
      if (other.span.begin <= end) continue;
      size_t k = end + 1;
      while (k < other.span.begin && tokens[k].lower != ")") ++k;
      if (k == other.span.begin) return nullptr;
      break;
    }
    for (const PlaceRef& ref : view.places) {
      if (ref.span.begin == end + 1 && ref.role == PlaceRole::kOrigin) return &ref;
    }
  }
  return nullptr;
}

// The counts of a list "5 and 3", "5, 3 and 2" that count `c` stands in, in order.
std::vector<size_t> CountsListedWith(const SentenceView& view, const std::vector<ReadCount>& counts,
                                     size_t c) {
  const auto joined = [&](size_t from, size_t to) {
    return from < to && view.OnlyJoints(from, to, kGrCoordination);
  };
  size_t first = c;
  while (first > 0 && joined(counts[first - 1].quantity.span.end, counts[first].quantity.span.begin)) {
    --first;
  }
  size_t last = c;
  while (last + 1 < counts.size() &&
         joined(counts[last].quantity.span.end, counts[last + 1].quantity.span.begin)) {
    ++last;
  }
  std::vector<size_t> listed;
  for (size_t i = first; i <= last; ++i) listed.push_back(i);
  return listed;
}

// Whether the sentence shares the count at token `number` out over a list ("each",
// "respectively", "各"). A word of "each" that holds a number of its own or stands right
// before one ("по одному — из ОАЭ и Турции", "阿聯酋及印尼各1宗") says so of that number only.
bool SaysEach(const SentenceView& view, size_t number) {
  const auto number_at = [&](size_t k) {
    for (const QuantityRef& q : view.quantities) {
      if (q.span.begin <= k && k < q.span.end) return q.span.begin;
    }
    return SIZE_MAX;
  };
  for (size_t k = 0; k < view.tokens.size(); ++k) {
    if (!view.Is(k, kGrEach)) continue;
    // ("cada uno": a determiner and its pronoun, "each one", hold no number of their own.)
    size_t own = view.Is(k, kGrDeterminer) ? SIZE_MAX : number_at(k);
    // ("по одному": the phrase holds it; "阿聯酋及印尼各1宗": it stands right before it.)
    if (own == SIZE_MAX && k + 1 < view.tokens.size()) own = number_at(k + 1);
    // ("four each in Guangdong and Fujian": it stands right after one number, not after the
    // last of a list of numbers, "2 and 3 respectively".)
    if (own == SIZE_MAX && k > 0 && number_at(k - 1) != SIZE_MAX) {
      const size_t before = number_at(k - 1);
      const bool listed =
          before >= 2 &&
          (view.Is(before - 1, kGrCoordination) || view.tokens[before - 1].lower == ",") &&
          number_at(before - 2) != SIZE_MAX;
      if (!listed) own = before;
    }
    if (own == SIZE_MAX || own == number) return true;
  }
  return false;
}

// The mention of `place` nearest token `number`, and how far it is; nullptr if none.
const PlaceRef* NearestMention(const SentenceView& view, const Place& place, size_t number,
                               size_t* distance) {
  const PlaceRef* found = nullptr;
  *distance = SIZE_MAX;
  for (const PlaceRef& ref : view.places) {
    if (!ref.place.SameAs(place)) continue;
    const size_t d = ref.span.begin > number ? ref.span.begin - number : number - ref.span.end;
    if (d < *distance) {
      *distance = d;
      found = &ref;
    }
  }
  return found;
}

// "eight cases in Kie-Ntem, Litoral and Centre Sud provinces": a count over a list of
// places (with no "each") is counted where they all are (PlaceOfList).
std::optional<Place> PlaceOfAList(const SentenceView& view, size_t number, const Place& place,
                                  const gazetteer::Gazetteer& gazetteer) {
  if (SaysEach(view, number)) return std::nullopt;
  size_t distance = 0;
  const PlaceRef* anchor = NearestMention(view, place, number, &distance);
  if (anchor == nullptr) return std::nullopt;
  return PlaceOfList(view, *anchor, gazetteer);
}

// A count said to hold for each place of a list ("each", "respectively", "各"): one event
// more for every other place of the list its place, or its origin, stands in. When as
// many counts as places are listed ("5 and 3 cases in X and Y, respectively"), they pair
// up in order instead.
std::vector<Event> Distribute(const SentenceView& view, const std::vector<ReadCount>& counts,
                              size_t c, Event& event, const Lexicon& lexicon) {
  std::vector<Event> shares;
  if (!SaysEach(view, counts[c].quantity.span.begin)) return shares;
  // (In its simplified characters where it was written in traditional ones: "分別".)
  const bool respectively = lexicon.SaysRespectively(
      view.simplified
          ? std::string_view(*view.simplified)
          : view.document.substr(view.sentence.start, view.sentence.end - view.sentence.start));
  const ReadCount& count = counts[c];
  const size_t number = count.quantity.span.begin;
  const auto nearest = [&](const std::optional<Place>& place, size_t* best) {
    *best = SIZE_MAX;
    return place ? NearestMention(view, *place, number, best) : nullptr;
  };
  // The list nearest the count is the one it holds for: its places, or its origins
  // ("英国、法国各输入 2 宗", "two from Italy and Spain each").
  size_t place_distance = 0;
  size_t origin_distance = 0;
  const PlaceRef* place_ref = nearest(event.place, &place_distance);
  const PlaceRef* origin_ref = nearest(event.origin, &origin_distance);
  // A list first: "台湾...新增3例...，分别自越南、印度尼西亚及泰国移入" shares out over its
  // origins, though Taiwan is nearer.
  const auto is_list = [&](const PlaceRef* ref) {
    return ref != nullptr && !ListAround(view, *ref).empty();
  };
  const bool by_origin =
      origin_ref != nullptr &&
      (count.reading.path == CountPath::kListItem || (is_list(origin_ref) && !is_list(place_ref)) ||
       (is_list(origin_ref) == is_list(place_ref) && origin_distance < place_distance));
  const PlaceRef* anchor = by_origin ? origin_ref : place_ref;
  if (anchor == nullptr) return shares;
  std::optional<Place>& field = by_origin ? event.origin : event.place;
  std::vector<const PlaceRef*> list = ListAround(view, *anchor);
  list.push_back(anchor);
  std::sort(list.begin(), list.end(),
            [](const PlaceRef* a, const PlaceRef* b) { return a->span.begin < b->span.begin; });
  const std::vector<size_t> listed = CountsListedWith(view, counts, c);
  if (listed.size() > 1 && listed.size() == list.size()) {
    const auto at = std::find(listed.begin(), listed.end(), c) - listed.begin();
    field = list[static_cast<size_t>(at)]->place;
    return shares;
  }
  // "3例...分别自越南、印度尼西亚及泰国移入", "three cases, from A, B and C respectively":
  // the sentence's one count, as many as the places, is one each (but "2 casos en Sonora,
  // Durango y Coahuila, respectivamente" are two each, and "tres casos en Tabasco y
  // Yucatán, y dos en Colima y Nayarit, respectivamente" two each in the second list).
  const bool one_each = respectively && list.size() > 1 &&
                        count.quantity.quantity.value == static_cast<int64_t>(list.size());
  // "广州报告4例（分别来自美国、埃及、南非、阿联酋）": a breakdown in brackets after the count
  // keeps the count whole, and gives each of its places one.
  if (one_each && by_origin && InBrackets(view, list.front()->span.begin) &&
      !InBrackets(view, number) && list.front()->span.begin > number) {
    event.origin.reset();
    for (const PlaceRef* ref : list) {
      Event share = event;
      share.count = 1;
      share.origin = ref->place;
      shares.push_back(std::move(share));
    }
    return shares;
  }
  if (one_each && counts.size() == 1) event.count = 1;
  // In the order of the text: the event holds for the first place, a share for each other.
  field = list.front()->place;
  for (size_t i = 1; i < list.size(); ++i) {
    Event share = event;
    (by_origin ? share.origin : share.place) = list[i]->place;
    shares.push_back(std::move(share));
  }
  return shares;
}

// "11 new cases, all of them imported", "新增确诊病例11例，均为境外输入病例", "20 cases,
// all of them in the province of X": the clause after the count's that opens on "all"
// and holds no count of its own tells of them. Its tokens [begin, end), if there is one.
std::optional<std::pair<size_t, size_t>> AllOfThemClause(const SentenceView& view, size_t number) {
  if (number >= view.clause.size()) return std::nullopt;
  size_t k = number;
  while (k < view.tokens.size() && view.clause[k] == view.clause[number]) ++k;
  const size_t opens = k;
  while (k < view.tokens.size() && k < opens + 3 && !view.tokens[k].is_word) ++k;
  if (k >= view.tokens.size() || !view.Is(k, kGrAll)) return std::nullopt;
  // ("522 new cases and two deaths, both in the Central Division": it tells of the last
  // count of the clause before it.)
  for (const QuantityRef& later : view.quantities) {
    if (later.span.begin > number && later.span.begin < opens && !view.InDate(later.span.begin)) {
      return std::nullopt;
    }
  }
  size_t end = k;
  for (; end < view.tokens.size() && view.clause[end] == view.clause[k]; ++end) {
    if (view.tokens[end].has_digit) return std::nullopt;
  }
  return std::make_pair(k, end);
}

uint32_t AllOfThemCues(const SentenceView& view, size_t number) {
  const auto clause = AllOfThemClause(view, number);
  if (!clause) return 0;
  return view.CuesIn(clause->first, clause->second) & (kCueImported | kCueLocal);
}

void ReadImportation(const SentenceView& view, const Lexicon& lexicon, const ReadCount& count,
                     size_t counts_in_sentence, const SentenceView* previous,
                     const SentenceView* next, const Owner& owns, Event& event) {
  const QuantityRef& q = count.quantity;
  const CountReading& reading = count.reading;
  const size_t number = q.span.begin;
  uint32_t clause_cues = view.CuesIn(std::min(number, reading.head),
                                     std::max(q.span.end, reading.phrase_end));
  // Its clause's cues, those another count of it stands nearer to aside ("15 imported
  // cases and 4 deaths": the deaths are not said to be imported).
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if ((SameClause(view, i, number) || SameClause(view, i, reading.head)) &&
        (counts_in_sentence <= 1 || owns(i))) {
      clause_cues |= view.cues[i];
    }
  }
  // Beyond its clause, what the count stands nearest to: the whole sentence when it is
  // the only count ("14 случаев ... у граждан, вернувшихся из Италии"), else the
  // tokens it owns ("17 случаев, из них 14 у граждан РФ, вернувшихся из Италии, два
  // ...": the return is the 14's).
  // What follows "of them" or "including" is a part's, even one not read as a count
  // ("9 случаев, из них 5 у граждан, вернувшихся из Турции, ...": not all nine).
  if (!(clause_cues & (kCueImported | kCueLocal))) {
    for (size_t i = 0; i < view.tokens.size(); ++i) {
      if (counts_in_sentence > 1 && i >= q.span.end && view.Is(i, kGrPart | kGrPronoun)) break;
      if (counts_in_sentence <= 1 || owns(i)) clause_cues |= view.cues[i];
    }
    clause_cues &= kCueImported | kCueLocal;
  }
  if (!(clause_cues & (kCueImported | kCueLocal))) clause_cues |= AllOfThemCues(view, number);
  // "15 local cases and 4 imported cases", "12 imported cases and 3 local cases": a word
  // between the count's number and its case noun is its own (a "local man" may still
  // have caught it abroad).
  const bool case_noun = reading.head > q.span.end && reading.head < view.tokens.size() &&
                         view.terms[reading.head].length > 0 &&
                         view.terms[reading.head].term.role == TermRole::kNoun;
  const uint32_t in_phrase =
      case_noun ? view.CuesIn(q.span.end, reading.head) & (kCueImported | kCueLocal) : 0;
  if (in_phrase == kCueLocal) {
    event.imported = false;
    return;
  }
  if (in_phrase == kCueImported) clause_cues &= ~kCueLocal;
  // Both said: the first said after the count's phrase tells of it ("15 that were
  // locally transmitted and four in people who had arrived from abroad"); "a local man
  // who returned from Italy" is imported, his "local" before his noun.
  bool local_first = false;
  if ((clause_cues & kCueLocal) && (clause_cues & kCueImported)) {
    for (size_t k = std::max(q.span.end, reading.head + 1); k < view.tokens.size(); ++k) {
      if (counts_in_sentence > 1 && !owns(k)) continue;
      if (view.cues[k] & kCueImported) break;
      if (view.cues[k] & kCueLocal) {
        local_first = true;
        break;
      }
    }
  }
  if (clause_cues & kCueLocal && (!(clause_cues & kCueImported) || local_first)) {
    event.imported = false;
    return;
  }
  // "Three cases were confirmed in Ohio. None had travelled outside the country.": the
  // sentence after, opened by a negation, denies the travel of the people counted.
  if (!(clause_cues & kCueImported) && next != nullptr && !next->tokens.empty() &&
      next->Is(0, kGrNegation) && next->HasCue(kCueTravel)) {
    event.imported = false;
    return;
  }
  // (Of origins split between parts, those of the count's own part, before the next
  // starts, if none starts between the count and them.)
  std::vector<Place> route;
  const size_t split = OriginsSplitAt(view, owns);
  const auto first = std::find_if(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
    return ref.role == PlaceRole::kOrigin && (!owns || owns(ref.span.begin));
  });
  // An origin after the count whose own part's figure comes right after it is that part's
  // ("分别自美国（3例）、日本（1例）", "from the United States (3), Japan (1)").
  bool parts_figure_after = false;
  if (first != view.places.end() && first->span.begin >= q.span.end) {
    for (size_t k = first->span.end; k < view.tokens.size() && k < first->span.end + 3; ++k) {
      if (StartsAPart(view, k)) {
        parts_figure_after = true;
        break;
      }
      const std::string_view w = view.tokens[k].lower;
      if (w != "(" && w != "\uff08" && !view.Is(k, kGrFromAfter)) break;
    }
  }
  if (split == SIZE_MAX && !parts_figure_after) {
    route = TravelledFrom(view, owns);
  } else if (!parts_figure_after) {
    const bool after = first->span.begin >= q.span.end;
    bool own = true;
    for (size_t k = after ? q.span.end : first->span.end;
         own && k < (after ? first->span.begin : q.span.begin); ++k) {
      own = !StartsAPart(view, k);
    }
    if (own) route = TravelledFrom(view, owns, split);
  }
  // "arrived by train from Moscow": a travel verb and a place they came from; among
  // more counts, one of the count's own ("30 were locally acquired and 15 had travelled
  // to Brazil").
  bool own_travel = false;
  for (size_t k = q.span.end; k < view.tokens.size() && counts_in_sentence > 2 && !own_travel;
       ++k) {
    own_travel = owns && owns(k) && (view.cues[k] & (kCueTravel | kCueVisit));
  }
  const bool travelled =
      !route.empty() &&
      ((view.HasCue(kCueTravel | kCueVisit) && counts_in_sentence <= 2) || own_travel);
  if (!(clause_cues & kCueImported) && !travelled) return;
  event.imported = true;
  std::vector<TravelMode> modes = ModesIn(view);
  if (route.empty() && next && ContinuesAboutTravellers(*next, lexicon) &&
      OriginsSplitAt(*next) == SIZE_MAX) {
    route = TravelledFrom(*next);
    if (!route.empty()) modes = ModesIn(*next);
  }
  if (route.empty() && previous && OriginsSplitAt(*previous) == SIZE_MAX) {
    route = TravelledFrom(*previous);
  }
  if (route.empty()) return;
  event.origin = route.front();
  if (route.size() > 1) event.route = route;
  event.modes = modes;
}

// Where the count's infection was caught: a place after a verb of catching it that the
// count owns (PlaceRef::caught_by), or nullptr.
const PlaceRef* CaughtIn(const SentenceView& view, const Owner& owns) {
  for (const PlaceRef& ref : view.places) {
    if (ref.caught_by != SIZE_MAX && owns(ref.caught_by)) return &ref;
  }
  return nullptr;
}

// "a man", "an 11-year-old girl": one person counted without a number.
// "112,5 casos por cada 100.000 habitantes", "245 cases per 100,000 people": a rate, no
// count of anyone; the population after the rate word is a round number.
bool IsRate(const SentenceView& view, const ReadCount& count, const Lexicon& lexicon) {
  size_t k = std::max(count.reading.phrase_end, count.quantity.span.end);
  // "infects an estimated 390 million people a year": a yearly burden, no count of anyone
  // (but "77 people died per day" is the day's).
  if (k + 1 < view.tokens.size() && count.reading.path != CountPath::kVerb &&
      (view.Is(k, kGrArticle) || view.tokens[k].lower == "each") && view.Is(k + 1, kGrUnit) &&
      !view.tokens[k + 1].has_digit) {
    return true;
  }
  const size_t first = k;
  while (k < view.tokens.size() && k < first + 2 && lexicon.IsRateWord(view.tokens[k].lower)) ++k;
  if (k == first) return false;
  return std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
    const int64_t value = q.quantity.value;
    return q.span.begin == k && value >= 100 && value % 10 == 0;
  });
}

// "The seven-day average of new infections fell to 9,800", "la moyenne sur sept jours
// s'établit à 9 800 cas": a statistic of counts before the number, in its clause.
bool IsStatistic(const SentenceView& view, const ReadCount& count) {
  const size_t number = HedgeStart(view, count.quantity);
  for (size_t k = number; k-- > 0 && k + 16 > number;) {
    if (!SameClause(view, k, number)) break;
    if (view.cues[k] & kCueStatistic) return true;
  }
  return false;
}

// "26,400 susceptible birds", "1.200 aves susceptibles": the population at risk, not
// cases (a part of it still is: "killed 1,310 of 4,000 susceptible birds").
bool IsPopulationAtRisk(const SentenceView& view, const ReadCount& count) {
  const size_t end = std::min(count.reading.phrase_end, view.tokens.size());
  for (size_t k = count.quantity.span.end; k < end && k < count.quantity.span.end + 4; ++k) {
    if (view.Is(k, kGrOf) || view.tokens[k].has_digit) return false;
    if (view.cues[k] & kCuePopulation) return true;
  }
  return false;
}

bool IsPersonOfOne(const SentenceView& view, const ReadCount& count) {
  const CountReading& reading = count.reading;
  if (reading.path == CountPath::kSingle && reading.head < view.terms.size() &&
      view.terms[reading.head].length > 0 &&
      view.terms[reading.head].term.role == TermRole::kPerson) {
    return true;
  }
  // ("Un niño de 4 años murió": an article that is the number one, before a person.)
  const size_t after = count.quantity.span.end;
  return count.quantity.quantity.value == 1 &&
         count.quantity.span.end == count.quantity.span.begin + 1 &&
         !view.tokens[count.quantity.span.begin].has_digit && after < view.terms.size() &&
         view.terms[after].length > 0 && view.terms[after].term.role == TermRole::kPerson;
}

// Whether tokens [from, to) are "including", "dont", "of which" or "de los cuales" (with
// commas), after the whole's place and day: what follows is a part of the count before.
bool IntroducesPart(const SentenceView& view, size_t from, size_t to) {
  from = AfterDisease(view, from);
  // ("其中境外输入病例18例": the words before the part's noun that say where its cases were
  // caught, or that they are new, are its own.)
  while (to > from && (view.cues[to - 1] & (kCueImported | kCueLocal | kCueNew))) --to;
  // "5 new cases in Senegal on Wednesday, including 3 ...": where and when the whole was
  // counted stand between ("dans la région de Kédougou": "of" after a place noun too).
  while (from < to) {
    const bool dated = view.InDate(from);
    const bool of_place = from > 0 && view.Is(from, kGrOf) && view.Is(from - 1, kGrPlaceNoun);
    // ("18 casos nuevos de dengue, de los cuales 10 ...": a word of newness after the
    // noun, and its disease.)
    const bool of_the_noun = (view.cues[from] & kCueNew) || view.InDisease(from) ||
                             (view.Is(from, kGrOf) && from + 1 < to && view.InDisease(from + 1));
    if (!dated && !of_place && !of_the_noun && view.PlaceAt(from) == nullptr &&
        !view.Is(from, kGrLocative | kGrDeterminer | kGrPlaceNoun)) {
      break;
    }
    ++from;
  }
  // "7 new imported cases: four had arrived from India", "7 nuevos casos importados de
  // dengue: cuatro llegaron de Perú": a colon after the whole's phrase opens the parts.
  if (to > from && to <= from + 6 && view.tokens[to - 1].lower == ":") {
    bool plain = true;
    for (size_t k = from; k + 1 < to; ++k) {
      const TermAt& term = view.terms[k];
      plain = plain &&
              ((view.tokens[k].is_word && !view.tokens[k].has_digit) || view.InDisease(k)) &&
              (term.length == 0 || term.term.role == TermRole::kModifier);
    }
    if (plain) return true;
  }
  if (from >= to || to - from > 4 || !OnlyMarksAnd(view, from, to, kGrPart | kGrPronoun | kGrOf)) {
    return false;
  }
  for (size_t k = from; k < to; ++k) {
    if (view.Is(k, kGrPart | kGrPronoun)) return true;
  }
  return false;
}

// "Madrid suma 3.120 casos nuevos; Cataluña, 2.863 casos": whether count `b` stands
// after a semicolon, a place and a comma that stand for the verb of count `a` left out.
bool GappedAfter(const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& spans,
                 size_t a, size_t b) {
  const size_t to = spans[b].first;
  if (to < 3 || view.tokens[to - 1].lower != ",") return false;
  for (const PlaceRef& place : view.places) {
    if (place.span.end != to - 1 || place.span.begin == 0) continue;
    size_t opener = place.span.begin - 1;
    if (view.Is(opener, kGrCoordination) && opener > 0) --opener;
    if (view.tokens[opener].lower != ";" || opener < spans[a].second) continue;
    // The first count's phrase may run on to the semicolon ("casos nuevos de covid-19").
    bool plain = true;
    for (size_t k = spans[a].second; k < opener; ++k) plain = plain && view.tokens[k].lower != ",";
    for (const QuantityRef& q : view.quantities) {
      plain = plain && (q.span.begin < spans[a].second || q.span.begin >= opener);
    }
    return plain;
  }
  return false;
}

// Whether count `b` follows count `a` joined to it by nothing but commas, "and", "with"
// and the verbs that took them ("879 cases were reported with 3 deaths"), or stands for
// it with its verb left out (GappedAfter).
bool JoinedCounts(const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& spans,
                  size_t a, size_t b) {
  if (GappedAfter(view, spans, a, b)) return true;
  size_t from = AfterDisease(view, spans[a].second);
  // "rose to 873 on Saturday, with 19 deaths": the first count's day stands between.
  for (const DateRef& date : view.Dates()) {
    if (date.span.begin == from || (date.span.begin == from + 1 && view.Is(from, kGrLocative))) {
      from = std::max(from, date.span.end);
    }
  }
  const size_t to = spans[b].first;
  // "dropped to 12,450, the lowest since March, with 310 in intensive care": or an aside
  // that tells the first is a record.
  if (from < to && view.tokens[from].lower == ",") {
    size_t close = from + 1;
    bool record = false;
    for (; close < to && close < from + 8 && view.tokens[close].lower != ","; ++close) {
      record = record || (view.cues[close] & kCueRecord);
    }
    if (record && close < to && view.tokens[close].lower == ",") from = close;
  }
  // "Egypt reports 1,485 new infections; 82 deaths": a headline's counts a semicolon joins.
  if (to == from + 1 && (view.tokens[from].lower == ";" || view.tokens[from].lower == "\uff1b")) {
    return true;
  }
  return from <= to && to - from <= 4 &&
         OnlyMarksAnd(view, from, to, kGrCoordination | kGrCompanion | kGrAuxiliary | kGrCountVerb);
}

// The animals counted when the head is only "case": "a case ... in a wild duck",
// "cases among pigs"; and for a disease of animals only, the animals of the document.
Host HostOf(const SentenceView& view, const ReadCount& count, const std::string& disease,
            const DocumentContext& context, const Lexicon& lexicon) {
  const CountReading& reading = count.reading;
  // "падеж составил 340 голов", "the death toll rose to 40 cattle": a total counts the
  // animals its number names.
  Host counted = reading.host;
  const size_t unit = count.quantity.span.end;
  if (reading.path == CountPath::kTotal && unit < view.terms.size() &&
      view.terms[unit].length > 0 && view.terms[unit].term.role == TermRole::kAnimal) {
    counted = *view.terms[unit].term.host;
  }
  // "birds", "animals": the kind the sentence, else the text last, else the document,
  // speaks of.
  if (counted == Host::kBird || counted == Host::kAnimal) {
    // "23 случая бешенства животных: девять — у лис, шесть — у кошек": a total that its
    // parts after it break down by kinds is of several kinds.
    const std::vector<Host> after = KindsNamed(view, reading.phrase_end);
    if (std::any_of(after.begin(), after.end(), [&](Host kind) { return kind != after.front(); })) {
      return counted;
    }
    std::optional<Host> known = KindNamed(view);
    const auto fits = [&](Host host) {
      return counted == Host::kAnimal || host == Host::kPoultry || host == Host::kWildBird;
    };
    // "a flock of 24,000 turkeys ... The virus killed 1,200 birds on the farm": the kind
    // named last, when it is a kind of what is counted ("cattle, goats and pigs infected.
    // About 2,500 animals have died": of several kinds).
    if (!known && context.last_animal && fits(*context.last_animal)) known = context.last_animal;
    if (!known) known = context.animal_context;
    if (known && fits(*known)) return *known;
  }
  if (counted != Host::kHuman) return counted;
  // "2,100 deaths among 26,400 susceptible birds": a noun of cases or of their status
  // says nothing of who they were; what they are among does.
  const bool status_noun = reading.head < view.terms.size() &&
                           view.terms[reading.head].length > 0 &&
                           view.terms[reading.head].term.role == TermRole::kNoun;
  if (!reading.noun_is_case_word && !status_noun && reading.path != CountPath::kSingle &&
      reading.path != CountPath::kTotal) {
    return Host::kHuman;
  }
  // "the second human case linked to the outbreak in dairy cattle": a case said human.
  const size_t head = std::min(reading.head, view.tokens.size());
  for (size_t k = head; k-- > 0 && k + 2 >= head;) {
    if (view.terms[k].length > 0 && k + view.terms[k].length > head &&
        view.tokens[k].lower == "human") {
      return Host::kHuman;
    }
  }
  for (size_t k = reading.phrase_end; k < view.tokens.size() && k < reading.phrase_end + 12; ++k) {
    if (view.tokens[k].lower == ";" || view.Is(k, kGrSubordinate)) break;
    if (!(view.Is(k, kGrLocative) || view.tokens[k].lower == "among")) continue;
    for (size_t m = k + 1; m < view.tokens.size() && m < k + 5; ++m) {
      const TermAt& term = view.terms[m];
      // "in a poultry farm": where those animals are.
      if (term.length > 0 && (term.term.role == TermRole::kAnimal ||
                              (term.term.role == TermRole::kThing && term.term.host))) {
        return *term.term.host;
      }
      if (term.length > 0 && term.term.role == TermRole::kPerson) return Host::kHuman;
    }
  }
  if (!disease.empty() && lexicon.IsAnimalDisease(disease)) {
    return context.animal_context.value_or(Host::kAnimal);
  }
  return Host::kHuman;
}

// Whether a sentence opens on the people just counted: "He ...", "She ...", "The patient,
// a 71-year-old woman, ...", "Пациент ..."; for more than one, "They ...", "Both ...",
// "All ...".
bool OpensOnThePeople(const SentenceView& view, const Lexicon& lexicon, int64_t count) {
  size_t k = 0;
  while (k < view.tokens.size() && !view.tokens[k].is_word) ++k;
  if (k >= view.tokens.size()) return false;
  if (OpensOnThem(view, lexicon, count == 1)) return true;
  // "The patient", "The boy": one person (a noun does not say whether it is one or more).
  for (size_t m = k; count == 1 && m < view.tokens.size() && m < k + 3; ++m) {
    const TermAt& term = view.terms[m];
    if (term.length > 0) {
      return term.term.role == TermRole::kPerson && (m == k || view.Is(k, kGrDeterminer));
    }
    if (!view.Is(m, kGrDeterminer)) return false;
  }
  return false;
}

// The first count of cases read from `sentence`, among the events `out` ends with.
std::optional<Event> FirstCountOf(const std::vector<Event>& out, const SentenceView& sentence) {
  std::optional<Event> first;
  for (auto it = out.rbegin(); it != out.rend() && it->evidence.start == sentence.sentence.start;
       ++it) {
    if (it->type == EventType::kCases) first = *it;
  }
  return first;
}

}  // namespace

// "Ecuador confirmed its first case on Saturday. The patient, a 71-year-old woman, had
// arrived from Spain", "Two new cases ... They had returned from Iran": a count of a few
// people whose importation its own sentence does not tell is imported as the next
// sentences about them tell, up to two.
void ReadTravelOfFew(std::span<const SentenceView> views, size_t i, const Lexicon& lexicon,
                     Event& event) {
  constexpr int64_t kFew = 10;
  if (event.type != EventType::kCases || event.count < 1 || event.count > kFew || event.imported ||
      event.host != Host::kHuman) {
    return;
  }
  for (size_t j = i + 1; j < views.size() && j <= i + 2; ++j) {
    const SentenceView& view = views[j];
    // A sentence that counts cases of its own tells of others.
    const bool counts_cases =
        std::any_of(view.terms.begin(), view.terms.end(),
                    [](const TermAt& t) { return t.length > 0 && t.term.role == TermRole::kNoun; });
    if (view.inert || !OpensOnThePeople(view, lexicon, event.count) || counts_cases ||
        TellsOfAPart(view)) {
      return;
    }
    const std::vector<Place> route = TravelledFrom(view);
    // "He was a passenger on a flight from Russia": a journey, by its verb or its means.
    const bool journey = view.HasCue(kCueTravel | kCueImported | kCueModeAir | kCueModeRoad |
                                     kCueModeRail | kCueModeSea | kCueModeFoot);
    if (route.empty() || !journey) continue;
    event.imported = true;
    event.origin = route.front();
    if (route.size() > 1) event.route = route;
    event.modes = ModesIn(view);
    return;
  }
}

// "其中,广州市报告…423例", "Of them, 12 ...", "Из них ...": a sentence that opens on
// the counted people of the sentence before tells parts of its figure, as of its day:
// that sentence's one date, if it has one and no other.
const DateRef* DateOfTheWhole(const SentenceView& view, const SentenceView* previous) {
  if (previous == nullptr) return nullptr;
  bool opens_on_them = false;
  for (size_t i = 0, words = 0; i < view.tokens.size() && words < 2; ++i) {
    if (!view.tokens[i].is_word) continue;
    if (view.tokens[i].has_digit) break;
    ++words;
    if (view.Is(i, kGrPronoun)) opens_on_them = true;
  }
  if (!opens_on_them) return nullptr;
  const DateRef* only = nullptr;
  for (const DateRef& date : previous->Dates()) {
    if (IsReportDate(*previous, date)) continue;
    if (only != nullptr) return nullptr;
    only = &date;
  }
  return only;
}

// "Распределение по регионам:\nАстана – 9\nАлматы – 7", "分布如下：\n广州市：8例", "Confirmed
// cases by State\nOndo 34": a row of a table that a heading opened, a place and a bare
// number, counts what the table's heading says, else what the text's last count
// counted, and is a part of it: of its time, disease and kind.
// Where the label of a table's row that sums the rows above it ends ("Total | 13,146 |
// 401", "Итого: 512"): the token of the separator after it, or 0.
size_t TotalRowLabelEnd(const SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  for (size_t k = 1; k < tokens.size() && k < 4; ++k) {
    const bool separator = tokens[k].lower == "|" || tokens[k].lower == ":" ||
                           IsDash(tokens[k].lower) || (tokens[k].has_digit && view.TabBefore(k));
    if (!separator) continue;
    const std::string_view label =
        view.document.substr(tokens[0].start, tokens[k - 1].end - tokens[0].start);
    if (!lexicon.IsTotalRowLabel(FoldCase(label))) return 0;
    const size_t figure = tokens[k].has_digit ? k : k + 1;
    return figure < tokens.size() && tokens[figure].has_digit ? k : 0;
  }
  return 0;
}

void ReadTableRow(std::string_view text, const SentenceView& view, const DocumentContext& context,
                  const Lexicon& lexicon, std::vector<Event>& out) {
  if (!context.table_open) return;
  // "Total | 13,146 | 401": the rows' sum, counted where they all are: the country of the
  // rows before it, when they were all of one.
  const size_t total_end = view.places.empty() ? TotalRowLabelEnd(view, lexicon) : 0;
  if (total_end == 0 && !IsTableRow(view)) return;
  const auto counted = std::find_if(out.rbegin(), out.rend(),
                                    [](const Event& e) { return e.type == EventType::kCases; });
  // "Suspected cases by province:\nLusaka: 1,520": before any count of the text, a row
  // counts what its table's heading says, of the text's disease.
  Event heading;
  if (counted == out.rend()) {
    if (!context.table_status && context.table_columns.empty()) return;
    heading.disease = context.main_disease;
    heading.aggregation = context.table_aggregation.value_or(Aggregation::kCumulative);
    heading.period = PeriodFor(view, nullptr, heading.aggregation, context.published);
    if (context.table_as_of && heading.aggregation == Aggregation::kCumulative) {
      heading.period = Period{std::nullopt, context.table_as_of};
    }
  }
  const Event* frame = counted == out.rend() ? &heading : &*counted;
  std::optional<Place> total_place;
  if (total_end > 0) {
    // (The rows are the events read since the table opened, each with its place.)
    total_place = context.main_country;
    if (!total_place || counted == out.rend()) return;
    for (auto e = out.rbegin(); e != out.rend() && e->type == EventType::kCases && e->place; ++e) {
      if (e->place->country != total_place->country) return;
    }
  }
  const size_t label_end = total_end > 0 ? total_end : view.places.front().span.end;
  // After a colon or a dash, or right after the place ("Ondo 34", "Malawi\t24,112").
  const auto q =
      std::find_if(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& r) {
        return r.span.begin == label_end || r.span.begin == label_end + 1;
      });
  if (q == view.quantities.end()) return;
  const quantity::Quantity& value = q->quantity;
  if (value.value <= 0 || value.is_share || value.is_year || value.is_decimal) return;
  // Nothing after it but a measure word ("8例") and the line's end, or the row's other
  // cells ("| 512").
  for (size_t k = q->span.end; k < view.tokens.size(); ++k) {
    if (view.tokens[k].lower == "|" || view.OpensCell(k)) break;
    if (view.tokens[k].is_word && !view.Is(k, kGrClassifier)) return;
  }
  Event row = *frame;
  row.count = q->quantity.value;
  row.qualifier = q->quantity.qualifier;
  if (context.table_status) row.status = *context.table_status;
  row.place = total_place ? *total_place : view.places.front().place;
  row.imported.reset();
  row.origin.reset();
  row.route.clear();
  row.modes.clear();
  row.evidence = EvidenceOf(text, view.sentence);
  // "Buenos Aires | 15.402 | 48.917 | 31" under "Provincia, Casos nuevos, Acumulados,
  // Fallecidos:": each cell counts what its column's heading says.
  const auto& columns = context.table_columns;
  if (columns.empty()) {
    out.push_back(std::move(row));
    return;
  }
  size_t cell = 0;
  for (const QuantityRef& r : view.quantities) {
    if (r.span.begin < q->span.begin) continue;
    if (r.span.begin != q->span.begin && !view.OpensCell(r.span.begin)) continue;
    if (cell >= columns.size()) break;
    const DocumentContext::TableColumn& column = columns[cell++];
    if (!column.counts || r.quantity.value <= 0 || r.quantity.is_share || r.quantity.is_decimal) {
      continue;
    }
    Event cell_event = row;
    cell_event.count = r.quantity.value;
    cell_event.qualifier = r.quantity.qualifier;
    if (column.status) cell_event.status = *column.status;
    if (column.aggregation) cell_event.aggregation = *column.aggregation;
    out.push_back(std::move(cell_event));
  }
}

void ExtractCases(std::string_view text, const SentenceView& view, const SentenceView* previous,
                  const SentenceView* next, const DocumentContext& context,
                  const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                  std::vector<Event>& out) {
  const uint32_t sentence_cues = view.CuesIn(0, view.tokens.size());
  // Deaths from earthquakes, crashes or wars are not an outbreak's: a sentence of such a
  // cause that names no disease counts only cases by their own word, in a text that
  // names one ("Three flood relief workers died and 300 suspected cases were reported").
  const bool of_other_cause = (sentence_cues & kCueOtherCause) && !view.HasDisease();
  if (of_other_cause && !context.disease_named) return;
  // "A man ..., who contracted yellow fever in Angola, is the 1st imported case": the
  // person and the case counted beside them are one, the case.
  // "Singapore reported 64 new cases. Of these, 51 were imported": a sentence that opens
  // on a part of what the sentence before counted first counts parts of it.
  std::optional<Event> outer;
  ReadCount outer_count;
  if (previous != nullptr &&
      (OpensOnAPart(view) || ListsItemsOnly(view) || RefersToACountBefore(view) ||
       OpensOnABareNumber(view) || CountsByPronoun(view, lexicon))) {
    outer = FirstCountOf(out, *previous);
  }
  if (outer) {
    outer_count.reading.status = outer->status;
    outer_count.reading.host = outer->host;
  }
  std::vector<ReadCount> counts;
  {
    std::vector<ReadCount> read =
        ReadCounts(view, lexicon, context.disease_named, outer ? &outer_count : nullptr);
    // "Ghana confirmed two cases in Ashanti. Both patients died.": a sentence that opens on
    // people counted before tells of those the sentence before counted.
    if (!outer && previous != nullptr && !read.empty() && read.front().reading.told_before &&
        read.front().quantity.span.begin == 0) {
      outer = FirstCountOf(out, *previous);
    }
    // (A sentence of a clinical trial counts its results.)
    const bool trial =
        !read.empty() &&
        std::any_of(view.tokens.begin(), view.tokens.end(), [&](const text::Token& t) {
          return t.is_word && lexicon.IsTrialWord(t.lower);
        });
    for (const ReadCount& count : read) {
      const bool same_one = IsPersonOfOne(view, count) &&
                            std::any_of(read.begin(), read.end(), [&](const ReadCount& other) {
                              // (Not beside "the country's seventh case", which only brings the
                              // total: "A boy from Takeo province ..., marking the country's
                              // seventh case".)
                              return other.quantity.quantity.value == 1 && other.ordinal <= 1 &&
                                     other.reading.status == count.reading.status &&
                                     !IsPersonOfOne(view, other);
                            });
      // "A man in Kerala has died of Nipah ... The man died on Sunday": a death of people
      // told of before, of a number of deaths the text told already, is that one.
      const bool told_already =
          count.reading.told_before && std::any_of(out.begin(), out.end(), [&](const Event& e) {
            return e.type == EventType::kCases && e.status == CaseStatus::kDeaths &&
                   e.count == count.quantity.quantity.value;
          });
      if (!same_one && !told_already && !trial && !IsRate(view, count, lexicon) &&
          !IsStatistic(view, count) && !IsPopulationAtRisk(view, count)) {
        counts.push_back(count);
      }
    }
  }
  if (counts.empty()) {
    ReadTableRow(text, view, context, lexicon, out);
    return;
  }
  const std::vector<Candidate> candidates = Candidates(view, context, gazetteer);
  std::vector<Event> found;
  found.reserve(counts.size() + 1);      // an event a count, most often (a running total more)
  std::optional<PlaceChoice> statement;  // the place of the last count read, for "bringing"
  std::optional<bool> frame_imported;  // of the last count that is no list item
  const std::vector<std::pair<size_t, size_t>> spans = CountSpans(view, counts);
  const Ownership ownership(view, spans);
  std::vector<const DateRef*> count_dates;  // the date of each count
  count_dates.reserve(counts.size());
  for (const ReadCount& count : counts) {
    count_dates.push_back(DateFor(view, count.quantity.span.begin, counts));
  }
  const bool verbs_tell_events = lexicon.grammar_classes() & kGrPerfect;
  std::vector<std::optional<size_t>> event_of(counts.size());  // count -> its event in `found`
  std::vector<std::optional<size_t>> whole_of(counts.size());  // count -> the count it is part of
  std::vector<bool> of_outer(counts.size(), false);            // a part of `outer`
  std::vector<size_t> repeated;  // indices into `found` of frames that repeat a figure
  std::vector<Candidate> own_candidates;  // a count's, where another's clause holds some
  // Each count's clause on "all of them", if it has one.
  std::vector<std::optional<std::pair<size_t, size_t>>> all_clauses;
  all_clauses.reserve(counts.size());
  for (const ReadCount& count : counts) {
    all_clauses.push_back(AllOfThemClause(view, count.quantity.span.begin));
  }
  for (size_t c = 0; c < counts.size(); ++c) {
    const ReadCount& count = counts[c];
    const CountReading& reading = count.reading;
    if (of_other_cause && (!reading.noun_is_case_word || reading.status == CaseStatus::kDeaths)) {
      continue;
    }
    // "Court backlog reaches record 60,000 cases": a sentence of the courts that names no
    // disease speaks of lawsuits wherever its legal word stands.
    if (reading.noun_is_case_word &&
        ((view.CuesIn(reading.head > 3 ? reading.head - 3 : 0, reading.head + 4) & kCueLegal) ||
         ((view.all_cues & kCueLegal) && !view.HasDisease()))) {
      continue;
    }
    size_t next_count = view.tokens.size();
    // "14 new cases and two deaths were reported in Lagos": counts joined by "and" share
    // the place after the last of them.
    size_t last_joined = c;
    while (last_joined + 1 < counts.size() &&
           CountsJoined(view, counts[last_joined], counts[last_joined + 1])) {
      ++last_joined;
    }
    for (size_t d = last_joined + 1; d < counts.size(); ++d) {
      const size_t at = HedgeStart(view, counts[d].quantity);
      // "a case in an 11-year-old girl from Prey Veng": the person is the case's own.
      if (at > 0 && view.Is(at - 1, kGrLocative) && IsPersonOfOne(view, counts[d])) continue;
      // A part set off by commas leaves the place after it to the whole.
      if (PartAside(view, counts[d])) continue;
      if (at > count.quantity.span.begin) {
        next_count = at;
        break;
      }
    }
    Event event;
    event.type = EventType::kCases;
    event.status = reading.status;
    // "Suspected cases by region:" then "Zinder: 451 cases": the heading says what "cases"
    // are.
    if (context.table_status && reading.status == CaseStatus::kConfirmed &&
        reading.noun_is_case_word && IsTableRow(view)) {
      event.status = *context.table_status;
    }
    event.count = count.quantity.quantity.value;
    event.qualifier = count.qualifier;
    // "92 people died in a fire that tore through a COVID-19 isolation ward": deaths of
    // another cause, told right after their verb.
    if (event.status == CaseStatus::kDeaths) {
      bool other_cause = false;
      for (size_t k = reading.phrase_end; k < view.tokens.size() && k < reading.phrase_end + 4;
           ++k) {
        other_cause = other_cause || (view.cues[k] & kCueOtherCause);
      }
      if (other_cause) continue;
    }
    const DateRef* date = count_dates[c];
    // Where the list's item before this count starts: the places from there are its.
    // (So are those of a part "of them" before a list item: "2,915 of them in Bangkok and
    // 511 in prisons".)
    const size_t item_start = c > 0 && (counts[c - 1].reading.path == CountPath::kListItem ||
                                        (reading.path == CountPath::kListItem &&
                                         counts[c - 1].reading.path == CountPath::kPartitive))
                                  ? spans[c - 1].first
                                  : view.tokens.size();
    // "3 new deaths, all in Lusaka, and 150 new infections": the place of another count's
    // clause on "all of them" is that count's alone.
    const std::vector<Candidate>* usable = &candidates;
    for (size_t d = 0; d < counts.size(); ++d) {
      const auto& all = all_clauses[d];
      if (d == c || !all) continue;
      std::vector<Candidate> outside;
      for (const Candidate& candidate : *usable) {
        if (candidate.span.begin < all->first || candidate.span.begin >= all->second) {
          outside.push_back(candidate);
        }
      }
      if (outside.size() == usable->size()) continue;
      own_candidates = std::move(outside);
      usable = &own_candidates;
    }
    PlaceChoice where =
        ChoosePlace(view, *usable, count, next_count, counts[last_joined].reading.head, item_start,
                    statement, context, lexicon);
    // Where the infection was caught, when it is another country than where the count
    // is without it: the origin of imported cases ("the 71 cases contracted the virus in
    // Europe" in a report from Peru), not their place.
    std::optional<Place> caught_elsewhere;
    const PlaceRef* caught = CaughtIn(view, Owner{&ownership, c});
    // An item of a list of places where the counted caught it ("in the Philippines (6),
    // Thailand (2)"): its own place is where it was caught.
    for (const PlaceRef& ref : view.places) {
      if (caught == nullptr && ref.caught_by != SIZE_MAX && where.place &&
          ref.place.SameAs(*where.place) && reading.path == CountPath::kListItem) {
        caught = &ref;
      }
    }
    if (caught != nullptr) {
      // (Nor any other place where the counted caught it.)
      std::vector<Candidate> others;
      for (const Candidate& candidate : candidates) {
        const PlaceRef* ref = view.PlaceAt(candidate.span.begin);
        const bool caught_there =
            ref != nullptr && ref->span.begin == candidate.span.begin && ref->caught_by != SIZE_MAX;
        if (candidate.span.begin != caught->span.begin && !caught_there) {
          others.push_back(candidate);
        }
      }
      PlaceChoice elsewhere =
          ChoosePlace(view, others, count, next_count, counts[last_joined].reading.head, item_start,
                      statement, context, lexicon);
      if (elsewhere.place && !elsewhere.place->country.empty() &&
          elsewhere.place->country != caught->place.country) {
        where = std::move(elsewhere);
        caught_elsewhere = caught->place;
      }
    }
    // "河北省报告新增本地确诊病例1例，为保定市报告", "（自美国输入，无锡市报告）": a town of
    // the count's unit, named after it with its verb of reporting and no other figure
    // between, is the one that reported it, where the count is.
    if (where.place && where.place->level == PlaceLevel::kSubdivision) {
      for (const PlaceRef& ref : view.places) {
        if (ref.span.begin < count.quantity.span.end || ref.place.level != PlaceLevel::kCity ||
            ref.place.subdivision != where.place->subdivision || ref.qualifier ||
            ref.span.end >= view.tokens.size() || !view.Is(ref.span.end, kGrCountVerb)) {
          continue;
        }
        // (An attribution: after "为" or in brackets, the verb ending its clause.)
        size_t after = ref.span.end;
        while (after < view.tokens.size() && view.Is(after, kGrCountVerb)) ++after;
        const bool attribution =
            (view.Is(ref.span.begin - 1, kGrLink) || InBrackets(view, ref.span.begin)) &&
            (after >= view.tokens.size() || !view.tokens[after].is_word);
        const bool figure_between =
            std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
              return q.span.begin >= count.quantity.span.end && q.span.begin < ref.span.begin;
            });
        if (attribution && !figure_between) where.place = ref.place;
        break;
      }
    }
    // A list's item tells where a part is, not where the statement goes on ("700 new
    // cases, 120 of them in Montreal, and 9 deaths": the deaths are the province's).
    // (Nor does a part "of them": "813 new cases, 256 of them in Daegu, raising its tally
    // to 7,041".)
    const bool of_them = reading.path == CountPath::kPartitive &&
                         reading.head < view.tokens.size() && view.Is(reading.head, kGrPronoun);
    if (!InContinuation(view, HedgeStart(view, count.quantity)) &&
        reading.path != CountPath::kListItem && !of_them) {
      statement = where;
    }
    // A count joined to the one before takes its time rather than its verb's tense
    // ("has risen to 40, with 600 people hospitalized": a total, as the 40).
    const bool joined = c > 0 && event_of[c - 1] && JoinedCounts(view, spans, c - 1, c);
    event.aggregation = ReadAggregation(view, count, date, where.possessive, Owner{&ownership, c},
                                        verbs_tell_events && !joined);
    // "reported 81 cases of measles on Tuesday, four more than last week": a count that
    // the next one says grew by so many is a running total, unless it says it is new or
    // counts a span of days ("1,200 cases this week, 300 more than last week").
    if (event.aggregation == Aggregation::kNew && c + 1 < counts.size() &&
        counts[c + 1].reading.by_link && !reading.by_link &&
        (date == nullptr || date->mention.kind == dates::DateKind::kDay) && !NewCued(view, count)) {
      event.aggregation = Aggregation::kCumulative;
    }
    // A list item shares its frame's aggregation; and its time, where it has no day nor
    // word of its own ("新增境外输入确诊病例5例，分别为英国输入2例、美国输入3例": not a
    // running total by the copula).
    if (reading.path == CountPath::kListItem && reading.frame >= 0 && !found.empty()) {
      const auto frame = static_cast<size_t>(reading.frame);
      bool own_word = false;
      for (size_t k = HedgeStart(view, count.quantity); k < reading.phrase_end && !own_word; ++k) {
        own_word = (view.cues[k] & (kCueNew | kCueCumulative)) != 0;
      }
      if (!event.aggregation || (frame < c && date == count_dates[frame] && !own_word)) {
        event.aggregation = found.back().aggregation;
      }
    }
    // "812 new infections and 45 deaths", "3,214 new cases with 248 deaths": a count
    // joined to the one before shares its time; "34 new cases, 27 of which were
    // imported": a part of the count before is of its time, whatever its verb's tense.
    // "66,602 cases, including 24,988 active", "12 000 cas, dont 300": a part with no day
    // of its own, likewise.
    const Event* companion = nullptr;
    // "Of the 23 new cases, 20 were imported": the frame's number before its noun.
    const bool of_frame = c > 0 && reading.path == CountPath::kPartitive &&
                          reading.head < HedgeStart(view, count.quantity) &&
                          spans[c - 1].first < reading.head;
    const bool part =
        c > 0 &&
        (of_frame || (reading.path == CountPath::kPartitive && view.Is(reading.head, kGrPronoun)) ||
         (IntroducesPart(view, spans[c - 1].second, spans[c].first) &&
          date == count_dates[c - 1]));
    // "including 3 cases imported from France and 2 contact cases", "dont 3 cas importés
    // ... et 2 cas contacts": a count joined by "and" to a part, in its clause and with no
    // day of its own, is a part of the same whole.
    const auto after_and = [&] {
      size_t k = HedgeStart(view, count.quantity);
      while (k > 0 && view.tokens[k - 1].lower == ",") --k;
      return k > 0 && view.Is(k - 1, kGrCoordination) &&
             SameClause(view, k - 1, spans[c - 1].second - 1);
    };
    // ("其中境外输入病例18例，本土病例7例": a comma may join them, as Chinese writes it,
    // where the count says nothing of its own time.)
    const auto after_comma = [&] {
      // (Past the words before the part's noun: "本土", "境外输入".)
      size_t k = spans[c].first;
      while (k > spans[c - 1].second && k + 6 > spans[c].first && view.tokens[k - 1].is_word &&
             !view.tokens[k - 1].has_digit && view.PlaceAt(k - 1) == nullptr) {
        --k;
      }
      if (k == 0 || k <= spans[c - 1].second ||
          !OneOf(view.tokens[k - 1].lower, {",", "\uff0c", "\u3001"})) {
        return false;
      }
      for (size_t m = spans[c - 1].second; m + 1 < k; ++m) {
        if (!view.Is(m, kGrClassifier)) return false;
      }
      return counts[c - 1].reading.status == reading.status &&
             !(view.CuesIn(spans[c].first, spans[c].second) & (kCueCumulative | kCueNew));
    };
    const bool sibling = !part && c > 0 && whole_of[c - 1] && event_of[*whole_of[c - 1]] &&
                         date == count_dates[c - 1] && (after_and() || after_comma());
    if (part) whole_of[c] = c - 1;
    if (sibling) whole_of[c] = whole_of[c - 1];
    // The first count after the opening part of "Of these, ...", and those joined to it
    // by "and", are parts of the count before the sentence.
    // "其中境外输入病例12例（...）；本土病例3例": a statement after a semicolon is another
    // part of the same whole.
    const auto after_semicolon = [&] {
      for (size_t k = spans[c].first, words = 0; k-- > 0 && words <= 3; ++words) {
        const std::string_view t = view.tokens[k].lower;
        if (t == ";" || t == "；") return true;
        if (!view.tokens[k].is_word || view.tokens[k].has_digit) return false;
      }
      return false;
    };
    const bool earlier_part =
        std::find(of_outer.begin(), of_outer.begin() + c, true) != of_outer.begin() + c;
    if (outer &&
        (c == 0 || (of_outer[c - 1] && after_and()) || (earlier_part && after_semicolon()))) {
      of_outer[c] = true;
    }
    // A joined count read only by a day that another count owns ("taking its total to
    // 8.5 million, with 126,000 deaths" after "45,000 new infections on Tuesday") is
    // read as the count it is joined to.
    // Not one whose own clause says its time ("400 new cases on Monday, and 45,300 have
    // been recorded since the outbreak began").
    const auto own_time_cues = [&] {
      uint32_t cues = view.CuesIn(spans[c].first > 0 ? spans[c].first - 1 : 0, spans[c].second);
      for (size_t k = spans[c].second; k < view.tokens.size(); ++k) {
        if (!SameClause(view, k, count.quantity.span.begin)) break;
        if (ownership.Owns(c, k)) cues |= view.cues[k];
      }
      return cues & (kCueNew | kCueCumulative);
    };
    const bool borrowed_day =
        date != nullptr && !ownership.Owns(c, date->span.begin) && !own_time_cues();
    const bool gapped = c > 0 && GappedAfter(view, spans, c - 1, c);
    // "5,400 have recovered, including 120 in the past 24 hours": a part with a day of its
    // own right after it is of that day, not of its whole's time.
    const bool own_day =
        part && event.aggregation && date != nullptr &&
        date->span.begin >= count.quantity.span.end &&
        date->span.begin <= std::max(reading.phrase_end, count.quantity.span.end) + 1;
    // "Punjab reported 2,796 new infections, followed by Sindh with 2,213": a bare number
    // that counts the noun of a count before it is of that count's time.
    const auto shares_noun = [&]() -> std::optional<size_t> {
      const size_t start = HedgeStart(view, count.quantity);
      if (reading.path != CountPath::kNoun || reading.head >= start || start == 0 ||
          !(view.Is(start - 1, kGrCompanion) || view.tokens[start - 1].lower == "(")) {
        return std::nullopt;
      }
      for (size_t d = c; d-- > 0;) {
        if (event_of[d] && counts[d].reading.head == reading.head) return d;
      }
      return std::nullopt;
    };
    if (const auto d = shares_noun(); d && !part) {
      companion = &found[*event_of[*d]];
      event.aggregation = companion->aggregation;
    } else if (c > 0 && event_of[c - 1] && !own_day &&
               (part || ((!event.aggregation || borrowed_day || gapped) && joined))) {
      // ("compte 1 024 cas, soit 141 de plus que la veille, et sept décès": joined past an
      // increment, to the count it grows.)
      const size_t before =
          !part && c > 1 && counts[c - 1].reading.by_link && event_of[c - 2] ? c - 2 : c - 1;
      companion = &found[*event_of[before]];
      event.aggregation = companion->aggregation;
    } else if (sibling) {
      companion = &found[*event_of[*whole_of[c]]];
      event.aggregation = companion->aggregation;
    } else if (of_outer[c]) {
      companion = &*outer;
      event.aggregation = companion->aggregation;
    } else if (c > 0 && event_of[c - 1] && !own_day && reading.path == CountPath::kPartitive &&
               (counts[c - 1].reading.path == CountPath::kPartitive ||
                view.Is(counts[c - 1].quantity.span.end, kGrOf)) &&
               reading.head == count.quantity.span.begin && date == count_dates[c - 1]) {
      // "Two of the new cases were imported and four were locally acquired": a bare part
      // after a part of the same whole is of its time (not of its importation).
      event.aggregation = found[*event_of[c - 1]].aggregation;
    }
    // "2 100 cas suspects, dont ... Uvira (412 cas)", "1,200 suspected cases, including 400
    // cases in Lusaka": a part counted with a bare noun of cases is of its whole's status.
    if ((part || sibling) && companion != nullptr && event.status == CaseStatus::kConfirmed &&
        reading.noun_is_case_word &&
        (companion->status == CaseStatus::kSuspected ||
         companion->status == CaseStatus::kProbable)) {
      bool own_status = false;
      const size_t from = HedgeStart(view, count.quantity);
      const size_t to =
          std::min(std::max(reading.head + 1, reading.phrase_end), view.tokens.size());
      for (size_t k = from; k < to && !own_status; ++k) {
        const TermAt& t = view.terms[k];
        own_status = t.length > 0 && t.term.status && t.term.role != TermRole::kNoun;
      }
      if (!own_status) event.status = companion->status;
    }
    // "146 confirmed cases", "en Castilla-La Mancha hay 16.625 contagiados": a count that
    // nothing marks as new (no cue, no day it was reported for) is a running total; but
    // not one that a total of the same status after it in the sentence grows from ("252
    // deaths, bringing the total to 41,124", "252 fallecimientos, para un total de
    // 41.124 muertes", "252 décès, portant le total à 41 124").
    const bool grows_a_total =
        std::any_of(counts.begin() + c + 1, counts.end(), [&](const ReadCount& later) {
          const size_t at = HedgeStart(view, later.quantity);
          const size_t cue = at > 1 && view.Is(at - 1, kGrOf) ? at - 2 : at - 1;  // "total de"
          const bool total = later.reading.path == CountPath::kTotal ||
                             (at > 0 && (view.cues[cue] & kCueCumulative));
          return total && later.reading.status == reading.status &&
                 later.quantity.quantity.value > count.quantity.quantity.value;
        });
    // "1,104 people have made a full recovery, bringing the total to 31,007": the perfect
    // tells of the 1,104 as of the total they grow, which makes them the new ones.
    if (event.aggregation == Aggregation::kCumulative && grows_a_total &&
        reading.path == CountPath::kVerb && companion == nullptr &&
        !(view.CuesIn(HedgeStart(view, count.quantity), count.quantity.span.end + 1) &
          kCueCumulative)) {
      event.aggregation = Aggregation::kNew;
    }
    if (!event.aggregation) {
      // "The country added 9,715 new infections on Tuesday. Seoul reported 1,842 cases": a
      // part, by place, of the day's national figure the sentence before counted.
      const std::optional<Event>& day = context.last_new;
      const bool part_of_the_day =
          day && date == nullptr && where.place && day->place && day->status == event.status &&
          day->host == reading.host && where.place->country == day->place->country &&
          where.place->level != PlaceLevel::kCountry && count.quantity.quantity.value < day->count;
      // "За сутки в Москве выявлено 2 104 случая. Скончались 14 пациентов": the deaths and
      // recoveries a verb tells after the day's figure are that day's.
      const bool of_the_day =
          day && date == nullptr && where.place && day->place &&
          where.place->country == day->place->country && day->status != event.status &&
          (event.status == CaseStatus::kDeaths || event.status == CaseStatus::kRecovered) &&
          (reading.path == CountPath::kVerb || reading.path == CountPath::kKillVerb);
      event.aggregation = grows_a_total || part_of_the_day || of_the_day ? Aggregation::kNew
                                                                         : Aggregation::kCumulative;
    }
    // "48 new cases, raising the state's total to 309 since late January": a since-date
    // that another count owns starts that count's total, not this new figure's time.
    const DateRef* own_date = date;
    if (own_date != nullptr && event.aggregation == Aggregation::kNew &&
        own_date->mention.kind == dates::DateKind::kSince &&
        !ownership.Owns(c, own_date->span.begin)) {
      own_date = nullptr;
    }
    event.period =
        companion != nullptr && own_date == nullptr
            ? companion->period
            : PeriodFor(view, own_date != nullptr ? own_date : DateOfTheWhole(view, previous),
                        event.aggregation, context.published);
    // "截至8月20日，全省共报告登革热病例439例，同比增加85.3%", "as of August 20, up 85% on
    // the same period last year": a running total to a day, set against the same span of
    // the year before, counts from the start of its year.
    if (event.aggregation == Aggregation::kCumulative && event.period && !event.period->start &&
        event.period->end && own_date != nullptr &&
        own_date->mention.kind == dates::DateKind::kUntil &&
        lexicon.ComparesYearOnYear(view.tokens)) {
      event.period->start = Date{event.period->end->year, 1, 1};
    }
    // An item of a breakdown of the sentence before is of its count's time.
    if (outer && reading.path == CountPath::kListItem && reading.frame < 0 && date == nullptr) {
      event.aggregation = outer->aggregation;
      event.period = outer->period;
    }
    event.place = where.place;
    // "15 new cases in Bangkok. Two of them died.": a part of the count before, in a
    // sentence that names no place, is where its whole is.
    if (of_outer[c] && candidates.empty() && outer->place) event.place = outer->place;
    // "20 cases of polio last year, all of them in the province of Khyber Pakhtunkhwa"
    // (but "all linked to a school cluster in Brisbane" says where the cluster is).
    // ("all from Balochistan province": from a region of the country the count is in.)
    if (const auto& all = all_clauses[c]) {
      size_t k = all->first + 1;
      while (k < all->second && view.Is(k, kGrOf | kGrPronoun)) ++k;
      for (const Candidate& in : candidates) {
        if (k < all->second && view.Is(k, kGrLocative) && in.locative && !in.demonym &&
            in.span.begin > k && in.span.begin <= k + 5 && in.span.end <= all->second &&
            view.OnlyJoints(k + 1, in.span.begin, kGrDeterminer | kGrPlaceNoun | kGrOf)) {
          event.place = in.place;
          break;
        }
      }
      // (Right after the count's phrase: "the two cases were a man and a woman, both from
      // Prey Nup district" says where the people live.)
      size_t phrase_end = AfterDisease(
          view, std::max(count.quantity.span.end, std::max(reading.head + 1, reading.phrase_end)));
      while (phrase_end < all->first && !view.tokens[phrase_end].is_word) ++phrase_end;
      for (const PlaceRef& from : view.places) {
        if (phrase_end == all->first && k < all->second && view.Is(k, kGrFrom) && event.place &&
            !from.demonym && from.place.country == event.place->country &&
            from.place.level != PlaceLevel::kCountry && from.span.begin > k &&
            from.span.begin <= k + 5 && from.span.end <= all->second &&
            view.OnlyJoints(k + 1, from.span.begin, kGrDeterminer | kGrPlaceNoun | kGrOf)) {
          event.place = from.place;
          break;
        }
      }
    }
    if (event.place && reading.path != CountPath::kListItem) {
      if (std::optional<Place> all =
              PlaceOfAList(view, count.quantity.span.begin, *event.place, gazetteer)) {
        event.place = all;
      }
    }
    // ... and the part is counted where the whole is.
    if (c > 0 && event_of[c - 1] && PartAside(view, count)) {
      event.place = found[*event_of[c - 1]].place;
    }
    event.disease = DiseaseNear(view, reading.head, context, reading.phrase_end);
    event.host = HostOf(view, count, event.disease, context, lexicon);
    // "8,208 deaths, followed by Jodhpur (6,420)": an item of a list counts what the count
    // that frames it counts.
    if (reading.path == CountPath::kListItem && reading.frame >= 0 &&
        static_cast<size_t>(reading.frame) < c && event_of[static_cast<size_t>(reading.frame)] &&
        event.host == Host::kHuman) {
      event.host = found[*event_of[static_cast<size_t>(reading.frame)]].host;
    }
    // "16 rabies cases in dogs, 11 of them in Cerro Colorado", "39 de los casos" after "52
    // casos de rabia canina": a part "of them" or "of the cases" is of the whole's kind
    // (the whole of the sentence before, for the cases); "rabies cases in dogs reached 47,
    // after three new cases were confirmed": so are cases named again in the sentence.
    if (event.host == Host::kHuman &&
        (reading.noun_is_case_word || view.Is(reading.head, kGrPronoun))) {
      const bool pronoun = view.Is(reading.head, kGrPronoun);
      const bool definite = reading.head > 0 && view.Is(reading.head - 1, kGrDeterminer);
      const bool partitive = reading.path == CountPath::kPartitive && (pronoun || definite);
      const Event* before =
          !found.empty() ? &found.back()
          : partitive && definite && !out.empty() && out.back().type == EventType::kCases
              ? &out.back()
              : nullptr;
      const bool named_again =
          !found.empty() && !partitive && reading.head < view.tokens.size() &&
          std::any_of(counts.begin(), counts.begin() + c, [&](const ReadCount& other) {
            return other.reading.head < view.tokens.size() &&
                   view.tokens[other.reading.head].lower == view.tokens[reading.head].lower;
          });
      if (before != nullptr && before->host != Host::kHuman && (partitive || named_again)) {
        event.host = before->host;
      }
    }
    ReadImportation(view, lexicon, count, counts.size(), previous, next, Owner{&ownership, c},
                    event);
    if (caught_elsewhere && event.imported != false) {
      event.imported = true;
      if (!event.origin) event.origin = caught_elsewhere;
    }
    // "two more patients infected through local transmission ..., bringing the total
    // number of such cases to six": a noun of the kind told before is of its importation.
    if (!event.imported && !found.empty() && found.back().imported) {
      const size_t from = std::min(reading.head, count.quantity.span.begin);
      const size_t to = std::max(reading.phrase_end, count.quantity.span.end);
      for (size_t k = from > 3 ? from - 3 : 0; k < to && k < view.tokens.size(); ++k) {
        if (SameClause(view, k, count.quantity.span.begin) &&
            lexicon.IsSuchWord(view.tokens[k].lower)) {
          event.imported = found.back().imported;
          if (*event.imported) event.origin = found.back().origin;
          break;
        }
      }
    }
    // "确诊输入病例84例、无症状感染者127例", "15 imported cases and 4 asymptomatic
    // infections": the infections joined to imported cases came with them. Not the
    // deaths or recoveries joined to a count, which may be of anyone counted before.
    const Event* joined_to = companion;
    if (joined_to == nullptr && joined) {
      joined_to = &found[*event_of[c - 1]];
    }
    if (joined_to != nullptr && !event.imported && joined_to->imported &&
        (event.status == CaseStatus::kConfirmed || event.status == CaseStatus::kAsymptomatic ||
         event.status == CaseStatus::kSuspected || event.status == CaseStatus::kProbable)) {
      event.imported = joined_to->imported;
      // ("Of the 12 imported cases, 8 are from Venezuela": a part's own origin.)
      const std::vector<Place> own = TravelledFrom(view, Owner{&ownership, c});
      if (*event.imported && !own.empty()) {
        event.origin = own.front();
        if (own.size() > 1) event.route = own;
        event.modes = ModesIn(view);
      } else if (*event.imported) {
        event.origin = joined_to->origin;
        event.route = joined_to->route;
        event.modes = joined_to->modes;
      }
    }
    // "nine imported cases: four from the United States, three from ...": each item's
    // own origin.
    if (reading.path == CountPath::kListItem) {
      if (const PlaceRef* origin = ItemOrigin(view, count.quantity)) {
        event.origin = origin->place;
        event.route.clear();
        event.imported = true;
        // "珠海 1 宗 (英国输入)": an item named by its place keeps it; "four from the
        // United States" is counted where the list's frame is.
        const size_t hedge = HedgeStart(view, count.quantity);
        const bool own_place = std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
          return ref.span.end == hedge && ref.role != PlaceRole::kOrigin;
        });
        if (!own_place && !found.empty() && found.back().place) event.place = found.back().place;
      }
      // "14 imported cases, 5 in X": the items are of the frame's kind; "广州3例（来自英国）":
      // an item of imported cases says where its own came from.
      if (!event.imported && frame_imported) {
        event.imported = frame_imported;
        if (*event.imported && !event.origin) {
          const std::vector<Place> route = TravelledFrom(view, Owner{&ownership, c});
          if (!route.empty()) event.origin = route.front();
        }
      }
    } else {
      // "缅甸输入21例、老挝输入4例": the first of a list of origins with their figures has
      // its own as well.
      if (!event.origin && event.imported != false) {
        if (const PlaceRef* origin = ItemOrigin(view, count.quantity)) {
          event.origin = origin->place;
          event.imported = true;
        }
      }
      frame_imported = event.imported;
    }
    // "Six were acquired overseas, including four in Vietnam": an imported part or item in
    // another country than its whole's was caught there, and is counted where the whole is.
    const Event* whole =
        part ? companion
             : (reading.path == CountPath::kListItem && !found.empty() ? &found.back() : nullptr);
    if (whole != nullptr && whole->imported == true && event.imported == true && !event.origin &&
        event.place && whole->place && !event.place->country.empty() &&
        event.place->country != whole->place->country) {
      event.origin = event.place;
      event.place = whole->place;
    }
    // "7 imported cases, all from Russia: 3 in Harbin and 4 in Mudanjiang": the parts of a
    // whole that came from one place came from there.
    // (Of a list's item, the count that frames the list.)
    const Event* framing = part ? companion
                                : (reading.path == CountPath::kListItem && reading.frame >= 0 &&
                                           static_cast<size_t>(reading.frame) < c &&
                                           event_of[static_cast<size_t>(reading.frame)]
                                       ? &found[*event_of[static_cast<size_t>(reading.frame)]]
                                       : nullptr);
    if (framing != nullptr && framing->imported == true && framing->origin &&
        event.imported == true && !event.origin) {
      event.origin = framing->origin;
      event.route = framing->route;
      event.modes = framing->modes;
    }
    event.evidence = EvidenceOf(text, view.sentence);
    // A count read twice is one; "3 from the United Kingdom ... and 3 from the United
    // States" are two.
    const auto repeat = std::find_if(found.begin(), found.end(), [&](const Event& e) {
      return e.count == event.count && e.status == event.status && e.host == event.host &&
             e.place.has_value() == event.place.has_value() &&
             (!e.place || e.place->SameAs(*event.place)) &&
             !(e.origin && event.origin && e.origin->country != event.origin->country);
    });
    // "the 12th case", "Macau's 12th case": one new case, and a running total of 12
    // ("a ninth person died" says only that one more died).
    // "A ninth person died": the ninth of a group, not of the outbreak.
    const bool of_a_group = count.reading.path == CountPath::kSingle &&
                            view.terms[reading.head].length > 0 &&
                            view.terms[reading.head].term.role == TermRole::kPerson;
    const auto running_total = [&] {
      Event total = event;
      total.count = count.ordinal;
      total.aggregation = Aggregation::kCumulative;
      total.period = PeriodFor(view, date, total.aggregation, context.published);
      // "Pakistan has reported its sixth polio case of the year, a boy from Bannu
      // district": the total is its owner's, wherever the one more is.
      const size_t hedge = HedgeStart(view, count.quantity);
      for (const Candidate& owner : candidates) {
        if (owner.possessive && owner.span.end == hedge && owner.place) total.place = owner.place;
      }
      return total;
    };
    if (repeat != found.end()) {
      // "Un cas ... chez un enfant de retour d'un séjour au Maroc": the person is the case,
      // and where they came from is its.
      FillFrom(event, *repeat);
      // ("A farm worker in Texas tested positive, making him the second human case": the
      // person is the one more, and the ordinal brings the total.)
      const size_t at = static_cast<size_t>(repeat - found.begin());
      bool a_person = false;
      for (size_t o = 0; o < c && !a_person; ++o) {
        a_person = event_of[o] == at && IsPersonOfOne(view, counts[o]);
      }
      if (count.ordinal > 1 && !of_a_group && a_person) {
        repeat->aggregation = Aggregation::kNew;
        found.push_back(running_total());
      }
      continue;
    }
    // "its first case", "su primer caso", "первый случай": news, in any tense.
    if (count.ordinal == 1 && !of_a_group && event.aggregation != Aggregation::kNew) {
      event.aggregation = Aggregation::kNew;
      event.period = PeriodFor(view, date, event.aggregation, context.published);
    }
    if (count.ordinal > 1 && !of_a_group) {
      found.push_back(running_total());
      event.aggregation = Aggregation::kNew;
      // The one more is the person the sentence counts, where they are.
      bool person_counted = false;
      for (size_t o = 0; o < counts.size(); ++o) {
        if (o == c || !IsPersonOfOne(view, counts[o]) ||
            counts[o].reading.status != reading.status) {
          continue;
        }
        person_counted = true;
        if (event_of[o]) {
          Event& person = found[*event_of[o]];
          person.aggregation = Aggregation::kNew;
          person.period = event.period;
        }
      }
      if (person_counted) continue;
    }
    // "four cases in X, Y and Z, respectively", "英国、法国各输入 2 宗": the count holds for
    // every place of the list its place (or origin) stands in.
    std::vector<Event> shares = Distribute(view, counts, c, event, lexicon);
    // "Of this year's 14 cases, 11 were acquired overseas": a frame that repeats a figure
    // the text gave before, of the same status, is no news of its own.
    // "All three cases had arrived from Thailand": so is one after "all".
    const size_t start = HedgeStart(view, count.quantity);
    const auto given_before = [&] {
      return std::any_of(out.begin(), out.end(), [&](const Event& e) {
        return e.type == EventType::kCases && e.count == event.count && e.status == event.status &&
               e.disease == event.disease;
      });
    };
    const bool frame = c == 0 && counts.size() > 1 && start <= 5 && view.Is(0, kGrOf | kGrPart) &&
                       spans[c].second < view.tokens.size() &&
                       view.tokens[spans[c].second].lower == ",";
    const bool after_all = start > 0 && view.Is(start - 1, kGrAll);
    if ((frame || after_all) && given_before()) repeated.push_back(found.size());
    event_of[c] = found.size();
    found.push_back(std::move(event));
    for (Event& share : shares) found.push_back(std::move(share));
  }
  // "Nine new cases were confirmed: six in Lagos, two in Abuja and one in Kano": a count
  // broken down after a colon into items in different places of one country, read where
  // its first item is, is the region's they share, else the country's.
  for (size_t c = 0; c + 2 < counts.size(); ++c) {
    if (!event_of[c] || !found[*event_of[c]].place ||
        counts[c].reading.path == CountPath::kListItem) {
      continue;
    }
    const size_t whole_end = std::max(counts[c].quantity.span.end, counts[c].reading.phrase_end);
    const size_t first_item = HedgeStart(view, counts[c + 1].quantity);
    bool colon = false;
    for (size_t k = whole_end; k < first_item && k < view.tokens.size(); ++k) {
      colon = colon || view.tokens[k].lower == ":";
    }
    if (!colon) continue;
    std::vector<const Place*> items;
    for (size_t d = c + 1; d < counts.size() && counts[d].reading.path == CountPath::kListItem;
         ++d) {
      if (event_of[d] && found[*event_of[d]].place) items.push_back(&*found[*event_of[d]].place);
    }
    if (items.size() < 2) continue;
    const Place& first = *items.front();
    Event& whole = found[*event_of[c]];
    const bool one_country = std::all_of(items.begin(), items.end(), [&](const Place* p) {
      return !p->country.empty() && p->country == first.country;
    });
    const bool several =
        std::any_of(items.begin(), items.end(), [&](const Place* p) { return !p->SameAs(first); });
    // (Not a region that holds them all: "in Lagos State: six in Ikeja and three in Lekki".)
    const bool holds_all = whole.place->level == PlaceLevel::kSubdivision &&
                           std::all_of(items.begin(), items.end(), [&](const Place* p) {
                             return p->subdivision == whole.place->subdivision;
                           });
    if (!one_country || !several || holds_all || !whole.place->SameAs(first)) continue;
    const bool one_region = std::all_of(items.begin(), items.end(), [&](const Place* p) {
      return !p->subdivision.empty() && p->subdivision == first.subdivision &&
             p->level != PlaceLevel::kSubdivision;
    });
    std::optional<Place> shared =
        one_region ? gazetteer.Subdivision(first.subdivision) : gazetteer.Country(first.country);
    if (shared) whole.place = std::move(shared);
  }
  for (size_t e = 0; e < found.size(); ++e) {
    if (std::find(repeated.begin(), repeated.end(), e) == repeated.end()) {
      out.push_back(std::move(found[e]));
    }
  }
}

}  // namespace epiwire::events
