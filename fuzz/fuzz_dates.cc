// SPDX-License-Identifier: MIT
// Fuzz target: the date reader (dates::FindDates, InferPublishedDate) on running
// text. The first two bytes pick a publication date (or none). Every mention lies
// inside the text, in order and without overlap; every period is made of real
// calendar days and starts before it ends; "until" mentions have no start.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/dates/date_expressions.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > epiwire::fuzz::kMaxInput) return 0;
  std::optional<epiwire::Date> published;
  const unsigned pick = data[0] | (data[1] << 8);
  if (pick != 0) published = epiwire::Date{2000, 1, 1}.AddDays(pick % 12000);
  const std::string_view text = epiwire::fuzz::AsText(data + 2, size - 2);

  const std::vector<epiwire::dates::DateMention> mentions =
      epiwire::dates::FindDates(text, published);
  size_t previous_end = 0;
  for (const epiwire::dates::DateMention& mention : mentions) {
    epiwire::fuzz::CheckRange(mention.start, mention.end, text.size(), "mention inside the text");
    Check(mention.start < mention.end, "mention is not empty");
    Check(mention.start >= previous_end, "mentions in order, without overlap");
    previous_end = mention.end;
    epiwire::fuzz::CheckPeriod(mention.period, "mention period is made of calendar dates");
    if (mention.kind == epiwire::dates::DateKind::kUntil) {
      Check(!mention.period.start && mention.period.end, "an until mention has an end only");
    }
  }
  const std::optional<epiwire::Date> inferred = epiwire::dates::InferPublishedDate(text);
  epiwire::fuzz::CheckDate(inferred, "inferred published date is a calendar date");
  return 0;
}
