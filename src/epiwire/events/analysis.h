// SPDX-License-Identifier: MIT
// Internal to the events stage (the public header is extractor.h): one sentence
// seen as tokens with the places, quantities, dates, diseases and cues found in it,
// and the document context that carries from one sentence to the next.
#ifndef EPIWIRE_EVENTS_ANALYSIS_H_
#define EPIWIRE_EVENTS_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epiwire/dates/date_expressions.h"
#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/model/event.h"
#include "epiwire/quantity/quantity.h"
#include "epiwire/text/sentences.h"

namespace epiwire::events {

// A span of tokens [begin, end) in a sentence.
struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct PlaceRef {
  TokenSpan span;
  Place place;
  bool demonym = false;
  bool origin_marked = false;  // after "from", "via", "borders", "near", ...
  bool target_marked = false;  // after "to", "into", "with", "against", ...
  bool source = false;         // a news outlet's place ("X's Daily News")
  bool possessive = false;     // followed by 's
};

// A phrase that refers back to a place: "the province", "it", "the country's".
struct Anaphor {
  TokenSpan span;
  std::optional<PlaceLevel> level;  // nullopt: "it"/"its", the last subject
  bool possessive = false;
  bool locative = false;  // "in the province"
};

struct QuantityRef {
  TokenSpan span;  // the number's own tokens (not the hedge)
  quantity::Quantity quantity;
};

struct DateRef {
  TokenSpan span;
  dates::DateMention mention;
};

struct SentenceView {
  text::Sentence sentence;
  std::vector<text::Token> tokens;
  std::vector<uint32_t> cues;       // cue flags by token (set on every token of the phrase)
  std::vector<int> clause;          // clause number by token
  std::vector<std::string> disease; // disease id starting at a token, else empty
  std::vector<size_t> disease_length;  // its length in tokens
  std::vector<PlaceRef> places;
  std::vector<Anaphor> anaphors;
  std::vector<QuantityRef> quantities;
  std::vector<DateRef> dates;

  uint32_t CuesIn(size_t begin, size_t end) const;
  bool HasCue(uint32_t cue) const { return CuesIn(0, tokens.size()) & cue; }
  // Token index of the first token starting at or after byte `offset`.
  size_t TokenAt(size_t offset) const;
};

// What carries across sentences of one document.
struct DocumentContext {
  std::optional<Date> published;
  std::optional<Place> last_subject;
  std::optional<Place> last_country;
  std::optional<Place> last_subdivision;
  std::optional<Place> last_city;
  std::string last_disease;
  std::string main_disease;  // most frequent disease id in the document
  std::optional<Place> main_country;  // the country the document names most
};

// Builds the view of one sentence; `mentions` are the document's place mentions.
SentenceView AnalyseSentence(std::string_view text, const text::Sentence& sentence,
                             const std::vector<gazetteer::PlaceMention>& mentions,
                             const Lexicon& lexicon, std::optional<Date> published);

// Resolves an anaphor against the context (and the places earlier in the sentence).
std::optional<Place> ResolveAnaphor(const Anaphor& anaphor, const SentenceView& view,
                                    const DocumentContext& context,
                                    const gazetteer::Gazetteer& gazetteer);

// Updates the context with what the sentence named.
void RememberSentence(const SentenceView& view, DocumentContext& context,
                      const gazetteer::Gazetteer& gazetteer);

// The disease for an event at token `at`: nearest in the sentence, else the context's.
std::string DiseaseNear(const SentenceView& view, size_t at, const DocumentContext& context);

// The evidence record of a sentence.
Evidence EvidenceOf(std::string_view text, const text::Sentence& sentence);

// Case events of one sentence. `next` is the following sentence (for origins), if any.
void ExtractCases(std::string_view text, const SentenceView& view, const SentenceView* previous,
                  const SentenceView* next, const DocumentContext& context,
                  const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer,
                  std::vector<Event>& out);

// Measure events of one sentence.
void ExtractMeasures(std::string_view text, const SentenceView& view,
                     const DocumentContext& context, const Lexicon& lexicon,
                     const gazetteer::Gazetteer& gazetteer, std::vector<Event>& out);

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_ANALYSIS_H_
