// SPDX-License-Identifier: MIT
// Count phrases (see counts.h for the grammar they follow).
#include "epiwire/events/counts.h"

#include <algorithm>

#include "epiwire/base/one_of.h"

namespace epiwire::events {
namespace {

bool IsQuote(const text::Token& t) { return t.lower == "\"" || t.lower == "'"; }

bool IsOpeningBracket(std::string_view w) { return w == "(" || w == "\uff08"; }
bool IsClosingBracket(std::string_view w) { return w == ")" || w == "\uff09"; }

// Which quantity (index) starts at each token, or -1.
std::vector<int> QuantityStarts(const SentenceView& view) {
  std::vector<int> starts(view.tokens.size(), -1);
  for (size_t q = 0; q < view.quantities.size(); ++q) {
    const size_t at = HedgeStart(view, view.quantities[q]);
    if (at < starts.size()) starts[at] = static_cast<int>(q);
    if (view.quantities[q].span.begin < starts.size()) {
      starts[view.quantities[q].span.begin] = static_cast<int>(q);
    }
  }
  return starts;
}

struct Scan {
  const SentenceView& view;
  const std::vector<int>& quantity_at;
  const Lexicon& lexicon;
};

// The reading of count `before` for another number of the sentence, counted as it is:
// read by `path` on the tokens [head, phrase_end), and framed by no list.
CountReading LikeBefore(const CountReading& before, CountPath path, size_t head,
                        size_t phrase_end) {
  CountReading reading = before;
  reading.path = path;
  reading.head = head;
  reading.phrase_end = phrase_end;
  reading.frame = -1;
  return reading;
}

// Is the verb or participle at i an adjective of the noun after it ("infected cows",
// "the infected area", "50 dead chickens")?
bool BeforeANoun(const SentenceView& view, size_t i) {
  const size_t next = i + std::max<size_t>(view.terms[i].length, 1);
  for (size_t k = next; k < view.tokens.size() && k < next + 3; ++k) {
    const TermAt& term = view.terms[k];
    if (term.length > 0) {
      return term.term.role == TermRole::kNoun || term.term.role == TermRole::kPerson ||
             term.term.role == TermRole::kAnimal || term.term.role == TermRole::kThing;
    }
    if (!view.tokens[k].is_word || view.grammar[k] != 0) return false;
  }
  return false;
}

// A status verb (or a verb that says "no case") after `from`, in the same clause,
// across a relative clause ("72 pilgrims who had returned from Iran through the border
// crossing had tested positive"). Another count, or a new reporting verb, ends the
// search; a participle right after the noun ("1,382 patients recovered") or after an
// auxiliary ("were hospitalized") counts as a verb; "may have died" says nothing.
bool IsExcludedNumber(const SentenceView& view, const QuantityRef& q);

// Whether the comma at token `i` opens a description of what was counted: ", all
// unvaccinated,", ", both too young to be vaccinated,", ", a man in his 70s,".
bool OpensDescription(const SentenceView& view, size_t i) {
  const auto& tokens = view.tokens;
  if (i + 2 >= tokens.size() || tokens[i].lower != ",") return false;
  return view.Is(i + 1, kGrAll | kGrArticle) && tokens[i + 2].is_word &&
         view.quantities.end() ==
             std::find_if(view.quantities.begin(), view.quantities.end(),
                          [&](const QuantityRef& q) { return q.span.begin == i + 1; });
}

// Whether the comma at `i` opens a clause that tells where the counted came from, closed
// by a comma before the verb the count takes, and with no figure or case word of its
// own: "Five citizens, who returned home on January 3, tested positive", "У двух
// человек, прибывших из Италии, подтвержден коронавирус", "Cinq personnes, arrivées
// d'Espagne lundi, ont été testées positives". The index of the closing comma, or 0. ("A
// girl, who later died, ..." is no such clause: its verb is the count's.)
size_t TravellersClauseEnd(const SentenceView& view, size_t i) {
  const auto& tokens = view.tokens;
  if (i + 2 >= tokens.size() || tokens[i].lower != ",") return 0;
  if (!view.Is(i + 1, kGrRelative) && !(view.cues[i + 1] & (kCueImported | kCueTravel))) return 0;
  bool travel = false;
  for (size_t k = i + 1; k < tokens.size() && k < i + 16; ++k) {
    const std::string_view word = tokens[k].lower;
    if (word == ",") return travel && k + 1 < tokens.size() ? k : 0;
    // (A word of a status inside the travel phrase is the phrase's: "who returned home";
    // a thing's is no status: "la semana pasada".)
    const bool term =
        view.terms[k].length > 0 && view.terms[k].term.status && !(view.cues[k] & kCueImported);
    if (word == ";" || word == ":" || term || !view.disease[k].empty() || view.Is(k, kGrNumber) ||
        (tokens[k].has_digit && !view.InDate(k))) {
      return 0;
    }
    travel = travel || (view.cues[k] & (kCueImported | kCueTravel));
  }
  return 0;
}

// Whether the number at `start` is the whole of a part counted before it: "2,600 of the
// farm's 31,000 turkeys", "18 of the 30 patients".
bool WholeOfAPart(const Scan& scan, size_t start) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  size_t k = start;
  while (k > 0 && (view.Is(k - 1, kGrDeterminer) || tokens[k - 1].lower == "'s" ||
                   (k > 1 && tokens[k - 1].is_word && tokens[k].lower == "'s"))) {
    --k;
  }
  if (k < 2 || !view.Is(k - 1, kGrOf) || scan.quantity_at[k - 2] < 0) return false;
  // (Not a hedge of the number itself: "Upwards of 200 people".)
  const int own = scan.quantity_at[start];
  return own >= 0 && scan.quantity_at[k - 2] != own &&
         HedgeStart(view, view.quantities[static_cast<size_t>(own)]) >= k;
}

// Whether a date starts at token `at` ("infected 28,000 since January").
bool StartsDate(const SentenceView& view, size_t at) {
  const auto& dates = view.Dates();
  return std::any_of(dates.begin(), dates.end(),
                     [&](const DateRef& date) { return date.span.begin == at; });
}

// Whether a count (its hedge included: "more than 28,000") starts at token `at`.
bool TakesCountAfter(const Scan& scan, size_t at) {
  const SentenceView& view = scan.view;
  for (const QuantityRef& q : view.quantities) {
    if (q.span.begin >= at && q.span.begin <= at + 3 && HedgeStart(view, q) == at &&
        !IsExcludedNumber(view, q)) {
      return true;
    }
  }
  return false;
}

// A verb of status right after token `from`, only auxiliaries between ("have been
// confirmed", "died"), that says what became of the counted: its term, at `*at`; else null.
const TermAt* StatusVerbRightAfter(const SentenceView& view, size_t from, size_t* at) {
  for (size_t v = from; v < view.tokens.size() && v < from + 4; ++v) {
    const TermAt& verb = view.terms[v];
    if (verb.length > 0 && verb.term.role == TermRole::kVerb && verb.term.status) {
      *at = v;
      return &verb;
    }
    if (!view.Is(v, kGrAuxiliary)) break;
  }
  return nullptr;
}

// Whether the number starting at `start` follows a relative pronoun and a verb of no
// case, the words of its clause before it: "who treated three patients", "that attacked
// two dogs", "who had contact with five relatives".
bool ObjectOfARelativeClause(const SentenceView& view, size_t start) {
  bool verb = false;
  for (size_t k = start; k-- > 0 && k + 5 > start;) {
    if (view.Is(k, kGrRelative)) return verb;
    const text::Token& t = view.tokens[k];
    if (!t.is_word || t.has_digit || view.terms[k].length > 0 || view.cues[k] != 0 ||
        view.PlaceAt(k) != nullptr) {
      return false;
    }
    verb = verb || view.grammar[k] == 0;
  }
  return false;
}

std::optional<TermAt> VerbAfter(const Scan& scan, size_t from, size_t window, size_t* at) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  int clause = from < tokens.size() ? view.clause[from] : 0;
  bool after_qualifier = false;
  for (size_t i = from; i < tokens.size() && i < from + window; ++i) {
    // "a girl from Prey Veng, who later died": a relative clause tells of the counted.
    if (view.clause[i] != clause && view.Is(i, kGrRelative)) clause = view.clause[i];
    // "Two more people, including a nine-year-old boy, have tested positive": a part set
    // off by commas stands outside the clause it interrupts.
    // ", and the rest were culled": a conjunct with a subject of its own.
    if (tokens[i].lower == "," && i + 1 < tokens.size() && view.Is(i + 1, kGrCoordination) &&
        i + 2 < tokens.size() && view.Is(i + 2, kGrDeterminer | kGrPronoun)) {
      break;
    }
    // ("killed 3,200 birds and the rest of the flock was culled": so is one on the rest.)
    if (view.Is(i, kGrCoordination)) {
      size_t k = i + 1;
      while (k < tokens.size() && k < i + 3 && view.Is(k, kGrDeterminer)) ++k;
      if (k < tokens.size() && scan.lexicon.IsRemainderWord(tokens[k].lower)) break;
    }
    // So does one that tells where the counted came from ("Five citizens, who returned
    // home on January 3, tested positive"),
    if (const size_t end = TravellersClauseEnd(view, i); end > 0) {
      i = end;
      clause = view.clause[end + 1];
      continue;
    }
    // one on "most of them", "among them", or one that describes them ("Three children,
    // all unvaccinated, have died", "A fourth person, a man in his 70s, died").
    if (OpensAside(view, i) || OpensDescription(view, i)) {
      size_t close = i + 2;
      while (close < tokens.size() && close < i + 12 && tokens[close].lower != "," &&
             tokens[close].lower != ";" && tokens[close].lower != ":") {
        ++close;
      }
      if (close + 1 < tokens.size() && tokens[close].lower == ",") {
        i = close;
        clause = view.clause[close + 1];
        continue;
      }
    }
    // "a patient in Dallas, Texas, has been diagnosed": the place that says where the
    // one before it is stands between commas, in no clause of its own.
    if (i > from && view.clause[i] != clause && tokens[i].lower != ",") {
      const PlaceRef* place = view.PlaceAt(i);
      if (place != nullptr && place->qualifier && place->span.begin == i) {
        clause = view.clause[i];
        after_qualifier = true;
        i = place->span.end - 1;
        continue;
      }
      // "20 cats in California, Colorado and other states have died": a list of places
      // goes on past its commas.
      const bool listed = i > 1 && tokens[i - 1].lower == "," && view.PlaceAt(i - 2) != nullptr &&
                          view.PlaceAt(i) != nullptr;
      if (listed) {
        clause = view.clause[i];
        continue;
      }
      if (!after_qualifier) break;
      clause = view.clause[i];
    }
    after_qualifier = after_qualifier && tokens[i].lower == ",";
    // Another count ends the search; an age or a duration ("aged 80", "âgé de 80 ans")
    // does not, nor the object of a relative clause of the counted ("a nurse who treated
    // three patients tested positive").
    if (scan.quantity_at[i] >= 0 && !(i > 0 && view.Is(i - 1, kGrLocative)) &&
        !IsExcludedNumber(view, view.quantities[static_cast<size_t>(scan.quantity_at[i])]) &&
        !(i > from && ObjectOfARelativeClause(view, i))) {
      break;
    }
    if (i > from && view.Is(i, kGrReport)) break;
    // "vaccinated 12,000 dogs since a boy died of rabies": a clause with a subject of its
    // own tells of that subject.
    if (view.Is(i, kGrSince) && i + 1 < tokens.size() &&
        view.Is(i + 1, kGrArticle | kGrDeterminer)) {
      break;
    }
    TermAt term = view.terms[i];
    if (term.length == 0) continue;
    // "patients recovered", "have recovered", "patients in Lagos recovered on Monday"; a
    // word of time may stand after the auxiliary ("have so far recovered").
    size_t before_verb = i - 1;
    while (before_verb > from && (view.cues[before_verb] & (kCueNew | kCueCumulative)) &&
           view.terms[before_verb].length == 0) {
      --before_verb;
    }
    const bool participle = term.term.role == TermRole::kModifier && term.term.status &&
                            (i == from || view.Is(before_verb, kGrAuxiliary) ||
                             (view.PlaceAt(i - 1) != nullptr && !BeforeANoun(view, i)));
    if (participle) term.term.role = TermRole::kVerb;
    // "у 15 коров выявили бешенство": a verb of finding right after the counted, the
    // disease found after it (no number of its own), tells what they had.
    // (A place may stand between: "у 3 детей в Казани выявили корь".)
    const size_t found_what = i + term.length;
    bool right_after = true;
    // (Or a clause of where they came from: "у двух человек, прибывших из Италии,
    // выявлен коронавирус".)
    for (size_t k = from; k < i && right_after; ++k) {
      if (const size_t end = TravellersClauseEnd(view, k); end > 0 && end < i) {
        k = end;
        continue;
      }
      right_after = view.Is(k, kGrLocative) || view.PlaceAt(k) != nullptr;
    }
    if (term.term.role == TermRole::kKillVerb && right_after && term.term.status &&
        found_what < tokens.size() && !view.disease[found_what].empty()) {
      term.term.role = TermRole::kVerb;
    }
    if (term.term.role != TermRole::kVerb && term.term.role != TermRole::kNegVerb) continue;
    if (term.term.role == TermRole::kVerb && BeforeANoun(view, i)) continue;
    // "5 people who slaughtered a sick cow were hospitalized": what the counted did, in the
    // active right after "who", is no fate of theirs ("birds that were culled" is).
    if (term.term.role == TermRole::kNegVerb && !term.term.denies && i > from &&
        view.Is(i - 1, kGrRelative)) {
      continue;
    }
    // "people who came in contact with the infected": after an article, a participle is
    // a noun, the people it names, not what happened to those counted (not after "that"
    // of a relative clause: "95 seals that died of H5N1").
    if (i > from && view.Is(i - 1, kGrDeterminer | kGrArticle) && !view.Is(i - 1, kGrRelative)) {
      continue;
    }
    // "has killed 41 people and infected 28,000": a verb with a count of its own after
    // it tells of that count.
    if (TakesCountAfter(scan, i + term.length)) break;
    // "the first wild animal in the state to die from anthrax": an infinitive tells of
    // no one counted.
    if (i > from && tokens[i - 1].lower == "to" && term.term.role == TermRole::kVerb) continue;
    *at = i;
    // "were admitted to intensive care", "internados en la UCI": where they were taken in
    // says more than that they were.
    if (term.term.status == CaseStatus::kHospitalized) {
      for (size_t k = i + term.length; k < tokens.size() && k < i + term.length + 2; ++k) {
        const TermAt& next = view.terms[k];
        if (next.length > 0 && next.term.status == CaseStatus::kCritical &&
            next.term.role == TermRole::kVerb) {
          term.term.status = CaseStatus::kCritical;
          break;
        }
      }
    }
    // "may have died", "might be infected": a guess, not a count.
    for (size_t k = i; k-- > from && k + 4 > i;) {
      if (view.cues[k] & kCueModal) {
        term.term.role = TermRole::kNegVerb;
      }
    }
    return term;
  }
  return std::nullopt;
}

// Where the object of a verb before "in" ends the run back from `end`: "confirmed
// measles in", "found the virus in" (a disease's name, or "the virus", then "in"), or
// `end` when there is none.
size_t BeforeObjectIn(const SentenceView& view, size_t end) {
  if (end < 2 || !view.Is(end - 1, kGrLocative)) return end;
  const size_t in = end - 1;
  for (size_t d = in; d-- > 0 && in - d <= 4;) {
    // ("se confirmó la fiebre aftosa en": an article may stand before the disease, and
    // "an outbreak of" as well: "se confirmó un brote de fiebre aftosa en".)
    if (!view.disease[d].empty() && d + view.disease_length[d] == in) {
      if (d >= 2 && view.Is(d - 1, kGrOf) && (view.cues[d - 2] & kCueOutbreak)) d -= 2;
      return d > 0 && view.Is(d - 1, kGrDeterminer) ? d - 1 : d;
    }
  }
  if (!(view.cues[in - 1] & kCueOutbreak)) return end;
  size_t k = in - 1;
  if (k > 0 && view.Is(k - 1, kGrDeterminer)) --k;
  return k;
}

// The first term, up to four tokens back, that ends right where a count starts (or
// before a cue of new cases and a preposition: "выявили ещё у двух"; or before its
// object and "in": "confirmed measles in 40 children") and that `take` reads as a verb
// (nullopt: not one).
template <typename Take>
std::optional<TermAt> VerbEndingAt(const SentenceView& view, size_t start, size_t* at, Take take,
                                   bool over_being = false) {
  size_t verb_end = start;
  while (verb_end > 0 && start - verb_end < 2 &&
         ((view.cues[verb_end - 1] & kCueNew) || view.Is(verb_end - 1, kGrFunction)) &&
         view.terms[verb_end - 1].length == 0) {
    --verb_end;
  }
  // ("в стационарах находятся 410 человек": a verb of being right before the number,
  // after a status verb.)
  if (over_being && verb_end == start && start > 0 && view.Is(start - 1, kGrAuxiliary) &&
      view.terms[start - 1].length == 0) {
    --verb_end;
  }
  bool object_in = false;
  if (verb_end == start) {
    verb_end = BeforeObjectIn(view, start);
    object_in = verb_end != start;
  }
  for (size_t back = 1; back <= 4 && back <= verb_end; ++back) {
    const size_t k = verb_end - back;
    TermAt term = view.terms[k];
    if (term.length == 0 || (k + term.length != start && k + term.length != verb_end)) continue;
    // "confirmed measles in 40 children": before an object, a participle's status is
    // the verb's.
    if (object_in && term.term.role == TermRole::kModifier && term.term.status) {
      term.term.role = TermRole::kVerb;
      term.term.kill_status = term.term.status;
    }
    if (std::optional<TermAt> verb = take(term)) {
      *at = k;
      return verb;
    }
  }
  return std::nullopt;
}

// A verb that ends right where the count starts: "killing 5", "found in 12 people".
std::optional<TermAt> KillVerbBefore(const SentenceView& view, size_t start, size_t* at) {
  return VerbEndingAt(view, start, at, [](TermAt term) -> std::optional<TermAt> {
    if (term.term.role != TermRole::kKillVerb) {
      if (!term.term.kill_status) return std::nullopt;
      term.term.role = TermRole::kKillVerb;
      term.term.status = term.term.kill_status;
    }
    return term;
  });
}

// A status verb before the people it tells of: "han fallecido 1.062 personas".
std::optional<TermAt> StatusVerbBefore(const SentenceView& view, size_t start, size_t* at) {
  return VerbEndingAt(
      view, start, at,
      [](const TermAt& term) -> std::optional<TermAt> {
        if (term.term.role != TermRole::kVerb || !term.term.status) return std::nullopt;
        return term;
      },
      true);
}

// The noun phrase after a number: its head decides what is counted. `needs_status`
// is set when the head is people or animals and nothing in the phrase or after it
// says what happened to them.
std::optional<CountReading> ReadForward(const Scan& scan, size_t number_start, size_t after,
                                        bool* blocked, bool* needs_status, int depth = 0) {
  const size_t number_end = after;
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  std::optional<CaseStatus> modifier;
  size_t modifier_at = 0;
  // "21 equine cases", "two pig deaths": the animals named before a noun of cases.
  std::optional<Host> animals;
  int generic = 0;
  // Nine steps at most: a word, a disease's name, or a run of cue words is one ("3例境外
  // 输入性新冠肺炎确诊病例": Chinese is read a character a token).
  for (size_t i = after, steps = 0; i < tokens.size() && steps < 9; ++steps) {
    const text::Token& t = tokens[i];
    if (IsQuote(t)) {
      ++i;
      continue;
    }
    // "из них 64 — в реанимации": a dash stands for the verb left out before a status.
    if (i == after && IsDash(t.lower) && i + 1 < tokens.size() && view.terms[i + 1].length > 0 &&
        view.terms[i + 1].term.role == TermRole::kVerb && view.terms[i + 1].term.status) {
      CountReading reading;
      reading.status = *view.terms[i + 1].term.status;
      reading.head = i + 1;
      reading.phrase_end = i + 1 + view.terms[i + 1].length;
      reading.path = CountPath::kVerb;
      return reading;
    }
    // "84 名 确诊 病例": a measure word after the number; "6 例 为 输入 病例": and a verb of
    // state after it.
    if (i == after && view.Is(i, kGrClassifier)) {
      ++i;
      ++after;
      if (i < tokens.size() && view.Is(i, kGrState)) {
        ++i;
        ++after;
      }
      continue;
    }
    // "2,3 millones de casos", "2 millions de cas": a scale word takes "de" before its noun.
    // "une dizaine de nouveaux cas", "un centenar de nuevos casos": cue words may stand
    // between.
    size_t noun_at = i + 1;
    while (noun_at < tokens.size() && noun_at < i + 3 && view.terms[noun_at].length == 0 &&
           (view.cues[noun_at] & (kCueNew | kCueImported | kCueLocal))) {
      ++noun_at;
    }
    if (i == after && view.Is(i, kGrOf) && after > number_start && tokens[after - 1].is_word &&
        !tokens[after - 1].has_digit && noun_at < tokens.size() && view.terms[noun_at].length > 0) {
      ++i;
      ++after;
      continue;
    }
    // "277 (2.9%) were laboratory confirmed": a share in brackets.
    if (t.lower == "(" && i == after) {
      size_t close = i + 1;
      while (close < tokens.size() && close < i + 8 && tokens[close].lower != ")") ++close;
      if (close < tokens.size() && tokens[close].lower == ")") {
        i = close + 1;
        after = i;
        continue;
      }
    }
    const TermAt& term = view.terms[i];
    if (term.length > 0) {
      const CaseTerm& ct = term.term;
      CountReading reading;
      reading.head = i;
      reading.phrase_end = i + term.length;
      switch (ct.role) {
        case TermRole::kNoun: {
          // "700 погибших лебедей", "12 заболевших детей": a noun of status right before
          // the animals or people it tells of is their adjective.
          const size_t of_whom = i + term.length;
          if (of_whom < tokens.size() && view.terms[of_whom].length > 0 &&
              (view.terms[of_whom].term.role == TermRole::kAnimal ||
               view.terms[of_whom].term.role == TermRole::kPerson) &&
              ct.status) {
            if (!modifier) {
              modifier = ct.status;
              modifier_at = i;
            }
            i = of_whom;
            continue;
          }
          // "3 cases ... because they turned out negative": no cases after all. (Not deaths:
          // "one death, a child who was not vaccinated" tells of the dead; nor what befell
          // the cases: "three new cases, all citizens who were quarantined upon arrival".)
          const size_t undone_until = ct.status == CaseStatus::kDeaths ? 0 : i + term.length + 12;
          for (size_t k = i + term.length; k < tokens.size() && k < undone_until; ++k) {
            if (tokens[k].lower == ";" || tokens[k].lower == "." || scan.quantity_at[k] >= 0) break;
            // ("three new imported cases, all of whom were quarantined on arrival": what
            // befell the cases, not a denial of them.)
            if (OpensAside(view, k)) break;
            // "..., after floods destroyed water systems": a clause with a subject of its own.
            if (view.Is(k, kGrSubordinate) && k + 1 < tokens.size() &&
                !view.Is(k + 1, kGrPronoun)) {
              break;
            }
            if (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kNegVerb &&
                view.terms[k].term.denies) {
              *blocked = true;
              return std::nullopt;
            }
          }
          reading.status = modifier.value_or(*ct.status);
          if (ct.status == CaseStatus::kDeaths) reading.status = CaseStatus::kDeaths;
          if (animals) reading.host = *animals;
          reading.noun_is_case_word = scan.lexicon.IsCaseWord(t.lower);
          // "cas confirmés", "casos sospechosos": a status word right after the noun (or
          // after the disease's name that follows it: "120 случаев КВИ без симптомов").
          if (!modifier && ct.status != CaseStatus::kDeaths) {
            size_t next = i + term.length;
            const size_t named = next + 1 < tokens.size() && view.Is(next, kGrOf) ? next + 1 : next;
            const bool past_name = named < tokens.size() && !view.disease[named].empty();
            if (past_name) next = named + view.disease_length[named];
            // (After the name, a phrase of people's state as well: "без симптомов".)
            if (next < tokens.size() && view.terms[next].length > 0 &&
                (view.terms[next].term.role == TermRole::kModifier ||
                 (past_name && view.terms[next].term.role == TermRole::kVerb)) &&
                view.terms[next].term.status) {
              reading.status = *view.terms[next].term.status;
              reading.phrase_end = next + view.terms[next].length;
            }
          }
          // "casos de rabia canina", and without an "of", "38 случаев бешенства животных":
          // the animals' word right after the disease's name.
          const auto animals_after_name = [&](size_t disease_at) {
            const size_t after_name = disease_at + view.disease_length[disease_at];
            if (after_name < tokens.size() && view.terms[after_name].length > 0 &&
                view.terms[after_name].term.role == TermRole::kAnimal &&
                view.terms[after_name].term.host) {
              reading.host = *view.terms[after_name].term.host;
            }
          };
          const size_t named = i + term.length;
          if (named < tokens.size() && !view.Is(named, kGrOf) && !view.disease[named].empty()) {
            animals_after_name(named);
          }
          // "cases of dog bites" counts bites ("120 cas de fraude" frauds); "cases of
          // suspected measles" are suspected.
          size_t k = i + term.length;
          if (k < tokens.size() && view.Is(k, kGrOf)) {
            for (++k; k < tokens.size() && k < i + term.length + 4; ++k) {
              const TermAt& inner = view.terms[k];
              // ("cases among passengers on flight 751": the people are what it is of.)
              if (inner.length > 0 &&
                  (inner.term.role == TermRole::kPerson || inner.term.role == TermRole::kAnimal)) {
                break;
              }
              if (inner.length > 0 && inner.term.role == TermRole::kThing) {
                *blocked = true;
                return std::nullopt;
              }
              // ("deaths of confirmed patients" are deaths.)
              if (inner.length > 0 && inner.term.role == TermRole::kModifier && inner.term.status &&
                  !modifier && ct.status != CaseStatus::kDeaths) {
                reading.status = *inner.term.status;
              }
              if (!view.disease[k].empty()) {
                // "casos de dengue grave", "cas de dengue sévère": a status word after the
                // disease's name; "casos de rabia canina": the animals' adjective.
                const size_t after_name = k + view.disease_length[k];
                animals_after_name(k);
                if (!modifier && after_name < tokens.size()) {
                  const TermAt& next = view.terms[after_name];
                  if (next.length > 0 && next.term.role == TermRole::kModifier &&
                      next.term.status) {
                    reading.status = *next.term.status;
                  }
                }
                break;
              }
            }
          }
          // "Fourteen more cases have been discharged", "two cases died", "двое заболевших
          // скончались", "Two confirmed cases are in treatment": what became of the cases, or
          // of the sick, is their status.
          // ("Two cases of Marburg died": past the disease's name.)
          size_t after_noun = reading.phrase_end;
          if (after_noun + 1 < tokens.size() && view.Is(after_noun, kGrOf) &&
              !view.disease[after_noun + 1].empty()) {
            after_noun += 1 + view.disease_length[after_noun + 1];
          }
          size_t verb_at = 0;
          const TermAt* became = (!modifier || *modifier == CaseStatus::kConfirmed) &&
                                         reading.status == CaseStatus::kConfirmed
                                     ? StatusVerbRightAfter(view, after_noun, &verb_at)
                                     : nullptr;
          if (became != nullptr && (*became->term.status == CaseStatus::kRecovered ||
                                    *became->term.status == CaseStatus::kDeaths ||
                                    *became->term.status == CaseStatus::kHospitalized ||
                                    *became->term.status == CaseStatus::kCritical)) {
            reading.status = *became->term.status;
            reading.phrase_end = verb_at + became->length;
          }
          return reading;
        }
        case TermRole::kPerson:
        case TermRole::kAnimal: {
          // ("12 bovine tuberculosis cases": a disease's name may stand between.)
          size_t noun = i + term.length;
          while (noun < tokens.size() && view.terms[noun].length == 0 &&
                 !view.disease[noun].empty()) {
            noun += view.disease_length[noun];
          }
          if (ct.role == TermRole::kAnimal && !animals && noun < tokens.size() &&
              view.terms[noun].length > 0 && view.terms[noun].term.role == TermRole::kNoun &&
              view.terms[noun].term.status) {
            animals = ct.host;
            i = noun;
            continue;
          }
          size_t verb_at = 0;
          // "2,600 of the farm's 31,000 turkeys died": the verb tells of the part, not
          // of the whole.
          const auto verb = depth == 0 && WholeOfAPart(scan, number_start)
                                ? std::nullopt
                                : VerbAfter(scan, i + term.length, 18, &verb_at);
          if (verb && verb->term.role == TermRole::kNegVerb) {
            *blocked = true;
            return std::nullopt;
          }
          reading.host = ct.role == TermRole::kAnimal ? *ct.host : Host::kHuman;
          if (verb) {
            reading.status = *verb->term.status;
            reading.path = CountPath::kVerb;
            reading.phrase_end = std::max(reading.phrase_end, verb_at + verb->length);
            // "have fallen ill with suspected typhoid", "were treated for suspected anthrax"
            // (the verb's own "for"): the illness is only suspected (but "hospitalized with
            // suspected cholera" are hospitalized).
            const size_t end = verb_at + verb->length;
            const auto with_word = [&](size_t k) {
              return tokens[k].lower == "with" || tokens[k].lower == "for";
            };
            const size_t illness = end < tokens.size() && with_word(end) ? end + 1
                                   : with_word(end - 1)                  ? end
                                                                         : 0;
            if (reading.status == CaseStatus::kConfirmed && illness > 0 &&
                illness < tokens.size() && view.terms[illness].length > 0 &&
                view.terms[illness].term.role == TermRole::kModifier &&
                view.terms[illness].term.status) {
              reading.status = *view.terms[illness].term.status;
            }
            // "two deceased patients tested positive", "50 dead swans tested positive": the
            // dead who tested positive are counted as deaths.
            if (modifier == CaseStatus::kDeaths && reading.status == CaseStatus::kConfirmed) {
              reading.status = CaseStatus::kDeaths;
            }
          } else if (modifier) {
            // "found in two dead cats": a verb before the number may still say more.
            reading.status = *modifier;
            *needs_status = true;
            reading.by_modifier = true;
          } else if (ct.status) {
            reading.status = *ct.status;
          } else {
            *needs_status = true;
          }
          return reading;
        }
        case TermRole::kThing:
        case TermRole::kNegVerb:
          *blocked = true;
          return std::nullopt;
        case TermRole::kVerb: {
          // "200 infected cows", "50 dead chickens": a participle before the noun.
          if (BeforeANoun(view, i)) {
            if (!modifier) {
              modifier = ct.status;
              modifier_at = i;
            }
            i += term.length;
            continue;
          }
          // "seven dead", "3 more tested positive", "12 were hospitalized".
          for (size_t k = after; k < i; ++k) {
            if (!view.Is(k, kGrAuxiliary) && !(view.cues[k] & kCueNew) && !IsQuote(tokens[k])) {
              return std::nullopt;
            }
          }
          reading.status = *ct.status;
          reading.path = CountPath::kVerb;
          return reading;
        }
        case TermRole::kModifier:
          if (!modifier) {
            modifier = ct.status;
            modifier_at = i;
          }
          i += term.length;
          continue;
        case TermRole::kTotal: {
          // "una cifra total de contagiados", "un total de": an article, not one.
          if (view.Is(number_start, kGrArticle)) {
            *blocked = true;
            return std::nullopt;
          }
          // "12 total cases", "portent à 14 le nombre total de cas": a running total
          // named after its number, of the cases its noun (or itself) counts.
          reading.path = CountPath::kTotal;
          for (size_t k = i + term.length; k < tokens.size() && k < i + term.length + 4; ++k) {
            const TermAt& noun = view.terms[k];
            // "la cifra total de infectados": a participle stands for the people.
            if (noun.length > 0 && noun.term.status &&
                (noun.term.role == TermRole::kNoun || noun.term.role == TermRole::kVerb)) {
              reading.status = *noun.term.status;
              reading.head = k;
              reading.phrase_end = k + noun.length;
              reading.noun_is_case_word = true;
              return reading;
            }
            if (!view.Is(k, kGrOf | kGrDeterminer) && !(view.cues[k] & kCueCumulative)) break;
          }
          if (ct.status) {
            reading.status = *ct.status;
            return reading;
          }
          break;
        }
        case TermRole::kKillVerb:
          break;
      }
      break;
    }
    if (!view.disease[i].empty()) {
      i += view.disease_length[i];
      continue;
    }
    if (view.cues[i] & (kCueNew | kCueImported | kCueLocal)) {
      do {
        ++i;
      } while (i < tokens.size() && (view.cues[i] & (kCueNew | kCueImported | kCueLocal)) &&
               view.terms[i].length == 0 && view.disease[i].empty());
      continue;
    }
    // "43 confirmed and 20 probable cases", "5 and 3 new cases": the noun is shared
    // (but "between 30 and 40 cases" is one range).
    const bool in_range = number_start > 0 && view.Is(number_start - 1, kGrRange);
    // (After a word of status, only where the number after "and" has one too: "256
    // confirmed and 49 deaths" are no confirmed deaths.)
    const auto parallel = [&] {
      const QuantityRef& next = view.quantities[static_cast<size_t>(scan.quantity_at[i + 1])];
      size_t m = next.span.end;
      while (m < tokens.size() && (view.cues[m] & (kCueNew | kCueImported | kCueLocal)) &&
             view.terms[m].length == 0) {
        ++m;
      }
      return m < tokens.size() && view.terms[m].length > 0 &&
             view.terms[m].term.role == TermRole::kModifier;
    };
    if (view.Is(i, kGrCoordination) && i + 1 < tokens.size() && scan.quantity_at[i + 1] >= 0 &&
        ((modifier && parallel()) || (i == number_end && !in_range))) {
      i += 2;
      continue;
    }
    // "18 of them were infected", "22 of the 25 deaths", "161 of the 667 goats", "321 de
    // ellos en UCI".
    if (view.Is(i, kGrOf) && i == number_end && depth == 0) {
      size_t k = i + 1;
      // ("98 of those cases": a determiner before its noun, read below.)
      const bool determines =
          k + 1 < tokens.size() && view.Is(k, kGrDeterminer) && view.terms[k + 1].length > 0;
      if (k < tokens.size() && view.Is(k, kGrPronoun) && !determines) {
        size_t verb_at = 0;
        auto verb = VerbAfter(scan, k + 1, 8, &verb_at);
        if (verb && verb->term.role == TermRole::kNegVerb) {
          *blocked = true;
          return std::nullopt;
        }
        CountReading reading;
        reading.head = k;
        reading.phrase_end = k + 1;
        reading.path = CountPath::kPartitive;
        if (verb) {
          reading.status = *verb->term.status;
          return reading;
        }
        // "two of them fatally": a status word after them.
        for (size_t m = k + 1; m < tokens.size() && m < k + 3; ++m) {
          const TermAt& after_them = view.terms[m];
          if (after_them.length > 0 && after_them.term.role == TermRole::kModifier &&
              after_them.term.status) {
            reading.status = *after_them.term.status;
            return reading;
          }
          if (!view.Is(m, kGrAuxiliary)) break;
        }
        // "24 of them imported from overseas", "42 of which were imported": cases of
        // the same kind as the total (its status: ReadCounts).
        for (size_t m = k + 1; m < tokens.size() && m < k + 5; ++m) {
          if (view.cues[m] & (kCueImported | kCueLocal)) {
            reading.of_kind_before = true;
            return reading;
          }
          if (!view.Is(m, kGrAuxiliary)) break;
        }
        // "30 cases, 12 of them in students": a part of the count before, if there is
        // one (ReadCounts).
        *needs_status = true;
        return reading;
      }
      // ("the farm's 31,000 turkeys": a possessor's noun is passed as well.)
      while (k < tokens.size() && (view.Is(k, kGrDeterminer) || scan.quantity_at[k] >= 0 ||
                                   tokens[k].has_digit || tokens[k].lower == "'s" ||
                                   (view.PlaceAt(k) != nullptr && view.PlaceAt(k)->possessive) ||
                                   (k + 1 < tokens.size() && tokens[k + 1].lower == "'s"))) {
        ++k;
      }
      // ("12 des nouveaux cas", "два из новых случаев": "of" with the article in it, or in
      // a language without articles, right before the noun's phrase.)
      const auto noun_phrase_after = [&] {
        for (size_t m = k; m < tokens.size() && m < k + 3; ++m) {
          if (view.terms[m].length > 0) {
            const TermRole role = view.terms[m].term.role;
            return role == TermRole::kNoun || role == TermRole::kPerson ||
                   role == TermRole::kAnimal;
          }
          if (!tokens[m].is_word || tokens[m].capitalized || tokens[m].has_digit ||
              view.grammar[m] != 0) {
            return false;
          }
        }
        return false;
      };
      if (k == i + 1 && !noun_phrase_after()) return std::nullopt;
      // "seven of the patients had returned from Dubai": people of the counted, of their
      // kind, as "of them" are.
      const TermAt& noun = view.terms[k];
      if (noun.length > 0 && noun.term.role == TermRole::kPerson) {
        for (size_t m = k + noun.length; m < tokens.size() && m < k + noun.length + 4; ++m) {
          if (view.cues[m] & (kCueImported | kCueLocal)) {
            CountReading reading;
            reading.head = k;
            reading.phrase_end = k + noun.length;
            reading.path = CountPath::kPartitive;
            reading.of_kind_before = true;
            return reading;
          }
          if (!view.Is(m, kGrAuxiliary)) break;
        }
      }
      auto inner = ReadForward(scan, k, k, blocked, needs_status, depth + 1);
      if (inner) {
        inner->path = CountPath::kPartitive;
        // "seven of the confirmed cases have died", "18 of the 30 patients recovered":
        // what happened to the part after its noun phrase; but after a verb before the
        // number ("has killed 2,000 of the 3,000 people infected") that one tells it.
        size_t verb_at = 0;
        const auto verb = VerbAfter(scan, inner->phrase_end, 6, &verb_at);
        const int q = scan.quantity_at[number_start];
        const size_t hedge =
            q >= 0 ? HedgeStart(view, view.quantities[static_cast<size_t>(q)]) : number_start;
        size_t killer_at = 0;
        if (verb && verb->term.role == TermRole::kVerb && verb->term.status &&
            inner->host == Host::kHuman && !KillVerbBefore(view, hedge, &killer_at)) {
          inner->status = *verb->term.status;
          inner->phrase_end = verb_at + verb->length;
          *needs_status = false;
        }
      }
      return inner;
    }
    if (view.Is(i, kGrAuxiliary) && i < after + 3) {
      // "41 are being treated in hospital": a verb after auxiliaries; or a participle
      // ("20 were later hospitalized", "61 are currently hospitalized").
      size_t k = i;
      while (k < tokens.size() && view.Is(k, kGrAuxiliary)) ++k;
      if (k < tokens.size() && view.terms[k].length > 0) {
        const CaseTerm& verb = view.terms[k].term;
        if (verb.role == TermRole::kNegVerb) {
          *blocked = true;
          return std::nullopt;
        }
        // (Not "11 more were identified as contacts": what they were found to be.)
        const size_t end = k + view.terms[k].length;
        const bool ends = end >= tokens.size() || !tokens[end].is_word ||
                          view.Is(end, kGrLocative | kGrCoordination | kGrSince | kGrCompanion) ||
                          StartsDate(view, end);
        const bool participle =
            verb.role == TermRole::kModifier && verb.status && !BeforeANoun(view, k) && ends;
        if (verb.role == TermRole::kVerb || participle) {
          CountReading reading;
          reading.status = *verb.status;
          reading.head = k;
          reading.phrase_end = k + view.terms[k].length;
          reading.path = CountPath::kVerb;
          return reading;
        }
      }
      // "Of the total, 97,216 are confirmed cases", "97.216 son casos confirmados", "dont
      // 120 sont des cas confirmés": the counted named after a verb of being.
      if (k > i && view.Is(k - 1, kGrState)) {
        std::optional<CaseStatus> status_word;
        const size_t noun_from = k < tokens.size() && view.Is(k, kGrDeterminer) ? k + 1 : k;
        for (size_t m = noun_from; m < tokens.size() && m < noun_from + 4; ++m) {
          const TermAt& named = view.terms[m];
          if (named.length == 0) break;
          if (named.term.role == TermRole::kModifier && named.term.status) {
            status_word = named.term.status;
          } else if (named.term.role == TermRole::kNoun && named.term.status) {
            const size_t end = m + named.length;
            if (!status_word && end < tokens.size() && view.terms[end].length > 0 &&
                view.terms[end].term.role == TermRole::kModifier && view.terms[end].term.status) {
              status_word = view.terms[end].term.status;
            }
            CountReading reading;
            reading.status = status_word.value_or(*named.term.status);
            reading.head = m;
            reading.phrase_end = end;
            reading.path = CountPath::kVerb;
            return reading;
          } else {
            break;
          }
          m += named.length - 1;
        }
      }
      break;
    }
    // "bringing to 14 the number of cases", "portent à 14 le nombre total de cas"; "son
    // 40.600 los casos confirmados", "3.933 los muertos", "15 los confirmados": the
    // counted after an article.
    if (i == after && view.Is(i, kGrDeterminer) && i + 1 < tokens.size() &&
        view.terms[i + 1].length > 0) {
      const TermRole role = view.terms[i + 1].term.role;
      if (role == TermRole::kTotal) {
        ++i;
        continue;
      }
      if (role == TermRole::kNoun || role == TermRole::kVerb || role == TermRole::kPerson ||
          (role == TermRole::kModifier && view.terms[i + 1].term.status)) {
        ++i;
        ++after;
        continue;
      }
    }
    // Other words of a noun phrase: "12 trainee sailors", "eight Rapid Response Teams",
    // "12 Chinese nationals".
    // Participles are adjectives here: "86 reported cases".
    const bool small_word = view.grammar[i] & ~(kGrPlaceNoun | kGrCountVerb);
    if (t.is_word && !t.has_digit && !small_word && generic < 3) {
      ++generic;
      ++i;
      continue;
    }
    break;
  }
  // "seven dead", "412 suspected": the status word is the head.
  if (modifier && modifier_at + 1 >= after && generic == 0) {
    CountReading reading;
    reading.status = *modifier;
    reading.head = modifier_at;
    reading.phrase_end = modifier_at + 1;
    return reading;
  }
  return std::nullopt;
}

// "确诊病例 14 例", "出院 4 宗": in a language that counts with measure words, the
// counted noun (or a status verb) may stand before the number, in the same clause.
std::optional<CountReading> ReadBackward(const Scan& scan, const QuantityRef& q) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  const size_t end = q.span.end;
  if (end >= tokens.size() || !view.Is(end, kGrClassifier)) return std::nullopt;
  const size_t start = HedgeStart(view, q);
  // The clause before the number, back to a comma, a bracket or another number.
  size_t from = start;
  while (from > 0 && start - from < 12 && !OneOf(tokens[from - 1].lower, {",", ";", "("}) &&
         scan.quantity_at[from - 1] < 0) {
    --from;
  }
  // The term that ends nearest the number wins, the longest of those that end there:
  // "无症状感染者" (asymptomatic) over "感染者", "治愈出院" over "出院".
  size_t best = SIZE_MAX;
  size_t best_end = 0;
  for (size_t k = from; k < start; ++k) {
    const TermAt& found = view.terms[k];
    if (found.length == 0 || k + found.length > start) continue;
    const CaseTerm& term = found.term;
    // ("解除医学观察无症状感染者2136例", "排除疑似病例3例": a verb that undoes the cases
    // before its object undoes them all.)
    if (term.role == TermRole::kNegVerb) return std::nullopt;
    if (term.role == TermRole::kThing) {
      if (k + found.length >= best_end) {
        best = SIZE_MAX;
        best_end = k + found.length;
      }
      continue;
    }
    const bool noun = term.role == TermRole::kNoun ||
                      (term.role == TermRole::kPerson && term.status) ||
                      term.role == TermRole::kVerb;
    if (!noun || !term.status) continue;
    if (k + found.length > best_end || (k + found.length == best_end && best == SIZE_MAX)) {
      best = k;
      best_end = k + found.length;
    }
  }
  if (best == SIZE_MAX) return std::nullopt;
  const TermAt& found = view.terms[best];
  CountReading reading;
  reading.status = *found.term.status;
  reading.head = best;
  reading.phrase_end = end + 1;
  reading.noun_is_case_word = found.term.role == TermRole::kNoun;
  // A status word before the noun ("确诊病例", "疑似病例") says more than "cases".
  for (size_t m = best; m-- > from && m + 6 > best;) {
    const TermAt& before = view.terms[m];
    // "治愈出院确诊病例4例": a status verb before the noun as well.
    if (before.length > 0 &&
        (before.term.role == TermRole::kModifier || before.term.role == TermRole::kVerb) &&
        before.term.status && m + before.length <= best &&
        reading.status == CaseStatus::kConfirmed) {
      reading.status = *before.term.status;
      break;
    }
  }
  // "发病生猪56头", "死亡8600只": an animal named in the clause, else the measure word of
  // animals, says the count is of animals.
  if (view.terms[end].length > 0 && view.terms[end].term.role == TermRole::kAnimal) {
    reading.host = *view.terms[end].term.host;
    for (size_t k = from; k < start; ++k) {
      const TermAt& named = view.terms[k];
      if (named.length == 0) continue;
      if (named.term.role == TermRole::kAnimal) reading.host = *named.term.host;
      k += named.length - 1;  // "野猪" (wild boar) holds "猪" (pig)
    }
  }
  return reading;
}

// Whether the term at `at` names what is counted: a case noun, or a participle after an
// article, which is a noun ("los fallecidos ... ascienden a", "las muertes": Spanish stems
// give "muertes" the verb of "muertos").
bool NamesTheCounted(const SentenceView& view, size_t at, const CaseTerm& term) {
  return term.role == TermRole::kNoun ||
         (term.role == TermRole::kVerb && at > 0 && view.Is(at - 1, kGrDeterminer));
}

// A running-total noun, then link words, then the number: "bringing its total to
// 6,343", "the death toll from the outbreak in X rose to 31", "the number of deaths
// increased from 18 on Saturday to 25".
// The status of the case noun at `at` where it says "cases" only: a status word right
// before it ("the number of suspected cases", "suspected cholera cases": a disease's name
// may stand between) or right after it, before `limit` ("Los casos probables suman"),
// says more.
std::optional<CaseStatus> ModifiedStatus(const SentenceView& view, size_t at, size_t limit,
                                         std::optional<CaseStatus> status) {
  if (status != CaseStatus::kConfirmed) return status;
  size_t noun = at;
  while (noun > 0 && view.InDisease(noun - 1)) --noun;
  for (size_t k = noun; k-- > 0 && k + 2 >= noun;) {
    const TermAt& before = view.terms[k];
    if (before.length > 0 && k + before.length == noun && before.term.status &&
        before.term.role == TermRole::kModifier) {
      return before.term.status;
    }
  }
  const size_t next = at + std::max<size_t>(view.terms[at].length, 1);
  if (next < limit && view.terms[next].length > 0 &&
      view.terms[next].term.role == TermRole::kModifier && view.terms[next].term.status) {
    return view.terms[next].term.status;
  }
  return status;
}

// "crossed the 10 million mark", "a franchi la barre des 10 000", "превысило отметку в
// 10 тысяч": a figure named as a mark passed; where the mark's phrase starts before the
// number (settings.tsv `mark` rows), else the number's start.
size_t MarkPhraseStart(const SentenceView& view, const Lexicon& lexicon, size_t start, size_t end) {
  const auto& tokens = view.tokens;
  const auto article = [&](size_t k) { return view.Is(k, kGrArticle | kGrDeterminer); };
  if (end < tokens.size() && lexicon.IsMarkWord(tokens[end].lower) && start > 0 &&
      article(start - 1)) {
    return start - 1;
  }
  size_t k = start;
  while (k > 0 && k + 2 > start && view.Is(k - 1, kGrOf | kGrDeterminer | kGrLocative)) --k;
  if (k == 0 || !lexicon.IsMarkWord(tokens[k - 1].lower)) return start;
  --k;
  if (k > 0 && article(k - 1)) --k;
  return k;
}

std::optional<CountReading> ReadTotal(const Scan& scan, const QuantityRef& q, bool* blocked) {
  const SentenceView& view = scan.view;
  const size_t start = HedgeStart(view, q);
  const auto& tokens = view.tokens;
  if (start == 0 || start > tokens.size()) return std::nullopt;
  // "raising the state's total to 25 affected herds": the number counts the thing named
  // right after it (a word or two between), not the total's cases.
  for (size_t k = q.span.end; k < tokens.size() && k < q.span.end + 3 && tokens[k].is_word; ++k) {
    const TermAt& after = view.terms[k];
    if (after.length == 0) break;
    if (after.term.role == TermRole::kThing) {
      *blocked = true;
      return std::nullopt;
    }
    // (Past a participle: "affected", "infected".)
    if (after.term.role == TermRole::kNoun || after.term.role == TermRole::kPerson ||
        after.term.role == TermRole::kAnimal || after.term.role == TermRole::kTotal) {
      break;
    }
  }
  size_t link_start = MarkPhraseStart(view, scan.lexicon, start, q.span.end);
  while (link_start > 0) {
    const size_t k = link_start - 1;
    // "rose by 2,311 to 59,567", "by 39%, from 18 on Saturday to 25": earlier figures.
    if (scan.quantity_at[k] >= 0 || tokens[k].has_digit || tokens[k].lower == "%") {
      size_t m = k;
      while (m > 0 && (tokens[m].has_digit || tokens[m].lower == "%" ||
                       scan.quantity_at[m] >= 0)) {
        --m;
      }
      if (tokens[m].lower == "by" || tokens[m].lower == "from") {
        link_start = m;
        continue;
      }
      break;
    }
    if (link_start != start && (tokens[k].lower == "," || view.InDate(k))) {
      --link_start;
      continue;
    }
    // "число заболевших превысило 14 тысяч": a word of passing a mark links as well; so
    // does a dash right before the number ("общее число выздоровевших — 26 318").
    const auto total_before = [&] {
      for (size_t m = k; m-- > 0 && m + 5 > k;) {
        if (tokens[m].has_digit || !tokens[m].is_word) return false;
        if (view.terms[m].length > 0 && view.terms[m].term.role == TermRole::kTotal) return true;
      }
      return false;
    };
    // "has the highest number of cases, 341,792, followed by": the number set off by
    // commas right after the total's phrase.
    const auto apposed = [&] {
      if (link_start != start || tokens[k].lower != "," || q.span.end >= tokens.size()) {
        return false;
      }
      const std::string_view after = tokens[q.span.end].lower;
      if (after != "," && after != "." && after != ";") return false;
      for (size_t m = k; m-- > 0 && m + 5 > k;) {
        const TermAt& term = view.terms[m];
        if (term.length > 0 && term.term.role == TermRole::kTotal) return m + term.length == k;
      }
      return false;
    };
    if (!view.Is(k, kGrLink | kGrPassing) &&
        !(link_start == start && IsDash(tokens[k].lower) && total_before()) && !apposed()) {
      break;
    }
    --link_start;
  }
  // "making the total number of recovered cases 156,022": the total's noun phrase
  // stands right before the number.
  if (link_start == start && start >= 2 && view.terms[start - 1].length > 0 &&
      view.terms[start - 1].term.role == TermRole::kNoun) {
    for (size_t k = start - 1; k-- > 0 && k + 6 > start;) {
      if (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kTotal) {
        link_start = start - 1;
        break;
      }
    }
    if (link_start != start) {
      CountReading reading;
      reading.head = start - 1;
      reading.phrase_end = start;
      reading.path = CountPath::kTotal;
      reading.status = *view.terms[start - 1].term.status;
      for (size_t k = start - 1; k-- > 0 && k + 4 > start;) {
        const TermAt& inner = view.terms[k];
        if (inner.length > 0 && inner.term.status &&
            (inner.term.role == TermRole::kModifier || inner.term.role == TermRole::kVerb)) {
          reading.status = *inner.term.status;
          break;
        }
      }
      return reading;
    }
  }
  if (link_start == start) return std::nullopt;
  const bool adjacent_only = link_start + 1 == start && tokens[link_start].lower == "of";
  // A word inside a longer term before it is that term's ("admitted to hospitals": not
  // the hospitals, a thing).
  const auto inside_a_term = [&](size_t at) {
    for (size_t k = at; k-- > 0 && k + 6 > at;) {
      if (view.terms[k].length > at - k) return true;
    }
    return false;
  };
  // "la cifra de contagiados en el país asciende a": a place or an anaphor between names
  // where, not what is counted ("países" is a thing counted, and "país" its stem).
  const auto where = [&](size_t at) {
    return view.PlaceAt(at) != nullptr ||
           std::any_of(view.anaphors.begin(), view.anaphors.end(),
                       [&](const Anaphor& a) { return a.span.begin <= at && at < a.span.end; });
  };
  // "the number of suspected cases in the camps has jumped to": a thing after a
  // locative is where, not what is counted.
  const auto after_locative = [&](size_t at) {
    return at >= 1 && (view.Is(at - 1, kGrLocative) ||
                       (at >= 2 && view.Is(at - 1, kGrDeterminer) && view.Is(at - 2, kGrLocative)));
  };
  // (Twelve words back; the words of a place do not count: "en la provincia de Morona
  // Santiago, con lo que suman 7".)
  size_t words = 0;
  for (size_t back = 1; words < 12 && back <= 24 && back <= link_start; ++back) {
    const size_t at = link_start - back;
    if (tokens[at].lower == ";" || view.Is(at, kGrSubordinate)) break;
    if (!where(at) && !view.Is(at, kGrPlaceNoun | kGrLocative | kGrOf | kGrDeterminer)) ++words;
    const TermAt& found = view.terms[at];
    if (found.length == 0 || inside_a_term(at) || where(at)) continue;
    const CaseTerm& term = found.term;
    if (term.role == TermRole::kThing && after_locative(at)) continue;
    if (term.role == TermRole::kThing) {
      *blocked = true;
      return std::nullopt;
    }
    if (term.role != TermRole::kTotal && !NamesTheCounted(view, at, term)) continue;
    if (at + found.length != link_start && adjacent_only) continue;
    // "a total of 3,951 remain in quarantine": a total of what follows, and nothing
    // that follows is counted here; but "8,290 new cases, for a total of 139,747": one
    // that ends its clause totals the cases named before it, whatever words of its time
    // stand after it ("for a total of 41 so far this year", "... of 41 since June").
    size_t after_total = q.span.end;
    while (after_total < tokens.size() && tokens[after_total].is_word &&
           (view.InDate(after_total) || view.Is(after_total, kGrSince) ||
            (view.cues[after_total] & (kCueNew | kCueCumulative)))) {
      ++after_total;
    }
    const bool ends_clause = after_total >= tokens.size() || !tokens[after_total].is_word;
    const bool article_total = adjacent_only && at > 0 && view.Is(at - 1, kGrArticle);
    if (article_total && !ends_clause) return std::nullopt;
    CountReading reading;
    reading.head = at;
    reading.phrase_end = start;
    reading.path = CountPath::kTotal;
    // ("rose by 425", "выросло на 425": an increment.)
    reading.by_link = tokens[start - 1].lower == "by" || scan.lexicon.IncreaseEndsAt(tokens, start);
    reading.noun_is_case_word = scan.lexicon.IsCaseWord(tokens[at].lower);
    std::optional<CaseStatus> status = term.status;
    // "the number of suspected cases ... has jumped to": a status word right before the
    // noun says more than "cases".
    // ("suspected cholera cases": a disease's name may stand between.)
    if (term.role == TermRole::kNoun) status = ModifiedStatus(view, at, link_start, status);
    // "the number of seriously ill patients ... rose to": what the words after the
    // noun count; "the total number of confirmed outbreaks": no cases at all.
    for (size_t k = at + found.length; k < link_start; ++k) {
      const TermAt& inner = view.terms[k];
      if (inner.length == 0 || inside_a_term(k) || where(k)) continue;
      if (inner.term.role == TermRole::kThing && after_locative(k)) continue;
      if (inner.term.role == TermRole::kThing) {
        *blocked = true;
        return std::nullopt;
      }
      if (inner.term.role == TermRole::kAnimal) reading.host = *inner.term.host;
      const bool says = inner.term.role == TermRole::kModifier ||
                        inner.term.role == TermRole::kVerb || inner.term.role == TermRole::kNoun ||
                        inner.term.role == TermRole::kKillVerb;
      if (says && inner.term.status && (!status || term.role == TermRole::kTotal) &&
          !(status && inner.term.status == CaseStatus::kConfirmed)) {
        status = inner.term.status;
        if (inner.term.role == TermRole::kNoun) break;
      }
    }
    // A bare "number" counts only what the words after it say it counts ("the number
    // of people who have tested positive"), never flights or beds.
    if (!status && tokens[at].lower == "number") return std::nullopt;
    if (!status) {
      // "its total": the status of the nearest case noun or status verb before it
      // ("a ninth person died ..., bringing its total to 131"); of cases where any were
      // named ("13 new cases and one death, taking the city's tally to 233").
      for (size_t k = at; k-- > 0;) {
        const TermAt& before = view.terms[k];
        // ("212 foyers ..., sur un total de 292": a total of the things counted before;
        // not of "24 hours", a unit.)
        // ("designated eight more hospitals ..., bringing the total number to 10": a figure
        // and words of newness before the thing.)
        const auto counted_thing = [&] {
          return std::any_of(
              view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& r) {
                size_t end = r.span.end;
                while (end < k && view.terms[end].length == 0 && (view.cues[end] & kCueNew)) {
                  ++end;
                }
                return end == k;
              });
        };
        if (before.length > 0 && before.term.role == TermRole::kThing && !status &&
            !view.Is(k, kGrUnit) && k > 0 && (view.tokens[k - 1].has_digit || counted_thing())) {
          return std::nullopt;
        }
        if (before.length > 0 && before.term.status &&
            (before.term.role == TermRole::kNoun || before.term.role == TermRole::kVerb)) {
          if (!status) status = before.term.status;
          // ("40 suspected cholera cases, bringing the total to 1,200": of the noun's
          // modifier.)
          if (before.term.role == TermRole::kNoun && before.term.status == CaseStatus::kConfirmed) {
            status = ModifiedStatus(view, k, at, CaseStatus::kConfirmed);
            break;
          }
        }
      }
    }
    if (article_total && !status) return std::nullopt;
    reading.status = status.value_or(CaseStatus::kConfirmed);
    return reading;
  }
  return std::nullopt;
}

// "Of the 30 new cases, 12 were in Lagos": the count is a part of the case noun phrase
// that opens the sentence. Only the first count after the noun phrase is ("Of the 40
// cases, 20 are in England, 12 in Scotland": the 12 is an item of the 20's list);
// `read_from` is where the last count read before this one starts.
std::optional<CountReading> ReadPartitiveFrame(const SentenceView& view, const QuantityRef& q,
                                               const Lexicon& lexicon, size_t read_from) {
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  if (start < 3) return std::nullopt;
  const bool comma = tokens[start - 1].lower == ",";
  size_t of = 0;
  while (of < start && IsQuote(tokens[of])) ++of;
  // ("Ebola in Uganda: of the 25 new cases, 20 ...": or after the colon of a heading run
  // into the sentence, with no number before it.)
  for (size_t k = of; k < start && k < of + 8 && !view.Is(of, kGrOf); ++k) {
    if (tokens[k].has_digit) break;
    if (tokens[k].lower == ":" || IsDash(tokens[k].lower)) of = k + 1;
  }
  if (of + 1 >= start || !view.Is(of, kGrOf)) return std::nullopt;
  // ("Del total de casos, 21 ...", "Du total, ...": "of" and the article in one word.)
  const bool contracted = view.Is(of, kGrDefinite);
  // ("Из 12 новых случаев коронавируса в Приморье девять завезены из Китая": Russian
  // writes the whole's number after "of", and no comma after the frame.)
  const auto whole = std::find_if(view.quantities.begin(), view.quantities.end(),
                                  [&](const QuantityRef& r) { return r.span.begin == of + 1; });
  const bool numbered = !contracted && whole != view.quantities.end() && whole->span.end < start;
  if (!contracted && !numbered && !view.Is(of + 1, kGrDeterminer)) return std::nullopt;
  if (!comma && !numbered) return std::nullopt;
  std::optional<CaseStatus> modifier;
  const size_t from = contracted ? of + 1 : numbered ? whole->span.end : of + 2;
  for (size_t k = from; k + (comma ? 1 : 0) < start; ++k) {
    const TermAt& term = view.terms[k];
    if (term.length == 0) continue;
    if (term.term.role == TermRole::kModifier && !modifier) modifier = term.term.status;
    if (term.term.role == TermRole::kNoun) {
      if (read_from != SIZE_MAX && read_from > k) return std::nullopt;
      CountReading reading;
      reading.status = modifier.value_or(*term.term.status);
      reading.head = k;
      reading.phrase_end = q.span.end;
      reading.path = CountPath::kPartitive;
      reading.noun_is_case_word = lexicon.IsCaseWord(tokens[k].lower);
      // "Of the suspected cases, 17 have been confirmed": what became of the part.
      size_t verb_at = 0;
      if (const TermAt* became = StatusVerbRightAfter(view, q.span.end, &verb_at)) {
        reading.status = *became->term.status;
        reading.phrase_end = verb_at + became->length;
      }
      return reading;
    }
  }
  return std::nullopt;
}

// "19 new infections, including 15 local and four imported", "included 15 that were
// locally transmitted", "303 deaths this year, including 11 in the past 24 hours", "of
// which 3 were imported": a bare number after "including" or "of which" (or joined to
// such a part) that only says where its cases were caught, or when ("including" only),
// is a part of the count before, of its status.
std::optional<CountReading> ReadCuedPart(const SentenceView& view, const Lexicon& lexicon,
                                         const QuantityRef& q, const ReadCount& before,
                                         bool opens_on_part = false) {
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  if (start == 0) return std::nullopt;
  // ("12 cases today: nine were imported and three were local": a colon right after the
  // count's phrase opens its parts.)
  const size_t whole_end = std::max(before.quantity.span.end, before.reading.phrase_end);
  const bool after_colon =
      tokens[start - 1].lower == ":" && whole_end < start && start <= whole_end + 8 &&
      std::none_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& other) {
        return other.span.begin >= whole_end && other.span.end < start;
      });
  const bool after_part = view.Is(start - 1, kGrPart) || opens_on_part || after_colon;
  // "of which 3 were imported", "de los cuales 4 son importados", "из них 4 завезены".
  const bool after_pronoun = view.Is(start - 1, kGrPronoun);
  // "... and four imported", "... importados de Ecuador y 11 son autóctonos": a number
  // after "and" in the clause of a part.
  size_t joint = start;
  // ("..., while the other four were locally acquired", "y los cuatro restantes": the
  // rest of the whole, after its determiner, is a part as well.)
  bool rest = false;
  while (joint > 0 && (view.Is(joint - 1, kGrDeterminer | kGrArticle) ||
                       lexicon.IsOtherWord(tokens[joint - 1].lower) ||
                       lexicon.IsRemainderWord(tokens[joint - 1].lower))) {
    rest = rest || lexicon.IsOtherWord(tokens[joint - 1].lower) ||
           lexicon.IsRemainderWord(tokens[joint - 1].lower);
    --joint;
  }
  if (!rest) joint = start;
  // ("y los cuatro restantes", "les quatre autres": the word of the rest after the number.)
  size_t after_number = q.span.end;
  if (after_number < tokens.size() && (lexicon.IsOtherWord(tokens[after_number].lower) ||
                                       lexicon.IsRemainderWord(tokens[after_number].lower))) {
    ++after_number;
    if (!rest && joint > 0 && view.Is(joint - 1, kGrDeterminer)) --joint;
    rest = true;
  }
  // ("mientras que": the subordinating word and its complementizer.)
  if (rest && joint > 1 && !view.Is(joint - 1, kGrCoordination | kGrSubordinate) &&
      view.Is(joint - 2, kGrSubordinate) && view.tokens[joint - 1].is_word) {
    --joint;
  }
  // ("..., остальные четыре — местные": or after a comma alone.)
  const bool rest_after_comma = rest && joint > 0 && tokens[joint - 1].lower == ",";
  while (joint > 0 && view.tokens[joint - 1].lower == ",") --joint;
  // ("including seven people who returned from Dubai and two who came from India": or
  // after "and" in the clause of a count of people cued as a part.)
  const size_t before_start = HedgeStart(view, before.quantity);
  // ("Deux des nouveaux cas ...", "Два из новых случаев ...": a part by "of" right after
  // its number, whatever path read it.)
  const bool before_part = before.reading.path == CountPath::kPartitive ||
                           (before_start > 0 && view.Is(before_start - 1, kGrPart)) ||
                           view.Is(before.quantity.span.end, kGrOf);
  // ("nine were imported, mostly from Russia, and three were local": past an aside.)
  const auto aside_between = [&] {
    if (joint < 2 || joint > before.quantity.span.end + 12 || tokens[joint - 2].lower != ",") {
      return false;
    }
    for (size_t k = before.quantity.span.end; k + 1 < joint; ++k) {
      if (tokens[k].has_digit ||
          (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kVerb)) {
        return false;
      }
    }
    return true;
  };
  // (A count of the sentence before, which this one opens on a part of, has no tokens
  // here to be joined to.)
  const bool joined =
      !opens_on_part && before_part && before.quantity.span.end <= start &&
      joint > before.quantity.span.end &&
      ((view.Is(joint - 1, kGrCoordination) &&
        (view.clause[joint - 1] == view.clause[before.quantity.span.end - 1] || aside_between())) ||
       view.Is(joint - 1, kGrSubordinate) || (rest && rest_after_comma));
  // "其中境外输入28例，本土13例": the cue before the number, after "其中" or after the
  // comma of a list of such parts.
  // "其中重型2例、危重型1例": a status word there gives the part its status.
  size_t cued = start;
  std::optional<CaseStatus> status;
  while (cued > 0) {
    const TermAt* modifier = nullptr;
    // (The longest term that ends there: "危重型", not its "重型".)
    for (size_t m = cued >= 4 ? cued - 4 : 0; m < cued; ++m) {
      const TermAt& t = view.terms[m];
      if (t.length > 0 && m + t.length == cued && t.term.role == TermRole::kModifier &&
          t.term.status) {
        modifier = &t;
        status = t.term.status;
        cued = m;
        break;
      }
    }
    if (modifier != nullptr) continue;
    // ("其中10月新增106例": a word of newness and the part's own time stand there too.)
    if (!(view.cues[cued - 1] & (kCueImported | kCueLocal | kCueNew)) && !view.InDate(cued - 1)) {
      break;
    }
    --cued;
  }
  if (cued < start && cued > 0) {
    const std::string_view mark = tokens[cued - 1].lower;
    const bool listed = (mark == "," || mark == "\uff0c" || mark == "\u3001" || mark == ";") &&
                        before.reading.path == CountPath::kPartitive &&
                        before.quantity.span.end < cued;
    if (view.Is(cued - 1, kGrPronoun | kGrPart) || listed) {
      CountReading reading =
          LikeBefore(before.reading, CountPath::kPartitive, q.span.begin, q.span.end);
      if (status) reading.status = *status;
      return reading;
    }
  }
  if (!after_part && !after_pronoun && !joined) return std::nullopt;
  for (size_t k = after_number; k < tokens.size() && k < after_number + 4; ++k) {
    // "de los cuales 321 están en la UCI", "of whom 321 are in intensive care": a status of
    // their own.
    // ("fueron confirmados": a participle after an auxiliary is a verb.)
    const bool verb =
        view.terms[k].length > 0 &&
        (view.terms[k].term.role == TermRole::kVerb ||
         (view.terms[k].term.role == TermRole::kModifier && k > 0 && view.Is(k - 1, kGrAuxiliary)));
    // ("including seven who required intensive care": so has a part that "who" tells of.)
    const bool told = after_pronoun || (after_part && view.Is(q.span.end, kGrRelative));
    if (told && verb && view.terms[k].term.status) {
      CountReading reading =
          LikeBefore(before.reading, CountPath::kPartitive, q.span.begin, k + view.terms[k].length);
      reading.status = *view.terms[k].term.status;
      return reading;
    }
    // ("из них 120 — за последние сутки": of them, a day's.)
    const bool when = (after_part || after_pronoun) && StartsDate(view, k);
    // ("... and 15 had travelled to Brazil": a trip tells where they caught it too.)
    if ((view.cues[k] & (kCueImported | kCueLocal | kCueTravel | kCueVisit)) || when) {
      return LikeBefore(before.reading, CountPath::kPartitive, q.span.begin, k + 1);
    }
    if (!view.Is(k, kGrRelative | kGrAuxiliary) && !IsDash(tokens[k].lower)) break;
  }
  return std::nullopt;
}

// Where a bracketed figure's phrase starts: before "n=" when the sample's letter and its
// sign stand between the bracket and the figure ("(n=2,345)"), else at the figure.
size_t AfterSampleSign(const std::vector<text::Token>& tokens, size_t start) {
  const bool sample = start >= 3 && tokens[start - 1].lower == "=" &&
                      tokens[start - 2].lower == "n" && IsOpeningBracket(tokens[start - 3].lower);
  return sample ? start - 2 : start;
}

// The closing bracket right after a figure, a share of it at most between ("2,345)",
// "2,345; 43%)", "2,345, 43%)"), or SIZE_MAX.
size_t BracketClosesFigure(const SentenceView& view, const QuantityRef& q) {
  const auto& tokens = view.tokens;
  size_t k = q.span.end;
  if (k < tokens.size() && (tokens[k].lower == ";" || tokens[k].lower == ",")) {
    ++k;
    const size_t share = k;
    while (k < tokens.size() && k < share + 4 &&
           (tokens[k].has_digit || tokens[k].lower == "%" || tokens[k].lower == ".")) {
      ++k;
    }
    if (k == share || tokens[k - 1].lower != "%") return SIZE_MAX;
  }
  return k < tokens.size() && tokens[k].lower == ")" ? k : SIZE_MAX;
}

// "logged the most new infections with 4,012", "the majority of new cases (1,455)": a
// bare number after the case noun it counts, joined by "with" or set in brackets.
std::optional<CountReading> ReadNounBefore(const SentenceView& view, const QuantityRef& q) {
  const auto& tokens = view.tokens;
  // ("cases (n=2,345)": the sample's letter and its sign before the figure.)
  const size_t start = AfterSampleSign(tokens, HedgeStart(view, q));
  if (start < 2) return std::nullopt;
  const size_t joint = start - 1;
  const size_t close = BracketClosesFigure(view, q);
  const bool bracket = tokens[joint].lower == "(" && close != SIZE_MAX;
  if (!bracket && !view.Is(joint, kGrCompanion)) return std::nullopt;
  // ("la entidad con más casos acumulados, con 56 mil 827": a comma may stand before
  // "with", and a status word after the noun.)
  const size_t clause_of =
      !bracket && joint > 0 && tokens[joint - 1].lower == "," ? joint - 2 : joint;
  // (A time between them is passed over: "the highest number of cases in the past two
  // weeks with 60,120".)
  for (size_t m = joint, words = 0; m-- > 0 && words < 5;) {
    if (!bracket && view.InDate(m)) continue;
    ++words;
    const TermAt& t = view.terms[m];
    if (t.length > 0 && m + t.length <= joint) {
      if (t.term.role == TermRole::kModifier && !bracket) continue;
      if (t.term.role != TermRole::kNoun || !t.term.status) return std::nullopt;
      // In brackets, the number stands right after its noun (or the noun's disease).
      if (bracket && m + t.length != joint && view.disease[m + t.length + 1].empty()) {
        return std::nullopt;
      }
      CountReading reading;
      reading.status = *t.term.status;
      // "500 suspected diphtheria cases, followed by Yobe with 40": the noun's modifier
      // says what the 40 are, a disease's name may stand between.
      for (size_t k = m; k-- > 0 && k + 5 > m && reading.status != CaseStatus::kDeaths;) {
        const TermAt& before = view.terms[k];
        if (before.length > 0 && k + before.length <= m) {
          if (before.term.role == TermRole::kModifier && before.term.status) {
            reading.status = *before.term.status;
          }
          break;
        }
        if (!view.InDisease(k)) break;
      }
      reading.head = m;
      reading.phrase_end = bracket ? close + 1 : q.span.end;
      reading.noun_is_case_word = true;
      return reading;
    }
    if (view.clause[m] != view.clause[joint] && view.clause[m] != view.clause[clause_of] &&
        !bracket) {
      return std::nullopt;
    }
    if (tokens[m].has_digit) return std::nullopt;
  }
  return std::nullopt;
}

// "北京市报告流感8621例", "新增手足口病1532例": a number whose measure word counts cases
// (settings.tsv `case_classifier`), in a clause that names a disease, counts cases of it
// when nothing else says what it counts.
std::optional<CountReading> ReadCaseClassifier(const SentenceView& view, const QuantityRef& q,
                                               const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  const size_t after = q.span.end;
  if (after >= tokens.size() || !lexicon.IsCaseClassifier(tokens[after].lower)) return std::nullopt;
  bool disease = false;
  for (size_t k = 0; k < tokens.size() && !disease; ++k) {
    disease = !view.disease[k].empty() && view.clause[k] == view.clause[after];
  }
  if (!disease) return std::nullopt;
  CountReading reading;
  reading.status = CaseStatus::kConfirmed;
  reading.head = after;
  reading.phrase_end = after + 1;
  reading.noun_is_case_word = true;
  return reading;
}

// "rose to 190 after 11 more were identified", "another 12 were reported": a bare
// number that a count verb reports, with nothing it counts, counts what the count before
// it did.
std::optional<CountReading> ReadReportedLikeBefore(const SentenceView& view, const QuantityRef& q,
                                                   const ReadCount& before) {
  const auto& tokens = view.tokens;
  size_t k = q.span.end;
  while (k < tokens.size() && (view.cues[k] & kCueNew) && view.terms[k].length == 0) ++k;
  const size_t auxiliaries = k;
  while (k < tokens.size() && view.Is(k, kGrAuxiliary)) ++k;
  // ("8 выявлены в Бишкеке": a participle without an auxiliary, followed by where.)
  const bool participle = k == auxiliaries && k + 1 < tokens.size() && view.Is(k + 1, kGrLocative);
  if ((k == auxiliaries && !participle) || k >= tokens.size() || !view.Is(k, kGrCountVerb)) {
    return std::nullopt;
  }
  return LikeBefore(before.reading, CountPath::kVerb, k, k + 1);
}

// "Of those, 19 were in Limerick": a bare number that only says where the part of the
// count before was, after "of them".
std::optional<CountReading> ReadPartIn(const SentenceView& view, const QuantityRef& q,
                                       const ReadCount& before) {
  size_t k = q.span.end;
  const size_t auxiliaries = k;
  while (k < view.tokens.size() && view.Is(k, kGrAuxiliary)) ++k;
  // "Of these, 11 were acquired in the Philippines": a verb of catching may stand between;
  // or of travel ("Six had flown in from Britain"), or of living ("De ellos, 24 residen en
  // Lima").
  // ("had recently travelled": a word of no class before the verb.)
  if (k > auxiliaries && k + 1 < view.tokens.size() && view.tokens[k].is_word &&
      !view.tokens[k].has_digit && view.cues[k] == 0 && view.grammar[k] == 0 &&
      (view.cues[k + 1] & kCueTravel)) {
    ++k;
  }
  const size_t verbs = k;
  while (k < view.tokens.size() && k < verbs + 3 && !view.Is(k, kGrFrom) &&
         (view.cues[k] & (kCueCaught | kCueImported | kCueTravel | kCueResidence))) {
    ++k;
  }
  // ("flown in from": the particle of the verb.)
  if (k > verbs && k + 1 < view.tokens.size() && view.Is(k, kGrLocative) &&
      view.Is(k + 1, kGrFrom)) {
    ++k;
  }
  // "Of these, 97 had travelled to Mozambique": where the travellers had been.
  const bool travelled_to = k > verbs && (view.cues[k - 1] & kCueTravel) &&
                            k + 1 < view.tokens.size() && view.Is(k, kGrTo);
  // ("Cuatro llegaron de Perú": a verb of travel that opens a phrase of "from" needs no
  // auxiliary.)
  const bool travel_from = view.Is(k, kGrFrom) && (view.cues[k] & kCueTravel);
  if ((k == auxiliaries && !travel_from) || k + 1 >= view.tokens.size() ||
      !(view.Is(k, kGrLocative | kGrFrom) || travelled_to)) {
    return std::nullopt;
  }
  // ("sont arrivés de France": the phrase of "from" may be of a few words.)
  size_t at = k + 1;
  while (at + 1 < view.tokens.size() && view.Is(at, kGrFrom) && view.PlaceAt(at) == nullptr) ++at;
  const PlaceRef* place = view.PlaceAt(at);
  if (place == nullptr || place->span.begin != at) return std::nullopt;
  return LikeBefore(before.reading, CountPath::kVerb, q.span.begin, k);
}

// A number that is no count: money, ages, durations, distances, years, shares.
bool IsExcludedNumber(const SentenceView& view, const QuantityRef& q) {
  const auto& quantity = q.quantity;
  if (quantity.is_share || quantity.is_year || quantity.is_ordinal) return true;
  if (quantity.value <= 0) return true;
  const auto& tokens = view.tokens;
  // "Un deuxième décès", "un tercer caso": "one" before an ordinal is its article.
  if (quantity.is_word && quantity.value == 1 &&
      std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& other) {
        return other.span.begin == q.span.end && other.quantity.is_ordinal;
      })) {
    return true;
  }
  const size_t start = HedgeStart(view, q);
  // An excluding word right before the number, or before "between" and it ("aged
  // between 18 and 78"; not "the number of 146 cases").
  const auto excluded_at = [&](size_t at) {
    if (at > 0 && view.Is(at - 1, kGrExclude)) return true;
    return at > 1 && view.Is(at - 1, kGrRange) && view.Is(at - 2, kGrExclude);
  };
  if (excluded_at(start)) return true;
  // "fell to 98.2": a fraction no scale word makes whole counts no one.
  if (quantity.is_decimal) return true;
  // "one in five infections", "nine out of 10": a ratio counts no one. (Not "12 in 24
  // hours": a unit after the second number makes it a span of time.)
  const auto ratio = [&](const QuantityRef& first, const QuantityRef& second) {
    const size_t k = first.span.end;
    const size_t joint =
        k < tokens.size() && tokens[k].lower == "in"                                       ? 1
        : k + 1 < tokens.size() && tokens[k].lower == "out" && tokens[k + 1].lower == "of" ? 2
                                                                                           : 0;
    return joint > 0 && second.span.begin == k + joint &&
           first.quantity.value < second.quantity.value && second.quantity.value <= 1000 &&
           !view.Is(second.span.end, kGrUnit);
  };
  for (const QuantityRef& other : view.quantities) {
    if (ratio(q, other) || ratio(other, q)) return true;
  }
  // A range's joint: "to", "à", "y", "and", a dash.
  const auto joint = [&](size_t k) {
    return k < tokens.size() &&
           (view.Is(k, kGrTo | kGrLink | kGrCoordination) || IsDash(tokens[k].lower));
  };
  // "aged 25 to 34": the second number of a range after an excluding word.
  if (start >= 2 && joint(start - 1) && tokens[start - 2].has_digit && excluded_at(start - 2)) {
    return true;
  }
  // "de 18 à 78 ans", "18 to 78 years": the first number of a range of a unit.
  if (joint(q.span.end) && q.span.end + 2 < tokens.size() && tokens[q.span.end + 1].has_digit &&
      view.Is(q.span.end + 2, kGrUnit)) {
    return true;
  }
  // "could reach 70,000 cases", "podría superar los 60.000 casos": a projection, not a
  // count.
  for (size_t k = start; k-- > 0 && k + 4 >= start;) {
    if (view.cues[k] & kCueModal) return true;
    if (!tokens[k].is_word || tokens[k].has_digit) break;
  }
  const std::string_view number = tokens[q.span.begin].lower;
  if (number.find("-year") != std::string::npos || number.find("-day") != std::string::npos) {
    return true;
  }
  if (q.span.end < tokens.size() && view.Is(q.span.end, kGrUnit)) return true;
  return false;
}

// Whether what the noun at `noun` tells of happened, by a status verb after it (from
// `from`) or a passive count verb in its clause ("... was detected in X", "has been
// reported").
bool HappenedAfter(const Scan& scan, size_t noun, size_t from) {
  const SentenceView& view = scan.view;
  size_t at = 0;
  const auto told = VerbAfter(scan, from, 10, &at);
  if (told && told->term.role == TermRole::kVerb && told->term.status) return true;
  for (size_t m = from; m + 1 < view.tokens.size() && m < noun + 10; ++m) {
    if (view.clause[m] != view.clause[noun]) break;
    if (view.Is(m, kGrAuxiliary) && view.Is(m + 1, kGrCountVerb)) return true;
  }
  return false;
}

// Where a count of one without an article starts at `i`: a verb of finding or a word of
// newness right before a singular noun of cases, where no article is written: "В Москве
// выявлен случай холеры", "зарегистрирован новый случай кори", and headlines: "New case of
// measles confirmed in Dublin" (not "the new case definition": the noun ends the phrase).
bool OpensBareSingle(const Scan& scan, size_t i) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  // (Asked of every token: what most are not is asked first.)
  const TermAt& verb = view.terms[i];
  const bool finds = verb.length > 0 && verb.term.role == TermRole::kKillVerb;
  if (!finds && (verb.length > 0 || !(view.cues[i] & kCueNew))) return false;
  // (Nor after "of": "une dizaine de nouveaux cas", "dozens of new cases".)
  if (i > 0 && (view.Is(i - 1, kGrArticle | kGrDeterminer | kGrOf) || tokens[i - 1].has_digit ||
                scan.quantity_at[i - 1] >= 0)) {
    return false;
  }
  size_t k = i + (finds ? verb.length : 1);
  // ("выявлен подозрительный случай", "выявлен завозной случай": a word of its state or
  // of where it was caught between.)
  while (k < tokens.size() &&
         ((view.terms[k].length == 0 && (view.cues[k] & (kCueNew | kCueImported | kCueLocal))) ||
          (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kModifier))) {
    k += std::max<size_t>(view.terms[k].length, 1);
  }
  if (k >= tokens.size() || view.terms[k].length == 0) return false;
  const CaseTerm& noun = view.terms[k].term;
  if (noun.role != TermRole::kNoun || !noun.status || !scan.lexicon.IsSingleNoun(tokens[k].lower)) {
    return false;
  }
  const size_t after = k + view.terms[k].length;
  return after >= tokens.size() || !tokens[after].is_word || !view.disease[after].empty() ||
         view.Is(after, kGrOf | kGrLocative) || view.PlaceAt(after) != nullptr ||
         view.terms[after].length > 0;
}

// "has not found a case", "did not report a single death", "не выявлен случай", "ни
// одного случая": a count that a negation, or a verb of finding negated a few words
// before it, stands right before is none.
bool Denied(const Scan& scan, size_t start) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  size_t k = start;
  while (k > 0 && (view.Is(k - 1, kGrArticle) || OneOf(tokens[k - 1].lower, {"single", "any"}) ||
                   (view.terms[k - 1].length == 0 && (view.cues[k - 1] & kCueNew)))) {
    --k;
  }
  if (k > 0 && view.Is(k - 1, kGrNegation)) return true;
  // "ruled out 12 suspected cases", "Se descartaron 1.200 casos": a verb that makes the
  // counted no cases, right before the count.
  for (size_t m = k; m-- > 0 && m + 4 > k;) {
    const TermAt& term = view.terms[m];
    if (term.length == 0) continue;
    if (m + term.length == k && term.term.role == TermRole::kNegVerb) return true;
    break;
  }
  size_t verb = SIZE_MAX;
  size_t at = 0;
  if (KillVerbBefore(view, k, &at)) {
    verb = at;
  } else if (k > 0 && view.Is(k - 1, kGrCountVerb)) {
    verb = k - 1;
    while (verb > 0 && view.Is(verb - 1, kGrCountVerb)) --verb;
  }
  if (verb == SIZE_MAX) return false;
  // ("has not yet reported": a word of time may stand between.)
  for (size_t m = verb; m-- > 0 && m + 4 > verb;) {
    if (view.Is(m, kGrNegation)) return true;
    if (!tokens[m].is_word || tokens[m].has_digit || view.terms[m].length > 0 ||
        view.PlaceAt(m) != nullptr) {
      break;
    }
  }
  return false;
}

// "Road accidents killed 120 people", "a fire that killed 92": deaths counted by a verb
// of killing whose subject, in its clause a few words before it, is another cause.
bool KilledByOtherCause(const Scan& scan, size_t start) {
  const SentenceView& view = scan.view;
  size_t at = 0;
  const std::optional<TermAt> verb = KillVerbBefore(view, start, &at);
  if (!verb || verb->term.status != CaseStatus::kDeaths) return false;
  for (size_t k = at; k-- > 0 && k + 4 > at;) {
    if (view.clause[k] != view.clause[at] || !view.disease[k].empty()) break;
    if (view.cues[k] & kCueOtherCause) return true;
  }
  return false;
}

// One without a number: "a woman was diagnosed", "reported an imported case", "the
// first death", "Macau's 12th case", "the first U.S. death", "found in a wild swan".
// `ordinal` is set to N for "the Nth case": the running total it brings.
std::optional<CountReading> ReadSingle(const Scan& scan, size_t i, int64_t* ordinal) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  const bool article = view.Is(i, kGrArticle);
  const int q = scan.quantity_at[i];
  const bool is_ordinal = tokens[i].lower == "first" ||
                          (q >= 0 && view.quantities[static_cast<size_t>(q)].quantity.is_ordinal &&
                           view.quantities[static_cast<size_t>(q)].span.begin == i);
  const bool bare = !article && !is_ordinal && OpensBareSingle(scan, i);
  if (!article && !is_ordinal && !bare) return std::nullopt;
  // "Trente et un cas", "veintiún": an article inside a number is the number's.
  if (article &&
      std::any_of(view.quantities.begin(), view.quantities.end(),
                  [i](const QuantityRef& r) { return r.span.begin < i && i < r.span.end; })) {
    return std::nullopt;
  }
  // "another 150 birds", "a further 150 birds": the article opens a count of its own.
  const size_t figure = i + 1 < tokens.size() && (tokens[i + 1].lower == "further" ||
                                                  tokens[i + 1].lower == "additional")
                            ? i + 2
                            : i + 1;
  if (article && figure < tokens.size() && (tokens[i].lower == "another" || figure == i + 2) &&
      scan.quantity_at[figure] >= 0 && tokens[figure].has_digit &&
      view.quantities[static_cast<size_t>(scan.quantity_at[figure])].span.begin == figure &&
      !tokens[figure].lower.ends_with("old")) {
    return std::nullopt;
  }
  // "One person bitten by a dog died": the agent of a passive is not who the verb after
  // tells of.
  if (i > 0 && tokens[i - 1].lower == "by") return std::nullopt;
  // "who slaughtered a sick cow were hospitalized": nor the object of a verb of what was
  // done to it.
  if (i > 0 && view.terms[i - 1].length == 1 && view.terms[i - 1].term.role == TermRole::kNegVerb) {
    return std::nullopt;
  }
  // "42 days without a new case", "not a single death": none.
  if (article && i > 0 && view.Is(i - 1, kGrNegation)) return std::nullopt;
  // "This is a highly contagious infection", "It was a death that could have been
  // avoided": what something is, said of it, is no count.
  if (article && i > 1 && view.Is(i - 1, kGrAuxiliary) && view.Is(i - 1, kGrLink) &&
      (view.Is(i - 2, kGrDeterminer) || view.Is(i - 2, kGrFunction)) &&
      (i == 2 || !view.tokens[i - 3].is_word)) {
    return std::nullopt;
  }
  // "18 people had died since the first case was detected": a time, not a count (but
  // "since a boy died of rabies" tells of one).
  if (i > 1 && view.Is(i - 1, kGrDeterminer) && view.Is(i - 2, kGrSince)) return std::nullopt;
  // "Depuis l'annonce du premier cas", "since the confirmation of the first case": so is
  // the first one in a phrase that "since" opens.
  // (The ordinal after an article or "of": not "С начала года это уже третий случай".)
  if (is_ordinal && i > 0 && view.Is(i - 1, kGrDeterminer | kGrOf)) {
    for (size_t k = i; k-- > 0 && k + 6 > i;) {
      if (view.Is(k, kGrSince)) return std::nullopt;
      if (!view.tokens[k].is_word && !view.Is(k, kGrDeterminer)) break;
      if (view.tokens[k].has_digit || view.terms[k].length > 0 ||
          (view.grammar[k] != 0 && !view.Is(k, kGrDeterminer | kGrOf | kGrReport))) {
        break;
      }
    }
  }
  *ordinal = 0;
  if (is_ordinal) *ordinal = q >= 0 ? view.quantities[static_cast<size_t>(q)].quantity.value : 1;
  // "第二例新冠肺炎确诊病例", "第3例境外输入病例": an ordinal before a measure word counts
  // one, the Nth; the case word after it, past a disease's name and words of newness or
  // origin, says of what.
  if (is_ordinal && q >= 0) {
    const size_t measure = view.quantities[static_cast<size_t>(q)].span.end;
    if (measure < tokens.size() && view.Is(measure, kGrClassifier)) {
      for (size_t k = measure + 1;
           k < tokens.size() && k < measure + 16 && view.clause[k] == view.clause[measure];) {
        if (!view.disease[k].empty()) {
          k += std::max<size_t>(view.disease_length[k], 1);
          continue;
        }
        const TermAt& found = view.terms[k];
        if (found.length > 0 && found.term.status &&
            (found.term.role == TermRole::kNoun || found.term.role == TermRole::kModifier)) {
          CountReading reading;
          reading.status = *found.term.status;
          reading.head = k;
          reading.phrase_end = k + found.length;
          reading.path = CountPath::kSingle;
          reading.noun_is_case_word = true;
          return reading;
        }
        if (!(view.cues[k] & (kCueNew | kCueImported | kCueLocal))) break;
        ++k;
      }
    }
  }
  bool new_cue = tokens[i].lower == "another" || is_ordinal || bare;
  std::optional<CaseStatus> modifier;
  size_t verb_at = 0;
  const bool after_count_verb = i > 0 && (view.Is(i - 1, kGrCountVerb) ||
                                          KillVerbBefore(view, i, &verb_at).has_value());
  const std::optional<TermAt> detection = i > 0 ? KillVerbBefore(view, i, &verb_at) : std::nullopt;
  const size_t first = i + std::max<size_t>(view.terms[i].length, 1);
  for (size_t k = first; k < tokens.size() && k < i + 6; ++k) {
    const TermAt& found = view.terms[k];
    const CaseTerm& term = found.term;
    // "An eighth was reported dead": an ordinal standing for a person.
    if (article && k == i + 1 && scan.quantity_at[k] >= 0 &&
        view.quantities[static_cast<size_t>(scan.quantity_at[k])].quantity.is_ordinal) {
      size_t at = 0;
      const auto verb = VerbAfter(scan, k + 1, 6, &at);
      if (!verb || verb->term.role != TermRole::kVerb) return std::nullopt;
      *ordinal = view.quantities[static_cast<size_t>(scan.quantity_at[k])].quantity.value;
      CountReading reading;
      reading.status = *verb->term.status;
      // "A ninth person died", "a second dog tested positive": the person or the animal is
      // what is counted.
      const TermAt& next = view.terms[k + 1 < tokens.size() ? k + 1 : k];
      const bool person = k + 1 < tokens.size() && next.length > 0 &&
                          (next.term.role == TermRole::kPerson ||
                           (next.term.role == TermRole::kAnimal && next.term.host));
      if (person && next.term.role == TermRole::kAnimal) reading.host = *next.term.host;
      reading.head = person ? k + 1 : k;
      reading.phrase_end = at + verb->length;
      reading.path = CountPath::kSingle;
      return reading;
    }
    // "a suspected case", "another fatal H5N1 case": a word of its state before the noun.
    if (found.length > 0 && (term.role == TermRole::kModifier ||
                             (term.role == TermRole::kVerb && BeforeANoun(view, k)))) {
      if (!modifier) modifier = term.status;
      k += found.length - 1;
      continue;
    }
    // "un Chinois ... qui est décédé", "a Briton who died": a people's name for a person.
    if (article && k == i + 1 && view.PlaceAt(k) != nullptr && view.PlaceAt(k)->demonym &&
        tokens[k].capitalized) {
      const PlaceRef& demonym = *view.PlaceAt(k);
      size_t at = 0;
      const auto verb = VerbAfter(scan, demonym.span.end, 18, &at);
      if (!verb || verb->term.role != TermRole::kVerb) return std::nullopt;
      CountReading reading;
      reading.status = *verb->term.status;
      reading.head = k;
      reading.phrase_end = demonym.span.end;
      reading.path = CountPath::kSingle;
      return reading;
    }
    if (found.length > 0 && (term.role == TermRole::kPerson || term.role == TermRole::kAnimal) &&
        (article || is_ordinal)) {
      if (OneOf(tokens[k].lower, {"people", "persons", "others", "patients", "residents",
                                  "children", "workers", "staff", "crew", "number"})) {
        return std::nullopt;
      }
      CountReading reading;
      reading.head = k;
      reading.phrase_end = k + found.length;
      reading.path = CountPath::kSingle;
      reading.host = term.role == TermRole::kAnimal ? *term.host : Host::kHuman;
      size_t at = 0;
      const auto verb = VerbAfter(scan, k + found.length, 18, &at);
      if (verb && verb->term.role == TermRole::kVerb) {
        reading.status = *verb->term.status;
        return reading;
      }
      if (!verb && detection && detection->term.status) {
        reading.status = *detection->term.status;
        return reading;
      }
      return std::nullopt;
    }
    // ("la segunda muerte": a singular noun of settings.tsv whose stem a verb shares,
    // "muertos", is that noun.)
    if (found.length > 0 && (term.role == TermRole::kNoun || term.role == TermRole::kVerb) &&
        term.status && scan.lexicon.IsSingleNoun(tokens[k].lower)) {
      // "a new case", "reported a case", and "a case of COVID-19 was detected in X": a
      // verb of what happened to it after the noun.
      if (!new_cue && !after_count_verb && !HappenedAfter(scan, k, k + found.length)) {
        return std::nullopt;
      }
      // "a case of X was found in Y": counted once, with its host read later.
      CountReading reading;
      reading.status =
          term.status == CaseStatus::kDeaths ? *term.status : modifier.value_or(*term.status);
      reading.head = k;
      reading.phrase_end = k + 1;
      reading.path = CountPath::kSingle;
      reading.noun_is_case_word = true;
      return reading;
    }
    if (view.cues[k] & (kCueNew | kCueImported | kCueLocal)) {
      new_cue = new_cue || (view.cues[k] & kCueNew);
      continue;
    }
    if (!view.disease[k].empty() || tokens[k].has_digit || IsQuote(tokens[k]) ||
        view.PlaceAt(k) != nullptr || tokens[k].lower == "'s" ||
        (tokens[k].is_word && !tokens[k].capitalized && !(view.grammar[k] & ~kGrPlaceNoun))) {
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// "Both patients died", "The patient died on Monday", "Пациент скончался", "20 probable
// cases, all of whom died": the death of people told of before, named by a noun of one
// person after a definite article (or opening the clause), by a word of two, or by "all",
// and a verb of death right after them. One death or two, read into `*reading`; -1 for
// all those the count before counted; 0 when none opens at `i`.
int64_t ReadDeathOfThoseToldOf(const Scan& scan, size_t i, CountReading* reading) {
  const SentenceView& view = scan.view;
  const auto& tokens = view.tokens;
  const Lexicon& lexicon = scan.lexicon;
  // It opens a clause: the sentence, a comma, "and", or a verb of saying ("said the boy
  // died").
  if (!tokens[i].is_word ||
      (i > 0 && tokens[i - 1].is_word && !view.Is(i - 1, kGrCoordination | kGrReport))) {
    return 0;
  }
  const bool both = lexicon.IsBothWord(tokens[i].lower);
  const bool all = !both && i > 0 && view.Is(i, kGrAll);
  size_t k = i;
  if (both || all) {
    // "both of them", "both of whom", "all of which", "both patients".
    ++k;
    if (k + 1 < tokens.size() && view.Is(k, kGrOf) && view.Is(k + 1, kGrPronoun | kGrRelative)) {
      k += 2;
    } else if (k < tokens.size() && view.terms[k].length > 0 &&
               view.terms[k].term.role == TermRole::kPerson) {
      k += view.terms[k].length;
    } else if (k < tokens.size() && tokens[k].is_word && view.grammar[k] == 0 &&
               (view.terms[k].length == 0 || view.terms[k].term.status != CaseStatus::kDeaths)) {
      ++k;  // ("Обе заболевшие": a noun of who they are, "the sick", no verb of theirs.)
    }
  } else {
    // "the 45-year-old man", "the Kampala woman": words that say who, before the noun.
    if (view.Is(i, kGrDefinite)) {
      ++k;
      while (k < tokens.size() && k < i + 6 && !lexicon.IsOnePerson(tokens[k].lower) &&
             view.terms[k].length == 0 && view.grammar[k] == 0 && view.cues[k] == 0 &&
             (tokens[k].is_word || tokens[k].has_digit || tokens[k].lower == "-")) {
        ++k;
      }
    }
    if (k >= tokens.size() || !lexicon.IsOnePerson(tokens[k].lower)) return 0;
    ++k;
  }
  size_t at = 0;
  const TermAt* verb = StatusVerbRightAfter(view, k, &at);
  if (verb == nullptr || verb->term.status != CaseStatus::kDeaths) return 0;
  // "the patient could die": a guess.
  for (size_t m = k; m < at; ++m) {
    if (view.cues[m] & kCueModal) return 0;
  }
  reading->status = CaseStatus::kDeaths;
  reading->head = k - 1;
  reading->phrase_end = at + verb->length;
  reading->path = CountPath::kSingle;
  reading->told_before = true;
  if (all) return -1;
  return both ? 2 : 1;
}

// A count without a number, of `value`, read at the word `token` (token `i`): "a woman",
// "the first death", "Both patients".
ReadCount CountAtWord(const text::Token& token, size_t i, int64_t value,
                      const CountReading& reading) {
  ReadCount count;
  count.quantity.span = {i, i + 1};
  count.quantity.quantity.start = token.start;
  count.quantity.quantity.number_start = token.start;
  count.quantity.quantity.end = token.end;
  count.quantity.quantity.value = value;
  count.reading = reading;
  return count;
}

// "12 measles cases this week and 245 since the start of the year", "12 new cases on
// Monday, 15 on Tuesday", "за неделю 12 случаев, с начала года — 245": a bare number
// right after a count, a period of its own beside it, counts what that count did over
// that period. Only commas, "and", dashes, dates and words of time stand between them,
// and nothing but its period (or the end of its clause) after it.
bool CountOfAnotherPeriod(const SentenceView& view, size_t before_end, const QuantityRef& q) {
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  const size_t end = q.span.end;
  if (before_end > start || start - before_end > 10) return false;
  const auto& dates = view.Dates();
  const auto in_date = [&](size_t k) {
    return std::any_of(dates.begin(), dates.end(), [k](const DateRef& date) {
      return date.span.begin <= k && k < date.span.end;
    });
  };
  constexpr uint32_t kTime = kCueNew | kCueCumulative;
  bool period_before = false;
  size_t k = before_end;
  // (The disease of the count before may end its phrase: "12 случаев кори", "12 cas de
  // rougeole".)
  if (k < start && view.Is(k, kGrOf) && k + 1 < start && !view.disease[k + 1].empty()) ++k;
  while (k < start && view.InDisease(k)) ++k;
  for (; k < start; ++k) {
    const std::string_view w = tokens[k].lower;
    const bool date = in_date(k);
    const bool joint = w == "," || IsDash(w) || view.Is(k, kGrCoordination | kGrSubordinate);
    if (!date && !joint && (view.terms[k].length > 0 || !(view.cues[k] & kTime))) {
      return false;
    }
    // (The period of the count before stands before a joint; its own after the last one.)
    if (joint) {
      period_before = period_before && IsDash(w);
    } else {
      period_before = date || (view.cues[k] & kCueCumulative);
    }
  }
  // (A figure right after a date, no dash between, is no count of its own: "as of June 32".)
  if (start > before_end && !IsDash(tokens[start - 1].lower) &&
      !view.Is(start - 1, kGrCoordination | kGrSubordinate) && tokens[start - 1].lower != ",") {
    return false;
  }
  const bool period_after =
      end < tokens.size() && (StartsDate(view, end) || (view.cues[end] & kCueCumulative));
  const bool clause_ends = end >= tokens.size() || !tokens[end].is_word;
  return period_after || (period_before && clause_ends);
}

// The length of a word of status that ends right before a list item's number ("浦东新区
// 确诊80例", "Pudong confirmed 80"), 0 when none does.
size_t ItemStatusWord(const SentenceView& view, size_t start) {
  for (size_t k = start; k-- > 0 && k + 4 > start;) {
    const TermAt& term = view.terms[k];
    if (term.length == 0 || k + term.length != start) continue;
    const bool status =
        (term.term.role == TermRole::kVerb || term.term.role == TermRole::kModifier) &&
        term.term.status;
    return status ? term.length : 0;
  }
  return 0;
}

// A bare number in a list: "19 in Beijing", "Brasilia (111)", "and Punjab 1,202",
// "and seven in the territory of X". It needs a place of its own, next to it.
bool IsListItem(const SentenceView& view, const QuantityRef& q) {
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  const size_t end = q.span.end;
  const auto place_ends_at = [&](size_t k) {
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end == k && !ref.demonym) return true;
    }
    for (const Anaphor& anaphor : view.anaphors) {
      if (anaphor.span.end == k) return true;
    }
    return false;
  };
  // After: "in X", "at X", "from X" (a breakdown by origin), a bracket, a comma, "and",
  // or the end; the people it was found in, like a place, say where the item is ("and
  // four in people who had arrived", "5 у граждан").
  bool place_after = false;
  // "один – в Белгородской области": a dash stands for the verb left out; "2例来自英国":
  // a measure word stands after the number; "three each in Zhejiang and Jiangsu": "each"
  // (Distribute shares it out); "nueve residen en Sabadell": so does a verb of where they
  // live.
  const size_t prep =
      end < tokens.size() && (IsDash(tokens[end].lower) || view.Is(end, kGrClassifier | kGrEach) ||
                              (view.cues[end] & kCueResidence))
          ? end + 1
          : end;
  // ("dos de Brasil" in a sentence of imported cases: "of" marks where from; so does a
  // word after the place in "4例为英国输入", after a verb of state.)
  // (An elided "of" is two tokens: "3 d'Italie".)
  const size_t after_of =
      prep + 1 < tokens.size() && tokens[prep + 1].lower == "'" && view.Is(prep + 1, kGrOf)
          ? prep + 2
          : prep + 1;
  const PlaceRef* of_origin = view.Is(prep, kGrOf) ? view.PlaceAt(after_of) : nullptr;
  const PlaceRef* is_origin =
      prep > end && view.Is(prep, kGrState) ? view.PlaceAt(prep + 1) : nullptr;
  if (is_origin != nullptr && is_origin->role == PlaceRole::kOrigin) place_after = true;
  // ("3例俄罗斯输入": the origin right after the measure word.)
  const PlaceRef* origin_next = prep > end && prep < tokens.size() ? view.PlaceAt(prep) : nullptr;
  if (origin_next != nullptr && origin_next->span.begin == prep &&
      origin_next->role == PlaceRole::kOrigin) {
    place_after = true;
  }
  const bool from_of = of_origin != nullptr && of_origin->role == PlaceRole::kOrigin;
  // ("532 de Canelones": of the place where they are.)
  const bool of_place = of_origin != nullptr && of_origin->role == PlaceRole::kLocative &&
                        of_origin->span.begin == after_of;
  // ("tres a El Maitén" after "22 corresponden a Epuyén": "to" the place a part belongs to.)
  const bool belongs_to =
      view.Is(prep, kGrTo) &&
      std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
        return ref.span.begin > prep && ref.span.begin < prep + 7 &&
               ref.role == PlaceRole::kLocative;
      });
  if (prep < tokens.size() &&
      (view.Is(prep, kGrLocative | kGrFrom) || from_of || of_place || belongs_to)) {
    for (size_t k = prep + 1; k < tokens.size() && k < prep + 7; ++k) {
      if (view.PlaceAt(k) != nullptr) place_after = true;
      // ("y 3 en gatos": so do the animals.)
      if (k <= prep + 2 && view.terms[k].length > 0 &&
          (view.terms[k].term.role == TermRole::kPerson ||
           view.terms[k].term.role == TermRole::kAnimal)) {
        place_after = true;
      }
      if (std::any_of(view.anaphors.begin(), view.anaphors.end(),
                      [&](const Anaphor& a) { return a.span.begin == k; })) {
        place_after = true;
      }
      if (place_after || !(view.Is(k, kGrDeterminer | kGrOf | kGrPlaceNoun) ||
                           tokens[k].is_word)) {
        break;
      }
    }
    // "2,915 were in Bangkok ..., while 511 were found in prisons", "80 in Nairobi ... and 15
    // in other counties": after an item with a place of its own, a plain noun phrase says
    // where the item is, a place of the whole's that has no name.
    if (!place_after && view.Is(prep, kGrLocative) &&
        std::any_of(view.places.begin(), view.places.end(),
                    [&](const PlaceRef& ref) { return ref.span.end <= start && !ref.demonym; })) {
      size_t k = prep + 1;
      while (k < tokens.size() && k < prep + 5 && tokens[k].is_word && !tokens[k].has_digit &&
             view.terms[k].length == 0 && view.disease[k].empty() &&
             (view.grammar[k] == 0 || view.Is(k, kGrDeterminer | kGrPlaceNoun))) {
        ++k;
      }
      place_after =
          k > prep + 1 && (k >= tokens.size() || !tokens[k].is_word || view.Is(k, kGrCoordination));
    }
  }
  // "广州 5 宗": a measure word after the number ends the item as well.
  // ("Kagadi and Kampala one each": "each" after it, Distribute shares it out.)
  const bool ends_here =
      end >= tokens.size() || !tokens[end].is_word ||
      view.Is(end, kGrCoordination | kGrFunction | kGrLocative | kGrClassifier | kGrEach) ||
      StartsDate(view, end);
  // Before: "X 1,202", "X (111)", "X with 6,994", "X: 12", "в Забайкалье — 4", "followed by
  // Tamil Nadu at 1,18,594".
  bool place_before = false;
  // ("Katsina (n=876)": the sample's letter and its sign after the bracket.)
  size_t k = AfterSampleSign(tokens, start);
  if (k > 0 &&
      (tokens[k - 1].lower == "(" || tokens[k - 1].lower == ":" || IsDash(tokens[k - 1].lower) ||
       view.Is(k - 1, kGrCompanion) || (view.Is(k - 1, kGrLocative) && place_ends_at(k - 1)))) {
    // "Veracruz, con 205": a comma may stand before "with".
    const bool with = view.Is(k - 1, kGrCompanion);
    --k;
    if (with && k > 0 && tokens[k - 1].lower == ",") --k;
  }
  // "X reported 12", "广州报告3例" (a verb of two characters, two tokens).
  while (k > 0 && k + 3 > start && view.Is(k - 1, kGrCountVerb)) --k;
  // "其中浦东新区确诊80例": a word of the item's status (ItemStatusWord).
  if (k == start) k -= ItemStatusWord(view, start);
  // "Mubende accounting for 36 and Kassanda for 13": the last word of a count verb said
  // before stands for it.
  if (k == start && k > 1 && tokens[k - 1].is_word) {
    for (size_t m = 0; m + 1 < k - 1; ++m) {
      if (view.Is(m, kGrCountVerb) && !view.Is(m + 1, kGrCountVerb) && m > 0 &&
          view.Is(m - 1, kGrCountVerb) && tokens[m].lower == tokens[k - 1].lower) {
        --k;
        break;
      }
    }
  }
  // "菲律宾 输入 4 宗": a word that makes the place an origin may stand between.
  // ("阿聯酋及印尼各1宗": "each" before the number.)
  if (k > 0 && k == start && view.Is(k - 1, kGrFromAfter | kGrEach)) {
    while (k > 0 && view.Is(k - 1, kGrFromAfter | kGrEach)) --k;
  }
  place_before = place_ends_at(k);
  // ("and Wakiso district 21", "Wakiso district had 21": the place's noun after it.)
  if (!place_before && k > 1 && view.Is(k - 1, kGrPlaceNoun) && place_ends_at(k - 1)) {
    place_before = true;
  }
  // "Osaka had the most with 104", "Selangor led with 48": a few words of a verb between
  // the place and "with".
  if (!place_before && k < start && view.Is(k, kGrCompanion)) {
    for (size_t m = k; m-- > 0 && m + 5 > k;) {
      if (place_ends_at(m + 1)) {
        place_before = true;
        break;
      }
      if (!tokens[m].is_word || tokens[m].has_digit || view.terms[m].length > 0) break;
    }
  }
  // "; y Andalucía, 2.518": after a semicolon or "and", a comma between a place and a
  // bare number stands for the verb left out.
  if (!place_before && k == start && k > 0 && tokens[k - 1].lower == "," && place_ends_at(k - 1)) {
    // ("; la Ciudad de Buenos Aires, 3.153": an article and a place noun may stand before
    // the place; "Córdoba, 1.604, y Santa Fe, 1.438": so may "and" after the item before.)
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end != k - 1 || ref.span.begin == 0) continue;
      size_t opener = ref.span.begin - 1;
      while (opener > 0 && view.Is(opener, kGrDeterminer | kGrPlaceNoun | kGrOf)) --opener;
      const bool after_item =
          opener > 1 && tokens[opener - 1].lower == "," && tokens[opener - 2].has_digit;
      // ("La Comunidad Valenciana suma 418 casos (de coronavirus) y Castilla-La Mancha, 401":
      // or "and" after a count's noun and its disease.)
      bool after_count = false;
      if (opener > 1) {
        size_t noun = opener - 1;
        while (noun > 0 &&
               (!view.disease[noun].empty() || view.Is(noun, kGrOf) || view.InDisease(noun))) {
          --noun;
        }
        // ("Madrid acumula 8.760 fallecidos y Cataluña, 5.694": or a word of a status.)
        const TermAt& term = view.terms[noun];
        if (term.length > 0 && (term.term.role == TermRole::kNoun ||
                                (term.term.role == TermRole::kVerb && term.term.status))) {
          for (size_t m = noun; m-- > 0 && m + 3 > noun && !after_count;) {
            after_count = tokens[m].has_digit;
          }
        }
      }
      if (tokens[opener].lower == ";" ||
          (view.Is(opener, kGrCoordination) && opener > 0 &&
           (tokens[opener - 1].lower == ";" || after_item || after_count))) {
        return ends_here;
      }
    }
  }
  // "and Punjab 1,202", but not "ASL Rome 2": the place opens a list item.
  if (place_before && k == start) {
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end != k || ref.span.begin == 0) continue;
      // "and the Federal Capital Territory 70": an article may stand before the place.
      size_t opener = ref.span.begin - 1;
      // "其中 广州市 海珠区 5 例": the place it lies in may stand before it.
      const PlaceRef* outer = view.PlaceAt(opener);
      if (outer != nullptr && outer->span.end == ref.span.begin && outer->span.begin > 0) {
        opener = outer->span.begin - 1;
      }
      if (opener > 0 && view.Is(opener, kGrDeterminer)) --opener;
      // ", la provincia de Buenos Aires 35.604": so may a unit's noun and "of".
      if (opener > 2 && view.Is(opener, kGrOf) && view.Is(opener - 1, kGrPlaceNoun) &&
          view.Is(opener - 2, kGrDeterminer)) {
        opener -= 3;
      }
      // "分别为 台南市 58 例 及 高雄市 9 例": "respectively" and its copula open it too.
      if (opener > 0 && view.Is(opener, kGrLink) && view.Is(opener - 1, kGrEach)) --opener;
      const text::Token& open = tokens[opener];
      // "其中 广州 5 宗" ("of them, Guangzhou 5"): a pronoun opens the list as well; so
      // does the noun that ends the name of a unit it lies in ("德宏州 瑞丽市 (41 例)"),
      // "with" ("20 new cases, with Montreal 17"), a locative ("1,057 cases, in Tainan
      // 955, Kaohsiung 79", "分布於 臺南市 955 例") and "from" ("其中 来自 美国 3 例、英国 2 例").
      if (open.is_word &&
          !view.Is(opener, kGrCoordination | kGrCountVerb | kGrPronoun | kGrPlaceNoun |
                               kGrCompanion | kGrLocative | kGrEach | kGrFrom)) {
        place_before = false;
      }
    }
  }
  if (place_before && ends_here) return true;
  if (!place_after) return false;
  // "and seven in X", ", 19 in X", ": four from X", "(1例来自美国, ...": the item stands
  // after a list separator or an opening bracket, or after "of them" ("из них 14 у граждан
  // РФ", "dont 3 à Paris").
  // ("по одному — из ОАЭ и Турции": "each" before it, after the list's comma.)
  return start > 0 &&
         (tokens[start - 1].lower == "," ||
          view.Is(start - 1, kGrCoordination | kGrPronoun | kGrPart) ||
          (start > 1 && view.Is(start - 1, kGrEach) && tokens[start - 2].lower == ",") ||
          tokens[start - 1].lower == ";" || tokens[start - 1].lower == ":" ||
          tokens[start - 1].lower == "(" || IsDash(tokens[start - 1].lower));
}

// "in Lusaka", "from the Philippines", "in Edo state": a preposition of place at `at`, its
// determiners, a place that starts after them and ends before `limit`, and the place's
// nouns. Where that phrase ends, or 0 when none starts at `at`.
size_t PlacePhraseEnd(const SentenceView& view, size_t at, size_t limit) {
  if (at >= limit || !view.Is(at, kGrLocative | kGrFrom)) return 0;
  size_t k = at + 1;
  while (k < limit && view.Is(k, kGrDeterminer)) ++k;
  const PlaceRef* place = view.PlaceAt(k);
  if (place == nullptr || place->span.begin != k || place->span.end >= limit) return 0;
  k = place->span.end;
  while (k < limit && view.Is(k, kGrPlaceNoun)) ++k;
  return k;
}

// "Twelve people in Lusaka and three in Ndola", "two travellers from Indonesia and three
// from Malaysia": a count's place (where its people are, or where they came from) and
// then the joints to the next count. Whether [begin, end) is that, or joints alone.
bool PlaceThenJoints(const SentenceView& view, size_t begin, size_t end) {
  const size_t place_end = PlacePhraseEnd(view, begin, end);
  return view.OnlyJoints(place_end != 0 ? place_end : begin, end, kGrCoordination);
}

// "Of these, 20 were in Mubende and five were in Kassanda": a bare number joined to a
// part that only says where it is ("N were in X"), and saying the same of itself, is
// another part of the same whole.
std::optional<CountReading> ReadJoinedPartIn(const SentenceView& view, const QuantityRef& q,
                                             const ReadCount& part) {
  const size_t hedge = HedgeStart(view, q);
  if (hedge == 0 || part.quantity.span.end >= hedge ||
      !(view.Is(hedge - 1, kGrCoordination) || view.tokens[hedge - 1].lower == ",")) {
    return std::nullopt;
  }
  const std::optional<CountReading> before = ReadPartIn(view, part.quantity, part);
  if (!before || !PlaceThenJoints(view, before->phrase_end, hedge)) return std::nullopt;
  return ReadPartIn(view, q, part);
}

// "Twelve people in Lusaka and three in Ndola have died", "doce personas en Lusaka y tres
// en Ndola": a bare number joined to the people counted before it, after their place,
// counts more of them (the noun left out), and its verb tells what happened to both. The
// reading, by that verb, of the number `q` after the count `people` that waits for a
// verb; none when the number is not so joined or no verb of a status follows it.
std::optional<CountReading> ReadElidedNoun(const Scan& scan, const QuantityRef& q,
                                           const ReadCount& people) {
  const SentenceView& view = scan.view;
  const size_t hedge = HedgeStart(view, q);
  const size_t after_people = people.reading.phrase_end;
  if (hedge <= after_people + 1 || !view.Is(hedge - 1, kGrCoordination) ||
      !view.Is(after_people, kGrLocative | kGrFrom) ||
      !PlaceThenJoints(view, after_people, hedge)) {
    return std::nullopt;
  }
  // Its own place, then the verb: "three in Ndola have died".
  size_t from = q.span.end;
  if (from < view.tokens.size() && view.Is(from, kGrLocative | kGrFrom)) {
    from = PlacePhraseEnd(view, from, view.tokens.size());
    if (from == 0) return std::nullopt;
  }
  size_t verb_at = 0;
  const auto verb = VerbAfter(scan, from, 4, &verb_at);
  if (!verb || !verb->term.status || verb->term.role != TermRole::kVerb) return std::nullopt;
  CountReading reading = LikeBefore(people.reading, CountPath::kVerb, q.span.end - 1, q.span.end);
  reading.status = *verb->term.status;
  return reading;
}

}  // namespace

bool OpensAside(const SentenceView& view, size_t i) {
  const auto& tokens = view.tokens;
  if (i + 1 >= tokens.size() || tokens[i].lower != ",") return false;
  if (view.Is(i + 1, kGrPart)) return true;
  // ", with 14 of them": "with" may open it.
  const size_t first = i + 2 < tokens.size() && view.Is(i + 1, kGrCompanion) ? i + 2 : i + 1;
  return first + 1 < tokens.size() && tokens[first].is_word &&
         (view.Is(first + 1, kGrPronoun) ||
          (first + 2 < tokens.size() && view.Is(first + 1, kGrOf) &&
           view.Is(first + 2, kGrPronoun)));
}

bool InAside(const SentenceView& view, size_t at) {
  const auto& tokens = view.tokens;
  for (size_t k = std::min(at, tokens.size()); k-- > 0;) {
    const std::string_view word = tokens[k].lower;
    if (word == ";" || word == ".") return false;
    if (word != ",") continue;
    return OpensAside(view, k) &&
           std::any_of(view.quantities.begin(), view.quantities.end(),
                       [&](const QuantityRef& q) { return q.span.end <= k; });
  }
  return false;
}

// (Asked of every token, mostly of one byte: by its bytes, with no call.)
bool IsDash(std::string_view word) {
  if (word.size() == 1) return word[0] == '-';
  if (word.size() == 2) return word[0] == '-' && word[1] == '-';
  return word.size() == 3 && word[0] == '\xE2' && word[1] == '\x80' &&
         (word[2] == '\x94' || word[2] == '\x93');
}

size_t HedgeStart(const SentenceView& view, const QuantityRef& q) {
  if (q.hedge_begin != SIZE_MAX) return q.hedge_begin;
  return std::min(view.TokenAt(q.quantity.start), q.span.begin);
}

bool ListsItemsOnly(const SentenceView& view) {
  if (view.quantities.empty() || view.HasDisease()) return false;
  // ("Among districts, Pune (120), ...": a thing no number counts says what the items are.)
  for (size_t k = 0; k < view.terms.size(); ++k) {
    const TermAt& term = view.terms[k];
    if (term.length == 0) continue;
    const bool counted_thing = term.term.role != TermRole::kThing ||
                               std::any_of(view.quantities.begin(), view.quantities.end(),
                                           [&](const QuantityRef& q) { return q.span.end == k; });
    if (counted_thing) return false;
  }
  return std::all_of(view.quantities.begin(), view.quantities.end(),
                     [&](const QuantityRef& q) { return IsListItem(view, q); });
}

bool RefersToACountBefore(const SentenceView& view) {
  const auto& tokens = view.tokens;
  for (const QuantityRef& q : view.quantities) {
    // ("with the West Midlands accounting for 45% of them": a share, no count.)
    if (q.quantity.is_share) continue;
    const size_t of = q.span.end;
    if (of + 1 >= tokens.size() || !view.Is(of, kGrOf) || !view.Is(of + 1, kGrPronoun) ||
        (view.Is(of + 1, kGrDeterminer) && of + 2 < tokens.size() &&
         view.terms[of + 2].length > 0)) {
      continue;
    }
    // A part with a place of its own ("Five of them were health workers" only describes).
    const bool placed = std::any_of(view.places.begin(), view.places.end(),
                                    [](const PlaceRef& p) { return !p.demonym; });
    return placed && std::none_of(view.terms.begin(),
                                  view.terms.begin() + static_cast<std::ptrdiff_t>(q.span.begin),
                                  [](const TermAt& t) { return t.length > 0 && t.term.status; });
  }
  return false;
}

bool OpensOnAPart(const SentenceView& view) {
  const auto& tokens = view.tokens;
  // "Из них двое ...", "Среди них трое ...", "其中 2 例 ...": the part's number right after
  // "of them" (a preposition before it, at most).
  size_t lead = tokens.size() > 1 && tokens[0].is_word && !tokens[0].has_digit &&
                        view.Is(1, kGrPronoun | kGrPart) && !view.Is(0, kGrPronoun | kGrPart)
                    ? 1
                    : 0;
  const size_t first = lead;
  while (lead < tokens.size() && lead < first + 3 && view.Is(lead, kGrPronoun | kGrPart)) ++lead;
  // "Of those, 19 were in Limerick": a comma after it ("Среди них — пять": or a dash).
  if (lead > first && lead < tokens.size() &&
      (tokens[lead].lower == "," || tokens[lead].lower == "，" || IsDash(tokens[lead].lower))) {
    ++lead;
  }
  if (lead > first &&
      std::any_of(view.quantities.begin(), view.quantities.end(),
                  [&](const QuantityRef& q) { return HedgeStart(view, q) == lead; })) {
    return true;
  }
  // "Among the sick are five people who arrived from Turkey", "Среди заболевших — пять
  // человек", "Among the patients, two ...": "of" and a noun of the counted open the
  // sentence, and the part's number follows it (after a verb of being, a dash or a comma).
  if (tokens.size() > 3 && view.Is(0, kGrOf) && !tokens[0].has_digit) {
    size_t k = 1;
    while (k < tokens.size() && view.Is(k, kGrArticle | kGrDeterminer) &&
           view.terms[k].length == 0) {
      ++k;
    }
    const TermAt& named = view.terms[k];
    const bool counted = named.length > 0 && (named.term.role == TermRole::kNoun ||
                                              named.term.role == TermRole::kPerson ||
                                              named.term.role == TermRole::kVerb);
    if (counted) {
      size_t at = k + named.length;
      while (at < tokens.size() &&
             (view.Is(at, kGrAuxiliary | kGrState) || IsDash(tokens[at].lower) ||
              tokens[at].lower == "," || !view.disease[at].empty())) {
        ++at;
      }
      if (at > k + named.length &&
          std::any_of(view.quantities.begin(), view.quantities.end(),
                      [&](const QuantityRef& q) { return HedgeStart(view, q) == at; })) {
        return true;
      }
      // ("Среди заболевших пять человек": or right after the noun, in a language of cases.)
      if (std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
            return HedgeStart(view, q) == k + named.length && !q.quantity.is_year;
          })) {
        return true;
      }
    }
  }
  // "其中境外输入病例12例", "These include 5 cases": "of them" opening the sentence, and in
  // its first clause a number of counted cases.
  if (view.Is(0, kGrPronoun | kGrPart) && !tokens[0].has_digit) {
    for (const QuantityRef& q : view.quantities) {
      const size_t at = HedgeStart(view, q);
      if (at > 8) break;
      const bool broken =
          std::any_of(tokens.begin(), tokens.begin() + at, [](const text::Token& t) {
            return t.lower == "," || t.lower == "，" || t.lower == ";" || t.lower == "；";
          });
      if (broken) break;
      const size_t next = q.span.end;
      if (next < tokens.size() &&
          (view.Is(next, kGrClassifier) ||
           (view.terms[next].length > 0 && view.terms[next].term.role == TermRole::kNoun))) {
        return true;
      }
      // ("They include seven people who returned from Dubai": people said to have caught
      // it elsewhere, or at home.)
      if (next < tokens.size() && view.terms[next].length > 0 &&
          view.terms[next].term.role == TermRole::kPerson &&
          (view.CuesIn(next, std::min(tokens.size(), next + 6)) & (kCueImported | kCueLocal))) {
        return true;
      }
    }
  }
  // "The new cases include 1,243 in Toronto, ...": the count before named again by its
  // noun, a word of parts, and the first part right after it.
  if (view.Is(0, kGrDefinite)) {
    bool noun = false;
    for (size_t k = 1; k < tokens.size() && k < 6 && !tokens[k].has_digit; ++k) {
      const TermAt& term = view.terms[k];
      if (view.Is(k, kGrPart)) {
        return noun &&
               std::any_of(view.quantities.begin(), view.quantities.end(),
                           [&](const QuantityRef& q) { return HedgeStart(view, q) == k + 1; });
      }
      if (term.length > 0 && term.term.role == TermRole::kNoun) {
        noun = true;
      } else if (!view.cues[k] && !(term.length > 0 && term.term.role == TermRole::kModifier)) {
        break;
      }
    }
  }
  size_t comma = 0;
  while (comma < tokens.size() && comma < 6 && tokens[comma].lower != "," &&
         !tokens[comma].has_digit) {
    ++comma;
  }
  if (comma == 0 || comma >= tokens.size() || tokens[comma].lower != ",") return false;
  // ("Of the new cases,", "Parmi les nouveaux cas,": "of the" opens it; not "Since the
  // start of the pandemic,", "Depuis le début de la pandémie,".)
  for (size_t k = 0; k < comma; ++k) {
    if (view.Is(k, kGrPronoun | kGrPart)) return true;
    if (k == 0 && view.Is(k, kGrOf) && view.Is(k + 1, kGrDeterminer)) return true;
  }
  return false;
}

size_t VerbAfterCountPronoun(const SentenceView& view, const Lexicon& lexicon,
                             const QuantityRef& q) {
  size_t k = HedgeStart(view, q);
  if (k == 0 || !view.Is(k - 1, kGrCountVerb)) return SIZE_MAX;
  const size_t verb = --k;
  while (k > 0 && view.Is(k - 1, kGrAuxiliary | kGrPerfect)) --k;
  return k > 0 && lexicon.IsCountPronoun(view.tokens[k - 1].lower) ? verb : SIZE_MAX;
}

bool CountsByPronoun(const SentenceView& view, const Lexicon& lexicon) {
  return std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
    return VerbAfterCountPronoun(view, lexicon, q) != SIZE_MAX;
  });
}

bool OpensOnABareNumber(const SentenceView& view) {
  if (view.quantities.empty()) return false;
  const QuantityRef& q = view.quantities.front();
  const size_t start = HedgeStart(view, q);
  for (size_t k = 0; k < start; ++k) {
    if (!IsQuote(view.tokens[k])) return false;
  }
  // "Seven of the patients had returned from Dubai", "Two of the cases are in Lagos": a
  // part of those counted before, named by their noun.
  const size_t end = q.span.end;
  if (end + 2 < view.tokens.size() && view.Is(end, kGrOf) && view.Is(end + 1, kGrDeterminer) &&
      view.terms[end + 2].length > 0 &&
      (view.terms[end + 2].term.role == TermRole::kPerson ||
       view.terms[end + 2].term.role == TermRole::kNoun ||
       view.terms[end + 2].term.role == TermRole::kAnimal)) {
    return true;
  }
  // ("Two of them died", "two of them have since recovered": "of them", and a verb that
  // says what became of them; "Five of them were health workers" only describes them.)
  if (end + 1 < view.tokens.size() && view.Is(end, kGrOf) && view.Is(end + 1, kGrPronoun)) {
    for (size_t k = end + 2; k < view.tokens.size() && k < end + 6; ++k) {
      const TermAt& term = view.terms[k];
      if (term.length > 0) {
        return (term.term.role == TermRole::kVerb || term.term.role == TermRole::kModifier) &&
               term.term.status;
      }
      if (!view.tokens[k].is_word || view.tokens[k].has_digit) break;
    }
  }
  // ("Four arrived from India, two from Indonesia": or a verb of travel.)
  return q.span.end < view.tokens.size() &&
         (view.Is(q.span.end, kGrAuxiliary) || (view.cues[q.span.end] & kCueTravel)) &&
         view.terms[q.span.end].length == 0;
}

std::vector<ReadCount> ReadCounts(const SentenceView& view, const Lexicon& lexicon,
                                  bool outbreak_text, const ReadCount* outer) {
  const std::vector<int> quantity_at = QuantityStarts(view);
  const Scan scan{view, quantity_at, lexicon};
  const auto& tokens = view.tokens;
  const bool has_disease = view.HasDisease();
  const uint32_t sentence_cues = view.CuesIn(0, tokens.size());
  std::vector<ReadCount> counts;
  std::vector<const QuantityRef*> bare;  // no reading, not blocked: list items maybe
  // People or animals nothing happened to yet: the verb may be the next count's.
  std::vector<ReadCount> waiting;
  for (const QuantityRef& q : view.quantities) {
    if (IsExcludedNumber(view, q)) continue;
    // "22 of the 25 deaths", "161 of the 667 goats": the whole of a part, no count.
    const size_t hedge_at = HedgeStart(view, q);
    if (hedge_at >= 2 && (tokens[hedge_at - 1].lower == "of" ||
                          (hedge_at >= 3 && tokens[hedge_at - 2].lower == "of" &&
                           view.Is(hedge_at - 1, kGrDeterminer)))) {
      const size_t of = tokens[hedge_at - 1].lower == "of" ? hedge_at - 1 : hedge_at - 2;
      if (of > 0 && quantity_at[of - 1] < 0 && tokens[of - 1].has_digit) continue;
      // "10 percent of its 200 infected cows": after a share, the whole is the count.
      if (of > 0 && std::any_of(view.quantities.begin(), view.quantities.end(),
                                [&](const QuantityRef& other) {
                                  return other.span.end == of && !other.quantity.is_share;
                                })) {
        continue;
      }
    }
    // "critical cases fell by 78", "重症病例减少78例": a fall counts no cases.
    if (scan.lexicon.DecreaseEndsAt(tokens, hedge_at)) continue;
    ReadCount count;
    count.quantity = q;
    count.qualifier = q.quantity.qualifier;
    const size_t hedge = HedgeStart(view, q);
    count.passed_mark = hedge > 0 && view.Is(hedge - 1, kGrPassing);
    if (count.qualifier == Qualifier::kExact && count.passed_mark) {
      count.qualifier = Qualifier::kAtLeast;  // "deaths have passed 373,000"
    }
    // "выросло до 27": the hedge "up to" is the "to" of a rise, the words before it and
    // it one link phrase.
    if (count.qualifier == Qualifier::kAtMost && hedge > 0 && hedge < q.span.begin &&
        view.Is(hedge, kGrLink) && view.Is(hedge - 1, kGrLink) && view.tokens[hedge - 1].is_word) {
      count.qualifier = Qualifier::kExact;
    }
    bool blocked = false;
    bool needs_status = false;
    std::optional<CountReading> reading =
        ReadForward(scan, q.span.begin, q.span.end, &blocked, &needs_status);
    // "had the most cases with 2,102 and nine deaths": the noun right before "with" is the
    // number's, not the one after the next number, which is that number's.
    if (reading && reading->head > q.span.end && quantity_at[q.span.end] < 0) {
      const bool shared = std::any_of(
          view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& other) {
            return other.span.begin > q.span.begin && other.span.end <= reading->head;
          });
      if (shared) {
        if (auto before = ReadNounBefore(view, q)) {
          reading = before;
          needs_status = false;
        }
      }
    }
    // "Умерли 45 человек, выздоровели 9 876": the status verb right before the people
    // counted tells of them, not a verb after a comma, which has a number of its own.
    if (reading && reading->path == CountPath::kVerb && !blocked) {
      size_t before_at = 0;
      const auto before = StatusVerbBefore(view, hedge, &before_at);
      const bool comma = std::any_of(tokens.begin() + static_cast<std::ptrdiff_t>(q.span.end),
                                     tokens.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                          reading->phrase_end, tokens.size())),
                                     [](const text::Token& t) { return t.lower == ","; });
      if (before && comma) reading->status = *before->term.status;
    }
    // "A nurse who treated three patients tested positive", "a raccoon that attacked two
    // dogs tested positive": the object of a relative clause; the verb after it is the
    // antecedent's.
    // ("a farm that kept 3,000 ducks that died": a relative of its own tells of it.)
    if (reading && reading->path == CountPath::kVerb && !blocked &&
        ObjectOfARelativeClause(view, hedge)) {
      bool own_relative = false;
      for (size_t k = q.span.end; k < reading->phrase_end && k < tokens.size(); ++k) {
        own_relative = own_relative || view.Is(k, kGrRelative);
      }
      if (!own_relative) reading.reset();
    }
    // A verb before the number says what happened to the people or animals counted
    // ("killing 23 children", "found in 12 people"), or stands alone ("killing 5").
    // ("has killed 2,000 of the 3,000 people infected": the part is the killed.)
    if (!blocked && (needs_status || !reading || reading->path == CountPath::kPartitive)) {
      size_t verb_at = 0;
      const auto verb = KillVerbBefore(view, hedge, &verb_at);
      // (A measure word after the number is the number's: "确诊80例，".)
      const size_t after =
          q.span.end + (q.span.end < tokens.size() && view.Is(q.span.end, kGrClassifier));
      const bool ends = after >= tokens.size() || !tokens[after].is_word ||
                        view.Is(after, kGrLocative | kGrCoordination | kGrFunction | kGrOf) ||
                        StartsDate(view, after);
      // "tested 1,159" alone counts tests, not people.
      const bool alone_tested = !reading && verb && verb->term.status == CaseStatus::kTested;
      // A killer must be an outbreak's: "a heat wave has killed 1,000 people" is not
      // (other causes of death are left out before: ExtractCases).
      const bool animals = reading && reading->host != Host::kHuman;
      if (verb && verb->term.status && (reading || ends) && !alone_tested &&
          (has_disease || outbreak_text || (sentence_cues & kCueOutbreak) || animals)) {
        if (!reading) {
          reading = CountReading{};
          reading->head = verb_at;
          reading->phrase_end = q.span.end;
        }
        reading->status = *verb->term.status;
        // "подозрение на коронавирус выявлено у трех человек", "suspected cholera was
        // found in 12 people": what was found was only suspected.
        if (reading->status == CaseStatus::kConfirmed) {
          for (size_t k = verb_at;
               k-- > 0 && k + 8 > verb_at && view.clause[k] == view.clause[verb_at];) {
            const TermAt& t = view.terms[k];
            if (t.length > 0 && t.term.role == TermRole::kModifier &&
                (t.term.status == CaseStatus::kSuspected ||
                 t.term.status == CaseStatus::kProbable)) {
              reading->status = *t.term.status;
              break;
            }
          }
        }
        reading->path = CountPath::kKillVerb;
        needs_status = false;
      }
    }
    // "han fallecido 1.062 personas", "умерли 5 человек": a status verb before the
    // people it tells of (the subject after its verb).
    if (!blocked && needs_status && reading && !reading->by_modifier) {
      size_t verb_at = 0;
      if (const auto verb = StatusVerbBefore(view, hedge, &verb_at)) {
        reading->status = *verb->term.status;
        reading->path = CountPath::kVerb;
        needs_status = false;
      }
    }
    // "killed 28 people, including nine people", "50 cattle and one moose": people or
    // animals listed after a count share its status.
    // After "including", only a part with a time or place of its own is a count of
    // its own ("including nine in the past week"); "including two foreigners" only
    // describes the count before.
    const auto own_frame = [&] {
      for (size_t k = reading->phrase_end; k < tokens.size() && k < reading->phrase_end + 6; ++k) {
        if (view.Is(k, kGrLocative) || view.PlaceAt(k) != nullptr) return true;
        // "included 15 that were locally transmitted": where the part was caught.
        if (view.cues[k] & (kCueImported | kCueLocal)) return true;
        if (StartsDate(view, k)) return true;
        // ("пять человек, прибывших из Турции": a comma before such words.)
        if (tokens[k].lower == "," && k + 1 < tokens.size() &&
            (view.cues[k + 1] & (kCueImported | kCueLocal))) {
          return true;
        }
        if (!tokens[k].is_word) return false;
      }
      return false;
    };
    // "из них 5 у граждан", "dont 3 enfants": "of them" before the number makes it a part.
    // (", with 210 of them in Mombasa": so does "with" after the comma, before "of them".)
    const bool with_them =
        hedge > 1 && view.Is(hedge - 1, kGrCompanion) && tokens[hedge - 2].lower == "," &&
        reading && reading->path == CountPath::kPartitive && view.Is(reading->head, kGrPronoun);
    // ("Среди них — пять человек": a dash stands for the verb of being.)
    const bool listed = hedge > 0 && (OneOf(tokens[hedge - 1].lower, {",", "plus", "and"}) ||
                                      view.Is(hedge - 1, kGrPronoun) || with_them ||
                                      IsDash(tokens[hedge - 1].lower));
    const bool included = hedge > 0 && view.Is(hedge - 1, kGrPart) && own_frame();
    // ("including a boy and two foreigners": an item joined to such a part after
    // "including" describes the count before as well.)
    bool in_a_part = false;
    for (size_t k = hedge; k-- > 0 && !counts.empty() && k >= counts.back().quantity.span.end;) {
      if (view.clause[k] != view.clause[hedge - 1]) break;
      if (view.Is(k, kGrPart)) {
        in_a_part = true;
        break;
      }
    }
    if (needs_status && !reading->by_modifier && !counts.empty() &&
        ((listed && (!in_a_part || own_frame())) || included)) {
      reading->status = counts.back().reading.status;
      needs_status = false;
    }
    // "Three imported cases: two people who returned from the Seychelles and one from
    // Madagascar": people a colon after a count opens the parts with, where they were or
    // came from said.
    const bool after_colon =
        hedge > 0 && (tokens[hedge - 1].lower == ":" || tokens[hedge - 1].lower == "\uff1a");
    if (needs_status && !reading->by_modifier && !counts.empty() && after_colon &&
        counts.back().quantity.span.end < hedge && own_frame()) {
      reading->status = counts.back().reading.status;
      needs_status = false;
    }
    // ("They include seven people who returned from Dubai", "Of them, 12 people had
    // arrived from Turkey": such a part of the count of the sentence before.)
    // ("Среди заболевших пять человек прибыли из Турции": the sentence's first number, right
    // after the words that open the part.)
    const bool first_number = view.quantities.empty() || &q == &view.quantities.front();
    if (needs_status && !reading->by_modifier && counts.empty() && outer != nullptr &&
        (included || ((listed || first_number) && OpensOnAPart(view) && own_frame()))) {
      reading->status = outer->reading.status;
      needs_status = false;
    }
    // "30 new asymptomatic cases, nine of them imported": of the status of the count before.
    if (reading && reading->of_kind_before && !counts.empty()) {
      reading->status = counts.back().reading.status;
      reading->host = counts.back().reading.host;
    }
    // "Cabell County accounts for 228 of them": "of them" is a part of the count before it
    // in the sentence where its clause names the part's place ("..., while Maharashtra
    // accounted for 1,900 of them"; "20 of them are children" only describes the count),
    // or with no count there, of the sentence before's.
    const auto place_in_clause = [&](size_t from) {
      for (size_t k = from; k < q.span.begin; ++k) {
        if (view.clause[k] == view.clause[q.span.begin] && view.PlaceAt(k) != nullptr) return true;
      }
      return false;
    };
    const ReadCount* whole =
        counts.empty()
            ? outer
            : (place_in_clause(counts.back().quantity.span.end) ? &counts.back() : nullptr);
    if (needs_status && !reading->by_modifier && whole != nullptr &&
        reading->path == CountPath::kPartitive && view.Is(reading->head, kGrPronoun)) {
      reading->status = whole->reading.status;
      reading->host = whole->reading.host;
      needs_status = false;
    }
    if (needs_status && reading && reading->by_modifier) needs_status = false;
    // People a running total counts: "число заболевших превысило 14 тысяч человек", "the
    // number of infections rose to 1,000 people".
    if (needs_status && !blocked) {
      bool total_blocked = false;
      if (auto total = ReadTotal(scan, q, &total_blocked)) {
        reading = total;
        needs_status = false;
      }
    }
    if (needs_status) {  // people or animals, and nothing happened to them (yet)
      if (reading && !blocked) {
        count.reading = *reading;
        waiting.push_back(count);
      }
      continue;
    }
    if (!reading && !blocked) reading = ReadBackward(scan, q);
    if (!reading && !blocked) reading = ReadTotal(scan, q, &blocked);
    if (!reading && !blocked) {
      reading = ReadPartitiveFrame(view, q, lexicon,
                                   counts.empty() ? SIZE_MAX : counts.back().quantity.span.begin);
    }
    if (!reading && !blocked && !counts.empty()) {
      reading = ReadCuedPart(view, lexicon, q, counts.back());
    }
    if (!reading && !blocked && counts.empty() && outer != nullptr) {
      reading = ReadCuedPart(view, lexicon, q, *outer, true);
    }
    if (!reading && !blocked && !counts.empty()) {
      reading = ReadReportedLikeBefore(view, q, counts.back());
    }
    // "L'Italie a recensé 2 500 cas. L'Espagne en compte une trentaine": the pronoun stands
    // for what the count before counted, the first of its sentence ("146 cas confirmés et
    // 4 décès, tandis que le Sénégal en recensait 99": cases).
    if (!reading && !blocked && (outer != nullptr || !counts.empty())) {
      const size_t verb = VerbAfterCountPronoun(view, lexicon, q);
      if (verb != SIZE_MAX) {
        reading = LikeBefore(counts.empty() ? outer->reading : counts.front().reading,
                             CountPath::kVerb, verb, verb + 1);
      }
    }
    // "218 casos, de los cuales 172 se encuentran en Quito": a part after "of which" that
    // only says where it is.
    // "7 new imported cases: four arrived from India, ...": so does one that opens what
    // follows a colon after the count.
    if (!reading && !blocked && !counts.empty() && HedgeStart(view, q) > 0 &&
        (view.Is(HedgeStart(view, q) - 1, kGrPronoun | kGrPart) ||
         (tokens[HedgeStart(view, q) - 1].lower == ":" &&
          counts.back().quantity.span.end < HedgeStart(view, q)))) {
      reading = ReadPartIn(view, q, counts.back());
    }
    if (!reading && !blocked && !counts.empty()) {
      reading = ReadJoinedPartIn(view, q, counts.back());
    }
    // "Of these, 142 were reported from Lahore": a part of the sentence before's count
    // (but "Of the confirmed cases, Kano reported 3,476" names what its parts are).
    if (!reading && !blocked && counts.empty() && outer != nullptr &&
        std::none_of(view.terms.begin(),
                     view.terms.begin() + static_cast<std::ptrdiff_t>(HedgeStart(view, q)),
                     [](const TermAt& t) { return t.length > 0; })) {
      reading = ReadReportedLikeBefore(view, q, *outer);
      if (!reading && (OpensOnAPart(view) || OpensOnABareNumber(view))) {
        reading = ReadPartIn(view, q, *outer);
      }
    }
    // "ascienden a 35.878, 267 más que el lunes": a bare number more than a day's is an
    // increment of the count before it, new cases of its status.
    const size_t before_end = counts.empty() ? 0
                                             : std::max(counts.back().quantity.span.end,
                                                        counts.back().reading.phrase_end);
    const bool right_after_count =
        !counts.empty() && before_end <= q.span.begin && before_end + 16 >= q.span.begin;
    // So is one after words of an increase ("109.874, un incremento de 4.106 respecto a la
    // semana anterior").
    const size_t increment = !reading && !blocked && right_after_count
                                 ? scan.lexicon.IncrementAt(tokens, q.span.end)
                                 : 0;
    const bool increase = hedge > 0 && scan.lexicon.IncreaseEndsAt(tokens, hedge);
    if (!reading && !blocked && right_after_count && (increment > 0 || increase)) {
      reading =
          LikeBefore(counts.back().reading, CountPath::kVerb, q.span.begin, q.span.end + increment);
      reading->by_link = true;
    }
    if (increase && reading) reading->by_link = true;
    if (!reading && !blocked && right_after_count && CountOfAnotherPeriod(view, before_end, q)) {
      reading = LikeBefore(counts.back().reading, CountPath::kVerb, q.span.begin, q.span.end);
    }
    if (!reading && !blocked) reading = ReadNounBefore(view, q);
    if (!reading && !blocked) reading = ReadCaseClassifier(view, q, scan.lexicon);
    // "..., выздоровели 9 876.": a bare number after a status verb, ending its clause;
    // or after a word of status that is a participle there ("Pudong confirmed 80"). (An
    // item of a list, a count before it to break down, is read below: "其中浦东新区确诊80例".)
    if (!reading && !blocked && !((!counts.empty() || outer != nullptr) && IsListItem(view, q))) {
      size_t verb_at = 0;
      const auto verb = VerbEndingAt(
          view, hedge, &verb_at,
          [](const TermAt& term) -> std::optional<TermAt> {
            if ((term.term.role != TermRole::kVerb && term.term.role != TermRole::kModifier) ||
                !term.term.status) {
              return std::nullopt;
            }
            return term;
          },
          true);
      const size_t end =
          q.span.end + (q.span.end < tokens.size() && view.Is(q.span.end, kGrClassifier));
      const bool ends = end >= tokens.size() || !tokens[end].is_word ||
                        view.Is(end, kGrLocative | kGrCoordination);
      if (verb && ends && (has_disease || outbreak_text || (sentence_cues & kCueOutbreak))) {
        reading = CountReading{};
        reading->status = *verb->term.status;
        reading->path = CountPath::kVerb;
        reading->head = verb_at;
        reading->phrase_end = end;
      }
    }
    // "540 cases of typhoid, 412 of jaundice and 1,050 of diarrhoea": the noun of the count
    // before, left out before another disease.
    if (!reading && !blocked && !counts.empty() && q.span.end + 1 < tokens.size() &&
        view.Is(q.span.end, kGrOf) && !view.disease[q.span.end + 1].empty() &&
        counts.back().reading.noun_is_case_word) {
      reading = LikeBefore(counts.back().reading, CountPath::kNoun, q.span.end + 1,
                           q.span.end + 1 + view.disease_length[q.span.end + 1]);
    }
    if (!reading && !blocked && !waiting.empty()) reading = ReadElidedNoun(scan, q, waiting.back());
    if (!reading) {
      if (!blocked) bare.push_back(&q);
      continue;
    }
    count.reading = *reading;
    counts.push_back(count);
  }
  // "17 residents and six staff fell ill", "Twelve cattle and six goats died": people or
  // animals joined to the next count share what its verb says happened to it.
  for (ReadCount& first : waiting) {
    const auto next = std::find_if(counts.begin(), counts.end(), [&](const ReadCount& c) {
      return c.quantity.span.begin >= first.reading.phrase_end;
    });
    if (next == counts.end() || next->reading.path != CountPath::kVerb ||
        !PlaceThenJoints(view, first.reading.phrase_end, HedgeStart(view, next->quantity)) ||
        first.reading.phrase_end == HedgeStart(view, next->quantity)) {
      continue;
    }
    first.reading.status = next->reading.status;
    first.reading.path = CountPath::kVerb;
    counts.push_back(first);
  }
  // List items repeat the reading of the count before them in the sentence.
  std::vector<ReadCount> items_of_outer;
  for (const QuantityRef* q : bare) {
    if (!IsListItem(view, *q)) continue;
    // The count nearest before it (the items read so far stand after the counts read
    // first: "确诊病例12例（长春市9例、吉林市3例），无症状感染者25例（长春市20例...）").
    // (Not one in brackets closed before it: "澳门特别行政区25例（出院10例），台湾地区190例":
    // the 190 is no recovery; but a bare figure in brackets is one of the list's: "the
    // majority of new cases (1,455), followed by KwaZulu-Natal (612)".)
    const auto closed_aside = [&](size_t begin) {
      const size_t opened = AfterSampleSign(tokens, begin);  // "(n=2,345)"
      if (opened > 0 && IsOpeningBracket(tokens[opened - 1].lower)) return false;
      size_t open = begin;
      while (open > 0 && !IsOpeningBracket(tokens[open - 1].lower) &&
             !IsClosingBracket(tokens[open - 1].lower)) {
        --open;
      }
      if (open == 0 || !IsOpeningBracket(tokens[open - 1].lower)) return false;
      for (size_t k = begin; k < q->span.begin; ++k) {
        if (IsClosingBracket(tokens[k].lower)) return true;
      }
      return false;
    };
    int frame = -1;
    for (size_t c = 0; c < counts.size(); ++c) {
      const size_t begin = counts[c].quantity.span.begin;
      if (begin < q->span.begin && !closed_aside(begin) &&
          (frame < 0 || begin > counts[static_cast<size_t>(frame)].quantity.span.begin)) {
        frame = static_cast<int>(c);
      }
    }
    if (frame < 0) {
      // "Больше всего новых заболевших в Москве — 2 105, в Московской области — 1 034": the
      // first item of a list with no count before it counts the case noun before it.
      const size_t start = HedgeStart(view, *q);
      std::optional<size_t> noun;
      for (size_t k = start; k-- > 0 && k + 16 > start;) {
        // ("reported from eight states: Ondo (25), Edo (19)": a number of places is no
        // count before the list.)
        if (quantity_at[k] >= 0) {
          const size_t end = view.quantities[static_cast<size_t>(quantity_at[k])].span.end;
          if (!view.Is(end, kGrPlaceNoun) && !(view.cues[end] & kCueRegions)) break;
        }
        if (tokens[k].lower == ";") break;
        const TermAt& t = view.terms[k];
        // ("En cuanto a las muertes, Jalisco registra 48".)
        if (t.length > 0 && NamesTheCounted(view, k, t.term) && t.term.status &&
            k + t.length <= start) {
          noun = k;
          break;
        }
      }
      // "... 27 случаев. Астана – 9, Алматы – 11.", "从地区分布看，广州市3例、深圳市2例。": else a
      // sentence of items only breaks down the count of the sentence before.
      if (!noun && outer != nullptr && counts.empty()) {
        ReadCount item;
        item.quantity = *q;
        item.qualifier = q->quantity.qualifier;
        item.reading = outer->reading;
        item.reading.path = CountPath::kListItem;
        item.reading.frame = -1;
        item.reading.head = q->span.begin;
        item.reading.phrase_end = q->span.end;
        items_of_outer.push_back(item);
        continue;
      }
      if (!noun) continue;
      ReadCount first;
      first.quantity = *q;
      first.qualifier = q->quantity.qualifier;
      first.reading.status = *view.terms[*noun].term.status;
      // ("Los departamentos con más casos sospechosos son San Salvador, con 1.905": a word
      // of status beside a noun of cases says what the items count; "las muertes
      // confirmadas" stay deaths.)
      for (size_t k = *noun >= 2 ? *noun - 2 : 0;
           first.reading.status == CaseStatus::kConfirmed &&
           k < *noun + view.terms[*noun].length + 2 && k < start;
           ++k) {
        const TermAt& t = view.terms[k];
        if (k != *noun && t.length > 0 && t.term.role == TermRole::kModifier && t.term.status) {
          first.reading.status = *t.term.status;
        }
      }
      first.reading.head = *noun;
      first.reading.phrase_end = q->span.end;
      counts.push_back(first);
      continue;
    }
    ReadCount item;
    item.quantity = *q;
    item.qualifier = q->quantity.qualifier;
    item.reading = counts[static_cast<size_t>(frame)].reading;
    item.reading.path = CountPath::kListItem;
    item.reading.frame = frame;
    item.reading.head = q->span.begin;
    item.reading.phrase_end = q->span.end;
    if (const size_t word = ItemStatusWord(view, HedgeStart(view, *q))) {
      item.reading.status = *view.terms[HedgeStart(view, *q) - word].term.status;
    }
    // "...其次为闵行区183例；新增本土无症状感染者中，浦东新区9421例": after a semicolon, a
    // noun of cases with no number of its own says what the items after it count.
    {
      const size_t frame_end = counts[static_cast<size_t>(frame)].quantity.span.end;
      const size_t start = HedgeStart(view, *q);
      size_t semicolon = SIZE_MAX;
      for (size_t k = frame_end; k < start; ++k) {
        if (tokens[k].lower == ";") semicolon = k;
      }
      for (size_t k = semicolon == SIZE_MAX ? start : semicolon + 1; k < start; ++k) {
        const TermAt& t = view.terms[k];
        if (t.length > 0 && NamesTheCounted(view, k, t.term) && t.term.status &&
            k + t.length <= start) {
          item.reading.status = *t.term.status;
          break;
        }
      }
    }
    // "46 casos de rabia canina y 4 en gatos", "девять — у лис": the animals an item was
    // found in are its.
    const size_t in =
        q->span.end + (q->span.end < tokens.size() && IsDash(tokens[q->span.end].lower));
    if (in + 1 < tokens.size() && view.Is(in, kGrLocative) && view.terms[in + 1].length > 0 &&
        view.terms[in + 1].term.role == TermRole::kAnimal && view.terms[in + 1].term.host) {
      item.reading.host = *view.terms[in + 1].term.host;
    }
    counts.push_back(item);
  }
  counts.insert(counts.end(), items_of_outer.begin(), items_of_outer.end());
  std::sort(counts.begin(), counts.end(), [](const ReadCount& a, const ReadCount& b) {
    return a.quantity.span.begin < b.quantity.span.begin;
  });
  // "Six sheep have died, and 23 were infected", "Of these [8,000 geese], 350 died", "has
  // killed 1,420 cattle and infected close to 38,000", "a farm with 31,000 turkeys, of
  // which 2,600 died": a count with no noun of its own counts what the count before it
  // did, else the animals the sentence named before it.
  for (size_t c = 0; c < counts.size(); ++c) {
    CountReading& reading = counts[c].reading;
    if (reading.host != Host::kHuman || reading.path == CountPath::kSingle ||
        reading.path == CountPath::kTotal || reading.path == CountPath::kListItem) {
      continue;
    }
    const size_t number_end = counts[c].quantity.span.end;
    const size_t end = std::min(std::max(reading.head + 1, reading.phrase_end), view.tokens.size());
    bool nounless = true;
    for (size_t k = number_end; k < end && nounless; ++k) {
      const TermAt& t = view.terms[k];
      nounless =
          t.length == 0 || (t.term.role != TermRole::kPerson && t.term.role != TermRole::kAnimal &&
                            t.term.role != TermRole::kNoun && t.term.role != TermRole::kThing);
    }
    if (!nounless) continue;
    if (c > 0) {
      reading.host = counts[c - 1].reading.host;
    } else if (outer != nullptr) {
      reading.host = outer->reading.host;
    } else {
      // The kind of animals named last before it, unless people were named after them.
      const size_t start = HedgeStart(view, counts[c].quantity);
      for (size_t k = start; k-- > 0;) {
        const TermAt& t = view.terms[k];
        if (t.length == 0) continue;
        if (t.term.role == TermRole::kPerson) break;
        if (t.term.role == TermRole::kAnimal && t.term.host) {
          reading.host = *t.term.host;
          break;
        }
      }
    }
  }
  // Counts of one without a number; "the 12th case" also brings the total to 12. Each
  // needs a term, and starts at an article, "first" or a number.
  const bool any_term = std::any_of(view.terms.begin(), view.terms.end(),
                                    [](const TermAt& t) { return t.length > 0; });
  for (size_t i = 0; i < tokens.size() && any_term; ++i) {
    // (A bare single opens on a verb of finding or a word of newness: asked of those only.)
    const bool may_open_bare = view.terms[i].length > 0
                                   ? view.terms[i].term.role == TermRole::kKillVerb
                                   : (view.cues[i] & kCueNew) != 0;
    if (!view.Is(i, kGrArticle) && quantity_at[i] < 0 && tokens[i].lower != "first" &&
        !(may_open_bare && OpensBareSingle(scan, i))) {
      continue;
    }
    // ("un cas suspect", "un caso sospechoso": an article that is a number, read as one.)
    if (std::any_of(counts.begin(), counts.end(),
                    [i](const ReadCount& read) { return read.quantity.span.begin == i; })) {
      continue;
    }
    int64_t ordinal = 0;
    std::optional<CountReading> reading = ReadSingle(scan, i, &ordinal);
    if (!reading) continue;
    ReadCount one = CountAtWord(tokens[i], i, 1, *reading);
    one.ordinal = ordinal;
    counts.push_back(one);
    i = std::max(i, reading->head);
  }
  // (Asked only of a sentence with a verb of death.)
  const bool death_verb = std::any_of(view.terms.begin(), view.terms.end(), [](const TermAt& t) {
    return t.length > 0 && t.term.role == TermRole::kVerb && t.term.status == CaseStatus::kDeaths;
  });
  for (size_t i = 0; i < tokens.size() && death_verb; ++i) {
    CountReading reading;
    int64_t value = ReadDeathOfThoseToldOf(scan, i, &reading);
    if (value < 0) {
      // ("all of whom died": as many as the count of people before it, not of deaths.)
      const ReadCount* before = nullptr;
      for (const ReadCount& read : counts) {
        if (read.quantity.span.end <= i) before = &read;
      }
      value = 0;
      if (before != nullptr && before->reading.status != CaseStatus::kDeaths) {
        value = before->quantity.quantity.value;
        reading.host = before->reading.host;
      }
    }
    if (value == 0 || std::any_of(counts.begin(), counts.end(), [&](const ReadCount& read) {
          return read.quantity.span.begin < reading.phrase_end && i < read.reading.phrase_end;
        })) {
      continue;
    }
    counts.push_back(CountAtWord(tokens[i], i, value, reading));
    i = reading.phrase_end - 1;
  }
  std::erase_if(counts, [&](const ReadCount& read) {
    const size_t start = HedgeStart(view, read.quantity);
    return Denied(scan, start) || KilledByOtherCause(scan, start);
  });
  return counts;
}

}  // namespace epiwire::events
