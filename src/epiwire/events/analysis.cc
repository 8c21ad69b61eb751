// SPDX-License-Identifier: MIT
#include "epiwire/events/analysis.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace epiwire::events {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsClauseBreak(const text::Token& token) {
  if (!token.is_word) {
    return OneOf(token.lower, {",", ";", ":", "(", ")", "\xE2\x80\x94", "\xE2\x80\x93", "-"});
  }
  return OneOf(token.lower, {"while", "whereas", "but", "although", "though", "when", "after"});
}

// Words before a place that make it where people or things come from.
bool IsOriginMarker(std::string_view word) {
  // "near", "nearby", "neighbouring" alone do not make an origin ("Neighbouring Austria
  // reported ..."); after "from" they are inside the origin phrase anyway.
  return OneOf(word, {"from", "via", "through", "borders", "bordering", "border", "visited",
                      "visiting"});
}

bool IsTargetMarker(std::string_view word) {
  return OneOf(word, {"to", "into", "toward", "towards", "with", "against"});
}

std::optional<PlaceLevel> AnaphorLevel(std::string_view noun) {
  if (OneOf(noun, {"province", "state", "region", "territory", "prefecture", "county",
                   "oblast", "governorate"})) {
    return PlaceLevel::kSubdivision;
  }
  if (OneOf(noun, {"country", "nation", "kingdom", "republic"})) return PlaceLevel::kCountry;
  if (OneOf(noun, {"city", "town", "capital", "municipality"})) return PlaceLevel::kCity;
  return std::nullopt;
}

void FindAnaphors(SentenceView& view) {
  const auto& tokens = view.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool after_in = i > 0 && OneOf(tokens[i - 1].lower, {"in", "across", "throughout"});
    if (tokens[i].lower == "it" || tokens[i].lower == "its") {
      Anaphor anaphor{{i, i + 1}, std::nullopt, tokens[i].lower == "its", false};
      view.anaphors.push_back(anaphor);
      continue;
    }
    if (tokens[i].lower != "the" || i + 1 >= tokens.size()) continue;
    // "the province", but not "the city of Harbin" (that names the place).
    const auto level = AnaphorLevel(tokens[i + 1].lower);
    if (!level) continue;
    if (i + 2 < tokens.size() && tokens[i + 2].lower == "of") continue;
    const bool possessive = i + 2 < tokens.size() && tokens[i + 2].lower == "'s";
    view.anaphors.push_back(Anaphor{{i, i + (possessive ? 3 : 2)}, level, possessive, after_in});
  }
}

void MarkPlaceRoles(SentenceView& view, const Lexicon& lexicon) {
  const auto& tokens = view.tokens;
  for (PlaceRef& ref : view.places) {
    for (size_t back = 1; back <= 4 && back <= ref.span.begin; ++back) {
      const text::Token& t = tokens[ref.span.begin - back];
      if (IsClauseBreak(t) && t.lower != "after") break;
      // "deaths from the fever in Bahia": a locative preposition starts a new phrase,
      // unless it only narrows where people came from ("from ski resorts in Italy").
      if (OneOf(t.lower, {"in", "at", "on", "across", "throughout"})) {
        const size_t in_at = ref.span.begin - back;
        for (size_t k = in_at; k-- > 0 && k + 5 > in_at;) {
          if (tokens[k].lower != "from") continue;
          bool about_illness = false;
          for (size_t m = k + 1; m < in_at; ++m) {
            CaseTerm term;
            about_illness = about_illness || !view.disease[m].empty() ||
                            (view.cues[m] & kCueOutbreak) ||
                            lexicon.MatchCaseTerm(tokens, m, &term) > 0;
          }
          ref.origin_marked = !about_illness;
          break;
        }
        break;
      }
      if (IsOriginMarker(t.lower)) ref.origin_marked = true;
      if (back <= 2 && IsTargetMarker(t.lower)) ref.target_marked = true;
    }
    size_t after = ref.span.end;
    if (after < tokens.size() && tokens[after].lower == "'s") {
      ref.possessive = true;
      ++after;
    }
    // "X's Daily NK", "X's Yonhap news agency": a news outlet named after its place.
    for (size_t k = after; k < after + 3 && k < tokens.size(); ++k) {
      if ((view.cues[k] & kCueSource) && (ref.possessive || tokens[k].capitalized)) {
        ref.source = true;
      }
    }
  }
}

}  // namespace

uint32_t SentenceView::CuesIn(size_t begin, size_t end) const {
  uint32_t flags = 0;
  for (size_t i = begin; i < end && i < cues.size(); ++i) flags |= cues[i];
  return flags;
}

size_t SentenceView::TokenAt(size_t offset) const {
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                   [](const text::Token& t, size_t at) { return t.start < at; });
  return static_cast<size_t>(it - tokens.begin());
}

SentenceView AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                             const std::vector<gazetteer::PlaceMention>& mentions,
                             const Lexicon& lexicon, std::optional<Date> published) {
  SentenceView view;
  view.sentence = sentence;
  view.tokens = text::Tokenize(text, sentence.start, sentence.end);
  const size_t n = view.tokens.size();
  view.cues.assign(n, 0);
  view.clause.assign(n, 0);
  view.disease.assign(n, std::string());
  view.disease_length.assign(n, 0);
  int clause = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsClauseBreak(view.tokens[i])) ++clause;
    view.clause[i] = clause;
    uint32_t flags = 0;
    const size_t length = lexicon.MatchCue(view.tokens, i, &flags);
    for (size_t k = i; k < i + length; ++k) view.cues[k] |= flags;
  }
  // Diseases, longest first, without overlaps ("swine flu" is not also "flu").
  for (size_t i = 0; i < n; ++i) {
    std::string disease;
    const size_t length = lexicon.MatchDisease(view.tokens, i, &disease);
    if (length == 0) continue;
    view.disease[i] = disease;
    view.disease_length[i] = length;
    i += length - 1;
  }

  const auto first = std::lower_bound(
      mentions.begin(), mentions.end(), sentence.start,
      [](const gazetteer::PlaceMention& m, size_t at) { return m.start < at; });
  for (auto it = first; it != mentions.end() && it->end <= sentence.end; ++it) {
    PlaceRef ref;
    ref.span = {view.TokenAt(it->start), view.TokenAt(it->end)};
    if (ref.span.end <= ref.span.begin) continue;
    ref.place = it->place;
    ref.demonym = it->kind == gazetteer::MentionKind::kDemonym;
    view.places.push_back(std::move(ref));
  }
  MarkPlaceRoles(view, lexicon);
  FindAnaphors(view);

  const std::string_view sentence_text = text.substr(sentence.start, sentence.end - sentence.start);
  for (quantity::Quantity q : quantity::FindQuantities(sentence_text)) {
    q.start += sentence.start;
    q.end += sentence.start;
    q.number_start += sentence.start;
    QuantityRef ref{{view.TokenAt(q.number_start), view.TokenAt(q.end)}, q};
    if (ref.span.end > ref.span.begin) view.quantities.push_back(ref);
  }
  for (dates::DateMention d : dates::FindDates(sentence_text, published)) {
    d.start += sentence.start;
    d.end += sentence.start;
    view.dates.push_back(DateRef{{view.TokenAt(d.start), view.TokenAt(d.end)}, d});
  }
  return view;
}

std::optional<Place> ResolveAnaphor(const Anaphor& anaphor, const SentenceView& view,
                                    const DocumentContext& context,
                                    const gazetteer::Gazetteer& gazetteer) {
  // An earlier place of the right kind in the same sentence comes first.
  for (auto it = view.places.rbegin(); it != view.places.rend(); ++it) {
    if (it->span.end > anaphor.span.begin || it->origin_marked || it->target_marked ||
        it->source || it->demonym) {
      continue;
    }
    if (!anaphor.level || it->place.level == *anaphor.level) return it->place;
    if (*anaphor.level == PlaceLevel::kCountry && !it->place.country.empty()) {
      return gazetteer.Country(it->place.country);
    }
  }
  if (!anaphor.level) return context.last_subject;
  switch (*anaphor.level) {
    case PlaceLevel::kCountry:
      return context.last_country;
    case PlaceLevel::kSubdivision:
      return context.last_subdivision;
    case PlaceLevel::kCity:
      return context.last_city;
    case PlaceLevel::kOther:
      break;
  }
  return std::nullopt;
}

void RememberSentence(const SentenceView& view, DocumentContext& context,
                      const gazetteer::Gazetteer& gazetteer) {
  bool subject_set = false;
  for (const PlaceRef& ref : view.places) {
    if (ref.origin_marked || ref.target_marked || ref.source) continue;
    const Place& place = ref.place;
    if (!ref.demonym) {
      if (!subject_set) {
        context.last_subject = place;
        subject_set = true;
      }
      if (place.level == PlaceLevel::kSubdivision) context.last_subdivision = place;
      if (place.level == PlaceLevel::kCity) context.last_city = place;
    }
    if (place.level == PlaceLevel::kCountry && !ref.demonym) {
      context.last_country = place;
    } else if (!place.country.empty() && !ref.demonym) {
      if (auto country = gazetteer.Country(place.country)) context.last_country = *country;
    }
  }
  for (const std::string& disease : view.disease) {
    if (!disease.empty()) context.last_disease = disease;
  }
}

std::string DiseaseNear(const SentenceView& view, size_t at, const DocumentContext& context) {
  size_t best_distance = SIZE_MAX;
  std::string best;
  for (size_t i = 0; i < view.disease.size(); ++i) {
    if (view.disease[i].empty()) continue;
    const size_t distance = i > at ? i - at : at - i;
    if (distance < best_distance) {
      best_distance = distance;
      best = view.disease[i];
    }
  }
  if (!best.empty()) return best;
  if (!context.last_disease.empty()) return context.last_disease;
  return context.main_disease;
}

Evidence EvidenceOf(std::string_view text, const text::Sentence& sentence) {
  return Evidence{sentence.start, sentence.end,
                  std::string(text.substr(sentence.start, sentence.end - sentence.start))};
}

}  // namespace epiwire::events
