// SPDX-License-Identifier: MIT
// Builds the tiers of a sentence (see analysis.h) and keeps the document model of
// places: the focus, the last place of each level for anaphora, and what never
// counts as a place of events (datelines, news outlets, organisations' names).
#include "epiwire/events/analysis.h"

#include <algorithm>

#include "epiwire/base/fold.h"
#include "epiwire/base/han.h"
#include "epiwire/base/one_of.h"
#include "epiwire/base/utf8.h"
#include "epiwire/events/counts.h"

namespace epiwire::events {
namespace {

bool IsClauseBreak(const SentenceView& view, size_t i) {
  const text::Token& token = view.tokens[i];
  if (!token.is_word) {
    const std::string_view t = token.lower;
    if (t.size() == 1 &&
        (t[0] == ',' || t[0] == ';' || t[0] == ':' || t[0] == '(' || t[0] == ')')) {
      return true;
    }
    return IsDash(t);
  }
  return view.Is(i, kGrSubordinate);
}

bool AllCaps(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// The sentence starts a line (a paragraph here).
bool StartsLine(std::string_view text, size_t start) {
  for (size_t i = start; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool EndsLine(std::string_view text, size_t end) {
  for (size_t i = end; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// "WELLINGTON:", "HOHHOT, April 12 (Xinhua) --", "Paris, Oct 30 :", "JAKARTA (Reuters) -",
// "APS – Dakar, 8 mars 2023 /": at the start of a line, places, a date and an agency in
// brackets (or before them), then a colon, a dash or a slash. The places there say where the report
// was filed.
void MarkDateline(std::string_view text, SentenceView& view) {
  const auto& tokens = view.tokens;
  if (!StartsLine(text, view.sentence.start) || view.places.empty()) return;
  // It ends at a dash or a colon, or is a line of its own: without either, there is no
  // need to read its dates.
  // (Chinese wires end theirs on 电, "wired": "新华社北京5月3日电".)
  const auto ends_dateline = [](std::string_view w) {
    return w == ":" || w == "/" || w == "\u7535" || IsDash(w);
  };
  const bool marked = std::any_of(tokens.begin(), tokens.end(),
                                  [&](const text::Token& t) { return ends_dateline(t.lower); });
  // ("Buenos Aires, 20 de marzo de 2020 (Télam)": or a line of its own, with a date; or a
  // short sentence of its own: "Buenos Aires, 20 de abril de 2020. El Ministerio ...".)
  const bool own_line = EndsLine(text, view.sentence.end);
  const bool own_sentence = tokens.size() <= 12 && tokens.back().lower == ".";
  // ("ASUNCIÓN. El Ministerio de Salud ...": a place in capitals and a full stop the
  // sentences were not split at.)
  const PlaceRef& first = view.places.front();
  const bool caps_stop =
      first.span.end < tokens.size() && tokens[first.span.end].lower == "." &&
      AllCaps(text.substr(tokens[first.span.begin].start,
                          tokens[first.span.end - 1].end - tokens[first.span.begin].start));
  if (!marked && !own_line && !own_sentence && !caps_stop &&
      view.places.front().span.end + 1 < tokens.size()) {
    return;
  }
  // A stamp before the dateline ("date 2020-07-23 Phnom Penh: ...") is skipped.
  const std::vector<DateRef>& dates = view.Dates();
  size_t begin = 0;
  for (const DateRef& date : dates) {
    if (date.span.begin <= 1 && date.span.end > begin) begin = date.span.end;
  }
  if (begin > 0 && tokens[0].lower != "date" && dates.front().span.begin != 0) begin = 0;
  // An agency before it: "APS – Dakar, 8 mars 2023 / ...", "EFE - Lima, 7 mar. -".
  if (begin == 0 && tokens.size() > 2 && tokens[0].is_word &&
      tokens[0].end - tokens[0].start <= 6 &&
      AllCaps(text.substr(tokens[0].start, tokens[0].end - tokens[0].start)) &&
      IsDash(tokens[1].lower) && view.PlaceAt(0) == nullptr) {
    begin = 2;
  }
  // An agency's name right before it: "新华社北京5月3日电", "Xinhua Beijing, May 3 -".
  if (begin == 0 && view.places.front().span.begin > 0) {
    bool agency = true;
    for (size_t k = 0; k < view.places.front().span.begin && agency; ++k) {
      agency = (view.cues[k] & kCueSource) != 0;
    }
    if (agency) begin = view.places.front().span.begin;
  }
  if (view.places.front().span.begin != begin) return;
  size_t end = 0;
  const text::Token& head = tokens[begin];
  const bool caps = AllCaps(text.substr(head.start, head.end - head.start));
  for (size_t i = begin; i < tokens.size() && i < begin + 16; ++i) {
    const std::string_view w = tokens[i].lower;
    // ("YAOUNDE/MALABO, Feb 14 (Reuters) -": a slash between places joins them.)
    const bool joins_places = w == "/" && view.PlaceAt(i + 1) != nullptr;
    if ((ends_dateline(w) && (w != "/" || (i > begin + 1 && !joins_places))) ||
        (caps_stop && i == first.span.end)) {
      end = i;
      break;
    }
    if (w == "(") {  // an agency: "(Reuters)", "(APP - UrduPoint ... )"
      while (i < tokens.size() && tokens[i].lower != ")") ++i;
      continue;
    }
    if (w == "," || w == "." || joins_places || tokens[i].has_digit || view.PlaceAt(i) != nullptr) {
      continue;
    }
    const bool date_word = std::any_of(dates.begin(), dates.end(), [&](const DateRef& d) {
      return d.span.begin <= i && i < d.span.end;
    });
    if (date_word || tokens[i].capitalized) continue;
    return;  // ordinary words: a sentence, not a dateline
  }
  // "Zinder: 451 cases, 12 deaths", "California: 5,912": a row of a table names its place
  // and goes on with its figures, not a story.
  if (end > 0 && end + 1 < tokens.size() && tokens[end + 1].has_digit) return;
  // A whole line that is only an upper-case place ("NUR-SULTAN.") is a dateline too.
  if (end == 0) {
    const PlaceRef& only = view.places.front();
    const bool alone = only.span.end + 1 >= tokens.size() && caps && tokens.size() <= begin + 3;
    const bool dated =
        (own_line || own_sentence) && !dates.empty() && dates.front().span.begin > begin;
    if (!alone && !dated) return;
    end = tokens.size();
  }
  for (PlaceRef& ref : view.places) {
    if (ref.span.begin < end) ref.role = PlaceRole::kDateline;
  }
}

// Whether a figure of the sentence ends right before token k ("two from ...").
bool FigureEndsAt(const SentenceView& view, size_t k) {
  return std::any_of(view.quantities.begin(), view.quantities.end(),
                     [k](const QuantityRef& q) { return q.span.end == k; });
}

// "a 50-year-old man from X", "a toddler from X": where the person lives, unless the
// sentence has them travel ("a 38-year-old man from Malappuram district who returned
// from the United Arab Emirates": a journey told after the place, from elsewhere, leaves
// the person's home), or puts them in another country ("two visitors from Indonesia
// tested positive in Singapore": they came from there). `from` is the token of "from",
// `place_end` ends the place.
bool HomeOfAPerson(const SentenceView& view, size_t from, size_t place_end) {
  const auto& tokens = view.tokens;
  if (tokens[from].lower != "from" || from == 0 || view.terms[from - 1].length == 0 ||
      view.terms[from - 1].term.role != TermRole::kPerson) {
    return false;
  }
  bool journey_after = false;
  for (size_t m = place_end; m + 1 < tokens.size() && !journey_after; ++m) {
    journey_after = view.Is(m + 1, kGrFrom) && (view.cues[m] & kCueTravel);
  }
  const PlaceRef* home = view.PlaceAt(place_end - 1);
  const bool elsewhere =
      home != nullptr && !home->place.country.empty() &&
      std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& ref) {
        return ref.span.begin > place_end && view.Is(ref.span.begin - 1, kGrLocative) &&
               !ref.place.country.empty() && ref.place.country != home->place.country;
      });
  const bool travels = (view.CuesIn(0, tokens.size()) & (kCueTravel | kCueImported)) != 0;
  return (!travels || journey_after) && !elsewhere;
}

// "16 from Kingston", "Forty of the new cases are from St Catherine": in a sentence that
// tells of no importation or travel, a place below a country after a figure, or after a
// noun of cases (and its verb of being), and "from" is where those people are. `from` is
// the token of "from", `place` the place after it.
bool FromIsWhereTheyAre(const SentenceView& view, size_t from, const PlaceRef* place) {
  if (place == nullptr || place->place.level == PlaceLevel::kCountry ||
      (view.all_cues & (kCueImported | kCueTravel))) {
    return false;
  }
  size_t k = from;
  if (k > 0 && view.Is(k - 1, kGrAuxiliary | kGrState)) --k;
  return FigureEndsAt(view, k) ||
         (k > 0 && view.terms[k - 1].length > 0 && view.terms[k - 1].term.role == TermRole::kNoun);
}

// "in X" after "from ...": "from ski resorts in Italy" narrows where people came
// from; "deaths from the fever in Bahia" is about the illness, and X is where; "a man
// from Edavanna in Malappuram district" is where the man lives.
PlaceRole LocativeAfterFrom(const SentenceView& view, size_t in_at, size_t place_end) {
  for (size_t m = in_at; m-- > 0 && m + 6 > in_at;) {
    if (view.tokens[m].lower != "from" && !view.Is(m, kGrFrom)) continue;
    if (HomeOfAPerson(view, m, place_end)) return PlaceRole::kLocative;
    for (size_t n = m + 1; n < in_at; ++n) {
      if (!view.disease[n].empty() || (view.cues[n] & kCueOutbreak) || view.terms[n].length > 0) {
        return PlaceRole::kLocative;
      }
      // ("из них 118 в Москве": "of them" and a figure, no place left.)
      if (view.tokens[n].has_digit || view.Is(n, kGrPronoun)) return PlaceRole::kLocative;
      // "a train from Milan were taken off at Innsbruck": a new clause, not one phrase.
      if (view.PlaceAt(n) != nullptr || view.Is(n, kGrAuxiliary | kGrCountVerb)) {
        return PlaceRole::kLocative;
      }
    }
    return PlaceRole::kOrigin;
  }
  return PlaceRole::kLocative;
}

// How the words before a place mark it: "from X", "via X", "bordering X" (where people
// came from), "in X" (where something is), "to X" (where people went). "reported from
// X" and "a man from X" say where, not where from; "transited in X" is on the way.
PlaceRole RoleBefore(const SentenceView& view, TokenSpan span) {
  const auto& tokens = view.tokens;
  for (size_t back = 1; back <= 7 && back <= span.begin; ++back) {
    const size_t k = span.begin - back;
    const text::Token& t = tokens[k];
    // A mark ends the phrase before the place, unless it closes a grammar word: the
    // elided "d'" of "en provenance d'Italie".
    if (!t.is_word && t.lower != "'s" && view.grammar[k] == 0) break;
    const std::string_view before = k > 0 ? tokens[k - 1].lower : std::string_view();
    // "According to the KP health department": who speaks, no place anyone went to.
    if (t.lower == "to" && before == "according") return PlaceRole::kPlain;
    // "any foreign national who has been in China": where travellers had been.
    if (view.Is(k, kGrLocative | kGrTo) && before == "been" && k >= 2 &&
        OneOf(tokens[k - 2].lower, {"has", "have", "had"})) {
      return PlaceRole::kOrigin;
    }
    // "связано с посещением Таиланда", "曾到访越南": where travellers had been.
    if (back == 1 && (view.cues[k] & kCueVisit)) return PlaceRole::kOrigin;
    if (OneOf(t.lower, {"borders", "bordering", "border", "visited", "visiting"})) {
      // ("the border department of Norte de Santander", "the border city of X": a kind of
      // place, not the other side of a border.)
      if (k + 1 < span.begin && view.Is(k + 1, kGrPlaceNoun)) continue;
      return PlaceRole::kOrigin;
    }
    // "las fronteras con Chile", "sa frontière avec la Guinée", "граница с Китаем",
    // "авиасообщение с Великобританией", "flights with Britain": the other side of a border
    // or of a link.
    // (cue class `link`: the phrase ends with its joining word)
    if ((view.cues[k] & kCueLink) && k > 0 && (view.cues[k - 1] & kCueLink)) {
      return PlaceRole::kOrigin;
    }
    // "arrivé du Maroc", "de retour de Chine": "of" ending a phrase of importation.
    // "tres casos importados: dos de Brasil y uno de Perú": in a sentence of imported
    // cases, "of" right after a figure, or after its verb of being ("8 son de
    // Venezuela", "5 sont du Mali"), says where that many came from.
    // Elsewhere, that many are of the place, where they live: "1.195 son de Montevideo,
    // 532 de Canelones".
    // (An elided "of" is two tokens: "2 d'Italie".)
    const size_t of = t.lower == "'" && k > 0 && view.Is(k - 1, kGrOf) ? k - 1 : k;
    const bool of_figure =
        view.Is(k, kGrOf) && back == 1 &&
        (FigureEndsAt(view, of) ||
         (of > 0 && view.Is(of - 1, kGrAuxiliary | kGrState) && FigureEndsAt(view, of - 1))) &&
        !(span.end < tokens.size() && tokens[span.end].lower == "'s");
    const bool part_from = of_figure && (view.all_cues & kCueImported);
    if (of_figure && !part_from) return PlaceRole::kLocative;
    const bool from = view.Is(k, kGrFrom) || (t.lower == "of" && before == "out") ||
                      view.OfImportation(k) || part_from;
    if (from) {
      const size_t verb = t.lower == "of" ? k - 1 : k;
      if (verb > 0 && view.Is(verb - 1, kGrCountVerb | kGrReport)) return PlaceRole::kLocative;
      // "142 were reported from Lahore, 118 from Rawalpindi": the items of a list that
      // opened on "reported from" are reported from there too.
      // (A number word as well: "two were reported from Bengaluru and one from Mysuru".)
      if (k > 0 && (tokens[k - 1].has_digit || FigureEndsAt(view, k))) {
        for (size_t m = 1; m + 1 < k; ++m) {
          if (view.Is(m, kGrFrom) && view.Is(m - 1, kGrCountVerb | kGrReport)) {
            return PlaceRole::kLocative;
          }
        }
      }
      if (HomeOfAPerson(view, k, span.end) ||
          (back == 1 && FromIsWhereTheyAre(view, k, view.PlaceAt(span.begin)))) {
        return PlaceRole::kLocative;
      }
      return PlaceRole::kOrigin;
    }
    if (view.Is(k, kGrLocative)) {
      // "рейсы в Китай": after a means of travel, a preposition that also says "to" says
      // where it goes.
      constexpr uint32_t kMeans = kCueModeAir | kCueModeRoad | kCueModeRail | kCueModeSea;
      if (view.Is(k, kGrTo) && view.CueBefore(k, kMeans | kCueTravel)) {
        return PlaceRole::kTarget;
      }
      // "авиарейсы из Владивостока в Харбин": after a place left, where the way goes.
      if (view.Is(k, kGrTo) && k > 0) {
        const PlaceRef* left = view.PlaceAt(k - 1);
        if (left != nullptr && left->span.end == k && left->span.begin > 0 &&
            view.Is(left->span.begin - 1, kGrFrom) && !view.Is(left->span.begin - 1, kGrSince)) {
          return PlaceRole::kTarget;
        }
      }
      if (OneOf(before, {"transited", "transiting", "stopover", "layover"})) {
        return PlaceRole::kOrigin;
      }
      // "arriving in Hong Kong", "landed in X": where travellers went on the way.
      if (OneOf(before, {"arriving", "arrived", "arrive", "arrives", "landed", "landing"})) {
        return PlaceRole::kTarget;
      }
      // "who had holidayed in Hurghada", "travelled in Italy": where they were before.
      if (k > 0 && (view.cues[k - 1] & kCueTravel) && view.terms[k - 1].length == 0) {
        return PlaceRole::kOrigin;
      }
      return LocativeAfterFrom(view, k, span.end);
    }
    // "De los 28 casos, 22 corresponden a Epuyén, tres a El Maitén": where a part belongs
    // (the verb's phrase ends with "to"), and so the items after it, "to" right after
    // their figure.
    if (view.Is(k, kGrTo) && ((view.cues[k] & kCueResidence) ||
                              ((view.all_cues & kCueResidence) && FigureEndsAt(view, k)))) {
      return PlaceRole::kLocative;
    }
    if (back <= 2 && view.Is(k, kGrTo)) {
      // "who had recently travelled to Florida", "who travelled to the Philippines",
      // "with a history of travel to India", "con antecedente de viaje a México": where
      // they had been, so where from.
      if (k >= 2 && view.CueBefore(k, kCueTravel | kCueImported)) {
        // ("habían viajado recientemente a Colombia": past an adverb after the verb.)
        const size_t verb = view.cues[k - 1] & (kCueTravel | kCueImported) ? k - 1 : k - 2;
        size_t b = verb;
        if (b > 0 && tokens[b - 1].lower == "recently") --b;
        // ("during a trip to Nigeria", "linked to travel to Bali": the journey's noun, its
        // article or the phrase of importation it ends before it.)
        const bool journey_noun = b > 0 && (view.Is(b - 1, kGrArticle | kGrDeterminer) ||
                                            (view.cues[b - 1] & view.cues[b] & kCueImported));
        // (Not where a journey from elsewhere ended: "who flew to Melbourne from Wuhan",
        // "a ship that sailed into Durban from India".)
        bool from_after = false;
        for (size_t m = k + 1; m < tokens.size() && m < k + 8 && !from_after; ++m) {
          from_after = view.clause[m] == view.clause[k] && view.Is(m, kGrFrom);
        }
        if (b > 0 && !from_after &&
            (tokens[b - 1].lower == "had" || journey_noun || view.Is(b - 1, kGrRelative | kGrOf) ||
             (view.Is(b - 1, kGrAuxiliary) && !tokens[verb].lower.ends_with("ing")) ||
             OneOf(tokens[b - 1].lower, {"after", "recent", "from"}))) {
          return PlaceRole::kOrigin;
        }
      }
      // "rose to 31 in X" is a total; after a travel word or a verb, "to X" is where
      // people went.
      return t.lower == "to" && k > 0 && tokens[k - 1].has_digit ? PlaceRole::kPlain
                                                                  : PlaceRole::kTarget;
    }
    // Only the words of a noun phrase may stand between the marker and the place:
    // "in the coastal city of X", "from the nearby Russian city of X"; a verb ends it
    // ("barred from entering the UK").
    const bool phrase_word = view.Is(k, kGrDeterminer | kGrOf) || t.capitalized ||
                             t.lower == "'s" || !(view.grammar[k] & ~kGrPlaceNoun);
    const bool gerund = t.lower.ends_with("ing") && !t.capitalized &&
                        !OneOf(t.lower, {"neighbouring", "neighboring", "surrounding",
                                         "adjoining", "remaining", "following", "bordering"});
    // (A place noun counted as a thing still stands in the phrase: "dans la région de X".)
    const bool term = view.terms[k].length > 0 && !view.Is(k, kGrPlaceNoun);
    if (!phrase_word || gerund || t.has_digit || term) break;
  }
  return PlaceRole::kPlain;
}

// "Wuhan, the capital of Hubei province, reported ...", "Suifenhe, a small border city
// in Heilongjiang, has ...", "Georgia, the former Soviet republic in the Caucasus, ...":
// the places inside an apposition only describe the place before it. The apposition's
// place noun also says what kind of place that is ("Sao Paulo, the most populous
// state"): `level_hint` keeps it for the caller.
void MarkAppositions(SentenceView& view) {
  const auto& tokens = view.tokens;
  for (PlaceRef& head : view.places) {
    const size_t comma = head.span.end + (head.possessive ? 1 : 0);
    if (comma + 1 >= tokens.size() || tokens[comma].lower != ",") continue;
    const size_t open = comma + 1;
    const PlaceRef* owner = view.PlaceAt(open);
    // ("Burundi, where most infections have been around Bujumbura, has confirmed ...": so
    // does a relative clause.)
    const bool relative = view.Is(open, kGrRelative);
    const bool starts_phrase = view.Is(open, kGrDeterminer) || relative ||
                               (owner != nullptr && owner->span.end < tokens.size() &&
                                tokens[owner->span.end].lower == "'s");
    if (!starts_phrase) continue;
    size_t close = open;
    while (close < tokens.size() && tokens[close].lower != "," && tokens[close].lower != ";" &&
           !tokens[close].has_digit && close < open + 14) {
      ++close;
    }
    if (close >= tokens.size() || tokens[close].lower != ",") continue;
    // ("Después de Cali, los municipios más afectados son Palmira, ...": a clause with a
    // verb of its own is no apposition.)
    bool verb = false;
    for (size_t k = open; k < close && !verb; ++k) {
      verb = view.Is(k, kGrAuxiliary | kGrState | kGrCountVerb) ||
             (view.terms[k].length > 0 && view.terms[k].term.role == TermRole::kVerb);
    }
    if (verb && !relative) continue;
    // ("Italy, the epicentre of the outbreak in Europe, reported": words that describe
    // make an apposition without a place noun; "Italy, the UK, France" is a list.)
    bool noun_seen = false;
    bool described = false;
    for (size_t k = open; k < close; ++k) {
      if (view.Is(k, kGrPlaceNoun) && !noun_seen) {
        noun_seen = true;
        head.apposition_noun = k;
      }
      described = described || (tokens[k].is_word && view.PlaceAt(k) == nullptr &&
                                !view.Is(k, kGrDeterminer | kGrCoordination));
    }
    if (!noun_seen && !described) continue;
    for (PlaceRef& inner : view.places) {
      if (inner.span.begin >= open && inner.span.end <= close) inner.qualifier = true;
    }
  }
}

// "全国（不含香港、澳门特别行政区和台湾地区）", "nationwide (excluding Moscow)", "toute la
// France hors Mayotte": the places after a word of exclusion, to the end of its brackets
// or, outside brackets, those of the list right after it, are left out of the figure.
void MarkExclusions(SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  // (Only a word before the last place can leave one out.)
  size_t last = 0;
  for (const PlaceRef& ref : view.places) last = std::max(last, ref.span.begin);
  for (size_t k = 0; k < last; ++k) {
    const size_t length = lexicon.ExclusionLength(tokens, k);
    if (length == 0) continue;
    size_t end = k + length;
    if (InBrackets(view, k)) {
      while (end < tokens.size() && tokens[end].lower != ")") ++end;
    } else {
      for (const PlaceRef& ref : view.places) {
        if (ref.span.begin < end) continue;
        if (!view.OnlyJoints(end, ref.span.begin, kGrCoordination | kGrDeterminer)) break;
        end = ref.span.end;
      }
    }
    for (PlaceRef& ref : view.places) {
      if (ref.span.begin >= k + length && ref.span.end <= end) {
        ref.excluded = true;
        ref.qualifier = true;
      }
    }
    k = end;
  }
}

// "arrivals into Singapore", "travellers entering the UK", "las personas que lleguen a
// España", "les voyageurs arrivant en France": a place right after a phrase of entering or
// arriving, or after it and a word or two of its own ("entering mainland China"), is where
// people come in; not after a word that turns to where they came from ("entering from").
void MarkEntered(SentenceView& view, const Lexicon& lexicon) {
  constexpr size_t kWordsBetween = 2;
  for (PlaceRef& ref : view.places) {
    for (size_t between = 0; between <= kWordsBetween && between < ref.span.begin; ++between) {
      // (Each word between is tried as the phrase's end is moved back over it.)
      const size_t end = ref.span.begin - between;
      if (between > 0 && (!view.tokens[end].is_word ||
                          view.Is(end, kGrFrom | kGrOf | kGrCoordination | kGrRelative |
                                           kGrSubordinate | kGrLocative | kGrTo))) {
        break;
      }
      if (lexicon.EntryEndsAt(view.tokens, end)) {
        ref.entered = true;
        break;
      }
    }
  }
}

// "the travel ban on India, Pakistan, Nepal and Thailand has been extended": the places
// right after a restriction and its "on" (an article may stand between), and those listed
// with them, are whom it is on.
void MarkRestricted(SentenceView& view, const Lexicon& lexicon) {
  const PlaceRef* last = nullptr;
  for (PlaceRef& ref : view.places) {
    size_t end = ref.span.begin;
    if (end > 0 && view.Is(end - 1, kGrDeterminer)) --end;
    const bool listed =
        last != nullptr && ref.span.begin > last->span.end &&
        ref.span.begin - last->span.end <= 3 &&
        view.OnlyJoints(last->span.end, ref.span.begin, kGrCoordination | kGrDeterminer);
    if (!lexicon.RestrictionOnEndsAt(view.tokens, end) && !listed) {
      last = nullptr;
      continue;
    }
    ref.restricted = true;
    ref.role = PlaceRole::kTarget;
    last = &ref;
  }
}

void MarkPlaceRoles(std::string_view text, SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  for (PlaceRef& ref : view.places) {
    ref.role = RoleBefore(view, ref.span);
    // "near the German border", "près de la frontière allemande": a demonym that qualifies
    // a border names its other side, as "the border with Germany" does, not where anything
    // is. (Not one of two sides: "the Russian-Chinese border".)
    if (ref.demonym &&
        ((ref.span.end < tokens.size() && lexicon.IsBorderWord(tokens[ref.span.end].lower)) ||
         (ref.span.begin > 0 && lexicon.IsBorderWord(tokens[ref.span.begin - 1].lower)))) {
      const bool paired = std::any_of(
          tokens.begin() + static_cast<std::ptrdiff_t>(ref.span.begin),
          tokens.begin() + static_cast<std::ptrdiff_t>(ref.span.end),
          [](const text::Token& t) { return t.lower.find('-') != std::string_view::npos; });
      if (!paired) ref.role = PlaceRole::kOrigin;
    }
    // "菲律宾输入": a word after the place that makes it where people came from.
    size_t next = ref.span.end;
    while (next < tokens.size() && view.Is(next, kGrEach)) ++next;  // "法国 各 输入"
    if (next < tokens.size() && view.Is(next, kGrFromAfter)) {
      ref.role = PlaceRole::kOrigin;
    }
    size_t after = ref.span.end;
    if (after < tokens.size() && tokens[after].lower == "'s") {
      ref.possessive = true;
      ++after;
    }
    // What the name is part of: "X's Daily News" (an outlet), "X State University"
    // (an organisation), "the X Health Department" (a reporting body).
    for (size_t k = after; k < after + 4 && k < tokens.size(); ++k) {
      // A name in a script without case ("新疆生产建设兵团") is read as if capitalised.
      const bool capital =
          tokens[k].capitalized ||
          (!tokens[k].lower.empty() && IsCjkLead(static_cast<unsigned char>(tokens[k].lower[0])));
      // "X's Daily NK", "The X Post", "reports X news agency".
      const bool agency = tokens[k].lower == "agency" || tokens[k].lower == "newspaper" ||
                          (tokens[k].lower == "news" && k + 1 < tokens.size() &&
                           tokens[k + 1].lower == "agency");
      if ((view.cues[k] & kCueSource) && (ref.possessive || capital || agency)) {
        ref.role = PlaceRole::kSource;
      }
      // ("Germany's Robert Koch Institute": the organisation is the country's, a body
      // that reports for it.)
      if ((view.cues[k] & kCueOrganisation) && capital) {
        if (ref.possessive) {
          ref.authority = true;
        } else {
          ref.role = PlaceRole::kOrganisation;
        }
      }
      if (view.cues[k] & kCueAuthority) ref.authority = true;
      if (!tokens[k].is_word ||
          (!capital && !(view.cues[k] & (kCueAuthority | kCueSource)))) {
        break;
      }
    }
  }
  // "from A, B and C", "in A, B and the C", "desde Europa y Estados Unidos", "en
  // provenance de l'Espagne et de la France": a place in a list takes the role of the
  // list's first place.
  for (size_t p = 1; p < view.places.size(); ++p) {
    PlaceRef& ref = view.places[p];
    const PlaceRef& previous = view.places[p - 1];
    if (ref.role != PlaceRole::kPlain || previous.role == PlaceRole::kPlain) continue;
    if (ref.span.begin < previous.span.end || ref.span.begin - previous.span.end > 12) continue;
    bool joint = false;
    bool list = true;
    int depth = 0;  // inside a bracketed figure: "印尼(4例)、越南(3例)"
    size_t outside = 0;
    for (size_t k = previous.span.end; k < ref.span.begin; ++k) {
      const std::string_view w = tokens[k].lower;
      if (IsOpenBracket(w)) ++depth;
      if (depth > 0) {
        if (IsCloseBracket(w)) --depth;
        continue;
      }
      ++outside;
      const bool mark = w == "," || w == "\u3001" || view.Is(k, kGrCoordination);
      joint = joint || mark;
      list = list && (mark || view.Is(k, kGrDeterminer | kGrOf));  // "et de la France"
    }
    // (Across bracketed figures only for where people came from or went to.)
    const bool crossed = depth != 0 || outside != ref.span.begin - previous.span.end;
    // ("du Nord-Kivu et de l'Ituri": an elided article is two tokens.)
    if (outside > 4 ||
        (crossed && previous.role != PlaceRole::kOrigin && previous.role != PlaceRole::kTarget)) {
      continue;
    }
    // ("Russia closed its border with Mongolia, and Singapore barred entry": a place that
    // opens a clause of its own, its verb right after it, is that clause's subject.)
    const size_t after = ref.span.end;
    const bool subject = view.clause[ref.span.begin] != view.clause[previous.span.begin] &&
                         after < tokens.size() &&
                         (view.Is(after, kGrReport | kGrCountVerb | kGrAuxiliary) ||
                          view.measure_start[after] || (view.cues[after] & kCueModal));
    if (list && joint && !subject) ref.role = previous.role;
  }
  // "прямым рейсом Сеул — Владивосток", "the Seoul-Vladivostok flight": two places joined
  // by a dash beside a means of travel are a route, from the first to the second.
  constexpr uint32_t kMeans = kCueModeAir | kCueModeRoad | kCueModeRail | kCueModeSea;
  for (size_t p = 1; p < view.places.size(); ++p) {
    PlaceRef& from = view.places[p - 1];
    PlaceRef& to = view.places[p];
    if (to.span.begin != from.span.end + 1 || !IsDash(tokens[from.span.end].lower)) continue;
    const bool before = from.span.begin > 0 && (view.cues[from.span.begin - 1] & kMeans);
    const bool after = to.span.end < tokens.size() && (view.cues[to.span.end] & kMeans);
    if (!before && !after) continue;
    from.role = PlaceRole::kOrigin;
    to.role = PlaceRole::kTarget;
  }
  // Of two places of one country standing together, the broader one only says where
  // the narrower one is: "Fuzhou, Fujian Province", "Pakistan's Punjab province",
  // "Carbon County, Wyoming", "Mumbai's Dharavi".
  for (PlaceRef& ref : view.places) {
    for (const PlaceRef& other : view.places) {
      if (&other == &ref || other.place.country != ref.place.country || other.demonym ||
          ref.place.country.empty()) {
        continue;
      }
      const bool after = ref.span.begin >= other.span.end;
      const size_t gap = after ? ref.span.begin - other.span.end : other.span.begin - ref.span.end;
      if (gap > 3) continue;
      bool joined = gap == 0;
      bool possessed = false;
      for (size_t k = std::min(ref.span.end, other.span.end);
           k < std::max(ref.span.begin, other.span.begin); ++k) {
        const std::string_view w = tokens[k].lower;
        // "Cambodia's southeastern Prey Veng province": a plain adjective after the owner.
        const bool adjective = possessed && tokens[k].is_word && !tokens[k].capitalized &&
                               !tokens[k].has_digit && view.grammar[k] == 0 &&
                               view.terms[k].length == 0 && view.disease[k].empty();
        possessed = possessed || w == "'s";
        joined = w == "," || w == "'s" || w == "(" || (w == "in" && gap == 1) || adjective;
        if (!joined) break;
      }
      if (!joined) continue;
      const Place& a = ref.place;
      const Place& b = other.place;
      bool broader = false;
      if (a.level == PlaceLevel::kCountry) broader = b.level != PlaceLevel::kCountry;
      if (a.level == PlaceLevel::kSubdivision && b.level != PlaceLevel::kSubdivision &&
          b.level != PlaceLevel::kCountry) {
        broader = b.subdivision.empty() || b.subdivision == a.subdivision;
      }
      // "Mumbai's Dharavi": a possessive before a place of its own kind.
      if (!broader && ref.possessive && !after && a.level == b.level &&
          a.level == PlaceLevel::kCity) {
        broader = true;
      }
      if (broader) ref.qualifier = true;
    }
  }
  MarkAppositions(view);
  MarkDateline(text, view);
}

// "India's capital", "Japan's national capital", "the Peruvian capital": the country's
// capital city, which the count is made in, not the country.
void ReadCapitals(SentenceView& view, const gazetteer::Gazetteer& gazetteer) {
  const auto& tokens = view.tokens;
  for (PlaceRef& ref : view.places) {
    if (!(ref.possessive || ref.demonym) || ref.place.level != PlaceLevel::kCountry) continue;
    size_t k = ref.span.end;  // the "'s"
    if (k < tokens.size() && tokens[k].lower == "'s") ++k;
    if (k < tokens.size() && tokens[k].lower == "national") ++k;
    if (k >= tokens.size() || tokens[k].lower != "capital") continue;
    if (k + 1 < tokens.size() && (tokens[k + 1].lower == "," || tokens[k + 1].capitalized ||
                                  view.PlaceAt(k + 1) != nullptr)) {
      continue;  // "India's capital, New Delhi," names it
    }
    std::optional<Place> capital = gazetteer.Capital(ref.place.country);
    if (!capital) continue;
    ref.place = *capital;
    ref.demonym = false;
    ref.span.end = k + 1;
    ref.possessive = k + 1 < tokens.size() && tokens[k + 1].lower == "'s";
  }
}

// "farms in Washington and Montana", "New York and New Jersey": a city named in a list of
// its country's subdivisions is the subdivision of its name, where there is one. So are
// the cities of a breakdown by subdivisions, each with its figure in brackets ("followed
// by Yobe (630), Katsina (486), Bauchi (385) and the Federal Capital Territory (29)"),
// where each city could be the subdivision of its name.
}  // namespace

std::optional<Place> RegionNamedLike(std::string_view text, const SentenceView& view,
                                     const PlaceRef& ref, const gazetteer::Gazetteer& gazetteer) {
  if (ref.place.level != PlaceLevel::kCity) return std::nullopt;
  const text::Token& first = view.tokens[ref.span.begin];
  const text::Token& last = view.tokens[ref.span.end - 1];
  auto subdivision = gazetteer.LookupLevel(text.substr(first.start, last.end - first.start),
                                           ref.place.country, PlaceLevel::kSubdivision);
  if (!subdivision || subdivision->subdivision != ref.place.subdivision) return std::nullopt;
  return subdivision;
}

namespace {

void ReadListsOfOneLevel(std::string_view text, SentenceView& view,
                         const gazetteer::Gazetteer& gazetteer) {
  const auto& tokens = view.tokens;
  const auto name_of = [&](const PlaceRef& ref) {
    const text::Token& first = tokens[ref.span.begin];
    const text::Token& last = tokens[ref.span.end - 1];
    return text.substr(first.start, last.end - first.start);
  };
  const auto homonym = [&](const PlaceRef& ref) {
    return RegionNamedLike(text, view, ref, gazetteer);
  };
  // "las provincias con más casos son Santo Domingo, con 3.801; ...", "Tarija, Beni and
  // the other departments": in a sentence of regions, a city named like its region is it.
  if (view.all_cues & kCueRegions) {
    for (PlaceRef& ref : view.places) {
      if (ref.qualifier || ref.demonym) continue;
      if (auto subdivision = homonym(ref)) ref.place = *subdivision;
    }
  }
  // Joints between two items: commas, "and", articles, and the first's figure in brackets.
  // (Not ListAround's lists: "each" shares a count out over those, and a breakdown's
  // places each have their own.)
  // Or the next item's figure and its preposition: "14 in Lagos, 4 in FCT, 1 in Oyo".
  const auto figure_at = [&](size_t k) {
    return std::any_of(view.quantities.begin(), view.quantities.end(),
                       [&](const QuantityRef& q) { return q.span.begin <= k && k < q.span.end; });
  };
  // Or the first's figure after it, bare, after a colon, a dash, "with" or a verb that
  // takes it, with its case nouns: "Mombasa 148, Kiambu 102", "Laikipia had 140, Meru 96",
  // "Santa Bárbara, con 5,186 casos y 14 muertes; Yoro".
  const auto figures_after = [&](size_t from, size_t to) {
    size_t k = from;
    bool figure = false;
    for (; k < to && k < from + 12; ++k) {
      if (figure_at(k)) {
        figure = true;
      } else if (tokens[k].is_word &&
                 !view.Is(k, kGrCompanion | kGrCoordination | kGrCountVerb | kGrAuxiliary |
                                 kGrPerfect) &&
                 view.terms[k].length == 0) {
        break;
      }
    }
    // (What ends the item: punctuation, or "and" before the last.)
    return figure && k == to && (!tokens[to - 1].is_word || view.Is(to - 1, kGrCoordination));
  };
  const auto joined = [&](size_t from, size_t to) {
    // ("Katsina (876), Yobe", "Katsina (876; 16%) and Yobe", "Katsina (n=876)": a
    // bracketed figure, a share of it after it at most.)
    if (from < to && tokens[from].lower == "(") {
      size_t close = from + 1;
      if (close + 1 < to && tokens[close].lower == "n" && tokens[close + 1].lower == "=") {
        close += 2;
      }
      const size_t figure = close;
      while (close < to && tokens[close].has_digit) ++close;
      if (close == figure) return false;
      if (close < to && (tokens[close].lower == ";" || tokens[close].lower == ",")) {
        ++close;
        while (close < to && (tokens[close].has_digit || tokens[close].lower == "%" ||
                              tokens[close].lower == ".")) {
          ++close;
        }
      }
      if (close >= to || tokens[close].lower != ")") return false;
      from = close + 1;
    }
    if (figures_after(from, to)) return true;
    const PlaceRef* next = view.PlaceAt(to);
    if (from + 2 < to && tokens[from].lower == "," && figure_at(to - 2) &&
        (view.Is(to - 1, kGrLocative) ||
         (view.Is(to - 1, kGrOf) && next != nullptr && next->role == PlaceRole::kLocative))) {
      size_t k = from + 1;
      while (k < to - 1 && figure_at(k)) ++k;
      return k == to - 1;
    }
    return from < to && view.OnlyJoints(from, to, kGrCoordination | kGrDeterminer);
  };
  std::vector<PlaceRef*> items;
  const auto settle = [&] {
    size_t subdivisions = 0;  // the items that are subdivisions of the list's country
    bool all = items.size() >= 2;
    for (const PlaceRef* item : items) {
      const bool subdivision = item->place.level == PlaceLevel::kSubdivision &&
                               item->place.country == items.front()->place.country;
      all = all && !item->qualifier && !item->demonym &&
            item->place.country == items.front()->place.country && (subdivision || homonym(*item));
      subdivisions += subdivision;
    }
    // "Busia County remains the most affected with 11 cases, followed by Mombasa (6), Nakuru
    // (3) and Bungoma (2)": a list of cities named like their regions, in a sentence that
    // names a region of their country, is of regions too.
    const bool regions_beside =
        all && subdivisions == 0 &&
        std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& other) {
          return other.place.level == PlaceLevel::kSubdivision && !other.qualifier &&
                 other.place.country == items.front()->place.country &&
                 std::find(items.begin(), items.end(), &other) == items.end();
        });
    for (PlaceRef* item : items) {
      if (item->place.level != PlaceLevel::kCity || item->qualifier || item->demonym) continue;
      // One city among subdivisions only: the subdivision of its name, wherever the city
      // lies ("Washington and Oregon").
      if (items.size() >= 2 && subdivisions + 1 == items.size()) {
        if (auto subdivision = gazetteer.LookupLevel(name_of(*item), item->place.country,
                                                     PlaceLevel::kSubdivision)) {
          item->place = *subdivision;
        }
      } else if (all && (subdivisions > 0 || regions_beside)) {
        if (auto subdivision = homonym(*item)) item->place = *subdivision;
      }
    }
    items.clear();
  };
  for (PlaceRef& ref : view.places) {
    if (!items.empty() && !joined(items.back()->span.end, ref.span.begin)) settle();
    items.push_back(&ref);
  }
  settle();
}

void FindAnaphors(SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  const bool articles = lexicon.grammar_classes() & kGrArticle;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view word = tokens[i].lower;
    // The words and phrases the lexicon lists: most words start none, which one bit
    // tells before any is compared.
    if (lexicon.MayStartAnaphorWord(word)) {
      if (word == "it" || word == "its") {
        view.anaphors.push_back(Anaphor{{i, i + 1}, std::nullopt, word == "its", false});
        continue;
      }
      // "the national total", "1,004 cases nationwide", "el total nacional": the figure's
      // owner is the place of that level. Not a name's word ("National Health
      // Commission"), a person ("a French national") or a place ("the national capital").
      if (const auto scope = lexicon.ScopeLevel(word)) {
        const bool named = (i > 0 && tokens[i].capitalized) ||
                           (i + 1 < tokens.size() && tokens[i + 1].capitalized) ||
                           view.Is(i + 1, kGrPlaceNoun);
        const bool person = i > 0 && (view.Is(i - 1, kGrArticle) || tokens[i - 1].capitalized);
        if (!named && !person) {
          view.anaphors.push_back(Anaphor{{i, i + 1}, scope, true, true, false, true});
        }
        continue;
      }
      // "全省累计报告本土确诊病例485例": the whole province, city or country.
      PlaceLevel scope_level = PlaceLevel::kOther;
      if (const size_t length = lexicon.ScopePhraseAt(tokens, i, &scope_level); length > 0) {
        view.anaphors.push_back(Anaphor{{i, i + length}, scope_level, true, true, false, true});
        i += length - 1;
        continue;
      }
      // "國內新增42,113例": in the country of the text ("美国国内": of the country before it).
      if (const size_t length = lexicon.HomeScopeAt(tokens, i); length > 0) {
        Anaphor anaphor{{i, i + length}, PlaceLevel::kCountry};
        anaphor.locative = true;
        anaphor.scope = true;
        anaphor.home = true;
        view.anaphors.push_back(anaphor);
        i += length - 1;
        continue;
      }
      // "內地共錄得三十九宗": mainland China, in a text about a place of China's.
      if (const size_t length = lexicon.MainlandAt(tokens, i); length > 0) {
        const TokenSpan span{i, i + length};
        Anaphor anaphor{span, PlaceLevel::kCountry};
        anaphor.locative = RoleBefore(view, span) == PlaceRole::kLocative;
        anaphor.mainland = true;
        view.anaphors.push_back(anaphor);
        i += length - 1;
        continue;
      }
      // "cases on the mainland", "the mainland reported": but not "the mainland of Greece"
      // nor "the mainland Chinese".
      if (word == "mainland" && i > 0 && view.Is(i - 1, kGrDefinite) &&
          (i + 1 >= tokens.size() || (!tokens[i + 1].capitalized && !view.Is(i + 1, kGrOf)))) {
        const TokenSpan span{i - 1, i + 1};
        Anaphor anaphor{span, PlaceLevel::kCountry};
        anaphor.locative = RoleBefore(view, span) == PlaceRole::kLocative;
        anaphor.mainland = true;
        view.anaphors.push_back(anaphor);
        continue;
      }
    }
    // "the province", "the same state", "ce pays", "该省", but not "the city of Harbin"
    // (that names it). Without articles, a place noun after a locative: "в стране",
    // "в регионе", "в крае".
    size_t noun = i + 1;
    if (!view.Is(i, kGrDefinite)) {
      if (articles || i == 0 || !view.Is(i - 1, kGrLocative) || !view.Is(i, kGrPlaceNoun)) {
        continue;
      }
      noun = i;
    }
    // ("the same state"; "the federal capital": the country's.)
    if (noun < tokens.size() && OneOf(tokens[noun].lower, {"same", "federal"})) ++noun;
    // The token's grammar class first: the level's look-up builds a key.
    if (noun >= tokens.size() || !view.Is(noun, kGrPlaceNoun)) continue;
    const auto level = lexicon.PlaceNounLevel(tokens[noun].lower);
    if (!level || *level == PlaceLevel::kOther || view.PlaceAt(noun) != nullptr) continue;
    if (noun + 1 < tokens.size() &&
        ((articles && view.Is(noun + 1, kGrOf)) || tokens[noun + 1].capitalized)) {
      continue;
    }
    if (view.PlaceAt(noun + 1) != nullptr) continue;
    const bool possessive = noun + 1 < tokens.size() && tokens[noun + 1].lower == "'s";
    const TokenSpan span{i, noun + (possessive ? 2 : 1)};
    const PlaceRole role = RoleBefore(view, span);
    // ("According to the department's data": who speaks, no place of a count.)
    const bool speaker = span.begin >= 2 && tokens[span.begin - 1].lower == "to" &&
                         tokens[span.begin - 2].lower == "according";
    if (role == PlaceRole::kOrigin || role == PlaceRole::kTarget || speaker) continue;
    // "Bali, the country's best known holiday island, has recorded ...": the apposition's
    // noun describes the place before it; it refers to nothing the count belongs to.
    const bool describes =
        std::any_of(view.places.begin(), view.places.end(), [&](const PlaceRef& p) {
          return p.apposition_noun >= span.begin && p.apposition_noun < span.end;
        });
    if (describes) continue;
    // ("в столице республики", the capital of the region: not the country's.)
    const bool capital = lexicon.IsCapitalWord(tokens[noun].lower) &&
                         !(noun + 1 < tokens.size() && view.Is(noun + 1, kGrPlaceNoun));
    view.anaphors.push_back(
        Anaphor{span, level, possessive, role == PlaceRole::kLocative, capital});
  }
}

// A short line without a full stop or a verb: a headline or a section heading.
bool IsHeading(std::string_view text, const SentenceView& view) {
  if (view.tokens.empty() || view.tokens.size() > 20) return false;
  if (!StartsLine(text, view.sentence.start) || !EndsLine(text, view.sentence.end)) return false;
  const std::string_view last = view.tokens.back().lower;
  return last != "." && last != ":" && last != ",";
}

// Whether words that start these (Lexicon::MeasureStart flags) can make a measure: a
// pattern's start, or an object and a predicate to act on it.
bool HoldsMeasure(uint8_t starts) {
  return (starts & Lexicon::kStartsPattern) ||
         ((starts & Lexicon::kStartsObject) && (starts & Lexicon::kStartsPredicate));
}

// "個案", "兩宗", "登革熱": the characters of Hong Kong, Macau and Taiwan are read as the
// mainland's. The tokens' forms are views of a simplified copy of the sentence, at the
// same offsets (SimplifyHan keeps every character's bytes).
void ReadHanSimplified(std::string_view text, SentenceView& view) {
  const text::Sentence& sentence = view.sentence;
  std::string simple(text.substr(sentence.start, sentence.end - sentence.start));
  if (SimplifyHan(simple) == 0) return;
  view.simplified = std::make_unique<std::string>(std::move(simple));
  const char* const begin = text.data() + sentence.start;
  const char* const end = text.data() + sentence.end;
  for (text::Token& token : view.tokens) {
    const char* at = token.lower.data();
    if (at < begin || at + token.lower.size() > end) continue;  // a folded form
    token.lower = std::string_view(*view.simplified)
                      .substr(static_cast<size_t>(at - begin), token.lower.size());
  }
}

// "Superintendent Chad Chism", "Dr. Victoria Lam", "el presidente Alberto Fernández": a
// name right after a title (its period passed), or after a title and a given name, is a
// person's.
bool AfterTitle(const SentenceView& view, const Lexicon& lexicon, size_t at) {
  const auto& tokens = view.tokens;
  const auto title_before = [&](size_t k) {  // a title ends right before token k
    if (k > 1 && tokens[k - 1].lower == "." && lexicon.IsTitle(tokens[k - 2].lower)) return true;
    return k > 0 && lexicon.IsTitle(tokens[k - 1].lower);
  };
  if (title_before(at)) return true;
  return at > 0 && tokens[at - 1].is_word && tokens[at - 1].capitalized &&
         view.PlaceAt(at - 1) == nullptr && title_before(at - 1);
}

// "Georgia Mills, a spokeswoman for the hospital, said", "Jordan Ellis said": a place's
// name and a capitalised word that is no place, then a comma and (an article and) a
// title, or a verb of reporting, is a person's name.
bool NamesAPerson(const SentenceView& view, const Lexicon& lexicon,
                  const std::vector<gazetteer::PlaceMention>& mentions, TokenSpan span) {
  const auto& tokens = view.tokens;
  const size_t surname = span.end;
  if (span.end != span.begin + 1 || surname + 1 >= tokens.size()) return false;
  const text::Token& t = tokens[surname];
  if (!t.is_word || !t.capitalized || t.has_digit || view.Is(surname, kGrPlaceNoun)) return false;
  // ("NSW Health said", "Ontario Health said": a body of the place, no surname.)
  if (view.cues[surname] & (kCueAuthority | kCueOrganisation)) return false;
  const bool surname_a_place = std::any_of(mentions.begin(), mentions.end(), [&](const auto& m) {
    return m.start <= t.start && t.start < m.end;
  });
  if (surname_a_place) return false;
  size_t k = surname + 1;
  if (view.Is(k, kGrReport)) return true;
  if (tokens[k].lower != ",") return false;
  ++k;
  while (k < tokens.size() && view.Is(k, kGrArticle | kGrDeterminer)) ++k;
  return k < tokens.size() && lexicon.IsTitle(tokens[k].lower);
}

// Whether the sentence has a word or a number anything could be read from: without
// one (and without a place) it yields no event, and neither moves the document's
// focus nor names a disease, an animal or a place an anaphor could stand for.
bool HoldsAnchor(const std::vector<text::Token>& tokens, const std::vector<uint32_t>& words,
                 const Lexicon& lexicon) {
  uint8_t starts = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].has_digit || lexicon.IsAnchorWord(words[i])) return true;
    if (tokens[i].is_word) starts |= lexicon.MeasureStarts(tokens[i].lower, words[i]);
  }
  return HoldsMeasure(starts);
}

// "el gobierno italiano", "les autorités chinoises", "китайские власти": French,
// Spanish and Russian write a country's adjective in lower case, which the gazetteer
// (names start with a capital) does not see; the lexicon lists them. They stand as
// English demonyms do ("the Italian government"), capitalised at the start of a
// sentence too ("Российские власти"); a place the gazetteer found is its own ("les
// Italiens", "China"), and one that a word beside it makes a label is none ("la variante
// británica", "британский штамм").
void AddLowerCaseDemonyms(std::string_view text, const std::vector<uint32_t>& words,
                          const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                          SentenceView& view) {
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    const std::string_view country = lexicon.DemonymCountry(words[i]);
    if (country.empty() || lexicon.LabelsDemonym(words, i) || view.PlaceAt(i) != nullptr) {
      continue;
    }
    const text::Token& token = view.tokens[i];
    if (!lexicon.IsDemonymForm(FoldCase(text.substr(token.start, token.end - token.start)))) {
      continue;
    }
    auto place = gazetteer.Country(country);
    if (!place) continue;
    PlaceRef ref;
    ref.span = {i, i + 1};
    ref.place = std::move(*place);
    ref.demonym = true;
    const auto at = std::find_if(view.places.begin(), view.places.end(),
                                 [&](const PlaceRef& other) { return other.span.begin > i; });
    view.places.insert(at, std::move(ref));
  }
}

// "Two Britons have died", "trois Français", "538 Australians are in hospital": a
// people's name right after a number ("Twelve more Iowans") is the people counted. A
// nation's says whom, not where; a state's or a province's says where they live
// ("Seventy-one Oregonians have died").
// An adjective of a noun after it is not ("12 Italian cases", "three Chinese nationals").
void CountPeoplesNames(SentenceView& view) {
  for (PlaceRef& ref : view.places) {
    const size_t at = ref.span.begin;
    if (!ref.demonym || view.terms[at].length > 0 || view.disease_length[at] > 0) continue;
    const size_t after = ref.span.end;
    if (after < view.tokens.size()) {
      const TermAt& next = view.terms[after];
      const bool noun = next.length > 0 && next.term.role != TermRole::kVerb &&
                        next.term.role != TermRole::kNegVerb &&
                        next.term.role != TermRole::kKillVerb;
      if (noun || view.disease_length[after] > 0 || view.PlaceAt(after) != nullptr) continue;
    }
    const bool counted =
        std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
          return q.span.end == at || (q.span.end + 1 == at && (view.cues[q.span.end] & kCueNew));
        });
    if (!counted) continue;
    view.terms[at].length = after - at;
    view.terms[at].term = CaseTerm{};
    view.terms[at].term.role = TermRole::kPerson;
    ref.qualifier = ref.place.level == PlaceLevel::kCountry;
  }
}

// "the UK variant", "la variante de Manaos", "британский штамм": a place that names a
// virus qualifies it, and is no place of the text. So do the places of a nationality
// ("nationals of Russia and Ukraine", "ressortissants du Mali", and with no "of":
// "граждан Китая", "ressortissants chinois").
void MarkVariantNames(SentenceView& view) {
  if (!(view.all_cues & (kCueVariant | kCueNationality))) return;
  const PlaceRef* last = nullptr;  // the last place marked so
  for (PlaceRef& ref : view.places) {
    const size_t after = ref.span.end;
    if (after < view.tokens.size() && (view.cues[after] & kCueVariant)) ref.qualifier = true;
    size_t k = ref.span.begin;
    while (k > 0 && view.Is(k - 1, kGrDeterminer | kGrOf) && !view.Is(k - 1, kGrLocative)) --k;
    const bool named = k > 0 && (view.cues[k - 1] & (kCueVariant | kCueNationality)) &&
                       (k < ref.span.begin || (view.cues[k - 1] & kCueNationality));
    // (The places listed after it: "of Russia and Ukraine".)
    const bool listed =
        last != nullptr && last->span.end < ref.span.begin &&
        view.OnlyJoints(last->span.end, ref.span.begin, kGrCoordination | kGrDeterminer);
    if (named || listed) {
      ref.qualifier = true;
      last = &ref;
    }
  }
}

// "since the outbreak began in Limuru", "l'épidémie s'est déclarée à Kédougou": a place
// right after a verb of an outbreak's start and "in" is where it began; "told a press
// briefing in Quezon City": one after a venue and "in", where it was said. Neither is
// where cases are.
void MarkOnsetPlaces(SentenceView& view) {
  if (!(view.all_cues & (kCueOnset | kCueVenue))) return;
  for (PlaceRef& ref : view.places) {
    size_t k = ref.span.begin;
    while (k > 0 && view.Is(k - 1, kGrDeterminer) && !view.Is(k - 1, kGrLocative)) --k;
    if (k < 2 || !view.Is(k - 1, kGrLocative)) continue;
    // ("a fait le point, ce jeudi 23 mars 2023 à Ouagadougou": the day it was said may
    // stand between.)
    size_t cue = k - 2;
    const std::vector<DateRef>& dates = view.Dates();
    for (bool moved = true; moved && cue > 0;) {
      moved = false;
      for (const DateRef& date : dates) {
        if (date.span.begin <= cue && cue < date.span.end && date.span.begin > 0) {
          cue = date.span.begin - 1;
          moved = true;
        }
      }
      if (cue > 0 && (view.tokens[cue].lower == "," || view.Is(cue, kGrDeterminer))) {
        --cue;
        moved = true;
      }
    }
    if (view.cues[cue] & (kCueOnset | kCueVenue)) ref.qualifier = true;
  }
}

// "the Indian Ocean island of Reunion", "the Gulf state of Qatar", "the US state of Ohio": a
// region or a country before a place noun and "of" says what the place after is; the
// place after is the one meant.
void MarkPlacesDescribing(SentenceView& view) {
  for (size_t p = 0; p + 1 < view.places.size(); ++p) {
    PlaceRef& region = view.places[p];
    const PlaceRef& named = view.places[p + 1];
    const size_t of = named.span.begin - 1;
    // (The noun may end the region's own mention: "the Gulf state" reads as the Gulf.)
    if (named.span.begin < region.span.end + 1 || named.span.begin > region.span.end + 3 ||
        !view.Is(of, kGrOf) || !view.Is(of - 1, kGrPlaceNoun)) {
      continue;
    }
    const bool broader =
        region.place.level == PlaceLevel::kOther ||
        (region.place.level == PlaceLevel::kCountry && region.place.country == named.place.country);
    if (broader) region.qualifier = true;
  }
}

// "Most of the 71 cases contracted the virus in Europe", "se contagiaron en Italia": the
// place after a verb of catching the infection, "in" before it and a few words between at
// most (the virus, the disease), is where it was caught.
void MarkPlacesCaught(SentenceView& view) {
  const size_t n = view.tokens.size();
  if (view.places.empty() || !(view.all_cues & kCueCaught)) return;
  for (size_t k = 0; k < n; ++k) {
    if (!(view.cues[k] & kCueCaught)) continue;
    const size_t verb = k;
    while (k + 1 < n && (view.cues[k + 1] & kCueCaught)) ++k;
    // ("acquired overseas – in the Philippines": a dash may stand between.)
    bool dash = false;
    int reduced_clause = -1;
    for (size_t m = k + 1; m < n && m <= k + 5; ++m) {
      const std::string_view w = view.tokens[m].lower;
      if (IsDash(w)) {
        dash = true;
        continue;
      }
      // ("contracted yellow fever while in Angola", "while working in Angola": a clause
      // of no verb of its own, its preposition a word or two after its opening word.)
      if (!dash && view.clause[m] != view.clause[k] && view.clause[m] != reduced_clause) {
        const auto locative_at = [&](size_t at) { return at < n && view.Is(at, kGrLocative); };
        const bool reduced =
            view.Is(m, kGrSubordinate) &&
            (locative_at(m + 1) ||
             (m + 1 < n && view.tokens[m + 1].is_word && !view.tokens[m + 1].capitalized &&
              view.grammar[m + 1] == 0 && locative_at(m + 2)));
        if (!reduced) break;
        reduced_clause = view.clause[m];
      }
      if (!view.Is(m, kGrLocative)) continue;
      size_t at = m + 1;
      while (at < n && view.Is(at, kGrDeterminer)) ++at;
      // (The place's name may hold its article: "the Philippines".) The places listed
      // after it were caught there as well: "in the Philippines (6), Thailand (2) and
      // Vietnam (2)".
      size_t list_end = SIZE_MAX;
      for (PlaceRef& ref : view.places) {
        if (ref.span.begin > m && ref.span.begin <= at && !ref.demonym) {
          ref.caught_by = verb;
          list_end = ref.span.end;
          continue;
        }
        if (list_end == SIZE_MAX || ref.span.begin < list_end || ref.demonym) continue;
        // (So are those of a list of items with a dash and a case word, each with its
        // preposition: "заражались в Таиланде — 71 случай, во Вьетнаме — 33".)
        // A bracket may say more of an item: "в Индонезии (прежде всего на Бали) — 48".
        bool listed = true;
        bool bracket = false;
        for (size_t j = list_end; j < ref.span.begin && listed; ++j) {
          const std::string_view word = view.tokens[j].lower;
          if (word == "(" || word == ")") bracket = word == "(";
          listed = bracket || word == ")" || word == "," || view.tokens[j].has_digit ||
                   IsDash(word) || view.terms[j].length > 0 ||
                   view.Is(j, kGrCoordination | kGrDeterminer | kGrLocative);
        }
        if (bracket) continue;  // a place inside the bracket
        if (!listed) break;
        ref.caught_by = verb;
        list_end = ref.span.end;
      }
      // (A preposition of no place goes on to the next: "во время поездки в Танзанию".)
      if (list_end != SIZE_MAX) break;
    }
  }
}

}  // namespace

uint32_t SentenceView::CuesIn(size_t begin, size_t end) const {
  if (begin == 0 && end >= cues.size()) return all_cues;
  uint32_t flags = 0;
  for (size_t i = begin; i < end && i < cues.size(); ++i) flags |= cues[i];
  return flags;
}

bool SentenceView::OnlyJoints(size_t begin, size_t end, uint32_t classes) const {
  for (size_t k = begin; k < end && k < tokens.size(); ++k) {
    if (tokens[k].lower != "," && !Is(k, classes)) return false;
  }
  return true;
}

bool SentenceView::HasDisease() const {
  return std::any_of(disease.begin(), disease.end(), [](std::string_view d) { return !d.empty(); });
}

bool SentenceView::InDisease(size_t i) const {
  for (size_t k = i + 1; k-- > 0 && i - k < 8;) {
    if (k < disease_length.size() && disease_length[k] > 0 && k + disease_length[k] > i)
      return true;
  }
  return false;
}

size_t SentenceView::TokenAt(size_t offset) const {
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                   [](const text::Token& t, size_t at) { return t.start < at; });
  return static_cast<size_t>(it - tokens.begin());
}

namespace {

// "since the outbreak began in March", "depuis le début de l'épidémie fin octobre 2021":
// a date that a "since" earlier in its clause governs starts what is counted up to the
// day of publication. No number stands between them ("since then, 40 cases in March").
void ReadSinceBefore(const SentenceView& view, DateRef& date) {
  using dates::DateKind;
  const std::optional<Date>& published = view.published;
  if (date.mention.kind != DateKind::kDay && date.mention.kind != DateKind::kRange) return;
  if (!date.mention.period.start || !published || *date.mention.period.start > *published) return;
  const size_t at = date.span.begin;
  for (size_t k = at; k-- > 0 && k + 10 >= at;) {
    if (view.tokens[k].has_digit || view.clause[k] != view.clause[at]) return;
    if (view.Is(k, kGrSince)) {
      date.mention.kind = DateKind::kSince;
      date.mention.period.end = published;
      return;
    }
  }
}

// "the 1918 influenza pandemic", "the 2014-2016 Ebola epidemic", "the 2019 outbreak": a
// year (or a span of years) before a word of an outbreak, a disease's name between at most,
// is when that outbreak was; what it did is of that time, not of the news's.
void ReadYearsOfOutbreaks(const SentenceView& view, std::vector<DateRef>& dates) {
  const auto& tokens = view.tokens;
  const auto year_of = [&](std::string_view word) -> std::optional<int> {
    if (word.size() != 4) return std::nullopt;
    int year = 0;
    for (char c : word) {
      if (c < '0' || c > '9') return std::nullopt;
      year = year * 10 + (c - '0');
    }
    if (year < 1500 || (view.published && year > view.published->year)) return std::nullopt;
    return year;
  };
  const auto year_at = [&](size_t k) {
    return k < tokens.size() ? year_of(tokens[k].lower) : std::nullopt;
  };
  const auto outbreak_word = [&](size_t m) {
    return (view.cues[m] & kCueOutbreak) && view.terms[m].length == 0;
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    std::optional<int> first = year_at(k);
    // ("2014-2016", one token.)
    std::optional<int> glued_last;
    if (!first && tokens[k].lower.size() == 9 && tokens[k].lower[4] == '-') {
      first = year_of(tokens[k].lower.substr(0, 4));
      glued_last = year_of(tokens[k].lower.substr(5));
      if (!glued_last || (first && *glued_last < *first)) first.reset();
    }
    if (!first) continue;
    const bool taken = std::any_of(dates.begin(), dates.end(), [k](const DateRef& d) {
      return d.span.begin <= k && k < d.span.end;
    });
    if (taken) continue;
    size_t end = k + 1;
    int last = glued_last.value_or(*first);
    if (!glued_last && end + 1 < tokens.size() && IsDash(tokens[end].lower)) {
      if (const std::optional<int> second = year_at(end + 1); second && *second >= *first) {
        last = *second;
        end += 2;
      }
    }
    size_t noun = end;
    while (noun < tokens.size() && noun < end + 4 && view.InDisease(noun)) ++noun;
    // ("la pandémie de grippe de 1918", "пандемия гриппа 1918 года": or after it, its
    // disease and "of" between.)
    bool after_noun = false;
    for (size_t m = k; m-- > 0 && m + 5 > k && !after_noun;) {
      if (outbreak_word(m)) {
        after_noun = true;
      } else if (!view.Is(m, kGrOf) && !view.InDisease(m)) {
        break;
      }
    }
    if (!after_noun && (noun >= tokens.size() || !outbreak_word(noun))) continue;
    // (A figure of what it counts is no year: "an outbreak of 1500 cholera cases".)
    if (noun < tokens.size() && view.terms[noun].length > 0) {
      const TermRole role = view.terms[noun].term.role;
      if (role == TermRole::kNoun || role == TermRole::kPerson || role == TermRole::kAnimal ||
          role == TermRole::kThing || role == TermRole::kTotal) {
        continue;
      }
    }
    dates::DateMention mention;
    mention.start = tokens[k].start;
    mention.end = tokens[end - 1].end;
    mention.kind = dates::DateKind::kRange;
    mention.period.start = Date{*first, 1, 1};
    mention.period.end = Date{last, 12, 31};
    if (view.published && *mention.period.end > *view.published) {
      mention.period.end = view.published;
    }
    dates.push_back(DateRef{{k, end}, mention});
  }
}

}  // namespace

const std::vector<DateRef>& SentenceView::Dates() const {
  if (dates_read_) return dates_;
  dates_read_ = true;
  const std::string_view sentence_text =
      document.substr(sentence.start, sentence.end - sentence.start);
  std::vector<dates::DateMention> found;
  if (date_grammar == nullptr) {
    found = scanned.empty() ? dates::FindDates(sentence_text, published)
                            : dates::FindDates(sentence_text, published, scanned);
  } else {
    found = script_scanned.list.empty()
                ? dates::FindDates(sentence_text, published, date_grammar)
                : dates::FindDates(sentence_text, published, *date_grammar, script_scanned);
  }
  for (dates::DateMention d : found) {
    d.start += sentence.start;
    d.end += sentence.start;
    dates_.push_back(DateRef{{TokenAt(d.start), TokenAt(d.end)}, d});
    ReadSinceBefore(*this, dates_.back());
  }
  ReadYearsOfOutbreaks(*this, dates_);
  return dates_;
}

bool SentenceView::InDate(size_t k) const {
  return std::any_of(Dates().begin(), Dates().end(),
                     [k](const DateRef& d) { return d.span.begin <= k && k < d.span.end; });
}

void SentenceView::Clear() {
  sentence = {};
  tokens.clear();
  if (folded) folded->clear();
  simplified.reset();
  terms.clear();
  cues.clear();
  all_cues = 0;
  grammar.clear();
  clause.clear();
  disease.clear();
  disease_length.clear();
  complications.clear();
  places.clear();
  anaphors.clear();
  quantities.clear();
  inert = false;
  heading = false;
  measure_anchor = false;
  measure_start.clear();
  document = {};
  published.reset();
  date_grammar = nullptr;
  scanned.clear();
  script_scanned.list.clear();
  script_scanned.keys.clear();
  dates_.clear();
  dates_read_ = false;
}

const PlaceRef* SentenceView::PlaceAt(size_t i) const {
  for (const PlaceRef& ref : places) {
    if (ref.span.begin <= i && i < ref.span.end) return &ref;
  }
  return nullptr;
}

SentenceView AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                             const std::vector<gazetteer::PlaceMention>& mentions,
                             const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                             std::optional<Date> published) {
  SentenceView view;
  AnalyseSentence(text, sentence, mentions, lexicon, gazetteer, published, view);
  return view;
}

void AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                     const std::vector<gazetteer::PlaceMention>& mentions, const Lexicon& lexicon,
                     const gazetteer::Gazetteer& gazetteer, std::optional<Date> published,
                     SentenceView& view) {
  view.Clear();
  view.sentence = sentence;
  text::Tokens tokens{std::move(view.tokens), std::move(view.folded)};
  text::Tokenize(text, sentence.start, sentence.end, tokens);
  view.tokens = std::move(tokens.list);
  view.folded = std::move(tokens.folded);
  if (lexicon.language() == "zh") ReadHanSimplified(text, view);
  thread_local std::vector<uint32_t> word_ids;  // the room is kept from sentence to sentence
  lexicon.WordIds(view.tokens, word_ids);
  const std::vector<uint32_t>& words = word_ids;
  const auto first = std::lower_bound(
      mentions.begin(), mentions.end(), sentence.start,
      [](const gazetteer::PlaceMention& m, size_t at) { return m.start < at; });
  const bool has_places = first != mentions.end() && first->end <= sentence.end;
  if (!has_places && !HoldsAnchor(view.tokens, words, lexicon)) {
    view.inert = true;
    return;
  }
  const size_t n = view.tokens.size();
  view.terms.assign(n, TermAt{});
  view.cues.assign(n, 0);
  view.grammar.assign(n, 0);
  view.clause.assign(n, 0);
  view.disease.assign(n, std::string_view());
  view.disease_length.assign(n, 0);
  view.measure_start.assign(n, false);
  bool number = false;
  uint8_t starts = 0;
  size_t plain_end = 0;  // the end of the last plain cue phrase
  for (size_t i = 0; i < n; ++i) {
    const text::Token& token = view.tokens[i];
    number = number || token.has_digit;
    if (const uint8_t what = token.is_word ? lexicon.MeasureStarts(token.lower, words[i]) : 0) {
      view.measure_start[i] = true;
      starts |= what;
    }
    const uint8_t phrases = lexicon.PhraseStarts(words[i]);
    if (phrases != 0) {
      uint32_t flags = 0;
      if (phrases & Lexicon::kStartsCue) {
        const size_t length = lexicon.MatchCue(words, i, &flags);
        // (And the cue words inside a plain phrase: "con más casos", the most cases.)
        if (flags & kCuePlain) plain_end = std::max(plain_end, i + length);
        if ((flags & kCuePlain) || i < plain_end) {
          flags &= ~(kCueNew | kCueCumulative | kCueImported | kCueLocal);
        }
        for (size_t k = i; k < i + length; ++k) view.cues[k] |= flags;
      }
      if (phrases & Lexicon::kStartsGrammar) {
        const size_t length = lexicon.MatchGrammar(words, i, &flags);
        for (size_t k = i; k < i + length; ++k) view.grammar[k] |= flags;
      }
      if (phrases & Lexicon::kStartsTerm) {
        TermAt& term = view.terms[i];
        term.length = lexicon.MatchCaseTerm(words, i, &term.term);
      }
    }
    number = number || (view.grammar[i] & kGrNumber);
  }
  view.measure_anchor = HoldsMeasure(starts);
  for (const uint32_t flags : view.cues) view.all_cues |= flags;
  // Number words of other languages are the number grammar's, not the lexicon's: a
  // sentence with a case word is read for them.
  if (!number && lexicon.numbers() != nullptr) {
    number = std::any_of(view.terms.begin(), view.terms.end(),
                         [](const TermAt& t) { return t.length > 0; });
    // "Из них двое вернулись из Китая": a part of the count before, in words; "Cuatro
    // llegaron de Perú": one that says where its people came from.
    for (size_t i = 0; i < n && i < 3 && !number; ++i) {
      number = (view.grammar[i] & (kGrPronoun | kGrPart)) || (view.cues[i] & kCueTravel);
    }
  }
  // Diseases, longest first, without overlaps ("swine flu" is not also "flu").
  for (size_t i = 0; i < n; ++i) {
    if (!(lexicon.PhraseStarts(words[i]) & Lexicon::kStartsDisease)) continue;
    std::string_view disease;
    const size_t length = lexicon.MatchDisease(words, i, &disease);
    if (length == 0) continue;
    // "из Южной Кореи": a capitalised word that ends a longer name of a place is the
    // place's, though its stem is a disease's ("Кореи", "корь"); "Marburg" alone is the
    // disease.
    if (length == 1 && i > 0 && view.tokens[i].capitalized) {
      bool covered = false;
      for (auto it = first; it != mentions.end() && it->start < view.tokens[i].start; ++it) {
        covered = covered || view.tokens[i].end <= it->end;
      }
      if (covered) continue;
    }
    view.disease[i] = disease;
    view.disease_length[i] = length;
    // The digits of a disease's name are no figure ("COVID-19: among the 25 new cases", as
    // "Measles: among ...").
    for (size_t k = i; k < i + length; ++k) view.tokens[k].has_digit = false;
    // ("can cause encephalitis or meningitis": a cause word a few words before, in the
    // clause.)
    for (size_t k = i; k-- > 0 && k + 5 > i && view.tokens[k].is_word;) {
      if (lexicon.IsCauseWord(view.tokens[k].lower)) {
        view.complications.push_back(i);
        break;
      }
    }
    // "African swine fever", "bird flu": the words of a disease name count nothing.
    for (size_t k = i; k < i + length; ++k) view.terms[k] = TermAt{};
    i += length - 1;
  }
  // "according to a local official", "сообщает местный минздрав": an adjective of
  // locality before a noun of no case, disease or cue (but one of a reporting body or
  // outlet: "the local health ministry", "local radio") says where someone is, not where
  // the counted caught it ("local cases", "local transmission", "a local man" do).
  bool dropped_local = false;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!(view.cues[i] & kCueLocal) || !lexicon.IsLocalAdjective(view.tokens[i].lower)) continue;
    const size_t next = i + 1;
    if (view.tokens[next].is_word && !view.tokens[next].has_digit && view.terms[next].length == 0 &&
        (view.cues[next] & ~(kCueAuthority | kCueSource)) == 0 && view.grammar[next] == 0 &&
        view.disease_length[next] == 0) {
      view.cues[i] &= ~kCueLocal;
      dropped_local = true;
    }
  }
  if (dropped_local) {
    view.all_cues = 0;
    for (const uint32_t flags : view.cues) view.all_cues |= flags;
  }

  for (auto it = first; it != mentions.end() && it->end <= sentence.end; ++it) {
    PlaceRef ref;
    ref.span = {view.TokenAt(it->start), view.TokenAt(it->end)};
    if (ref.span.end <= ref.span.begin) continue;
    // A capitalised small word of the language opening a sentence is that word, not a
    // town of the same name: "Les vols ..." (Les, Catalonia), "Sur les 35 cas" (Sur,
    // Oman), "Para ..." (Para, Côte d'Ivoire).
    // A disease named for a place names no place: "Marburg virus disease", "Middle East
    // respiratory syndrome", "West Nile fever", "非洲猪瘟" (African swine fever).
    if (view.InDisease(ref.span.begin)) continue;
    // So is a verb of cases ("Пали три коровы": "died", not Pāli in Rajasthan; but
    // "Turkey registered ..." is the country).
    const TermAt& term = view.terms[ref.span.begin];
    const bool verb = term.length > 0 &&
                      (term.term.role == TermRole::kVerb || term.term.role == TermRole::kKillVerb ||
                       term.term.role == TermRole::kNegVerb);
    if (ref.span.end == ref.span.begin + 1 && view.tokens[ref.span.begin].capitalized &&
        (view.grammar[ref.span.begin] != 0 || verb) &&
        (ref.span.begin == 0 || !view.tokens[ref.span.begin - 1].is_word)) {
      continue;
    }
    if (AfterTitle(view, lexicon, ref.span.begin) ||
        NamesAPerson(view, lexicon, mentions, ref.span)) {
      continue;
    }
    ref.place = it->place;
    ref.demonym = it->kind == gazetteer::MentionKind::kDemonym;
    // "a Montana child", "the Texas man": a place that only says whom.
    ref.modifier = ref.span.begin > 0 && ref.span.end < n &&
                   (view.grammar[ref.span.begin - 1] & (kGrArticle | kGrDeterminer)) &&
                   view.terms[ref.span.end].length > 0 &&
                   view.terms[ref.span.end].term.role == TermRole::kPerson;
    // "缅甸籍人员": a nationality says who the people are, not where they were counted.
    ref.qualifier = ref.span.end < n && (view.cues[ref.span.end] & kCueNationality);
    view.places.push_back(std::move(ref));
  }
  // An animal's word, or a thing's, inside a name of several words is the name's: "雁塔区"
  // (雁, wild goose), "Deer Park", "dos de Estados Unidos" (not "two of the states"); so
  // is a name of one word written with a capital inside running text ("returned from
  // Turkey on Monday", "three cases in Buffalo"; not in a title: "Found on Turkey Farm").
  for (const PlaceRef& ref : view.places) {
    const size_t b = ref.span.begin;
    const bool named = ref.span.end == b + 1 && view.tokens[b].capitalized && b > 0 &&
                       view.tokens[b - 1].is_word && !view.tokens[b - 1].capitalized &&
                       !view.tokens[b - 1].has_digit &&
                       (b + 1 == n || !view.tokens[b + 1].capitalized);
    if (named && view.terms[b].length == 1 && view.terms[b].term.role == TermRole::kAnimal) {
      view.terms[b] = TermAt{};
    }
    if (ref.span.end - ref.span.begin < 2) continue;
    for (size_t k = ref.span.begin; k < ref.span.end; ++k) {
      const TermAt& term = view.terms[k];
      if (term.length > 0 &&
          (term.term.role == TermRole::kAnimal || term.term.role == TermRole::kThing) &&
          k + term.length <= ref.span.end) {
        view.terms[k] = TermAt{};
      }
    }
  }

  AddLowerCaseDemonyms(text, words, lexicon, gazetteer, view);
  // "The South American country", "the Indian Ocean island nation": a region that only
  // says which country the noun after it refers back to; the pair is an anaphor of the
  // country (FindAnaphors), not the region.
  std::erase_if(view.places, [&](const PlaceRef& ref) {
    // The article before the name, or the first word of the name ("The Indian Ocean").
    const bool inside = view.Is(ref.span.begin, kGrDefinite);
    if (ref.place.level != PlaceLevel::kOther ||
        (!inside && (ref.span.begin == 0 || !view.Is(ref.span.begin - 1, kGrDefinite)))) {
      return false;
    }
    size_t noun = ref.span.end;
    if (noun < n && view.Is(noun, kGrPlaceNoun) &&
        lexicon.PlaceNounLevel(view.tokens[noun].lower) == PlaceLevel::kOther) {
      ++noun;  // "island nation"
    }
    if (noun >= n || !view.Is(noun, kGrPlaceNoun) ||
        lexicon.PlaceNounLevel(view.tokens[noun].lower) != PlaceLevel::kCountry) {
      return false;
    }
    view.anaphors.push_back(Anaphor{{inside ? ref.span.begin : ref.span.begin - 1, noun + 1},
                                    PlaceLevel::kCountry,
                                    false,
                                    false,
                                    false,
                                    false});
    return true;
  });

  const std::string_view sentence_text = text.substr(sentence.start, sentence.end - sentence.start);
  // Numbers are read only where there can be some: most sentences of a page hold
  // neither a digit nor a number word nor a case word. Dates are read when asked
  // (Dates()).
  std::vector<quantity::Quantity> quantities;
  if (number && lexicon.numbers() == nullptr) {
    // English: the cut is kept for the dates (Dates()).
    view.scanned.reserve(sentence_text.size() / 4 + 4);  // about one token in 4 bytes
    word_scan::Tokenize(sentence_text, view.scanned);
    quantities = quantity::FindQuantities(sentence_text, view.scanned);
  } else if (number) {
    // The other languages: the cut is kept for the dates as well.
    script_scan::Tokenize(sentence_text, view.script_scanned);
    quantities = quantity::FindQuantities(sentence_text, view.script_scanned, *lexicon.numbers());
  }
  for (quantity::Quantity q : quantities) {
    q.start += sentence.start;
    q.end += sentence.start;
    q.number_start += sentence.start;
    QuantityRef ref{{view.TokenAt(q.number_start), view.TokenAt(q.end)}, q};
    ref.hedge_begin = std::min(view.TokenAt(q.start), ref.span.begin);
    if (ref.span.end > ref.span.begin) view.quantities.push_back(ref);
  }
  // "since the Spanish flu pandemic of 1919", "la grippe espagnole de 1918": a disease
  // dated years before the text is history, not what the text goes on about.
  for (size_t i = 0; i < n && published; ++i) {
    if (view.disease[i].empty()) continue;
    const size_t end = i + view.disease_length[i];
    const bool history =
        std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
          return q.quantity.is_year && q.span.begin >= end && q.span.begin <= end + 3 &&
                 q.quantity.value < published->year - 1;
        });
    if (history) view.complications.push_back(i);
  }
  view.document = text;
  view.published = published;
  view.date_grammar = lexicon.dates();
  // Clauses. "один – в Белгородской области": a dash after a number stands for a verb
  // left out, not for a break.
  // "avian influenza A(H5N1)": brackets glued to the word before them are part of a
  // name, no break.
  int clause = 0;
  bool glued_open = false;
  for (size_t i = 0; i < n; ++i) {
    const bool after_number = i > 0 && IsDash(view.tokens[i].lower) && FigureEndsAt(view, i);
    const std::string_view t = view.tokens[i].lower;
    bool in_name = false;
    if (t == "(") {
      // (Chinese writes no spaces: there a bracket is a break, glued or not.)
      glued_open = i > 0 && view.tokens[i - 1].is_word &&
                   view.tokens[i - 1].end == view.tokens[i].start &&
                   !view.tokens[i - 1].lower.empty() &&
                   static_cast<unsigned char>(view.tokens[i - 1].lower.back()) < 0x80;
      in_name = glued_open;
    } else if (t == ")") {
      in_name = glued_open;
      glued_open = false;
    }
    if (IsClauseBreak(view, i) && !after_number && !in_name) ++clause;
    view.clause[i] = clause;
  }
  MarkPlaceRoles(text, view, lexicon);
  MarkPlacesCaught(view);
  MarkOnsetPlaces(view);
  MarkPlacesDescribing(view);
  MarkVariantNames(view);
  CountPeoplesNames(view);
  // "Sao Paulo, the most populous state", "the city of Quebec", "la ville de Québec":
  // the apposition, or the place noun before "of", says which reading is meant.
  for (PlaceRef& ref : view.places) {
    if (ref.apposition_noun == SIZE_MAX && ref.span.begin >= 2 &&
        view.Is(ref.span.begin - 1, kGrOf) && view.Is(ref.span.begin - 2, kGrPlaceNoun)) {
      ref.apposition_noun = ref.span.begin - 2;
    }
    if (ref.apposition_noun == SIZE_MAX) continue;
    const auto level = lexicon.PlaceNounLevel(view.tokens[ref.apposition_noun].lower);
    if (!level || *level == ref.place.level || *level == PlaceLevel::kOther) continue;
    const text::Token& name_start = view.tokens[ref.span.begin];
    const text::Token& name_end = view.tokens[ref.span.end - 1];
    const std::string_view name =
        text.substr(name_start.start, name_end.end - name_start.start);
    if (auto other = gazetteer.LookupLevel(name, ref.place.country, *level)) ref.place = *other;
  }
  ReadCapitals(view, gazetteer);
  ReadListsOfOneLevel(text, view, gazetteer);
  MarkExclusions(view, lexicon);
  MarkEntered(view, lexicon);
  MarkRestricted(view, lexicon);
  FindAnaphors(view, lexicon);
  view.heading = IsHeading(text, view);
}

std::optional<Place> ResolveAnaphor(const Anaphor& anaphor, const SentenceView& view,
                                    const DocumentContext& context,
                                    const gazetteer::Gazetteer& gazetteer) {
  if (anaphor.mainland) {
    const auto chinese = [](const std::optional<Place>& place) {
      return place && (place->country == "HK" || place->country == "MO" || place->country == "TW" ||
                       place->country == "CN");
    };
    if (chinese(context.main_country) || chinese(context.focus)) return gazetteer.Country("CN");
    return std::nullopt;
  }
  if (anaphor.home) {
    for (const PlaceRef& ref : view.places) {
      if (ref.span.end == anaphor.span.begin && !ref.place.country.empty()) {
        return gazetteer.Country(ref.place.country);
      }
    }
    return context.home_country;
  }
  // An earlier place of the right kind in the same sentence comes first; a people's name
  // names a country ("Chinese authorities raised the national count").
  const bool of_country = anaphor.level == PlaceLevel::kCountry;
  // "全国（不含香港、澳门…）": the whole the places left out belong to; Hong Kong, Macao
  // and Taiwan are left out of China's.
  for (const PlaceRef& ref : view.places) {
    if (!ref.excluded || !of_country || ref.span.begin < anaphor.span.end) continue;
    const std::string_view code = ref.place.country;
    return gazetteer.Country(code == "HK" || code == "MO" || code == "TW" ? "CN" : code);
  }
  for (auto it = view.places.rbegin(); it != view.places.rend(); ++it) {
    if (it->excluded) continue;
    if (it->span.end > anaphor.span.begin || it->role == PlaceRole::kOrigin ||
        it->role == PlaceRole::kTarget || it->role == PlaceRole::kSource ||
        it->role == PlaceRole::kDateline || (it->demonym && !of_country)) {
      continue;
    }
    if (!anaphor.level || it->place.level == *anaphor.level) return it->place;
    if (*anaphor.level == PlaceLevel::kCountry && !it->place.country.empty()) {
      return gazetteer.Country(it->place.country);
    }
    // "Miami-Dade ..., pushing the statewide count to": the state a place is in.
    if (*anaphor.level == PlaceLevel::kSubdivision && it->place.level != PlaceLevel::kCountry &&
        !it->place.subdivision.empty()) {
      if (auto subdivision = gazetteer.Subdivision(it->place.subdivision)) return subdivision;
    }
  }
  if (!anaphor.level) return context.focus;
  // "全省累计报告..." after a flight from Vladivostok, "全市累计..." after a list of the
  // city's districts: the whole province or city the text reports for, its lead's, while
  // the last place of that level lies in it or in another country.
  if (anaphor.scope && context.lead_focus && !context.lead_focus->subdivision.empty()) {
    const Place& lead = *context.lead_focus;
    const auto within = [&](const std::optional<Place>& last) {
      return !last || last->country != lead.country || last->subdivision == lead.subdivision;
    };
    if (*anaphor.level == PlaceLevel::kSubdivision && within(context.last_subdivision)) {
      if (auto subdivision = gazetteer.Subdivision(lead.subdivision)) return subdivision;
    }
    // (A unit that is a city as well: "北京市".)
    const auto city_unit = [&] {
      if (lead.level == PlaceLevel::kCity) return true;
      if (lead.level != PlaceLevel::kSubdivision) return false;
      const auto city = gazetteer.LookupLevel(lead.name, lead.country, PlaceLevel::kCity);
      return city && city->subdivision == lead.subdivision;
    };
    if (*anaphor.level == PlaceLevel::kCity && within(context.last_city) && city_unit()) {
      return lead;
    }
  }
  switch (*anaphor.level) {
    case PlaceLevel::kCountry:
      // ("MÉXICO.— ... 362 casos en el país": before any country is named, the focus's.)
      if (!context.last_country && context.focus && !context.focus->country.empty()) {
        return gazetteer.Country(context.focus->country);
      }
      return context.last_country;
    case PlaceLevel::kSubdivision:
      // "в крае" in a text about Primorye, after a flight from Seoul was named: the
      // region is one of the country the text is about.
      if (context.last_subdivision && context.focus && !context.focus->country.empty() &&
          context.last_subdivision->country != context.focus->country) {
        if (context.focus->level == PlaceLevel::kSubdivision) return context.focus;
        if (!context.focus->subdivision.empty()) {
          return gazetteer.Subdivision(context.focus->subdivision);
        }
      }
      // ("В Хабаровске ... Всего в регионе ...": before any region is named, the focus's.)
      if (!context.last_subdivision && context.focus && !context.focus->subdivision.empty()) {
        return gazetteer.Subdivision(context.focus->subdivision);
      }
      return context.last_subdivision;
    case PlaceLevel::kCity:
      // "the capital": the capital of the country the text is in.
      if (anaphor.capital) {
        if (context.last_country) return gazetteer.Capital(context.last_country->country);
        return std::nullopt;
      }
      return context.last_city;
    case PlaceLevel::kOther:
      break;
  }
  return std::nullopt;
}

namespace {

// "h5n1", "h1n1": an influenza subtype, which says more than "flu" or "bird flu".
bool IsSubtype(std::string_view id) {
  return id.size() >= 4 && id[0] == 'h' && id[1] >= '0' && id[1] <= '9';
}

bool IsGeneralInfluenza(std::string_view id) {
  return id == "influenza" || id == "avian-influenza";
}

}  // namespace

// The other places of a list "X, Y and Z" (or "X、Y") that `anchor` stands in: places
// with nothing but commas and coordination between them.
std::vector<const PlaceRef*> ListAround(const SentenceView& view, const PlaceRef& anchor) {
  std::vector<const PlaceRef*> list;
  // ("la Suède, la Serbie et le Brésil", "d'Espagne, de France et du Maroc", "en Colombia
  // o en Perú": an article or a preposition may open a name.)
  const auto joined = [&](size_t from, size_t to) {
    // (The elision mark of "et de l'Ituri" is the article's.)
    while (from < to && view.Is(to - 1, kGrDeterminer | kGrOf | kGrLocative) &&
           !view.tokens[to - 1].capitalized) {
      --to;
    }
    // (Chinese writes its lists with "、" and "及": a comma there ends a clause. The
    // tokens fold both to ",": the text tells them apart.)
    const bool han = from > 0 && !view.tokens[from - 1].lower.empty() &&
                     IsCjkLead(static_cast<unsigned char>(view.tokens[from - 1].lower[0]));
    for (size_t k = from; k < to && han; ++k) {
      const text::Token& t = view.tokens[k];
      if (t.lower == "," && view.document.substr(t.start, t.end - t.start) != "\u3001")
        return false;
    }
    return from < to && view.OnlyJoints(from, to, kGrCoordination);
  };
  // ("à Saint-Marc, dans l'Artibonite", "à Montpellier, dans l'Hérault": a unit after a
  // town of its own says where it is.)
  const auto holds = [](const Place& unit, const Place& town) {
    return (unit.level == PlaceLevel::kSubdivision || unit.level == PlaceLevel::kOther) &&
           town.level == PlaceLevel::kCity && !unit.subdivision.empty() &&
           town.subdivision == unit.subdivision;
  };
  const PlaceRef* last = &anchor;
  for (const PlaceRef& ref : view.places) {  // after the anchor, in order
    if (ref.span.begin >= last->span.end && !ref.qualifier && !ref.demonym &&
        !holds(ref.place, last->place) && joined(last->span.end, ref.span.begin)) {
      list.push_back(&ref);
      last = &ref;
    }
  }
  const PlaceRef* first = &anchor;
  for (auto it = view.places.rbegin(); it != view.places.rend(); ++it) {  // before it
    if (it->span.end <= first->span.begin && !it->qualifier && !it->demonym &&
        joined(it->span.end, first->span.begin)) {
      list.push_back(&*it);
      first = &*it;
    }
  }
  return list;
}

std::optional<Place> PlaceOfList(const SentenceView& view, const PlaceRef& anchor,
                                 const gazetteer::Gazetteer& gazetteer) {
  const std::vector<const PlaceRef*> list = ListAround(view, anchor);
  const Place& place = anchor.place;
  if (list.empty() || place.country.empty()) return std::nullopt;
  bool same_subdivision = !place.subdivision.empty() && place.level == PlaceLevel::kCity;
  for (const PlaceRef* ref : list) {
    if (ref->place.country != place.country || ref->role != anchor.role) return std::nullopt;
    same_subdivision = same_subdivision && ref->place.level == PlaceLevel::kCity &&
                       ref->place.subdivision == place.subdivision;
  }
  if (same_subdivision) return gazetteer.Subdivision(place.subdivision);
  return gazetteer.Country(place.country);
}

bool InBrackets(const SentenceView& view, size_t at) {
  int depth = 0;
  for (size_t k = 0; k < at && k < view.tokens.size(); ++k) {
    if (view.tokens[k].lower == "(") ++depth;
    if (view.tokens[k].lower == ")" && depth > 0) --depth;
  }
  return depth > 0;
}

std::vector<Host> KindsNamed(const SentenceView& view, size_t from) {
  std::vector<Host> kinds;
  for (size_t k = from; k < view.terms.size(); ++k) {
    const TermAt& term = view.terms[k];
    if (term.length == 0) continue;
    const bool animals = term.term.role == TermRole::kAnimal || term.term.role == TermRole::kThing;
    if (animals && term.term.host && *term.term.host != Host::kBird &&
        *term.term.host != Host::kAnimal) {
      kinds.push_back(*term.term.host);
    }
    k += term.length - 1;  // "野猪" (wild boar) holds "猪" (pig)
  }
  return kinds;
}

std::optional<Host> KindNamed(const SentenceView& view) {
  const std::vector<Host> kinds = KindsNamed(view);
  if (kinds.empty()) return std::nullopt;
  const bool one = std::all_of(kinds.begin(), kinds.end(), [&](Host k) { return k == kinds[0]; });
  return one ? kinds[0] : Host::kAnimal;
}

bool IsTableRow(const SentenceView& view) {
  const auto& tokens = view.tokens;
  // "• National Capital Region – 3,812": a bullet may open the row.
  const size_t start = !tokens.empty() && !tokens[0].is_word && !tokens[0].has_digit &&
                               tokens.size() > 1 && tokens[1].is_word
                           ? 1
                           : 0;
  if (view.places.empty() || view.places.front().span.begin != start) return false;
  const size_t end = view.places.front().span.end;
  // ("Valle del Cauca | 5.918 | 512": a bar between cells; "Malawi\t24,112\t759": a tab.)
  if (end + 1 < tokens.size() &&
      (tokens[end].lower == ":" || tokens[end].lower == "|" || IsDash(tokens[end].lower)) &&
      tokens[end + 1].has_digit) {
    return true;
  }
  if (end < tokens.size() && tokens[end].has_digit && view.TabBefore(end)) return true;
  // "Ondo 34": a line of a place and its figure, nothing after but a measure word.
  if (!view.heading || end >= tokens.size() || !tokens[end].has_digit) return false;
  for (size_t k = end + 1; k < tokens.size(); ++k) {
    if (tokens[k].is_word && !tokens[k].has_digit && !view.Is(k, kGrClassifier)) return false;
  }
  return FigureEndsAt(view, tokens.size()) ||
         (tokens.size() > end + 1 && view.Is(tokens.size() - 1, kGrClassifier));
}

// A line shaped like a table's row whose place the tables may not know ("Central |
// 612", "Kitgum 34"): a short line without a verb, its last token a figure.
bool RowShaped(const SentenceView& view) {
  const auto& tokens = view.tokens;
  if (tokens.size() < 2 || !tokens.front().capitalized) return false;
  if (view.heading && tokens.back().has_digit) return true;
  // "Ровенская область – 389;": a name, a dash or a colon and a figure ending the line.
  size_t last = tokens.size();
  while (last > 0 && (tokens[last - 1].lower == ";" || tokens[last - 1].lower == ".")) --last;
  if (last + 1 < tokens.size()) return false;
  return std::any_of(view.quantities.begin(), view.quantities.end(), [&](const QuantityRef& q) {
    return q.span.end == last && q.span.begin >= 2 &&
           (IsDash(tokens[q.span.begin - 1].lower) || tokens[q.span.begin - 1].lower == ":");
  });
}

// "SACRAMENTO — A child has been diagnosed with measles": where the text's first report
// was filed is where the text is, until it names a place; a capital's dateline is its
// country's ("Phnom Penh: the Ministry of Health confirmed one more case").
void RememberDateline(const SentenceView& view, DocumentContext& context,
                      const gazetteer::Gazetteer& gazetteer) {
  if (context.focus) return;
  for (const PlaceRef& ref : view.places) {
    if (ref.role != PlaceRole::kDateline || ref.demonym) continue;
    context.focus = ref.place;
    const std::optional<Place> capital = gazetteer.Capital(ref.place.country);
    // (By name: "Phnom Penh" is also its province.)
    if (capital && (capital->SameAs(ref.place) || capital->name == ref.place.name)) {
      context.focus = gazetteer.Country(ref.place.country);
    }
    return;
  }
}

void RememberSentence(const SentenceView& view, std::span<const Event> read,
                      DocumentContext& context, const gazetteer::Gazetteer& gazetteer) {
  // "46 new cases (Guangdong 2, Heilongjiang 2)", "12 cases (5 in Lagos)": the places of
  // a breakdown in brackets are parts; the text does not move to them.
  // "新增死亡病例3例，均在湖北", "all of them in Hubei": where a part is, not the text.
  // (Not "en toda España", "in all of Spain": "all" after the locative is the place's.)
  const auto of_all = [&](const PlaceRef& ref) {
    bool locative = false;
    for (size_t k = ref.span.begin; k-- > 0 && ref.span.begin - k <= 4;) {
      if (view.Is(k, kGrAll)) return locative;
      if (!view.Is(k, kGrLocative | kGrOf | kGrPronoun | kGrDeterminer)) return false;
      locative = locative || view.Is(k, kGrLocative);
    }
    return false;
  };
  // "8,000 new cases, with Metro Manila accounting for 2,100": a place after "with" and a
  // figure before it is a part's; so is one in the clause of a part ("287, dont 118 dans
  // la région de Matam", "12 cases, including 5 in Lagos").
  const auto in_a_part = [&](const PlaceRef& ref) {
    size_t k = ref.span.begin;
    while (k > 0 && view.Is(k - 1, kGrDeterminer)) --k;
    const auto figure_before = [&](size_t at) {
      return std::any_of(view.quantities.begin(), view.quantities.end(),
                         [&](const QuantityRef& q) { return q.span.end < at; });
    };
    if (k > 0 && view.Is(k - 1, kGrCompanion) && figure_before(k)) return true;
    for (size_t m = ref.span.begin; m-- > 0 && view.clause[m] == view.clause[ref.span.begin];) {
      if (view.Is(m, kGrPart) ||
          (view.Is(m, kGrPronoun) && m > 0 && view.tokens[m - 1].lower == ",")) {
        return figure_before(m);
      }
    }
    return false;
  };
  // "entry is banned for foreigners who have been in Colombia or Peru": the other side
  // of a measure, and the places listed with it; the text goes on about who took it.
  const auto targeted = [&](const PlaceRef& ref) {
    const auto target = [&](const Place& place) {
      return std::any_of(read.begin(), read.end(), [&](const Event& event) {
        return event.type == EventType::kMeasure && event.target && event.target->SameAs(place);
      });
    };
    // (Never the country the text is about: a measure's other side read wrong there.)
    if (read.empty() || (context.main_country && context.main_country->SameAs(ref.place))) {
      return false;
    }
    if (target(ref.place)) return true;
    const std::vector<const PlaceRef*> list = ListAround(view, ref);
    return std::any_of(list.begin(), list.end(),
                       [&](const PlaceRef* other) { return target(other->place); });
  };
  // "se suspenden los vuelos de Brasil, tras la detección de la variante en Manaos", "el
  // tercero, de Estados Unidos": a place abroad named in passing, where the sentence counts
  // nothing and nobody acts, and not what the sentence opens on, does not take a text that is
  // about its own country abroad.
  const auto in_passing = [&](const PlaceRef& ref) {
    if (!context.main_country || ref.place.country.empty() ||
        (context.focus && context.focus->country != context.main_country->country) ||
        ref.place.country == context.main_country->country) {
      return false;
    }
    const bool read_there = std::any_of(read.begin(), read.end(), [&](const Event& event) {
      return event.place && event.place->country == ref.place.country;
    });
    return !read_there &&
           !view.OnlyJoints(0, ref.span.begin, kGrDeterminer | kGrLocative | kGrOf | kGrDefinite);
  };
  // "A three-year-old boy from Takeo province has tested positive, the country's seventh
  // case": where a person lives is theirs; the text stays where it was.
  const auto home = [&](const PlaceRef& ref) {
    size_t from = ref.span.begin;
    while (from > 0 && view.Is(from - 1, kGrDeterminer)) --from;
    return from > 0 && HomeOfAPerson(view, from - 1, ref.span.end);
  };
  const auto aside = [&](const PlaceRef& ref) {
    return InBrackets(view, ref.span.begin) || of_all(ref) || in_a_part(ref) || targeted(ref) ||
           in_passing(ref) || home(ref);
  };
  // The focus moves to the sentence's first place that could be a subject or a frame,
  // or to what its first anaphor stands for ("the country confirmed ..."); not to the
  // place of a table's row ("Zinder: 451 cases, 12 deaths"), a part of the whole.
  // Nor to the place of a part of the count before: "Of these, 19 were in Limerick",
  // "Parmi eux, un a été enregistré à Touba", "Из них ...", "其中 ...".
  const auto& words = view.tokens;
  const bool part_of_before = !words.empty() && !words[0].has_digit &&
                              (view.Is(0, kGrPronoun | kGrPart) ||
                               (words.size() > 2 && view.Is(1, kGrPronoun | kGrPart) &&
                                !words[1].has_digit && words[0].is_word && words[2].lower == ","));
  // "Of the 77 cases, 64 are in Kathmandu", "Parmi les nouveaux cas, huit ...": a frame
  // of case words before a comma and a number after it opens parts as well; so does one
  // of the people or animals counted ("Of the new patients, 523 were admitted in Dhaka").
  bool framed = false;
  for (size_t c = 1; c < words.size() && c < 8 && !part_of_before; ++c) {
    if (words[c].lower != ",") continue;
    const bool number_next =
        std::any_of(view.quantities.begin(), view.quantities.end(),
                    [&](const QuantityRef& q) { return q.span.begin == c + 1; });
    bool noun = false;
    bool other = false;
    for (size_t k = 0; k < c; ++k) {
      const TermAt& t = view.terms[k];
      if (t.length == 0) continue;
      noun = noun || t.term.role == TermRole::kNoun || t.term.role == TermRole::kPerson ||
             t.term.role == TermRole::kAnimal;
      other = other || t.term.role == TermRole::kVerb || t.term.role == TermRole::kKillVerb;
    }
    framed = number_next && noun && !other && view.PlaceAt(0) == nullptr;
    break;
  }
  bool focus_set = IsTableRow(view) || part_of_before || framed;
  // "Suspected cases by region:": a line that opens a table and says what its rows count;
  // a heading of case words and a place noun does without the colon ("Confirmed cases by
  // State, week 6"), as does one of columns between tabs ("Division\tNew cases\tDeaths").
  bool tabbed = false;
  for (size_t k = 1; k < view.tokens.size() && !tabbed && view.heading; ++k) {
    tabbed = view.TabBefore(k);
  }
  const bool heads_table =
      view.heading &&
      std::any_of(view.terms.begin(), view.terms.end(),
                  [](const TermAt& t) {
                    return t.length > 0 && t.term.status &&
                           (t.term.role == TermRole::kNoun || t.term.role == TermRole::kModifier);
                  }) &&
      (tabbed || std::any_of(view.grammar.begin(), view.grammar.end(),
                             [](uint32_t g) { return (g & kGrPlaceNoun) != 0; }));
  if (!view.tokens.empty() && (view.tokens.back().lower == ":" || heads_table)) {
    context.table_open = true;
    context.table_status.reset();
    // "Suspected cases by region:" (a status word), else "Deaths reported by district:",
    // "New dengue admissions by division:" (the noun's).
    std::optional<CaseStatus> noun;
    for (const TermAt& term : view.terms) {
      if (term.length == 0 || !term.term.status) continue;
      if (term.term.role == TermRole::kModifier) context.table_status = term.term.status;
      if (!noun && (term.term.role == TermRole::kNoun || term.term.role == TermRole::kVerb)) {
        noun = term.term.status;
      }
    }
    if (!context.table_status) context.table_status = noun;
    context.table_aggregation.reset();
    if (view.all_cues & kCueNew) context.table_aggregation = Aggregation::kNew;
    if (view.all_cues & kCueCumulative) context.table_aggregation = Aggregation::kCumulative;
    // "Provincia, Casos nuevos, Acumulados, Fallecidos:": a heading of columns says what
    // each cell of a row counts (the first column holds the places).
    context.table_columns.clear();
    const auto& tokens = view.tokens;
    bool first_column = true;
    DocumentContext::TableColumn column;
    for (size_t k = 0; k < tokens.size(); ++k) {
      // ("Country\tCases\tDeaths": tabs between the headings of columns.)
      if (view.TabBefore(k)) {
        if (!first_column) context.table_columns.push_back(column);
        first_column = false;
        column = {};
      }
      if (tokens[k].lower == "," || tokens[k].lower == ":") {
        if (!first_column) context.table_columns.push_back(column);
        first_column = false;
        column = {};
        continue;
      }
      const TermAt& term = view.terms[k];
      if (term.length > 0 && term.term.status &&
          (term.term.role == TermRole::kNoun || term.term.role == TermRole::kModifier ||
           term.term.role == TermRole::kVerb)) {
        if (!column.counts || term.term.role == TermRole::kModifier)
          column.status = term.term.status;
        column.counts = true;
      }
      if (view.cues[k] & kCueNew) column.aggregation = Aggregation::kNew;
      if (view.cues[k] & kCueCumulative) column.aggregation = Aggregation::kCumulative;
    }
    // (A heading of tabs ends on its last column, not on a colon.)
    if (!first_column && column.counts) context.table_columns.push_back(column);
    // (A heading of one column is no list of columns.)
    if (context.table_columns.size() < 2) context.table_columns.clear();
  } else if (!focus_set && !RowShaped(view)) {
    context.table_status.reset();
    context.table_aggregation.reset();
    context.table_open = false;
    context.table_columns.clear();
  }
  const PlaceRef* first_place = nullptr;
  for (const PlaceRef& ref : view.places) {
    if ((ref.role == PlaceRole::kPlain || ref.role == PlaceRole::kLocative) && !ref.qualifier &&
        !ref.demonym && !ref.modifier && ref.caught_by == SIZE_MAX && !aside(ref)) {
      first_place = &ref;
      break;
    }
  }
  for (const Anaphor& anaphor : view.anaphors) {
    // A word of scope speaks of one figure ("bringing the national total to 412"), but one
    // that opens the sentence sets its frame: "Au niveau national, l'OFSP a annoncé ...
    // Il fait état de 64 décès" (the country's).
    const bool opening = anaphor.scope && anaphor.span.begin < 3 &&
                         anaphor.level == PlaceLevel::kCountry && !anaphor.home;
    if (anaphor.scope && !opening) continue;
    if (!anaphor.level || (first_place && first_place->span.begin < anaphor.span.begin)) break;
    if (auto place = ResolveAnaphor(anaphor, view, context, gazetteer)) {
      context.focus = place;
      focus_set = true;
    }
    break;
  }
  // "reported from Ondo 22, Edo 18, Bauchi 7 and Taraba 5": a sentence that goes through
  // three or more places of one country, below it (or two, each with its figure), breaks
  // a figure down; the text goes
  // on about where they all are (their subdivision, when they share one: "广东省 ...，其中
  // 广州 ...，深圳 ..."), not about the first.
  if (!focus_set && first_place != nullptr) {
    const Place& first = first_place->place;
    bool same_subdivision = !first.subdivision.empty();
    std::vector<std::string_view> names;
    bool breakdown = first.level != PlaceLevel::kCountry && !first.country.empty();
    for (const PlaceRef& ref : view.places) {
      if (!breakdown) break;
      if ((ref.role != PlaceRole::kPlain && ref.role != PlaceRole::kLocative) || ref.qualifier ||
          ref.demonym || ref.modifier || ref.caught_by != SIZE_MAX || aside(ref)) {
        continue;
      }
      breakdown = ref.place.country == first.country && ref.place.level != PlaceLevel::kCountry;
      same_subdivision = same_subdivision && ref.place.subdivision == first.subdivision;
      if (std::find(names.begin(), names.end(), ref.place.name) == names.end()) {
        names.push_back(ref.place.name);
      }
    }
    // Two are enough when each has a figure of its own ("Jakarta recorded 312 cases and
    // West Java 204").
    const bool figures = names.size() == 2 && view.quantities.size() >= 2;
    if (breakdown && (names.size() >= 3 || figures)) {
      if (auto parent = same_subdivision ? gazetteer.Subdivision(first.subdivision)
                                         : gazetteer.Country(first.country)) {
        context.focus = parent;
        focus_set = true;
      }
    }
  }
  // "traffic between Singapore and Indonesia": places of a relation, neither the
  // subject nor a frame.
  const auto in_relation = [&](const PlaceRef& ref) {
    size_t begin = ref.span.begin;
    for (const PlaceRef* other : ListAround(view, ref)) begin = std::min(begin, other->span.begin);
    return begin > 0 && view.Is(begin - 1, kGrRange);
  };
  // A list of three countries or more ("The flight ban covers Australia, Canada, France
  // ...") names no one place the text goes on about.
  const auto of_countries = [&](const PlaceRef& ref) {
    if (ref.place.level != PlaceLevel::kCountry) return false;
    const std::vector<const PlaceRef*> list = ListAround(view, ref);
    return list.size() >= 2 && std::all_of(list.begin(), list.end(), [&](const PlaceRef* other) {
             return other->place.level == PlaceLevel::kCountry &&
                    other->place.country != ref.place.country;
           });
  };
  for (const PlaceRef& ref : view.places) {
    // (Where people come in is where the sentence is: "Las personas que lleguen a España".)
    const bool usable =
        ref.role == PlaceRole::kPlain || ref.role == PlaceRole::kLocative || ref.entered;
    if (!usable || ref.qualifier || ref.caught_by != SIZE_MAX) continue;
    const Place& place = ref.place;
    // "The group ... is staying at the Sudima Hotel in Christchurch", "devant la presse à
    // Berne": a town in a sentence that counts nothing, after its verb, says where
    // something happens; the text about the country goes on about the country.
    const bool incidental = ref.role == PlaceRole::kLocative && place.level == PlaceLevel::kCity &&
                            ref.span.begin > 3 && view.quantities.empty() && context.focus &&
                            context.focus->level == PlaceLevel::kCountry &&
                            context.focus->country == place.country;
    if (!focus_set && !ref.demonym && !ref.modifier && !in_relation(ref) && !aside(ref) &&
        !incidental) {
      // "farms in Washington and Montana": the text goes on about where they all are; a
      // list of countries about none of them.
      const std::optional<Place> all = PlaceOfList(view, ref, gazetteer);
      // "en la Región Metropolitana y otras seis regiones": the place and others of its
      // kind; the text goes on about their country.
      const auto and_others = [&] {
        const size_t k = ref.span.end;
        if (k + 2 >= view.tokens.size() || !view.Is(k, kGrCoordination)) return false;
        bool other_word = false;
        for (size_t m = k + 1; m < view.tokens.size() && m <= k + 3; ++m) {
          if (view.PlaceAt(m) != nullptr) return false;
          if (view.Is(m, kGrPlaceNoun)) return other_word;
          other_word = other_word || !view.Is(m, kGrDeterminer);
        }
        return false;
      };
      if (and_others()) {
        if (auto country = gazetteer.Country(place.country)) context.focus = *country;
      } else if (!of_countries(ref)) {
        context.focus = all.value_or(place);
      }
      focus_set = true;
    }
    // (Nor is the other side of a measure, a list of countries or a place abroad named in
    // passing the last place of its kind: "el paso con Venezuela, Ecuador, Perú y Brasil ...
    // el país suma 758.398 casos" is not Brazil's.)
    if (ref.demonym || targeted(ref) || of_countries(ref) || in_passing(ref)) continue;
    if (place.level == PlaceLevel::kSubdivision) context.last_subdivision = place;
    if (place.level == PlaceLevel::kCity) context.last_city = place;
    if (place.level == PlaceLevel::kCountry) {
      context.last_country = place;
    } else if (!place.country.empty()) {
      if (auto country = gazetteer.Country(place.country)) context.last_country = *country;
    }
  }
  if (const auto kind = KindNamed(view)) context.last_animal = kind;
  // The text goes on about the first disease a sentence names ("an outbreak of Marburg
  // virus disease, a relative of Ebola. Sixteen suspected cases ...": Marburg's).
  bool named = false;
  for (size_t i = 0; i < view.disease.size(); ++i) {
    const std::string_view disease = view.disease[i];
    if (disease.empty()) continue;
    if (std::find(view.complications.begin(), view.complications.end(), i) !=
        view.complications.end()) {
      continue;
    }
    if (!named) context.last_disease = disease;
    named = true;
    if (IsSubtype(disease)) context.last_subtype = disease;
  }
}

std::string DiseaseNear(const SentenceView& view, size_t at, const DocumentContext& context,
                        size_t end) {
  end = std::max(end, at + 1);
  size_t best_distance = SIZE_MAX;
  std::string best;
  std::string subtype;
  for (size_t i = 0; i < view.disease.size(); ++i) {
    if (view.disease[i].empty()) continue;
    if (IsSubtype(view.disease[i]) && subtype.empty()) subtype = view.disease[i];
    const size_t distance = i >= end ? i - end + 1 : i >= at ? 0 : at - i;
    if (distance < best_distance) {
      best_distance = distance;
      best = view.disease[i];
    }
  }
  if (best.empty()) best = !context.last_disease.empty() ? context.last_disease : context.main_disease;
  // "A/H1N1 flu cases", "the influenza, also known as bird flu" after "H5N1": the subtype.
  if (IsGeneralInfluenza(best)) {
    if (!subtype.empty()) return subtype;
    if (!context.last_subtype.empty()) return context.last_subtype;
  }
  return best;
}

void FillFrom(const Event& repeat, Event& first) {
  if (!first.period) first.period = repeat.period;
  if (!first.imported) first.imported = repeat.imported;
  if (first.imported != repeat.imported) return;  // a count read as local keeps no route
  if (!first.origin) first.origin = repeat.origin;
  if (first.route.empty()) first.route = repeat.route;
  if (first.modes.empty()) first.modes = repeat.modes;
}

Evidence EvidenceOf(std::string_view text, const text::Sentence& sentence) {
  return Evidence{sentence.start, sentence.end,
                  std::string(text.substr(sentence.start, sentence.end - sentence.start))};
}

}  // namespace epiwire::events
