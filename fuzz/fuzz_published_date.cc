// SPDX-License-Identifier: MIT
// Fuzz target: the published-date finder of feeds and pages (ingest), on the
// bytes as a date string and as a Unix time. Any date found is a real calendar
// day in 1900..2200.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "epiwire/ingest/published_date.h"
#include "fuzz_check.h"

namespace {

void CheckFound(const std::optional<epiwire::Date>& date) {
  if (!date) return;
  epiwire::fuzz::CheckDate(*date, "published date is a calendar date");
  epiwire::fuzz::Check(date->year >= 1900 && date->year <= 2200, "year in 1900..2200");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  CheckFound(epiwire::ingest::ParsePublishedDate(epiwire::fuzz::AsText(data, size)));
  if (size >= sizeof(double)) {
    double seconds = 0;
    std::memcpy(&seconds, data, sizeof seconds);
    CheckFound(epiwire::ingest::DateFromUnixTime(seconds));
  }
  return 0;
}
