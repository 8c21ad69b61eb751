// SPDX-License-Identifier: MIT
// Fuzz target: number and quantity reading (quantity::FindQuantities,
// ParseNumber). Quantities lie inside the text, in order and without overlap,
// the number inside the quantity; counts are non-negative.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "epiwire/quantity/quantity.h"
#include "fuzz_check.h"

using epiwire::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > epiwire::fuzz::kMaxInput) return 0;
  const std::string_view text = epiwire::fuzz::AsText(data, size);

  const std::vector<epiwire::quantity::Quantity> found = epiwire::quantity::FindQuantities(text);
  size_t previous_end = 0;
  for (const epiwire::quantity::Quantity& q : found) {
    epiwire::fuzz::CheckRange(q.start, q.end, text.size(), "quantity inside the text");
    Check(q.start < q.end, "quantity is not empty");
    Check(q.start <= q.number_start && q.number_start < q.end, "number inside its quantity");
    Check(q.start >= previous_end, "quantities in order, without overlap");
    previous_end = q.end;
    Check(q.value >= 0, "a count is non-negative");
  }
  if (size <= 256) {
    const std::optional<int64_t> number = epiwire::quantity::ParseNumber(text);
    if (number) Check(*number >= 0, "a parsed number is non-negative");
    epiwire::quantity::IsNumberWord(text);
  }
  return 0;
}
