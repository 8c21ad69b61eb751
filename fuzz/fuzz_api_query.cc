// SPDX-License-Identifier: MIT
// Fuzz target: the API's request targets ("/api/events?country=CN&limit=5"),
// decoded and split into parameters as the HTTP server does, answered by the Api
// over a small SQLite store in memory. Every answer is 200, 400, 404 or 501 (the
// store never fails), its body is valid UTF-8 and one JSON object, and an error
// body says what is wrong in "error".
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "epiwire/serve/api.h"
#include "epiwire/store/event_store.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;

namespace {

epiwire::Extraction SampleExtraction() {
  epiwire::Extraction x;
  x.document.id = "doc-1";
  x.document.text = "Officials in Peru reported 40 new cases of dengue.\n";
  x.document.published = epiwire::Date{2022, 6, 8};
  x.document.format = "text";
  epiwire::Event event;
  event.disease = "dengue";
  epiwire::Place peru;
  peru.name = "Peru";
  peru.country = "PE";
  peru.level = epiwire::PlaceLevel::kCountry;
  event.place = peru;
  event.count = 40;
  event.aggregation = epiwire::Aggregation::kNew;
  event.period = epiwire::Period::Day(epiwire::Date{2022, 6, 7});
  event.evidence = {0, 50, x.document.text.substr(0, 50)};
  x.events.push_back(event);
  return x;
}

epiwire::serve::Api& TheApi() {
  static const std::unique_ptr<epiwire::store::EventStore> store = [] {
    auto opened = epiwire::store::EventStore::Open(":memory:");
    Check(opened.ok(), "an in-memory store opens");
    Check(opened.value()->Put(SampleExtraction()).ok(), "the sample document is stored");
    return std::move(opened).value();
  }();
  static epiwire::serve::Api api(*store, 50);
  return api;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheApi();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // the server refuses longer request lines
  const std::string target(epiwire::fuzz::AsText(data, size));
  const size_t question = target.find('?');
  const std::string path = "/api/" + httplib::detail::decode_url(target.substr(0, question), false);
  httplib::Params params;
  if (question != std::string::npos)
    httplib::detail::parse_query_text(target.substr(question + 1), params);

  const epiwire::serve::ApiResponse answer = TheApi().Get(path, params);
  Check(
      answer.status == 200 || answer.status == 400 || answer.status == 404 || answer.status == 501,
      "status is 200, 400, 404 or 501");
  epiwire::fuzz::CheckUtf8(answer.body, "body is valid UTF-8");
  const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
  Check(body.is_object(), "body is one JSON object");
  if (answer.status != 200) {
    Check(body.contains("error") && body["error"].is_string() &&
              !body["error"].get<std::string>().empty(),
          "an error body says what is wrong");
  }
  return 0;
}
