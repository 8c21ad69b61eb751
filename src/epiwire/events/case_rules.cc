// SPDX-License-Identifier: MIT
// Case rules. A count becomes a case event in one of five ways:
//   1. NUMBER [modifiers] CASE-NOUN          "60 imported cases", "two deaths"
//   2. NUMBER [modifiers] PERSON ... VERB    "31 people have died", "3 more tested positive"
//   3. KILL-VERB [hedge] NUMBER [PERSON]     "killing 5", "has infected 40 people"
//   4. TOTAL-NOUN link-words NUMBER          "bringing its total to 6,343", "death toll rose to 31"
//   5. a/an [modifiers] PERSON ... VERB      "a woman was diagnosed" (count 1), "first case"
// Then the event gets its status, aggregation, period, place, importation and disease
// from the tokens around it, the sentence, and the document context.
#include <algorithm>

#include "epiwire/events/analysis.h"

namespace epiwire::events {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsQuote(const text::Token& t) { return t.lower == "\"" || t.lower == "'"; }

// Small words that end a noun phrase.
bool IsFunctionWord(std::string_view word) {
  return OneOf(word, {"of", "in", "on", "at", "from", "to", "and", "or", "were", "was", "have",
                      "has", "had", "are", "is", "be", "been", "which", "that", "who", "per",
                      "a", "an", "the", "with", "by", "for", "as", "than", "this", "their",
                      "its", "his", "her", "they", "we", "it", "but", "while", "since"});
}

bool IsAuxiliary(std::string_view word) {
  return OneOf(word, {"are", "were", "is", "was", "being", "been", "have", "has", "had", "now",
                      "still", "all", "also", "later", "since", "then", "reportedly"});
}

bool IsLinkWord(std::string_view word) {
  return OneOf(word, {"to", "at", "of", "was", "is", "were", "are", "stood", "stands", "reached",
                      "hit", "rose", "risen", "climbed", "jumped", "increased", "grew", "now",
                      "has", "had", "have", "been", "totalled", "totaled", "topped", "passed",
                      "surpassed", "exceeded", "crossed", "by", "now", "reaching", "hitting", "rising",
                      "climbing", "standing", "remained", "remains", "'s", "a", "record", "new", "high"});
}

// How a number became a case count.
struct CaseReading {
  CaseStatus status = CaseStatus::kConfirmed;
  size_t head = 0;         // token of the noun / verb that made it a case count
  bool total_path = false; // read through a running-total noun
  bool by_link = false;    // "rose by 12": an increment
  bool noun_is_case_word = false;  // "case"/"cases": subject to the legal-sense check
};

// Looks for a status verb after `from` in the same clause (within `window` tokens).
std::optional<CaseStatus> VerbAfter(const SentenceView& view, const Lexicon& lexicon, size_t from,
                                    size_t window) {
  const auto& tokens = view.tokens;
  for (size_t i = from; i < tokens.size() && i < from + window; ++i) {
    if (i > from && view.clause[i] != view.clause[from] && tokens[i].lower != ",") break;
    if (tokens[i].has_digit) break;
    CaseTerm term;
    if (lexicon.MatchCaseTerm(tokens, i, &term) > 0 && term.role == TermRole::kVerb) {
      return term.status;
    }
  }
  return std::nullopt;
}

// Rules 1 and 2: the words after the number.
std::optional<CaseReading> ReadForward(const SentenceView& view, const Lexicon& lexicon,
                                       size_t after, bool* blocked) {
  const auto& tokens = view.tokens;
  std::optional<CaseStatus> modifier;
  int generic = 0;
  for (size_t i = after; i < tokens.size() && i < after + 8;) {
    const text::Token& t = tokens[i];
    if (IsQuote(t)) {
      ++i;
      continue;
    }
    if (view.cues[i] & kCueNotPeople) {
      *blocked = true;
      return std::nullopt;
    }
    CaseTerm term;
    const size_t length = lexicon.MatchCaseTerm(tokens, i, &term);
    if (length > 0) {
      switch (term.role) {
        case TermRole::kNoun: {
          CaseReading reading;
          reading.status = modifier.value_or(*term.status);
          if (term.status == CaseStatus::kDeaths) reading.status = CaseStatus::kDeaths;
          reading.head = i;
          reading.noun_is_case_word = t.lower == "case" || t.lower == "cases";
          return reading;
        }
        case TermRole::kPerson: {
          // The verb may come after a relative clause: "72 pilgrims who had returned
          // from Iran through the border crossing had tested positive".
          auto verb = VerbAfter(view, lexicon, i + length, 18);
          if (!verb && !modifier) return std::nullopt;
          CaseReading reading;
          reading.status = verb.value_or(*modifier);
          reading.head = i;
          return reading;
        }
        case TermRole::kVerb: {
          for (size_t k = after; k < i; ++k) {
            if (!IsAuxiliary(tokens[k].lower) && !(view.cues[k] & kCueNew)) return std::nullopt;
          }
          CaseReading reading;
          reading.status = *term.status;
          reading.head = i;
          return reading;
        }
        case TermRole::kModifier:
          if (!modifier) modifier = term.status;
          i += length;
          continue;
        case TermRole::kKillVerb:
        case TermRole::kTotal:
          return std::nullopt;
      }
    }
    if (!view.disease[i].empty()) {
      i += view.disease_length[i];
      continue;
    }
    if (view.cues[i] & (kCueNew | kCueImported | kCueLocal)) {
      ++i;
      continue;
    }
    // "43 confirmed and 20 probable cases": the noun is shared.
    if ((t.lower == "and" || t.lower == "or") && modifier && i + 1 < tokens.size() &&
        tokens[i + 1].has_digit) {
      i += 2;
      continue;
    }
    // "18 of them were infected", "24 of them on ventilators".
    if (t.lower == "of" && i == after && i + 1 < tokens.size() &&
        OneOf(tokens[i + 1].lower, {"them", "whom", "those", "these", "which"})) {
      auto verb = VerbAfter(view, lexicon, i + 2, 8);
      // "24 of them imported from overseas", "42 of which were imported": cases of the
      // same kind as the total.
      for (size_t k = i + 2; !verb && k < tokens.size() && k < i + 5; ++k) {
        if (view.cues[k] & (kCueImported | kCueLocal)) verb = CaseStatus::kConfirmed;
        if (!IsAuxiliary(tokens[k].lower)) break;
      }
      if (!verb) return std::nullopt;
      CaseReading reading;
      reading.status = *verb;
      reading.head = i + 1;
      return reading;
    }
    if (IsAuxiliary(t.lower) && i < after + 3) {
      // "41 are being treated in hospital": a verb after auxiliaries.
      size_t k = i;
      while (k < tokens.size() && IsAuxiliary(tokens[k].lower)) ++k;
      CaseTerm verb_term;
      if (k < tokens.size() && lexicon.MatchCaseTerm(tokens, k, &verb_term) > 0 &&
          verb_term.role == TermRole::kVerb) {
        CaseReading reading;
        reading.status = *verb_term.status;
        reading.head = k;
        return reading;
      }
      return std::nullopt;
    }
    if (t.is_word && !t.has_digit && !t.capitalized && !IsFunctionWord(t.lower) && generic < 3) {
      ++generic;
      ++i;
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// The first token of the quantity including its hedge ("more than 20").
size_t HedgeStart(const SentenceView& view, const QuantityRef& q) {
  return std::min(view.TokenAt(q.quantity.start), q.span.begin);
}

// Rule 3: a kill verb right before the number.
std::optional<CaseReading> ReadKillVerb(const SentenceView& view, const Lexicon& lexicon,
                                        const QuantityRef& q) {
  const size_t start = HedgeStart(view, q);
  const auto& tokens = view.tokens;
  for (size_t back = 1; back <= 2 && back <= start; ++back) {
    CaseTerm term;
    const size_t at = start - back;
    const size_t length = lexicon.MatchCaseTerm(tokens, at, &term);
    if (length == 0 || term.role != TermRole::kKillVerb || at + length != start) continue;
    // What follows must be people or nothing at all ("treating 4,100 Covid-19 patients").
    size_t after = q.span.end;
    while (after < tokens.size() && !view.disease[after].empty()) after += view.disease_length[after];
    if (after < tokens.size()) {
      CaseTerm next;
      const bool person = lexicon.MatchCaseTerm(tokens, after, &next) > 0 &&
                          next.role == TermRole::kPerson;
      const bool ends = !tokens[after].is_word ||
                        OneOf(tokens[after].lower, {"and", "in", "on", "since", "so", "of", "across",
                                                    "this", "last", "over", "during", "at"});
      if (!person && !ends) return std::nullopt;
      if (!person && term.status == CaseStatus::kTested) return std::nullopt;
    }
    CaseReading reading;
    reading.status = *term.status;
    reading.head = at;
    return reading;
  }
  return std::nullopt;
}

// Rule 4: a running-total noun, then link words, then the number. The noun may
// stand a few words back: "the death toll from the outbreak in X rose to 31".
std::optional<CaseReading> ReadTotal(const SentenceView& view, const Lexicon& lexicon,
                                     const QuantityRef& q) {
  const size_t start = HedgeStart(view, q);
  const auto& tokens = view.tokens;
  if (start == 0 || start > tokens.size()) return std::nullopt;
  size_t link_start = start;
  while (link_start > 0 && view.clause[link_start - 1] == view.clause[start - 1]) {
    const std::string& w = tokens[link_start - 1].lower;
    // "rose by 2,311 to 59,567": the increment is part of the link.
    if (tokens[link_start - 1].has_digit && link_start >= 2 && tokens[link_start - 2].lower == "by") {
      link_start -= 2;
      continue;
    }
    if (!IsLinkWord(w)) break;
    --link_start;
  }
  if (link_start == start) return std::nullopt;
  const bool adjacent_only = link_start + 1 == start && tokens[link_start].lower == "of";
  for (size_t back = 1; back <= 12 && back <= link_start; ++back) {
    const size_t at = link_start - back;
    if (view.clause[at] != view.clause[start - 1]) break;
    CaseTerm term;
    const size_t length = lexicon.MatchCaseTerm(tokens, at, &term);
    if (length == 0) continue;
    if (term.role != TermRole::kTotal && term.role != TermRole::kNoun) continue;
    if (at + length != link_start && (adjacent_only || back > 12)) continue;
    CaseReading reading;
    reading.head = at;
    reading.total_path = true;
    reading.by_link = tokens[start - 1].lower == "by";
    reading.noun_is_case_word = tokens[at].lower == "cases" || tokens[at].lower == "case";
    std::optional<CaseStatus> status = term.status;
    // "the number of seriously ill patients ... rose to": modifiers and verbs after the noun.
    for (size_t k = at + length; k < link_start && (!status || term.role == TermRole::kTotal); ++k) {
      CaseTerm inner;
      const size_t inner_length = lexicon.MatchCaseTerm(tokens, k, &inner);
      if (inner_length == 0) continue;
      if ((inner.role == TermRole::kModifier || inner.role == TermRole::kVerb ||
           inner.role == TermRole::kNoun) && inner.status &&
          !(status && inner.status == CaseStatus::kConfirmed)) {
        status = inner.status;
        break;
      }
    }
    // A bare "number" counts only what the words after it say it counts ("the number of
    // people who have tested positive"), never flights or beds.
    if (!status && tokens[at].lower == "number") return std::nullopt;
    if (!status) {
      // "its total": the status of the nearest case noun before it in the sentence.
      for (size_t k = at; k-- > 0;) {
        CaseTerm before;
        if (lexicon.MatchCaseTerm(tokens, k, &before) > 0 && before.role == TermRole::kNoun) {
          status = before.status;
          break;
        }
      }
    }
    reading.status = status.value_or(CaseStatus::kConfirmed);
    return reading;
  }
  return std::nullopt;
}

// Rule 5: "a woman ... was diagnosed", "a new case", "the first death".
std::optional<CaseReading> ReadSingle(const SentenceView& view, const Lexicon& lexicon, size_t i) {
  const auto& tokens = view.tokens;
  const bool article = tokens[i].lower == "a" || tokens[i].lower == "an" ||
                       tokens[i].lower == "another";
  const bool first = tokens[i].lower == "first";
  if (!article && !first) return std::nullopt;
  bool new_cue = tokens[i].lower == "another";
  for (size_t k = i + 1; k < tokens.size() && k < i + 5; ++k) {
    CaseTerm term;
    const size_t length = lexicon.MatchCaseTerm(tokens, k, &term);
    if (length > 0 && term.role == TermRole::kModifier) {
      k += length - 1;
      continue;
    }
    if (length > 0 && term.role == TermRole::kPerson && article) {
      if (OneOf(tokens[k].lower, {"people", "persons", "others", "more", "patients", "residents",
                                  "children", "workers", "staff", "crew"})) {
        return std::nullopt;
      }
      auto verb = VerbAfter(view, lexicon, k + length, 18);
      if (!verb) return std::nullopt;
      return CaseReading{*verb, k, false, false, false};
    }
    if (length > 0 && term.role == TermRole::kNoun &&
        OneOf(tokens[k].lower, {"case", "death", "infection", "fatality"})) {
      if (!first && !new_cue) return std::nullopt;
      return CaseReading{*term.status, k, false, false, true};
    }
    if (view.cues[k] & kCueNew) {
      new_cue = true;
      continue;
    }
    if (!view.disease[k].empty() || tokens[k].has_digit || IsQuote(tokens[k]) ||
        (tokens[k].is_word && !tokens[k].capitalized && !IsFunctionWord(tokens[k].lower))) {
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// "Of the 30 new cases, 12 were in Lagos": the count is a part of the case noun phrase
// that opens the sentence.
std::optional<CaseReading> ReadPartitive(const SentenceView& view, const Lexicon& lexicon,
                                         const QuantityRef& q) {
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  if (start < 3 || tokens[start - 1].lower != ",") return std::nullopt;
  size_t of = 0;
  while (of < start && (tokens[of].lower == "\"" || tokens[of].lower == "'")) ++of;
  if (of + 1 >= start || tokens[of].lower != "of" || tokens[of + 1].lower != "the") {
    return std::nullopt;
  }
  std::optional<CaseStatus> modifier;
  for (size_t k = of + 2; k + 1 < start; ++k) {
    CaseTerm term;
    const size_t length = lexicon.MatchCaseTerm(tokens, k, &term);
    if (length == 0) continue;
    if (term.role == TermRole::kModifier && !modifier) modifier = term.status;
    if (term.role == TermRole::kNoun) {
      CaseReading reading;
      reading.status = modifier.value_or(*term.status);
      reading.head = k;
      reading.noun_is_case_word = tokens[k].lower == "cases" || tokens[k].lower == "case";
      return reading;
    }
  }
  return std::nullopt;
}

// A count that is not of people: money, ages, identifiers.
bool IsExcludedNumber(const SentenceView& view, const QuantityRef& q) {
  const auto& quantity = q.quantity;
  if (quantity.is_share || quantity.is_year) return true;
  if (quantity.is_ordinal) return true;
  if (quantity.value <= 0) return true;
  const auto& tokens = view.tokens;
  const size_t start = HedgeStart(view, q);
  if (start > 0) {
    const std::string& before = tokens[start - 1].lower;
    if (OneOf(before, {"$", "\xE2\x82\xAC", "\xC2\xA3", "us$", "aged", "age", "no", "number",
                       "rs", "inr", "usd", "eur", "#"})) {
      return true;
    }
  }
  const std::string& number = tokens[q.span.begin].lower;
  if (number.find("-year") != std::string::npos) return true;
  if (q.span.end < tokens.size()) {
    const std::string& after = tokens[q.span.end].lower;
    if (OneOf(after, {"%", "percent", "years", "year", "-year-old", "year-old", "million-strong",
                      "days", "day", "weeks", "week", "hours", "hour", "months", "month", "minutes",
                      "times", "km", "kilometres", "kilometers", "miles", "metres", "meters"})) {
      return true;
    }
  }
  return false;
}

bool SameClause(const SentenceView& view, size_t a, size_t b) {
  return a < view.clause.size() && b < view.clause.size() && view.clause[a] == view.clause[b];
}

// "The ministry said on Monday that ...": the day of the report, not of the figure.
bool IsReportDate(const SentenceView& view, const DateRef& date) {
  for (size_t back = 1; back <= 2 && back <= date.span.begin; ++back) {
    if (OneOf(view.tokens[date.span.begin - back].lower,
              {"said", "says", "announced", "stated", "told", "reported", "confirmed", "added"})) {
      // "reported on Monday" right after its own count is the figure's day.
      return back == 1 && date.span.begin >= 2 &&
             !view.tokens[date.span.begin - 2].has_digit &&
             OneOf(view.tokens[date.span.begin - 1].lower, {"said", "says", "announced", "stated",
                                                            "told"});
    }
  }
  return false;
}

// Aggregation: the noun phrase first, then the clause, then the date kind.
std::optional<Aggregation> ReadAggregation(const SentenceView& view, const QuantityRef& q,
                                           const CaseReading& reading, const DateRef* date,
                                           bool possessive_place) {
  const size_t start = HedgeStart(view, q);
  const size_t phrase_end = std::max(reading.head, q.span.end) + 1;
  if (reading.by_link) return Aggregation::kNew;
  // "another 12", "12 more", "12 new cases"; the hedge "more than" is not a cue.
  const uint32_t before = start >= 1 ? view.cues[start - 1] : 0;
  if ((before & kCueNew) || (view.CuesIn(q.span.end, phrase_end) & kCueNew)) return Aggregation::kNew;
  uint32_t clause_cues = 0;
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if (SameClause(view, i, q.span.begin)) clause_cues |= view.cues[i];
  }
  if (reading.total_path || (clause_cues & kCueCumulative)) return Aggregation::kCumulative;
  if (date && !IsReportDate(view, *date)) {
    const auto kind = date->mention.kind;
    if (kind == dates::DateKind::kSince || kind == dates::DateKind::kUntil) {
      return Aggregation::kCumulative;
    }
    return Aggregation::kNew;
  }
  if (possessive_place) return Aggregation::kCumulative;
  // "has recorded", "have died": the perfect reports a state so far.
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if (SameClause(view, i, q.span.begin) && OneOf(view.tokens[i].lower, {"has", "have", "had"})) {
      return Aggregation::kCumulative;
    }
  }
  return std::nullopt;
}

// The date that belongs to a number: the nearest in its clause, else in the sentence;
// the day a report was made comes last.
const DateRef* DateFor(const SentenceView& view, size_t at) {
  const DateRef* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const DateRef& date : view.dates) {
    const size_t anchor = date.span.begin < view.tokens.size() ? date.span.begin : at;
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

std::optional<Period> PeriodFor(const SentenceView& view, const DateRef* date,
                                std::optional<Aggregation> aggregation,
                                std::optional<Date> published) {
  if (aggregation == Aggregation::kCumulative) {
    // A running total is "as of" a day: an explicit as-of date wins over a since-date.
    for (const DateRef& other : view.dates) {
      if (other.mention.kind == dates::DateKind::kUntil &&
          (!date || date->mention.kind == dates::DateKind::kSince)) {
        date = &other;
      }
    }
    std::optional<Date> end = published;
    if (date && date->mention.period.end) end = date->mention.period.end;
    if (!end) return std::nullopt;
    return Period{std::nullopt, end};
  }
  if (!date) return std::nullopt;
  Period period = date->mention.period;
  if (date->mention.kind == dates::DateKind::kSince && !period.end) period.end = published;
  return period;
}

// Where the count was made. Candidates are scored on their grammatical tie to the number.
struct PlaceChoice {
  std::optional<Place> place;
  bool possessive = false;
};

PlaceChoice ChoosePlace(const SentenceView& view, const QuantityRef& q, const CaseReading& reading,
                        const DocumentContext& context, const Lexicon& lexicon,
                        const gazetteer::Gazetteer& gazetteer) {
  const size_t number = HedgeStart(view, q);
  const size_t head = std::max(reading.head, q.span.end);
  int best_score = -100;
  size_t best_distance = SIZE_MAX;
  PlaceChoice choice;
  size_t subject_begin = SIZE_MAX;
  // A semicolon starts a new statement with a subject of its own.
  size_t statement_start = 0;
  for (size_t k = 0; k < number; ++k) {
    if (view.tokens[k].lower == ";") statement_start = k + 1;
  }
  for (const PlaceRef& ref : view.places) {
    if (ref.span.begin < statement_start) continue;
    if (!ref.origin_marked && !ref.target_marked && !ref.source) {
      subject_begin = ref.span.begin;
      break;
    }
  }
  // "Russia's 6,300 cases", "the province's case count was 141": the possessive owns
  // the count when the number or a case noun follows it closely; "Cameroon's health
  // ministry said ..." does not.
  const auto OwnsTheCount = [&](TokenSpan span) {
    size_t after = span.end;
    if (after < view.tokens.size() && view.tokens[after].lower == "'s") ++after;
    if (number >= after && number - after <= 3) return true;
    for (size_t k = after; k < after + 3 && k < view.tokens.size(); ++k) {
      CaseTerm term;
      if (lexicon.MatchCaseTerm(view.tokens, k, &term) > 0 &&
          (term.role == TermRole::kNoun || term.role == TermRole::kTotal)) {
        return true;
      }
    }
    return false;
  };
  const auto consider = [&](const std::optional<Place>& place, TokenSpan span, bool possessive,
                            bool demonym, bool locative_marker) {
    if (!place) return;
    int score = 0;
    const bool before = span.end <= number;
    const bool same_clause = SameClause(view, before ? span.end - 1 : span.begin, number);
    const size_t distance = before ? number - span.end : span.begin - head;
    if (possessive && before && same_clause && OwnsTheCount(span)) score += 10;
    if (locative_marker && !before && same_clause && distance <= 10) score += 12;
    if (locative_marker && before && same_clause) score += 7;
    // The sentence's subject: its first place, right at the start.
    if (span.begin == subject_begin && span.begin <= statement_start + 3 && before) score += 6;
    if (before && same_clause) score += 4;
    if (before && !same_clause) score += 2;
    if (!before && !locative_marker) score += 1;
    if (demonym) score -= 3;
    if (place->level != PlaceLevel::kCountry) score += 1;  // the more specific of a tie
    if (score > best_score || (score == best_score && distance < best_distance)) {
      best_score = score;
      best_distance = distance;
      choice.place = place;
      choice.possessive = possessive && before && same_clause;
    }
  };
  // "in X", "in the coastal city of X", "in Nigeria's X state".
  const auto locative = [&](TokenSpan span) {
    for (size_t back = 1; back <= 7 && back <= span.begin; ++back) {
      const text::Token& t = view.tokens[span.begin - back];
      if (OneOf(t.lower, {"in", "at", "across", "throughout"})) return true;
      if (!t.is_word || t.has_digit) return false;
      if (back > 1 && !(t.lower == "the" || t.lower == "of" || t.lower == "'s" || t.capitalized ||
                        !IsFunctionWord(t.lower))) {
        return false;
      }
    }
    return false;
  };
  // "Pakistan's Punjab province", "Hyderabad in Sindh": of two places of one country
  // standing together, the broader one only says where the narrower one is.
  const auto qualifies_neighbour = [&](const PlaceRef& ref) {
    for (const PlaceRef& other : view.places) {
      if (&other == &ref || other.place.country != ref.place.country || other.demonym) continue;
      const size_t gap = other.span.begin >= ref.span.end ? other.span.begin - ref.span.end
                                                          : ref.span.begin - other.span.end;
      if (gap > 2 || other.span.begin == ref.span.begin) continue;
      const bool broader = ref.place.level == PlaceLevel::kCountry
                               ? other.place.level != PlaceLevel::kCountry
                               : ref.place.level == PlaceLevel::kSubdivision &&
                                     other.place.level == PlaceLevel::kCity &&
                                     other.place.subdivision == ref.place.subdivision;
      if (broader) return true;
    }
    return false;
  };
  for (const PlaceRef& ref : view.places) {
    if (ref.origin_marked || ref.source) continue;
    if (ref.span.begin <= q.span.begin && ref.span.end > q.span.begin) continue;
    if (qualifies_neighbour(ref)) continue;
    std::optional<Place> place = ref.place;
    // A destination ("returning to Malaysia") is where the cases are counted, as a last resort.
    consider(place, ref.span, ref.possessive, ref.demonym || ref.target_marked,
             locative(ref.span) && !ref.target_marked);
  }
  for (const Anaphor& anaphor : view.anaphors) {
    consider(ResolveAnaphor(anaphor, view, context, gazetteer), anaphor.span, anaphor.possessive,
             false, anaphor.locative);
  }
  if (!choice.place) {
    // "The national tally stood at ...": the document's country, not the last subject.
    const bool national = std::any_of(view.tokens.begin(), view.tokens.end(), [](const text::Token& t) {
      return t.lower == "national" || t.lower == "nationwide" || t.lower == "nationally";
    });
    // "1.4 million people have been infected worldwide": a figure of no one place.
    // ("the World Health Organization" is no such figure).
    bool worldwide = false;
    const auto& tokens = view.tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].lower == "worldwide" || tokens[k].lower == "globally") worldwide = true;
      if (tokens[k].lower == "world" && k > 0 &&
          OneOf(tokens[k - 1].lower, {"the", "around", "across"}) &&
          (k + 1 >= tokens.size() || !tokens[k + 1].is_word ||
           !OneOf(tokens[k + 1].lower, {"health", "bank", "cup", "war", "food", "trade"}))) {
        worldwide = true;
      }
    }
    if (worldwide) return choice;
    choice.place = national && context.main_country ? context.main_country : context.last_subject;
  }
  return choice;
}

// Places after "from" (and "via"), in the order they were travelled.
std::vector<Place> TravelledFrom(const SentenceView& view) {
  std::vector<Place> route;
  bool reversed = false;
  for (size_t p = 0; p < view.places.size(); ++p) {
    const PlaceRef& ref = view.places[p];
    if (!ref.origin_marked) continue;
    // "the Russian city of Vladivostok": the demonym is folded into the city.
    if (ref.demonym && p + 1 < view.places.size() && view.places[p + 1].origin_marked &&
        view.places[p + 1].span.begin <= ref.span.end + 3 &&
        view.places[p + 1].place.country == ref.place.country) {
      continue;
    }
    bool from = false;
    for (size_t back = 1; back <= 5 && back <= ref.span.begin; ++back) {
      const std::string& w = view.tokens[ref.span.begin - back].lower;
      if (w == "from" || w == "via" || w == "through") from = true;
      if (w == "after" && !route.empty()) reversed = true;
    }
    if (!from) {
      // "after they flew from X": the "after" may be a few words further back.
      continue;
    }
    for (size_t k = ref.span.begin; k-- > 0 && k + 8 > ref.span.begin;) {
      if (view.tokens[k].lower == "after" && !route.empty()) reversed = true;
    }
    route.push_back(ref.place);
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

// Does the next sentence go on about the same travellers ("All but one entered ...")?
bool ContinuesAboutTravellers(const SentenceView& next) {
  if (next.tokens.empty()) return false;
  return OneOf(next.tokens[0].lower, {"all", "most", "they", "these", "many", "some", "of",
                                      "both", "nearly", "almost", "half", "several", "each"});
}

void ReadImportation(const SentenceView& view, const QuantityRef& q, const CaseReading& reading,
                     const SentenceView* previous, const SentenceView* next, Event& event) {
  const size_t number = q.span.begin;
  uint32_t clause_cues = view.CuesIn(std::min(number, reading.head), std::max(q.span.end, reading.head + 1));
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    if (SameClause(view, i, number) || SameClause(view, i, reading.head)) clause_cues |= view.cues[i];
  }
  int counts_in_sentence = static_cast<int>(view.quantities.size());
  if (!(clause_cues & (kCueImported | kCueLocal)) && counts_in_sentence <= 1) {
    clause_cues |= view.CuesIn(0, view.tokens.size()) & (kCueImported | kCueLocal);
  }
  if (clause_cues & kCueLocal && !(clause_cues & kCueImported)) {
    event.imported = false;
    return;
  }
  std::vector<Place> route = TravelledFrom(view);
  // "arrived by train from Moscow": a travel verb and a place they came from.
  const bool travelled = (view.CuesIn(0, view.tokens.size()) & kCueTravel) && !route.empty() &&
                         counts_in_sentence <= 2;
  if (!(clause_cues & kCueImported) && !travelled) return;
  event.imported = true;
  std::vector<TravelMode> modes = ModesIn(view);
  if (route.empty() && next && ContinuesAboutTravellers(*next)) {
    route = TravelledFrom(*next);
    if (!route.empty()) modes = ModesIn(*next);
  }
  if (route.empty() && previous) route = TravelledFrom(*previous);
  if (route.empty()) return;
  event.origin = route.front();
  if (route.size() > 1) event.route = route;
  event.modes = modes;
}

}  // namespace

void ExtractCases(std::string_view text, const SentenceView& view, const SentenceView* previous,
                  const SentenceView* next, const DocumentContext& context,
                  const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                  std::vector<Event>& out) {
  bool has_disease = false;
  for (const std::string& d : view.disease) has_disease = has_disease || !d.empty();
  const uint32_t sentence_cues = view.CuesIn(0, view.tokens.size());
  // Deaths from earthquakes, crashes or wars are not an outbreak's.
  if ((sentence_cues & kCueOtherCause) && !has_disease) return;

  const auto emit = [&](const QuantityRef& q, const CaseReading& reading, int64_t count,
                        Qualifier qualifier, bool passed_threshold = false) {
    if (reading.noun_is_case_word && (view.CuesIn(reading.head > 3 ? reading.head - 3 : 0,
                                                   reading.head + 4) & kCueLegal)) {
      return;
    }
    Event event;
    event.type = EventType::kCases;
    event.status = reading.status;
    event.count = count;
    event.qualifier = qualifier;
    const DateRef* date = DateFor(view, q.span.begin);
    PlaceChoice where = ChoosePlace(view, q, reading, context, lexicon, gazetteer);
    // "passed one million infections": a running total crossing a mark.
    event.aggregation = passed_threshold ? std::optional<Aggregation>(Aggregation::kCumulative)
                                         : ReadAggregation(view, q, reading, date, where.possessive);
    event.period = PeriodFor(view, date, event.aggregation, context.published);
    event.place = where.place;
    event.disease = DiseaseNear(view, reading.head, context);
    ReadImportation(view, q, reading, previous, next, event);
    event.evidence = EvidenceOf(text, view.sentence);
    out.push_back(std::move(event));
  };

  for (const QuantityRef& q : view.quantities) {
    if (IsExcludedNumber(view, q)) continue;
    Qualifier qualifier = q.quantity.qualifier;
    const size_t hedge = HedgeStart(view, q);
    const bool passed = hedge > 0 && OneOf(view.tokens[hedge - 1].lower,
                                           {"passed", "crossed", "topped", "surpassed", "exceeded",
                                            "exceeding"});
    if (qualifier == Qualifier::kExact && passed) {
      qualifier = Qualifier::kAtLeast;  // "deaths have passed 373,000"
    }
    bool blocked = false;
    std::optional<CaseReading> reading = ReadForward(view, lexicon, q.span.end, &blocked);
    if (!reading && !blocked) reading = ReadKillVerb(view, lexicon, q);
    if (reading && !reading->total_path && reading->head < q.span.begin) {
      // A kill verb needs an outbreak or disease to be the killer.
      if (!has_disease && !(sentence_cues & kCueOutbreak)) continue;
    }
    if (!reading && !blocked) reading = ReadTotal(view, lexicon, q);
    if (!reading && !blocked) reading = ReadPartitive(view, lexicon, q);
    if (!reading) continue;
    emit(q, *reading, q.quantity.value, qualifier, passed);
  }

  // Gapping: "Sindh reported 1,516 new cases and Punjab 1,202": a bare number right
  // after a place (and a reporting verb) repeats the reading of the count before it.
  if (!out.empty()) {
    for (const QuantityRef& q : view.quantities) {
      const bool noun_follows = q.span.end < view.tokens.size() &&
                                view.tokens[q.span.end].is_word &&
                                !OneOf(view.tokens[q.span.end].lower, {"on", "in", "and"});
      if (IsExcludedNumber(view, q) || noun_follows) continue;
      const bool already = std::any_of(out.begin(), out.end(), [&](const Event& e) {
        return e.evidence.start == view.sentence.start && e.count == q.quantity.value;
      });
      if (already) continue;
      size_t k = HedgeStart(view, q);
      if (k > 0 && OneOf(view.tokens[k - 1].lower, {"added", "reported", "recorded", "confirmed",
                                                    "registered", "logged", "had"})) {
        --k;
      }
      const PlaceRef* place = nullptr;
      for (const PlaceRef& ref : view.places) {
        if (ref.span.end == k && !ref.demonym) place = &ref;
      }
      if (!place) continue;
      const Event* model = nullptr;
      for (const Event& e : out) {
        if (e.type == EventType::kCases && e.evidence.start == view.sentence.start) model = &e;
      }
      if (!model) continue;
      Event event = *model;
      event.count = q.quantity.value;
      event.qualifier = q.quantity.qualifier;
      event.place = place->place;
      out.push_back(std::move(event));
    }
  }

  // Counts of one without a number: "a woman was diagnosed", "its first death".
  for (size_t i = 0; i < view.tokens.size(); ++i) {
    std::optional<CaseReading> reading = ReadSingle(view, lexicon, i);
    if (!reading) continue;
    QuantityRef one;
    one.span = {i, i + 1};
    one.quantity.start = view.tokens[i].start;
    one.quantity.number_start = view.tokens[i].start;
    one.quantity.end = view.tokens[i].end;
    one.quantity.value = 1;
    emit(one, *reading, 1, Qualifier::kExact);
    i = reading->head;
  }
}

}  // namespace epiwire::events
