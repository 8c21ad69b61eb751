// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): the JSON shapes the API returns for stored
// events, facts, documents, series and signals. Field names follow
// shared/spec/output.md. Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_JSON_VIEW_H_
#define EPIWIRE_SERVE_JSON_VIEW_H_

#include <nlohmann/json.hpp>

#include "epiwire/model/document.h"
#include "epiwire/model/fact.h"
#include "epiwire/output/json_writer.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

// null when the place is absent; coordinates are null when unknown.
nlohmann::json PlaceJson(const std::optional<Place>& place);
nlohmann::json DateJson(const std::optional<Date>& date);

// Lists and documents are written field by field (output::JsonWriter: a page of
// 5,000 events is megabytes, too many nodes for a tree). Events have the fields of
// shared/spec/output.md.
void WriteStoredEvent(output::JsonWriter& w, const store::StoredEvent& stored);
void WriteFact(output::JsonWriter& w, const Fact& fact);
// The document with its text, stories, removed ranges and events. Offsets are
// UTF-8 byte offsets into "text".
void WriteDocument(output::JsonWriter& w, const store::StoredDocument& stored);
// What was written, as the body of a 200 answer; text that is not valid UTF-8
// (which the store should never hold) has its bad bytes replaced, as the JSON
// library does for the other answers.
std::string FinishJson(std::string body);

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_JSON_VIEW_H_
