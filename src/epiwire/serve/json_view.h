// SPDX-License-Identifier: MIT
// Internal to serve (see server.h): the JSON shapes the API returns for stored
// events, facts, documents, series and signals. Field names follow
// shared/spec/output.md. Tested through server_test.cc.
#ifndef EPIWIRE_SERVE_JSON_VIEW_H_
#define EPIWIRE_SERVE_JSON_VIEW_H_

#include <nlohmann/json.hpp>

#include "epiwire/model/document.h"
#include "epiwire/model/fact.h"
#include "epiwire/store/event_store.h"

namespace epiwire::serve {

// null when the place is absent; coordinates are null when unknown.
nlohmann::json PlaceJson(const std::optional<Place>& place);
nlohmann::json EventJson(const Event& event);
nlohmann::json StoredEventJson(const store::StoredEvent& stored);
nlohmann::json FactJson(const Fact& fact);
// The document with its text, stories, removed ranges and events. Offsets are
// UTF-8 byte offsets into "text".
nlohmann::json DocumentJson(const store::StoredDocument& stored);
nlohmann::json DateJson(const std::optional<Date>& date);

}  // namespace epiwire::serve

#endif  // EPIWIRE_SERVE_JSON_VIEW_H_
