// SPDX-License-Identifier: MIT
// Facts: what several articles say once. The same figure (same kind, place,
// disease, status, period and count) read from several documents is one Fact with
// all its sources; different counts for the same key are kept as separate facts and
// flagged as conflicting.
#ifndef EPIWIRE_MODEL_FACT_H_
#define EPIWIRE_MODEL_FACT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "epiwire/model/event.h"

namespace epiwire {

// Where a fact was read: the document, the event's number in that document's
// output, and the evidence.
struct FactSource {
  std::string document_id;
  int event_index = 0;
  Evidence evidence;
  std::optional<Date> published;
};

struct Fact {
  int64_t id = 0;            // store-assigned, 0 before storing
  std::string key;           // everything but the count: see FactKey()
  Event event;               // the representative reading (first source's)
  std::vector<FactSource> sources;
  bool conflict = false;     // another fact has the same key and another count
};

// The identity of a figure without its count: type, disease, status or measure and
// action, aggregation, imported, place (geonameid, else country/subdivision/name),
// origin country, host (for animals), period. Two events with equal keys and counts are the same fact.
std::string FactKey(const Event& event);

}  // namespace epiwire

#endif  // EPIWIRE_MODEL_FACT_H_
