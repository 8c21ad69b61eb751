// SPDX-License-Identifier: MIT
// Events: reads case reports and public-health measures out of the sentences of
// a document, using the lexicons, the gazetteer's place mentions, quantities and
// date expressions. Tested by extractor_test.cc and the golden cases in
// tests/golden/events.
#ifndef EPIWIRE_EVENTS_EXTRACTOR_H_
#define EPIWIRE_EVENTS_EXTRACTOR_H_

#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/events/lexicon.h"
#include "epiwire/gazetteer/gazetteer.h"
#include "epiwire/model/date.h"
#include "epiwire/model/event.h"
#include "epiwire/text/sentences.h"

namespace epiwire::events {

// The places of `text` from the first of `sentences` (in text order) to the end of the
// last, with offsets in `text`: only where sentences are read, as the teasers and
// furniture around an article neither hold its events nor say which places it means.
std::vector<gazetteer::PlaceMention> PlacesOfSentences(const gazetteer::Gazetteer& gazetteer,
                                                       std::string_view text, size_t begin,
                                                       size_t end);

class EventExtractor {
 public:
  // Both must outlive the extractor. Thread-safe: Extract keeps no state between calls.
  EventExtractor(const Lexicon& lexicon, const gazetteer::Gazetteer& gazetteer)
      : lexicon_(lexicon), gazetteer_(gazetteer) {}

  // Events read from `sentences` (in text order) of `text`; `published` resolves
  // relative dates. Sentences of one document must come in one call: anaphora
  // ("the province", "it") and importation origins reach across sentences.
  std::vector<Event> Extract(std::string_view text, const std::vector<text::Sentence>& sentences,
                             std::optional<Date> published) const;
  // The same with the places of `text` found already (PlacesOfSentences over a span that
  // holds these sentences): a document read in several languages is placed once, not
  // once a language.
  std::vector<Event> Extract(std::string_view text, const std::vector<text::Sentence>& sentences,
                             std::optional<Date> published,
                             const std::vector<gazetteer::PlaceMention>& mentions) const;

 private:
  const Lexicon& lexicon_;
  const gazetteer::Gazetteer& gazetteer_;
};

}  // namespace epiwire::events

#endif  // EPIWIRE_EVENTS_EXTRACTOR_H_
