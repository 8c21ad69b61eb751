// SPDX-License-Identifier: MIT
// Fuzz target: the whole pipeline (Pipeline::Extract) on arbitrary bytes, made a
// document as the readers make one (invalid UTF-8 repaired; HTML converted when
// the first byte is odd). Checked on the extraction: every offset lies inside the
// text; evidence quotes equal the bytes they point at; dates are real calendar
// dates; counts are non-negative; the JSON output is valid UTF-8 and valid JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "epiwire/base/utf8.h"
#include "epiwire/ingest/reader.h"
#include "epiwire/output/json_output.h"
#include "epiwire/pipeline/pipeline.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;
using epiwire::fuzz::CheckDate;
using epiwire::fuzz::CheckPeriod;
using epiwire::fuzz::CheckRange;

namespace {

const epiwire::pipeline::Pipeline& ThePipeline() {
  static const std::unique_ptr<epiwire::pipeline::Pipeline> pipeline = [] {
    auto created = epiwire::pipeline::Pipeline::Create(epiwire::pipeline::FindDataDir(
        std::getenv("EPIWIRE_DATA_DIR") != nullptr ? std::getenv("EPIWIRE_DATA_DIR")
                                                   : EPIWIRE_FUZZ_DATA_DIR));
    Check(created.ok(), "the pipeline loads (set EPIWIRE_DATA_DIR to the data directory)");
    return std::move(created).value();
  }();
  return *pipeline;
}

void CheckPlace(const std::optional<epiwire::Place>& place) {
  if (!place) return;
  Check(place->country.empty() || place->country.size() == 2, "country is an alpha-2 code");
}

void CheckExtraction(const epiwire::Extraction& x) {
  const std::string& text = x.document.text;
  CheckDate(x.document.published, "published is a calendar date");
  for (const epiwire::Story& story : x.stories) {
    CheckRange(story.start, story.end, text.size(), "story inside the text");
    Check(story.score >= 0 && story.score <= 1, "story score in 0..1");
  }
  for (const epiwire::RemovedRange& removed : x.removed) {
    CheckRange(removed.start, removed.end, text.size(), "removed range inside the text");
  }
  for (const epiwire::Event& event : x.events) {
    const epiwire::Evidence& evidence = event.evidence;
    CheckRange(evidence.start, evidence.end, text.size(), "evidence inside the text");
    Check(evidence.quote == text.substr(evidence.start, evidence.end - evidence.start),
          "evidence quote equals the bytes it points at");
    if (event.period) CheckPeriod(*event.period, "event period is made of calendar dates");
    Check(event.count >= 0, "count is non-negative");
    CheckPlace(event.place);
    CheckPlace(event.origin);
    CheckPlace(event.target);
  }
  epiwire::output::JsonOptions options;
  options.include_text = true;
  const std::string line = epiwire::output::ToJsonLine(x, options);
  epiwire::fuzz::CheckUtf8(line, "JSON output is valid UTF-8");
  Check(line.find('\n') == std::string::npos, "JSON output is one line");
  Check(nlohmann::json::accept(line), "JSON output is valid JSON");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ThePipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > epiwire::fuzz::kMaxInput) return 0;
  epiwire::Document document;
  document.id = "fuzz";
  document.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  epiwire::RepairUtf8(document.text);
  if ((data[0] & 1) != 0) {
    document.format = "html";
    document.text = epiwire::ingest::HtmlToText(document.text).text;
  } else {
    document.format = "text";
  }
  if ((data[0] & 2) != 0) document.published = epiwire::Date{2020, 4, 8};
  CheckExtraction(ThePipeline().Extract(std::move(document)));
  return 0;
}
